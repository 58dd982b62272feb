import { sql } from 'drizzle-orm';
import { bigint, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The Resource Service's daily duty (resource-service-policy.txt 2.1: "a daily duty system so that
 * a Placement social worker is available"): who is on duty each day. Append-only like the record:
 * a change of duty is a new row for the day, and the latest row for a day is the rota.
 */
export const resourceDutyRota = pgTable(
  'resource_duty_rota',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    officerId: uuid('officer_id').notNull(),
    officerName: text('officer_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(sql`now()`),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
  },
  (t) => [index('resource_duty_rota_date').on(t.onDate, t.seq)],
);
