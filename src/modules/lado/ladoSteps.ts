import { randomUUID } from 'node:crypto';
import { addYears, londonDate, londonStartOfDay } from '../../domain/calendar/localDate';
import { allegationsOf, ladoEvent, openAllegationOf, outcomeBlockedBy, type Allegation } from '../../domain/lado/allegation';
import type { WorkflowEvent } from '../../domain/records/events';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { readDateInput } from '../../platform/validation';
import { formatDateTime } from '../../platform/views/filters';
import { checkedAt, instantOf, notBefore, whenOf } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import type { NewEventFor } from '../people/recordChange';
import type { LadoAccess } from './ladoAccess';
import { allegationSchema, enquirySchema, inErrorSchema, meetingSchema, noteSchema, outcomeSchema, responseSchema, reviewSchema } from './ladoSchemas';

/** Approval and its ending, to know whether the adult is an approved foster carer (issue 11 contract). */
const carerTypes = ['fostering.carer_approved', 'fostering.approval_ended'] as const;
const isApprovedCarer = (events: readonly WorkflowEvent[]) => events.filter((e) => (carerTypes as readonly string[]).includes(e.type)).at(-1)?.type === 'fostering.carer_approved';

/** The summary written on a carer's record: it says a review is needed, never why in detail (issue 11 contract). */
export const carerReviewSummary = 'A review is needed after an allegation (LADO)';

/** How far before receipt the employer's awareness may be dated: further back is taken for a mistyped year. */
const awareYearsBefore = 5;

const whenProblem = (field: string, message: string) => new ValidationError([{ field, message }]);

/**
 * The LADO's steps (Managing Allegations 81-86), each written with its audit row in one
 * transaction on the adult's record (people.recordOn), refused with what to fix when out of order.
 */
export function ladoSteps(clock: Clock, people: PeopleService, access: LadoAccess) {
  /** A step on an open allegation, its state read from the stream under the record's lock. */
  async function step(context: RequestContext, personId: string, allegationId: string, field: string, decide: (a: Allegation, now: Date) => NewEventFor[]) {
    await access.allow(context, 'allegation:record', 'allegation.recorded', personId);
    return people.recordOn(context, [personId], 'work:record', 'allegation.recorded', (_records, streams, now) => {
      const a = allegationsOf(personId, streams.get(personId) ?? []).find((x) => x.allegationId === allegationId);
      if (!a) throw new NotFoundError('The allegation');
      if (a.inError) throw new ValidationError([{ field, message: 'This allegation was marked as recorded in error: nothing more can be recorded on it' }]);
      if (a.outcome) throw new ValidationError([{ field, message: 'This allegation has been concluded: add a note if something needs correcting' }]);
      return decide(a, now).map((e) => ({ ...e, personId, data: { allegationId, ...e.data } }));
    });
  }

  return {
    /**
     * Records an allegation received by the LADO (81): on the adult's record, with the date the
     * employer became aware (the 1 working day clock), the child-led flag (83) and, for an approved
     * foster carer, the review their approval needs (Family Placement 33), without its details.
     */
    async record(context: RequestContext, body: Record<string, unknown>): Promise<{ personId: string; allegationId: string; adultName: string; adultHearthId: number }> {
      await access.allow(context, 'allegation:record', 'allegation.recorded');
      const now = clock.now();
      const received = whenOf(body, { date: 'receivedOn', time: 'receivedTime' });
      // The employer's awareness starts the 1 working day clock (81). When the employer told the LADO it is
      // known and required; when a child, parent, the police or an anonymous caller told the LADO directly, the
      // employer may not know yet, so it is asked for only if known.
      const aware = readDateInput(body, 'awareOn', 'Date the employer became aware', body.source === 'employer');
      const { data, at } = checkedAt(allegationSchema, body, { ...received, problems: [...received.problems, ...(aware.problem ? [aware.problem] : [])] }, now);
      if (aware.value && aware.value > londonDate(at)) throw whenProblem('awareOn-day', 'The date the employer became aware must be on or before the date the LADO received the allegation');
      if (aware.value && aware.value < addYears(londonDate(at), -awareYearsBefore)) throw whenProblem('awareOn-day', `The date the employer became aware must be within ${awareYearsBefore} years before the date the LADO received the allegation: check the year`);
      const adult = await people.identity(Number(data.adultHearthId));
      const adultRecord = adult ? await people.find(adult.id) : null;
      if (!adult || !adultRecord) throw whenProblem('adultHearthId', `There is no one with Hearth ID ${data.adultHearthId}: find the adult, or add them first`);
      if (adultRecord.kind === 'child') throw whenProblem('adultHearthId', `Hearth ID ${data.adultHearthId} is a child's record: enter the Hearth ID of the adult the allegation is about`);
      const childHearthIds = (data.childHearthIds ?? '').split(/[\s,;]+/).filter(Boolean);
      const bad = childHearthIds.find((h) => !/^\d{1,9}$/.test(h));
      if (bad) throw whenProblem('childHearthIds', `"${bad}" is not a Hearth ID: enter numbers separated by commas, like 1042, 1043`);
      const childIds: string[] = [];
      for (const h of childHearthIds) {
        const child = await people.identity(Number(h));
        const record = child ? await people.find(child.id) : null;
        if (!child || !record || record.kind !== 'child') throw whenProblem('childHearthIds', `Hearth ID ${h} is not a child on Hearth: check the number, or describe the child under "Children not on Hearth"`);
        childIds.push(child.id);
      }
      if (childIds.length === 0 && !data.otherChildren) throw whenProblem('childHearthIds', 'Enter the Hearth IDs of the children the allegation concerns, or describe them under "Children not on Hearth"');
      const allegationId = randomUUID();
      const personId = adult.id;
      await people.recordOn(context, [personId], 'work:record', 'allegation.recorded', (_records, streams, writeNow) => {
        const stream = streams.get(personId) ?? [];
        if (openAllegationOf(allegationsOf(personId, stream))) throw whenProblem('adultHearthId', `${adult.name} already has an open allegation: record this as an enquiry or note on it, or conclude it first`);
        const fosterCarer = isApprovedCarer(stream);
        const common = { allegationId, employer: data.employer };
        const events: NewEventFor[] = [
          // Written only when the date is known: it starts lado.informed (81), which an unknown date could not count from.
          ...(aware.value ? [{ type: ladoEvent.employerBecameAware, occurredAt: londonStartOfDay(aware.value), data: { ...common, summary: `The employer (${data.employer}) became aware of an allegation` } }] : []),
          {
            type: ladoEvent.received,
            occurredAt: at,
            data: { ...common, role: data.role, sector: data.sector, source: data.source, referrer: data.referrer, category: data.category, nature: data.nature, childIds, otherChildren: data.otherChildren, childLed: data.childLed === 'yes', fosterCarer, summary: `${data.role}, ${data.employer}` },
          },
          ...(data.childLed === 'yes' ? [{ type: ladoEvent.childLedRequired, occurredAt: at, data: { allegationId, summary: 'A child-led strategy meeting is needed' } }] : []),
          // The carer's review (Family Placement 33): on the same record, saying nothing of the allegation.
          ...(fosterCarer ? [{ type: 'fostering.review_required', occurredAt: writeNow, data: { reason: 'allegation', summary: carerReviewSummary } }] : []),
        ];
        return events.map((e) => ({ ...e, personId }));
      });
      return { personId, allegationId, adultName: adult.name, adultHearthId: adult.hearthId };
    },

    /** An enquiry to the LADO about the allegation, answered within 1 working day (82). */
    enquiry(context: RequestContext, personId: string, allegationId: string, body: Record<string, unknown>) {
      return step(context, personId, allegationId, 'from', (a, now) => {
        const { data, at } = checkedAt(enquirySchema, body, whenOf(body, { date: 'enquiryOn', time: 'enquiryTime' }), now);
        notBefore(at, a.receivedAt, 'enquiryOn', 'The enquiry cannot be before the allegation was received, ', 'check the date and time, or add it as a note');
        return [{ type: ladoEvent.enquiryReceived, occurredAt: at, data: { enquiryId: randomUUID(), from: data.from, question: data.question, summary: `Enquiry from ${data.from}` } }];
      });
    },

    respond(context: RequestContext, personId: string, allegationId: string, enquiryId: string, body: Record<string, unknown>) {
      return step(context, personId, allegationId, 'advice', (a, now) => {
        const enquiry = a.enquiries.find((q) => q.enquiryId === enquiryId);
        if (!enquiry) throw new NotFoundError('The enquiry');
        if (enquiry.respondedAt) throw whenProblem('advice', 'This enquiry has already been answered');
        const { data, at } = checkedAt(responseSchema, body, whenOf(body, { date: 'respondedOn', time: 'respondedTime' }), now);
        notBefore(at, enquiry.receivedAt, 'respondedOn', 'The response cannot be before the enquiry, received ');
        return [{ type: ladoEvent.enquiryResponded, occurredAt: at, data: { enquiryId, advice: data.advice, summary: `Responded to ${enquiry.from}` } }];
      });
    },

    /** The allegations strategy meeting (83), with the dates of its reviews if the investigation continues (85). */
    strategyMeeting(context: RequestContext, personId: string, allegationId: string, body: Record<string, unknown>) {
      return step(context, personId, allegationId, 'attendees', (a, now) => {
        // One strategy meeting per allegation (83); what follows it are the reviews set at it (85).
        const held = a.meetings.at(-1);
        if (held) throw whenProblem('attendees', `The strategy meeting was held on ${formatDateTime(held.heldAt)}: record a later meeting as a review`);
        const review = readDateInput(body, 'reviewOn', 'Date of the first review', false);
        const when = whenOf(body, { date: 'meetingOn', time: 'meetingTime' });
        const { data, at } = checkedAt(meetingSchema, body, { ...when, problems: [...when.problems, ...(review.problem ? [review.problem] : [])] }, now);
        notBefore(at, a.receivedAt, 'meetingOn', 'The meeting cannot be before the allegation was received, ');
        if (data.investigation !== 'no_further_action' && !review.value) throw whenProblem('reviewOn-day', 'Enter the date of the first review: the investigation continues, so set its review at the meeting (Managing Allegations 85)');
        if (review.value && review.value <= londonDate(at)) throw whenProblem('reviewOn-day', 'The review must be after the meeting');
        return [{ type: ladoEvent.strategyMeetingHeld, occurredAt: at, data: { attendees: data.attendees, summary: data.summary, investigation: data.investigation, reviewOn: review.value } }];
      });
    },

    /** The meeting's notes distributed (84). */
    notesDistributed(context: RequestContext, personId: string, allegationId: string, body: Record<string, unknown>) {
      return step(context, personId, allegationId, 'notesOn', (a, now) => {
        const meeting = a.meetings.at(-1);
        if (!meeting) throw whenProblem('notesOn', 'Record the strategy meeting first');
        if (meeting.notesDistributedAt) throw whenProblem('notesOn', `The notes were distributed on ${formatDateTime(meeting.notesDistributedAt)}`);
        const at = instantOf(whenOf(body, { date: 'notesOn', time: 'notesTime' }), now);
        notBefore(at, meeting.heldAt, 'notesOn', 'The notes cannot be distributed before the meeting, held ');
        return [{ type: ladoEvent.notesDistributed, occurredAt: at, data: { summary: 'Strategy meeting notes distributed' } }];
      });
    },

    /** A review set at the meeting (85), setting the next if the investigation goes on. */
    review(context: RequestContext, personId: string, allegationId: string, body: Record<string, unknown>) {
      return step(context, personId, allegationId, 'reviewSummary', (a, now) => {
        const meeting = a.meetings.at(-1);
        if (!meeting) throw whenProblem('reviewSummary', 'Record the strategy meeting first: reviews are set at it');
        const next = readDateInput(body, 'reviewOn', 'Date of the next review', false);
        const when = whenOf(body, { date: 'reviewHeldOn', time: 'reviewHeldTime' });
        const { data, at } = checkedAt(reviewSchema, body, { ...when, problems: [...when.problems, ...(next.problem ? [next.problem] : [])] }, now);
        notBefore(at, meeting.heldAt, 'reviewHeldOn', 'The review cannot be before the strategy meeting, held ');
        if (next.value && next.value <= londonDate(at)) throw whenProblem('reviewOn-day', 'The next review must be after this one');
        return [{ type: ladoEvent.reviewHeld, occurredAt: at, data: { summary: data.reviewSummary, nextReviewOn: next.value } }];
      });
    },

    /** A note or correction: nothing recorded is changed, the note says what was wrong. */
    async note(context: RequestContext, personId: string, allegationId: string, body: Record<string, unknown>) {
      await access.allow(context, 'allegation:record', 'allegation.recorded', personId);
      return people.recordOn(context, [personId], 'work:record', 'allegation.recorded', (_r, streams, now) => {
        if (!allegationsOf(personId, streams.get(personId) ?? []).some((x) => x.allegationId === allegationId)) throw new NotFoundError('The allegation');
        const { data } = checkedAt(noteSchema, body, null, now);
        return [{ personId, type: ladoEvent.noteAdded, occurredAt: now, data: { allegationId, note: data.note, summary: 'Note added' } }];
      });
    },

    /**
     * Marks an allegation as recorded in error (the wrong adult, say), with the reason. Nothing is
     * erased: the allegation stays on the record, marked, for the LADO and auditors; it leaves the
     * worklist and the annual report, and its clocks end (the event ends the 'allegation' episode and
     * cancels an enquiry's response clock). The adult's foster carer review, if one was asked for, is
     * the fostering team's to close.
     */
    async recordedInError(context: RequestContext, personId: string, allegationId: string, body: Record<string, unknown>) {
      await access.allow(context, 'allegation:record', 'allegation.recorded', personId);
      return people.recordOn(context, [personId], 'work:record', 'allegation.recorded', (_r, streams, now) => {
        const a = allegationsOf(personId, streams.get(personId) ?? []).find((x) => x.allegationId === allegationId);
        if (!a) throw new NotFoundError('The allegation');
        if (a.inError) throw whenProblem('inErrorReason', `This allegation was already marked as recorded in error on ${formatDateTime(a.inError.at)}`);
        const { data } = checkedAt(inErrorSchema, body, null, now);
        return [{ personId, type: ladoEvent.recordedInError, occurredAt: now, data: { allegationId, reason: data.inErrorReason, summary: 'Allegation recorded in error' } }];
      });
    },

    /** The outcome, and the advice on referrals to the DBS or a regulator (86); it ends the allegation. */
    outcome(context: RequestContext, personId: string, allegationId: string, body: Record<string, unknown>) {
      return step(context, personId, allegationId, 'outcome', (a, now) => {
        // Concluding ends the allegation and its clocks: the notes (84) and every enquiry's response (82) come first,
        // or they could never be recorded and an unanswered enquiry would stay overdue.
        const blocked = outcomeBlockedBy(a);
        if (blocked) throw whenProblem('outcome', blocked);
        const { data, at } = checkedAt(outcomeSchema, body, whenOf(body, { date: 'concludedOn', time: 'concludedTime' }), now);
        const last = [...a.meetings.map((m) => ({ at: m.heldAt, what: 'the strategy meeting, held ' })), ...a.reviews.map((r) => ({ at: r.heldAt, what: 'the last review, held ' }))].sort((x, y) => x.at.getTime() - y.at.getTime()).at(-1);
        if (last) notBefore(at, last.at, 'concludedOn', `The outcome cannot be before ${last.what}`);
        return [{ type: ladoEvent.concluded, occurredAt: at, data: { outcome: data.outcome, dbsReferral: data.dbsReferral === 'yes', regulator: data.regulator, summary: data.outcomeSummary } }];
      });
    },
  };
}
