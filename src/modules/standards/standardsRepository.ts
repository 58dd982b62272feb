import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { plain } from './obligationWrites';
import { obligations, obligationTallies, ruleOverrides } from './standardsTables';

export type ObligationRow = typeof obligations.$inferSelect;

/** An open obligation is overdue once its deadline has passed (the one comparison, in SQL too). */
export function stateSql(at: Date): SQL<string> {
  return sql<string>`case when ${obligations.outcome} = 'open' then case when ${obligations.deadline} < ${at.toISOString()}::timestamptz then 'overdue' else 'due' end when ${obligations.outcome} = 'missed' then 'overdue' else ${obligations.outcome} end`;
}

export interface ComplianceRow {
  ruleId: string;
  teamId: string | null;
  workerId: string | null;
  met: number;
  metLate: number;
  overdue: number;
  due: number;
}

/**
 * A period for the compliance figures: instants from and to (exclusive), and the whole London
 * months inside it (first days of months, `to` exclusive) with the instants they start at.
 */
export interface TallyPeriod {
  from: Date;
  to: Date;
  months: { from: string; to: string; fromInstant: Date; toInstant: Date } | null;
}

/** Counts as numbers, whichever way the driver gave them. */
const numbers = (r: ComplianceRow): ComplianceRow => ({ ...r, met: Number(r.met), metLate: Number(r.metLate), overdue: Number(r.overdue), due: Number(r.due) });

export const standardsRepository = {
  async forPerson(executor: Executor, personId: string, at: Date) {
    return executor
      .select({ obligation: obligations, state: stateSql(at) })
      .from(obligations)
      .where(eq(obligations.personId, personId))
      // Ties broken the same way on both engines: obligations due at the same moment come in the order they started.
      .orderBy(asc(obligations.deadline), asc(obligations.startedAt), asc(obligations.ruleId), asc(obligations.cycle), asc(obligations.startEventId));
  },

  /**
   * Open obligations of these people that are overdue, or due by `horizon`, soonest first. An
   * obligation whose episode has ended (missed) is for the compliance figures, not for a to-do list.
   */
  async openFor(executor: Executor, personIds: readonly string[], at: Date, horizon: Date) {
    if (personIds.length === 0) return [];
    return executor
      .select({ obligation: obligations, state: stateSql(at) })
      .from(obligations)
      .where(
        and(
          inArray(obligations.personId, [...personIds]),
          eq(obligations.outcome, 'open'),
          sql`${obligations.deadline} <= ${horizon.toISOString()}::timestamptz`,
        ),
      )
      .orderBy(asc(obligations.deadline));
  },

  /** One rule's open obligations across the authority, soonest first (a front door's list of reviews to do). */
  async openOfRule(executor: Executor, ruleId: string, at: Date, limit: number) {
    return executor
      .select({ obligation: obligations, state: stateSql(at) })
      .from(obligations)
      .where(and(eq(obligations.ruleId, ruleId), eq(obligations.outcome, 'open')))
      .orderBy(asc(obligations.deadline))
      .limit(limit);
  },

  /** How many obligations each person has open and overdue, and open and due by the horizon; rules whose ids begin with one of `hidePrefixes` left out. */
  async openCounts(executor: Executor, personIds: readonly string[], at: Date, horizon: Date, hidePrefixes: readonly string[] = []) {
    if (personIds.length === 0) return new Map<string, { overdue: number; dueSoon: number }>();
    const rows = await executor
      .select({
        personId: obligations.personId,
        overdue: sql<number>`count(*) filter (where ${obligations.deadline} < ${at.toISOString()}::timestamptz)::int`,
        dueSoon: sql<number>`count(*) filter (where ${obligations.deadline} >= ${at.toISOString()}::timestamptz and ${obligations.deadline} <= ${horizon.toISOString()}::timestamptz)::int`,
      })
      .from(obligations)
      .where(and(inArray(obligations.personId, [...personIds]), eq(obligations.outcome, 'open'), ...hidePrefixes.map((prefix) => sql`${obligations.ruleId} not like ${`${prefix}%`}`)))
      .groupBy(obligations.personId);
    return new Map(rows.map((r) => [r.personId, { overdue: Number(r.overdue), dueSoon: Number(r.dueSoon) }]));
  },

  /**
   * Obligations that fell due in a period, counted by how they stand now, per rule and per the
   * team the child is allocated to. Cancelled ones are left out: nothing was owed. Whole London
   * months of met, met late and missed come from the tallies; the part-months at either end, and
   * every open obligation (due or overdue depends on `at`), from obligations themselves.
   * `allocation` is a subquery giving each person's team and worker (from the people module).
   */
  async compliance(executor: Executor, period: TallyPeriod, ruleIds: readonly string[], at: Date, allocation: SQL): Promise<ComplianceRow[]> {
    const instant = (d: Date) => sql`${d.toISOString()}::timestamptz`;
    const { from, to, months } = period;
    // Closed obligations in [start, end), every rule named so that the (rule, deadline) index alone
    // answers, one range of it per rule.
    const rules = plain(ruleIds, 'text');
    const closed = (start: Date, end: Date) =>
      sql`select rule_id, person_id, outcome as state from ${obligations} where rule_id = any(${rules}) and deadline >= ${instant(start)} and deadline < ${instant(end)} and outcome in ('met', 'met_late', 'missed')`;
    const edges = months ? sql`${closed(from, months.fromInstant)} union all ${closed(months.toInstant, to)}` : closed(from, to);
    const result = (await executor.execute(sql`
      select rule_id as "ruleId", team_id as "teamId",
        coalesce(sum(n) filter (where state = 'met'), 0)::int as "met",
        coalesce(sum(n) filter (where state = 'met_late'), 0)::int as "metLate",
        coalesce(sum(n) filter (where state in ('missed', 'overdue')), 0)::int as "overdue",
        coalesce(sum(n) filter (where state = 'due'), 0)::int as "due"
      from (
        select t.rule_id, t.team_id, t.outcome as state, t.n
          from ${obligationTallies} t
          where ${months ? sql`t.month >= ${months.from}::date and t.month < ${months.to}::date` : sql`false`}
        union all
        select o.rule_id, a.team_id, o.state, 1
          from (
            ${edges}
            union all
            select rule_id, person_id, ${stateSql(at)}
              from ${obligations} where outcome = 'open' and deadline >= ${instant(from)} and deadline < ${instant(to)}
          ) o
          left join (${allocation}) a on a.person_id = o.person_id
      ) counted
      group by rule_id, team_id
      having sum(n) <> 0`)) as unknown as { rows: ComplianceRow[] };
    return result.rows.map((r) => ({ ...numbers(r), workerId: null }));
  },

  /** One rule's obligations that fell due in a period, counted per team and worker (the drill-down). */
  async complianceOfRule(executor: Executor, ruleId: string, from: Date, to: Date, at: Date, allocation: SQL): Promise<ComplianceRow[]> {
    const result = (await executor.execute(sql`
      select o.rule_id as "ruleId", a.team_id as "teamId", a.worker_id as "workerId",
        count(*) filter (where o.outcome = 'met')::int as "met",
        count(*) filter (where o.outcome = 'met_late')::int as "metLate",
        count(*) filter (where o.outcome = 'missed' or (o.outcome = 'open' and o.deadline < ${at.toISOString()}::timestamptz))::int as "overdue",
        count(*) filter (where o.outcome = 'open' and o.deadline >= ${at.toISOString()}::timestamptz)::int as "due"
      from ${obligations} o
      left join (${allocation}) a on a.person_id = o.person_id
      where o.rule_id = ${ruleId} and o.deadline >= ${from.toISOString()}::timestamptz and o.deadline < ${to.toISOString()}::timestamptz and o.outcome <> 'cancelled'
      group by o.rule_id, a.team_id, a.worker_id`)) as unknown as { rows: ComplianceRow[] };
    return result.rows.map(numbers);
  },

  /**
   * Folds the tallies' rows of changes into one row per rule, team, month and outcome. One
   * statement, so it sees one snapshot: rows another transaction adds meanwhile are left alone.
   */
  async compactTallies(executor: Executor): Promise<void> {
    await executor.execute(sql`with gone as (delete from ${obligationTallies} returning rule_id, team_id, month, outcome, n)
      insert into ${obligationTallies} (rule_id, team_id, month, outcome, n)
      select rule_id, team_id, month, outcome, sum(n) from gone group by 1, 2, 3, 4 having sum(n) <> 0`);
  },

  /** Counts the tallies again from obligations (after a full recompute), in one statement as above. */
  async rebuildTallies(executor: Executor, allocation: SQL): Promise<void> {
    // A data-modifying WITH runs whether or not it is read, and both parts see the same snapshot.
    await executor.execute(sql`with gone as (delete from ${obligationTallies} returning 1)
      insert into ${obligationTallies} (rule_id, team_id, month, outcome, n)
      select o.rule_id, a.team_id, hearth_obligation_month(o.deadline), o.outcome, count(*)
      from ${obligations} o left join (${allocation}) a on a.person_id = o.person_id
      where o.outcome in ('met', 'met_late', 'missed')
      group by 1, 2, 3, 4`);
  },

  /** The obligations of one rule that fell due in a period, for drilling down to the children. */
  async ofRuleInPeriod(executor: Executor, ruleId: string, from: Date, to: Date, at: Date, limit: number) {
    return executor
      .select({ obligation: obligations, state: stateSql(at) })
      .from(obligations)
      .where(
        and(
          eq(obligations.ruleId, ruleId),
          sql`${obligations.deadline} >= ${from.toISOString()}::timestamptz`,
          sql`${obligations.deadline} < ${to.toISOString()}::timestamptz`,
          sql`${obligations.outcome} <> 'cancelled'`,
        ),
      )
      .orderBy(asc(obligations.deadline))
      .limit(limit);
  },

  async overrides(executor: Executor) {
    return executor.select().from(ruleOverrides).orderBy(asc(ruleOverrides.ruleId), asc(ruleOverrides.effectiveFrom), asc(ruleOverrides.createdAt));
  },

  async addOverride(executor: Executor, override: typeof ruleOverrides.$inferInsert) {
    const [row] = await executor.insert(ruleOverrides).values(override).returning();
    return row as typeof ruleOverrides.$inferSelect;
  },

  /** People with an event that starts, satisfies or cancels one of these rules: whom a change to them affects. */
  async peopleWithEventTypes(executor: Executor, types: readonly string[]): Promise<string[]> {
    if (types.length === 0) return [];
    const result = (await executor.execute(sql`select distinct person_id as id from events where type in (${sql.join(types.map((t) => sql`${t}`), sql`, `)})`)) as unknown as { rows: { id: string }[] };
    return result.rows.map((r) => r.id);
  },

  async everyoneWithEvents(executor: Executor): Promise<string[]> {
    const result = (await executor.execute(sql`select distinct person_id as id from events`)) as unknown as { rows: { id: string }[] };
    return result.rows.map((r) => r.id);
  },
};
