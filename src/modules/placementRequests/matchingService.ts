import { can } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import { milesBetweenPostcodes, type Point } from '../../domain/placements/distance';
import { candidatesFor, inHouseFirstRefusal, inHouseStillToConsider, isInHouse, matchRefusal, shortlisted, typeText, type CandidateFilters } from '../../domain/placements/matching';
import { goodOrBetter, needs, providerTypes, ratingText, type Provider } from '../../domain/placements/providers';
import { documentsCheck, placementRequestsOf, requestKinds, requestStatuses, riskLevels, risks, type PlacementRequest } from '../../domain/placements/requests';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { checkedAt, notBefore, type When } from '../../platform/when';
import { checked } from '../../platform/validation';
import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { ageOf, considerSchema, introductionKinds, introductionSchema, matchSchema, providerStepSchema } from './requestSchemas';
import { requestStep } from './requestStep';

/** What matching needs of the providers service (src/modules/providers/). */
export interface ProviderSource {
  all(): Promise<Provider[]>;
  centres(): Promise<Map<string, Point>>;
}

/** The filters from the matching page's query: the request's types, Good or better, by default. */
export function filtersFrom(query: Record<string, unknown>, request: PlacementRequest): CandidateFilters & { asked: boolean } {
  const asked = query.filter === 'yes';
  const types = ([] as unknown[]).concat(query.types ?? []).filter((t): t is string => typeof t === 'string' && providerTypes.some((p) => p.value === t));
  const miles = Number(query.maxMiles);
  return {
    asked,
    types: asked ? types : request.providerTypes,
    belowGood: query.belowGood === 'yes',
    maxMiles: typeof query.maxMiles === 'string' && query.maxMiles.trim() !== '' && Number.isFinite(miles) && miles > 0 ? miles : null,
    needsMet: asked ? query.needsMet === 'yes' : true,
  };
}

/**
 * Matching a request (resource-service-policy.txt 3.1, "The Matching section is to be completed by
 * the allocated Placement social worker"): allocation, candidate providers and the reasons each was
 * shortlisted or rejected, in-house first (resource-and-care-panel-policy.txt 1.4 b), a site visit
 * before finalising for complex needs (1.1), the child-friendly carer profile and introductions
 * (placement-stability-guidance.txt, relationship building), then the match.
 */
export function matchingService(clock: Clock, people: PeopleService, staff: StaffDirectory, providers: ProviderSource) {
  const officers = () => staff.withRole('placements-officer');
  const providerFor = async (providerId: string, field = 'providerId') => {
    const provider = (await providers.all()).find((p) => p.id === providerId);
    if (!provider) throw new ValidationError([{ field, message: 'Select a provider from the list' }]);
    return provider;
  };
  const onShortlist = (request: PlacementRequest, providerId: string) => {
    const option = shortlisted(request).find((o) => o.providerId === providerId) ?? (request.matched?.providerId === providerId ? request.matched : null);
    if (!option) throw new ValidationError([{ field: 'providerId', message: 'Select a shortlisted provider' }]);
    return option;
  };

  return {
    async view(context: RequestContext, personId: string, requestId: string, query: Record<string, unknown> = {}) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const request = placementRequestsOf(stream).find((r) => r.requestId === requestId);
      if (!request) throw new NotFoundError('The placement request');
      const today = londonDate(clock.now());
      const age = ageOf(record.details.dateOfBirth, today);
      const [all, centres, staffList] = await Promise.all([providers.all(), providers.centres(), officers()]);
      const filters = filtersFrom(query, request);
      const considered = new Map(request.options.map((o) => [o.providerId, o]));
      const candidates = candidatesFor(request, all, centres, filters, age).map((c) => ({ ...c, considered: considered.get(c.provider.id) ?? null, ratingText: ratingText(c.provider.rating) }));
      return {
        record,
        name: fullName(record.details),
        age,
        request: { ...request, statusText: requestStatuses[request.status], kindText: requestKinds.find((k) => k.value === request.kind)?.text ?? request.kind },
        documents: documentsCheck(stream, request, record.details.dateOfBirth, today),
        candidates,
        filters,
        shortlist: shortlisted(request),
        inHouseToConsider: inHouseStillToConsider(request, all),
        siteVisitNeeded: request.complexNeeds || request.riskOfDisruption,
        officers: staffList,
        choices: { providerTypes, needs, risks, riskLevels, introductionKinds },
        typeText,
        may: { match: can(context.actor, 'placement:match', record) },
      };
    },

    /** Taken from the queue by a Placement social worker: to themselves, or to a named one. */
    async allocate(context: RequestContext, personId: string, requestId: string, body: Record<string, unknown>) {
      const chosen = String(body.officerId ?? '');
      const officer = chosen === 'self' || chosen === context.actor.userId ? { id: context.actor.userId, name: context.actor.displayName } : (await officers()).find((o) => o.id === chosen);
      return requestStep(people, context, personId, requestId, 'placement:match', { at: ['authorised', 'allocated'], field: 'officerId' }, ({ request }, now) => {
        if (!officer) throw new ValidationError([{ field: 'officerId', message: 'Select yourself or a placements officer from the list' }]);
        if (request.allocated?.officerId === officer.id) throw new ValidationError([{ field: 'officerId', message: `The request is already allocated to ${officer.name}` }]);
        return [{ type: 'placements.request_allocated', occurredAt: now, data: { officerId: officer.id, officerName: officer.name, summary: `Placement request allocated to ${officer.name}` } }];
      });
    },

    /** An option considered: shortlisted or rejected with the reason, external ones only after the in-house ones. */
    async consider(context: RequestContext, personId: string, requestId: string, body: Record<string, unknown>) {
      const data = checked(considerSchema, body);
      const provider = await providerFor(data.providerId);
      const [all, centres] = await Promise.all([providers.all(), providers.centres()]);
      return requestStep(people, context, personId, requestId, 'placement:match', { at: ['allocated'], field: 'decision' }, ({ request }, now) => {
        if (provider.closedOn) throw new ValidationError([{ field: 'providerId', message: `The service stopped using ${provider.name} on ${provider.closedOn}` }]);
        if (data.decision === 'shortlisted') {
          const refusal = inHouseFirstRefusal(request, provider, all);
          if (refusal) throw new ValidationError([{ field: 'decision', message: refusal }]);
        }
        const milesFromHome = milesBetweenPostcodes(request.homePostcode, provider.postcode, centres);
        const milesFromSchool = request.schoolPostcode ? milesBetweenPostcodes(request.schoolPostcode, provider.postcode, centres) : null;
        return [{
          type: 'placements.option_considered',
          occurredAt: now,
          data: { providerId: provider.id, providerName: provider.name, providerType: provider.type, rating: provider.rating, belowGood: !goodOrBetter(provider.rating), decision: data.decision, reason: data.reason, inHouse: isInHouse(provider.type), milesFromHome, milesFromSchool, summary: `${provider.name} ${data.decision}: ${data.reason}` },
        }];
      });
    },

    /**
     * A site visit to a shortlisted provider before finalising (resource-service-policy.txt 1.1 paragraph 2).
     * It carries the placement's id to be: a placement made from this request takes the request's id
     * as its own (src/modules/placements/placementDetails.ts), which ties the visit to it.
     */
    siteVisit(context: RequestContext, personId: string, requestId: string, body: Record<string, unknown>, when: When) {
      return requestStep(people, context, personId, requestId, 'placement:match', { at: ['allocated'], field: 'providerId' }, ({ request }, now) => {
        const { data, at } = checkedAt(providerStepSchema('Enter what the visit found: can the provider meet the child’s needs?', 'The findings'), body, when, now);
        const option = onShortlist(request, data.providerId);
        notBefore(at, request.madeAt, when.fields?.date ?? 'occurredOn', 'The visit cannot be before the request was made, ');
        return [{ type: 'placements.site_visited', occurredAt: at, data: { placementId: request.requestId, providerId: option.providerId, providerName: option.providerName, findings: data.notes, summary: `Site visit to ${option.providerName}` } }];
      });
    },

    /** The child-friendly carer profile (or home's booklet) shared with the child, and their views (placement-stability-guidance.txt). */
    profileShared(context: RequestContext, personId: string, requestId: string, body: Record<string, unknown>, when: When) {
      return requestStep(people, context, personId, requestId, 'placement:match', { at: ['allocated', 'matched'], field: 'providerId' }, ({ request }, now) => {
        const { data, at } = checkedAt(providerStepSchema('Enter the child’s views about the placement', 'The child’s views'), body, when, now);
        const option = onShortlist(request, data.providerId);
        notBefore(at, request.madeAt, when.fields?.date ?? 'occurredOn', 'The profile cannot be shared before the request was made, ');
        return [{ type: 'placements.carer_profile_shared', occurredAt: at, data: { placementId: request.requestId, providerId: option.providerId, providerName: option.providerName, childViews: data.notes, summary: `Carer profile for ${option.providerName} shared with the child` } }];
      });
    },

    /** A planned introduction before the placement: a phased visit, a call or visit, an overnight stay (placement-stability-guidance.txt). */
    introduction(context: RequestContext, personId: string, requestId: string, body: Record<string, unknown>, when: When) {
      return requestStep(people, context, personId, requestId, 'placement:match', { at: ['allocated', 'matched'], field: 'providerId' }, ({ request }, now) => {
        const { data, at } = checkedAt(introductionSchema, body, when, now);
        const option = onShortlist(request, data.providerId);
        notBefore(at, request.madeAt, when.fields?.date ?? 'occurredOn', 'The introduction cannot be before the request was made, ');
        const kind = introductionKinds.find((k) => k.value === data.kind)!;
        return [{ type: 'placements.introduction_held', occurredAt: at, data: { providerId: option.providerId, providerName: option.providerName, kind: data.kind, notes: data.notes, summary: `${kind.text}: ${option.providerName}` } }];
      });
    },

    /** The match: only a shortlisted provider, and after a site visit when the child has complex needs or the placement may disrupt. */
    match(context: RequestContext, personId: string, requestId: string, body: Record<string, unknown>) {
      return requestStep(people, context, personId, requestId, 'placement:match', { at: ['allocated'], field: 'providerId' }, ({ request }, now) => {
        const data = checked(matchSchema, body);
        const refusal = matchRefusal(request, data.providerId);
        if (refusal) throw new ValidationError([{ field: 'providerId', message: refusal }]);
        const option = shortlisted(request).find((o) => o.providerId === data.providerId)!;
        return [{ type: 'placements.request_matched', occurredAt: now, data: { providerId: option.providerId, providerName: option.providerName, rationale: data.rationale, summary: `Matched with ${option.providerName}` } }];
      });
    },
  };
}
