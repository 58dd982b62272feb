import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { can, managesRecord } from '../../domain/access/can';
import { cinPlanEndRefusal, cinPlanEndings, cinPlanOf, cinPlanSources, suggestedSource, visitingArrangements, type CinPlanState } from '../../domain/cinPlan/cinPlanState';
import { fullName } from '../../domain/people/personDetails';
import { firstAndLastChairRefusal } from '../../domain/plans/chairedMeetings';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { choiceValues, optionalText, requiredText } from '../../platform/validation';
import { checkedAt, notBefore, type When } from '../../platform/when';
import type { PersonRecord } from '../people/peopleRepository';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import type { StaffDirectory } from '../staff/staffDirectory';

export const cinPlanRules = [
  'cin.visit',
  'cin.review',
  'cin.review-record',
  'cin.plan-amendments-signed-off',
  'cin.assessment-update',
  'supervision.cin-plan',
  'oversight.cin-plan',
  'cwd.cin-visit-agreed',
  'cwd.cin-visit-other-agreed',
  'cwd.cin-review-agreed',
] as const;

const startSchema = z.object({
  from: z.enum(choiceValues(cinPlanSources), { error: 'Select what the plan follows' }),
  reason: optionalText(2000, 'The decision the plan follows'),
});
const reviewSchema = z.object({
  chairId: requiredText('Select who chaired the review', 100, 'The chair'),
  attended: requiredText('Enter who attended', 2000, 'Who attended'),
  apologies: optionalText(2000, 'Apologies'),
  progress: requiredText('Enter the progress of the safety plan and the next steps', 10000, 'The progress and next steps'),
  amendments: optionalText(10000, 'The amendments'),
  last: z.enum(['yes', 'no']).optional(),
});
const arrangementSchema = z.object({
  arrangement: z.enum(choiceValues(visitingArrangements), { error: 'Select the visiting schedule agreed' }),
  rationale: requiredText('Enter why the schedule suits the child', 4000, 'The rationale'),
});
const endSchema = z.object({
  reason: z.enum(choiceValues(cinPlanEndings), { error: 'Select why the plan ends' }),
  summary: requiredText('Enter a summary of what the plan achieved and what happens next', 4000, 'The summary'),
});

const notOnPlan = (plan: CinPlanState | null) => (plan?.onPlan ? null : 'The child is not on a child in need plan: start one first');

/**
 * A child's child in need plan (issue 5; practice-standards.txt, Section 2: Child in Need Plans and
 * Reviews): started from the outcome it follows, its reviews with who attended and the chair (a
 * manager at the first and the last, standard 10), each review's record and plan amendments signed
 * off by a manager within two weeks (11, 15), a disabled child's agreed visiting schedule (Section 1:
 * Children with Disabilities 7-8), and its ending. Visits are recorded with Record work (cin.visit).
 */
export function cinPlanService(people: PeopleService, standards: StandardsService, staff: StaffDirectory) {
  const chairs = (record: PersonRecord) => staff.chairsOf(record.allocatedTeamId);
  async function disabledChildrensTeam(record: PersonRecord) {
    return record.allocatedTeamId !== null && (await staff.team(record.allocatedTeamId))?.specialism === 'disabled-children';
  }
  const step = (context: RequestContext, personId: string, refusal: (plan: CinPlanState | null) => string | null, field: string, events: Parameters<typeof recordStep<CinPlanState>>[6]) =>
    recordStep(people, context, personId, 'work:record', 'child.cin_plan_recorded', { read: (stream) => cinPlanOf(stream), refusal, field }, events);

  return {
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const plan = cinPlanOf(stream);
      const obligations = (await standards.forPerson(personId)).filter((o) => o.obligation.outcome === 'open' || (plan.startedAt !== null && o.obligation.startedAt >= plan.startedAt));
      const recordWork = can(context.actor, 'work:record', record);
      const manages = managesRecord(context.actor, record);
      return {
        record,
        name: fullName(record.details),
        plan,
        clocks: plan.onPlan ? clocksOf(obligations, cinPlanRules) : [],
        chairs: await chairs(record),
        sources: cinPlanSources,
        suggested: plan.onPlan ? null : suggestedSource(stream),
        endings: cinPlanEndings,
        arrangements: visitingArrangements,
        disabledChildren: await disabledChildrensTeam(record),
        may: {
          start: !plan.onPlan && recordWork,
          review: plan.onPlan && recordWork,
          signOff: plan.onPlan && manages && plan.reviews.some((r) => !r.signedOff),
          agreeSchedule: plan.onPlan && manages && !plan.arrangement,
          end: plan.onPlan && manages,
        },
      };
    },

    start(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, (plan) => (plan?.onPlan ? 'The child is already on a child in need plan' : null), 'from', (plan, now) => {
        const { data, at } = checkedAt(startSchema, body, when, now);
        if (data.from === 'other' && !data.reason) throw new ValidationError([{ field: 'reason', message: 'Enter the decision the plan follows' }]);
        // Dated before the last plan ended, it would sort inside that plan and be ended by its end.
        if (plan?.ended) notBefore(at, plan.ended.at, 'occurredOn', 'A new plan cannot start before the last one ended, on ');
        return [{ type: 'cin.plan_started', occurredAt: at, data: { from: data.from, ...(data.reason ? { reason: data.reason } : {}) } }];
      });
    },

    async review(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const options = await chairs(await people.record(context, personId, 'work:record'));
      return step(context, personId, notOnPlan, 'progress', (plan, now) => {
        const { data, at } = checkedAt(reviewSchema, body, when, now);
        notBefore(at, plan.startedAt!, 'occurredOn', 'A review of this plan cannot be before it started on ');
        const chair = options.find((c) => c.id === data.chairId);
        if (!chair) throw new ValidationError([{ field: 'chairId', message: 'Select who chaired the review from the list' }]);
        const held = plan.reviews.filter((r) => r.at.getTime() < at.getTime()).length;
        const refusal = firstAndLastChairRefusal(held, chair.manager, data.last === 'yes', 'child in need review');
        if (refusal) throw new ValidationError([{ field: 'chairId', message: refusal }]);
        return [
          {
            type: 'cin.review_held',
            occurredAt: at,
            data: {
              reviewId: randomUUID(),
              attended: data.attended,
              ...(data.apologies ? { apologies: data.apologies } : {}),
              summary: data.progress,
              ...(data.amendments ? { amendments: data.amendments } : {}),
              chair: chair.name,
              chairWasManager: chair.manager,
              last: data.last === 'yes',
            },
          },
        ];
      });
    },

    /** A manager reads the oldest unsigned review's record and plan amendments and signs both off (standards 11 and 15: within two weeks). */
    signOff(context: RequestContext, personId: string) {
      return step(context, personId, (plan) => notOnPlan(plan) ?? (plan!.reviews.some((r) => !r.signedOff) ? null : 'No review record is waiting to be signed off'), 'signOff', (plan, now, record) => {
        if (!managesRecord(context.actor, record)) throw new ForbiddenError('Child in need review records are signed off by a manager of the team that holds the case');
        const review = plan.reviews.find((r) => !r.signedOff)!;
        return [
          { type: 'cin.review_record_signed_off', occurredAt: now, data: { reviewId: review.reviewId } },
          { type: 'cin.plan_amendments_signed_off', occurredAt: now, data: { reviewId: review.reviewId } },
        ];
      });
    },

    /**
     * The Team Manager agrees a disabled child's visiting schedule, recorded as a management
     * oversight (Children with Disabilities 8). For other children in need the 15 working day
     * minimum stands (Child in Need Plans and Reviews 1).
     */
    async agreeSchedule(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const record = await people.record(context, personId, 'work:record');
      if (!(await disabledChildrensTeam(record))) {
        throw new ValidationError([{ field: 'arrangement', message: "Only the Disabled Children's Team's children have another visiting schedule: for other children in need the 15 working day minimum stands" }]);
      }
      return step(context, personId, (plan) => notOnPlan(plan) ?? (plan!.arrangement ? 'A visiting schedule has already been agreed for this plan' : null), 'arrangement', (_plan, now, locked) => {
        if (!managesRecord(context.actor, locked)) throw new ForbiddenError("Another visiting schedule is agreed by the team's manager");
        const { data } = checkedAt(arrangementSchema, body, null, now);
        return [
          { type: 'cwd.visiting_frequency_agreed', occurredAt: now, data: { arrangement: data.arrangement, rationale: data.rationale } },
          { type: 'oversight.recorded', occurredAt: now, data: { summary: `Visiting schedule agreed: ${visitingArrangements.find((a) => a.value === data.arrangement)?.text}. ${data.rationale}` } },
        ];
      });
    },

    end(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, notOnPlan, 'reason', (plan, now, record) => {
        if (!managesRecord(context.actor, record)) throw new ForbiddenError('A child in need plan is ended by a manager of the team that holds the case');
        const { data, at } = checkedAt(endSchema, body, when, now);
        const refusal = cinPlanEndRefusal(plan, data.reason, at);
        if (refusal) throw new ValidationError([{ field: 'reason', message: refusal }]);
        return [{ type: 'cin.plan_ended', occurredAt: at, data: { reason: data.reason, summary: data.summary } }];
      });
    },
  };
}

export type CinPlanService = ReturnType<typeof cinPlanService>;
