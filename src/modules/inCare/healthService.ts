import { z } from 'zod';
import { can, holdsCase } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { healthScheduleOf } from '../../domain/inCare/health';
import { convictionAsked, interventions, sdqNotDoneReasons } from '../../domain/inCare/healthOutcomes';
import { inCareOf, type InCareState } from '../../domain/inCare/inCareState';
import { fullName } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { mergeProblems, optionalText } from '../../platform/validation';
import { checkedAt, notBefore, type When } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import { clocksOf } from '../standards/obligationViews';
import { sdqNotDoneProblems, sdqNotDoneSchema, wellbeingData, wellbeingProblems, wellbeingSchema, type WellbeingAnswers } from './healthSchemas';
import type { StandardsService } from '../standards/standardsService';

export const healthRules = ['cic.health-assessment', 'cic.pep-meeting', 'cic.pep-meeting-termly'] as const;

export const healthForms = {
  assessment: {
    type: 'cic.health_assessment_completed',
    schema: z.object({ kind: z.enum(['initial', 'review'], { error: 'Select whether it was the initial or a review health assessment' }), summary: optionalText(2000, 'Notes') }),
  },
  sdq: {
    type: 'cic.sdq_completed',
    schema: z.object({
      score: z.string({ error: 'Enter the total difficulties score, from 0 to 40' }).trim().regex(/^(40|[1-3]?[0-9])$/, 'Enter the total difficulties score, a whole number from 0 to 40'),
      summary: optionalText(2000, 'Notes'),
    }),
  },
  check: {
    type: 'cic.health_check_completed',
    schema: z.object({ kind: z.enum(['dental', 'optician', 'medical'], { error: 'Select the check' }), summary: optionalText(2000, 'Notes') }),
  },
  pep: {
    type: 'cic.pep_meeting_held',
    schema: z.object({ epepUpToDate: z.enum(['yes', 'no'], { error: 'Select whether the PEP on ePEP is up to date' }), summary: optionalText(2000, 'Notes') }),
  },
  // What the SSDA903 OC2 table needs (issue 10; healthSchemas.ts): why there was no SDQ, and the year's health and wellbeing.
  sdqNotDone: { type: 'cic.sdq_not_completed', schema: sdqNotDoneSchema },
  wellbeing: { type: 'cic.health_outcomes_recorded', schema: wellbeingSchema },
} as const;

/** The problems a form's answers raise together with each other or the child's age, beside the schema's. */
const crossChecks: Partial<Record<HealthForm, (body: Record<string, unknown>, dateOfBirth: string | null, on: string) => { field: string; message: string }[]>> = {
  sdqNotDone: sdqNotDoneProblems,
  wellbeing: wellbeingProblems,
};
export type HealthForm = keyof typeof healthForms;

/**
 * Health and education of a child in care (issue 6; practice-standards.txt, Section 3: Children in
 * Care 24-25 and 40; resource-service-policy.txt 1.2): health assessments with the next due by age,
 * the SDQ, dental, optician and medical checks, and PEP meetings each term.
 */
export function healthService(clock: Clock, people: PeopleService, standards: StandardsService) {
  return {
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const care = inCareOf(stream);
      return {
        record,
        name: fullName(record.details),
        inCare: care.inCare,
        schedule: healthScheduleOf(stream, record.details.dateOfBirth, londonDate(clock.now())),
        peps: stream.filter((e) => e.type === 'cic.pep_meeting_held' && care.startedAt && e.occurredAt >= care.startedAt).map((e) => ({ at: e.occurredAt, upToDate: e.data.epepUpToDate === true })),
        clocks: care.inCare ? clocksOf(await standards.forPerson(personId), healthRules) : [],
        // The words of the OC2 forms; convictions are asked of a child 10 or over on the coming 31 March.
        words: { interventions, sdqNotDoneReasons },
        asksConviction: convictionAsked(record.details.dateOfBirth, londonDate(clock.now())),
        may: { write: care.inCare && can(context.actor, 'work:record', record) && holdsCase(context.actor, record) },
      };
    },

    record(context: RequestContext, personId: string, which: HealthForm, body: Record<string, unknown>, when: When) {
      const form = healthForms[which];
      return recordStep(
        people,
        context,
        personId,
        'work:record',
        'child.in_care_recorded',
        { read: (stream) => inCareOf(stream), refusal: (s: InCareState | null) => (s?.inCare ? null : 'The child is not looked after'), field: when.fields?.date ?? 'occurredOn' },
        (state, now, record) => {
          if (!holdsCase(context.actor, record)) throw new ForbiddenError('Health and education are recorded by the allocated worker and their team');
          const dateOfBirth = record.details.dateOfBirth;
          const { data, at } = checkedWith(form.schema as z.ZodType<Record<string, string>>, body, when, now, (on) => crossChecks[which]?.(body, dateOfBirth, on) ?? []);
          notBefore(at, state.startedAt!, when.fields?.date ?? 'occurredOn', 'This cannot be before the child came into care on ');
          if (which === 'wellbeing') return [{ type: form.type, occurredAt: at, data: wellbeingData(data as unknown as WellbeingAnswers, dateOfBirth, londonDate(at)) }];
          const stored: Record<string, unknown> = { ...data };
          if (which === 'sdq') stored.score = Number(data.score);
          if (which === 'pep') stored.epepUpToDate = data.epepUpToDate === 'yes';
          return [{ type: form.type, occurredAt: at, data: stored }];
        },
      );
    },
  };
}

/** The schema's problems and the cross-checks' (on the day it happened, or today if that is not a date), all at once. */
function checkedWith<T extends z.ZodType>(schema: T, body: Record<string, unknown>, when: When, now: Date, cross: (on: string) => { field: string; message: string }[]) {
  let result: { data: z.infer<T>; at: Date } | null = null;
  let problems: { field: string; message: string }[] = [];
  try {
    result = checkedAt(schema, body, when, now);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems = error.problems;
  }
  // In the order the form asks them (the date first), as the error summary lists them.
  const order = Object.keys((schema as unknown as { shape?: Record<string, unknown> }).shape ?? {});
  const all = mergeProblems(problems, cross(londonDate(result?.at ?? now))).sort((x, y) => order.indexOf(x.field) - order.indexOf(y.field));
  if (all.length > 0 || !result) throw new ValidationError(all);
  return result;
}

export type HealthService = ReturnType<typeof healthService>;
