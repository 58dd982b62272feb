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
  return async function change(
    context: RequestContext,
    personId: string,
    permission: Permission,
    action: string,
    decide: (record: PersonRecord, tx: Executor, now: Date) => Promise<NewEventFor[]> | NewEventFor[],
    details: (events: RecordedEvent[]) => Record<string, unknown> = () => ({}),
  ): Promise<RecordedEvent[]> {
    try {
      return await db.transaction(async (tx) => {
        const record = await peopleRepository.lock(tx, personId);
        if (!record) throw new NotFoundError('The record');
        if (!can(context.actor, permission, record)) throw new Denied();
        const now = clock.now();
        const decided = await decide(record, tx, now);
        const recorded = await eventStore.append(
          tx,
          decided.map((e) => ({ ...e, id: randomUUID(), personId: e.personId ?? personId })),
          context.actor,
          now,
        );
        for (const event of recorded) await project(tx, event);
        await hooks.afterRecorded(tx, [...new Set(recorded.map((e) => e.personId))]);
        await audit.record(tx, context, {
          action,
          personId,
          details: { events: recorded.map((e) => ({ id: e.id, type: e.type })), ...details(recorded) },
        });
        return recorded;
      });
    } catch (error) {
      if (error instanceof DeniedOn) {
        await audit.record(db, context, { action, outcome: 'denied', personId: error.personId, details: { changedFrom: personId } });
        throw new ForbiddenError("You do not have permission to change the other person's record, which this would change too");
      }
      if (!(error instanceof Denied)) throw error;
      await audit.record(db, context, { action, outcome: 'denied', personId });
      throw new ForbiddenError('You do not have permission to change this record');
    }
  };
}

export type RecordChange = ReturnType<typeof recordChanges>;
