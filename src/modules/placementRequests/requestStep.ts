import type { Permission } from '../../domain/access/permissions';
import { placementRequestsOf, requestStatuses, type PlacementRequest, type RequestStatus } from '../../domain/placements/requests';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { PeopleService } from '../people/peopleService';
import type { PersonRecord } from '../people/peopleRepository';
import { recordStep } from '../people/recordStep';
import type { RecordedEvent } from '../../domain/records/events';

export const requestAudit = 'child.placement_request_recorded';

export interface RequestState {
  request: PlacementRequest;
  stream: readonly RecordedEvent[];
}

/**
 * One step of a placement request (authorised, allocated, an option considered, matched): the
 * request read from the child's record under its lock; refused, on `field`, unless it is at one
 * of the statuses the step needs; otherwise its events written with the request's id.
 */
export function requestStep(
  people: PeopleService,
  context: RequestContext,
  personId: string,
  requestId: string,
  permission: Permission,
  step: { at: readonly RequestStatus[]; field: string },
  events: (state: RequestState, now: Date, record: PersonRecord) => { type: string; occurredAt: Date; data: Record<string, unknown> }[],
) {
  return recordStep<RequestState>(
    people,
    context,
    personId,
    permission,
    requestAudit,
    {
      read: (stream) => {
        const request = placementRequestsOf(stream).find((r) => r.requestId === requestId);
        return request ? { request, stream } : null;
      },
      refusal: (state) => {
        if (!state) return 'There is no such placement request on this record';
        if (step.at.includes(state.request.status)) return null;
        return `This cannot be done now: the request is ${requestStatuses[state.request.status].toLowerCase()}`;
      },
      field: step.field,
    },
    (state, now, record) => events(state, now, record).map((e) => ({ ...e, data: { requestId, ...e.data } })),
  );
}
