import { can, holdsCase } from '../../domain/access/can';
import { placementsOf, type PlacementsState } from '../../domain/placements/placementState';
import type { RecordedEvent } from '../../domain/records/events';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ForbiddenError } from '../../platform/errors';
import type { Executor } from '../../platform/db/database';
import { ValidationError } from '../../platform/errors';
import type { PeopleService } from '../people/peopleService';
import type { PersonRecord } from '../people/peopleRepository';

type NewEvents = { type: string; occurredAt: Date; data: Record<string, unknown> }[];
export type PlacementEvents = (state: PlacementsState, now: Date, record: PersonRecord, stream: readonly RecordedEvent[], tx: Executor) => NewEvents | Promise<NewEvents>;

/** The case holder's team, or the Resource Service, who work for every team's children (resource-service-policy.txt 2.1). */
export const mayWorkOnPlacements = (context: RequestContext, record: PersonRecord) => (can(context.actor, 'work:record', record) && holdsCase(context.actor, record)) || can(context.actor, 'placement:match', record);

/** Refused unless the child has a placement now. */
export const placed = (s: PlacementsState | null) => (s?.current ? null : 'The child has no current placement');

/**
 * One step on a child's placements, read and written under the record's lock: `child:read` steps
 * are the case holder's or the Resource Service's; the others need their own permission (the head
 * of service's agreement, the Resource Service's acceptance of a notice or quality visit). A
 * placement with an approved foster carer locks the carer's record too (`carerId`), so that the
 * carer's placements read inside `events` are not out of date (issue 11: the number check).
 */
export function placementStep(people: PeopleService) {
  return (context: RequestContext, personId: string, permission: 'child:read' | 'placement:authorise' | 'placement:match', refusal: (s: PlacementsState | null) => string | null, field: string, events: PlacementEvents, carerId: string | null = null) =>
    people.recordOn(context, carerId && carerId !== personId ? [personId, carerId] : [personId], permission, 'child.placement_recorded', async (records, streams, now, tx) => {
      const stream = streams.get(personId) ?? [];
      const state = placementsOf(stream);
      const refused = refusal(state);
      if (refused || state === null) throw new ValidationError([{ field, message: refused ?? '' }]);
      const record = records.find((r) => r.id === personId) as PersonRecord;
      if (permission === 'child:read' && !mayWorkOnPlacements(context, record)) throw new ForbiddenError("A child's placements are recorded by the team that holds the case and the Resource Service");
      return (await events(state, now, record, stream, tx)).map((e) => ({ personId, ...e }));
    });
}
