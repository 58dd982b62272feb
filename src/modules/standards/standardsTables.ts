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
    // Both INCLUDE the columns the compliance figures count by (added by hand in migration
    // 0005), so that those are counted from the index alone.
    index('obligations_rule_deadline').on(t.ruleId, t.deadline),
    index('obligations_open_deadline').on(t.deadline).where(sql`outcome = 'open'`),
    // A caseload's open obligations (My work, a team's counts): a few dozen people's, found by
    // person among the open ones only. Without it the planner scanned every open obligation of the
    // authority (60 ms at 50,000 children, issue 9).
    index('obligations_open_person').on(t.personId, t.deadline).where(sql`outcome = 'open'`),
  ],
);

/**
 * A digest of each person's stored obligations, as the full recompute last wrote or checked them
 * (issue 9: the full recompute of the large authority). The next full recompute compares its own
 * digest with this one instead of reading and comparing the rows. Triggers on obligations
 * (migration 0017) remove a person's digest in the same statement as any insert, update or delete
 * of their rows, and truncating obligations empties it, so a digest here always describes the
 * rows as they are: a row written by an event since, or changed by hand behind Hearth's back,
 * leaves no digest, and that person is compared row by row. Derived data, like obligations.
 */
export const obligationDigests = pgTable('obligation_digests', {
  personId: uuid('person_id').primaryKey(),
  digest: text('digest').notNull(),
});

/**
 * How many obligations were met, met late or missed, per rule, team and London month of their
 * deadline: what the compliance page adds up instead of reading every obligation of the period
 * (issue 3 aims for under 300 ms for the whole authority). Kept by triggers on obligations and
 * on people's allocated team (migration 0006), as rows of changes: a write only ever adds rows
 * (+n or -n), so two transactions never wait on the same row, and `compactTallies` folds them
 * together now and then. Derived data, like obligations: `npx hearth standards recompute`
 * rebuilds it. Open obligations are not counted here: whether they are due or overdue depends
 * on when the page is read, so they are counted from obligations (a partial index keeps that small).
 */
export const obligationTallies = pgTable(
  'obligation_tallies',
  {
    ruleId: text('rule_id').notNull(),
    teamId: uuid('team_id'),
    month: date('month', { mode: 'string' }).notNull(),
    outcome: text('outcome').notNull().$type<'met' | 'met_late' | 'missed'>(),
    n: integer('n').notNull(),
  },
  (t) => [index('obligation_tallies_month').on(t.month)],
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
