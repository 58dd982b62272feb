import { z } from 'zod';
import { can, managesRecord } from '../../domain/access/can';
import type { Permission } from '../../domain/access/permissions';
import { fullName } from '../../domain/people/personDetails';
import { enquiryOutcomes, enquiryStepRefusal, latestEnquiry, type EnquiryState, type EnquiryStep } from '../../domain/section47/enquiryState';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ForbiddenError } from '../../platform/errors';
import { choiceValues, optionalText, requiredText } from '../../platform/validation';
import { checkedAt, notBefore, type When } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import type { PersonRecord } from '../people/peopleRepository';
import { recordStep } from '../people/recordStep';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';

/** The enquiry's timescales (practice-standards.txt, Section 2: Section 47 Enquiries 1-6), in the order the work goes. */
export const enquiryRules = ['s47.workflow-triggered', 's47.child-visited', 's47.safety-plan', 's47.agency-checks', 's47.complete', 's47.management-oversight'] as const;

/** What the enquiry records happened after the strategy meeting that started it: one dated before is refused, not left to leave its clock open. */
const afterThreshold = (state: EnquiryState, at: Date, field: string) => notBefore(at, state.thresholdMetAt, field, 'This cannot be before the strategy meeting that found the threshold met, ');

const outcomeValues = choiceValues(enquiryOutcomes);
const visitSchema = z
  .object({
    seenAlone: z.enum(['yes', 'no'], { error: 'Select whether the child was seen alone' }),
    whyNotSeenAlone: optionalText(1000, 'Why the child was not seen alone'),
  })
  .refine((v) => v.seenAlone === 'yes' || Boolean(v.whyNotSeenAlone), { path: ['whyNotSeenAlone'], message: 'Say why the child was not seen alone (for example, the parents did not consent)' });
const safetyPlanSchema = z.object({
  plan: requiredText('Enter the safety plan agreed with the family', 10000, 'The safety plan'),
  present: requiredText('Enter who agreed it', 1000, 'Who agreed it'),
});
const checksSchema = z.object({ agencies: requiredText('Enter the agencies checked with, and what they said', 10000, 'The agency checks') });
const completeSchema = z.object({
  outcome: z.enum(outcomeValues, { error: 'Select the recommended next step' }),
  recommendation: requiredText('Enter the recommendation and why', 10000, 'The recommendation'),
});
const oversightSchema = z.object({ oversight: requiredText('Enter your management oversight of the enquiry', 10000, 'The management oversight') });

/**
 * The Section 47 enquiry (issue 5): triggered by a manager within 24 hours of the strategy meeting
 * that found the threshold met, the child visited and seen alone (with the parents' consent) or
 * why not, the safety plan (also a case note), the agency checks, completion with the recommended
 * next step within 5 working days, and a manager's oversight in the same 5 working days.
 */
export function section47Service(people: PeopleService, standards: StandardsService) {
  const read = (stream: Parameters<typeof latestEnquiry>[0]) => latestEnquiry(stream);
  function step(context: RequestContext, personId: string, permission: Permission, which: EnquiryStep, events: (state: EnquiryState, now: Date, record: PersonRecord) => { type: string; occurredAt: Date; data: Record<string, unknown> }[]) {
    return recordStep(people, context, personId, permission, 'child.enquiry_recorded', { read, refusal: (s) => enquiryStepRefusal(s, which), field: which }, events);
  }

  return {
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const state = read(await people.streamOf(personId));
      const obligations = state ? (await standards.forPerson(personId)).filter((o) => o.obligation.startedAt.getTime() >= state.thresholdMetAt.getTime()) : [];
      const write = can(context.actor, 'work:record', record);
      const open = (which: EnquiryStep) => !enquiryStepRefusal(state, which);
      return {
        record,
        name: fullName(record.details),
        state,
        clocks: clocksOf(obligations, enquiryRules),
        outcomes: enquiryOutcomes,
        may: {
          start: can(context.actor, 'strategy:chair', record) && open('start'),
          visit: write && open('visit'),
          safetyPlan: write && open('safetyPlan'),
          agencyChecks: write && open('agencyChecks'),
          complete: write && open('complete'),
          oversight: managesRecord(context.actor, record) && open('oversight'),
        },
      };
    },

    start: (context: RequestContext, personId: string) => step(context, personId, 'strategy:chair', 'start', (_s, now) => [{ type: 's47.started', occurredAt: now, data: {} }]),

    visit: (context: RequestContext, personId: string, body: Record<string, unknown>, when: When) =>
      step(context, personId, 'work:record', 'visit', (state, now) => {
        const { data, at } = checkedAt(visitSchema, body, when, now);
        return [{ type: 's47.child_visited', occurredAt: afterThreshold(state, at, when.fields?.date ?? 'occurredOn'), data: { seenAlone: data.seenAlone === 'yes', ...(data.whyNotSeenAlone ? { whyNotSeenAlone: data.whyNotSeenAlone } : {}) } }];
      }),

    /** The safety plan agreed with the family, "recorded as a case note" (Section 47 Enquiries 3): both, in one change. */
    safetyPlan: (context: RequestContext, personId: string, body: Record<string, unknown>, when: When) =>
      step(context, personId, 'work:record', 'safetyPlan', (state, now) => {
        const { data, at } = checkedAt(safetyPlanSchema, body, when, now);
        afterThreshold(state, at, when.fields?.date ?? 'occurredOn');
        return [
          { type: 's47.safety_plan_agreed', occurredAt: at, data: { summary: data.plan } },
          { type: 'case_note.recorded', occurredAt: at, data: { noteType: 'meeting', present: data.present, facts: `Safety plan agreed for the Section 47 enquiry: ${data.plan}`, significant: false } },
        ];
      }),

    agencyChecks: (context: RequestContext, personId: string, body: Record<string, unknown>, when: When) =>
      step(context, personId, 'work:record', 'agencyChecks', (state, now) => {
        const { data, at } = checkedAt(checksSchema, body, when, now);
        return [{ type: 's47.agency_checks_completed', occurredAt: afterThreshold(state, at, when.fields?.date ?? 'occurredOn'), data: { summary: data.agencies } }];
      }),

    complete: (context: RequestContext, personId: string, body: Record<string, unknown>) =>
      step(context, personId, 'work:record', 'complete', (_s, now) => {
        const { data } = checkedAt(completeSchema, body, null, now);
        return [{ type: 's47.completed', occurredAt: now, data: { outcome: data.outcome, summary: data.recommendation } }];
      }),

    /** A manager's oversight of the enquiry (Section 47 Enquiries 6): a manager of the team holding the case. */
    oversight: (context: RequestContext, personId: string, body: Record<string, unknown>) =>
      step(context, personId, 'work:record', 'oversight', (_s, now, record) => {
        // Refused inside the record's transaction, so the refusal is audited like any other (recordChange.ts).
        if (!managesRecord(context.actor, record)) throw new ForbiddenError('Management oversight is recorded by an assistant team manager, team manager or service manager of the team that holds the case');
        const { data } = checkedAt(oversightSchema, body, null, now);
        return [{ type: 'oversight.recorded', occurredAt: now, data: { summary: data.oversight, about: 'Section 47 enquiry' } }];
      }),

  };
}

export type Section47Service = ReturnType<typeof section47Service>;
