import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Each child's obligations, derived from their events and the catalogue and rewritten in the
 * transaction of every event on their record (issue 3). Derived data: `npx hearth standards
 * recompute` rebuilds it all. Whether an open obligation is due or overdue is decided when it
 * is read, from its deadline.
 */
export const obligations = pgTable(
  'obligations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    personId: uuid('person_id').notNull(),
    ruleId: text('rule_id').notNull(),
    ruleVersion: integer('rule_version').notNull(),
    startEventId: uuid('start_event_id').notNull(),
    cycle: integer('cycle').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    outcome: text('outcome').notNull().$type<'open' | 'met' | 'met_late' | 'cancelled' | 'missed'>(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneEventId: uuid('done_event_id'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    lateReason: text('late_reason'),
    responsible: text('responsible').notNull(),
  },
  (t) => [
    index('obligations_person').on(t.personId),
    index('obligations_rule_deadline').on(t.ruleId, t.deadline),
    index('obligations_open_deadline').on(t.deadline).where(sql`outcome = 'open'`),
  ],
);

/**
 * An authority's changes to the catalogue: a rule's timescale, or switching it on or off, from
 * a date (issue 3: "Versions"). Append-only: the history of what was in force stays.
 */
export const ruleOverrides = pgTable(
  'rule_overrides',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    ruleId: text('rule_id').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    enabled: boolean('enabled').notNull(),
    amount: integer('amount'),
    unit: text('unit'),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
  },
  (t) => [index('rule_overrides_rule').on(t.ruleId, t.effectiveFrom)],
);
