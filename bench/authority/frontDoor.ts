import { day, hour, workingDays, type Journey } from './journey';

/**
 * The front door and what follows it in the synthetic authority: contacts and MASH enquiries,
 * threshold decisions, Early Help, Child and Family Assessments, strategy discussions and
 * Section 47 enquiries, and closing a case. Event types and data are the catalogue's
 * (src/standards), so the rules that read them produce obligations.
 */
export type Stage = 'contact' | 'early-help' | 'assessment' | 'strategy' | 'icpc' | 'cin' | 'cp' | 'in-care' | 'closure' | 'closed';

export interface Next {
  stage: Stage;
  at: number;
  /** For a strategy discussion: the front door's threshold decision asked for it (not an open case escalating). */
  byThreshold?: boolean;
  /** For an initial conference: when the Section 47 enquiry that asked for it was completed. */
  enquiryCompleted?: number;
}

const sources = ['school', 'police', 'health', 'family', 'anonymous', 'hospital', 'self'];
/** Who referred, in the front door's words for the census (src/domain/frontDoor/referrerAgencies.ts). */
const agencies: Record<string, string> = { school: 'school', police: 'police', health: 'gp', family: 'family_member', anonymous: 'anonymous', hospital: 'emergency_department', self: 'self' };
/** Primary needs (src/domain/returns/cinCensus/cinWords.ts), about as often as the CIN census finds them: abuse or neglect the most. */
const needs = ['abuse_or_neglect', 'abuse_or_neglect', 'abuse_or_neglect', 'abuse_or_neglect', 'abuse_or_neglect', 'family_dysfunction', 'family_dysfunction', 'acute_stress', 'disability', 'parental_illness', 'absent_parenting', 'unacceptable_behaviour', 'low_income'];
const factorSets = [['neglect'], ['domestic_abuse_parent', 'mental_health_parent'], ['emotional_abuse', 'alcohol_misuse_parent'], ['drug_misuse_parent'], ['none'], ['physical_abuse_by_adult'], ['mental_health_child', 'self_harm']];
export const needOf = (j: Journey) => pick(j, needs);
const pick = <T>(j: Journey, list: readonly T[]) => list[j.random.int(0, list.length - 1)] as T;

/** A contact, perhaps a MASH enquiry, and the duty manager's threshold decision. */
export function contact(j: Journey, received: number): Next {
  j.allocate('front-door', received);
  const recorded = j.doneBy(received, 1 / 24) ?? received + j.random.int(2, 30) * hour;
  const source = pick(j, sources);
  j.record('contact.received', received, { source, referrerAgency: agencies[source], recordedAt: new Date(recorded).toISOString() });
  if (j.chance(0.3)) {
    const grade = j.chance(0.3) ? 'red' : 'amber';
    const enquiryId = j.id('mash');
    const started = received + j.random.int(20, 120) * 60_000;
    j.record('mash_enquiry.started', started, { grade, enquiryId });
    j.record('mash_enquiry.completed', j.doneBy(started, grade === 'red' ? 4 / 24 : 1), { enquiryId });
  }
  const r = j.random.next();
  const outcome = r < 0.3 ? 'no_further_action' : r < 0.48 ? 'early_help' : r < 0.84 ? 'assessment' : 'strategy_discussion';
  const decided = j.eventually(received, 1);
  // The recommendation is made on the open contact, before the Duty Manager decides on it.
  if (j.chance(0.5)) j.record('threshold.recommended', received + (0.2 + 0.7 * j.random.next()) * (decided - received), { outcome });
  j.record('threshold.decided', decided, outcome === 'assessment' || outcome === 'strategy_discussion' ? { outcome, primaryNeed: needOf(j) } : { outcome });
  switch (outcome) {
    case 'early_help':
      return { stage: 'early-help', at: decided };
    case 'assessment':
      j.record('assessment.reminder_sent', j.doneBy(decided, 0.3));
      return { stage: 'assessment', at: decided };
    case 'strategy_discussion':
      return { stage: 'strategy', at: decided, byThreshold: true };
    default:
      return { stage: 'closed', at: decided };
  }
}

/** Early Help: allocation, first contact, home visit, assessment, 12-weekly reviews, closure. */
export function earlyHelp(j: Journey, decided: number): Next {
  const received = decided + j.days(0, 2);
  j.record('early_help.received', received);
  const allocated = j.eventually(received, workingDays(5));
  j.allocate('early-help', allocated);
  j.record('early_help.allocated', allocated, { leadProfessional: j.chance(0.85) ? 'early_help' : 'social_care' });
  const contacted = j.eventually(allocated, workingDays(5));
  j.record('early_help.family_contacted', contacted);
  const visited = j.eventually(contacted, workingDays(5));
  j.record('early_help.home_visited', visited);
  const assessed = j.eventually(visited, workingDays(30));
  j.record('early_help.assessment_completed', assessed);
  const closed = assessed + j.days(60, 360);
  j.every(assessed, 84, closed, (at) => j.record('early_help.review_held', at));
  j.every(allocated, 84, closed, (at) => j.record('chronology.updated', at));
  j.every(allocated, 30, closed, (at) => j.record('supervision.case_discussed', at));
  if (j.disabled) j.every(allocated, 91, closed, (at) => j.record('case_summary.updated', at));
  j.record('early_help.closed', closed);
  return { stage: 'closed', at: closed };
}

/** A Child and Family Assessment, and where it leads. */
export function assessment(j: Journey, decided: number): Next {
  const allocated = decided + j.random.int(1, 30) * hour;
  j.allocate('assessment', allocated);
  j.record('assessment.allocated', allocated);
  const completed = j.workTime(j.eventually(allocated, 25));
  // The assessment's steps are done while it is open: one drawn after its completion was done late, just before it.
  const step = (dueDays: number) => j.within(j.doneBy(allocated, dueDays), allocated, completed);
  j.record('assessment.case_reviewed', step(2));
  j.record('assessment.child_seen', step(3));
  j.record('assessment.agency_checks_completed', step(5));
  j.record('assessment.progress_reviewed', step(10));
  j.record('assessment.family_network_meeting_considered', step(workingDays(10)));
  if (completed - allocated > 20 * day && j.chance(0.5)) {
    j.record('assessment.extension_requested', allocated + 18 * day);
    j.record('assessment.extension_agreed', allocated + 19 * day);
  }
  const r = j.random.next();
  const next: Next['stage'] = r < 0.45 ? 'closure' : r < 0.85 ? 'cin' : r < 0.95 ? 'strategy' : 'in-care';
  j.record('assessment.completed', completed, { outcome: next === 'cin' ? 'child_in_need' : next === 'closure' ? 'no_further_action' : 'escalate', primaryNeed: needOf(j), factors: pick(j, factorSets) });
  return { stage: next, at: completed + j.days(0, 5) };
}

/**
 * A strategy discussion and, when the threshold is met, a Section 47 enquiry. `byThreshold`: the
 * front door's threshold decision asked for it; otherwise (an open case escalating from an
 * assessment or a plan) the manager's decision to hold one is recorded first.
 */
export function strategy(j: Journey, decided: number, byThreshold: boolean): Next {
  j.allocate('child-protection', decided);
  if (!byThreshold) j.record('strategy.discussion_decided', decided);
  j.record('strategy.workflow_triggered', j.doneBy(decided, 0.4));
  if (j.chance(0.5)) j.record('strategy.police_referral_made', decided + 2 * hour);
  const held = j.eventually(decided, 1);
  const s47 = j.chance(0.8);
  j.record('strategy.discussion_held', held, { section47ThresholdMet: s47 });
  j.record('strategy.minutes_distributed', j.doneBy(held, 1));
  j.record('strategy.actions_circulated', j.doneBy(held, 0.3));
  if (!s47) return { stage: j.chance(0.5) ? 'cin' : 'closure', at: held + j.days(1, 10) };
  j.record('strategy.cp_admin_advised', j.doneBy(held, 0.3));
  // The enquiry starts when the discussion finds the threshold met; its visit is made while it is open.
  const started = held + j.random.int(5, 60) * 60_000;
  j.record('s47.started', started);
  const completed = j.eventually(held, workingDays(5));
  j.record('s47.child_visited', j.within(j.doneBy(held, 1), started, completed));
  j.record('s47.safety_plan_agreed', j.doneBy(held, 1));
  j.record('s47.agency_checks_completed', j.doneBy(held, 1));
  j.record('oversight.recorded', j.doneBy(held, workingDays(5)));
  const r = j.random.next();
  const outcome = r < 0.5 ? 'initial_conference' : r < 0.8 ? 'child_in_need_plan' : 'no_further_action';
  j.record('s47.completed', completed, { outcome });
  if (outcome === 'initial_conference') return { stage: 'icpc', at: held, enquiryCompleted: completed };
  return { stage: outcome === 'child_in_need_plan' ? 'cin' : 'closure', at: completed + j.days(1, 10) };
}

/** Closing a case (practice-standards Section 2 closures), from the decision to the letters. */
export function closure(j: Journey, decided: number): Next {
  const at = j.workTime(decided);
  const stepDown = j.chance(0.25);
  const outcome = stepDown ? 'step_down' : 'close';
  j.record('closure.decided', at, { outcome });
  j.record('closure.casework_recorded', j.doneBy(at, workingDays(5)));
  const started = j.eventually(at, workingDays(2));
  j.record('closure.workflow_started', started, { outcome });
  j.record('closure.workflow_submitted', j.doneBy(started, workingDays(stepDown ? 2 : 5)));
  if (j.chance(0.3)) j.record('closure.copied_to_siblings', j.doneBy(started, 1));
  const completed = j.eventually(started, 7);
  j.record('closure.completed', completed, { stepDown, closureReason: stepDown ? 'after_assessment_early_help' : j.chance(0.3) ? 'after_assessment_nfa' : 'no_longer_in_need' });
  j.record('closure.end_dates_checked', j.doneBy(completed, 1));
  j.record('closure.letters_sent', j.doneBy(completed, 1));
  if (stepDown) j.record('step_down.followed_up', j.doneBy(completed, 90));
  return { stage: 'closed', at: completed };
}
