import { z } from 'zod';
import { can, holdsCase } from '../../domain/access/can';
import type { Permission } from '../../domain/access/permissions';
import { adopterJourneyOf, isApprovedAdopter } from '../../domain/adoption/adopters';
import {
  adoptionJourneyOf,
  authorityOn,
  careEndNotBefore,
  cprTimetable,
  disruptionRefusal,
  longDate,
  decisionChoices,
  matchDecisionRefusal,
  matchPanelRefusal,
  orderRefusal,
  placementRefusal,
  planningSteps,
  recommendationChoices,
  shouldBePlacedRefusal,
  stageOf,
  type AdoptionJourney,
  type PlanningStep,
} from '../../domain/adoption/adoptionJourney';
import { londonDate } from '../../domain/calendar/localDate';
import { legalStatusRefusal } from '../../domain/inCare/inCareState';
import { permanenceOf, permanenceOptions } from '../../domain/inCare/permanence';
import { fullName } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import { englandAndWalesCalendar } from '../../platform/calendar';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { choiceValues, optionalText, readDateInput, requiredText } from '../../platform/validation';
import { checkedAt, instantOf, notBefore, type When } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';

/** The adoption standards on the child's page, in the order the work goes (all already in the catalogue). */
export const adoptionRules = [
  'adoption.cpr-completed',
  'adoption.cpr-finalisation-meeting',
  'adoption.cpr-sent-to-adm',
  'adoption.final-evidence-to-manager',
  'adoption.placement-order-review-3-months',
  'adoption.placement-order-review-6-months',
  'adoption.first-review',
  'adoption.second-review',
  'adoption.review',
] as const;

export const adoptionAudit = 'child.adoption_recorded';
const decision = z.enum(choiceValues(decisionChoices), { error: 'Select the decision' });
const summary = (message: string) => requiredText(message, 4000, 'The reasons');
const startSchema = z.object({ summary: requiredText('Enter why parallel planning for adoption is being used', 2000, 'Why') });
const endSchema = z.object({ summary: requiredText('Enter why parallel planning for adoption has ended', 2000, 'Why') });
const shouldBePlacedSchema = z.object({ decision, summary: summary("Enter the reasons for the agency decision maker's decision") });
const orderSchema = z.object({ summary: optionalText(2000, 'What the court decided') });
const consentSchema = z.object({ parent: requiredText('Enter the name of the parent who consented', 200, 'The parent'), witnessedBy: requiredText('Enter the Cafcass officer who witnessed the consent', 200, 'The Cafcass officer') });
const panelSchema = z.object({ adopterId: requiredText('Select the approved adopters the panel considered', 100, 'The adopters'), recommendation: z.enum(choiceValues(recommendationChoices), { error: "Select the panel's recommendation" }), summary: summary("Enter the panel's reasons") });
const matchDecisionSchema = z.object({ decision, summary: summary("Enter the reasons for the agency decision maker's decision") });
const placeSchema = z.object({ withCurrentCarers: z.enum(['yes', 'no'], { error: "Select whether the child's foster carers are the adopters" }), summary: optionalText(2000, 'Notes') });
const endMatchSchema = z.object({ summary: requiredText('Enter why the match has ended', 2000, 'Why') });
const disruptSchema = z.object({ summary: requiredText('Enter why the placement ended before an adoption order', 2000, 'Why') });
const adoptionOrderSchema = z.object({ court: requiredText('Enter the court that made the adoption order', 200, 'The court'), consentDispensed: z.enum(['yes', 'no'], { error: "Select whether the court dispensed with the parents' consent" }) });

/**
 * A child's adoption journey (issue 11; practice-standards.txt, Section 2: Parallel Planning for
 * Adoption 1-10, Section 3: Permanency Planning Meetings 5, Section 4: Reviews for Children in Care
 * 60). The reviews themselves are the child in care reviews (src/modules/inCare/reviewService.ts),
 * chaired by the IRO; the placement order is a change of legal status to E1 (inCareService).
 */
export function adoptionService(people: PeopleService, standards: StandardsService) {
  const read = (stream: Parameters<typeof adoptionJourneyOf>[0]) => adoptionJourneyOf(stream);
  const step = (context: RequestContext, personId: string, permission: Permission, refusal: (j: AdoptionJourney | null) => string | null, field: string, events: Parameters<typeof recordStep<AdoptionJourney>>[6]) =>
    recordStep(people, context, personId, permission, adoptionAudit, { read, refusal, field }, events);
  const inCareOnly = (j: AdoptionJourney | null) => (j?.inCare ? null : 'The child is not looked after: the adoption plan is recorded while they are in care');
  const caseHolder = (context: RequestContext, record: Parameters<typeof holdsCase>[1], what: string) => {
    if (!holdsCase(context.actor, record)) throw new ForbiddenError(`${what} is recorded by the child's social worker and their team`);
  };
  /** Nothing on the adoption plan is dated before the child came into care (this period of care). */
  const notBeforeCare = (j: AdoptionJourney, at: Date, when: When) => notBefore(at, j.care.startedAt!, when.fields?.date ?? 'occurredOn', 'This cannot be before the child came into care on ');
  /** The approved adopters a match can be with: every household whose latest decision approved them, that the reader may see. */
  async function approvedAdopters(context: RequestContext) {
    const latest = await people.latestOfTypesForAll(['adoption.adopter_decided', 'adoption.adopter_withdrawn', 'adoption.adopter_registered']);
    const ids = latest.filter((e) => e.type === 'adoption.adopter_decided' && e.data.decision === 'agreed').map((e) => e.personId);
    const visible = await people.visibleRecords(context, ids);
    const found = [];
    for (const id of ids) {
      if (!visible.has(id)) continue;
      const j = adopterJourneyOf(await people.streamOf(id));
      if (isApprovedAdopter(j) && j.registered) found.push({ id, name: j.registered.household });
    }
    return found.sort((a, b) => a.name.localeCompare(b.name));
  }

  return {
    approvedAdopters,

    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const journey = read(stream);
      // The permanence plan from the Permanency Planning Meetings (src/modules/inCare/permanenceService.ts), shown beside the adoption plan.
      const plan = permanenceOf(stream).plan;
      const calendar = englandAndWalesCalendar();
      const write = can(context.actor, 'work:record', record) && holdsCase(context.actor, record);
      const panel = can(context.actor, 'fostering_panel:record', record);
      const adm = can(context.actor, 'adm:decide', record);
      return {
        record,
        journey,
        stage: stageOf(journey),
        permanencePlan: plan ? { at: plan.at, text: permanenceOptions.find((o) => o.value === plan.option)?.text ?? plan.option } : null,
        clocks: clocksOf(await standards.forPerson(personId, context.actor), adoptionRules),
        timetable: journey.finalEvidenceOn ? cprTimetable(journey.finalEvidenceOn, (d) => calendar.isWorkingDay(d)).map((t) => ({ ...t, title: planningSteps[t.step].title, done: journey.steps[t.step] ?? null })) : [],
        steps: (Object.keys(planningSteps) as PlanningStep[]).map((key) => ({ key, ...planningSteps[key], doneAt: journey.steps[key] ?? null })),
        adopters: panel && journey.inCare && !journey.placed ? await approvedAdopters(context) : [],
        decisions: decisionChoices,
        recommendations: recommendationChoices,
        may: {
          write: journey.inCare && write,
          panel: journey.inCare && panel && !journey.placed && !journey.match?.adm?.agreed,
          endMatch: journey.inCare && write && !journey.placed && Boolean(journey.match),
          adm: journey.inCare && adm,
          order: write && Boolean(journey.placed) && !journey.order,
        },
        name: fullName(record.details),
      };
    },

    startParallelPlanning(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'work:record', (j) => inCareOnly(j) ?? (j!.parallelPlanning && !j!.parallelPlanning.ended ? 'Parallel planning for adoption is already under way' : null), 'summary', (_j, now, record) => {
        caseHolder(context, record, 'Parallel planning');
        const { data, at } = checkedAt(startSchema, body, when, now);
        notBeforeCare(_j, at, when);
        return [{ type: 'adoption.parallel_planning_agreed', occurredAt: at, data: { summary: data.summary } }];
      });
    },

    endParallelPlanning(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'work:record', (j) => (j?.parallelPlanning && !j.parallelPlanning.ended ? null : 'Parallel planning for adoption is not under way'), 'summary', (_j, now, record) => {
        caseHolder(context, record, 'The end of parallel planning');
        return [{ type: 'adoption.parallel_planning_ended', occurredAt: now, data: { summary: checkedAt(endSchema, body, null, now).data.summary } }];
      });
    },

    /** A dated step of parallel planning or the CPR (Parallel Planning 2-4, 8-9). */
    planningStep(context: RequestContext, personId: string, which: PlanningStep, when: When) {
      const s = planningSteps[which];
      const needsPlanning = which !== 'birthCertificates' && which !== 'ppm';
      return step(context, personId, 'work:record', (j) => inCareOnly(j) ?? (needsPlanning && !(j!.parallelPlanning && !j!.parallelPlanning.ended) ? `${s.title}: record that parallel planning for adoption is agreed first` : null), which, (j, now, record) => {
        caseHolder(context, record, s.title);
        const at = notBeforeCare(j, instantOf(when, now), when);
        if (needsPlanning) notBefore(at, j.parallelPlanning!.since, when.fields?.date ?? 'occurredOn', 'This cannot be before parallel planning was agreed, ');
        return [{ type: s.type, occurredAt: at, data: {} }];
      });
    },

    /** The court's Final Evidence and Care Plan date, from which the CPR timetable counts back (Parallel Planning 5, 8). */
    finalEvidenceDate(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'work:record', (j) => inCareOnly(j) ?? (j!.parallelPlanning && !j!.parallelPlanning.ended ? null : 'Record that parallel planning for adoption is agreed first'), 'finalEvidenceOn', (_j, now, record) => {
        caseHolder(context, record, 'The final evidence date');
        const date = readDateInput(body, 'finalEvidenceOn', 'The Final Evidence and Care Plan date', true);
        if (date.problem || !date.value) throw new ValidationError([date.problem ?? { field: 'finalEvidenceOn-day', message: 'Enter the Final Evidence and Care Plan date' }]);
        return [{ type: 'adoption.final_evidence_date_set', occurredAt: now, data: { on: date.value, summary: `Final evidence and care plan due ${date.value}` } }];
      });
    },

    /** The ADM's decision that the child should (or should not) be placed for adoption, on the CPR (Parallel Planning 8). */
    shouldBePlaced(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'adm:decide', (j) => inCareOnly(j) ?? shouldBePlacedRefusal(j!) ?? (j!.steps.cprToAdm ? null : 'The agency decision maker decides on the Child Permanence Report: record that the final CPR was sent to the ADM first'), 'decision', (j, now) => {
        const { data, at } = checkedAt(shouldBePlacedSchema, body, when, now);
        notBeforeCare(j, at, when);
        notBefore(at, j.steps.cprToAdm!, when.fields?.date ?? 'occurredOn', 'The decision cannot be before the CPR was sent to the ADM, ');
        return [{ type: 'adoption.should_be_placed_decided', occurredAt: at, data: { decision: data.decision === 'agreed' ? 'should_be_placed' : 'not_agreed', decisionOn: londonDate(at), summary: data.summary } }];
      });
    },

    /**
     * The placement order: the child's legal status becomes E1, checked under the record's lock with
     * the in-care service's rule for a change of legal status (legalStatusRefusal), and not before the
     * ADM's should-be-placed decision (Parallel Planning 8, 10).
     */
    placementOrder(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const refusal = (j: AdoptionJourney | null) =>
        inCareOnly(j) ??
        (!j!.shouldBePlaced?.agreed ? "Record the agency decision maker's decision that the child should be placed for adoption before the placement order" : null) ??
        (j!.placementOrder ? 'The placement order is already recorded' : null);
      return step(context, personId, 'work:record', refusal, 'summary', (j, now, record) => {
        caseHolder(context, record, 'The placement order');
        const { data, at } = checkedAt(orderSchema, body, when, now);
        const dateField = when.fields?.date ?? 'occurredOn';
        if (londonDate(at) < j.shouldBePlaced!.on) throw new ValidationError([{ field: dateField, message: `The placement order cannot be before the agency decision maker decided the child should be placed for adoption, on ${longDate(j.shouldBePlaced!.on)}: check the date` }]);
        const status = legalStatusRefusal(j.care, { kind: 'change', status: 'E1', at, gapReason: null });
        if (status) throw new ValidationError([status.field === 'occurredOn' ? { ...status, field: dateField } : { ...status, field: 'summary' }]);
        return [{ type: 'cic.legal_status_changed', occurredAt: at, data: { legalStatus: 'E1', summary: data.summary ?? 'Placement order made' } }];
      });
    },

    /** The parents' consent to placement for adoption, witnessed by Cafcass (Adoption and Children Act 2002 s19), instead of a placement order. */
    consent(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'work:record', inCareOnly, 'parent', (j, now, record) => {
        caseHolder(context, record, 'Consent to placement');
        const { data, at } = checkedAt(consentSchema, body, when, now);
        notBeforeCare(j, at, when);
        return [{ type: 'adoption.placement_consent_given', occurredAt: at, data: { parent: data.parent, witnessedBy: data.witnessedBy, givenOn: londonDate(at), summary: `${data.parent} consented, witnessed by ${data.witnessedBy}` } }];
      });
    },

    /** The adoption panel's recommendation on a match with approved adopters. */
    async matchPanel(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const adopters = await approvedAdopters(context);
      return step(context, personId, 'fostering_panel:record', inCareOnly, 'adopterId', (j, now) => {
        const { data, at } = checkedAt(panelSchema, body, when, now);
        const adopter = adopters.find((a) => a.id === data.adopterId);
        const refusal = matchPanelRefusal(j, Boolean(adopter));
        if (refusal) throw new ValidationError([{ field: 'adopterId', message: refusal }]);
        notBefore(at, j.shouldBePlaced!.at, when.fields?.date ?? 'occurredOn', "The panel cannot be before the ADM's should-be-placed decision, ");
        const authority = authorityOn(j)!;
        if (londonDate(at) < authority) throw new ValidationError([{ field: when.fields?.date ?? 'occurredOn', message: `The panel cannot be before the authority to place (the placement order or the parents' consent) on ${longDate(authority)}: check the date` }]);
        return [{ type: 'adoption.match_recommended', occurredAt: at, data: { adopterId: adopter!.id, adopterName: adopter!.name, recommendation: data.recommendation, panelOn: londonDate(at), summary: data.summary } }];
      });
    },

    /** The ADM's decision on the match, on the panel's recommendation. */
    matchDecision(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'adm:decide', (j) => inCareOnly(j) ?? matchDecisionRefusal(j!), 'decision', (j, now) => {
        const { data, at } = checkedAt(matchDecisionSchema, body, when, now);
        notBefore(at, j.match!.panel!.at, when.fields?.date ?? 'occurredOn', "The decision cannot be before the panel's recommendation, ");
        return [{ type: 'adoption.match_decided', occurredAt: at, data: { adopterId: j.match!.adopterId, adopterName: j.match!.adopterName, decision: data.decision, decisionOn: londonDate(at), summary: data.summary } }];
      });
    },

    /** Placed for adoption: the data the SSDA903 return reads (decisionOn, matchedOn, withCurrentCarers, carer). */
    place(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'work:record', inCareOnly, 'withCurrentCarers', (j, now, record) => {
        caseHolder(context, record, 'The placement for adoption');
        const { data, at } = checkedAt(placeSchema, body, when, now);
        const refusal = placementRefusal(j, londonDate(at));
        if (refusal) throw new ValidationError([refusal.field === 'occurredOn' ? { ...refusal, field: when.fields?.date ?? 'occurredOn' } : { ...refusal, field: 'withCurrentCarers' }]);
        const m = j.match!;
        return [
          {
            type: 'adoption.placed',
            occurredAt: at,
            data: { adopterId: m.adopterId, carer: m.adopterName, decisionOn: j.shouldBePlaced!.on, matchedOn: m.adm!.on, withCurrentCarers: data.withCurrentCarers === 'yes', summary: `Placed for adoption${data.summary ? `: ${data.summary}` : ''}` },
          },
        ];
      });
    },

    /** A match that will not go ahead (before placement), so that the panel may consider another. */
    endMatch(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'work:record', (j) => inCareOnly(j) ?? (j!.placed ? 'The child is placed for adoption: record a disruption if the placement has ended' : null) ?? (j!.match ? null : 'There is no match to end'), 'summary', (j, now, record) => {
        caseHolder(context, record, 'The end of a match');
        const { data } = checkedAt(endMatchSchema, body, null, now);
        return [{ type: 'adoption.match_ended', occurredAt: now, data: { adopterId: j.match!.adopterId, summary: data.summary } }];
      });
    },

    disrupt(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'work:record', (j) => disruptionRefusal(j!), 'summary', (j, now, record) => {
        caseHolder(context, record, 'The end of the placement');
        const { data, at } = checkedAt(disruptSchema, body, when, now);
        notBefore(at, j.placed!.at, when.fields?.date ?? 'occurredOn', 'The placement cannot end before it began, ');
        return [{ type: 'adoption.placement_disrupted', occurredAt: at, data: { summary: data.summary } }];
      });
    },

    /** The adoption order: the child is adopted, and so stops being looked after (the order ends the care order). */
    adoptionOrder(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'work:record', inCareOnly, 'court', (j, now, record) => {
        caseHolder(context, record, 'The adoption order');
        const { data, at } = checkedAt(adoptionOrderSchema, body, when, now);
        const refusal = orderRefusal(j, londonDate(at));
        if (refusal) throw new ValidationError([refusal.field === 'occurredOn' ? { ...refusal, field: when.fields?.date ?? 'occurredOn' } : refusal]);
        // The order ends the period of care: with the in-care service's check for an end (inCareService.end), not before its last legal status or placement.
        notBefore(at, careEndNotBefore(j.care)!, when.fields?.date ?? 'occurredOn', 'The period of care cannot end before its last legal status or placement began, on ');
        return [
          { type: 'adoption.order_made', occurredAt: at, data: { court: data.court, consentDispensed: data.consentDispensed === 'yes', summary: `Adoption order made by ${data.court}` } },
          { type: 'cic.ended', occurredAt: at, data: { reason: 'adopted', summary: 'Adopted: the adoption order ended the period of care' } },
        ];
      });
    },
  };
}

export type AdoptionService = ReturnType<typeof adoptionService>;
