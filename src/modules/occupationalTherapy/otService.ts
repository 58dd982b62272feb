import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { can } from '../../domain/access/can';
import {
  closingReasons,
  consentAnswers,
  earliestFor,
  homeVisitProblems,
  otRecordOf,
  otRules,
  priorities,
  queryChannels,
  stageLabels,
  nextStep,
  stageOf,
  stepRefusal,
  stepTitles,
  type OtRecord,
  type OtReferral,
  type OtStep,
} from '../../domain/occupationalTherapy/otCase';
import { fullName } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ValidationError } from '../../platform/errors';
import { labelOf } from '../../platform/validation';
import { checkedAt, notBefore, type When } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import { recordStep, type StepEvent } from '../people/recordStep';
import type { StaffDirectory } from '../staff/staffDirectory';
import { asClock, clocksOf, stateLabels } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import {
  allocationSchema,
  assessmentSchema,
  closeSchema,
  homeVisitSchema,
  interventionSchema,
  letterSchema,
  offerSchema,
  personSummarySchema,
  prioritySchema,
  querySchema,
  referralSchema,
  responseSchema,
} from './otSchemas';

/** Every change to a child's Occupational Therapy, audited under this action. */
export const otAudit = 'child.ot_recorded';

/**
 * A child's Occupational Therapy (practice-standards.txt, Section 1: Occupational Therapy 1-8):
 * the page, and each step written through the record's lock (recordStep), refused with what to
 * record first when out of order, and dated no earlier than the step it follows. Recorded by the
 * occupational therapists (ot:record), for a child of any team.
 */
export function occupationalTherapyService(people: PeopleService, standards: StandardsService, staff: StaffDirectory) {
  const refusing = (step: OtStep) => (record: OtRecord | null) => (record ? stepRefusal(record, step) : null);
  const step = (context: RequestContext, personId: string, field: string, refusal: (r: OtRecord | null) => string | null, events: (r: OtRecord, now: Date) => StepEvent[]) =>
    recordStep(people, context, personId, 'ot:record', otAudit, { read: otRecordOf, refusal, field }, (state, now, record) => {
      if (record.kind !== 'child') throw new ValidationError([{ field, message: "Occupational Therapy work is recorded on a child's record" }]);
      return events(state, now);
    });
  /** A step of the open referral: the form checked, dated no earlier than what it follows. */
  const referralStep = <T extends z.ZodType>(context: RequestContext, personId: string, which: OtStep, field: string, schema: T, body: Record<string, unknown>, when: When, build: (r: OtReferral, data: z.infer<T>, at: Date) => StepEvent[]) =>
    step(context, personId, field, refusing(which), (record, now) => {
      const { data, at } = checkedAt(schema, body, when, now);
      const r = record.open as OtReferral;
      const earliest = earliestFor(r, which);
      notBefore(at, earliest.at, when.fields?.date ?? 'occurredOn', `${stepTitles[which]} cannot be before ${earliest.what}, `);
      return build(r, data, at);
    });

  return {
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const ot = otRecordOf(await people.streamOf(personId));
      const rows = await standards.forPerson(personId, context.actor);
      const current = ot.open ?? ot.referrals.at(-1) ?? null;
      // The referral's clocks: the latest of each standard started since this referral was received.
      const referralClocks = current ? clocksOf(rows.filter((r) => r.obligation.startedAt.getTime() >= current.receivedAt.getTime()), otRules.filter((id) => id !== 'ot.query-response')) : [];
      const queryClock = new Map(rows.filter((r) => r.obligation.ruleId === 'ot.query-response').map((r) => [r.obligation.startEventId, asClock(r)]));
      const mayRecord = can(context.actor, 'ot:record', record);
      return {
        record,
        name: fullName(record.details),
        ot,
        current,
        stage: current ? stageLabels[stageOf(current)] : null,
        next: ot.open ? nextStep(ot.open) : null,
        refusals: Object.fromEntries((Object.keys(stepTitles) as OtStep[]).map((s) => [s, stepRefusal(ot, s)])),
        queries: ot.queries.map((q) => ({ ...q, channelText: labelOf(queryChannels, q.channel), clock: queryClock.get(q.eventId) ?? null })).reverse(),
        clocks: referralClocks,
        therapists: mayRecord ? await staff.withRole('occupational-therapist') : [],
        choices: { priorities, queryChannels, consentAnswers, closingReasons },
        closingText: (value: string) => labelOf(closingReasons, value),
        stateLabels,
        may: { record: mayRecord },
      };
    },

    /** A query received in the CSOT duty inbox (Occupational Therapy 1): acknowledged and answered within 5 working days. */
    query(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'from', () => null, (_r, now) => {
        const { data, at } = checkedAt(querySchema, body, when, now);
        return [{ type: 'ot.query_received', occurredAt: at, data: { queryId: randomUUID(), from: data.from, channel: data.channel, query: data.query, summary: `Query from ${data.from}` } }];
      });
    },

    respond(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'response', () => null, (record, now) => {
        const { data, at } = checkedAt(responseSchema, body, when, now);
        const query = record.queries.find((q) => q.queryId === data.queryId);
        if (!query) throw new ValidationError([{ field: 'queryId', message: 'Select the query answered from the list' }]);
        if (query.respondedAt) throw new ValidationError([{ field: 'queryId', message: 'This query has already been answered' }]);
        notBefore(at, query.receivedAt, when.fields?.date ?? 'occurredOn', 'The response cannot be before the query was received, ');
        return [{ type: 'ot.query_responded', occurredAt: at, data: { queryId: query.queryId, response: data.response, summary: `Responded to ${query.from}` } }];
      });
    },

    /** A new referral (Occupational Therapy 2): one open referral at a time. */
    referral(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const refusal = (record: OtRecord | null) => {
        const open = record?.open;
        return open ? `There is already an open Occupational Therapy referral, received ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(open.receivedAt)}: record the new request on it, or close it first` : null;
      };
      return step(context, personId, 'referrer', refusal, (_r, now) => {
        const { data, at } = checkedAt(referralSchema, body, when, now);
        return [{ type: 'ot.referral_received', occurredAt: at, data: { referrer: data.referrer, reason: data.needs, summary: `Referral from ${data.referrer}` } }];
      });
    },

    /** Prioritised into Priority 1 or 2 (2); prioritised again while it waits, with the reasons. */
    prioritise(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return referralStep(context, personId, 'prioritise', 'priority', prioritySchema, body, when, (_r, data, at) => [
        { type: 'ot.referral_prioritised', occurredAt: at, data: { priority: Number(data.priority), reasons: data.reasons, summary: `Priority ${data.priority}: ${data.reasons}` } },
      ]);
    },

    /** The waiting list letter to the parents or carers (3). */
    letter(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return referralStep(context, personId, 'letter', 'sentTo', letterSchema, body, when, (_r, data, at) => [{ type: 'ot.waiting_list_letter_sent', occurredAt: at, data: { sentTo: data.sentTo, summary: `Waiting list letter sent to ${data.sentTo}` } }]);
    },

    /** Allocated to an occupational therapist (one of the team's, from the list); the offer of an assessment is due within 5 days (4). */
    async allocate(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const therapists = await staff.withRole('occupational-therapist');
      return referralStep(context, personId, 'allocate', 'workerId', allocationSchema, body, when, (r, data, at) => {
        const worker = therapists.find((t) => t.id === data.workerId);
        if (!worker) throw new ValidationError([{ field: 'workerId', message: 'Select an occupational therapist from the list' }]);
        if (r.allocated?.workerId === worker.id) throw new ValidationError([{ field: 'workerId', message: `The referral is already allocated to ${worker.name}` }]);
        return [{ type: 'ot.allocated', occurredAt: at, data: { workerId: worker.id, workerName: worker.name, summary: `Allocated to ${worker.name}` } }];
      });
    },

    offer(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return referralStep(context, personId, 'offer', 'how', offerSchema, body, when, (_r, data, at) => [{ type: 'ot.assessment_offered', occurredAt: at, data: { how: data.how, notes: data.offerNotes, summary: `Initial assessment offered (${data.how})` } }]);
    },

    /** The first home visit (5): working hours and contact details explained, both consent forms signed or declined with the reason. */
    visit(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return referralStep(context, personId, 'visit', 'workingHoursExplained', homeVisitSchema, body, when, (_r, data, at) => {
        const problems = homeVisitProblems(data);
        if (problems.length > 0) throw new ValidationError(problems);
        const forms = `consent to share information ${data.consentToShare}, photographs ${data.photographConsent}`;
        return [
          {
            type: 'ot.home_visited',
            occurredAt: at,
            data: { first: true, workingHoursExplained: true, contactDetailsGiven: true, consentToShare: data.consentToShare, photographConsent: data.photographConsent, declinedReason: data.declinedReason, summary: `First home visit: working hours and contact details explained; ${forms}` },
          },
        ];
      });
    },

    assess(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return referralStep(context, personId, 'assess', 'findings', assessmentSchema, body, when, (_r, data, at) => [{ type: 'ot.assessment_completed', occurredAt: at, data: { summary: data.findings } }]);
    },

    /** The person summary updated from the assessment (6): within 5 working days of it. */
    personSummary(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return referralStep(context, personId, 'summary', 'added', personSummarySchema, body, when, (_r, data, at) => [{ type: 'ot.person_summary_updated', occurredAt: at, data: { summary: data.added } }]);
    },

    /** The intervention explained and agreed with the child and their parents or carers (7, 8). */
    intervention(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return referralStep(context, personId, 'intervention', 'intervention', interventionSchema, body, when, (_r, data, at) => [
        {
          type: 'ot.intervention_agreed',
          occurredAt: at,
          data: { intervention: data.intervention, agreedWith: data.agreedWith, communication: data.communication, interpreter: data.interpreter === 'yes', summary: `Intervention agreed with ${data.agreedWith}: ${data.intervention}` },
        },
      ]);
    },

    /** The involvement closed, with why; a family that chooses not to go ahead is respected (7). */
    close(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return referralStep(context, personId, 'close', 'closeReason', closeSchema, body, when, (_r, data, at) => [{ type: 'ot.closed', occurredAt: at, data: { reason: data.closeReason, summary: data.closingSummary } }]);
    },
  };
}

export type OccupationalTherapyService = ReturnType<typeof occupationalTherapyService>;
