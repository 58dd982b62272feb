import { z } from 'zod';
import { can } from '../../domain/access/can';
import { ageOn, londonDate } from '../../domain/calendar/localDate';
import { careLeaverFactsOf, careLeaverStatus, careLeaverStatuses, carePeriodsOf, statusHistory } from '../../domain/careLeaver/careLeaverStatus';
import { fullName } from '../../domain/people/personDetails';
import type { WorkflowEvent } from '../../domain/records/events';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { choiceValues, optionalText, requiredText } from '../../platform/validation';
import { checkedAt } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import type { StaffDirectory } from '../staff/staffDirectory';

export const careLeaverRules = ['care-leaver.pa-allocated', 'care-leaver.contact', 'care-leaver.pathway-plan', 'care-leaver.pathway-plan-shared', 'care-leaver.benefits', 'care-leaver.chronology'] as const;
/** The Transitions Team's referrals for a disabled young person (Section 1: Children with Disabilities 20-26). */
export const transitionsRules = ['cwd.transitions-notification', 'cwd.transitions-referral-in-care', 'cwd.transitions-referral'] as const;
const transitionsSteps = { notified: 'transitions.team_notified', referred: 'transitions.referral_made', ruledOut: 'transitions.need_ruled_out' } as const;
export type TransitionsStep = keyof typeof transitionsSteps;

/** Education, training or employment (Care Leavers 7), and accommodation, as the update records them. */
export const activities = [
  { value: 'education', text: 'In education' },
  { value: 'training', text: 'In training or an apprenticeship' },
  { value: 'employment', text: 'In employment' },
  { value: 'neet', text: 'Not in education, employment or training (NEET)' },
  { value: 'unable', text: 'Not able to work or study (illness, disability, caring, pregnancy or parenting)' },
] as const;
export const accommodations = [
  { value: 'with_former_carers', text: 'Staying put with former foster carers' },
  { value: 'supported', text: 'Supported accommodation or lodgings' },
  { value: 'independent', text: 'Independent living' },
  { value: 'with_family', text: 'With parents or relatives' },
  { value: 'higher_education', text: 'University or college accommodation' },
  { value: 'custody', text: 'In custody' },
  { value: 'no_fixed_abode', text: 'No fixed abode, or homeless' },
  { value: 'not_known', text: 'Not known: not in touch' },
] as const;

const circumstancesSchema = z.object({
  age: z.enum(['17', '18', '19', '20', '21'], { error: 'Select the birthday this update is for' }),
  activity: z.enum(choiceValues(activities), { error: 'Select what the young person is doing' }),
  accommodation: z.enum(choiceValues(accommodations), { error: 'Select where the young person lives' }),
  suitable: z.enum(['yes', 'no'], { error: 'Select whether the accommodation is suitable' }),
  inTouch: z.enum(['yes', 'no'], { error: 'Select whether the young person is in touch' }),
  neetPlan: optionalText(4000, 'The NEET action plan'),
});
const returnSchema = z.object({ request: requiredText('Enter what the young person asked for', 2000, 'What they asked for') });
const pathwaySchema = z.object({
  views: requiredText("Enter the young person's views, wishes and feelings", 5000, 'Their views'),
  independence: requiredText('Enter the preparation for independence and move-on accommodation', 5000, 'Preparation for independence'),
  wellbeing: requiredText('Enter their emotional wellbeing needs', 5000, 'Emotional wellbeing'),
  eet: requiredText('Enter the education, training and employment plan', 5000, 'Education, training and employment'),
  finance: requiredText('Enter their financial and benefit needs', 5000, 'Finance'),
  tripleplanning: optionalText(5000, 'Triple planning'),
});

/**
 * Care leavers (issue 6; practice-standards.txt, Section 3: Care Leavers 1-25): the status worked
 * out from the care history and date of birth, with its reasons and every change to it; the
 * personal adviser; the circumstances updated on the 17th to 21st birthdays (with a NEET action
 * plan); the pathway plan and its copy to the young person; a return for support up to 25.
 */
export function careLeaverService(clock: Clock, people: PeopleService, standards: StandardsService, staff: StaffDirectory) {
  type State = { stream: readonly WorkflowEvent[] };
  const step = (context: RequestContext, personId: string, field: string, events: Parameters<typeof recordStep<State>>[6]) =>
    recordStep(people, context, personId, 'work:record', 'child.care_leaver_recorded', { read: (stream) => ({ stream }), refusal: () => null, field }, events);
  async function advisers() {
    return staff.withRole('personal-adviser');
  }

  return {
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const today = londonDate(clock.now());
      const dateOfBirth = record.details.dateOfBirth;
      const periods = carePeriodsOf(stream);
      const facts = careLeaverFactsOf(stream);
      const now = dateOfBirth ? careLeaverStatus(dateOfBirth, periods, facts, today) : null;
      const pa = [...stream].reverse().find((e) => e.type === 'care_leaver.pa_allocated');
      const plans = stream.filter((e) => e.type === 'care_leaver.pathway_plan_completed');
      const latestUpdate = [...stream].reverse().find((e) => e.type === 'care_leaver.circumstances_updated');
      const write = can(context.actor, 'work:record', record);
      const obligations = await standards.forPerson(personId);
      return {
        record,
        name: fullName(record.details),
        age: dateOfBirth ? ageOn(dateOfBirth, today) : null,
        status: now ? { ...now, label: careLeaverStatuses[now.status] } : null,
        history: dateOfBirth ? statusHistory(dateOfBirth, periods, facts, today).map((h) => ({ ...h, label: careLeaverStatuses[h.status] })) : [],
        pa: pa ? { name: String(pa.data.pa ?? pa.recordedByName ?? ''), at: pa.occurredAt } : null,
        latestUpdate: latestUpdate ? { at: latestUpdate.occurredAt, ...(latestUpdate.data as Record<string, unknown>) } : null,
        latestPlan: plans.at(-1) ? { at: plans.at(-1)!.occurredAt, byName: plans.at(-1)!.recordedByName, ...(plans.at(-1)!.data as Record<string, string>) } : null,
        planShared: plans.length > 0 && stream.some((e) => e.type === 'care_leaver.pathway_plan_shared' && e.occurredAt >= plans.at(-1)!.occurredAt),
        uasc: record.details.uasc === true,
        clocks: clocksOf(obligations, careLeaverRules),
        transitions: clocksOf(obligations, transitionsRules),
        transitionsDone: Object.fromEntries(Object.entries(transitionsSteps).map(([k, type]) => [k, stream.find((e) => e.type === type)?.occurredAt ?? null])),
        activities,
        accommodations,
        advisers: write ? await advisers() : [],
        may: { write },
      };
    },

    async allocateAdviser(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const options = await advisers();
      return step(context, personId, 'paId', (_s, now) => {
        const pa = options.find((o) => o.id === body.paId);
        if (!pa) throw new ValidationError([{ field: 'paId', message: 'Select the personal adviser from the list' }]);
        return [{ type: 'care_leaver.pa_allocated', occurredAt: now, data: { pa: pa.name, paId: pa.id, summary: `Personal adviser: ${pa.name}` } }];
      });
    },

    /** The "update care leaver's circumstances" step for a birthday from the 17th to the 21st (Care Leavers 17), with a NEET action plan (7). */
    updateCircumstances(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'age', (_s, now) => {
        const d = checkedAt(circumstancesSchema, body, null, now).data;
        if (d.activity === 'neet' && !d.neetPlan) throw new ValidationError([{ field: 'neetPlan', message: 'Enter the NEET action plan (Care Leavers 7)' }]);
        return [
          {
            type: 'care_leaver.circumstances_updated',
            occurredAt: now,
            data: { age: Number(d.age), activity: d.activity, accommodation: d.accommodation, suitable: d.suitable === 'yes', inTouch: d.inTouch === 'yes', ...(d.neetPlan ? { neetPlan: d.neetPlan } : {}), summary: `Circumstances at ${d.age}: ${activities.find((a) => a.value === d.activity)?.text}; ${accommodations.find((a) => a.value === d.accommodation)?.text}` },
          },
        ];
      });
    },

    /** The pathway plan (Care Leavers 9-10; triple planning for an unaccompanied asylum-seeking young person, 24). */
    async pathwayPlan(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const record = await people.record(context, personId, 'work:record');
      return step(context, personId, 'views', (_s, now) => {
        const plan = checkedAt(pathwaySchema, body, null, now).data;
        if (record.details.uasc === true && !plan.tripleplanning) throw new ValidationError([{ field: 'tripleplanning', message: 'Enter the triple planning: for staying in the UK, for a return, and for the meantime (Care Leavers 24)' }]);
        return [{ type: 'care_leaver.pathway_plan_completed', occurredAt: now, data: { ...plan } }];
      });
    },

    pathwayPlanShared(context: RequestContext, personId: string) {
      return recordStep(
        people,
        context,
        personId,
        'work:record',
        'child.care_leaver_recorded',
        { read: (stream) => stream.filter((e) => e.type === 'care_leaver.pathway_plan_completed').at(-1) ?? null, refusal: (plan) => (plan ? null : 'There is no pathway plan to give yet'), field: 'shared' },
        (_plan, now) => [{ type: 'care_leaver.pathway_plan_shared', occurredAt: now, data: {} }],
      );
    },

    /** The Transitions Team told of, or referred, a disabled young person likely to need adult services; or that need ruled out, with why. */
    transitions(context: RequestContext, personId: string, which: TransitionsStep, body: Record<string, unknown>) {
      return recordStep(
        people,
        context,
        personId,
        'work:record',
        'child.care_leaver_recorded',
        { read: (stream) => stream, refusal: (stream) => (stream?.some((e) => e.type === transitionsSteps[which]) ? 'Already recorded' : null), field: which },
        (_s, now) => {
          const note = checkedAt(z.object({ note: optionalText(2000, 'The note') }), body, null, now).data.note ?? '';
          if (which === 'ruledOut' && !note) throw new ValidationError([{ field: 'note', message: 'Enter why the young person is not likely to need adult services' }]);
          return [{ type: transitionsSteps[which], occurredAt: now, data: note ? { summary: note } : {} }];
        },
      );
    },

    /** A former relevant young person over 21 asks to return for support, up to 25 (Care Leavers, Extension to 25). */
    returnedForSupport(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'request', ({ stream }, now, record) => {
        // The status from the record as it stands under the lock: a return is for those whose support has ended.
        const dateOfBirth = record.details.dateOfBirth;
        const status = dateOfBirth ? careLeaverStatus(dateOfBirth, carePeriodsOf(stream), careLeaverFactsOf(stream), londonDate(now)).status : null;
        if (status !== 'support_ended') throw new ValidationError([{ field: 'request', message: 'A return for support is for a former relevant young person aged 21 to 25 whose support has ended' }]);
        const { request } = checkedAt(returnSchema, body, null, now).data;
        return [{ type: 'care_leaver.returned_for_support', occurredAt: now, data: { summary: request } }];
      });
    },
  };
}

export type CareLeaverService = ReturnType<typeof careLeaverService>;
