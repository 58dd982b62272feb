import { chronological, type WorkflowEvent } from '../records/events';

/** An event as this needs it. */
export type ReviewEvent = WorkflowEvent;

/**
 * What is done before a child in care review, each once since the last review (or since coming into
 * care), by whom (practice-standards.txt, Section 4: Reviews for Children in Care 44-49, 54-55, 59;
 * Section 3: Children in Care 26-27).
 */
export const reviewPreparations = {
  setup: { type: 'cic.review_setup_form_sent', title: 'Set-up and invite form sent to the CIC admin team', by: 'worker' },
  invitations: { type: 'cic.review_invitations_sent', title: 'Invitations and consultation papers sent', by: 'worker' },
  report: { type: 'cic.review_report_sent_to_iro', title: "Social worker's report sent to the IRO", by: 'worker' },
  plans: { type: 'cic.review_plans_sent_to_iro', title: 'Health care plan and Personal Education Plan made available to the IRO', by: 'worker' },
  signedOff: { type: 'cic.review_report_signed_off', title: "Report signed off by the social worker's manager", by: 'manager' },
  shared: { type: 'cic.review_report_shared_with_child', title: 'Report shared with the child', by: 'worker' },
  permanency: { type: 'cic.permanency_plan_outlined', title: 'Outline permanency plan provided (for the second review)', by: 'worker' },
  metSocialWorker: { type: 'cic.iro_met_social_worker', title: 'IRO met the social worker about the review', by: 'iro' },
  sawChild: { type: 'cic.iro_saw_child', title: 'IRO spoke to the child in private', by: 'iro' },
} as const;
export type ReviewPreparation = keyof typeof reviewPreparations;

/** What follows a review, each once (Reviews for Children in Care 50, 52-53, 67). */
export const reviewFollowUps = {
  decisions: { type: 'cic.review_decisions_sent', title: 'Record of decisions sent to the social worker and team manager' },
  record: { type: 'cic.review_record_distributed', title: 'Full written record of the review distributed' },
  midterm: { type: 'cic.midterm_review_held', title: 'Mid-term review held' },
  audit: { type: 'cic.iro_audit_completed', title: "IRO's audit form completed" },
} as const;
export type ReviewFollowUp = keyof typeof reviewFollowUps;

/** The significant changes the social worker tells the IRO about (Reviews for Children in Care 64-65). */
export const significantChanges = [
  { value: 'care_plan', text: 'A proposed change of care plan (an early review is needed)' },
  { value: 'placement', text: 'A change of placement, or something that affects its stability or safeguarding' },
  { value: 'school', text: 'A change of school' },
  { value: 'exclusion', text: 'Exclusion from school (fixed term or permanent)' },
  { value: 'pregnancy', text: 'Pregnancy' },
  { value: 'paternity', text: 'Acceptance of paternity' },
] as const;

/** The IRO's dispute resolution, in order (Reviews for Children in Care 66). */
export const disputeStages = [
  { value: 'informal', text: 'Informal discussion with the professionals' },
  { value: 'formal', text: 'Formal challenge on the Dispute Resolution Process form, to the team manager' },
  { value: 'escalated', text: "Escalated through the council's formal dispute resolution process" },
  { value: 'cafcass', text: 'Referred to Cafcass' },
] as const;

export interface ReviewRecord {
  eventId: string;
  at: Date;
  number: number;
  chair: string | null;
  chairId: string | null;
  decisions: string;
}

export interface ReviewState {
  inCare: boolean;
  startedAt: Date | null;
  reviews: ReviewRecord[];
  /** Since the last review (or coming into care): what has been done for the next. */
  preparation: Map<string, Date>;
  /** After the last review. */
  followUp: Map<string, Date>;
  /** An adjournment not yet followed by the review it postponed. */
  adjourned: { at: Date; reason: string } | null;
  /** Changes the IRO was told of since the last review. */
  notified: { at: Date; change: string; detail: string }[];
  /** The IRO's challenges: each with its stage now, and whether resolved. */
  disputes: { id: string; raisedAt: Date; stage: string; concern: string; resolved: { at: Date; outcome: string } | null }[];
  disputedDecisions: Date | null;
  /** Short breaks (Reviews for Children in Short Breaks 61-63): since when, and the reviews of them. */
  shortBreaks: { since: Date; reviews: Date[] } | null;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const preparationTypes = new Set<string>(Object.values(reviewPreparations).map((p) => p.type));
const followUpTypes = new Set<string>(Object.values(reviewFollowUps).map((p) => p.type));

/**
 * The current period of care's reviews, from the events oldest first (practice-standards.txt,
 * Section 4: Reviews for Children in Care 35-67): each review with its chair and decisions, what
 * has been prepared for the next and has followed the last, an adjournment waiting, changes the IRO
 * was told of, and the IRO's disputes.
 */
export function reviewStateOf(stream: readonly ReviewEvent[]): ReviewState {
  let state: ReviewState = blank();
  let shortBreaks: ReviewState['shortBreaks'] = null;
  for (const e of chronological(stream)) {
    // Short breaks run apart from a period of care.
    if (e.type === 'short_breaks.started') shortBreaks = { since: e.occurredAt, reviews: [] };
    else if (e.type === 'short_breaks.ended') shortBreaks = null;
    else if (e.type === 'short_breaks.review_held' && shortBreaks) shortBreaks.reviews.push(e.occurredAt);
    if (e.type === 'cic.started') {
      state = { ...blank(), inCare: true, startedAt: e.occurredAt };
    } else if (!state.inCare) {
      continue;
    } else if (e.type === 'cic.ended') {
      state.inCare = false;
    } else if (e.type === 'cic.review_held') {
      state.reviews.push({ eventId: e.id, at: e.occurredAt, number: state.reviews.length + 1, chair: e.recordedByName, chairId: text(e.data.chairId) || null, decisions: text(e.data.decisions) || text(e.data.summary) });
      state.preparation = new Map();
      state.followUp = new Map();
      state.adjourned = null;
      state.notified = [];
      state.disputedDecisions = null;
    } else if (preparationTypes.has(e.type)) {
      if (!state.preparation.has(e.type)) state.preparation.set(e.type, e.occurredAt);
    } else if (followUpTypes.has(e.type) && state.reviews.length > 0) {
      if (!state.followUp.has(e.type)) state.followUp.set(e.type, e.occurredAt);
    } else if (e.type === 'cic.review_adjourned') {
      state.adjourned = { at: e.occurredAt, reason: text(e.data.reason) };
    } else if (e.type === 'cic.iro_notified') {
      state.notified.push({ at: e.occurredAt, change: text(e.data.change), detail: text(e.data.detail) });
    } else if (e.type === 'cic.review_decisions_disputed') {
      state.disputedDecisions = e.occurredAt;
    } else if (e.type === 'cic.dispute_raised') {
      const existing = state.disputes.find((d) => d.id === e.data.disputeId && !d.resolved);
      if (existing) existing.stage = text(e.data.stage);
      else state.disputes.push({ id: text(e.data.disputeId) || e.id, raisedAt: e.occurredAt, stage: text(e.data.stage), concern: text(e.data.concern), resolved: null });
    } else if (e.type === 'cic.dispute_resolved') {
      const dispute = state.disputes.find((d) => d.id === e.data.disputeId);
      if (dispute && !dispute.resolved) dispute.resolved = { at: e.occurredAt, outcome: text(e.data.outcome) };
    }
  }
  return { ...state, shortBreaks };
}

function blank(): ReviewState {
  return { inCare: false, startedAt: null, reviews: [], preparation: new Map(), followUp: new Map(), adjourned: null, notified: [], disputes: [], disputedDecisions: null, shortBreaks: null };
}

/** Reviews for Children in Care 64: a proposed change of care plan since the last review brings the review forward. */
export function earlyReviewNeeded(state: ReviewState): boolean {
  return state.notified.some((n) => n.change === 'care_plan');
}

/** A dispute moves on only to a later stage (Reviews for Children in Care 66): why this step may not be taken, or null. */
export function disputeStepRefusal(current: string | null, next: string): string | null {
  const order = disputeStages.map((s) => s.value as string);
  if (!order.includes(next)) return 'Select the stage from the list';
  if (current === null) return next === 'informal' || next === 'formal' ? null : 'A dispute starts with an informal discussion or a formal challenge';
  return order.indexOf(next) > order.indexOf(current) ? null : `The dispute is already at the "${disputeStages.find((s) => s.value === current)?.text}" stage: it can only move on`;
}
