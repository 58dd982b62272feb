import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A member of staff's own record (issue 12): an append-only log of dated events about them, as a
 * child's record is (DESIGN.md) — their workforce profile (practitioner, hours, caseload limits,
 * induction and assessed year), supervision contracts, supervision sessions and both signatures,
 * amendments, observations of supervision and a line manager's audits
 * (specialist-service-statement.txt 5.2-5.4). Rows are never updated or deleted: the database
 * refuses it (migrations/0014_staff_events_append_only.sql). A correction is a new event that
 * refers to the one it corrects, with a reason.
 */
export const staffEvents = pgTable(
  'staff_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid('id').notNull().unique().default(sql`gen_random_uuid()`),
    /** The member of staff the event is about (the supervisee, for supervision). */
    userId: uuid('user_id').notNull(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(sql`now()`),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name'),
    data: jsonb('data').notNull().$type<Record<string, unknown>>(),
    reason: text('reason'),
    /** The event this one signs, amends, observes or corrects. */
    refersTo: uuid('refers_to'),
  },
  (t) => [
    index('staff_events_user_seq').on(t.userId, t.seq),
    index('staff_events_type_occurred').on(t.type, t.occurredAt),
    index('staff_events_refers_to').on(t.refersTo),
  ],
);
