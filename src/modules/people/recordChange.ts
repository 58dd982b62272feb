import { randomUUID } from 'node:crypto';
import { can } from '../../domain/access/can';
import type { Permission } from '../../domain/access/permissions';
import type { NewEvent, RecordedEvent } from '../../domain/records/events';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db, Executor } from '../../platform/db/database';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import { eventStore } from '../../platform/events/eventStore';
import { project } from './peopleProjector';
import type { RecordHooks } from './recordHooks';
import { peopleRepository, type PersonRecord } from './peopleRepository';

class Denied extends Error {}

/** Refused because of another record the change touches (the other side of a relationship). */
export class DeniedOn extends Error {
  constructor(readonly personId: string) {
    super('denied');
  }
}

/**
 * A change that also alters what another record shows (a relationship appears on both people's
 * front sheets) needs permission to change that record too, and is audited on it as well.
 */
export async function alsoChanging(tx: Executor, context: RequestContext, action: string, personId: string, otherId: string): Promise<PersonRecord> {
  const other = await peopleRepository.find(tx, otherId);
  if (!other) throw new NotFoundError('The related person');
  if (!can(context.actor, 'child:correct', other)) throw new DeniedOn(otherId);
  await audit.record(tx, context, { action, personId: otherId, details: { changedFrom: personId } });
  return other;
}

export type NewEventFor = Omit<NewEvent, 'id' | 'personId'> & { personId?: string };

/**
 * Every change to a record goes this way, in one transaction: lock the record, check the actor
 * may make the change, let the use case decide the events (or refuse with a ValidationError),
 * append them, bring the projections up to date, and write the audit row. A refusal of access
 * is audited too, after the transaction has been rolled back.
 */
export function recordChanges(db: Db, clock: Clock, hooks: RecordHooks) {
  const many = recordChangesOnMany(db, clock, hooks);
  return async function change(
    context: RequestContext,
    personId: string,
    permission: Permission,
    action: string,
    decide: (record: PersonRecord, tx: Executor, now: Date) => Promise<NewEventFor[]> | NewEventFor[],
    details: (events: RecordedEvent[]) => Record<string, unknown> = () => ({}),
  ): Promise<RecordedEvent[]> {
    return many(context, [personId], permission, action, ([record], tx, now) => decide(record as PersonRecord, tx, now), details);
  };
}

export type RecordChange = ReturnType<typeof recordChanges>;

/**
 * The same for a change that is about several records at once (a contact about three siblings):
 * every record is locked (in one order, so two such changes cannot deadlock), each must allow
 * the change, and each is audited. Records the actor may not change are refused together.
 */
export function recordChangesOnMany(db: Db, clock: Clock, hooks: RecordHooks) {
  return async function changeMany(
    context: RequestContext,
    personIds: readonly string[],
    permission: Permission,
    action: string,
    decide: (records: PersonRecord[], tx: Executor, now: Date) => Promise<NewEventFor[]> | NewEventFor[],
    details: (events: RecordedEvent[]) => Record<string, unknown> = () => ({}),
  ): Promise<RecordedEvent[]> {
    const ids = [...new Set(personIds)];
    let refused: string[] = [];
    try {
      return await db.transaction(async (tx) => {
        const locked = new Map<string, PersonRecord>();
        for (const id of [...ids].sort()) {
          const record = await peopleRepository.lock(tx, id);
          if (!record) throw new NotFoundError('The record');
          locked.set(id, record);
        }
        const records = ids.map((id) => locked.get(id) as PersonRecord);
        refused = records.filter((r) => !can(context.actor, permission, r)).map((r) => r.id);
        if (refused.length > 0) throw new Denied();
        const now = clock.now();
        const decided = await decide(records, tx, now);
        const recorded = await eventStore.append(
          tx,
          decided.map((e) => ({ ...e, id: randomUUID(), personId: e.personId ?? (ids[0] as string) })),
          context.actor,
          now,
        );
        for (const event of recorded) await project(tx, event);
        await hooks.afterRecorded(tx, [...new Set(recorded.map((e) => e.personId))], recorded);
        for (const personId of ids) {
          const own = recorded.filter((e) => e.personId === personId || ids.length === 1);
          await audit.record(tx, context, {
            action,
            personId,
            details: { events: own.map((e) => ({ id: e.id, type: e.type })), ...details(own) },
          });
        }
        return recorded;
      });
    } catch (error) {
      if (error instanceof DeniedOn) {
        await audit.record(db, context, { action, outcome: 'denied', personId: error.personId, details: { changedFrom: ids[0] } });
        throw new ForbiddenError("You do not have permission to change the other person's record, which this would change too");
      }
      if (error instanceof ForbiddenError) {
        // A use case's own refusal of this actor (only the worker named signs a supervision record):
        // audited on each record like the permission refusals, after the transaction is rolled back.
        for (const personId of ids) await audit.record(db, context, { action, outcome: 'denied', personId });
        throw error;
      }
      if (!(error instanceof Denied)) throw error;
      for (const personId of refused) await audit.record(db, context, { action, outcome: 'denied', personId });
      throw new ForbiddenError(ids.length > 1 ? 'You do not have permission to change one of these records' : 'You do not have permission to change this record');
    }
  };
}

export type RecordChangeOnMany = ReturnType<typeof recordChangesOnMany>;
