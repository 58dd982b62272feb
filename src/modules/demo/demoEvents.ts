import { addDays } from '../../domain/calendar/localDate';
import type { DemoFamily } from './demoFamilies';

/** One event of a child's journey, dated in days before the demonstration's today. */
export interface ScriptedEvent {
  type: string;
  daysAgo: number;
  hour?: number;
  data: Record<string, unknown>;
  /** Data fields that hold a date (a return-to-panel date), in days before today: the seed writes them YYYY-MM-DD. */
  dates?: Record<string, number>;
}

const outcomeByStage: Record<string, string> = {
  assessment: 'assessment',
  cin: 'assessment',
  cp: 'strategy_discussion',
  'early-help': 'early_help',
};

/** Repeats every `interval` days from `from` days ago up to `until` days ago. */
function every(from: number, interval: number, until: number, make: (daysAgo: number, n: number) => ScriptedEvent): ScriptedEvent[] {
  const events: ScriptedEvent[] = [];
  for (let d = from - interval, n = 1; d >= until; d -= interval, n++) events.push(make(d, n));
  return events;
}

/**
 * The events of a child's journey so far, by stage. The types are the ones the practice
 * standards engine reads (issue 3): contact.received, threshold.decided, cp.conference_held…
 * A family marked late stopped being visited some weeks ago, so its standards fall overdue.
 */
export function journey(family: DemoFamily, index: number): ScriptedEvent[] {
  const d = family.daysAgo;
  const contact: ScriptedEvent = { type: 'contact.received', daysAgo: d, hour: 9 + (index % 6), data: { source: family.source, summary: family.concern } };
  const lastVisit = family.late ? 35 + (index % 20) : 3 + (index % 8);

  switch (family.stage) {
    case 'contact':
      return [
        contact,
        ...(index % 2 === 0 ? [{ type: 'mash_enquiry.started', daysAgo: d, hour: 14, data: { grade: family.source === 'police' || family.source === 'hospital' ? 'red' : 'amber', summary: 'MASH enquiries sent to health, education and police' } }] : []),
      ];
    case 'early-help':
      return [
        { ...contact, daysAgo: d + 1 },
        { type: 'threshold.decided', daysAgo: d, data: { outcome: 'early_help', summary: 'Needs can be met by early help: referred to the Early Help Hub' } },
      ];
    case 'assessment':
      return [
        { ...contact, daysAgo: d + 2 },
        { type: 'threshold.decided', daysAgo: d + 1, data: { outcome: outcomeByStage.assessment, primaryNeed: needAtTheFrontDoor(family), summary: 'Threshold met for a Child and Family Assessment' } },
        { type: 'assessment.allocated', daysAgo: d, data: { summary: 'Child and Family Assessment allocated' } },
        ...(d > 3 ? [{ type: 'assessment.child_seen', daysAgo: d - 2, data: { summary: 'Child seen at home, and alone in their bedroom' } }] : []),
      ];
    case 'cin': {
      // Visited and reviewed until the case closed, for a family whose case has.
      const lastCinVisit = family.closed ? family.closed.daysAgo + 4 : lastVisit;
      return [
        { ...contact, daysAgo: d + 50 },
        { type: 'threshold.decided', daysAgo: d + 49, data: { outcome: 'assessment', primaryNeed: needAtTheFrontDoor(family), summary: 'Threshold met for a Child and Family Assessment' } },
        { type: 'assessment.allocated', daysAgo: d + 48, data: {} },
        { type: 'assessment.child_seen', daysAgo: d + 46, data: {} },
        // Signed off with what the CIN census needs of it (issue 10).
        { type: 'assessment.completed', daysAgo: d + 5, data: { outcome: 'child_in_need', ...assessedNeeds(family), summary: 'Assessment completed: child in need plan recommended' } },
        { type: 'cin.plan_started', daysAgo: d, data: { summary: 'Child in need plan agreed with the family' } },
        ...every(d, 15, lastCinVisit, (v) => ({ type: 'cin.visit', daysAgo: v, data: { seenAlone: v % 2 === 0 } })),
        ...every(d, 42, lastCinVisit, (v, n) => ({ type: 'cin.review_held', daysAgo: v, data: { summary: `Child in need review ${n}` } })),
        ...(family.closed ? caseClosed(family.closed) : []),
      ];
    }
    case 'cp':
      return [
        { ...contact, daysAgo: d + 16 },
        { type: 'threshold.decided', daysAgo: d + 16, hour: 15, data: { outcome: 'strategy_discussion', primaryNeed: needAtTheFrontDoor(family), summary: 'Significant harm suspected: strategy discussion' } },
        { type: 'strategy.discussion_held', daysAgo: d + 15, data: { section47ThresholdMet: true, summary: 'Strategy discussion with police and health: section 47 threshold met' } },
        { type: 'strategy.minutes_distributed', daysAgo: family.late ? d + 13 : d + 15, hour: family.late ? 10 : 17, data: {} },
        { type: 's47.started', daysAgo: d + 15, hour: 16, data: {} },
        { type: 's47.child_visited', daysAgo: d + 14, data: { seenAlone: true } },
        { type: 's47.completed', daysAgo: d + 10, data: { outcome: 'initial_conference', summary: 'Section 47 enquiry completed: initial child protection conference' } },
        { type: 'cp.conference_held', daysAgo: d, data: { kind: 'initial', planMade: true, category: family.category ?? 'neglect', summary: `Initial child protection conference: child protection plan under the category of ${family.category ?? 'neglect'}` } },
        { type: 'cp.decision_circulated', daysAgo: family.late ? d - 3 : d, hour: 16, data: {} },
        ...every(d, 42, lastVisit, (v) => ({ type: 'cp.core_group_held', daysAgo: v, data: {} })),
        // Bedrooms seen at every other visit; a late family's only at the first (Child Protection Plans, Visits 6).
        ...every(d, 10, lastVisit, (v, n) => ({ type: 'cp.visit', daysAgo: v, data: { seenAlone: v % 3 !== 0, bedroomSeen: family.late ? n === 1 : n % 2 === 1 } })),
        ...(d > 91
          ? [
              { type: 'cp.conference_held', daysAgo: d - 91, data: { kind: 'review', planContinues: true, summary: 'Review child protection conference: plan continues' } },
              { type: 'cp.decision_circulated', daysAgo: d - 91, hour: 16, data: {} },
            ]
          : []),
      ];
    case 'in-care': {
      const statuses = family.legalStatuses ?? [['V2', d]];
      const [firstStatus, ...changes] = statuses;
      return [
        { ...contact, daysAgo: d + 1 },
        { type: 'threshold.decided', daysAgo: d + 1, hour: 16, data: { outcome: 'strategy_discussion', primaryNeed: needAtTheFrontDoor(family), summary: 'Immediate safeguarding concerns' } },
        // Whether the child had left care before through adoption or an order, for the SSDA903 return (issue 10).
        { type: 'cic.started', daysAgo: d, data: { legalStatus: firstStatus?.[0], summary: 'Became looked after', previousPermanence: family.previousPermanence ?? { option: 'none' } } },
        { type: 'cic.notification_sent', daysAgo: d, hour: 17, data: {} },
        { type: 'cic.placement_started', daysAgo: d, hour: 18, data: { summary: 'Placed', setting: family.placement ?? 'in_house_fostering' } },
        { type: 'cic.iro_appointed', daysAgo: d - 1, data: {} },
        { type: 'cic.placement_planning_meeting_held', daysAgo: d - 3, data: {} },
        // A late family's care plan and health assessment are still outstanding.
        ...(family.late ? [] : [
          { type: 'cic.care_plan_completed', daysAgo: d - 7, data: {} },
          { type: 'cic.health_assessment_completed', daysAgo: d - 21, data: { summary: 'Initial health assessment' } },
        ]),
        ...changes.map(([status, ago]) => ({ type: 'cic.legal_status_changed', daysAgo: ago, data: { legalStatus: status } })),
        ...(d > 20 ? [{ type: 'cic.review_held', daysAgo: d - 20, data: { summary: 'First child in care review', childParticipation: 'attended' } }] : []),
        ...(d > 115 ? [{ type: 'cic.review_held', daysAgo: d - 105, data: { summary: 'Second child in care review', childParticipation: 'views_shared' } }] : []),
        ...every(d, 42, lastVisit, (v) => ({ type: 'cic.visit', daysAgo: v, data: { seenAlone: true } })),
        ...panelJourney(family, d),
      ];
    }
    case 'care-leaver':
      return []; // dated from the young person's birthdays: see careLeaverJourney
  }
}

/**
 * The child's primary need as the Duty Manager saw it at the threshold decision (issue 10: the CIN
 * census needs it from the referral on, rule 8610): what the assessment later found for a family
 * that has one, else what the family's contact was about, else the commonest.
 */
const frontDoorNeeds: Record<string, string> = {
  Brown: 'family_dysfunction',
  Murphy: 'abuse_or_neglect',
  Ahmed: 'parental_illness',
  Wilson: 'abuse_or_neglect',
  Ali: 'low_income',
  Kaur: 'acute_stress',
  Tesfaye: 'absent_parenting',
  Lakatos: 'family_dysfunction',
};
function needAtTheFrontDoor(family: DemoFamily): string {
  return family.assessed?.primaryNeed ?? frontDoorNeeds[family.surname] ?? 'abuse_or_neglect';
}

/** The primary need and factors the manager recorded at sign-off; a family without its own words has the commonest. */
function assessedNeeds(family: DemoFamily): { primaryNeed: string; factors: string[] } {
  return family.assessed ?? { primaryNeed: 'abuse_or_neglect', factors: ['neglect'] };
}

/**
 * A child in need plan ended and the case closed `daysAgo`, each step of the Case Closure workflow
 * in time (practice-standards.txt, Section 2: Case closures and step-down 1-11), with why it closed
 * for the CIN census (issue 10). The letters are recorded by the seed, which knows who they went to.
 */
function caseClosed(closed: NonNullable<DemoFamily['closed']>): ScriptedEvent[] {
  const c = closed.daysAgo;
  return [
    { type: 'closure.decided', daysAgo: c + 3, hour: 15, data: { outcome: 'close', summary: `Child in need review: the case is to close. ${closed.summary}` } },
    { type: 'cin.plan_ended', daysAgo: c + 3, hour: 16, data: { summary: 'Child in need plan ended at the review' } },
    { type: 'closure.workflow_started', daysAgo: c + 2, hour: 10, data: { outcome: 'close', summary: 'Case closure workflow triggered and allocated' } },
    { type: 'closure.copied_to_siblings', daysAgo: c + 2, hour: 11, data: { siblingIds: [], noneReason: 'No brothers or sisters are known to children’s services.' } },
    { type: 'closure.casework_recorded', daysAgo: c + 1, hour: 10, data: { summary: 'Case summary and chronology updated; the receiving authority’s transfer letter uploaded' } },
    { type: 'closure.workflow_submitted', daysAgo: c + 1, hour: 14, data: {} },
    { type: 'closure.completed', daysAgo: c, hour: 10, data: { closureReason: closed.reason, summary: closed.summary } },
    { type: 'closure.end_dates_checked', daysAgo: c, hour: 15, data: {} },
  ];
}

/** A care leaver's journey: in care from 15, left care at 18, a personal adviser from 17. */
export function careLeaverJourney(dateOfBirth: string, today: string, late: boolean): ScriptedEvent[] {
  const daysAgo = (date: string) => Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
  const yearsOn = (years: number) => `${Number(dateOfBirth.slice(0, 4)) + years}${dateOfBirth.slice(4)}`;
  const started = daysAgo(yearsOn(15));
  const paAllocated = daysAgo(addDays(yearsOn(17), -40));
  const ended = daysAgo(yearsOn(18));
  const lastContact = late ? 70 : 10;
  return [
    { type: 'contact.received', daysAgo: started + 1, data: { summary: 'Referral' } },
    { type: 'threshold.decided', daysAgo: started + 1, hour: 15, data: { outcome: 'strategy_discussion', primaryNeed: 'abuse_or_neglect' } },
    { type: 'cic.started', daysAgo: started, data: { legalStatus: 'V2', summary: 'Became looked after', previousPermanence: { option: 'none' } } },
    { type: 'cic.notification_sent', daysAgo: started, hour: 17, data: {} },
    { type: 'cic.placement_started', daysAgo: started, hour: 18, data: { setting: 'in_house_fostering' } },
    { type: 'cic.iro_appointed', daysAgo: started - 1, data: {} },
    { type: 'cic.placement_planning_meeting_held', daysAgo: started - 4, data: {} },
    { type: 'cic.care_plan_completed', daysAgo: started - 8, data: {} },
    { type: 'cic.health_assessment_completed', daysAgo: started - 20, data: {} },
    { type: 'cic.review_held', daysAgo: started - 18, data: { summary: 'First child in care review', childParticipation: 'attended' } },
    { type: 'cic.review_held', daysAgo: started - 100, data: { summary: 'Second child in care review', childParticipation: 'views_shared' } },
    { type: 'care_leaver.pa_allocated', daysAgo: paAllocated, data: { summary: 'Personal adviser allocated' } },
    { type: 'care_leaver.pathway_plan_completed', daysAgo: paAllocated - 30, data: { summary: 'First pathway plan' } },
    { type: 'cic.ended', daysAgo: ended, data: { reason: 'eighteen', summary: 'Turned 18: moved to independent living' } },
    ...every(ended, 56, lastContact, (v) => ({ type: 'care_leaver.contact', daysAgo: v, data: {} })),
  ];
}

/**
 * A commissioned placement's funding at the Resource and Care Panel: presented within the week
 * of coming into care, approved with a date to come back for review (1.20), and back every
 * three months; the latest decision's return date is still to come.
 */
function panelJourney(family: DemoFamily, d: number): ScriptedEvent[] {
  if (!['independent_fostering', 'residential', 'supported_accommodation'].includes(family.placement ?? '')) return [];
  const events: ScriptedEvent[] = [];
  for (let at = d - 5, n = 0; at > 0; at -= 91, n++) {
    events.push({ type: 'panel.considered', daysAgo: at, hour: 14, data: { reason: n === 0 ? 'newly_looked_after' : 'review', summary: 'Presented at the Resource and Care Panel' } });
    events.push({ type: 'panel.decision_made', daysAgo: at, hour: 16, data: { decision: 'approved', summary: 'Placement funding approved' }, dates: { returnDate: at - 91 } });
  }
  return events;
}
