import { addMonths, ageOn, londonDate } from '../calendar/localDate';
import type { WorkflowEvent } from '../records/events';

/**
 * A disabled child's transition to adult services (practice-standards.txt, Section 1: Children
 * with Disabilities 20-26) and the 75-nights-away cohort (16 and note 2), read from the child's
 * own events. Pure: no clock, no I/O; "today" is passed in.
 */
export const transitionsEvent = {
  needIdentified: 'transitions.need_identified',
  needRuledOut: 'transitions.need_ruled_out',
  teamNotified: 'transitions.team_notified',
  ehcpReviewAttended: 'transitions.ehcp_review_attended',
  assessmentTriggered: 'transitions.assessment_triggered',
  referralMade: 'transitions.referral_made',
  sdaCompleted: 'transitions.sda_completed',
  forumDecided: 'transitions.forum_decided',
  trackingDiscussed: 'transitions.tracking_meeting_discussed',
  nightsAwayJoined: 'cwd.nights_away_cohort_joined',
  nightsAwayLeft: 'cwd.nights_away_cohort_left',
} as const;

/** What else on the record says which route the assessment at 17 (16 in care) takes (22-24). */
const contextEvent = {
  cicStarted: 'cic.started',
  cicEnded: 'cic.ended',
  earlyHelpReceived: 'early_help.received',
  earlyHelpClosed: 'early_help.closed',
  shortBreaksStarted: 'short_breaks.started',
  shortBreaksEnded: 'short_breaks.ended',
  caseClosed: 'closure.completed',
} as const;
/** A case open to social care begins with any of these (practice-standards Section 5's social care case). */
const socialCareStarts = ['assessment.allocated', 's47.started', 'cin.plan_started', 'cic.started'] as const;
const opensSocialCare = (e: WorkflowEvent) => (socialCareStarts as readonly string[]).includes(e.type) || (e.type === 'cp.conference_held' && e.data.planMade === true);

/** Every event type this reads, for a list that fetches only these across many records. */
export const transitionsReadTypes: readonly string[] = [...Object.values(transitionsEvent), ...Object.values(contextEvent), ...socialCareStarts, 'cp.conference_held'];

/** The assessments triggered at 17 (16 for a child in care), by who holds the child (22-24). */
export const assessmentRoutes = [
  { value: 'child_and_family', text: 'Child and Family Assessment (open to social work, 22)' },
  { value: 'early_help', text: 'Early Help Assessment (open to CWD Early Help, 23)' },
  { value: 'short_breaks', text: 'Short Breaks Assessment (open to Short Breaks, 24)' },
] as const;
export type AssessmentRoute = (typeof assessmentRoutes)[number]['value'];
export const assessmentRouteValues = assessmentRoutes.map((r) => r.value) as unknown as readonly [AssessmentRoute, ...AssessmentRoute[]];

/** Who the Forum agreed is responsible for the young person's finances and services after 18 (26). */
export const forumResponsibilities = [
  { value: 'adult_social_care', text: 'Adult social care' },
  { value: 'health', text: 'Health (continuing health care)' },
  { value: 'joint', text: 'Jointly: adult social care and health' },
  { value: 'childrens_services', text: "Children's services until a later review" },
  { value: 'none', text: 'No ongoing services needed' },
] as const;
export const forumResponsibilityValues = forumResponsibilities.map((r) => r.value) as unknown as readonly [string, ...string[]];

/** Why a child of the team spends 75 or more nights a year away from home (note 2 to standard 16). */
export const nightsAwayBases = [
  { value: 'respite', text: 'Respite services' },
  { value: 'overnight_short_breaks', text: 'Overnight short breaks' },
  { value: 'residential_school', text: 'A jointly funded residential school' },
] as const;
export const nightsAwayBasisValues = nightsAwayBases.map((r) => r.value) as unknown as readonly [string, ...string[]];
/** The cohort of note 2: "75 plus nights away from home each year". */
export const nightsAwayThreshold = 75;

/** Children are tracked from 13 and a half: six months before the notification at 14 (20). */
export const trackingFromMonths = 13 * 12 + 6;

export interface Dated {
  at: Date;
  by: string | null;
  note: string | null;
}

export interface Transition {
  /** The latest decision on whether the child is likely to need adult services; none: not yet decided. */
  decision: (Dated & { likely: boolean }) | null;
  notified: Dated | null;
  ehcpReviews: Dated[];
  assessment: (Dated & { route: string }) | null;
  referral: Dated | null;
  sda: Dated | null;
  forum: (Dated & { responsibility: string }) | null;
  meetings: (Dated & { meetingId: string })[];
  /** In the 75-nights-away cohort now, and since when; `history` has every period, the current one last. */
  nightsAway: (Dated & { basis: string; nights: number | null }) | null;
  nightsAwayHistory: (Dated & { basis: string; nights: number | null; left: Dated | null })[];
  inCare: boolean;
  socialCareOpen: boolean;
  earlyHelpOpen: boolean;
  shortBreaksOpen: boolean;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const dated = (e: WorkflowEvent, field = 'note'): Dated => ({ at: e.occurredAt, by: e.recordedByName, note: text(e.data[field]) ?? text(e.data.summary) });

/** The child's transition, from their events (in any order). */
export function transitionOf(stream: readonly WorkflowEvent[]): Transition {
  const events = [...stream].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const t: Transition = {
    decision: null, notified: null, ehcpReviews: [], assessment: null, referral: null, sda: null, forum: null, meetings: [],
    nightsAway: null, nightsAwayHistory: [], inCare: false, socialCareOpen: false, earlyHelpOpen: false, shortBreaksOpen: false,
  };
  for (const e of events) {
    if (opensSocialCare(e)) t.socialCareOpen = true;
    switch (e.type) {
      case transitionsEvent.needIdentified:
        t.decision = { ...dated(e, 'reason'), likely: true };
        break;
      case transitionsEvent.needRuledOut:
        t.decision = { ...dated(e, 'reason'), likely: false };
        break;
      case transitionsEvent.teamNotified:
        t.notified ??= dated(e);
        break;
      case transitionsEvent.ehcpReviewAttended:
        t.ehcpReviews.push(dated(e));
        break;
      case transitionsEvent.assessmentTriggered:
        t.assessment ??= { ...dated(e), route: text(e.data.assessment) ?? 'child_and_family' };
        break;
      case transitionsEvent.referralMade:
        t.referral ??= dated(e);
        break;
      case transitionsEvent.sdaCompleted:
        t.sda ??= dated(e);
        break;
      case transitionsEvent.forumDecided:
        t.forum ??= { ...dated(e, 'summary'), responsibility: text(e.data.responsibility) ?? 'none' };
        break;
      case transitionsEvent.trackingDiscussed:
        t.meetings.push({ ...dated(e), meetingId: text(e.data.meetingId) ?? e.id });
        break;
      case transitionsEvent.nightsAwayJoined: {
        const period = { ...dated(e), basis: text(e.data.basis) ?? 'respite', nights: typeof e.data.nights === 'number' ? e.data.nights : null, left: null };
        t.nightsAwayHistory.push(period);
        t.nightsAway = period;
        break;
      }
      case transitionsEvent.nightsAwayLeft: {
        const current = t.nightsAwayHistory.at(-1);
        if (current && !current.left) current.left = dated(e, 'reason');
        t.nightsAway = null;
        break;
      }
      case contextEvent.cicStarted:
        t.inCare = true;
        break;
      case contextEvent.cicEnded:
        t.inCare = false;
        break;
      case contextEvent.earlyHelpReceived:
        t.earlyHelpOpen = true;
        break;
      case contextEvent.earlyHelpClosed:
        t.earlyHelpOpen = false;
        break;
      case contextEvent.shortBreaksStarted:
        t.shortBreaksOpen = true;
        break;
      case contextEvent.shortBreaksEnded:
        t.shortBreaksOpen = false;
        break;
      case contextEvent.caseClosed:
        t.socialCareOpen = false;
        break;
    }
  }
  return t;
}

/** The assessment route the child's involvement points to now: social work first (22), then early help (23), then short breaks (24). */
export function suggestedRoute(t: Transition): AssessmentRoute | null {
  if (t.inCare || t.socialCareOpen) return 'child_and_family';
  if (t.earlyHelpOpen) return 'early_help';
  if (t.shortBreaksOpen) return 'short_breaks';
  return null;
}

export type Stage = 'not_decided' | 'ruled_out' | 'likely' | 'notified' | 'assessment' | 'referred' | 'sda_completed' | 'forum_decided';
export const stageLabels: Record<Stage, string> = {
  not_decided: 'Not yet decided',
  ruled_out: 'Not likely to need adult services',
  likely: 'Likely to need adult services',
  notified: 'Transitions Team notified',
  assessment: 'Assessment triggered',
  referred: 'Referred for the Self-Directed Assessment',
  sda_completed: 'Self-Directed Assessment completed',
  forum_decided: 'Forum decided',
};

/** How far the child's transition has gone: the furthest step recorded. */
export function stageOf(t: Transition): Stage {
  if (t.decision && !t.decision.likely) return 'ruled_out';
  if (t.forum) return 'forum_decided';
  if (t.sda) return 'sda_completed';
  if (t.referral) return 'referred';
  if (t.assessment) return 'assessment';
  if (t.notified) return 'notified';
  if (t.decision?.likely) return 'likely';
  return 'not_decided';
}

/** Age in years and months, as the list shows it ("15 years 7 months"). */
export function ageText(dateOfBirth: string, today: string): string {
  const years = ageOn(dateOfBirth, today);
  let months = 0;
  while (months < 11 && addMonths(dateOfBirth, years * 12 + months + 1) <= today) months++;
  return `${years} ${years === 1 ? 'year' : 'years'}${months ? ` ${months} ${months === 1 ? 'month' : 'months'}` : ''}`;
}

/** On the tracking list: 13 and a half or older (six months before the notification at 14). */
export function onTrackingList(dateOfBirth: string | null, today: string): boolean {
  return dateOfBirth !== null && addMonths(dateOfBirth, trackingFromMonths) <= today;
}

/** The birthday of the assessment and the referral for the Self-Directed Assessment: 16 for a child in care, else 17 (22, 25). */
export function transitionAge(t: Pick<Transition, 'inCare'>): 16 | 17 {
  return t.inCare ? 16 : 17;
}

/**
 * Notification "as soon as they present to the service thereafter" (20): a child first known to
 * the team after their 14th birthday has no date to count to, only "now". True when that is owed.
 */
export function notifyNow(t: Transition, dateOfBirth: string | null, today: string): boolean {
  if (!dateOfBirth || t.notified || (t.decision && !t.decision.likely)) return false;
  return addMonths(dateOfBirth, 14 * 12) <= today;
}

/** The monthly tracking meeting (20): when the last was held, and whether one has been this London month. */
export function trackingMeetingStatus(meetingDates: readonly Date[], today: string): { last: Date | null; heldThisMonth: boolean; month: string } {
  const last = meetingDates.reduce<Date | null>((latest, d) => (!latest || d.getTime() > latest.getTime() ? d : latest), null);
  const month = today.slice(0, 7);
  return { last, heldThisMonth: last !== null && londonDate(last).slice(0, 7) === month, month };
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A London date in words ("7 April 2026"), for messages. */
export const longDate = (iso: string) => `${Number(iso.slice(8, 10))} ${monthNames[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const on = (d: Date) => longDate(londonDate(d));

/**
 * A ruling out is final in Hearth: the catalogue cancels the notification (20), tracking (20) and
 * referral (25) obligations for good at `transitions.need_ruled_out`, and those rules start once
 * (occurrence 1, from the case opening), so a later "likely" could not open new clocks. Recording
 * it would show the child as on the way to adult services with no clock counting: it is refused.
 */
const ruledOutFor = (t: Transition) =>
  t.decision && !t.decision.likely ? `Recorded as not likely to need adult services on ${on(t.decision.at)}, which ended the Transitions Team's notification and referral clocks (20, 25)` : null;

/** Why a step cannot be recorded now, in words a worker can act on; null when it can. Each is checked under the record's lock. */
export const refusals = {
  likely(t: Transition): string | null {
    if (t.decision?.likely) return `Already recorded as likely to need adult services on ${on(t.decision.at)}`;
    const ruledOut = ruledOutFor(t);
    return ruledOut ? `${ruledOut}: it cannot be changed to likely here. If the child's needs have changed, record that in a case note and agree the referral to the Transitions Team with your team manager` : null;
  },
  ruledOut(t: Transition): string | null {
    if (t.decision && !t.decision.likely) return `Already recorded as not likely to need adult services on ${on(t.decision.at)}`;
    if (t.forum) return 'The Forum has already decided who is responsible after 18: record a change of plan as a case note';
    return null;
  },
  notified(t: Transition): string | null {
    const ruledOut = ruledOutFor(t);
    if (ruledOut) return ruledOut;
    return t.notified ? `The Transitions Team was notified on ${on(t.notified.at)}` : null;
  },
  ehcpReview(t: Transition): string | null {
    return t.notified ? null : 'The Transitions Team attends the annual EHCP reviews from the point of notification (21): record the notification first';
  },
  assessment(t: Transition): string | null {
    const ruledOut = ruledOutFor(t);
    if (ruledOut) return ruledOut;
    return t.assessment ? `The assessment was triggered on ${on(t.assessment.at)}` : null;
  },
  referral(t: Transition): string | null {
    const ruledOut = ruledOutFor(t);
    if (ruledOut) return ruledOut;
    return t.referral ? `The referral to the Transitions Team was made on ${on(t.referral.at)}` : null;
  },
  sda(t: Transition): string | null {
    if (!t.referral) return 'The Self-Directed Assessment follows the referral to the Transitions Team (25): record the referral first';
    return t.sda ? `The Self-Directed Assessment was completed on ${on(t.sda.at)}` : null;
  },
  forum(t: Transition): string | null {
    if (!t.sda) return 'The Forum discusses the child after the Self-Directed Assessment (26): record its completion first';
    return t.forum ? `The Forum decided on ${on(t.forum.at)}` : null;
  },
  nightsAwayJoined(t: Transition): string | null {
    if (t.inCare) return 'The child is in care: children in care of the team are already seen every 4 weeks (16)';
    return t.nightsAway ? `Already in the 75-nights-away cohort since ${on(t.nightsAway.at)}` : null;
  },
  nightsAwayLeft(t: Transition): string | null {
    return t.nightsAway ? null : 'The child is not in the 75-nights-away cohort';
  },
};

/** What each step must not be dated before: the step it follows (so that its clock can count it). */
export function earliestFor(t: Transition, step: keyof typeof refusals): { at: Date; what: string } | null {
  // A ruling out dated before the decision that the child is likely would cancel clocks the later decision keeps open.
  if (step === 'ruledOut' && t.decision?.likely) return { at: t.decision.at, what: 'the decision that the child is likely to need adult services, recorded ' };
  if (step === 'ehcpReview' && t.notified) return { at: t.notified.at, what: 'the Transitions Team was notified, ' };
  if (step === 'sda' && t.referral) return { at: t.referral.at, what: 'the referral to the Transitions Team, made ' };
  if (step === 'forum' && t.sda) return { at: t.sda.at, what: 'the Self-Directed Assessment was completed, ' };
  if (step === 'nightsAwayLeft' && t.nightsAway) return { at: t.nightsAway.at, what: 'the child joined the cohort, ' };
  return null;
}
