import { z } from 'zod';
import { can, holdsCase, managesRecord } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { careEndNotBefore, careEndings, inCareOf, legalStatusChoices, legalStatusRefusal, section20, type InCareState } from '../../domain/inCare/inCareState';
import { previousPermanenceOf, previousPermanenceOptions, previousPermanenceText } from '../../domain/inCare/previousPermanence';
import { fullName, type Problem } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { choiceValues, mergeProblems, optionalText, problemsOf, readDateInput, requiredText } from '../../platform/validation';
import { checkedAt, instantOf, notBefore, type When } from '../../platform/when';
import { settingChoices } from '../../domain/placements/settings';
import { placementsOf } from '../../domain/placements/placementState';
import { ratingText } from '../../domain/placements/providers';
import { matchedRequestOf, openRequestsOf } from '../../domain/placements/requests';
import { randomUUID } from 'node:crypto';
import { carerChoices, carerToLock, childToPlace, homePostcodeOf, placementData, withLockedCarer, type PlacementFacts } from '../placements/placementDetails';
import { describeTerms } from '../../domain/fostering/terms';
import { eventTypeOf, ruleById } from '../../standards/index';
import { documentKinds, documentsOf } from '../childDocuments/childDocuments';
import type { PersonRecord } from '../people/peopleRepository';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import type { StaffDirectory } from '../staff/staffDirectory';

/** The standards of coming into care, on the page in the order the work goes. */
export const inCareRules = [
  'cic.notification',
  'cic.placement-arrangements-form',
  'cic.iro-appointed',
  'cic.placement-planning-meeting',
  'cic.visit-after-move',
  'cic.care-plan',
  'cic.pep-meeting',
  'cic.health-assessment',
  'cic.first-review',
  'cic.visit',
] as const;

/** The visiting standards a child in care may be under, one or more at a time (Children in Care 32-38; Section 1: Children with Disabilities 16-17). */
const visitRules = ['cic.visit', 'cic.visit-after-move', 'cic.interim-placement-weekly-visit', 'cic.interim-placement-four-weekly-visit', 'cic.visit-at-home-first-week', 'cwd.cic-visit', 'cwd.cic-visit-stable', 'cic.school-visit'];
/** What changes which visiting standards apply. */
const scheduleChanges = ['cic.interim_placement_started', 'cic.interim_placement_ended', 'cic.placed_at_home_under_care_order', 'cwd.visiting_frequency_agreed', 'cic.residential_school_started', 'cic.residential_school_ended'];

/** What changes a child's visiting schedule, as the worker says it (Children in Care 33-34, 38). */
export const scheduleChangeChoices = [
  { value: 'interim_started', type: 'cic.interim_placement_started', text: 'Placed with a temporarily approved foster carer, or with parents under an interim care order: weekly visits until the first review, then 4-weekly' },
  { value: 'interim_ended', type: 'cic.interim_placement_ended', text: 'The temporary carer is approved, or the final hearing is completed' },
  { value: 'at_home', type: 'cic.placed_at_home_under_care_order', text: 'Placed at home with parents under a care order: a visit in the first week, then 6-weekly' },
  { value: 'school_started', type: 'cic.residential_school_started', text: 'Placed at a residential school as well: visited at school each term' },
  { value: 'school_ended', type: 'cic.residential_school_ended', text: 'The residential school placement ended' },
] as const;

export { settingChoices } from '../../domain/placements/settings';

/** The dated steps of coming into care, each once a period (Children in Care 18-23; Reviews for Children in Care). */
export const arrivalStepForms = {
  notification: { type: 'cic.notification_sent', title: 'Child in care notification sent' },
  arrangements: { type: 'cic.placement_arrangements_form_completed', title: 'Placement Arrangements Form completed' },
  planning: { type: 'cic.placement_planning_meeting_held', title: 'Placement planning meeting held' },
  pep: { type: 'cic.pep_meeting_held', title: 'Personal Education Plan meeting held' },
  health: { type: 'cic.health_assessment_completed', title: 'Initial health assessment completed' },
} as const;
export type ArrivalStep = keyof typeof arrivalStepForms;

const statusSchema = z.enum(choiceValues(legalStatusChoices), { error: 'Select the legal status' });
const startSchema = z.object({
  legalStatus: statusSchema,
  reason: requiredText('Enter why the child comes into care, as explained to them', 4000, 'Why the child comes into care'),
  familyAndFriends: z.enum(['yes', 'no'], { error: 'Select whether family and friends placements were explored' }),
  gapReason: optionalText(2000, 'Where the child was since the last period of care'),
});
const changeSchema = z.object({ legalStatus: statusSchema, summary: optionalText(2000, 'What the court or the parents decided') });
const carePlanSchema = z.object({
  outcomes: requiredText('Enter the intended outcomes for the child', 5000, 'The intended outcomes'),
  forChild: requiredText('Enter the objectives for work with the child', 5000, 'The objectives for the child'),
  forFamily: requiredText('Enter the objectives for work with the birth family', 5000, 'The objectives for the family'),
  forCarers: requiredText('Enter the objectives for work with the carers', 5000, 'The objectives for the carers'),
});
const scheduleSchema = z.object({
  change: z.enum(choiceValues(scheduleChangeChoices), { error: 'Select what changed' }),
  rationale: requiredText('Enter why, for the record of the schedule', 2000, 'Why'),
});
const endSchema = z.object({
  reason: z.enum(choiceValues(careEndings), { error: 'Select why the child stops being looked after' }),
  summary: requiredText('Enter a summary of the ending and the plan after it', 4000, 'The summary'),
});

/**
 * A parent's signed consent to accommodation under section 20 (Children in Care 19): who signed it
 * and when, from the parents with parental responsibility on the record; problems otherwise.
 */
function consentOf(body: Record<string, unknown>, status: string | undefined, parents: readonly { id: string; name: string }[], today: string, unaccompanied = false): { consent: { parentId: string; parent: string; signedOn: string } | null; problems: Problem[] } {
  if (!status || !section20.has(status)) return { consent: null, problems: [] };
  // An unaccompanied asylum-seeking child has no parent here to consent: accommodated under section 20 without.
  if (unaccompanied && !body.consentParent) return { consent: null, problems: [] };
  const problems: Problem[] = [];
  const parent = parents.find((p) => p.id === body.consentParent);
  if (!parent) problems.push({ field: 'consentParent', message: parents.length ? 'Select the parent with parental responsibility who signed the consent' : 'Section 20 needs the consent of a parent with parental responsibility: add them to the record first' });
  const signed = readDateInput(body, 'consentSignedOn', 'The date the consent was signed', true);
  if (signed.problem) problems.push(signed.problem);
  else if (signed.value && signed.value > today) problems.push({ field: 'consentSignedOn-day', message: 'The date the consent was signed must be today or in the past' });
  return { consent: parent && signed.value ? { parentId: parent.id, parent: parent.name, signedOn: signed.value } : null, problems };
}

/**
 * A child becoming and being looked after (issue 6; practice-standards.txt, Section 3: Children in
 * Care 17-23 and 46; Section 4: Reviews for Children in Care): the legal status with its history
 * (section 20 with the parent's signed consent), the placements and moves, the IRO, the steps of
 * coming into care against their clocks, the care plan, the information given to the child, and the
 * end of the period of care.
 */
export function inCareService(people: PeopleService, standards: StandardsService, staff: StaffDirectory, placementFacts: () => Promise<PlacementFacts>) {
  // A period of care is the case holder's to record: not an IRO's or a conference chair's, who may record work on any team's records.
  const step = (context: RequestContext, personId: string, refusal: (s: InCareState | null) => string | null, field: string, events: Parameters<typeof recordStep<InCareState>>[6]) =>
    recordStep(people, context, personId, 'work:record', 'child.in_care_recorded', { read: (stream) => inCareOf(stream), refusal, field }, (state, now, record, tx) => {
      if (!holdsCase(context.actor, record)) throw new ForbiddenError('A period of care is recorded by the allocated worker and their team');
      return events(state, now, record, tx);
    });
  const inCare = (s: InCareState | null) => (s?.inCare ? null : 'The child is not looked after: record them becoming looked after first');

  /** The parents with parental responsibility on the record, who may consent to section 20. */
  async function parentsOf(context: RequestContext, record: PersonRecord) {
    const related = await people.currentRelationships(context, record);
    return related.filter((r) => r.parentalResponsibility && r.person.visible && r.person.kind === 'adult').map((r) => ({ id: r.person.id, name: r.person.name }));
  }
  /** What a section 20 consent is checked against, from one (audited) read of the record: its parents, and whether the child is unaccompanied. */
  async function consentFacts(context: RequestContext, personId: string) {
    const record = await people.record(context, personId, 'work:record');
    return { parents: await parentsOf(context, record), uasc: record.details.uasc === true };
  }
  async function iros() {
    return staff.withRole('iro');
  }

  return {
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const state = inCareOf(stream);
      const obligations = (await standards.forPerson(personId)).filter((o) => o.obligation.outcome === 'open' || (state.startedAt !== null && o.obligation.startedAt >= state.startedAt));
      const write = can(context.actor, 'work:record', record) && holdsCase(context.actor, record);
      return {
        record,
        name: fullName(record.details),
        state,
        clocks: state.startedAt ? clocksOf(obligations, inCareRules) : [],
        statuses: legalStatusChoices,
        previousPermanenceOptions,
        // What was answered when the child last came into care, for the SSDA903 return.
        previousPermanence: state.startedAt ? previousPermanenceText(stream.filter((e) => e.type === 'cic.started').at(-1)?.data.previousPermanence) : null,
        settings: settingChoices,
        scheduleChoices: scheduleChangeChoices,
        endings: careEndings,
        steps: Object.entries(arrivalStepForms).map(([key, s]) => ({ key, ...s, doneAt: state.done.get(s.type) ?? null })),
        carePlans: stream.filter((e) => e.type === 'cic.care_plan_completed' && state.startedAt && e.occurredAt >= state.startedAt).map((e) => ({ at: e.occurredAt, byName: e.recordedByName, ...(e.data as Record<string, string>) })),
        consents: documentsOf(stream, ['section_20_consent']),
        // The visit schedule in force: the visiting standards open now, and who changed the schedule, when and why.
        visitsDue: state.inCare ? obligations.filter((o) => o.obligation.outcome === 'open' && visitRules.includes(o.obligation.ruleId)).map((o) => ({ title: ruleById(o.obligation.ruleId)?.title ?? o.obligation.ruleId, dueDate: o.obligation.dueDate, state: o.state })) : [],
        scheduleChanges: stream
          .filter((e) => state.startedAt && e.occurredAt >= state.startedAt && (scheduleChanges.includes(e.type) || (e.type === 'cic.placement_started' && e.data.move === true)))
          .map((e) => ({ at: e.occurredAt, byName: e.recordedByName, title: eventTypeOf(e.type)?.title ?? e.type, why: String(e.data.rationale ?? e.data.summary ?? '') })),
        consentKinds: documentKinds.filter((k) => k.value === 'section_20_consent'),
        parents: write ? await parentsOf(context, record) : [],
        iros: write ? await iros() : [],
        // For the first placement's provider (src/modules/placements/placementDetails.ts).
        ...(await (async () => {
          if (!write || state.inCare) return { providers: [], carers: [] };
          const facts = await placementFacts();
          return {
            providers: [...facts.providers.values()].filter((p) => !p.closedOn).map((p) => ({ id: p.id, name: p.name, ratingText: ratingText(p.rating) })),
            // The authority's approved foster carers, with their terms and places free (issue 11).
            carers: carerChoices(facts.carers, describeTerms),
          };
        })()),
        may: { write, end: state.inCare && managesRecord(context.actor, record) },
      };
    },

    async start(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const { parents, uasc } = await consentFacts(context, personId);
      // The first placement is held to the same rules as any other: a commissioned placement names its provider, rated Good or better unless excepted (resource-service-policy.txt 1.1).
      const stream = await people.streamOf(personId);
      const facts = { ...(await placementFacts()), exceptions: placementsOf(stream).exceptions, matched: openRequestsOf(stream).flatMap((r) => matchedRequestOf(stream, r.requestId) ?? []) };
      // An approved foster carer's record is locked with the child's, and their placements re-read under the lock (issue 11: the number check).
      const carerId = carerToLock(body, facts);
      // The carer's record needs only to be seen (it is the Family Placement Team's); the child's is the case holder's to record on.
      return people.recordOn(context, carerId && carerId !== personId ? [personId, carerId] : [personId], 'child:read', 'child.in_care_recorded', async (records, streams, now, tx) => {
        const record = records.find((r) => r.id === personId)!;
        if (!can(context.actor, 'work:record', record)) throw new ForbiddenError('You cannot record work on this record');
        if (!holdsCase(context.actor, record)) throw new ForbiddenError('A period of care is recorded by the allocated worker and their team');
        const state = inCareOf(streams.get(personId) ?? []);
        const parsed = startSchema.safeParse(body);
        let at: Date | null = null;
        let dateProblems: Problem[] = [];
        try {
          at = instantOf(when, now);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          dateProblems = error.problems;
        }
        // The placement is checked on the day it starts (the carer's terms, the child's age then), not the day it is recorded.
        const placement = placementData(body, { ...(await withLockedCarer(facts, carerId, tx)), child: childToPlace(record) }, homePostcodeOf(stream, londonDate(at ?? now)), at ?? now, randomUUID());
        const consent = consentOf(body, parsed.success ? parsed.data.legalStatus : String(body.legalStatus ?? ''), parents, londonDate(now), uasc);
        const refusal = parsed.success && at ? legalStatusRefusal(state, { kind: 'start', status: parsed.data.legalStatus, at, gapReason: parsed.data.gapReason }) : null;
        // For the SSDA903 return (previous_permanence): asked of every child coming into care; the return decides whom it is for.
        const permanence = previousPermanenceOf(
          { option: body.previousPermanence, day: body['previousPermanenceOn-day'], month: body['previousPermanenceOn-month'], year: body['previousPermanenceOn-year'], authority: body.previousPermanenceAuthority },
          at ? londonDate(at) : null,
          londonDate(now),
        );
        const problems = mergeProblems(dateProblems, parsed.success ? [] : problemsOf(parsed.error), consent.problems, refusal ? [refusal] : [], permanence.problems, placement.problems);
        if (problems.length > 0 || !parsed.success || !at || !placement.data || !permanence.value) throw new ValidationError(problems);
        const d = parsed.data;
        return [
          { type: 'cic.started', occurredAt: at, data: { legalStatus: d.legalStatus, reason: d.reason, familyAndFriendsExplored: d.familyAndFriends === 'yes', ...(consent.consent ? { consent: consent.consent } : {}), ...(d.gapReason ? { gapReason: d.gapReason } : {}), previousPermanence: permanence.value } },
          { type: 'cic.placement_started', occurredAt: at, data: { ...placement.data, summary: `Placed: ${String(placement.data.carer)}` } },
        ].map((e) => ({ personId, ...e }));
      });
    },

    async changeStatus(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const { parents, uasc } = await consentFacts(context, personId);
      return step(context, personId, inCare, 'legalStatus', (state, now) => {
        const { data, at } = checkedAt(changeSchema, body, when, now);
        const consent = consentOf(body, data.legalStatus, parents, londonDate(now), uasc);
        const refusal = legalStatusRefusal(state, { kind: 'change', status: data.legalStatus, at, gapReason: null });
        const dateField = when.fields?.date ?? 'occurredOn';
        const problems = mergeProblems(consent.problems, refusal ? [refusal.field === 'occurredOn' ? { ...refusal, field: dateField } : refusal] : []);
        if (problems.length > 0) throw new ValidationError(problems);
        return [{ type: 'cic.legal_status_changed', occurredAt: at, data: { legalStatus: data.legalStatus, ...(consent.consent ? { consent: consent.consent } : {}), ...(data.summary ? { summary: data.summary } : {}) } }];
      });
    },

    arrivalStep(context: RequestContext, personId: string, which: ArrivalStep, when: When) {
      const s = arrivalStepForms[which];
      return step(context, personId, (state) => inCare(state) ?? (state!.done.has(s.type) ? `${s.title}: already recorded for this period of care` : null), which, (state, now) => [
        { type: s.type, occurredAt: notBefore(instantOf(when, now), state.startedAt!, when.fields?.date ?? 'occurredOn', 'This cannot be before the child came into care on '), data: which === 'health' ? { kind: 'initial' } : {} },
      ]);
    },

    /** A change to the visiting schedule, with who and why kept on the record (the issue: "visible, with who changed it and why"). */
    scheduleChange(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, inCare, 'change', (state, now) => {
        const { data, at } = checkedAt(scheduleSchema, body, when, now);
        const choice = scheduleChangeChoices.find((c) => c.value === data.change)!;
        if (data.change === 'interim_ended' && !state.interim) throw new ValidationError([{ field: 'change', message: 'The child is not with a temporary carer or at home under an interim care order' }]);
        if (data.change === 'interim_started' && state.interim) throw new ValidationError([{ field: 'change', message: 'The child is already with a temporary carer or at home under an interim care order' }]);
        if (data.change === 'school_ended' && !state.residentialSchool) throw new ValidationError([{ field: 'change', message: 'The child is not at a residential school' }]);
        if (data.change === 'school_started' && state.residentialSchool) throw new ValidationError([{ field: 'change', message: 'The child is already at a residential school' }]);
        notBefore(at, state.startedAt!, when.fields?.date ?? 'occurredOn', 'This cannot be before the child came into care on ');
        return [{ type: choice.type, occurredAt: at, data: { rationale: data.rationale } }];
      });
    },

    async appointIro(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const options = await iros();
      return step(context, personId, inCare, 'iroId', (state, now) => {
        const iro = options.find((o) => o.id === body.iroId);
        const at = instantOf(when, now);
        if (!iro) throw new ValidationError([{ field: 'iroId', message: 'Select the independent reviewing officer from the list' }]);
        return [{ type: 'cic.iro_appointed', occurredAt: notBefore(at, state.startedAt!, when.fields?.date ?? 'occurredOn', 'The IRO cannot be appointed before the child came into care on '), data: { iro: iro.name, iroId: iro.id } }];
      });
    },

    /** The care plan (Children in Care 18): intended outcomes, and objectives for the child, the family and the carers. A later one updates it. */
    carePlan(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, inCare, 'outcomes', (_state, now) => [{ type: 'cic.care_plan_completed', occurredAt: now, data: checkedAt(carePlanSchema, body, null, now).data }]);
    },

    /** Information given to the child (Children in Care 22-23): advocacy, independent visitors, how to complain. */
    informationGiven(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const given = (name: string) => body[name] === 'yes' || (Array.isArray(body.given) && body.given.includes(name)) || body.given === name;
      return step(context, personId, inCare, 'given', (_state, now) => {
        const data = { advocacy: given('advocacy'), independentVisitor: given('independentVisitor'), complaints: given('complaints') };
        if (!data.advocacy && !data.independentVisitor && !data.complaints) throw new ValidationError([{ field: 'given', message: 'Select the information given to the child' }]);
        return [{ type: 'cic.information_given', occurredAt: now, data }];
      });
    },

    end(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, inCare, 'reason', (state, now, record) => {
        if (!managesRecord(context.actor, record)) throw new ForbiddenError('The end of a period of care is recorded by a manager of the team that holds the case');
        const { data, at } = checkedAt(endSchema, body, when, now);
        notBefore(at, careEndNotBefore(state)!, when.fields?.date ?? 'occurredOn', 'The period of care cannot end before its last legal status or placement began, on ');
        return [{ type: 'cic.ended', occurredAt: at, data: { reason: data.reason, summary: data.summary } }];
      });
    },
  };
}

export type InCareService = ReturnType<typeof inCareService>;
