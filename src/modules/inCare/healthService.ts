import { z } from 'zod';
import { can, holdsCase } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { healthScheduleOf } from '../../domain/inCare/health';
import { inCareOf, type InCareState } from '../../domain/inCare/inCareState';
import { fullName } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { ForbiddenError } from '../../platform/errors';
import { optionalText } from '../../platform/validation';
import { checkedAt, notBefore, type When } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import { clocksOf } from '../standards/obligationViews';
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
} as const;
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
          const { data, at } = checkedAt(form.schema as z.ZodType<Record<string, string>>, body, when, now);
          notBefore(at, state.startedAt!, when.fields?.date ?? 'occurredOn', 'This cannot be before the child came into care on ');
          const stored: Record<string, unknown> = { ...data };
          if (which === 'sdq') stored.score = Number(data.score);
          if (which === 'pep') stored.epepUpToDate = data.epepUpToDate === 'yes';
          return [{ type: form.type, occurredAt: at, data: stored }];
        },
      );
    },
  };
}

export type HealthService = ReturnType<typeof healthService>;
