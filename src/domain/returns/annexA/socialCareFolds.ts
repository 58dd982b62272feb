import { closureReasons, dfeCodeOf, primaryNeeds } from '../cinCensus/cinWords';
import { once, type ChildView } from './childView';
import { referralsOf } from './frontDoorFolds';

/**
 * Assessments, section 47 enquiries, child protection and child in need plans, and the child in
 * need episode around them, as the lists read them from the events their pages record
 * (src/modules/assessment, section47, conference, cinPlan; src/standards/coreEventTypes.ts).
 */

export interface Assessment {
  id: string;
  start: string;
  childSeen: boolean;
  completed: string | null;
  outcome: string | null;
  /** The CIN census primary need code chosen at sign-off (assessment.completed data.primaryNeed). */
  primaryNeed: string | null;
}

/** Child and Family Assessments, from allocation to the manager's sign-off (Child and Family Assessment 1-8). */
export const assessmentsOf = (view: ChildView) => once(view, assessmentsOfFold);

function assessmentsOfFold(view: ChildView): Assessment[] {
  const assessments: Assessment[] = [];
  const of = (assessmentId: unknown) =>
    (typeof assessmentId === 'string' ? assessments.find((a) => a.id === assessmentId) : undefined) ?? assessments.findLast((a) => a.completed === null);
  for (const e of view.events) {
    if (e.type === 'assessment.allocated') {
      assessments.push({ id: e.id, start: e.on, childSeen: false, completed: null, outcome: null, primaryNeed: null });
    } else if (e.type === 'assessment.child_seen') {
      const a = of(e.data.assessmentId);
      if (a && a.completed === null) a.childSeen = true;
    } else if (e.type === 'assessment.completed') {
      // One imported without its allocation began, as far as the record knows, when it was signed off.
      let a = of(e.data.assessmentId);
      if (!a || a.completed !== null) {
        a = { id: e.id, start: e.on, childSeen: false, completed: null, outcome: null, primaryNeed: null };
        assessments.push(a);
      }
      a.completed = e.on;
      a.outcome = typeof e.data.outcome === 'string' ? e.data.outcome : null;
      a.primaryNeed = dfeCodeOf(primaryNeeds, e.data.primaryNeed);
    }
  }
  return assessments;
}

/** The latest primary need chosen at an assessment's sign-off, up to a day (CIN census PrimaryNeedCode; SSDA903 CIN). */
export function latestPrimaryNeed(view: ChildView, from: string | null = null, upTo: string = view.asAt): string | null {
  const withNeed = assessmentsOf(view).filter((a) => a.completed !== null && a.primaryNeed !== null && a.completed <= upTo && (from === null || a.completed >= from));
  return withNeed.at(-1)?.primaryNeed ?? null;
}

export interface Section47Enquiry {
  /** The strategy discussion that initiated it, or the enquiry's own start if none is recorded. */
  start: string;
  completed: string | null;
  outcome: string | null;
  /** The initial child protection conference that followed it. */
  icpc: { on: string; planMade: boolean | null } | null;
}

/** Section 47 enquiries (Strategy Discussions; Section 47 Enquiries) and the initial conference each led to. */
export const section47sOf = (view: ChildView) => once(view, section47sOfFold);

function section47sOfFold(view: ChildView): Section47Enquiry[] {
  const enquiries: Section47Enquiry[] = [];
  let strategy: string | null = null;
  for (const e of view.events) {
    if (e.type === 'strategy.discussion_held') {
      strategy = e.on;
    } else if (e.type === 's47.started') {
      enquiries.push({ start: strategy ?? e.on, completed: null, outcome: null, icpc: null });
      strategy = null;
    } else if (e.type === 's47.completed') {
      const open = enquiries.findLast((q) => q.completed === null);
      if (open) {
        open.completed = e.on;
        open.outcome = typeof e.data.outcome === 'string' ? e.data.outcome : null;
      }
    } else if (e.type === 'cp.conference_held' && e.data.kind === 'initial') {
      // The conference the last enquiry recommended; one after an enquiry that ended otherwise is not its.
      const enquiry = enquiries.at(-1);
      if (enquiry && !enquiry.icpc && (enquiry.outcome === null || enquiry.outcome === 'initial_conference')) enquiry.icpc = { on: e.on, planMade: typeof e.data.planMade === 'boolean' ? e.data.planMade : null };
    }
  }
  return enquiries;
}

export const initialConferencesOf = (view: ChildView): string[] => view.events.filter((e) => e.type === 'cp.conference_held' && e.data.kind === 'initial').map((e) => e.on);

export interface ChildProtectionPlan {
  start: string;
  initialCategory: string | null;
  latestCategory: string | null;
  latestReview: string | null;
  lastVisit: { on: string; seenAlone: boolean | null } | null;
  end: string | null;
}

/** Child protection plans, from the initial conference that made one to the review that ended it (Child Protection Plans and Reviews). */
export const childProtectionPlansOf = (view: ChildView) => once(view, childProtectionPlansOfFold);

function childProtectionPlansOfFold(view: ChildView): ChildProtectionPlan[] {
  const plans: ChildProtectionPlan[] = [];
  let open: ChildProtectionPlan | null = null;
  for (const e of view.events) {
    const category = typeof e.data.category === 'string' ? e.data.category : null;
    if (e.type === 'cp.conference_held' && e.data.kind === 'initial' && e.data.planMade === true && !open) {
      open = { start: e.on, initialCategory: category, latestCategory: category, latestReview: null, lastVisit: null, end: null };
      plans.push(open);
    } else if (e.type === 'cp.conference_held' && e.data.kind === 'review' && open) {
      open.latestReview = e.on;
      if (category) open.latestCategory = category;
      if (e.data.planContinues === false) {
        open.end = e.on;
        open = null;
      }
    } else if (e.type === 'cp.visit' && open) {
      open.lastVisit = { on: e.on, seenAlone: typeof e.data.seenAlone === 'boolean' ? e.data.seenAlone : null };
    } else if (e.type === 'cp.plan_ended' && open) {
      open.end = e.on;
      open = null;
    }
  }
  return plans;
}

export interface Span {
  start: string;
  end: string | null;
}

/** Child in need plans, from `cin.plan_started` to `cin.plan_ended`. */
export const childInNeedPlansOf = (view: ChildView) => once(view, childInNeedPlansOfFold);

function childInNeedPlansOfFold(view: ChildView): Span[] {
  const plans: Span[] = [];
  for (const e of view.events) {
    const open = plans.at(-1);
    if (e.type === 'cin.plan_started' && !(open && open.end === null)) plans.push({ start: e.on, end: null });
    else if (e.type === 'cin.plan_ended' && open && open.end === null) open.end = e.on;
  }
  return plans;
}

export interface ChildInNeedEpisode extends Span {
  /** The CIN census closure reason code (closure.completed data.closureReason). */
  closureReason: string | null;
}

/**
 * What starts children's social care's involvement when none is open: a referral (dated the day
 * the contact came in, as the CIN census dates it), or, for history recorded without one, the
 * first piece of statutory work.
 */
const workThatOpensACase: ReadonlySet<string> = new Set(['assessment.allocated', 'assessment.completed', 'strategy.discussion_held', 's47.started', 'cin.plan_started', 'cp.conference_held', 'cic.started']);

/** Episodes of need: from the referral (or the first statutory work) to the case's closure (closure.completed), as the CIN census counts them. */
export const childInNeedEpisodesOf = (view: ChildView) => once(view, childInNeedEpisodesOfFold);

function childInNeedEpisodesOfFold(view: ChildView): ChildInNeedEpisode[] {
  const referrals = new Set(referralsOf(view).map((r) => r.event.id));
  const episodes: ChildInNeedEpisode[] = [];
  for (const e of view.events) {
    const open = episodes.at(-1);
    const isOpen = open !== undefined && open.end === null;
    if (!isOpen && (referrals.has(e.id) || workThatOpensACase.has(e.type))) {
      episodes.push({ start: e.on, end: null, closureReason: null });
    } else if (e.type === 'closure.completed' && isOpen) {
      open.end = e.on;
      open.closureReason = dfeCodeOf(closureReasons, e.data.closureReason);
    }
  }
  return episodes;
}

export const openOn = (spans: readonly Span[], on: string): boolean => spans.some((s) => s.start <= on && (s.end === null || s.end > on));
