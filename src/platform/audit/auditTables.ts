import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Who read or changed what, when and from where. Append-only: the database refuses UPDATE,
 * DELETE and TRUNCATE on this table (migrations/0002_append_only.sql).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
    userId: uuid('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    outcome: text('outcome').notNull().$type<'allowed' | 'denied' | 'failed'>(),
    personId: uuid('person_id'),
    method: text('method'),
    path: text('path'),
    ipAddress: text('ip_address'),
    via: text('via'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_person_at').on(t.personId, t.at),
    index('audit_user_at').on(t.userId, t.at),
    index('audit_at').on(t.at),
  ],
);
