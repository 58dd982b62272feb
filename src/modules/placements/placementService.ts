import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { can } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { agreedMove, awaitingDisruptionReview, endingRefusal, pendingMove, placementEndings, placementsOf, type PlacementsState } from '../../domain/placements/placementState';
import { goodOrBetter, ratingText } from '../../domain/placements/providers';
import { matchedRequestOf, openRequestsOf } from '../../domain/placements/requests';
import { settingChoices } from '../../domain/placements/settings';
import { fullName } from '../../domain/people/personDetails';
import type { RecordedEvent } from '../../domain/records/events';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ValidationError } from '../../platform/errors';
import { choiceValues, mergeProblems, requiredText } from '../../platform/validation';
import { checkedAt, instantOf, notBefore, type When } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import type { ProviderService } from '../providers/providerService';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import { mayWorkOnPlacements, placed, placementStep } from './placementStep';
import { carerChoices, carerToLock, childToPlace, homePostcodeOf, placementData, placementFacts, withLockedCarer, type CarersForPlacement, type PlacementFacts } from './placementDetails';
import { describeTerms } from '../../domain/fostering/terms';

/** The standards of a placement, on the page in the order the work goes. */
export const placementRules = [
  'placements.site-visit',
  'stability.carer-profile-shared',
  'cic.placement-planning-meeting',
  'stability.initial-support-plan',
  'cic.visit-after-move',
  'placements.quality-assurance-visit',
  'placements.quality-assurance-visit-all',
  'stability.support-plan-reviewed',
  'placements.notice-to-quit',
] as const;

const moveRequestSchema = z
  .object({
    reason: requiredText('Enter why the child needs to move', 4000, 'Why the child needs to move'),
    urgent: z.enum(['yes', 'no'], { error: 'Select whether the move is urgent' }),
    safeguardingReason: z.string().trim().max(4000).optional(),
  })
  .refine((d) => d.urgent === 'no' || (d.safeguardingReason ?? '').length > 0, { path: ['safeguardingReason'], message: 'An urgent move is only for an immediate safeguarding issue: say what it is' });
const authoriseSchema = z.object({
  by: z.enum(['head_of_service', 'stability_panel'], { error: 'Select who agreed the move' }),
  alternatives: requiredText('Enter the alternative placement options considered: a move is not agreed until they are understood', 4000, 'The alternatives considered'),
});
const consultedSchema = z.object({ advice: requiredText("Enter the Virtual School's advice on the move", 4000, "The Virtual School's advice") });
const toldSchema = z.object({ how: requiredText('Enter how and when the child will be told, and who tells them', 2000, 'How and when the child is told') });
const exceptionSchema = z.object({ providerId: z.uuid({ error: 'Select the provider' }), reason: requiredText('Enter why this provider is the right placement despite its rating, and how the risks are managed', 4000, 'Why') });
const endingSchema = z.object({
  ending: z.enum(choiceValues(placementEndings), { error: 'Select why the placement ends' }),
  why: requiredText('Enter what happened', 4000, 'What happened'),
});

/**
 * A child's placements (issue 7; resource-service-policy.txt 1.1; placement-stability-guidance.txt):
 * each placement with its provider, address, distance from home and placement plan, the
 * Good-or-better rule enforced with the head of service's exception as the only way round it, and
 * moves made only once agreed by the head of service or the Placement Stability Panel, with the
 * Virtual School consulted and the child told.
 */
export function placementService(people: PeopleService, standards: StandardsService, providers: ProviderService, carers?: CarersForPlacement) {
  const step = placementStep(people);
  const mayWork = mayWorkOnPlacements;
  /** A move is asked for from the latest placement of this period of care, current or ended. */
  const moving = (s: PlacementsState | null) => (s?.care.inCare && s.care.placements.length > 0 ? null : 'The child has no placement in this period of care to move from');
  const inCare = (s: PlacementsState | null) => (s?.care.inCare ? null : 'The child is not looked after: record them becoming looked after on the In care page first');

  async function facts(state?: PlacementsState): Promise<PlacementFacts> {
    return { ...(await placementFacts(providers, carers)), exceptions: state?.exceptions ?? [] };
  }
  /** What a move needs first (placement-stability-guidance.txt): the head of service's or the panel's agreement, the Virtual School's advice, how and when the child is told. */
  const moveProblems = (state: PlacementsState) =>
    !agreedMove(state)
      ? [{ field: 'setting', message: 'A placement move needs the agreement of the head of service or the Placement Stability Panel: ask for the move and have it agreed first' }]
      : !state.virtualSchool
        ? [{ field: 'setting', message: 'Consult the Virtual School on the move first (placement-stability-guidance.txt)' }]
        : !state.childTold
          ? [{ field: 'setting', message: 'Record how and when the child is told about the move first (placement-stability-guidance.txt)' }]
          : [];
  /** The child's matched requests, a placement may be made from. */
  const matchedOf = (stream: readonly RecordedEvent[]) => openRequestsOf(stream).flatMap((r) => matchedRequestOf(stream, r.requestId) ?? []);
  /** A new placement's data, or the problems with it, from the form and when it started. */
  function newPlacement(body: Record<string, unknown>, f: PlacementFacts, stream: readonly RecordedEvent[], state: PlacementsState, when: When, now: Date, extraProblems: { field: string; message: string }[] = []) {
    let at: Date | null = null;
    let dateProblems: { field: string; message: string }[] = [];
    try {
      at = instantOf(when, now);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      dateProblems = error.problems;
    }
    const home = homePostcodeOf(stream as RecordedEvent[], state.care.startedAt ? londonDate(state.care.startedAt) : londonDate(now));
    const checked = placementData(body, { ...f, exceptions: state.exceptions, matched: matchedOf(stream) }, home, at ?? now, randomUUID());
    const problems = mergeProblems(dateProblems, checked.problems, extraProblems);
    if (problems.length > 0 || !checked.data || !at) throw new ValidationError(problems);
    return { at, data: checked.data };
  }

  return {
    facts,

    /**
     * The children placed with a provider now, for its page: whom a downgrade affects (resource-service-policy.txt
     * 1.1-1.2). Named when the reader may see their record, counted otherwise.
     */
    async placedWith(context: RequestContext, providerId: string) {
      const latest = await people.latestOfTypesForAll(['cic.placement_started', 'cic.placement_ended', 'cic.ended']);
      const ids = latest.filter((e) => e.type === 'cic.placement_started' && e.data.providerId === providerId).map((e) => e.personId);
      const since = new Map(latest.map((e) => [e.personId, e.occurredAt]));
      const visible = await people.visibleRecords(context, ids);
      return {
        children: [...visible.values()].map((r) => ({ personId: r.id, name: fullName(r.details), since: since.get(r.id)! })).sort((a, b) => a.name.localeCompare(b.name)),
        others: ids.length - visible.size,
      };
    },

    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const state = placementsOf(stream);
      const f = await facts(state);
      const obligations = (await standards.forPerson(personId)).filter((o) => o.obligation.outcome === 'open' || (state.care.startedAt !== null && o.obligation.startedAt >= state.care.startedAt));
      const withProvider = <P extends { providerId: string | null; placementId: string }>(p: P) => {
        const provider = p.providerId ? f.providers.get(p.providerId) : undefined;
        return { ...p, details: state.details.get(p.placementId) ?? {}, provider: provider ? { id: provider.id, name: provider.name, rating: provider.rating, ratingText: ratingText(provider.rating), goodOrBetter: goodOrBetter(provider.rating) } : null };
      };
      const may = {
        work: mayWork(context, record),
        authorise: can(context.actor, 'placement:authorise', record),
        resourceService: can(context.actor, 'placement:match', record),
      };
      const openProviders = [...f.providers.values()].filter((p) => !p.closedOn);
      return {
        record,
        name: fullName(record.details),
        state,
        current: state.current ? withProvider(state.current) : null,
        placements: state.care.placements.map(withProvider).reverse(),
        clocks: state.care.startedAt ? clocksOf(obligations, placementRules) : [],
        pendingMove: pendingMove(state),
        agreedMove: agreedMove(state),
        openNotice: state.notices.find((n) => !n.acceptedAt) ?? null,
        awaitingReview: awaitingDisruptionReview(state).map(withProvider),
        providers: openProviders.map((p) => ({ id: p.id, name: p.name, rating: p.rating, ratingText: ratingText(p.rating), goodOrBetter: goodOrBetter(p.rating) })),
        exceptionProviders: openProviders.filter((p) => !goodOrBetter(p.rating)).map((p) => ({ id: p.id, name: p.name, ratingText: ratingText(p.rating) })),
        matched: matchedOf(stream),
        exceptions: state.exceptions.map((x) => ({ ...x, providerName: f.providers.get(x.providerId)?.name ?? 'Unknown provider' })),
        settings: settingChoices,
        // The authority's approved foster carers, in-house first (resource-and-care-panel-policy.txt 1.4 b), with their terms and places free.
        carers: carerChoices(f.carers, describeTerms),
        endings: placementEndings,
        may,
      };
    },

    /** A placement when the child has none now: after a placement ended without a move (in hospital, in custody), within a period of care. */
    async start(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const f = await facts();
      const carerId = carerToLock(body, f);
      return step(context, personId, 'child:read', (s) => inCare(s) ?? (s?.current ? 'The child has a placement now: record a move instead' : null), 'setting', async (state, now, _record, stream, tx) => {
        // After a placement in this period of care, the next is a move: agreed, the Virtual School consulted, the child told.
        const last = state.care.placements.at(-1);
        const { at, data } = newPlacement(body, { ...(await withLockedCarer(f, carerId, tx)), child: childToPlace(_record) }, stream, state, when, now, last ? moveProblems(state) : []);
        notBefore(at, state.care.startedAt!, when.fields?.date ?? 'occurredOn', 'A placement cannot start before the child came into care, on ');
        if (last?.to) notBefore(at, last.to, when.fields?.date ?? 'occurredOn', 'A placement cannot start before the last one ended, on ');
        const agreed = last ? agreedMove(state) : null;
        return [{ type: 'cic.placement_started', occurredAt: at, data: { ...data, ...(agreed ? { move: true, moveRequestId: agreed.eventId } : {}), summary: `Placed: ${String(data.carer)}` } }];
      }, carerId);
    },

    /** A move asked for by the child's social worker: why, and, for an urgent move, the immediate safeguarding issue (placement-stability-guidance.txt, "Placements are ended in a planned way" bullet 4). */
    requestMove(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'child:read', (s) => moving(s) ?? (s && (pendingMove(s) || agreedMove(s)) ? 'A move has already been asked for: it waits for agreement or to be made' : null), 'reason', (_state, now) => {
        const { data } = checkedAt(moveRequestSchema, body, null, now);
        return [{ type: 'placements.move_requested', occurredAt: now, data: { reason: data.reason, urgent: data.urgent === 'yes', ...(data.urgent === 'yes' ? { safeguardingReason: data.safeguardingReason } : {}), summary: `${data.urgent === 'yes' ? 'Urgent placement move' : 'Placement move'} requested` } }];
      });
    },

    /** The head of service's agreement, theirs or the Placement Stability Panel's ("A placement move can only be agreed through HARP or via the relevant Head of Service"), once the alternatives are understood. */
    authoriseMove(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'placement:authorise', (s) => moving(s) ?? (s && pendingMove(s) ? null : 'There is no placement move waiting to be agreed'), 'by', (state, now) => {
        const { data } = checkedAt(authoriseSchema, body, null, now);
        const request = pendingMove(state)!;
        return [{ type: 'placements.move_authorised', occurredAt: now, data: { moveRequestId: request.eventId, by: data.by, alternatives: data.alternatives, summary: data.by === 'stability_panel' ? 'Move agreed by the Placement Stability Panel' : 'Move agreed by the head of service' } }];
      });
    },

    virtualSchoolConsulted(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'child:read', (s) => moving(s) ?? (s && (pendingMove(s) || agreedMove(s)) ? null : 'Ask for the move first: the Virtual School is consulted on a move being considered'), 'advice', (_state, now) => [{ type: 'placements.virtual_school_consulted', occurredAt: now, data: { advice: checkedAt(consultedSchema, body, null, now).data.advice } }]);
    },

    childTold(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'child:read', (s) => moving(s) ?? (s && (pendingMove(s) || agreedMove(s)) ? null : 'Ask for the move first'), 'how', (_state, now) => [{ type: 'placements.child_told', occurredAt: now, data: { how: checkedAt(toldSchema, body, null, now).data.how } }]);
    },

    /** The only way round the Good-or-better rule: the head of service's recorded exception, for this child and provider (resource-service-policy.txt 1.1). */
    async ratingException(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const f = await facts();
      return step(context, personId, 'placement:authorise', () => null, 'providerId', (_state, now) => {
        const { data } = checkedAt(exceptionSchema, body, null, now);
        const provider = f.providers.get(data.providerId);
        if (!provider) throw new ValidationError([{ field: 'providerId', message: 'Select the provider from the list' }]);
        if (goodOrBetter(provider.rating)) throw new ValidationError([{ field: 'providerId', message: `${provider.name} is rated ${ratingText(provider.rating)}: no exception is needed` }]);
        return [{ type: 'placements.rating_exception_agreed', occurredAt: now, data: { providerId: provider.id, providerName: provider.name, rating: provider.rating, reason: data.reason, summary: `Exception agreed to place with ${provider.name} (${ratingText(provider.rating)})` } }];
      });
    },

    /** A move: the current placement ends and the next starts at the same moment, only once agreed, with the Virtual School consulted and the child told (placement-stability-guidance.txt). */
    async move(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const f = await facts();
      const carerId = carerToLock(body, f);
      return step(context, personId, 'child:read', placed, 'setting', async (state, now, record, stream, tx) => {
        const agreed = agreedMove(state);
        const ending = endingSchema.safeParse(body);
        const endingRule = ending.success ? endingRefusal(state, ending.data.ending) : null;
        const rules = [...moveProblems(state), ...(ending.success ? [] : ending.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }))), ...(endingRule ? [{ field: 'ending', message: endingRule }] : [])];
        const { at, data } = newPlacement(body, { ...(await withLockedCarer(f, carerId, tx)), child: childToPlace(record) }, stream, state, when, now, rules);
        notBefore(at, new Date(state.current!.from.getTime() + 1), when.fields?.date ?? 'occurredOn', 'The move must be after the current placement began on ');
        notBefore(at, agreed!.authorised!.at, when.fields?.date ?? 'occurredOn', 'The move cannot be before it was agreed, on ');
        const e = ending.data!;
        return [
          { type: 'cic.placement_ended', occurredAt: at, data: { reason: e.ending, why: e.why, placementId: state.current!.placementId } },
          { type: 'cic.placement_started', occurredAt: at, data: { ...data, move: true, moveRequestId: agreed!.eventId, summary: `Moved to ${String(data.carer)}: ${e.why}` } },
        ];
      }, carerId);
    },

    /** A placement ends without another (hospital, custody, a return home is the end of care instead). */
    end(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'child:read', placed, 'ending', (state, now) => {
        const { data, at } = checkedAt(endingSchema, body, when, now);
        const refusal = endingRefusal(state, data.ending);
        if (refusal) throw new ValidationError([{ field: 'ending', message: refusal }]);
        notBefore(at, new Date(state.current!.from.getTime() + 1), when.fields?.date ?? 'occurredOn', 'The placement cannot end before it began, on ');
        return [{ type: 'cic.placement_ended', occurredAt: at, data: { reason: data.ending, why: data.why, placementId: state.current!.placementId, summary: `Placement ended: ${data.why}` } }];
      });
    },
  };
}

export type PlacementService = ReturnType<typeof placementService>;
