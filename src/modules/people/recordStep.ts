import type { Permission } from '../../domain/access/permissions';
import type { RecordedEvent } from '../../domain/records/events';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Executor } from '../../platform/db/database';
import { ValidationError } from '../../platform/errors';
import type { PeopleService } from './peopleService';
import type { PersonRecord } from './peopleRepository';

/** An event a step writes; the record it goes on is the step's. */
export type StepEvent = { type: string; occurredAt: Date; data: Record<string, unknown> };

/**
 * One step of a workflow on a child's record (a strategy meeting's trigger, an enquiry's visit):
 * its state read from the stream under the record's lock, the step refused (saying what to
 * record first, on `field`) when out of order, otherwise its events written in that transaction.
 * `events` is given that transaction too, for a check that must read inside it (the caseload
 * check of an allocation to a named worker: people.allocationTo).
 */
export function recordStep<S>(
  people: PeopleService,
  context: RequestContext,
  personId: string,
  permission: Permission,
  action: string,
  workflow: { read: (stream: readonly RecordedEvent[]) => S | null; refusal: (state: S | null) => string | null; field: string },
  events: (state: S, now: Date, record: PersonRecord, tx: Executor) => StepEvent[] | Promise<StepEvent[]>,
) {
  return people.recordOn(context, [personId], permission, action, async (records, streams, now, tx) => {
    const state = workflow.read(streams.get(personId) ?? []);
    const refusal = workflow.refusal(state);
    if (refusal || state === null) throw new ValidationError([{ field: workflow.field, message: refusal ?? '' }]);
    return (await events(state, now, records[0] as PersonRecord, tx)).map((e) => ({ personId, ...e }));
  });
}
