import { sql } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles';
import { caseWeight, complexityEvent, workerCaseload, type WorkerCaseload } from '../../domain/workforce/caseload';
import { profileHistory, profileOn, workforceEvent, type WorkforceProfile } from '../../domain/workforce/profile';
import type { Executor } from '../../platform/db/database';
import { eventStore } from '../../platform/events/eventStore';
import { events } from '../../platform/events/eventTables';
import type { RecordedEvent } from '../../domain/records/events';
import { youthJusticeOf } from '../../domain/youthJustice/youthJusticeCase';
import { yosEvent, yosEventTypes } from '../../domain/youthJustice/youthJusticeCodes';
import { staffEventStore, type StaffEvent } from '../../platform/events/staffEventStore';
import type { PeopleService } from '../people/peopleService';

/** A case a worker holds, with its weight in their caseload. */
export interface HeldCase {
  personId: string;
  /** The team the record is allocated to; null for a youth justice case held only as its case manager. */
  teamId: string | null;
  /**
   * How the worker holds it: allocated on the record (`child.allocated`), or as the case manager of
   * an open Youth Offending Service case (`yos.referral_allocated`, issue 12), which leaves the
   * record's allocation to its social care team as it is.
   */
  via: 'allocation' | 'youth_justice';
  weight: number;
  /** The manager's assessment of its complexity, when there is one. */
  complexity: { level: string; reason: string; at: Date; byName: string | null } | null;
  /** Allocated beyond the worker's limit: the manager's reason, kept on the allocation. */
  overLimit: { reason: string; at: Date; byName: string | null } | null;
}

/** A case ends with its closure: a record still allocated after `closure.completed` (and not allocated again since) is no longer held. */
const closedOrAllocated = ['child.allocated', 'closure.completed'] as const;

/**
 * Reading caseloads: the records allocated to workers (through the people module's allocation
 * query) and the open youth justice cases they manage, each case's weight from its latest complexity assessment, and the workers' profiles from
 * their staff records. Every read takes the caller's executor, so the allocation check can run in
 * the allocation's own transaction.
 */
export function caseloadReader(people: PeopleService) {
  /**
   * The records among these whose allocation still stands: not closed (`closure.completed`) since
   * they were last allocated. Every count of cases held — a worker's, a team's, the front door's —
   * goes through this, so the figures on one page agree.
   */
  async function openAllocations(executor: Executor, personIds: readonly string[]): Promise<Map<string, RecordedEvent | null>> {
    const latest = new Map((await eventStore.latestOfTypes(executor, personIds, closedOrAllocated)).map((e) => [e.personId, e]));
    const open = new Map<string, RecordedEvent | null>();
    for (const id of personIds) {
      const event = latest.get(id) ?? null;
      if (event?.type !== 'closure.completed') open.set(id, event);
    }
    return open;
  }

  /**
   * The children each of these workers case-manages for the Youth Offending Service (issue 12): an
   * open youth justice case whose latest allocation (`yos.referral_allocated`) names them. Read
   * from the children's `yos.*` events with the service's own reader, so a case closed, or opened
   * again and not yet allocated, is not counted.
   */
  async function youthJusticeCases(executor: Executor, workerIds: readonly string[]): Promise<{ personId: string; workerId: string }[]> {
    const named = (await executor.execute(
      sql`select distinct ${events.personId} as person_id from ${events} where ${events.type} = ${yosEvent.allocated} and ${events.data}->>'caseManagerId' = any(${sql.param([...workerIds])}::text[])`,
    )) as unknown as { rows: { person_id: string }[] };
    const ids = named.rows.map((r) => r.person_id);
    if (ids.length === 0) return [];
    const streams = new Map<string, RecordedEvent[]>();
    for (const e of await eventStore.ofTypesFor(executor, ids, yosEventTypes)) streams.set(e.personId, [...(streams.get(e.personId) ?? []), e]);
    const wanted = new Set(workerIds);
    return ids.flatMap((personId) => {
      const y = youthJusticeOf(streams.get(personId) ?? []);
      const manager = y.open ? y.current?.caseManager?.id : undefined;
      return manager && wanted.has(manager) ? [{ personId, workerId: manager }] : [];
    });
  }

  async function held(executor: Executor, workerIds: readonly string[]): Promise<Map<string, HeldCase[]>> {
    const unique = [...new Set(workerIds)];
    const found = new Map<string, HeldCase[]>(unique.map((id) => [id, []]));
    if (unique.length === 0) return found;
    const result = (await executor.execute(
      sql`select a.person_id, a.team_id, a.worker_id from (${people.allocationSql()}) a where a.worker_id = any(${sql.param(unique)}::uuid[])`,
    )) as unknown as { rows: { person_id: string; team_id: string | null; worker_id: string }[] };
    const open = await openAllocations(executor, result.rows.map((r) => r.person_id));
    const allocated = result.rows.filter((r) => open.has(r.person_id));
    // A child whose case a worker holds on the record as well as for the YOS counts once.
    const holding = new Set(allocated.map((r) => `${r.worker_id}:${r.person_id}`));
    const youthJustice = (await youthJusticeCases(executor, unique)).filter((c) => !holding.has(`${c.workerId}:${c.personId}`));
    const ids = [...new Set([...allocated.map((r) => r.person_id), ...youthJustice.map((c) => c.personId)])];
    const assessed = new Map((await eventStore.latestOfTypes(executor, ids, [complexityEvent])).map((e) => [e.personId, e]));
    const complexityOf = (personId: string) => {
      const weighed = assessed.get(personId) ?? null;
      return {
        weight: caseWeight(weighed),
        complexity: weighed ? { level: String(weighed.data.weight ?? ''), reason: String(weighed.data.reason ?? ''), at: weighed.occurredAt, byName: weighed.recordedByName } : null,
      };
    };
    for (const row of allocated) {
      const allocation = open.get(row.person_id) ?? null;
      const reason = allocation?.data.overLimitReason;
      found.get(row.worker_id)?.push({
        personId: row.person_id,
        teamId: row.team_id,
        via: 'allocation',
        ...complexityOf(row.person_id),
        overLimit: allocation && typeof reason === 'string' ? { reason, at: allocation.occurredAt, byName: allocation.recordedByName } : null,
      });
    }
    for (const c of youthJustice) found.get(c.workerId)?.push({ personId: c.personId, teamId: null, via: 'youth_justice', ...complexityOf(c.personId), overLimit: null });
    return found;
  }

  async function profiles(executor: Executor, userIds: readonly string[]): Promise<Map<string, StaffEvent[]>> {
    return staffEventStore.streams(executor, [...new Set(userIds)], [workforceEvent.profileRecorded]);
  }

  return {
    held,
    openAllocations,
    profiles,

    /** Each worker's caseload on a day: their cases by weight against the limit of the profile in force (or assumed from their roles). */
    async ofWorkers(executor: Executor, workers: readonly { id: string; roles: readonly Role[] }[], today: string) {
      const ids = workers.map((w) => w.id);
      const [cases, streams] = [await held(executor, ids), await profiles(executor, ids)];
      return new Map(
        workers.map((w) => {
          const events = streams.get(w.id) ?? [];
          const profile = profileOn(events, today);
          const mine = cases.get(w.id) ?? [];
          const caseload: WorkerCaseload & { profileRecorded: WorkforceProfile | null; history: WorkforceProfile[]; held: HeldCase[] } = {
            ...workerCaseload(profile, w.roles, mine.map((c) => c.weight), today),
            profileRecorded: profile,
            history: profileHistory(events),
            held: mine,
          };
          return [w.id, caseload];
        }),
      );
    },
  };
}

export type CaseloadReader = ReturnType<typeof caseloadReader>;
