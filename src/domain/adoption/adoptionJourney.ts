import { addDays, londonDate } from '../calendar/localDate';
import { careEndNotBefore, inCareOf, type InCareState } from '../inCare/inCareState';
import type { WorkflowEvent } from '../records/events';

export { careEndNotBefore };

/**
 * A child's adoption journey, read from their record (issue 11; practice-standards.txt, Section 2:
 * Parallel Planning for Adoption 1-10; Section 3: Permanency Planning Meetings 5 (the placement
 * order reviews); Section 4: Reviews for Children in Care 60; specialist-service-statement.txt 7.4).
 *
 * The order the law and the policy set: parallel planning and the Child Permanence Report; the
 * agency decision maker's decision that the child should be placed for adoption; the authority to
 * place (a placement order, legal status E1, or the parents' consent); the match, recommended by
 * the adoption panel and agreed by the ADM; placement with the adopters; reviews (4 weeks, then 3
 * months, then 6-monthly) until the adoption order. Nothing here is stored apart from the events.
 */

/** The steps of parallel planning and the CPR that are dated facts (Parallel Planning 2-4, 8-9). */
export const planningSteps = {
  birthCertificates: { type: 'adoption.birth_certificates_ordered', title: 'Two original birth certificates ordered from the Registry Service', paragraph: '2' },
  ppm: { type: 'adoption.permanency_planning_meeting_held', title: 'Permanency Planning Meeting held on the use of parallel planning', paragraph: '3' },
  cprCompleted: { type: 'adoption.cpr_completed', title: 'Child Permanence Report completed by the social worker', paragraph: '8' },
  cprFinalised: { type: 'adoption.cpr_finalisation_meeting_held', title: 'Meeting with Adopt Thames Valley to finalise the CPR', paragraph: '8' },
  cprToAdm: { type: 'adoption.cpr_sent_to_adm', title: 'Final CPR sent to the Agency Decision Maker', paragraph: '8' },
  evidenceToManager: { type: 'adoption.final_evidence_sent_to_manager', title: 'Final evidence and care plan sent to the team manager', paragraph: '9' },
  evidenceFiled: { type: 'court.final_evidence_filed', title: 'Final evidence and care plan filed with the court', paragraph: '9' },
} as const;
export type PlanningStep = keyof typeof planningSteps;

/** The ADM's decisions and the panel's recommendations on a child's plan and match. */
export const decisionChoices = [
  { value: 'agreed', text: 'Agreed' },
  { value: 'not_agreed', text: 'Not agreed' },
] as const;
export const recommendationChoices = [
  { value: 'recommended', text: 'Recommended' },
  { value: 'not_recommended', text: 'Not recommended' },
] as const;

/** Event types this part adds (the catalogue's adoption.* are in src/standards). */
export const adoptionEventTitles: Record<string, string> = {
  'adoption.final_evidence_date_set': 'Final evidence and care plan date set by the court',
  'adoption.should_be_placed_decided': "Agency decision maker's decision on whether the child should be placed for adoption",
  'adoption.placement_consent_given': 'Parent consented to placement for adoption (section 19)',
  'adoption.match_recommended': "Adoption panel's recommendation on the match",
  'adoption.match_decided': "Agency decision maker's decision on the match",
  'adoption.match_ended': 'Match with the prospective adopters ended before placement',
  'adoption.adopter_registered': 'Registered as prospective adopters',
  'adoption.adopter_assessment_completed': "Prospective adopters' assessment completed",
  'adoption.adopter_panel_recommended': "Adoption panel's recommendation on the prospective adopters",
  'adoption.adopter_decided': "Agency decision maker's decision on the prospective adopters",
  'adoption.adopter_withdrawn': 'Prospective adopters withdrew, or the assessment ended',
  'adoption.support_requested': 'Post-adoption support requested',
  'adoption.support_allocated': 'Post-adoption support request allocated',
  'adoption.support_closed': 'Post-adoption support request answered and closed',
  'adoption.s51_requested': 'Section 51 counselling requested (information about the birth family)',
  'adoption.s51_allocated': 'Section 51 counselling allocated',
  'adoption.s51_completed': 'Section 51 counselling completed',
};

export interface Decision {
  at: Date;
  /** The date of the decision, YYYY-MM-DD (the SSDA903 return's DATE_INT and DATE_MATCH). */
  on: string;
  agreed: boolean;
  by: string | null;
  summary: string;
}

export interface Match {
  adopterId: string;
  adopterName: string;
  panel: (Decision & { panelOn: string }) | null;
  adm: Decision | null;
}

export interface AdoptionJourney {
  inCare: boolean;
  /** The child's period of care, as the in-care service reads it (the adoption order ends it with the same checks). */
  care: InCareState;
  /** The current legal status (E1 is a placement order). */
  legalStatus: string | null;
  placementOrder: { at: Date } | null;
  parallelPlanning: { since: Date; ended: Date | null } | null;
  steps: Partial<Record<PlanningStep, Date>>;
  finalEvidenceOn: string | null;
  /** The latest ADM decision on whether the child should be placed for adoption. */
  shouldBePlaced: Decision | null;
  consent: { parent: string; givenOn: string; at: Date } | null;
  /** The current match being considered or agreed (a disruption or an order starts afresh). */
  match: Match | null;
  placed: { at: Date; adopterId: string | null; carer: string; decisionOn: string | null; matchedOn: string | null; withCurrentCarers: boolean } | null;
  disruptions: { at: Date; summary: string }[];
  order: { at: Date; court: string; consentDispensed: boolean } | null;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A date as people write it: 12 May 2026. */
export const longDate = (iso: string) => `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const chronological = (stream: readonly WorkflowEvent[]) => [...stream].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
const decisionOf = (e: WorkflowEvent, field: 'decision' | 'recommendation'): Decision => ({
  at: e.occurredAt,
  on: str(e.data.decisionOn) || str(e.data.panelOn) || londonDate(e.occurredAt),
  agreed: e.data[field] === 'agreed' || e.data[field] === 'recommended' || e.data[field] === 'should_be_placed',
  by: e.recordedByName,
  summary: str(e.data.summary),
});

export function adoptionJourneyOf(stream: readonly WorkflowEvent[]): AdoptionJourney {
  const care = inCareOf(stream);
  const status = care.inCare ? (care.statuses.at(-1) ?? null) : null;
  const j: AdoptionJourney = {
    inCare: care.inCare,
    care,
    legalStatus: status?.status ?? null,
    placementOrder: status?.status === 'E1' ? { at: status.from } : null,
    parallelPlanning: null,
    steps: {},
    finalEvidenceOn: null,
    shouldBePlaced: null,
    consent: null,
    match: null,
    placed: null,
    disruptions: [],
    order: null,
  };
  for (const e of chronological(stream)) {
    const step = (Object.keys(planningSteps) as PlanningStep[]).find((k) => planningSteps[k].type === e.type);
    if (step) {
      j.steps[step] = e.occurredAt;
      continue;
    }
    switch (e.type) {
      case 'adoption.parallel_planning_agreed':
        j.parallelPlanning = { since: e.occurredAt, ended: null };
        break;
      case 'adoption.parallel_planning_ended':
        if (j.parallelPlanning) j.parallelPlanning.ended = e.occurredAt;
        break;
      case 'adoption.final_evidence_date_set':
        j.finalEvidenceOn = str(e.data.on) || null;
        break;
      case 'adoption.should_be_placed_decided': {
        const decided = decisionOf(e, 'decision');
        // An agreed decision stands from its first date until a reversal: a second "agreed" keeps the first date
        // (the SSDA903 DATE_INT is the first decision). A reversal clears the match, which rested on the decision.
        if (decided.agreed && j.shouldBePlaced?.agreed) break;
        j.shouldBePlaced = decided;
        if (!decided.agreed) j.match = null;
        break;
      }
      case 'adoption.placement_consent_given':
        j.consent = { parent: str(e.data.parent), givenOn: str(e.data.givenOn) || londonDate(e.occurredAt), at: e.occurredAt };
        break;
      case 'adoption.match_recommended':
        j.match = { adopterId: str(e.data.adopterId), adopterName: str(e.data.adopterName), panel: { ...decisionOf(e, 'recommendation'), panelOn: str(e.data.panelOn) || londonDate(e.occurredAt) }, adm: null };
        break;
      case 'adoption.match_decided':
        if (j.match && j.match.adopterId === str(e.data.adopterId)) j.match.adm = decisionOf(e, 'decision');
        break;
      case 'adoption.match_ended':
        if (j.match && !j.placed) j.match = null;
        break;
      case 'adoption.placed':
        j.placed = {
          at: e.occurredAt,
          adopterId: str(e.data.adopterId) || null,
          carer: str(e.data.carer),
          decisionOn: str(e.data.decisionOn) || null,
          matchedOn: str(e.data.matchedOn) || null,
          withCurrentCarers: e.data.withCurrentCarers === true,
        };
        break;
      case 'adoption.placement_disrupted':
        j.disruptions.push({ at: e.occurredAt, summary: str(e.data.summary) });
        // A disrupted placement needs a new match before the child is placed again.
        j.placed = null;
        j.match = null;
        break;
      case 'adoption.order_made':
        j.order = { at: e.occurredAt, court: str(e.data.court), consentDispensed: e.data.consentDispensed === true };
        break;
    }
  }
  return j;
}

/** Where the child is on the way, in words for the lists. */
export function stageOf(j: AdoptionJourney): string {
  if (j.order) return 'Adopted';
  if (j.placed) return 'Placed for adoption';
  if (j.match?.adm?.agreed) return 'Matched: awaiting placement';
  if (j.match?.panel) return j.match.panel.agreed ? 'Match recommended: awaiting the ADM' : 'Match not recommended';
  if ((j.placementOrder || j.consent) && j.shouldBePlaced?.agreed !== false) return 'Authorised to place: family finding';
  if (j.shouldBePlaced?.agreed) return 'Should be placed: awaiting a placement order';
  if (j.parallelPlanning && !j.parallelPlanning.ended) return 'Parallel planning';
  return 'Not on an adoption plan';
}

/** Whether the child is on an adoption journey at all (shown on the lists and the front sheet). */
export function onAdoptionJourney(j: AdoptionJourney): boolean {
  return Boolean(j.parallelPlanning || j.shouldBePlaced || j.match || j.placed || j.order || j.disruptions.length || j.placementOrder);
}

/** When the authority to place began (a placement order or the parents' consent, whichever came first), or null. */
export function authorityOn(j: AdoptionJourney): string | null {
  const dates = [j.placementOrder ? londonDate(j.placementOrder.at) : null, j.consent?.givenOn ?? null].filter((d): d is string => d !== null);
  return dates.sort()[0] ?? null;
}

/**
 * Why the panel's recommendation on a match cannot be recorded yet, or null. The ADM must first
 * have decided the child should be placed for adoption (Parallel Planning 8: the CPR goes to the
 * ADM for that decision), and the adopters must be approved.
 */
export function matchPanelRefusal(j: AdoptionJourney, adopterApproved: boolean): string | null {
  if (!j.inCare) return 'The child is not looked after: a match is for a child the council is placing for adoption';
  if (j.order) return 'An adoption order has been made: there is nothing to match';
  if (j.placed) return 'The child is already placed for adoption';
  if (!j.shouldBePlaced?.agreed) return "A match cannot go to panel before the agency decision maker has decided the child should be placed for adoption: record the ADM's decision first";
  // Adoption Agencies Regulations 2005 reg 19 and Adoption and Children Act 2002 s18-19: no match without the authority to place.
  if (!j.placementOrder && !j.consent) return "A match cannot go to panel without the authority to place: record the placement order or the parents' consent (section 19) first";
  if (j.match?.adm?.agreed) return `A match with ${j.match.adopterName} is agreed: record that it has ended before the panel considers another`;
  if (!adopterApproved) return 'The prospective adopters are not approved: a match is with approved adopters only';
  return null;
}

/** Why the ADM's decision on a match cannot be recorded yet, or null: the panel's recommendation comes first. */
export function matchDecisionRefusal(j: AdoptionJourney): string | null {
  if (j.placed) return 'The child is already placed for adoption';
  if (!j.match?.panel) return "The agency decision maker decides a match on the adoption panel's recommendation: record the panel's recommendation first";
  if (j.match.adm) return `The agency decision maker's decision on the match with ${j.match.adopterName} is already recorded`;
  return null;
}

/**
 * Why the child cannot be recorded as placed for adoption on a date, or null: the ADM's
 * should-be-placed decision, the authority to place (a placement order or the parents' consent), a
 * match recommended by panel and agreed by the ADM, and nothing of it after the placement.
 */
export function placementRefusal(j: AdoptionJourney, placedOn: string): { field: string; message: string } | null {
  const at = { field: 'occurredOn', message: '' };
  if (!j.inCare) return { field: 'carer', message: 'The child is not looked after: placement for adoption is for a child in care (or placed with consent)' };
  if (j.order) return { field: 'carer', message: 'An adoption order has been made' };
  if (j.placed) return { field: 'carer', message: 'The child is already placed for adoption: record a disruption first if the placement has ended' };
  if (!j.shouldBePlaced?.agreed) return { field: 'carer', message: "The child cannot be placed for adoption without the agency decision maker's decision that they should be placed: record it first" };
  if (!j.placementOrder && !j.consent) return { field: 'carer', message: "The child cannot be placed for adoption without a placement order or the parents' consent (section 19): record one first" };
  if (!j.match?.panel?.agreed || !j.match.adm?.agreed) return { field: 'carer', message: "The child cannot be placed for adoption without a match recommended by the adoption panel and agreed by the agency decision maker" };
  const latest = [j.shouldBePlaced.on, j.match.adm.on, j.placementOrder ? londonDate(j.placementOrder.at) : j.consent!.givenOn].sort().at(-1)!;
  if (placedOn < latest) return { ...at, message: `The placement cannot be before the decisions and the authority to place it follows, the latest on ${longDate(latest)}: check the date` };
  return null;
}

/** The weeks a child placed by an adoption agency must have lived with the adopters before an order (Adoption and Children Act 2002 s42(2)). */
export const weeksBeforeOrder = 10;

/**
 * Why the adoption order cannot be recorded, or null: a child is adopted from a placement for
 * adoption, after living with the adopters for the 10 weeks before the application (Adoption and
 * Children Act 2002 s42(2); weeks are calendar days, so weekends and bank holidays count).
 */
export function orderRefusal(j: AdoptionJourney, madeOn: string): { field: string; message: string } | null {
  if (j.order) return { field: 'court', message: 'The adoption order is already recorded' };
  if (!j.placed) return { field: 'court', message: 'The child is not placed for adoption: record the placement for adoption first' };
  const placedOn = londonDate(j.placed.at);
  if (madeOn < placedOn) return { field: 'occurredOn', message: `The adoption order cannot be before the child was placed for adoption on ${longDate(placedOn)}: check the date` };
  const earliest = addDays(placedOn, weeksBeforeOrder * 7);
  if (madeOn < earliest) return { field: 'occurredOn', message: `An adoption order cannot be made until the child has lived with the adopters for ${weeksBeforeOrder} weeks (Adoption and Children Act 2002 s42(2)): placed on ${longDate(placedOn)}, the earliest is ${longDate(earliest)}. Check the date` };
  return null;
}

/** Why the ADM's should-be-placed decision cannot be recorded, or null: not once the child is placed or adopted. */
export function shouldBePlacedRefusal(j: AdoptionJourney): string | null {
  if (j.order) return 'An adoption order has been made: the decision can no longer change';
  if (j.placed) return 'The child is placed for adoption: the decision can no longer change (record a disruption first if the placement has ended)';
  return null;
}

/** Why a disruption cannot be recorded, or null: only a placement for adoption before the order, while the child is in care. */
export function disruptionRefusal(j: AdoptionJourney): string | null {
  if (j.order) return 'The adoption order is recorded: the child is adopted, and an adoptive placement that breaks down after the order is not a disruption';
  if (!j.inCare) return 'The child is no longer looked after';
  if (!j.placed) return 'The child is not placed for adoption';
  return null;
}

/**
 * The CPR timetable counted back from the Final Evidence and Care Plan date (Parallel Planning 8-9):
 * the CPR completed 4 weeks before, the finalisation meeting with Adopt Thames Valley and the CPR to
 * the ADM 2 weeks before, the final evidence to the manager 1 week before. Weeks are calendar days
 * (DESIGN.md: "within N weeks"), so a bank holiday does not move them; the page says when a date
 * falls on a weekend or bank holiday, so the worker plans for the working day before.
 */
export function cprTimetable(finalEvidenceOn: string, isWorkingDay: (date: string) => boolean) {
  const back = (days: number) => {
    const on = addDays(finalEvidenceOn, -days);
    let plan = on;
    while (!isWorkingDay(plan)) plan = addDays(plan, -1);
    return { on, workingDay: plan };
  };
  return [
    { step: 'cprCompleted' as const, ...back(28) },
    { step: 'cprFinalised' as const, ...back(14) },
    { step: 'cprToAdm' as const, ...back(14) },
    { step: 'evidenceToManager' as const, ...back(7) },
  ];
}
