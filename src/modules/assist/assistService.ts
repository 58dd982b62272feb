import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { can } from '../../domain/access/can';
import {
  assistRecordOf,
  assistRules,
  closingReasons,
  earliestFor,
  enquiryChannels,
  enquiryTopics,
  hubDecisions,
  informationDueOn,
  isUpcoming,
  letterOutcomes,
  programmeRefusal,
  programmeRoutes,
  stageLabels,
  stageOf,
  stepRefusal,
  stepTitles,
  supportKinds,
  type AssistRecord,
  type MarfReferral,
  type MarfStep,
} from '../../domain/assist/assistCase';
import { londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { labelOf, readDateInput } from '../../platform/validation';
import { checkedAt, instantOf, notBefore, type When } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import { recordStep, type StepEvent } from '../people/recordStep';
import { asClock, clocksOf, stateLabels } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import { closeSchema, contactSchema, enquirySchema, hubSchema, informationSchema, letterSchema, marfSchema, programmeSchema, responseSchema, withdrawSchema } from './assistSchemas';

/** Every change to a child's ASSIST record, audited under this action. */
export const assistAudit = 'child.assist_recorded';

/**
 * A child's (and family's) ASSIST record (practice-standards.txt, Section 1: ASSIST 1-5): the page,
 * and each step written through the record's lock (recordStep), refused with what to record first
 * when out of order. Recorded by ASSIST's practitioners (assist:record), for a child of any team.
 */
export function assistService(clock: Clock, people: PeopleService, standards: StandardsService) {
  const step = (context: RequestContext, personId: string, field: string, refusal: (r: AssistRecord | null) => string | null, events: (r: AssistRecord, now: Date) => StepEvent[]) =>
    recordStep(people, context, personId, 'assist:record', assistAudit, { read: assistRecordOf, refusal, field }, (state, now, record) => {
      if (record.kind !== 'child') throw new ValidationError([{ field, message: "ASSIST work is recorded on a child's record" }]);
      return events(state, now);
    });
  const none = () => null;
  /** A step of the open MARF referral, dated no earlier than the step before it. */
  const marfStep = <T extends z.ZodType>(context: RequestContext, personId: string, which: MarfStep, field: string, schema: T, body: Record<string, unknown>, when: When, build: (r: MarfReferral, data: z.infer<T>, at: Date) => StepEvent[]) =>
    step(context, personId, field, (record) => (record ? stepRefusal(record, which) : null), (record, now) => {
      const { data, at } = checkedAt(schema, body, when, now);
      const r = record.open as MarfReferral;
      const earliest = earliestFor(r, which);
      notBefore(at, earliest.at, when.fields?.date ?? 'occurredOn', `${stepTitles[which]} cannot be before ${earliest.what}, `);
      return build(r, data, at);
    });
  const requestOf = (record: AssistRecord, requestId: string, field: string) => {
    const found = record.programmes.find((p) => p.requestId === requestId);
    if (!found) throw new ValidationError([{ field, message: 'Select the programme place from the list' }]);
    return found;
  };

  return {
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const assist = assistRecordOf(await people.streamOf(personId));
      const rows = await standards.forPerson(personId, context.actor);
      const byStart = new Map(rows.filter((r) => r.obligation.ruleId === 'assist.enquiry-response' || r.obligation.ruleId === 'assist.programme-information').map((r) => [r.obligation.startEventId, asClock(r)]));
      const current = assist.open ?? assist.referrals.at(-1) ?? null;
      const referralRules = assistRules.filter((id) => id !== 'assist.enquiry-response' && id !== 'assist.programme-information');
      // The referral's clocks: the latest of each standard started since this referral was received.
      const clocks = current ? clocksOf(rows.filter((r) => r.obligation.startedAt.getTime() >= current.receivedAt.getTime()), referralRules) : [];
      const today = londonDate(clock.now());
      return {
        record,
        name: fullName(record.details),
        assist,
        current,
        stage: current ? stageLabels[stageOf(current)] : null,
        refusals: Object.fromEntries((Object.keys(stepTitles) as MarfStep[]).map((s) => [s, stepRefusal(assist, s)])),
        enquiries: assist.enquiries.map((q) => ({ ...q, clock: byStart.get(q.eventId) ?? null, channelText: labelOf(enquiryChannels, q.channel), topicText: labelOf(enquiryTopics, q.topic) })).reverse(),
        programmes: assist.programmes.map((p) => ({ ...p, upcoming: isUpcoming(p, today), routeText: labelOf(programmeRoutes, p.route), clock: byStart.get(p.eventId) ?? null })).reverse(),
        clocks,
        texts: { support: (v: string) => labelOf(supportKinds, v), hub: (v: string) => labelOf(hubDecisions, v), letter: (v: string) => labelOf(letterOutcomes, v), closing: (v: string) => labelOf(closingReasons, v) },
        choices: { enquiryChannels, enquiryTopics, programmeRoutes, supportKinds, hubDecisions, letterOutcomes, closingReasons },
        stateLabels,
        may: { record: can(context.actor, 'assist:record', record) },
      };
    },

    /** A direct contact for information, signposting, a drop in or a workshop (ASSIST 1): answered within 2 working days. */
    enquiry(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'from', none, (_r, now) => {
        const { data, at } = checkedAt(enquirySchema, body, when, now);
        return [{ type: 'assist.enquiry_received', occurredAt: at, data: { enquiryId: randomUUID(), from: data.from, channel: data.channel, topic: data.topic, question: data.question, summary: `${labelOf(enquiryTopics, data.topic)}: contact from ${data.from}` } }];
      });
    },

    respond(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'response', none, (record, now) => {
        const { data, at } = checkedAt(responseSchema, body, when, now);
        const enquiry = record.enquiries.find((q) => q.enquiryId === data.enquiryId);
        if (!enquiry) throw new ValidationError([{ field: 'enquiryId', message: 'Select the contact answered from the list' }]);
        if (enquiry.respondedAt) throw new ValidationError([{ field: 'enquiryId', message: 'This contact has already been answered' }]);
        notBefore(at, enquiry.receivedAt, when.fields?.date ?? 'occurredOn', 'The response cannot be before the contact, received ');
        return [{ type: 'assist.enquiry_responded', occurredAt: at, data: { enquiryId: enquiry.enquiryId, response: data.response, summary: `Responded to ${enquiry.from}` } }];
      });
    },

    /**
     * A place asked for on a parent programme (ASSIST 2), after an open referral or diagnosis
     * documentation: the next available programme is one starting at least 6 weeks after, so that
     * its information can go 6 weeks before it starts. One place waiting at a time.
     */
    programme(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'programme', none, (record, now) => {
        const starts = readDateInput(body, 'programmeStartsOn', 'The date the programme starts', true);
        const { data, at } = checkedAt(programmeSchema, body, { ...when, problems: [...when.problems, ...(starts.problem ? [starts.problem] : [])] }, now);
        const askedOn = londonDate(at);
        const refusal = programmeRefusal(askedOn, starts.value as string);
        if (refusal) throw new ValidationError([{ field: 'programmeStartsOn-day', message: refusal }]);
        const waiting = record.programmes.find((p) => isUpcoming(p, askedOn));
        if (waiting) throw new ValidationError([{ field: 'programme', message: `The family already has a place on ${waiting.programme}, starting ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${waiting.startsOn}T12:00:00Z`))}: withdraw it first if they want another` }]);
        const informationBy = informationDueOn(starts.value as string);
        return [
          {
            type: 'assist.programme_requested',
            occurredAt: at,
            data: { requestId: randomUUID(), route: data.route, programme: data.programme, programmeStartsOn: starts.value, informationBy, summary: `Place on ${data.programme} (starts ${starts.value}): information due by ${informationBy}` },
          },
        ];
      });
    },

    /** The programme's information sent to the family (ASSIST 2). */
    information(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'requestId', none, (record, now) => {
        const { data, at } = checkedAt(informationSchema, body, when, now);
        const request = requestOf(record, data.requestId, 'requestId');
        if (request.informationSentAt) throw new ValidationError([{ field: 'requestId', message: 'The information for this programme has already been sent' }]);
        if (request.withdrawn) throw new ValidationError([{ field: 'requestId', message: 'The family withdrew from this programme' }]);
        notBefore(at, request.at, when.fields?.date ?? 'occurredOn', 'The information cannot be sent before the place was asked for, ');
        return [{ type: 'assist.programme_information_sent', occurredAt: at, data: { requestId: request.requestId, summary: `Information on ${request.programme} sent` } }];
      });
    },

    /** The family no longer wants the place: its information clock ends (cancelled). */
    withdraw(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'withdrawRequestId', none, (record, now) => {
        const { data } = checkedAt(withdrawSchema, body, null, now);
        const request = requestOf(record, data.withdrawRequestId, 'withdrawRequestId');
        if (request.withdrawn) throw new ValidationError([{ field: 'withdrawRequestId', message: 'This place has already been withdrawn' }]);
        return [{ type: 'assist.programme_withdrawn', occurredAt: now, data: { requestId: request.requestId, reason: data.withdrawReason, summary: `Withdrew from ${request.programme}: ${data.withdrawReason}` } }];
      });
    },

    /** A MARF for focused 1-1 family or school support, received by Duty, Triage and Assessment (ASSIST 3): one open at a time. */
    marf(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const refusal = (record: AssistRecord | null) => (record?.open ? 'There is already an open ASSIST referral: record this on it, or close it first' : null);
      return step(context, personId, 'referrer', refusal, (_r, now) => {
        const { data, at } = checkedAt(marfSchema, body, when, now);
        return [{ type: 'assist.marf_received', occurredAt: at, data: { referrer: data.referrer, support: data.support, reason: data.reason, summary: `MARF from ${data.referrer}: ${labelOf(supportKinds, data.support).toLowerCase()}` } }];
      });
    },

    /** The Early Help Hub's weekly meeting (3); a referral it decides is not for ASSIST closes with it. */
    hub(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return marfStep(context, personId, 'hub', 'decision', hubSchema, body, when, (_r, data, at) => [
        { type: 'assist.hub_discussed', occurredAt: at, data: { decision: data.decision, summary: data.hubSummary } },
        ...(data.decision === 'not_for_assist' ? [{ type: 'assist.closed', occurredAt: at, data: { reason: 'not_for_assist', summary: `The Early Help Hub decided it is not for ASSIST: ${data.hubSummary}` } }] : []),
      ]);
    },

    /** Allocated to ASSIST by the Hub (3): ASSIST receives the referral, and writes to the family within 2 working days (4). */
    allocate(context: RequestContext, personId: string, when: When) {
      return step(context, personId, 'allocateOn', (record) => (record ? stepRefusal(record, 'allocate') : null), (record, now) => {
        const at = instantOf(when, now);
        const earliest = earliestFor(record.open as MarfReferral, 'allocate');
        notBefore(at, earliest.at, when.fields?.date ?? 'occurredOn', `${stepTitles.allocate} cannot be before ${earliest.what}, `);
        return [{ type: 'assist.allocated', occurredAt: at, data: { summary: 'Allocated to ASSIST by the Early Help Hub' } }];
      });
    },

    /** The letter to the family (4): contact within 5 working days, or the waiting list. */
    letter(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return marfStep(context, personId, 'letter', 'outcome', letterSchema, body, when, (_r, data, at) => [{ type: 'assist.family_written_to', occurredAt: at, data: { outcome: data.outcome, summary: `Family written to: ${labelOf(letterOutcomes, data.outcome).toLowerCase()}` } }]);
    },

    contact(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return marfStep(context, personId, 'contact', 'contactSummary', contactSchema, body, when, (_r, data, at) => [{ type: 'assist.family_contacted', occurredAt: at, data: { summary: data.contactSummary } }]);
    },

    /** Closing, agreed by both parties, with the family told how to use the service again (5). */
    close(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return marfStep(context, personId, 'close', 'closeReason', closeSchema, body, when, (_r, data, at) => [
        { type: 'assist.closed', occurredAt: at, data: { reason: data.closeReason, accessInformationGiven: true, summary: data.closingSummary } },
      ]);
    },
  };
}

export type AssistService = ReturnType<typeof assistService>;
