import { chronological, type WorkflowEvent } from '../records/events';
import type { WorkingCalendar } from '../calendar/workingDays';
import { londonDate } from '../calendar/localDate';

/** An event as this needs it. */
export type StrategyEvent = WorkflowEvent;

/** The partner agencies a strategy meeting invites (practice-standards.txt, Section 2: Strategy Discussions 3-4). */
export const strategyAgencies = [
  { value: 'police', text: 'Police' },
  { value: 'health', text: 'Health' },
  { value: 'education', text: 'Education' },
  { value: 'social_care', text: "Children's social care" },
  { value: 'other', text: 'Another agency' },
] as const;
export type StrategyAgency = (typeof strategyAgencies)[number]['value'];

export interface Attendee {
  agency: StrategyAgency;
  name: string;
  attended: boolean;
}

/**
 * A child's latest strategy discussion (practice-standards.txt, Section 2: Strategy Discussions
 * 1-8): from the decision to hold one (at the front door, after an assessment, or on new
 * information on an open case) to the meeting, its actions, minutes, amendments and outcome.
 */
export interface StrategyState {
  decidedAt: Date;
  /** The new information it counts from, when recorded on an open case. */
  information: { at: Date; summary: string } | null;
  triggeredAt: Date | null;
  policeReferralAt: Date | null;
  meeting: { eventId: string; at: Date; chair: string | null; attendees: Attendee[]; thresholdMet: boolean | null; reviewMeetingOn: string | null; delayReason: string | null; summary: string | null } | null;
  actionsCirculatedAt: Date | null;
  minutesDistributedAt: Date | null;
  amendments: { at: Date; agency: string; summary: string; inTime: boolean }[];
  cpAdminAdvisedAt: Date | null;
}

const starts = (e: StrategyEvent) => e.type === 'strategy.discussion_decided' || (e.type === 'threshold.decided' && e.data.outcome === 'strategy_discussion');

/** The latest strategy discussion from the child's events, oldest first; null when none was decided. */
export function latestStrategy(stream: readonly StrategyEvent[], calendar: WorkingCalendar): StrategyState | null {
  let state: StrategyState | null = null;
  let information: StrategyState['information'] = null;
  for (const e of chronological(stream)) {
    if (e.type === 'strategy.new_information_received') information = { at: e.occurredAt, summary: String(e.data.summary ?? '') };
    if (starts(e)) {
      // The information belongs to this discussion only: a later one starts from its own.
      state = { decidedAt: e.occurredAt, information, triggeredAt: null, policeReferralAt: null, meeting: null, actionsCirculatedAt: null, minutesDistributedAt: null, amendments: [], cpAdminAdvisedAt: null };
      information = null;
      continue;
    }
    if (!state) continue;
    switch (e.type) {
      case 'strategy.workflow_triggered':
        state.triggeredAt ??= e.occurredAt;
        break;
      case 'strategy.police_referral_made':
        state.policeReferralAt ??= e.occurredAt;
        break;
      case 'strategy.discussion_held':
        state.meeting = {
          eventId: e.id,
          at: e.occurredAt,
          chair: typeof e.data.chair === 'string' ? e.data.chair : e.recordedByName,
          attendees: Array.isArray(e.data.attendees) ? (e.data.attendees as Attendee[]) : [],
          thresholdMet: typeof e.data.section47ThresholdMet === 'boolean' ? e.data.section47ThresholdMet : null,
          reviewMeetingOn: typeof e.data.reviewMeetingOn === 'string' ? e.data.reviewMeetingOn : null,
          delayReason: typeof e.data.delayReason === 'string' ? e.data.delayReason : null,
          summary: typeof e.data.summary === 'string' ? e.data.summary : null,
        };
        break;
      case 'strategy.actions_circulated':
        state.actionsCirculatedAt ??= e.occurredAt;
        break;
      case 'strategy.minutes_distributed':
        state.minutesDistributedAt ??= e.occurredAt;
        break;
      case 'strategy.amendment_received': {
        const closes = state.minutesDistributedAt ? amendmentsClose(state.minutesDistributedAt, calendar) : null;
        state.amendments.push({ at: e.occurredAt, agency: String(e.data.agency ?? ''), summary: String(e.data.summary ?? ''), inTime: closes !== null && londonDate(e.occurredAt) <= closes });
        break;
      }
      case 'strategy.cp_admin_advised':
        state.cpAdminAdvisedAt ??= e.occurredAt;
        break;
    }
  }
  return state;
}

/**
 * The last day agencies may send amendments: "Once the minutes are received by the attending
 * agencies, they will be provided with 5 working days to submit any amendments" (Strategy
 * Discussions 7), counted from the London day the minutes were distributed.
 */
export function amendmentsClose(distributedAt: Date, calendar: WorkingCalendar): string {
  return calendar.addWorkingDays(londonDate(distributedAt), 5);
}

/** What may be recorded next, in the order of the policy; a refusal says what to record first. */
export function strategyStepRefusal(state: StrategyState | null, step: 'trigger' | 'police' | 'hold' | 'actions' | 'minutes' | 'amendment' | 'cpAdmin'): string | null {
  if (!state) return 'No strategy discussion has been decided: record the decision to hold one first';
  const held = state.meeting;
  switch (step) {
    case 'trigger':
      return state.triggeredAt ? 'The strategy discussion workflow has already been triggered' : null;
    case 'police':
      return state.policeReferralAt ? 'The referral to the Police Enquiry Centre has already been recorded' : held ? 'The strategy meeting has already been recorded' : null;
    case 'hold':
      // "Once the PEC referral has been made" police attendance is organised (Strategy Discussions 3).
      return held ? 'The strategy meeting has already been recorded' : !state.policeReferralAt ? 'Record the referral to the Police Enquiry Centre first: police attendance is organised once it is made' : null;
    case 'actions':
      return !held ? 'Record the strategy meeting first' : state.actionsCirculatedAt ? 'The actions have already been circulated' : null;
    case 'minutes':
      return !held ? 'Record the strategy meeting first' : state.minutesDistributedAt ? 'The minutes have already been distributed: send changes as amendments' : null;
    case 'amendment':
      return !state.minutesDistributedAt ? 'Amendments are to the minutes: record that they were distributed first' : null;
    case 'cpAdmin':
      return !held ? 'Record the strategy meeting first' : held.thresholdMet !== true ? 'The Child Protection Admin Team is advised only when the Section 47 threshold is met' : state.cpAdminAdvisedAt ? 'The Child Protection Admin Team has already been advised' : null;
  }
}
