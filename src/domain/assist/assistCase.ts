import { addDays } from '../calendar/localDate';
import { chronological, type WorkflowEvent } from '../records/events';

/**
 * ASSIST, the Autistic Spectrum Service for Information Support and Training (practice-standards.txt,
 * Section 1: ASSIST 1-5), part of Integrated Early Help. What it records on a child's record: direct
 * contacts and their answers (1), places asked for on a parent programme and the information sent 6
 * weeks before it starts (2), and multi-agency referrals (MARF) through the Early Help Hub, the
 * letter to the family and the contact that follows, to the closing of the work (3-5).
 */
export const assistEvent = {
  enquiryReceived: 'assist.enquiry_received',
  enquiryResponded: 'assist.enquiry_responded',
  programmeRequested: 'assist.programme_requested',
  programmeInformationSent: 'assist.programme_information_sent',
  programmeWithdrawn: 'assist.programme_withdrawn',
  marfReceived: 'assist.marf_received',
  hubDiscussed: 'assist.hub_discussed',
  allocated: 'assist.allocated',
  familyWrittenTo: 'assist.family_written_to',
  familyContacted: 'assist.family_contacted',
  closed: 'assist.closed',
} as const;

export const assistEventTypes: readonly string[] = Object.values(assistEvent);

/** The ASSIST standards with a timescale, in the order the work goes (all in the catalogue). */
export const assistRules = ['assist.enquiry-response', 'assist.programme-information', 'assist.hub-discussion', 'assist.allocated', 'assist.family-written-to', 'assist.family-contacted'] as const;

/** How far ahead of a programme's start its information is sent (ASSIST 2). */
export const programmeInformationWeeks = 6;

export const enquiryChannels = [
  { value: 'telephone', text: 'Telephone' },
  { value: 'email', text: 'Email' },
  { value: 'mail', text: 'Mail' },
] as const;

export const enquiryTopics = [
  { value: 'information', text: 'Information' },
  { value: 'signposting', text: 'Signposting' },
  { value: 'drop_in', text: 'A drop in session' },
  { value: 'workshop', text: 'A workshop' },
] as const;

/** How a family comes to a parent programme (ASSIST 2). */
export const programmeRoutes = [
  { value: 'self_referral', text: 'Open (self) referral' },
  { value: 'diagnosis', text: 'Diagnosis documentation from CAMHS or health' },
] as const;

/** What the MARF asks for (ASSIST 3). */
export const supportKinds = [
  { value: 'family', text: 'Focused 1-1 family support' },
  { value: 'school', text: 'School support' },
] as const;

export const hubDecisions = [
  { value: 'allocate_to_assist', text: 'Allocate to ASSIST' },
  { value: 'not_for_assist', text: 'Not for ASSIST (another service, or no further action)' },
] as const;

/** What ASSIST's letter tells the family (ASSIST 4). */
export const letterOutcomes = [
  { value: 'contact_to_follow', text: 'A member of the team will contact them in the next 5 working days to arrange to meet' },
  { value: 'waiting_list', text: 'The service has a waiting list: they will be contacted when a worker can be allocated' },
] as const;

export const closingReasons = [
  { value: 'work_completed', text: 'Work agreed with the family completed' },
  { value: 'family_withdrew', text: 'The family chose to end the work' },
  { value: 'not_for_assist', text: 'Not for ASSIST (the Early Help Hub decided)' },
  { value: 'other', text: 'Other' },
] as const;

export interface AssistEnquiry {
  enquiryId: string;
  eventId: string;
  receivedAt: Date;
  from: string;
  channel: string;
  topic: string;
  question: string;
  respondedAt: Date | null;
}

export interface ProgrammeRequest {
  requestId: string;
  eventId: string;
  at: Date;
  route: string;
  programme: string;
  startsOn: string;
  informationBy: string;
  informationSentAt: Date | null;
  withdrawn: { at: Date; reason: string } | null;
}

export interface MarfReferral {
  eventId: string;
  receivedAt: Date;
  referrer: string;
  support: string;
  reason: string;
  hub: { at: Date; decision: string; summary: string } | null;
  allocatedAt: Date | null;
  letter: { at: Date; outcome: string } | null;
  contactedAt: Date | null;
  closed: { at: Date; reason: string } | null;
}

export interface AssistRecord {
  enquiries: AssistEnquiry[];
  programmes: ProgrammeRequest[];
  referrals: MarfReferral[];
  open: MarfReferral | null;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A child's (and family's) ASSIST record, read from the events in the order they happened. */
export function assistRecordOf(events: readonly WorkflowEvent[]): AssistRecord {
  const enquiries: AssistEnquiry[] = [];
  const programmes: ProgrammeRequest[] = [];
  const referrals: MarfReferral[] = [];
  let open: MarfReferral | null = null;
  for (const e of chronological(events.filter((x) => assistEventTypes.includes(x.type)))) {
    const d = e.data;
    switch (e.type) {
      case assistEvent.enquiryReceived:
        enquiries.push({ enquiryId: text(d.enquiryId) || e.id, eventId: e.id, receivedAt: e.occurredAt, from: text(d.from), channel: text(d.channel), topic: text(d.topic), question: text(d.question), respondedAt: null });
        break;
      case assistEvent.enquiryResponded: {
        const q = enquiries.find((x) => x.enquiryId === d.enquiryId && !x.respondedAt);
        if (q) q.respondedAt = e.occurredAt;
        break;
      }
      case assistEvent.programmeRequested:
        programmes.push({ requestId: text(d.requestId) || e.id, eventId: e.id, at: e.occurredAt, route: text(d.route), programme: text(d.programme), startsOn: text(d.programmeStartsOn), informationBy: text(d.informationBy), informationSentAt: null, withdrawn: null });
        break;
      case assistEvent.programmeInformationSent: {
        const p = programmes.find((x) => x.requestId === d.requestId);
        if (p) p.informationSentAt ??= e.occurredAt;
        break;
      }
      case assistEvent.programmeWithdrawn: {
        const p = programmes.find((x) => x.requestId === d.requestId);
        if (p) p.withdrawn ??= { at: e.occurredAt, reason: text(d.reason) };
        break;
      }
      case assistEvent.marfReceived:
        if (open) break;
        open = { eventId: e.id, receivedAt: e.occurredAt, referrer: text(d.referrer), support: text(d.support), reason: text(d.reason), hub: null, allocatedAt: null, letter: null, contactedAt: null, closed: null };
        referrals.push(open);
        break;
      default: {
        if (!open) break;
        const r: MarfReferral = open;
        if (e.type === assistEvent.hubDiscussed) r.hub ??= { at: e.occurredAt, decision: text(d.decision), summary: text(d.summary) };
        else if (e.type === assistEvent.allocated) r.allocatedAt ??= e.occurredAt;
        else if (e.type === assistEvent.familyWrittenTo) r.letter ??= { at: e.occurredAt, outcome: text(d.outcome) };
        else if (e.type === assistEvent.familyContacted) r.contactedAt ??= e.occurredAt;
        else if (e.type === assistEvent.closed) {
          r.closed = { at: e.occurredAt, reason: text(d.reason) };
          open = null;
        }
      }
    }
  }
  return { enquiries, programmes, referrals, open };
}

export type MarfStage = 'awaiting_hub' | 'awaiting_allocation' | 'awaiting_letter' | 'contact_due' | 'waiting_list' | 'working' | 'closed';

export const stageLabels: Record<MarfStage, string> = {
  awaiting_hub: 'Awaiting the Early Help Hub',
  awaiting_allocation: 'Awaiting allocation to ASSIST',
  awaiting_letter: 'Family to be written to',
  contact_due: 'Contact due',
  waiting_list: 'On the waiting list',
  working: 'Working with the family',
  closed: 'Closed',
};

export function stageOf(r: MarfReferral): MarfStage {
  if (r.closed) return 'closed';
  if (r.contactedAt) return 'working';
  if (r.letter) return r.letter.outcome === 'waiting_list' ? 'waiting_list' : 'contact_due';
  if (r.allocatedAt) return 'awaiting_letter';
  if (r.hub) return 'awaiting_allocation';
  return 'awaiting_hub';
}

export type MarfStep = 'hub' | 'allocate' | 'letter' | 'contact' | 'close';

export const stepTitles: Record<MarfStep, string> = {
  hub: 'Discussed at the Early Help Hub',
  allocate: 'Allocated to ASSIST',
  letter: 'Family written to',
  contact: 'Family contacted',
  close: 'Closed',
};

const longDate = (at: Date) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(at);

/**
 * Why a step of a MARF referral cannot be recorded now, saying what to record first; null when it
 * can. The Hub discusses it before it allocates it to ASSIST (3); ASSIST writes to the family once it
 * has it (4); contact follows the letter (4).
 */
export function stepRefusal(record: AssistRecord, step: MarfStep): string | null {
  const r = record.open;
  if (!r) return 'There is no open ASSIST referral: record the MARF first';
  switch (step) {
    case 'hub':
      return r.hub ? `The referral was discussed at the Early Help Hub on ${longDate(r.hub.at)}` : null;
    case 'allocate':
      if (!r.hub) return 'Record the Early Help Hub discussion first: the Hub allocates to ASSIST after discussing the referral (ASSIST 3)';
      return r.allocatedAt ? `The referral was allocated to ASSIST on ${longDate(r.allocatedAt)}` : null;
    case 'letter':
      if (!r.allocatedAt) return 'Record the allocation to ASSIST first: ASSIST writes to the family once it receives the referral (ASSIST 4)';
      return r.letter ? `The family was written to on ${longDate(r.letter.at)}` : null;
    case 'contact':
      if (!r.letter) return 'Write to the family first: the letter tells them when they will be contacted (ASSIST 4)';
      return r.contactedAt ? `The family was contacted on ${longDate(r.contactedAt)}` : null;
    case 'close':
      return null;
  }
}

/** The earliest a step may be dated: the step before it. */
export function earliestFor(r: MarfReferral, step: MarfStep): { at: Date; what: string } {
  if (step === 'allocate' && r.hub) return { at: r.hub.at, what: 'the Early Help Hub discussed it' };
  if (step === 'letter' && r.allocatedAt) return { at: r.allocatedAt, what: 'it was allocated to ASSIST' };
  if (step === 'contact' && r.letter) return { at: r.letter.at, what: 'the family was written to' };
  return { at: r.receivedAt, what: 'the MARF was received' };
}

/** The date a programme's information is due: 6 weeks before it starts (ASSIST 2). */
export function informationDueOn(programmeStartsOn: string): string {
  return addDays(programmeStartsOn, -7 * programmeInformationWeeks);
}

/**
 * Why a programme cannot be offered to a family asking on `askedOn`: the next available programme
 * is one whose information can still go 6 weeks before its start, so one starting sooner is not
 * available to them (ASSIST 2); nor is one already started. Null when it can.
 */
export function programmeRefusal(askedOn: string, programmeStartsOn: string): string | null {
  if (programmeStartsOn <= askedOn) return 'The programme must start after the date the family asked';
  if (informationDueOn(programmeStartsOn) < askedOn) {
    return `Information is sent 6 weeks before a programme starts (ASSIST 2): choose the next programme starting on or after ${longDate(new Date(`${addDays(askedOn, 7 * programmeInformationWeeks)}T12:00:00Z`))}`;
  }
  return null;
}

/** A programme place still waiting for its start: asked for, not withdrawn, the programme not yet begun. */
export const isUpcoming = (p: ProgrammeRequest, today: string): boolean => !p.withdrawn && p.startsOn >= today;
