import type { Permission } from '../../domain/access/permissions';
import type { RecordedEvent } from '../../domain/records/events';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ValidationError } from '../../platform/errors';
import type { PeopleService } from './peopleService';
import type { PersonRecord } from './peopleRepository';

/**
 * One step of a workflow on a child's record (a strategy meeting's trigger, an enquiry's visit):
 * its state read from the stream under the record's lock, the step refused (saying what to
 * record first, on `field`) when out of order, otherwise its events written in that transaction.
 */
export function recordStep<S>(
  people: PeopleService,
  context: RequestContext,
  personId: string,
  permission: Permission,
  action: string,
  workflow: { read: (stream: readonly RecordedEvent[]) => S | null; refusal: (state: S | null) => string | null; field: string },
  events: (state: S, now: Date, record: PersonRecord) => { type: string; occurredAt: Date; data: Record<string, unknown> }[],
) {
  return people.recordOn(context, [personId], permission, action, (records, streams, now) => {
    const state = workflow.read(streams.get(personId) ?? []);
    const refusal = workflow.refusal(state);
    if (refusal || state === null) throw new ValidationError([{ field: workflow.field, message: refusal ?? '' }]);
    return events(state, now, records[0] as PersonRecord).map((e) => ({ personId, ...e }));
  });
}
