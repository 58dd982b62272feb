import { addDays, londonDate } from '../calendar/localDate';
import { termsOf, type Terms } from './terms';

/**
 * An approved foster carer, worked out from the events on the fostering household's record (the
 * first applicant's): practice-standards.txt, Section 3 "Family Placement (Fostering)" 17-42.
 * Pure: no clock, no I/O. `fostering.carer_approved` is written by the recruitment part; the
 * rest (visits, reviews, panel, terms, training, payment, support, exemptions, the ending) here.
 */

/** Whose written views a foster carer review takes in (Family Placement 29). */
export const viewSources = [
  { value: 'carers', text: 'The foster carers' },
  { value: 'household', text: 'Other members of the fostering household' },
  { value: 'ssw', text: 'The supervising social worker' },
  { value: 'children', text: 'Children placed now or during the review period' },
  { value: 'childrens_social_workers', text: "The children's social workers" },
  { value: 'childrens_iros', text: "The children's Independent Reviewing Officers" },
] as const;
export type ViewSource = (typeof viewSources)[number]['value'];
/** Always asked for; the children's, their workers' and their IROs' only when a child was placed during the period. */
const alwaysAsked: readonly ViewSource[] = ['carers', 'household', 'ssw'];
const whenChildrenPlaced: readonly ViewSource[] = ['children', 'childrens_social_workers', 'childrens_iros'];

export const reviewRecommendations = [
  { value: 'continue', text: 'Continue on the same terms' },
  { value: 'change_terms', text: 'Change the terms of approval' },
  { value: 'terminate', text: 'End the approval' },
] as const;
export type ReviewRecommendation = (typeof reviewRecommendations)[number]['value'];

/** Why a review is needed before the annual one (Family Placement 33; the LADO writes `allegation`). */
export const reviewRequiredReasons = [
  { value: 'serious_concern', text: 'A serious concern' },
  { value: 'standards_of_care', text: 'A standards of care investigation' },
  { value: 'complaint', text: 'A complaint' },
  { value: 'allegation', text: 'An allegation (LADO)' },
] as const;

/** Payment levels (Family Placement 20: the skills, training and qualifications each level needs). */
export const paymentLevels = [
  { value: 'connected_person', text: 'Connected person (fostering allowance only)' },
  { value: 'level_1', text: 'Level 1: approved, Training, Support and Development standards in progress' },
  { value: 'level_2', text: 'Level 2: Training, Support and Development standards completed' },
  { value: 'level_3', text: 'Level 3: advanced skills and post-approval training' },
  { value: 'level_4', text: 'Level 4: specialist (complex needs, parent and child)' },
] as const;

/** The support a foster family has (Family Placement 23-25). */
export const supportKinds = [
  { value: 'support_group', text: 'Cluster or support group' },
  { value: 'out_of_hours', text: 'Out of hours support (evenings, weekends, public holidays; Emergency Duty Service)' },
  { value: 'forum', text: 'Foster Carer Forum' },
  { value: 'fostering_network', text: 'Fostering Network membership' },
  { value: 'activities', text: "Activities for foster children and carers' own children" },
  { value: 'independent_support', text: 'Independent support from The Fostering Network during an investigation' },
] as const;

export const endingReasons = [
  { value: 'resigned', text: 'The carers resigned' },
  { value: 'terminated', text: "Terminated by the agency decision maker's decision" },
  { value: 'temporary_approval_lapsed', text: 'Temporary approval lapsed' },
  { value: 'other', text: 'Another reason' },
] as const;

export interface CarerVisit { id: string; at: Date; unannounced: boolean; byName: string | null; summary: string }
export interface CarerReview {
  id: string;
  at: Date;
  chairName: string | null;
  recommendation: ReviewRecommendation;
  proposedTerms: Terms | null;
  first: boolean;
  /** Held after a concern, complaint or allegation (Family Placement 33). */
  afterConcern: boolean;
  /** Why it goes to the Fostering Panel, or null (Family Placement 32-33). */
  panelReason: string | null;
  panelAt: Date | null;
  feedback: string;
  actionPlan: string;
}
export interface PanelConsideration { id: string; at: Date; about: string; reviewId: string | null; recommendation: ReviewRecommendation; terms: Terms | null; carersInvited: boolean }
/** An exemption is for the terms in force when it was agreed (`termsAt`): a change of terms needs a new one. */
export interface Exemption { id: string; at: Date; childId: string; childName: string; outside: string[]; reason: string; byName: string | null; termsAt: Date }

export interface CarerState {
  approvedAt: Date;
  approvalKind: string;
  /**
   * A connected person's temporary approval: the last day it is in force, 16 weeks from approval or
   * the one extension's date (Care Planning, Placement and Case Review (England) Regulations 2010
   * reg 24-25). Null for a full approval.
   */
  temporaryUntil: string | null;
  terms: Terms;
  termsHistory: { at: Date; terms: Terms; reason: string }[];
  ended: { at: Date; reason: string; summary: string } | null;
  visits: CarerVisit[];
  reviews: CarerReview[];
  /** Concerns, complaints or allegations since the last review, each needing a review (Family Placement 33). */
  reviewRequired: { id: string; at: Date; reason: string; summary: string }[];
  /** Written views received since the last review, by whom (Family Placement 29). */
  views: Map<ViewSource, { at: Date; received: boolean; text: string; byName: string | null }>;
  /** The review report shared with the carers since the last review (Family Placement 30). */
  reportSharedAt: Date | null;
  /** Every report shared with the carers since approval (Family Placement 12-13: before a panel). */
  reportsShared: Date[];
  panels: PanelConsideration[];
  /** A panel's recommendation to change the terms or end the approval awaiting the agency decision maker. */
  awaitingDecision: PanelConsideration | null;
  /**
   * The agency decision maker's proposed decision to end the approval, or change the terms against
   * the carers' wishes, given to them in writing (a qualifying determination, Family Placement 16
   * footnote 4): 28 days to make representations or apply to the Independent Review Mechanism
   * before the decision is made (Fostering Services (England) Regulations 2011 reg 28(5)-(7)).
   */
  qualifying: { id: string; at: Date; panelId: string; respondBy: string } | null;
  training: { id: string; at: Date; course: string; hours: number | null }[];
  paymentLevel: { at: Date; level: string; reason: string } | null;
  support: { id: string; at: Date; kind: string; detail: string }[];
  exemptions: Exemption[];
  /** Placements recorded before the carer was on the register, linked afterwards: the child and placement. */
  linkedPlacements: { childId: string; placementId: string }[];
}

/** The event types the carer's state is made of (a query may read only these). */
export const carerEventTypes = [
  'fostering.carer_approved', 'fostering.supervising_visit', 'fostering.review_required', 'fostering.review_views_received', 'fostering.report_shared',
  'fostering.carer_reviewed', 'fostering.panel_considered', 'fostering.terms_changed', 'fostering.training_recorded', 'fostering.payment_level_set',
  'fostering.support_recorded', 'fostering.terms_exemption_agreed', 'fostering.placement_linked', 'fostering.approval_ended',
  'fostering.terms_decision', 'fostering.temporary_approval_extended', 'fostering.carer_qualifying_determination',
] as const;

/** Reg 24: a temporary approval lasts up to 16 weeks (recruitment.ts `temporaryApprovalWeeks`). */
const temporaryApprovalDays = 16 * 7;
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

interface StreamEvent { id: string; type: string; occurredAt: Date; recordedByName?: string | null; data: Record<string, unknown> }

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The carer's state from their whole stream, or null when they have never been approved. The
 * latest approval starts a fresh state (a carer who resigned and was approved again).
 */
export function carerState(stream: readonly StreamEvent[]): CarerState | null {
  let s: CarerState | null = null;
  // In the order things happened, not the order they were recorded (a visit recorded late); stable for the same moment.
  const ordered = stream.map((e, i) => ({ e, i })).sort((a, b) => a.e.occurredAt.getTime() - b.e.occurredAt.getTime() || a.i - b.i).map((x) => x.e);
  for (const e of ordered) {
    const d = e.data;
    if (e.type === 'fostering.carer_approved') {
      const terms = termsOf(d.terms);
      if (!terms) continue;
      const approvalKind = text(d.approvalKind) || 'mainstream';
      const temporaryUntil = approvalKind === 'temporary_connected_person' ? (isDate(d.until) ? d.until : addDays(isDate(d.decisionOn) ? d.decisionOn : londonDate(e.occurredAt), temporaryApprovalDays)) : null;
      s = {
        approvedAt: e.occurredAt, approvalKind, temporaryUntil, terms, termsHistory: [{ at: e.occurredAt, terms, reason: 'Approved' }], ended: null,
        visits: [], reviews: [], reviewRequired: [], views: new Map(), reportSharedAt: null, reportsShared: [], panels: [], awaitingDecision: null, qualifying: null,
        training: [], paymentLevel: null, support: [], exemptions: [], linkedPlacements: [],
      };
      continue;
    }
    if (!s) continue;
    switch (e.type) {
      case 'fostering.supervising_visit':
        s.visits.push({ id: e.id, at: e.occurredAt, unannounced: d.unannounced === true, byName: e.recordedByName ?? null, summary: text(d.notes) || text(d.summary) });
        break;
      case 'fostering.review_required':
        s.reviewRequired.push({ id: e.id, at: e.occurredAt, reason: text(d.reason), summary: text(d.summary) });
        break;
      case 'fostering.review_views_received':
        s.views.set(text(d.source) as ViewSource, { at: e.occurredAt, received: d.received !== false, text: text(d.views), byName: e.recordedByName ?? null });
        break;
      case 'fostering.report_shared':
        s.reportSharedAt = e.occurredAt;
        s.reportsShared.push(e.occurredAt);
        break;
      case 'fostering.carer_reviewed': {
        const recommendation = (text(d.recommendation) || 'continue') as ReviewRecommendation;
        const first = s.reviews.length === 0;
        const afterConcern = s.reviewRequired.length > 0;
        s.reviews.push({
          id: e.id, at: e.occurredAt, chairName: text(d.chairName) || (e.recordedByName ?? null), recommendation, proposedTerms: termsOf(d.proposedTerms), first, afterConcern,
          panelReason: panelReasonFor(first, afterConcern, recommendation), panelAt: null, feedback: text(d.feedback), actionPlan: text(d.actionPlan),
        });
        // The review clears what called for it, and starts a new period for views and the report.
        s.reviewRequired = [];
        s.views = new Map();
        s.reportSharedAt = null;
        break;
      }
      case 'fostering.panel_considered': {
        // An application's panel (fostering recruitment) is not about the approved carer's terms.
        if (text(d.about) === 'application') break;
        const panel: PanelConsideration = {
          id: e.id, at: e.occurredAt, about: text(d.about), reviewId: text(d.reviewId) || null,
          recommendation: (text(d.recommendation) || 'continue') as ReviewRecommendation, terms: termsOf(d.terms), carersInvited: d.carersInvited === true,
        };
        s.panels.push(panel);
        const review = panel.reviewId ? s.reviews.find((r) => r.id === panel.reviewId) : undefined;
        if (review) review.panelAt = e.occurredAt;
        s.awaitingDecision = panel.recommendation === 'continue' ? null : panel;
        s.qualifying = null;
        break;
      }
      case 'fostering.terms_changed': {
        const terms = termsOf(d.terms);
        if (!terms) break;
        s.terms = terms;
        s.termsHistory.push({ at: e.occurredAt, terms, reason: text(d.reason) });
        s.awaitingDecision = null;
        s.qualifying = null;
        break;
      }
      case 'fostering.terms_decision':
        // The agency decision maker decided on the panel's recommendation: agreed (the change or ending follows) or not (Family Placement 15-16).
        s.awaitingDecision = null;
        s.qualifying = null;
        break;
      case 'fostering.carer_qualifying_determination':
        s.qualifying = { id: e.id, at: e.occurredAt, panelId: text(d.panelId), respondBy: text(d.respondBy) };
        break;
      case 'fostering.temporary_approval_extended':
        if (s.temporaryUntil && isDate(d.until)) s.temporaryUntil = d.until;
        break;
      case 'fostering.training_recorded':
        s.training.push({ id: e.id, at: e.occurredAt, course: text(d.course), hours: typeof d.hours === 'number' ? d.hours : null });
        break;
      case 'fostering.payment_level_set':
        s.paymentLevel = { at: e.occurredAt, level: text(d.level), reason: text(d.reason) };
        break;
      case 'fostering.support_recorded':
        s.support.push({ id: e.id, at: e.occurredAt, kind: text(d.kind), detail: text(d.detail) });
        break;
      case 'fostering.terms_exemption_agreed':
        s.exemptions.push({ id: e.id, at: e.occurredAt, childId: text(d.childId), childName: text(d.childName), outside: Array.isArray(d.outside) ? d.outside.map(String) : [], reason: text(d.reason), byName: e.recordedByName ?? null, termsAt: s.termsHistory.at(-1)!.at });
        break;
      case 'fostering.placement_linked':
        s.linkedPlacements.push({ childId: text(d.childId), placementId: text(d.placementId) });
        break;
      case 'fostering.approval_ended':
        s.ended = { at: e.occurredAt, reason: text(d.reason), summary: text(d.summary) };
        s.awaitingDecision = null;
        s.qualifying = null;
        break;
    }
  }
  return s;
}

/**
 * An approved foster carer now: approved, and the approval not ended since (the contract's
 * detection for the other parts: LADO, adoption, placements). Null otherwise.
 */
export function approvedCarerState(stream: readonly StreamEvent[], at: Date): CarerState | null {
  const s = carerState(stream);
  return s && inForce(s, at) ? s : null;
}

/** The approval is in force at this moment: not ended, and a temporary approval not past its last day (reg 24-25). */
export function inForce(s: CarerState, at: Date): boolean {
  if (s.ended) return false;
  return !temporaryLapsed(s, at);
}

/** A temporary approval whose last day has passed by this moment. */
export function temporaryLapsed(s: CarerState, at: Date): boolean {
  return s.temporaryUntil !== null && londonDate(at) > s.temporaryUntil;
}

/** Why a review goes to the Fostering Panel (Family Placement 32: the first review, a change in or termination of approval; 33: after a concern, complaint or allegation). */
export function panelReasonFor(first: boolean, afterConcern: boolean, recommendation: ReviewRecommendation): string | null {
  if (recommendation === 'change_terms') return 'it recommends a change in the terms of approval';
  if (recommendation === 'terminate') return 'it recommends ending the approval';
  if (afterConcern) return 'it follows a concern, complaint or allegation';
  if (first) return "it is the carer's first review";
  return null;
}

/** Reviews held that must go to the Fostering Panel and have not yet. */
export function reviewsAwaitingPanel(s: CarerState): CarerReview[] {
  return s.reviews.filter((r) => r.panelReason !== null && r.panelAt === null);
}

/**
 * Whose written views are still missing before a review can be held (Family Placement 29): the
 * carers', the household's and the supervising social worker's always; the children's, their
 * social workers' and their IROs' when a child was placed during the period. A source with none to
 * give is recorded as such, with why, and counts.
 */
export function missingViews(s: CarerState, childrenPlacedInPeriod: number): ViewSource[] {
  const asked = childrenPlacedInPeriod > 0 ? [...alwaysAsked, ...whenChildrenPlaced] : alwaysAsked;
  return asked.filter((source) => !s.views.has(source));
}

/** Places free: the number in the terms less the children placed now, never below none. */
export function vacanciesOf(terms: Terms, placedNow: number): number {
  return Math.max(0, terms.children - placedNow);
}

/** When the period of review began: the last review, or the approval. */
export function reviewPeriodStart(s: CarerState): Date {
  return s.reviews.at(-1)?.at ?? s.approvedAt;
}
