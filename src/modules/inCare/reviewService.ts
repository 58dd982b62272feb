import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { can, holdsCase, managesRecord } from '../../domain/access/can';
import type { Permission } from '../../domain/access/permissions';
import { fullName } from '../../domain/people/personDetails';
import { inCareOf } from '../../domain/inCare/inCareState';
import { disputeStages, disputeStepRefusal, earlyReviewNeeded, reviewFollowUps, reviewPreparations, reviewStateOf, significantChanges, type ReviewFollowUp, type ReviewPreparation, type ReviewState } from '../../domain/inCare/reviewState';
import { participationLevels } from '../../domain/conference/conferenceState';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { formatDateTime } from '../../platform/views/filters';
import { choiceValues, optionalText, requiredText } from '../../platform/validation';
import { checkedAt, instantOf, notBefore, type When } from '../../platform/when';
import type { PersonRecord } from '../people/peopleRepository';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';

/** The review standards on the page, in the order the work goes. */
export const reviewRules = [
  'cic.first-review',
  'cic.second-review',
  'cic.subsequent-review',
  'cic.adjourned-review',
  'cic.review-setup-form',
  'cic.first-review-invitations',
  'cic.second-review-invitations',
  'cic.review-report-to-iro',
  'cic.review-plans-to-iro',
  'cic.review-report-signed-off',
  'cic.review-report-shared-with-child',
  'cic.outline-permanency-plan',
  'cic.iro-meets-social-worker',
  'cic.iro-sees-child',
  'cic.review-decisions',
  'cic.review-decisions-disputed',
  'cic.review-record',
  'cic.midterm-review',
  'adoption.first-review',
  'adoption.second-review',
  'adoption.review',
] as const;
/** Reviews for Children in Short Breaks 61-63. */
export const shortBreaksRules = ['short-breaks.first-review', 'short-breaks.review', 'cic.adjourned-review'] as const;

const yesNo = (message: string) => z.enum(['yes', 'no'], { error: message });
const heldSchema = z.object({
  decisions: requiredText('Enter the decisions and recommendations of the review', 10000, 'The decisions'),
  childParticipation: z.enum(choiceValues(participationLevels), { error: 'Select how the child took part' }),
  lastBeforeEighteen: yesNo("Select whether this is the young person's last review before they are 18"),
});
const auditSchema = z.object({
  planMeetsNeeds: yesNo("Select whether the care plan meets the child's current needs"),
  childsViews: yesNo("Select whether the child's wishes and feelings were given due consideration"),
  notes: optionalText(4000, 'Notes'),
});
const adjournSchema = z.object({ reason: requiredText('Enter why the review was adjourned, against the IRO Handbook criteria', 2000, 'Why it was adjourned') });
const notifySchema = z.object({
  change: z.enum(choiceValues(significantChanges), { error: 'Select the change' }),
  detail: requiredText('Enter what changed', 2000, 'What changed'),
});
const disagreeSchema = z.object({ disagreement: requiredText('Enter which actions and decisions you do not agree with, and why', 4000, 'The disagreement') });
const disputeSchema = z.object({
  stage: z.enum(choiceValues(disputeStages), { error: 'Select the stage' }),
  concern: requiredText('Enter the concern about the child’s care', 4000, 'The concern'),
  disputeId: optionalText(100, 'The dispute'),
});
const resolveSchema = z.object({ disputeId: requiredText('Select the dispute', 100, 'The dispute'), outcome: requiredText('Enter how it was resolved', 4000, 'How it was resolved') });

/**
 * Child in care reviews chaired by the IRO (issue 6; practice-standards.txt, Section 4: Reviews for
 * Children in Care 35-67): the preparation for each review by the social worker, the manager and the
 * IRO; the review itself, recorded only by an IRO; its decisions, full record, mid-term review and
 * the IRO's audit form; a manager's disagreement; an adjournment; significant changes the IRO is
 * told of (a change of care plan brings the review forward); and the IRO's dispute resolution.
 */
export function reviewService(people: PeopleService, standards: StandardsService) {
  const read = (stream: Parameters<typeof reviewStateOf>[0]) => reviewStateOf(stream);
  const inCare = (s: ReviewState | null) => (s?.inCare ? null : 'The child is not looked after: reviews are held while they are in care');
  const step = (context: RequestContext, personId: string, permission: Permission, refusal: (s: ReviewState | null) => string | null, field: string, events: Parameters<typeof recordStep<ReviewState>>[6]) =>
    recordStep(people, context, personId, permission, 'child.review_recorded', { read, refusal, field }, events);
  /** Done since the period began, and after the last review for what follows it. */
  const since = (state: ReviewState, at: Date, field: string, what: string) => {
    const last = state.reviews.at(-1);
    return notBefore(at, last?.at ?? state.startedAt!, field, last ? `${what} cannot be before the last review, ` : `${what} cannot be before the child came into care, `);
  };
  const mayPrepare = (context: RequestContext, record: PersonRecord, by: string) =>
    by === 'iro' ? can(context.actor, 'review:chair', record) : by === 'manager' ? managesRecord(context.actor, record) : can(context.actor, 'work:record', record) && holdsCase(context.actor, record);

  return {
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const state = read(stream);
      const iro = inCareOf(stream).iro;
      const obligations = (await standards.forPerson(personId)).filter((o) => o.obligation.outcome === 'open' || (state.startedAt !== null && o.obligation.startedAt >= state.startedAt));
      const chair = can(context.actor, 'review:chair', record);
      const write = can(context.actor, 'work:record', record) && holdsCase(context.actor, record);
      return {
        record,
        name: fullName(record.details),
        state,
        iro,
        earlyReview: earlyReviewNeeded(state),
        clocks: state.inCare ? clocksOf(obligations, reviewRules) : [],
        shortBreaksClocks: state.shortBreaks ? clocksOf(await standards.forPerson(personId), shortBreaksRules) : [],
        preparation: Object.entries(reviewPreparations).map(([key, p]) => ({ key, ...p, doneAt: state.preparation.get(p.type) ?? null, may: state.inCare && !state.preparation.has(p.type) && mayPrepare(context, record, p.by) })),
        followUp: Object.entries(reviewFollowUps).map(([key, p]) => ({ key, ...p, doneAt: state.followUp.get(p.type) ?? null, may: state.inCare && state.reviews.length > 0 && !state.followUp.has(p.type) && chair })),
        changes: significantChanges,
        stages: disputeStages,
        participation: participationLevels,
        may: { shortBreaks: Boolean(state.shortBreaks) && chair, hold: state.inCare && chair, chair: state.inCare && chair, write: state.inCare && write, disagree: state.inCare && state.reviews.length > 0 && !state.disputedDecisions && managesRecord(context.actor, record) },
      };
    },

    prepare(context: RequestContext, personId: string, which: ReviewPreparation, when: When) {
      const p = reviewPreparations[which];
      const permission: Permission = p.by === 'iro' ? 'review:chair' : 'work:record';
      return step(context, personId, permission, (s) => inCare(s) ?? (s!.preparation.has(p.type) ? `${p.title}: already recorded for the next review` : null), which, (state, now, record) => {
        if (p.by === 'manager' && !managesRecord(context.actor, record)) throw new ForbiddenError("The review report is signed off by a manager of the team that holds the case");
        // The social worker's part is the case holder's: the IRO does not record it for them.
        if (p.by === 'worker' && !holdsCase(context.actor, record)) throw new ForbiddenError(`${p.title}: recorded by the allocated worker and their team`);
        return [{ type: p.type, occurredAt: since(state, instantOf(when, now), when.fields?.date ?? 'occurredOn', 'This'), data: {} }];
      });
    },

    /** The review, recorded by the IRO who chaired it (Reviews for Children in Care 36). */
    hold(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'review:chair', inCare, 'decisions', (state, now) => {
        const { data, at } = checkedAt(heldSchema, body, when, now);
        const last = state.reviews.at(-1);
        if (last && at.getTime() <= last.at.getTime()) throw new ValidationError([{ field: 'occurredOn', message: `The review cannot be on or before the last one, ${formatDateTime(last.at)}: check the date and time` }]);
        notBefore(at, state.startedAt!, 'occurredOn', 'The review cannot be before the child came into care, ');
        return [{ type: 'cic.review_held', occurredAt: at, data: { decisions: data.decisions, summary: `Review ${state.reviews.length + 1}`, childParticipation: data.childParticipation, lastBeforeEighteen: data.lastBeforeEighteen === 'yes', chairId: context.actor.userId } }];
      });
    },

    followUp(context: RequestContext, personId: string, which: ReviewFollowUp, body: Record<string, unknown>, when: When) {
      const f = reviewFollowUps[which];
      return step(context, personId, 'review:chair', (s) => inCare(s) ?? (s!.reviews.length === 0 ? 'No review has been held yet' : s!.followUp.has(f.type) ? `${f.title}: already recorded for the last review` : null), which, (state, now) => {
        const data = which === 'audit' ? (({ planMeetsNeeds, childsViews, notes }) => ({ planMeetsNeeds: planMeetsNeeds === 'yes', childsViews: childsViews === 'yes', ...(notes ? { summary: notes } : {}) }))(checkedAt(auditSchema, body, null, now).data) : {};
        return [{ type: f.type, occurredAt: since(state, instantOf(when, now), when.fields?.date ?? 'occurredOn', 'This'), data }];
      });
    },

    /** A short breaks review, by the IRO (Reviews for Children in Short Breaks 61-62). */
    shortBreaksReview(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'review:chair', (s) => (s?.shortBreaks ? null : 'The child is not having short breaks'), 'shortBreaksDecisions', (state, now) => {
        const { data, at } = checkedAt(z.object({ shortBreaksDecisions: requiredText('Enter the decisions of the review', 10000, 'The decisions') }), body, when, now);
        notBefore(at, state.shortBreaks!.since, when.fields?.date ?? 'occurredOn', 'The review cannot be before the short breaks began, ');
        return [{ type: 'short_breaks.review_held', occurredAt: at, data: { summary: data.shortBreaksDecisions, chairId: context.actor.userId } }];
      });
    },

    /** A manager's disagreement with the review's decisions (Reviews for Children in Care 51). */
    disagree(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'work:record', (s) => inCare(s) ?? (s!.reviews.length === 0 ? 'No review has been held yet' : s!.disputedDecisions ? 'A disagreement with this review is already recorded' : null), 'disagreement', (_state, now, record) => {
        if (!managesRecord(context.actor, record)) throw new ForbiddenError("A disagreement with the review's decisions is the team manager's");
        return [{ type: 'cic.review_decisions_disputed', occurredAt: now, data: { summary: checkedAt(disagreeSchema, body, null, now).data.disagreement } }];
      });
    },

    adjourn(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'review:chair', (s) => inCare(s) ?? (s!.adjourned ? 'The review is already adjourned: record it when it is completed' : null), 'reason', (state, now) => {
        const { data, at } = checkedAt(adjournSchema, body, when, now);
        return [{ type: 'cic.review_adjourned', occurredAt: since(state, at, when.fields?.date ?? 'occurredOn', 'The adjournment'), data: { reason: data.reason } }];
      });
    },

    /** The social worker tells the IRO of a significant change (Reviews for Children in Care 65). */
    notify(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'work:record', inCare, 'change', (_state, now, record) => {
        if (!holdsCase(context.actor, record)) throw new ForbiddenError('A change is told to the IRO by the allocated worker and their team');
        const { data } = checkedAt(notifySchema, body, null, now);
        return [{ type: 'cic.iro_notified', occurredAt: now, data: { change: data.change, detail: data.detail, summary: `${significantChanges.find((c) => c.value === data.change)?.text}: ${data.detail}` } }];
      });
    },

    /** The IRO raises a concern, or takes an open one to its next stage (Reviews for Children in Care 66). */
    dispute(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'review:chair', inCare, 'stage', (state, now) => {
        const { data } = checkedAt(disputeSchema, body, null, now);
        const open = data.disputeId ? state.disputes.find((d) => d.id === data.disputeId && !d.resolved) : null;
        if (data.disputeId && !open) throw new ValidationError([{ field: 'disputeId', message: 'Select an open dispute to take further' }]);
        const refusal = disputeStepRefusal(open?.stage ?? null, data.stage);
        if (refusal) throw new ValidationError([{ field: 'stage', message: refusal }]);
        return [{ type: 'cic.dispute_raised', occurredAt: now, data: { disputeId: open?.id ?? randomUUID(), stage: data.stage, concern: data.concern } }];
      });
    },

    resolve(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'review:chair', inCare, 'disputeId', (state, now) => {
        const { data } = checkedAt(resolveSchema, body, null, now);
        if (!state.disputes.some((d) => d.id === data.disputeId && !d.resolved)) throw new ValidationError([{ field: 'disputeId', message: 'Select an open dispute' }]);
        return [{ type: 'cic.dispute_resolved', occurredAt: now, data: { disputeId: data.disputeId, outcome: data.outcome } }];
      });
    },
  };
}

export type ReviewService = ReturnType<typeof reviewService>;
