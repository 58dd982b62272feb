import { randomUUID } from 'node:crypto';
import { can, holdsCase, managesRecord } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import { addressHistory, isCurrent } from '../../domain/people/recordEntries';
import { needs, providerTypes } from '../../domain/placements/providers';
import { documentsCheck, missingDocuments, openRequestsOf, placementRequestsOf, requestKinds, requestStatuses, riskAssessmentAge, riskLevels, risks } from '../../domain/placements/requests';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { checked } from '../../platform/validation';
import { documentKinds, documentsOf } from '../childDocuments/childDocuments';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import { ageOf, authoriseSchema, readRequest, withdrawSchema } from './requestSchemas';
import { requestAudit, requestStep } from './requestStep';

/**
 * A child's placement requests (resource-service-policy.txt 3.1): made by whoever holds the case
 * on the "Decision to Seek Accommodation" (under 18) or the "18+ Supported Accommodation Request",
 * authorised by a manager of the case ("agree on an outline plan with their manager and obtain the
 * necessary managerial authorisation ... prior to approaching the Resource Service") once the
 * documents the Resource Service needs are on the record, and withdrawn with the reason.
 */
const uploadKinds: readonly string[] = ['assessment', 'pathway_plan', 'ehcp', 'pep'];

export function requestService(clock: Clock, people: PeopleService) {
  return {
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const today = londonDate(clock.now());
      const dob = record.details.dateOfBirth;
      const requests = placementRequestsOf(stream).reverse();
      const home = addressHistory(stream).find((a) => isCurrent(a, today)) ?? null;
      const open = openRequestsOf(stream).at(-1) ?? null;
      const may = {
        request: can(context.actor, 'work:record', record) && holdsCase(context.actor, record),
        authorise: can(context.actor, 'work:record', record) && managesRecord(context.actor, record),
        match: can(context.actor, 'placement:match', record),
      };
      return {
        record,
        name: fullName(record.details),
        age: ageOf(dob, today),
        today,
        requests: requests.map((r) => ({ ...r, statusText: requestStatuses[r.status], kindText: requestKinds.find((k) => k.value === r.kind)?.text ?? r.kind, documents: documentsCheck(stream, r, dob, today) })),
        open,
        homePostcode: home?.postcode ?? '',
        riskAssessmentRequired: (ageOf(dob, today) ?? 0) >= riskAssessmentAge,
        // The documents the Resource Service reads (3.1), uploaded from this page.
        uploads: { documents: documentsOf(stream, uploadKinds), kinds: documentKinds.filter((k) => uploadKinds.includes(k.value)), mayAttach: can(context.actor, 'work:record', record) },
        choices: { kinds: requestKinds, providerTypes, needs, risks, riskLevels },
        may,
      };
    },

    /** A new request, by whoever holds the case; one open request at a time. */
    async make(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const requestId = randomUUID();
      await recordStep(people, context, personId, 'work:record', requestAudit, {
        read: (stream) => ({ open: openRequestsOf(stream) }),
        refusal: (s) => (s && s.open.length > 0 ? 'There is already an open placement request for this child: withdraw it before making another' : null),
        field: 'kind',
      }, (_state, now, record) => {
        if (!holdsCase(context.actor, record)) throw new ForbiddenError('A placement request is made by the worker who holds the case, or their team');
        const input = readRequest(body, record.details.dateOfBirth, londonDate(now));
        const summary = `${requestKinds.find((k) => k.value === input.kind)?.text}: needed from ${input.neededFrom}`;
        return [{ type: 'placements.request_made', occurredAt: now, data: { requestId, ...input, summary } }];
      });
      return requestId;
    },

    /** The manager's authorisation: it puts the request in the Resource Service's queue. */
    authorise(context: RequestContext, personId: string, requestId: string, body: Record<string, unknown>) {
      return requestStep(people, context, personId, requestId, 'work:record', { at: ['awaiting_authorisation'], field: 'comments' }, ({ request, stream }, now, record) => {
        if (!managesRecord(context.actor, record)) throw new ForbiddenError('A placement request is authorised by a manager of the team that holds the case');
        const { comments } = checked(authoriseSchema, body);
        const missing = missingDocuments(documentsCheck(stream, request, record.details.dateOfBirth, londonDate(now)));
        if (missing.length > 0) {
          throw new ValidationError([{ field: 'documents', message: `Upload ${missing.map((d) => d.text).join(', ')} to the record before the request goes to the Resource Service (resource-service-policy.txt 3.1)` }]);
        }
        return [{ type: 'placements.request_authorised', occurredAt: now, data: { comments, summary: 'Placement request authorised: in the Resource Service queue' } }];
      });
    },

    withdraw(context: RequestContext, personId: string, requestId: string, body: Record<string, unknown>) {
      return requestStep(people, context, personId, requestId, 'work:record', { at: ['awaiting_authorisation', 'authorised', 'allocated', 'matched'], field: 'reason' }, (_state, now, record) => {
        if (!holdsCase(context.actor, record)) throw new ForbiddenError('A placement request is withdrawn by the worker who holds the case, or their team');
        const { reason } = checked(withdrawSchema, body);
        return [{ type: 'placements.request_withdrawn', occurredAt: now, data: { reason, summary: `Placement request withdrawn: ${reason}` } }];
      });
    },
  };
}
