import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { obligations, ruleOverrides } from './standardsTables';

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

export const standardsRepository = {
  async forPerson(executor: Executor, personId: string, at: Date) {
    return executor
      .select({ obligation: obligations, state: stateSql(at) })
      .from(obligations)
      .where(eq(obligations.personId, personId))
      .orderBy(asc(obligations.deadline));
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

  /** How many obligations each person has open and overdue, and open and due by the horizon. */
  async openCounts(executor: Executor, personIds: readonly string[], at: Date, horizon: Date) {
    if (personIds.length === 0) return new Map<string, { overdue: number; dueSoon: number }>();
    const rows = await executor
      .select({
        personId: obligations.personId,
        overdue: sql<number>`count(*) filter (where ${obligations.deadline} < ${at.toISOString()}::timestamptz)::int`,
        dueSoon: sql<number>`count(*) filter (where ${obligations.deadline} >= ${at.toISOString()}::timestamptz and ${obligations.deadline} <= ${horizon.toISOString()}::timestamptz)::int`,
      })
      .from(obligations)
      .where(and(inArray(obligations.personId, [...personIds]), eq(obligations.outcome, 'open')))
      .groupBy(obligations.personId);
    return new Map(rows.map((r) => [r.personId, { overdue: Number(r.overdue), dueSoon: Number(r.dueSoon) }]));
  },

  /**
   * Obligations that fell due in a period, counted by how they stand now, per rule and per the
   * team and worker the child is allocated to. Cancelled ones are left out: nothing was owed.
   * `allocation` is a subquery giving each person's team and worker (from the people module).
   */
  async compliance(executor: Executor, from: Date, to: Date, at: Date, allocation: SQL): Promise<ComplianceRow[]> {
    const result = (await executor.execute(sql`
      select o.rule_id as "ruleId", a.team_id as "teamId", a.worker_id as "workerId",
        count(*) filter (where o.outcome = 'met')::int as "met",
        count(*) filter (where o.outcome = 'met_late')::int as "metLate",
        count(*) filter (where o.outcome = 'missed' or (o.outcome = 'open' and o.deadline < ${at.toISOString()}::timestamptz))::int as "overdue",
        count(*) filter (where o.outcome = 'open' and o.deadline >= ${at.toISOString()}::timestamptz)::int as "due"
      from ${obligations} o
      left join (${allocation}) a on a.person_id = o.person_id
      where o.deadline >= ${from.toISOString()}::timestamptz and o.deadline < ${to.toISOString()}::timestamptz and o.outcome <> 'cancelled'
      group by o.rule_id, a.team_id, a.worker_id`)) as unknown as { rows: ComplianceRow[] };
    return result.rows.map((r) => ({ ...r, met: Number(r.met), metLate: Number(r.metLate), overdue: Number(r.overdue), due: Number(r.due) }));
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
