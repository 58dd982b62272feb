import { chronological, type WorkflowEvent } from '../records/events';

/**
 * Occupational Therapy for disabled children (practice-standards.txt, Section 1: Occupational
 * Therapy 1-14; specialist-service-statement.txt 7.3: the Disabled Children's Team provides social
 * work and occupational therapy). What the Children's Services Occupational Therapy (CSOT) team
 * records on a child's record: queries to its duty inbox and their answers (1), and each referral
 * from its receipt through prioritisation (2), the waiting list letter (3), allocation and the offer
 * of an initial assessment (4), the first home visit and its consent forms (5), the assessment and
 * the person summary (6), the intervention agreed with the child and family (7, 8), to its closing.
 */
export const otEvent = {
  queryReceived: 'ot.query_received',
  queryResponded: 'ot.query_responded',
  referralReceived: 'ot.referral_received',
  prioritised: 'ot.referral_prioritised',
  letterSent: 'ot.waiting_list_letter_sent',
  allocated: 'ot.allocated',
  assessmentOffered: 'ot.assessment_offered',
  homeVisited: 'ot.home_visited',
  assessmentCompleted: 'ot.assessment_completed',
  summaryUpdated: 'ot.person_summary_updated',
  interventionAgreed: 'ot.intervention_agreed',
  closed: 'ot.closed',
} as const;

export const otEventTypes: readonly string[] = Object.values(otEvent);

/** The Occupational Therapy standards with a timescale, in the order the work goes (all in the catalogue). */
export const otRules = ['ot.query-response', 'ot.referral-prioritised', 'ot.waiting-list-letter', 'ot.assessment-offered', 'ot.person-summary'] as const;

export const priorities = [
  { value: '1', text: 'Priority 1' },
  { value: '2', text: 'Priority 2' },
] as const;

export const queryChannels = [
  { value: 'email', text: 'Email to the duty inbox' },
  { value: 'telephone', text: 'Telephone message' },
  { value: 'letter', text: 'Letter' },
] as const;

/** Whether each consent form was signed at the first home visit (Occupational Therapy 5). */
export const consentAnswers = [
  { value: 'signed', text: 'Signed' },
  { value: 'declined', text: 'Declined' },
] as const;

/** Why an involvement ends; a family that chooses not to go ahead is one (Occupational Therapy 7). */
export const closingReasons = [
  { value: 'intervention_completed', text: 'Intervention completed' },
  { value: 'family_declined', text: 'The child or family chose not to go ahead' },
  { value: 'no_longer_needed', text: 'No longer needed' },
  { value: 'moved_away', text: 'Moved out of the area' },
  { value: 'referred_elsewhere', text: 'Referred to another service' },
  { value: 'other', text: 'Other' },
] as const;

export interface OtQuery {
  queryId: string;
  eventId: string;
  receivedAt: Date;
  from: string;
  channel: string;
  query: string;
  respondedAt: Date | null;
  response: string | null;
}

export interface FirstHomeVisit {
  at: Date;
  consentToShare: string;
  photographConsent: string;
  declinedReason: string | null;
}

export interface OtReferral {
  eventId: string;
  receivedAt: Date;
  referrer: string;
  reason: string;
  /** The latest prioritisation (a referral may be prioritised again while it waits). */
  priority: { at: Date; priority: 1 | 2; reasons: string } | null;
  firstPrioritisedAt: Date | null;
  letterSentAt: Date | null;
  /** The latest allocation: who holds the referral now. */
  allocated: { at: Date; workerId: string; workerName: string } | null;
  offeredAt: Date | null;
  firstVisit: FirstHomeVisit | null;
  assessedAt: Date | null;
  summaryUpdatedAt: Date | null;
  intervention: { at: Date; intervention: string; agreedWith: string } | null;
  closed: { at: Date; reason: string; summary: string } | null;
}

export interface OtRecord {
  queries: OtQuery[];
  /** Every referral, oldest first; at most the last is open. */
  referrals: OtReferral[];
  open: OtReferral | null;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A child's Occupational Therapy, read from their events in the order they happened. */
export function otRecordOf(events: readonly WorkflowEvent[]): OtRecord {
  const queries: OtQuery[] = [];
  const referrals: OtReferral[] = [];
  let open: OtReferral | null = null;
  for (const e of chronological(events.filter((x) => otEventTypes.includes(x.type)))) {
    const d = e.data;
    switch (e.type) {
      case otEvent.queryReceived:
        queries.push({ queryId: text(d.queryId) || e.id, eventId: e.id, receivedAt: e.occurredAt, from: text(d.from), channel: text(d.channel), query: text(d.query), respondedAt: null, response: null });
        break;
      case otEvent.queryResponded: {
        const q = queries.find((x) => x.queryId === d.queryId && !x.respondedAt);
        if (q) Object.assign(q, { respondedAt: e.occurredAt, response: text(d.response) });
        break;
      }
      case otEvent.referralReceived:
        if (open) break; // the episode is already open: a second receipt is part of it
        open = { eventId: e.id, receivedAt: e.occurredAt, referrer: text(d.referrer), reason: text(d.reason), priority: null, firstPrioritisedAt: null, letterSentAt: null, allocated: null, offeredAt: null, firstVisit: null, assessedAt: null, summaryUpdatedAt: null, intervention: null, closed: null };
        referrals.push(open);
        break;
      default: {
        if (!open) break;
        const r: OtReferral = open;
        if (e.type === otEvent.prioritised) {
          r.priority = { at: e.occurredAt, priority: Number(d.priority) === 1 ? 1 : 2, reasons: text(d.reasons) };
          r.firstPrioritisedAt ??= e.occurredAt;
        } else if (e.type === otEvent.letterSent) r.letterSentAt ??= e.occurredAt;
        else if (e.type === otEvent.allocated) r.allocated = { at: e.occurredAt, workerId: text(d.workerId), workerName: text(d.workerName) };
        else if (e.type === otEvent.assessmentOffered) r.offeredAt ??= e.occurredAt;
        else if (e.type === otEvent.homeVisited) r.firstVisit ??= { at: e.occurredAt, consentToShare: text(d.consentToShare), photographConsent: text(d.photographConsent), declinedReason: text(d.declinedReason) || null };
        else if (e.type === otEvent.assessmentCompleted) r.assessedAt ??= e.occurredAt;
        else if (e.type === otEvent.summaryUpdated) r.summaryUpdatedAt ??= e.occurredAt;
        else if (e.type === otEvent.interventionAgreed) r.intervention = { at: e.occurredAt, intervention: text(d.intervention), agreedWith: text(d.agreedWith) };
        else if (e.type === otEvent.closed) {
          r.closed = { at: e.occurredAt, reason: text(d.reason), summary: text(d.summary) };
          open = null;
        }
      }
    }
  }
  return { queries, referrals, open };
}

export type OtStage = 'awaiting_prioritisation' | 'waiting_list' | 'allocated' | 'assessment_offered' | 'visited' | 'assessed' | 'intervention' | 'closed';

export const stageLabels: Record<OtStage, string> = {
  awaiting_prioritisation: 'Awaiting prioritisation',
  waiting_list: 'On the waiting list',
  allocated: 'Allocated: initial assessment to offer',
  assessment_offered: 'Initial assessment offered',
  visited: 'First home visit made',
  assessed: 'Assessed',
  intervention: 'Intervention agreed',
  closed: 'Closed',
};

export function stageOf(r: OtReferral): OtStage {
  if (r.closed) return 'closed';
  if (r.intervention) return 'intervention';
  if (r.assessedAt) return 'assessed';
  if (r.firstVisit) return 'visited';
  if (r.offeredAt) return 'assessment_offered';
  if (r.allocated) return 'allocated';
  if (r.priority) return 'waiting_list';
  return 'awaiting_prioritisation';
}

/** The steps of a referral, each recorded on its own form. */
export type OtStep = 'prioritise' | 'letter' | 'allocate' | 'offer' | 'visit' | 'assess' | 'summary' | 'intervention' | 'close';

/** The step an open referral waits for next, in the order of the standards. */
export function nextStep(r: OtReferral): OtStep {
  if (!r.priority) return 'prioritise';
  if (!r.allocated) return r.letterSentAt ? 'allocate' : 'letter';
  if (!r.offeredAt) return 'offer';
  if (!r.firstVisit) return 'visit';
  if (!r.assessedAt) return 'assess';
  if (!r.summaryUpdatedAt) return 'summary';
  if (!r.intervention) return 'intervention';
  return 'close';
}

export const stepTitles: Record<OtStep, string> = {
  prioritise: 'Referral prioritised',
  letter: 'Waiting list letter sent',
  allocate: 'Allocated to an occupational therapist',
  offer: 'Initial assessment offered',
  visit: 'First home visit',
  assess: 'Assessment completed',
  summary: 'Person summary updated',
  intervention: 'Intervention agreed',
  close: 'Closed',
};

const longDate = (at: Date) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(at);

/**
 * Why a step cannot be recorded now, in words that say what to record first; null when it can.
 * The order is the order of the standards: nothing is prioritised before it is received (2), no
 * letter before the priority (3), no allocation before the priority, no offer before allocation
 * (4), no first home visit before the offer (5), no assessment before the visit, no person summary
 * or intervention before the assessment (6, 7).
 */
export function stepRefusal(record: OtRecord, step: OtStep): string | null {
  const r = record.open;
  if (!r) return 'There is no open Occupational Therapy referral: record the referral first';
  switch (step) {
    case 'prioritise':
      return r.allocated ? `The referral was allocated to ${r.allocated.workerName} on ${longDate(r.allocated.at)}: its priority is settled` : null;
    case 'letter':
      if (!r.priority) return 'Prioritise the referral first: the waiting list letter follows the prioritisation (Occupational Therapy 3)';
      if (r.letterSentAt) return `The waiting list letter was sent on ${longDate(r.letterSentAt)}`;
      return r.allocated ? `The referral was allocated on ${longDate(r.allocated.at)}: the child is no longer waiting, so no waiting list letter is needed` : null;
    case 'allocate':
      return r.priority ? null : 'Prioritise the referral (Priority 1 or 2) before allocating it';
    case 'offer':
      if (!r.allocated) return 'Allocate the referral to an occupational therapist first: the initial assessment is offered after allocation (Occupational Therapy 4)';
      return r.offeredAt ? `The initial assessment was offered on ${longDate(r.offeredAt)}` : null;
    case 'visit':
      if (!r.offeredAt) return 'Record the offer of the initial assessment first';
      return r.firstVisit ? `The first home visit was recorded on ${longDate(r.firstVisit.at)}` : null;
    case 'assess':
      if (!r.firstVisit) return 'Record the first home visit, with the consent forms, first (Occupational Therapy 5)';
      return r.assessedAt ? `The assessment was completed on ${longDate(r.assessedAt)}` : null;
    case 'summary':
      return r.assessedAt ? null : 'Record the completed assessment first: the person summary is updated from it (Occupational Therapy 6)';
    case 'intervention':
      return r.assessedAt ? null : 'Record the completed assessment first: the intervention proposed comes from it (Occupational Therapy 7)';
    case 'close':
      return null;
  }
}

/** The earliest a step may be dated: the step it follows (a step dated before it would never meet its standard). */
export function earliestFor(r: OtReferral, step: OtStep): { at: Date; what: string } {
  const after = (at: Date | null | undefined, what: string) => (at ? { at, what } : null);
  const found =
    step === 'letter' ? after(r.firstPrioritisedAt, 'the referral was prioritised') :
    step === 'allocate' ? after(r.priority?.at, 'the referral was prioritised') :
    step === 'offer' ? after(r.allocated?.at, 'the referral was allocated') :
    step === 'visit' ? after(r.offeredAt, 'the initial assessment was offered') :
    step === 'assess' ? after(r.firstVisit?.at, 'the first home visit') :
    step === 'summary' || step === 'intervention' ? after(r.assessedAt, 'the assessment was completed') :
    null;
  return found ?? { at: r.receivedAt, what: 'the referral was received' };
}

/**
 * The waiting list: Priority 1 before Priority 2, then the longest waiting first (from when the
 * referral was received), as the team takes children off it.
 */
export function waitingListOrder<T extends { priority: 1 | 2; receivedAt: Date }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.priority - b.priority || a.receivedAt.getTime() - b.receivedAt.getTime());
}

/** What the first home visit must cover (Occupational Therapy 5): a reason when a consent form is declined. */
export function homeVisitProblems(visit: { consentToShare: string; photographConsent: string; declinedReason: string | null }): { field: string; message: string }[] {
  const declined = visit.consentToShare === 'declined' || visit.photographConsent === 'declined';
  return declined && !visit.declinedReason ? [{ field: 'declinedReason', message: 'Enter why the consent form was not signed, and what was agreed instead' }] : [];
}
