import { can } from '../../domain/access/can';
import { ageOn, londonDate } from '../../domain/calendar/localDate';
import { carerEventTypes, carerState, endingReasons, inForce, missingViews, paymentLevels, reviewRecommendations, reviewRequiredReasons, reviewPeriodStart, reviewsAwaitingPanel, supportKinds, vacanciesOf, viewSources, type CarerState } from '../../domain/fostering/carerState';
import { careTypeLabels, describeTerms, genderLabels } from '../../domain/fostering/terms';
import { fullName } from '../../domain/people/personDetails';
import type { RecordedEvent } from '../../domain/records/events';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db, Executor } from '../../platform/db/database';
import { ForbiddenError } from '../../platform/errors';
import { eventStore } from '../../platform/events/eventStore';
import { peopleRepository } from '../people/peopleRepository';
import type { PeopleService } from '../people/peopleService';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import type { StaffDirectory } from '../staff/staffDirectory';
import type { CarerForPlacement } from '../placements/placementDetails';
import { placementsWithCarers, placementTypes } from './carerPlacements';
import { fosterCarerWork } from './fosterCarerWork';

/** The standards of an approved carer, in the order the work goes (Family Placement 13, 22, 27, 30). */
export const carerRules = ['fostering.supervising-visit', 'fostering.carer-review', 'fostering.review-reports-shared', 'fostering.report-before-panel'] as const;


/**
 * Approved foster carers (issue 11; practice-standards.txt, Section 3 "Family Placement (Fostering)"
 * 17-42; specialist-service-statement.txt 7.4): the register with vacancies for the Resource
 * Service's matching (resource-and-care-panel-policy.txt 1.4 b: in-house first), each carer's
 * record, and the facts the placement-start check uses.
 */
export function fosterCarerService(db: Db, clock: Clock, people: PeopleService, standards: StandardsService, staff: StaffDirectory) {
  /** Everyone approved now, with their state. */
  async function approved(): Promise<{ id: string; state: CarerState }[]> {
    const latest = await people.latestOfTypesForAll(['fostering.carer_approved', 'fostering.approval_ended']);
    const ids = latest.filter((e) => e.type === 'fostering.carer_approved').map((e) => e.personId);
    // One query for every carer's fostering events, not one per carer.
    const byPerson = new Map<string, RecordedEvent[]>();
    for (const e of await people.ofTypesFor(ids, carerEventTypes)) byPerson.set(e.personId, [...(byPerson.get(e.personId) ?? []), e]);
    const found: { id: string; state: CarerState }[] = [];
    const now = clock.now();
    for (const id of ids) {
      const state = carerState(byPerson.get(id) ?? []);
      // A temporary approval past its last day is not an approval (reg 24-25).
      if (state && inForce(state, now)) found.push({ id, state });
    }
    return found;
  }

  /** The children placed with one carer now, from every child's latest placement event, read with the caller's transaction. */
  async function placedWith(executor: Executor, carerId: string, state: CarerState): Promise<string[]> {
    const linked = new Set(state.linkedPlacements.map((l) => l.placementId));
    return (await eventStore.latestOfTypesForAll(executor, placementTypes))
      .filter((e) => e.type === 'cic.placement_started' && (e.data.carerId === carerId || (typeof e.data.carerId !== 'string' && linked.has(String(e.data.placementId ?? e.id)))))
      .map((e) => e.personId);
  }

  const forCheck = (id: string, name: string, state: CarerState, placed: readonly string[]): CarerForPlacement => ({
    id, name, terms: state.terms, termsSince: state.termsHistory.at(-1)!.at, temporaryUntil: state.temporaryUntil, placed, exemptions: state.exemptions,
  });

  /** Only those with `fostering:read` (the Family Placement Team's lists and records; issue 11 contract). */
  const mayRead = (context: RequestContext) => {
    if (!can(context.actor, 'fostering:read')) throw new ForbiddenError("A foster carer's record is read by those who work with foster carers");
  };

  /** Each carer's children placed now, from every child's latest placement event. */
  async function placedNow(carers: readonly { id: string; state: CarerState }[]): Promise<Map<string, { childId: string; since: Date }[]>> {
    const linked = new Map(carers.flatMap((c) => c.state.linkedPlacements.map((l) => [l.placementId, c.id] as const)));
    const latest = await people.latestOfTypesForAll(placementTypes);
    const placed = new Map<string, { childId: string; since: Date }[]>();
    for (const e of latest) {
      if (e.type !== 'cic.placement_started') continue;
      const carerId = typeof e.data.carerId === 'string' ? e.data.carerId : linked.get(String(e.data.placementId ?? e.id));
      if (carerId) placed.set(carerId, [...(placed.get(carerId) ?? []), { childId: e.personId, since: e.occurredAt }]);
    }
    return placed;
  }

    /** Who may supervise: the case-holding members of the Family Placement Team(s). */
  async function supervisingWorkers() {
    const teams = (await staff.teams()).filter((t) => t.specialism === 'family-placement');
    const members = (await Promise.all(teams.map((t) => staff.membersOf(t.id).then((ms) => ms.map((m) => ({ ...m, teamId: t.id, teamName: t.name }))))))
      .flat()
      .filter((m) => m.active && m.roles.some((r) => r === 'social-worker' || r === 'assistant-team-manager' || r === 'team-manager'));
    return members.map((m) => ({ id: m.id, name: m.displayName, teamId: m.teamId, teamName: m.teamName, roles: m.roles }));
  }

  const clockRows = (rows: Awaited<ReturnType<StandardsService['forPerson']>>, state: CarerState) =>
    clocksOf(rows.filter((o) => o.obligation.startedAt >= state.approvedAt || o.obligation.outcome === 'open'), carerRules);

  return {
    ...fosterCarerWork(people, supervisingWorkers),

    /** For the placement-start check: every approved carer's terms, children placed now and exemptions. */
    async forPlacement(): Promise<ReadonlyMap<string, CarerForPlacement>> {
      const carers = await approved();
      const placed = await placedNow(carers);
      const names = await people.identities(carers.map((c) => c.id));
      return new Map(carers.map((c) => [c.id, forCheck(c.id, names[c.id]?.name ?? 'Foster carer', c.state, (placed.get(c.id) ?? []).map((p) => p.childId))]));
    },

    /**
     * One carer re-read inside the placement's transaction, after their record is locked (the
     * placement services lock it with the child's): two placements made at once cannot both pass
     * the number check against children placed as they were before either. Null when not approved.
     */
    async lockedCarer(tx: Executor, carerId: string): Promise<CarerForPlacement | null> {
      const state = carerState(await eventStore.stream(tx, carerId));
      if (!state || !inForce(state, clock.now())) return null;
      // Read with the transaction: on a single-connection database a query outside it would wait for it.
      const [record] = await peopleRepository.findMany(tx, [carerId]);
      return forCheck(carerId, record ? fullName(record.details) : 'Foster carer', state, await placedWith(tx, carerId, state));
    },

    /**
     * The register: each approved carer with their terms, vacancies, supervising social worker and
     * what is due. Filtered, for matching, to those whose terms would take a child of this age and
     * gender and who have a place free.
     */
    async register(context: RequestContext, filter: { age?: number | null; gender?: string | null; vacancies?: boolean } = {}) {
      mayRead(context);
      const carers = await approved();
      const placed = await placedNow(carers);
      const records = await people.visibleRecords(context, carers.map((c) => c.id));
      const workers = new Map((await staff.allMembers()).map((m) => [m.id, m.displayName]));
      const namedChildren = await people.identities(carers.flatMap((c) => c.state.terms.namedChildIds ?? []));
      const rows = [];
      for (const c of carers) {
        const record = records.get(c.id);
        if (!record) continue;
        const children = placed.get(c.id) ?? [];
        // Connected persons approved for a named child have no place for anyone else.
        const named = (c.state.terms.namedChildIds ?? []).length > 0;
        const vacancies = named ? 0 : vacanciesOf(c.state.terms, children.length);
        if (filter.vacancies && vacancies === 0) continue;
        const t = c.state.terms;
        if (filter.age !== undefined && filter.age !== null && (filter.age < t.ageFrom || filter.age > t.ageTo)) continue;
        if (filter.gender && t.gender !== 'any' && t.gender !== (filter.gender === 'F' ? 'female' : 'male')) continue;
        const clocks = clockRows(await standards.forPerson(c.id, context.actor), c.state);
        rows.push({
          id: c.id,
          name: fullName(record.details),
          hearthId: record.hearthId,
          approvalKind: c.state.approvalKind,
          approvedOn: londonDate(c.state.approvedAt),
          terms: describeTerms(c.state.terms, (childId) => namedChildren[childId]?.name ?? 'the named child'),
          placed: children.length,
          vacancies,
          named,
          ssw: record.allocatedWorkerId ? (workers.get(record.allocatedWorkerId) ?? null) : null,
          reviewRequired: c.state.reviewRequired.length > 0,
          visit: clocks.find((k) => k.ruleId === 'fostering.supervising-visit') ?? null,
          review: clocks.find((k) => k.ruleId === 'fostering.carer-review') ?? null,
        });
      }
      rows.sort((a, b) => a.name.localeCompare(b.name));
      await audit.record(db, context, { action: 'fostering.carers_listed', details: { filter: { age: filter.age ?? null, gender: filter.gender ?? null, vacancies: Boolean(filter.vacancies) }, shown: rows.map((r) => r.id) } });
      return { carers: rows, filter, hidden: carers.length - records.size };
    },

    /** A carer's record (`/people/:id/foster-carer`): read by those with `fostering:read` who may see the record. */
    async view(context: RequestContext, personId: string) {
      mayRead(context);
      const record = await people.record(context, personId);
      await audit.record(db, context, { action: 'fostering.carer_viewed', personId });
      const stream = await people.streamOf(personId);
      const state = carerState(stream);
      const may = {
        work: can(context.actor, 'work:record', record),
        chair: can(context.actor, 'review:chair', record),
        panel: can(context.actor, 'fostering_panel:record', record),
        decide: can(context.actor, 'adm:decide', record),
        allocate: can(context.actor, 'child:allocate', record),
        exempt: can(context.actor, 'placement:authorise', record),
      };
      const base = { record, name: fullName(record.details), state, may, viewSources, reviewRecommendations, reviewRequiredReasons, paymentLevels, supportKinds, endingReasons, careTypeLabels, genderLabels };
      if (!state) return { ...base, approved: false as const };
      const since = state.approvedAt;
      const events = await people.ofTypesSince(placementTypes, since);
      const linked = new Set(state.linkedPlacements.map((l) => l.placementId));
      const mine = (e: RecordedEvent) => (e.data.carerId === personId || linked.has(String(e.data.placementId ?? e.id)) ? personId : null);
      const placements = (placementsWithCarers(events, mine).get(personId) ?? []).reverse();
      const periodStart = reviewPeriodStart(state);
      const inPeriod = placements.filter((p) => !p.to || p.to >= periodStart);
      const children = await people.visibleRecords(context, [...placements.map((p) => p.childId), ...state.exemptions.map((x) => x.childId)]);
      const identities = await people.identities([...placements.map((p) => p.childId), ...(state.terms.namedChildIds ?? [])]);
      const today = londonDate(clock.now());
      const placedNow = placements.filter((p) => !p.to);
      const ssw = record.allocatedWorkerId ? await staff.member(record.allocatedWorkerId) : null;
      const sswOptions = may.allocate ? await supervisingWorkers() : [];
      const obligations = await standards.forPerson(personId, context.actor);
      return {
        ...base,
        approved: true as const,
        ended: state.ended,
        termsText: describeTerms(state.terms, (id) => identities[id]?.name ?? 'the named child'),
        termsHistory: state.termsHistory.map((t) => ({ at: t.at, text: describeTerms(t.terms), reason: t.reason })).reverse(),
        vacancies: (state.terms.namedChildIds ?? []).length > 0 ? 0 : vacanciesOf(state.terms, placedNow.length),
        placements: placements.map((p) => {
          const child = children.get(p.childId);
          return { ...p, name: child ? fullName(child.details) : null, hearthId: identities[p.childId]?.hearthId ?? null, age: child?.details.dateOfBirth ? ageOn(child.details.dateOfBirth, today) : null };
        }),
        placedNow: placedNow.length,
        ssw: ssw ? { id: ssw.id, name: ssw.displayName } : null,
        sswOptions,
        clocks: clockRows(obligations, state),
        visits: [...state.visits].reverse(),
        reviews: [...state.reviews].reverse(),
        awaitingPanel: reviewsAwaitingPanel(state),
        missingViews: missingViews(state, inPeriod.length).map((v) => (viewSources.find((s) => s.value === v)?.text ?? v).replace(/^./, (c) => c.toLowerCase())),
        views: [...state.views.entries()].map(([source, v]) => ({ source, label: viewSources.find((s) => s.value === source)?.text ?? source, ...v })),
        childrenInPeriod: inPeriod.length,
        periodStart,
        payment: state.paymentLevel ? { ...state.paymentLevel, text: paymentLevels.find((l) => l.value === state.paymentLevel!.level)?.text ?? state.paymentLevel.level } : null,
        support: [...state.support].reverse().map((s) => ({ ...s, text: supportKinds.find((k) => k.value === s.kind)?.text ?? s.kind })),
        outOfHours: state.support.some((s) => s.kind === 'out_of_hours'),
        training: [...state.training].reverse(),
        // A child's name only for those who may open their record.
        exemptions: [...state.exemptions].reverse().map((x) => ({ ...x, childName: children.has(x.childId) ? x.childName : 'A child whose record you cannot open' })),
        awaitingDecision: state.awaitingDecision ? { ...state.awaitingDecision, termsText: state.awaitingDecision.terms ? describeTerms(state.awaitingDecision.terms) : null } : null,
        reviewRequired: state.reviewRequired.map((r) => ({ ...r, text: reviewRequiredReasons.find((x) => x.value === r.reason)?.text ?? r.reason })),
        terms: state.terms,
      };
    },

    supervisingWorkers,
  };
}

export type FosterCarerService = ReturnType<typeof fosterCarerService>;
