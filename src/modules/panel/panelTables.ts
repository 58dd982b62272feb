import { sql } from 'drizzle-orm';
import { bigint, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A meeting of the Resource and Care Panel (resource-and-care-panel-policy.txt 1.5-1.8, I.14-I.20):
 * its schedule, chair, members' attendance and declarations, agenda, action log and the finance
 * log's sign-off, kept as an append-only log of dated events, one stream per meeting. The database
 * refuses to change or remove a row (migration 0012). Decisions about a child are also on the
 * child's own record (I.18).
 */
export const panelMeetingEvents = pgTable(
  'panel_meeting_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid('id').notNull().unique(),
    meetingId: uuid('meeting_id').notNull(),
    /** The meeting's London date, on every row, to find a meeting by its day. */
    meetingDate: date('meeting_date', { mode: 'string' }).notNull(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(sql`now()`),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name'),
    data: jsonb('data').notNull().$type<Record<string, unknown>>(),
  },
  (t) => [index('panel_meeting_events_meeting').on(t.meetingId, t.seq), index('panel_meeting_events_date').on(t.meetingDate)],
);
