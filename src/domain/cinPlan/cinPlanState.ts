import { chronological, type WorkflowEvent } from '../records/events';

/** An event as this needs it. */
export type CinPlanEvent = WorkflowEvent;

/** What started the plan: the outcome it follows (Section 47 Enquiries 5, Child and Family Assessment, a conference). */
export const cinPlanSources = [
  { value: 'assessment', text: 'A Child and Family Assessment recommended it' },
  { value: 'section_47', text: 'A Section 47 enquiry recommended it' },
  { value: 'conference', text: 'A child protection conference decided no plan was needed, with a child in need plan' },
  { value: 'cp_plan_ended', text: 'A child protection plan ended, stepping down to a child in need plan' },
  { value: 'other', text: 'Another decision (say which in the reason)' },
] as const;

/** Why the plan ends; only an escalation may end it without a last review chaired by a manager. */
export const cinPlanEndings = [
  { value: 'closed', text: 'Case closed', escalation: false },
  { value: 'step_down', text: 'Stepped down to Early Help', escalation: false },
  { value: 'child_protection_plan', text: 'A child protection plan was made', escalation: true },
  { value: 'in_care', text: 'The child came into care', escalation: true },
  { value: 'moved_away', text: 'The family moved to another authority', escalation: true },
] as const;

/** The Disabled Children's Team's schedules (practice-standards.txt, Section 1: Children with Disabilities 7-8). */
export const visitingArrangements = [
  { value: 'stable', text: 'Stable child in need: seen every 4 weeks, reviewed every 3 months' },
  { value: 'overnight_short_breaks', text: 'Overnight short breaks: seen every 4 weeks, reviewed every 3 months' },
  { value: 'family_based_overnight_short_breaks', text: 'Family based overnight short breaks: seen every 4 weeks, reviewed every 3 months' },
  { value: 'other', text: 'Another schedule (a life limiting disability, say): never beyond 6 weeks and 3 months' },
] as const;

export interface CinReview {
  eventId: string;
  reviewId: string;
  at: Date;
  chair: string;
  chairWasManager: boolean;
  last: boolean;
  signedOff: { at: Date; byName: string | null } | null;
}

export interface CinPlanState {
  onPlan: boolean;
  startedAt: Date | null;
  from: string | null;
  /** The agreed visiting schedule of a disabled child, from the Team Manager's agreement. */
  arrangement: { value: string; at: Date; byName: string | null } | null;
  reviews: CinReview[];
  visits: { at: Date; seenAlone: boolean | null }[];
  ended: { at: Date; reason: string } | null;
}

const empty = (): CinPlanState => ({ onPlan: false, startedAt: null, from: null, arrangement: null, reviews: [], visits: [], ended: null });

/**
 * The child's current child in need plan, or the last one if none is open (practice-standards.txt,
 * Section 2: Child in Need Plans and Reviews): its visits, its reviews with their chairs and the
 * manager's sign-off of each record (standards 11 and 15), the agreed visiting schedule of a
 * disabled child (Section 1: Children with Disabilities 7-8), and how it ended.
 */
export function cinPlanOf(stream: readonly CinPlanEvent[]): CinPlanState {
  let plan = empty();
  for (const e of chronological(stream)) {
    if (e.type === 'cin.plan_started') {
      plan = { ...empty(), onPlan: true, startedAt: e.occurredAt, from: typeof e.data.from === 'string' ? e.data.from : null };
    } else if (!plan.onPlan) {
      continue;
    } else if (e.type === 'cin.plan_ended') {
      plan.onPlan = false;
      plan.ended = { at: e.occurredAt, reason: String(e.data.reason ?? '') };
    } else if (e.type === 'cin.visit') {
      plan.visits.push({ at: e.occurredAt, seenAlone: typeof e.data.seenAlone === 'boolean' ? e.data.seenAlone : null });
    } else if (e.type === 'cin.review_held') {
      plan.reviews.push({
        eventId: e.id,
        reviewId: String(e.data.reviewId ?? e.id),
        at: e.occurredAt,
        chair: String(e.data.chair ?? e.recordedByName ?? ''),
        chairWasManager: e.data.chairWasManager === true,
        last: e.data.last === true,
        signedOff: null,
      });
    } else if (e.type === 'cin.review_record_signed_off') {
      // An imported sign-off may not say which review: the oldest unsigned before it. One naming another plan's review signs off nothing here.
      const review = e.data.reviewId !== undefined ? plan.reviews.find((r) => r.reviewId === e.data.reviewId) : plan.reviews.find((r) => !r.signedOff && r.at.getTime() <= e.occurredAt.getTime());
      if (review && !review.signedOff) review.signedOff = { at: e.occurredAt, byName: e.recordedByName };
    } else if (e.type === 'cwd.visiting_frequency_agreed' && !plan.arrangement) {
      // Children with Disabilities 7: "The first agreement in a plan sets its schedule" (the catalogue's reading).
      plan.arrangement = { value: String(e.data.arrangement ?? ''), at: e.occurredAt, byName: e.recordedByName };
    }
  }
  return plan;
}

/**
 * Child in Need Plans and Reviews 10: "a manager will need to be present and chair the first and
 * last Child in Need meeting". A plan that closes or steps down ends after a last review chaired by
 * a manager; one overtaken by a child protection plan, care or a move ends without. Why it may not
 * end now, or null.
 */
export function cinPlanEndRefusal(plan: CinPlanState, reason: string, at: Date): string | null {
  if (!plan.onPlan || !plan.startedAt) return 'The child is not on a child in need plan';
  if (at.getTime() < plan.startedAt.getTime()) return 'The plan cannot end before it started: check the date';
  const lastReview = plan.reviews.at(-1);
  if (lastReview && at.getTime() < lastReview.at.getTime()) return 'The plan cannot end before its last review: check the date';
  const ending = cinPlanEndings.find((e) => e.value === reason);
  if (!ending || ending.escalation) return null;
  const last = plan.reviews.at(-1);
  if (!last?.last || !last.chairWasManager) return 'Before a plan closes or steps down, record its last review, chaired by a manager (Child in Need Plans and Reviews 10)';
  return null;
}

/**
 * What a new plan would follow: the latest outcome on the record that leads to a child in need plan
 * (an assessment's, a Section 47 enquiry's, an initial conference making no plan, a plan ending), if
 * it came after the last plan. The start form offers it first.
 */
export function suggestedSource(stream: readonly CinPlanEvent[]): { from: string; at: Date } | null {
  let found: { from: string; at: Date } | null = null;
  for (const e of chronological(stream)) {
    if (e.type === 'cin.plan_started' || e.type === 'cin.plan_ended') found = null;
    // A later outcome that leads elsewhere (a plan made, no further action) replaces an earlier one.
    else if (e.type === 'assessment.completed') found = e.data.outcome === 'child_in_need' ? { from: 'assessment', at: e.occurredAt } : null;
    else if (e.type === 's47.completed') found = e.data.outcome === 'child_in_need_plan' ? { from: 'section_47', at: e.occurredAt } : null;
    else if (e.type === 'cp.conference_held') found = e.data.kind === 'initial' && e.data.planMade === false ? { from: 'conference', at: e.occurredAt } : e.data.planContinues === false ? found : null;
    else if (e.type === 'cp.plan_ended') found = { from: 'cp_plan_ended', at: e.occurredAt };
  }
  return found;
}
