import { z } from 'zod';
import { awaitingDisruptionReview, disruptionCauses, noticeRefusal, providerDocuments, stabilityAttendees, type PlacementsState } from '../../domain/placements/placementState';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ValidationError } from '../../platform/errors';
import { checkboxes, choiceValues, optionalText, readDateInput, requiredText } from '../../platform/validation';
import { checkedAt, notBefore, type When } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import { placed, placementStep } from './placementStep';

const planningSchema = z.object({
  attendees: requiredText('Enter who attended the placement planning meeting', 2000, 'Who attended'),
  delegatedAuthority: requiredText('Enter the delegated authority confirmed: what the carers may agree to without asking', 4000, 'The delegated authority'),
  placementPlan: requiredText('Enter the placement plan agreed', 5000, 'The placement plan'),
  supportNeeds: requiredText("Enter the initial support plan: the support the placement needs, and who gives it", 5000, 'The initial support plan'),
});
const meetingSchema = z.object({
  attendees: checkboxes(z.enum(choiceValues(stabilityAttendees), { error: 'Select who attended from the list' })).refine((a) => a.length > 0, 'Select who attended'),
  concerns: requiredText('Enter the signs the placement is becoming unstable', 4000, 'The concerns'),
  supportPlanReview: requiredText('Enter the review of the support plan: the plan must be reviewed at every meeting', 4000, 'The review of the support plan'),
  agreed: requiredText('Enter what was agreed to keep the placement', 4000, 'What was agreed'),
});
const panelSchema = z.object({
  service: requiredText('Enter the service considered essential to achieve stability', 2000, 'The service needed'),
  reason: requiredText('Enter why escalation is needed', 4000, 'Why'),
});
const noticeSchema = z.object({ reason: requiredText("Enter the provider's reasons for giving notice", 4000, 'The reasons') });
const acceptSchema = z.object({ options: requiredText('Enter the options explored to keep the placement, and why the notice is accepted', 4000, 'The options explored') });
const reviewSchema = z.object({
  placementId: z.string({ error: 'Select the placement reviewed' }).min(1, 'Select the placement reviewed'),
  causes: checkboxes(z.enum(choiceValues(disruptionCauses), { error: 'Select the causes from the list' })).refine((c) => c.length > 0, 'Select at least one cause'),
  learning: requiredText('Enter what is learned for future placements', 4000, 'What is learned'),
});
const qualitySchema = z.object({
  findings: requiredText('Enter what the visit found', 5000, 'The findings'),
  actions: optionalText(4000, 'The actions'),
  documentsHeld: checkboxes(z.enum(choiceValues(providerDocuments), { error: 'Select the documents from the list' })),
});

/**
 * Keeping a placement stable and of good quality (resource-service-policy.txt 1.1, 1.2, 4.2;
 * placement-stability-guidance.txt): the placement planning meeting with delegated authority and
 * the initial support plan; Placement Stability (Support) Meetings reviewing the plan; escalation to
 * the Placement Stability Panel; Notices to Quit, accepted only after a stability meeting;
 * disruption reviews after a breakdown; the Resource Service's quality visits.
 */
export function stabilityService(people: PeopleService) {
  const step = (context: RequestContext, personId: string, permission: 'child:read' | 'placement:match', refusal: (s: PlacementsState | null) => string | null, field: string, events: (state: PlacementsState, now: Date) => { type: string; occurredAt: Date; data: Record<string, unknown> }[]) =>
    placementStep(people)(context, personId, permission, refusal, field, (state, now) => events(state, now));
  const since = (state: PlacementsState, at: Date, when: When) => notBefore(at, state.current!.from, when.fields?.date ?? 'occurredOn', 'This cannot be before the placement began, on ');

  return {
    /** "A Placement Planning Meeting confirming delegated authority must take place every time a child ... changes their placement", with the initial support plan completed at it. */
    planningMeeting(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'child:read', placed, 'attendees', (state, now) => {
        const { data, at } = checkedAt(planningSchema, body, when, now);
        since(state, at, when);
        const placementId = state.current!.placementId;
        return [
          { type: 'cic.placement_planning_meeting_held', occurredAt: at, data: { placementId, attendees: data.attendees, delegatedAuthority: data.delegatedAuthority, placementPlan: data.placementPlan, summary: 'Placement planning meeting: delegated authority confirmed' } },
          { type: 'placements.initial_support_plan_completed', occurredAt: at, data: { placementId, supportNeeds: data.supportNeeds } },
        ];
      });
    },

    /** A Placement Stability (Support) Meeting, the initial support plan reviewed at it (the guidance: "must be reviewed at this meeting and at all subsequent placement support meetings"). */
    stabilityMeeting(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'child:read', placed, 'attendees', (state, now) => {
        const { data, at } = checkedAt(meetingSchema, body, when, now);
        since(state, at, when);
        const placementId = state.current!.placementId;
        return [
          { type: 'placements.stability_meeting_held', occurredAt: at, data: { placementId, attendees: data.attendees, concerns: data.concerns, agreed: data.agreed, summary: 'Placement stability meeting held' } },
          { type: 'placements.support_plan_reviewed', occurredAt: at, data: { placementId, review: data.supportPlanReview } },
        ];
      });
    },

    /** "A child's case must be presented at the Placement Stability Panel if escalation is required to access a service which is considered essential to achieve stability." */
    panelReferral(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'child:read', placed, 'service', (_state, now) => [{ type: 'placements.stability_panel_referred', occurredAt: now, data: { ...checkedAt(panelSchema, body, null, now).data, summary: 'Referred to the Placement Stability Panel' } }]);
    },

    noticeReceived(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const endsOn = readDateInput(body, 'noticeEndsOn', 'The date the notice ends', true);
      return step(context, personId, 'child:read', (s) => placed(s) ?? (s?.notices.some((n) => !n.acceptedAt) ? 'A Notice to Quit is already waiting' : null), 'reason', (state, now) => {
        const { data, at } = checkedAt(noticeSchema, body, when, now);
        if (endsOn.problem) throw new ValidationError([endsOn.problem]);
        since(state, at, when);
        return [{ type: 'placements.notice_to_quit_received', occurredAt: at, data: { reason: data.reason, endsOn: endsOn.value, summary: `Notice to Quit received, ending ${endsOn.value}` } }];
      });
    },

    /** The Resource Service accepts a Notice to Quit, never before a stability meeting (resource-service-policy.txt 1.1, paragraph 4). */
    noticeAccepted(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'placement:match', placed, 'options', (state, now) => {
        const { data, at } = checkedAt(acceptSchema, body, when, now);
        const refusal = noticeRefusal(state, at);
        if (refusal) throw new ValidationError([{ field: 'options', message: refusal }]);
        const notice = state.notices.find((n) => !n.acceptedAt)!;
        notBefore(at, notice.receivedAt, when.fields?.date ?? 'occurredOn', 'The notice cannot be accepted before it was received, on ');
        return [{ type: 'placements.notice_to_quit_accepted', occurredAt: at, data: { noticeId: notice.eventId, options: data.options, summary: 'Notice to Quit accepted after a placement stability meeting' } }];
      });
    },

    /** "If a placement breaks down, a thorough review will be conducted to identify the causes and improve future placements" (1.1, paragraph 3). */
    disruptionReview(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'child:read', (s) => (s && awaitingDisruptionReview(s).length > 0 ? null : 'No placement that broke down is waiting for its review'), 'placementId', (state, now) => {
        const { data, at } = checkedAt(reviewSchema, body, when, now);
        const placement = awaitingDisruptionReview(state).find((p) => p.placementId === data.placementId);
        if (!placement) throw new ValidationError([{ field: 'placementId', message: 'Select a placement that broke down and has not been reviewed' }]);
        notBefore(at, placement.to!, when.fields?.date ?? 'occurredOn', 'The review cannot be before the placement ended, on ');
        return [{ type: 'placements.disruption_review_held', occurredAt: at, data: { placementId: placement.placementId, providerId: placement.providerId, causes: data.causes, learning: data.learning, summary: 'Disruption review held' } }];
      });
    },

    /** A Placement Quality Assurance and Monitoring visit (1.2 bullet 4), with the documents the provider holds (1.2 bullet 8). */
    qualityVisit(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'placement:match', placed, 'findings', (state, now) => {
        const { data, at } = checkedAt(qualitySchema, body, when, now);
        since(state, at, when);
        const missing = providerDocuments.filter((d) => !data.documentsHeld.includes(d.value)).map((d) => d.value);
        return [{ type: 'placements.quality_assurance_visit_made', occurredAt: at, data: { placementId: state.current!.placementId, findings: data.findings, actions: data.actions, documentsHeld: data.documentsHeld, documentsMissing: missing, summary: 'Placement quality assurance visit' } }];
      });
    },
  };
}

export type StabilityService = ReturnType<typeof stabilityService>;
