import { can } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import { conclusionRefusals, hasSigned, safetyPlanOf, type SafetyPlanState } from '../../domain/safetyPlan/safetyPlan';
import type { RequestContext } from '../../platform/audit/auditLog';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { readDateInput } from '../../platform/validation';
import { documentKinds, documentsOf } from '../childDocuments/childDocuments';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import { formRows, formValuesOf, planTexts, readSafetyPlan } from './safetyPlanForm';

const planDocuments = ['words_and_pictures', 'safety_plan_signed'] as const;

/**
 * A child's safety plan (issue 5; practice-standards.txt, Section 2: Safety Planning 1-10): written
 * and revised as versions (interim after new information, full with the network), each network
 * member's signature on the current version, its conclusion (due three months after the initial
 * conference, standard 5), the "words and pictures" explanation and signed copies attached, and a
 * version for the family in plain words to print.
 */
export function safetyPlanService(people: PeopleService, standards: StandardsService) {
  const step = (context: RequestContext, personId: string, refusal: (s: SafetyPlanState | null) => string | null, field: string, events: Parameters<typeof recordStep<SafetyPlanState>>[6]) =>
    recordStep(people, context, personId, 'work:record', 'child.safety_plan_recorded', { read: (stream) => safetyPlanOf(stream), refusal, field }, events);
  const hasPlan = (s: SafetyPlanState | null) => (s?.current ? null : 'There is no safety plan yet: write it first');

  return {
    async view(context: RequestContext, personId: string, formValues?: Record<string, unknown>) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const state = safetyPlanOf(stream);
      const values = formValues ?? (state.current ? formValuesOf(state.current.content) : { kind: 'interim' });
      return {
        record,
        name: fullName(record.details),
        state,
        plan: state.current?.content ?? null,
        network: (state.current?.content.network ?? []).map((m) => ({ ...m, signed: state.signedBy.get(m.name.trim().toLowerCase()) ?? null })),
        conclusionProblems: conclusionRefusals(state),
        clocks: clocksOf(await standards.forPerson(personId), ['safety-plan.concluded']),
        documents: documentsOf(stream, planDocuments),
        documentKinds: documentKinds.filter((k) => (planDocuments as readonly string[]).includes(k.value)),
        planValues: values,
        rows: formRows(values),
        planTexts,
        may: { record: can(context.actor, 'work:record', record) },
      };
    },

    /** A new version of the plan: the whole plan as it now stands, the earlier versions kept. */
    record(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, () => null, 'kind', (state, now) => {
        const { plan, problems } = readSafetyPlan(body);
        if (!plan) throw new ValidationError(problems);
        const version = state.versions.length + 1;
        return [{ type: 'safety_plan.recorded', occurredAt: now, data: { version, plan, summary: `${plan.kind === 'interim' ? 'Interim safety plan' : 'Safety plan'}, version ${version}` } }];
      });
    },

    /** A network member's signed copy of the current version (Safety Planning 5), on the day they signed it. */
    sign(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, hasPlan, 'member', (state, now) => {
        const current = state.current!;
        const member = current.content.network.find((m) => m.name === body.member);
        const signedOn = readDateInput(body, 'signedOn', 'The date they signed', true);
        const problems = [];
        if (!member) problems.push({ field: 'member', message: 'Select who signed from the network' });
        else if (hasSigned(state, member.name)) problems.push({ field: 'member', message: `${member.name} has already signed this version` });
        if (signedOn.problem) problems.push(signedOn.problem);
        const today = londonDate(now);
        const written = londonDate(current.at);
        if (signedOn.value && signedOn.value > today) problems.push({ field: 'signedOn-day', message: 'The date they signed must be today or in the past' });
        else if (signedOn.value && signedOn.value < written) problems.push({ field: 'signedOn-day', message: `The date they signed cannot be before this version was written, ${written}` });
        if (problems.length > 0) throw new ValidationError(problems);
        return [{ type: 'safety_plan.network_signed', occurredAt: now, data: { version: current.version, member: member!.name, signedOn: signedOn.value, summary: `${member!.name} signed the safety plan (version ${current.version})` } }];
      });
    },

    conclude(context: RequestContext, personId: string) {
      return step(context, personId, hasPlan, 'conclude', (state, now) => {
        const problems = conclusionRefusals(state);
        if (problems.length > 0) throw new ValidationError(problems.map((message) => ({ field: 'conclude', message })));
        return [{ type: 'safety_plan.concluded', occurredAt: now, data: { version: state.current!.version } }];
      });
    },

    /** The current plan for the family to read and sign, in plain words (Safety Planning 5 and 10). */
    async forFamily(context: RequestContext, personId: string) {
      const [record] = await people.readRecords(context, [personId], 'child.safety_plan_printed');
      const state = safetyPlanOf(await people.streamOf(personId));
      if (!state.current) throw new NotFoundError('The safety plan');
      const name = record!.details.preferredName ?? record!.details.givenNames;
      return { record: record!, childName: name, fullName: fullName(record!.details), version: state.current, plan: state.current.content };
    },
  };
}

export type SafetyPlanService = ReturnType<typeof safetyPlanService>;
