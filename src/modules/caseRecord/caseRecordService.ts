import { can, managesRecord } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { chronology, recordedLate } from '../../domain/caseRecord/chronology';
import type { RecordedEvent } from '../../domain/records/events';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { checkedAt, type When } from '../../platform/when';
import { episodesById, eventTypeOf } from '../../standards/index';
import { bedroomCheck } from '../../domain/caseRecord/bedroomsSeen';
import type { PeopleService } from '../people/peopleService';
import type { StandardsService } from '../standards/standardsService';
import { caseNoteSchema, oversightSchema, significantEventSchema, summarySchema, supervisionSchema } from './caseRecordSchemas';

const titleOf = (type: string) => eventTypeOf(type)?.title ?? type;

/**
 * The case record (issue 4; practice-standards.txt, Section 5: Recording Standards): case notes,
 * significant events, the automatic chronology, the case summary, case supervision signed by both,
 * and management oversight. Each is an event on the child's record, so the recording standards'
 * clocks (case summary every 3 months and after a significant event, supervision recorded within 5
 * working days, oversight monthly) open and close by themselves; anything recorded late says so.
 */
export function caseRecordService(clock: Clock, people: PeopleService, standards: StandardsService) {
  /**
   * A manager of the team holding the case: supervision and oversight are theirs to record. Checked
   * in the record's transaction; the refusal is audited there like any other (recordChange.ts).
   */
  function mustManage(context: RequestContext, record: Parameters<typeof managesRecord>[1]) {
    if (!managesRecord(context.actor, record)) throw new ForbiddenError('Only a manager of the team that holds the case records its supervision and management oversight');
  }

  const record = (context: RequestContext, personId: string, action: string, decide: (now: Date, stream: RecordedEvent[], subject: Parameters<typeof managesRecord>[1]) => { type: string; occurredAt: Date; data: Record<string, unknown> }[]) =>
    people.recordOn(context, [personId], 'work:record', action, (records, streams, now) => decide(now, streams.get(personId) ?? [], records[0] as Parameters<typeof managesRecord>[1]));

  const cpPlan = episodesById.get('cp-plan');
  return {
    /** Everything on the case record page, newest first where it is a list. */
    async view(context: RequestContext, personId: string) {
      const subject = await people.record(context, personId);
      // The chronology shows what the reader may see: an allegation (lado.*) only to the LADO team and auditors (issue 11),
      // the child's youth justice records (yos.*) only to the Youth Offending Service and those working with the child (issue 12).
      const stream = await people.shownEvents(context, personId, await people.streamOf(personId), Number.POSITIVE_INFINITY, subject);
      const now = clock.now();
      const late = (e: RecordedEvent) => recordedLate(e.occurredAt, e.recordedAt, standards.calendar);
      // What was marked recorded in error leaves the page (the history keeps it, with the reason).
      const inError = new Set(stream.filter((e) => e.type === 'entry.recorded_in_error').map((e) => e.refersTo));
      const of = (type: string) => stream.filter((e) => e.type === type && !inError.has(e.id)).reverse();
      const signatures = new Map(of('supervision.worker_signed').map((e) => [String(e.data.supervisionId), e]));
      const summaries = of('case_summary.updated');
      return {
        record: subject,
        notes: of('case_note.recorded').map((e) => ({ event: e, late: late(e) })),
        summary: summaries[0] ?? null,
        earlierSummaries: summaries.slice(1),
        supervision: of('supervision.case_discussed').map((e) => ({ event: e, late: late(e), signedBy: signatures.get(e.id) ?? null })),
        oversight: of('oversight.recorded').map((e) => ({ event: e, late: late(e) })),
        lastReviewed: of('chronology.updated')[0] ?? null,
        chronology: chronology(stream, titleOf, standards.calendar, londonDate(now)).reverse(),
        bedrooms: cpPlan ? bedroomCheck(stream, cpPlan) : null,
        may: { write: can(context.actor, 'work:record', subject), manage: managesRecord(context.actor, subject), correct: can(context.actor, 'child:correct', subject) },
      };
    },

    /** A case note; one marked significant also goes in the chronology as a significant event. */
    recordNote(context: RequestContext, personId: string, input: Record<string, unknown>, when: When) {
      return record(context, personId, 'child.case_note_recorded', (now) => {
        const { data, at } = checkedAt(caseNoteSchema, input, when, now);
        const { significant, ...note } = data;
        return [
          { type: 'case_note.recorded', occurredAt: at, data: { ...note, significant } },
          ...(significant ? [{ type: 'case.significant_event_occurred', occurredAt: at, data: { detail: note.facts, from: 'case note' } }] : []),
        ];
      });
    },

    recordSignificantEvent(context: RequestContext, personId: string, input: Record<string, unknown>, when: When) {
      return record(context, personId, 'child.case_note_recorded', (now) => {
        const { data, at } = checkedAt(significantEventSchema, input, when, now);
        return [{ type: 'case.significant_event_occurred', occurredAt: at, data }];
      });
    },

    updateSummary(context: RequestContext, personId: string, input: Record<string, unknown>) {
      return record(context, personId, 'child.case_summary_updated', (now) => [{ type: 'case_summary.updated', occurredAt: now, data: checkedAt(summarySchema, input, null, now).data }]);
    },

    /** The worker has read the chronology and it is up to date (the 3-monthly standard). */
    reviewChronology(context: RequestContext, personId: string) {
      return record(context, personId, 'child.chronology_reviewed', (now) => [{ type: 'chronology.updated', occurredAt: now, data: {} }]);
    },

    /** Case supervision, recorded by the supervising manager with the worker who holds the case; the worker signs it after. */
    recordSupervision(context: RequestContext, personId: string, input: Record<string, unknown>, when: When) {
      return record(context, personId, 'child.supervision_recorded', (now, _stream, subject) => {
        mustManage(context, subject);
        const { data, at } = checkedAt(supervisionSchema, input, when, now);
        if (!subject.allocatedWorkerId) throw new ValidationError([{ field: 'discussion', message: 'No worker holds the case: allocate it before recording case supervision' }]);
        return [{ type: 'supervision.case_discussed', occurredAt: at, data: { ...data, workerId: subject.allocatedWorkerId, supervisorId: context.actor.userId, supervisorName: context.actor.displayName } }];
      });
    },

    /** The worker's signature on a supervision record: only the worker it was with, once. */
    signSupervision(context: RequestContext, personId: string, supervisionId: string) {
      return record(context, personId, 'child.supervision_signed', (now, stream) => {
        const supervision = stream.find((e) => e.id === supervisionId && e.type === 'supervision.case_discussed');
        if (!supervision) throw new ValidationError([{ field: 'supervision', message: 'That supervision record is not on this child’s record' }]);
        if (supervision.data.workerId !== context.actor.userId) throw new ForbiddenError('Only the worker the supervision was with signs it');
        if (stream.some((e) => e.type === 'supervision.worker_signed' && e.data.supervisionId === supervisionId)) throw new ValidationError([{ field: 'supervision', message: 'You have already signed this supervision record' }]);
        return [{ type: 'supervision.worker_signed', occurredAt: now, data: { supervisionId } }];
      });
    },

    recordOversight(context: RequestContext, personId: string, input: Record<string, unknown>) {
      return record(context, personId, 'child.oversight_recorded', (now, _stream, subject) => {
        mustManage(context, subject);
        return [{ type: 'oversight.recorded', occurredAt: now, data: { detail: checkedAt(oversightSchema, input, null, now).data.oversight } }];
      });
    },
  };
}

export type CaseRecordService = ReturnType<typeof caseRecordService>;
