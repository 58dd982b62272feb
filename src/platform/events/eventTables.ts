import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The record: an append-only log of dated events, one stream per person (DESIGN.md).
 * Rows are never updated or deleted; the database refuses it (migrations/0002_append_only.sql).
 * A correction is a new event that refers to the one it corrects, with a reason.
 */
export const events = pgTable(
  'events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid('id').notNull().unique(),
    personId: uuid('person_id').notNull(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(sql`now()`),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name'),
    data: jsonb('data').notNull().$type<Record<string, unknown>>(),
    reason: text('reason'),
    refersTo: uuid('refers_to'),
  },
  (t) => [
    index('events_person_seq').on(t.personId, t.seq),
    index('events_person_occurred').on(t.personId, t.occurredAt, t.seq),
    index('events_type_occurred').on(t.type, t.occurredAt),
    index('events_refers_to').on(t.refersTo),
  ],
);
