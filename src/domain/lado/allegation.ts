import { addMonths, londonDate } from '../calendar/localDate';
import type { WorkflowEvent } from '../records/events';

/**
 * An allegation against an adult who works with children, managed by the Local Authority
 * Designated Officer (practice-standards.txt, Section 4: Managing Allegations and the Role of the
 * LADO, 80-88). It is on the record of the adult it is about; every event of it carries its
 * `allegationId`, so that one adult's allegations over the years are told apart.
 */
export const ladoEvent = {
  employerBecameAware: 'lado.employer_became_aware',
  received: 'lado.allegation_received',
  childLedRequired: 'lado.child_led_strategy_required',
  enquiryReceived: 'lado.enquiry_received',
  enquiryResponded: 'lado.enquiry_responded',
  strategyMeetingHeld: 'lado.strategy_meeting_held',
  notesDistributed: 'lado.strategy_notes_distributed',
  reviewHeld: 'lado.review_held',
  noteAdded: 'lado.note_added',
  concluded: 'lado.allegation_concluded',
  recordedInError: 'lado.recorded_in_error',
} as const;

/** Every event of an allegation: the LADO's whole file, which only the LADO team and auditors may read. */
export const ladoEventTypes: readonly string[] = Object.values(ladoEvent);

/** The standards of Managing Allegations 81-84, in the order the work goes. */
export const ladoRules = ['lado.informed', 'lado.enquiry-response', 'lado.child-led-strategy-meeting', 'lado.strategy-meeting', 'lado.strategy-notes'] as const;

/** An event, or a standard (obligation), about an allegation: hidden from anyone who may not read allegations. */
export const isAllegationEvent = (type: string): boolean => type.startsWith('lado.');
export const isAllegationRule = (ruleId: string): boolean => ruleId.startsWith('lado.');

export * from './allegationCodes';
import type { Outcome } from './allegationCodes';

export interface Enquiry {
  enquiryId: string;
  receivedAt: Date;
  from: string;
  question: string;
  respondedAt: Date | null;
  advice: string | null;
}

export interface StrategyMeeting {
  heldAt: Date;
  attendees: string;
  summary: string;
  investigation: string;
  reviewOn: string | null;
  notesDistributedAt: Date | null;
}

export interface AllegationReview {
  heldAt: Date;
  summary: string;
  nextReviewOn: string | null;
}

export interface AllegationOutcome {
  concludedAt: Date;
  outcome: Outcome;
  dbsReferral: boolean;
  regulator: string;
  summary: string;
}

/** An allegation recorded in error (the wrong adult, say): kept, never erased, but out of the worklist, the report and the clocks. */
export interface InError {
  at: Date;
  reason: string;
  byName: string | null;
}

export interface Allegation {
  allegationId: string;
  personId: string;
  receivedAt: Date;
  /** When the employer became aware (81); null when the LADO was told by someone else and the employer may not know. */
  awareAt: Date | null;
  employer: string;
  role: string;
  sector: string;
  source: string;
  referrer: string;
  category: string;
  nature: string;
  childIds: string[];
  otherChildren: string | null;
  childLed: boolean;
  fosterCarer: boolean;
  enquiries: Enquiry[];
  meetings: StrategyMeeting[];
  reviews: AllegationReview[];
  notes: { at: Date; note: string; byName: string | null }[];
  outcome: AllegationOutcome | null;
  inError: InError | null;
  events: WorkflowEvent[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The order an allegation's events are folded in, whatever order they are read in (by seq or by
 * occurredAt): by when they happened, then by the step they are (the employer's awareness before
 * receipt, receipt before anything done about it, the conclusion last), then as recorded.
 */
const stepRank: Record<string, number> = { [ladoEvent.employerBecameAware]: 0, [ladoEvent.received]: 1, [ladoEvent.childLedRequired]: 2, [ladoEvent.concluded]: 8, [ladoEvent.recordedInError]: 9 };
const seqOf = (e: WorkflowEvent): number => {
  const seq = (e as WorkflowEvent & { seq?: unknown }).seq;
  return typeof seq === 'number' ? seq : 0;
};
function inOrder(events: readonly WorkflowEvent[]): WorkflowEvent[] {
  return [...events].sort((x, y) => x.occurredAt.getTime() - y.occurredAt.getTime() || (stepRank[x.type] ?? 5) - (stepRank[y.type] ?? 5) || seqOf(x) - seqOf(y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/**
 * The allegations on one adult's record, from its events, oldest first. Each allegation's events
 * are gathered by allegationId before they are folded, so the result does not depend on the order
 * the stream was read in, and an event dated before receipt still belongs to its allegation.
 */
export function allegationsOf(personId: string, stream: readonly WorkflowEvent[]): Allegation[] {
  const byId = new Map<string, WorkflowEvent[]>();
  for (const e of stream) {
    const id = str(e.data.allegationId);
    if (!id || !isAllegationEvent(e.type)) continue;
    byId.set(id, [...(byId.get(id) ?? []), e]);
  }
  const found: Allegation[] = [];
  for (const [id, events] of byId) {
    const ordered = inOrder(events);
    const received = ordered.find((e) => e.type === ladoEvent.received);
    if (!received) continue;
    const d = received.data;
    const aware = ordered.find((e) => e.type === ladoEvent.employerBecameAware);
    const a: Allegation = {
      allegationId: id,
      personId,
      receivedAt: received.occurredAt,
      awareAt: aware?.occurredAt ?? null,
      employer: str(d.employer),
      role: str(d.role),
      sector: str(d.sector),
      source: str(d.source),
      referrer: str(d.referrer),
      category: str(d.category),
      nature: str(d.nature),
      childIds: Array.isArray(d.childIds) ? d.childIds.map(String) : [],
      otherChildren: strOrNull(d.otherChildren),
      childLed: d.childLed === true,
      fosterCarer: d.fosterCarer === true,
      enquiries: [],
      meetings: [],
      reviews: [],
      notes: [],
      outcome: null,
      inError: null,
      events: ordered,
    };
    for (const e of ordered) {
      const data = e.data;
      switch (e.type) {
        case ladoEvent.enquiryReceived:
          a.enquiries.push({ enquiryId: str(data.enquiryId), receivedAt: e.occurredAt, from: str(data.from), question: str(data.question), respondedAt: null, advice: null });
          break;
        case ladoEvent.strategyMeetingHeld:
          a.meetings.push({ heldAt: e.occurredAt, attendees: str(data.attendees), summary: str(data.summary), investigation: str(data.investigation), reviewOn: strOrNull(data.reviewOn), notesDistributedAt: null });
          break;
        case ladoEvent.notesDistributed: {
          const meeting = a.meetings.at(-1);
          if (meeting && !meeting.notesDistributedAt) meeting.notesDistributedAt = e.occurredAt;
          break;
        }
        case ladoEvent.reviewHeld:
          a.reviews.push({ heldAt: e.occurredAt, summary: str(data.summary), nextReviewOn: strOrNull(data.nextReviewOn) });
          break;
        case ladoEvent.noteAdded:
          a.notes.push({ at: e.occurredAt, note: str(data.note), byName: e.recordedByName });
          break;
        case ladoEvent.concluded:
          if (!a.outcome) a.outcome = { concludedAt: e.occurredAt, outcome: str(data.outcome) as Outcome, dbsReferral: data.dbsReferral === true, regulator: str(data.regulator) || 'none', summary: str(data.summary) };
          break;
        case ladoEvent.recordedInError:
          if (!a.inError) a.inError = { at: e.occurredAt, reason: str(data.reason), byName: e.recordedByName };
          break;
      }
    }
    // Responses after their enquiries are gathered, so a response read first still finds its enquiry.
    for (const e of ordered.filter((x) => x.type === ladoEvent.enquiryResponded)) {
      const enquiry = a.enquiries.find((q) => q.enquiryId === e.data.enquiryId);
      if (enquiry && !enquiry.respondedAt) Object.assign(enquiry, { respondedAt: e.occurredAt, advice: str(e.data.advice) });
    }
    found.push(a);
  }
  return found.sort((x, y) => x.receivedAt.getTime() - y.receivedAt.getTime() || (x.allegationId < y.allegationId ? -1 : 1));
}

/** The allegations that stand: not recorded in error. The worklist and the annual report count these alone. */
export const standingAllegations = (allegations: readonly Allegation[]): Allegation[] => allegations.filter((a) => !a.inError);

/** Whether the outcome may be recorded yet (84, 82): the last meeting's notes distributed and every enquiry answered. */
export function outcomeBlockedBy(a: Allegation): string | null {
  const meeting = a.meetings.at(-1);
  if (!meeting) return 'Record the allegations strategy meeting first (Managing Allegations 83)';
  if (!meeting.notesDistributedAt) return 'Record when the strategy meeting notes were distributed before the outcome (Managing Allegations 84)';
  const open = a.enquiries.filter((q) => !q.respondedAt);
  if (open.length > 0) return `Record the response to the enquiry from ${open.map((q) => q.from).join(', ')} before the outcome (Managing Allegations 82)`;
  return null;
}

export const openAllegationOf = (allegations: readonly Allegation[]): Allegation | null => allegations.find((a) => !a.outcome && !a.inError) ?? null;

/**
 * The review date set at the strategy meeting or the last review (85), while the allegation is open:
 * due on that date, overdue after it. Null when none is set, or the review set has been held.
 */
export function reviewDue(a: Allegation, today: string): { on: string; overdue: boolean } | null {
  if (a.outcome || a.inError) return null;
  const setters = [...a.meetings.map((m) => ({ at: m.heldAt, on: m.reviewOn })), ...a.reviews.map((r) => ({ at: r.heldAt, on: r.nextReviewOn }))].sort((x, y) => x.at.getTime() - y.at.getTime());
  const last = setters.at(-1);
  if (!last?.on) return null;
  return { on: last.on, overdue: today > last.on };
}

/** Which step comes next, so each form is offered only when it makes sense. */
export function nextStep(a: Allegation): 'strategy_meeting' | 'notes' | 'review_or_outcome' | 'concluded' | 'recorded_in_error' {
  if (a.inError) return 'recorded_in_error';
  if (a.outcome) return 'concluded';
  const meeting = a.meetings.at(-1);
  if (!meeting) return 'strategy_meeting';
  if (!meeting.notesDistributedAt) return 'notes';
  return 'review_or_outcome';
}

/**
 * How long an allegation took to resolve, against the guidance's bands (87): within 1 month,
 * 3 months, 12 months of receipt, or longer. "Within N months": the same day of the month N months
 * later (DESIGN.md), from the London date the LADO received it.
 */
export type ResolutionBand = 'one_month' | 'three_months' | 'twelve_months' | 'over_twelve_months';
export function resolutionBand(receivedAt: Date, concludedAt: Date): ResolutionBand {
  const from = londonDate(receivedAt);
  const to = londonDate(concludedAt);
  if (to <= addMonths(from, 1)) return 'one_month';
  if (to <= addMonths(from, 3)) return 'three_months';
  if (to <= addMonths(from, 12)) return 'twelve_months';
  return 'over_twelve_months';
}
