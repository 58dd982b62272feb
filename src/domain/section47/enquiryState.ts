import { chronological, type WorkflowEvent } from '../records/events';
/** An event as this needs it. (who recorded it, always). */
export type EnquiryEvent = WorkflowEvent & { recordedBy: string | null };

export const enquiryOutcomes = [
  { value: 'initial_conference', text: 'Initial child protection conference' },
  { value: 'child_in_need_plan', text: 'Child in need plan' },
  { value: 'no_further_action', text: 'No further action' },
] as const;
export type EnquiryOutcome = (typeof enquiryOutcomes)[number]['value'];

/**
 * A child's latest Section 47 enquiry (practice-standards.txt, Section 2: Section 47 Enquiries
 * 1-6): from the strategy meeting that found the threshold met, through the workflow triggered, the
 * child visited (seen alone, with the parents' consent, or why not), the safety plan, the agency
 * checks, to its completion with the recommended next step and the manager's oversight.
 */
export interface EnquiryState {
  /** The strategy meeting that found the threshold met: the 24-hour and 5-working-day clocks run from it. */
  thresholdMetAt: Date;
  startedAt: Date | null;
  visit: { at: Date; seenAlone: boolean; whyNot: string | null } | null;
  safetyPlan: { at: Date; plan: string } | null;
  agencyChecks: { at: Date; agencies: string } | null;
  completed: { at: Date; outcome: EnquiryOutcome; recommendation: string; by: string | null } | null;
  oversight: { at: Date; byName: string | null; summary: string } | null;
}

/** The latest enquiry from the child's events, oldest first; null when no strategy meeting found the threshold met. */
export function latestEnquiry(stream: readonly EnquiryEvent[]): EnquiryState | null {
  let state: EnquiryState | null = null;
  for (const e of chronological(stream)) {
    if (e.type === 'strategy.discussion_held' && e.data.section47ThresholdMet === true) {
      state = { thresholdMetAt: e.occurredAt, startedAt: null, visit: null, safetyPlan: null, agencyChecks: null, completed: null, oversight: null };
      continue;
    }
    if (!state) continue;
    switch (e.type) {
      case 's47.started':
        state.startedAt ??= e.occurredAt;
        break;
      case 's47.child_visited':
        state.visit ??= { at: e.occurredAt, seenAlone: e.data.seenAlone === true, whyNot: typeof e.data.whyNotSeenAlone === 'string' ? e.data.whyNotSeenAlone : null };
        break;
      case 's47.safety_plan_agreed':
        state.safetyPlan ??= { at: e.occurredAt, plan: String(e.data.summary ?? '') };
        break;
      case 's47.agency_checks_completed':
        state.agencyChecks ??= { at: e.occurredAt, agencies: String(e.data.summary ?? '') };
        break;
      case 's47.completed':
        state.completed ??= { at: e.occurredAt, outcome: (e.data.outcome as EnquiryOutcome) ?? 'no_further_action', recommendation: String(e.data.summary ?? ''), by: e.recordedBy };
        break;
      case 'oversight.recorded':
        if (e.occurredAt.getTime() >= state.thresholdMetAt.getTime()) state.oversight ??= { at: e.occurredAt, byName: e.recordedByName, summary: String(e.data.summary ?? '') };
        break;
    }
  }
  return state;
}

export type EnquiryStep = 'start' | 'visit' | 'safetyPlan' | 'agencyChecks' | 'complete' | 'oversight';

/** Why a step cannot be recorded now, saying what to record first; null if it can. */
export function enquiryStepRefusal(state: EnquiryState | null, step: EnquiryStep): string | null {
  if (!state) return 'No strategy meeting has found the threshold for a Section 47 enquiry met: record the strategy discussion first';
  if (step === 'start') return state.startedAt ? 'The Section 47 enquiry has already been started' : null;
  if (!state.startedAt) return 'Start the Section 47 enquiry first';
  switch (step) {
    case 'visit':
      return state.visit ? 'The visit has already been recorded' : null;
    case 'safetyPlan':
      return state.safetyPlan ? 'The safety plan has already been recorded' : null;
    case 'agencyChecks':
      return state.agencyChecks ? 'The agency checks have already been recorded' : null;
    case 'complete':
      return state.completed ? 'The Section 47 enquiry has already been completed' : !state.visit ? 'Record the visit to the child first: the enquiry cannot be completed without the child having been seen' : null;
    case 'oversight':
      return state.oversight ? 'Management oversight has already been recorded for this enquiry' : null;
  }
}
