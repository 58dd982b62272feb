import type { RecordedEvent } from '../../domain/records/events';
import type { Permission } from '../../domain/access/permissions';
import type { Problem } from '../../domain/people/personDetails';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { advisoryLock } from '../../platform/db/advisoryLock';
import type { Db, Executor } from '../../platform/db/database';
import { ValidationError } from '../../platform/errors';
import { staffEventStore, type NewStaffEvent, type StaffEvent } from '../../platform/events/staffEventStore';
import type { PersonRecord } from '../people/peopleRepository';
import type { NewEventFor } from '../people/recordChange';
import type { PeopleService } from '../people/peopleService';
import type { StaffMember } from '../staff/staffRepository';
import { londonDate } from '../../domain/calendar/localDate';
import { staffRecordOf, type StaffRecord } from './supervisionAccess';

export interface Decided {
  staff: NewStaffEvent[];
  children?: NewEventFor[];
}

export interface Written {
  staff: StaffEvent[];
  children: RecordedEvent[];
}

/** Problems from several checks, thrown together so the form says everything that is wrong at once. */
export function throwIfAny(problems: Problem[]): void {
  if (problems.length > 0) throw new ValidationError(problems);
}

/** The problems a check raised, or none: lets a form collect every problem before refusing. */
export function problemsFrom(check: () => unknown): Problem[] {
  try {
    check();
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
}

/**
 * Every change to a member of staff's supervision goes this way, in one transaction: their
 * record locked (two signatures at once cannot both pass the "not signed yet" check), read again,
 * the use case's decision, its events appended, and the audit row. A change that also writes on
 * children's records (case supervision discussed in a session, the worker's signature on it) goes
 * through the people service, so each child's record is locked, checked for `work:record` (a
 * refusal audited on that record), and its standards recomputed, all in the same transaction.
 */
export function supervisionWrites(db: Db, clock: Clock, people: PeopleService) {
  return async function write(
    context: RequestContext,
    member: StaffMember,
    action: string,
    decide: (record: StaffRecord, now: Date, children: PersonRecord[], streams: ReadonlyMap<string, RecordedEvent[]>) => Decided,
    childrenOn?: { personIds: readonly string[]; permission: Permission; action: string },
  ): Promise<Written> {
    let staffWritten: StaffEvent[] = [];
    const inTransaction = async (tx: Executor, now: Date, children: PersonRecord[], streams: ReadonlyMap<string, RecordedEvent[]>) => {
      await advisoryLock(tx, `staff-record:${member.id}`);
      const record = staffRecordOf(member, await staffEventStore.stream(tx, member.id), londonDate(now));
      const decided = decide(record, now, children, streams);
      staffWritten = await staffEventStore.append(tx, decided.staff, context.actor, now);
      await audit.record(tx, context, { action, details: { staffId: member.id, events: staffWritten.map((e) => ({ id: e.id, type: e.type })) } });
      return decided.children ?? [];
    };
    if (childrenOn && childrenOn.personIds.length > 0) {
      const children = await people.recordOn(context, childrenOn.personIds, childrenOn.permission, childrenOn.action, (records, streams, now, tx) => inTransaction(tx, now, records, streams));
      return { staff: staffWritten, children };
    }
    await db.transaction(async (tx) => inTransaction(tx, clock.now(), [], new Map()));
    return { staff: staffWritten, children: [] };
  };
}

export type SupervisionWrite = ReturnType<typeof supervisionWrites>;
