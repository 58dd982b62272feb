import { z } from 'zod';
import { addDays, ageOn, londonDate } from '../../domain/calendar/localDate';
import { fosteringEvent, temporaryApprovalRefusal, temporaryApprovalWeeks, temporaryExtensionRefusal, temporaryExtensionWeeks } from '../../domain/fostering/recruitment';
import type { Terms } from '../../domain/fostering/terms';
import { fullName } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import { requiredText } from '../../platform/validation';
import { formatDate } from '../../platform/views/filters';
import { dateIn, instantOn, notBeforeDay, parseForm, refuse } from './fosteringForms';
import { fosteringAudit, type StepKit, type RelatedChildren } from './fosteringStepKit';

/** Connected persons: viability assessments and temporary approval (7.4.2; Care Planning, Placement and Case Review Regulations 2010, regs 24-25). */
export function connectedPersonSteps(kit: StepKit, relatedChildren: RelatedChildren) {
  const { step, work } = kit;
  return {
    /** A connected person's viability assessment for a child they know (7.4.2: with the child's social worker). */
    async viability(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const children = await relatedChildren(context, personId);
      return work(context, personId, (_s, now) => {
        const on = dateIn(body, 'viabilityOn', 'Date of the viability assessment', now);
        const d = parseForm(z.object({
          viabilityChildId: z.string({ error: 'Select the child' }).min(1, 'Select the child'),
          viabilityOutcome: z.enum(['positive', 'negative'], { error: 'Select the outcome of the viability assessment' }),
          viabilitySummary: requiredText('Enter the findings of the viability assessment', 5000, 'Findings'),
        }), body, on);
        const child = children.find((c) => c.id === d.viabilityChildId) ?? refuse('viabilityChildId', 'Select a child from their relationships');
        return [{ type: fosteringEvent.viabilityAssessed, occurredAt: instantOn(on.value!, now), data: { childId: child.id, childName: child.name, outcome: d.viabilityOutcome, summary: `Viability assessment to care for ${child.name}: ${d.viabilityOutcome}. ${d.viabilitySummary}` } }];
      });
    },

    /**
     * Temporary approval of a connected person for a named child (Care Planning, Placement and
     * Case Review (England) Regulations 2010 reg 24): by the nominated officer, for up to 16 weeks,
     * after a positive viability assessment.
     */
    async temporaryApproval(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const children = await relatedChildren(context, personId);
      return step(context, personId, 'adm:decide', fosteringAudit.decision, (s, now, record) => {
        const on = dateIn(body, 'temporaryOn', 'Date of the temporary approval', now);
        const d = parseForm(z.object({
          temporaryChildId: z.preprocess((v) => (v === undefined || v === '' ? [] : [v].flat()), z.array(z.string()).min(1, 'Select the child or children')),
          temporaryReasons: requiredText('Enter why an immediate placement with them is in the child’s interests', 3000, 'Reasons'),
        }), body, on);
        const named = d.temporaryChildId.map((id) => children.find((c) => c.id === id) ?? refuse('temporaryChildId', 'Select children from their relationships'));
        for (const child of named) {
          const refusal = temporaryApprovalRefusal(s, child.id);
          if (refusal) refuse('temporaryChildId', named.length > 1 ? `${child.name}: ${refusal}` : refusal);
          // On the positive viability assessment: not before it (reg 24).
          const viability = s.viability.filter((v) => v.childId === child.id).at(-1)!;
          notBeforeDay(on.value!, viability.on, 'temporaryOn', 'The temporary approval', `the viability assessment for ${child.name}`);
        }
        const ages = named.map((c) => (c.dateOfBirth ? ageOn(c.dateOfBirth, on.value!) : 0));
        const terms: Terms = { children: Math.min(6, named.length), ageFrom: Math.min(...ages), ageTo: Math.min(20, Math.max(...ages) + 1), gender: 'any', careTypes: ['family_and_friends'], namedChildIds: named.map((c) => c.id) };
        const until = addDays(on.value!, temporaryApprovalWeeks * 7);
        return [{ type: fosteringEvent.carerApproved, occurredAt: instantOn(on.value!, now), data: { terms, approvalKind: 'temporary_connected_person', decisionOn: on.value, until, reasons: d.temporaryReasons, summary: `${fullName(record.details)} temporarily approved as a connected person for ${named.map((c) => c.name).join(' and ')} until ${formatDate(until)} (reg 24)` } }];
      });
    },

    extendTemporary(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'adm:decide', fosteringAudit.decision, (s, now) => {
        const until = dateIn(body, 'extendUntil', 'New end date', now, { future: true });
        const d = parseForm(z.object({ extendReason: requiredText('Enter why the full assessment is not yet complete', 2000, 'Reason') }), body, until);
        const refusal = temporaryExtensionRefusal(s);
        if (refusal) refuse('extendUntil', refusal);
        const latest = addDays(s.temporary!.expiresOn, temporaryExtensionWeeks * 7);
        if (until.value! <= s.temporary!.expiresOn || until.value! > latest) refuse('extendUntil', `The new end date must be after ${formatDate(s.temporary!.expiresOn)} and no later than ${formatDate(latest)} (8 weeks more)`);
        return [{ type: fosteringEvent.temporaryApprovalExtended, occurredAt: now, data: { until: until.value, reason: d.extendReason, summary: `Temporary approval extended until ${formatDate(until.value!)}: ${d.extendReason}` } }];
      });
    },

    /** A temporary approval that ran out without full approval ends. */
    temporaryLapsed(context: RequestContext, personId: string) {
      return work(context, personId, (s, now) => {
        if (!s.temporary || s.ended) refuse('lapsed', 'There is no temporary approval in force');
        if (londonDate(now) <= s.temporary!.expiresOn) refuse('lapsed', `The temporary approval runs until ${formatDate(s.temporary!.expiresOn)}`);
        return [{ type: fosteringEvent.approvalEnded, occurredAt: now, data: { reason: 'temporary_approval_lapsed', summary: `Temporary approval lapsed on ${formatDate(s.temporary!.expiresOn)} without full approval` } }];
      });
    },
  };
}
