import type { z } from 'zod';
import { outsideTerms, termsOutside } from '../../domain/fostering/carerPlacement';
import { carerState, endingReasons, missingViews, temporaryLapsed, reviewPeriodStart, reviewRecommendations, reviewsAwaitingPanel, viewSources, type CarerState } from '../../domain/fostering/carerState';
import { describeTerms } from '../../domain/fostering/terms';
import { addDays, londonDate } from '../../domain/calendar/localDate';
import { qualifyingDeterminationDays } from '../../domain/fostering/recruitment';
import type { Permission } from '../../domain/access/permissions';
import type { Role } from '../../domain/access/roles';
import { fullName } from '../../domain/people/personDetails';
import type { Problem } from '../../domain/people/personDetails';
import type { RecordedEvent } from '../../domain/records/events';
import type { RequestContext } from '../../platform/audit/auditLog';
import { can } from '../../domain/access/can';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { formatDate } from '../../platform/views/filters';
import { labelOf, mergeProblems } from '../../platform/validation';
import { checkedAt, notBefore, type When } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import { recordStep, type StepEvent } from '../people/recordStep';
import { placementsWithCarers, placementTypes } from './carerPlacements';
import {
  decisionSchema, endSchema, exemptionSchema, panelSchema, paymentSchema, reportSharedSchema, reviewRequiredSchema, reviewSchema, supportSchema, sswSchema, termsFromForm, trainingSchema, viewsSchema, visitSchema,
} from './fosterCarerSchemas';

const action = 'fostering.carer_recorded';

/** Parses a form with its date, or throws every problem at once, extra problems included. */
function formAt<T extends z.ZodType>(schema: T, body: Record<string, unknown>, when: When | null, now: Date, extra: Problem[] = []): { data: z.infer<T>; at: Date } {
  try {
    const result = checkedAt(schema, body, when, now);
    if (extra.length > 0) throw new ValidationError(extra);
    return result;
  } catch (error) {
    if (error instanceof ValidationError && extra.length > 0) throw new ValidationError(mergeProblems(extra, error.problems));
    throw error;
  }
}

/**
 * Recording the work on an approved foster carer's record (practice-standards.txt, Section 3
 * "Family Placement (Fostering)" 17-42): each step checked against the carer's state read under
 * the record's lock, refused with what to do first, written with its audit row in one transaction.
 */
export function fosterCarerWork(people: PeopleService, supervisingWorkers: () => Promise<{ id: string; name: string; teamId: string; teamName: string; roles: readonly Role[] }[]>) {
  /** Every step and read needs `fostering:read` as well as its own permission (the Family Placement Team's work; issue 11 contract). */
  const mayRead = (context: RequestContext) => {
    if (!can(context.actor, 'fostering:read')) throw new ForbiddenError("A foster carer's record is recorded on by those who work with foster carers");
  };
  /** Refused for anyone not approved now: never approved, the approval ended, or a temporary approval past its last day (reg 24-25), unless recording that it lapsed. */
  const refusalOf = (s: CarerState | null, now: Date, lapsing = false) =>
    !s ? 'This person is not an approved foster carer' : s.ended ? 'The approval has ended' : !lapsing && temporaryLapsed(s, now) ? `The temporary approval ended on ${formatDate(s.temporaryUntil)}: record that it lapsed` : null;
  /** A step on an approved carer. */
  const step = async (context: RequestContext, personId: string, permission: Permission, field: string, events: (s: CarerState, now: Date) => StepEvent[], lapsing = false) => {
    mayRead(context);
    return recordStep(people, context, personId, permission, action, { read: (stream) => carerState(stream), refusal: (s) => refusalOf(s, new Date(0), true), field }, (s, now) => {
      const refused = refusalOf(s, now, lapsing);
      if (refused) throw new ValidationError([{ field, message: refused }]);
      return events(s, now);
    });
  };
  const notBeforeApproval = (at: Date, s: CarerState, when: When | null, what: string) => notBefore(at, s.approvedAt, when?.fields?.date ?? 'occurredOn', `${what} cannot be before the approval, on `);

  /** Children placed with the carer during the review period (Family Placement 29: their views, and their workers'). */
  async function childrenInPeriod(personId: string): Promise<number> {
    const s = carerState(await people.streamOf(personId));
    if (!s) return 0;
    const linked = new Set(s.linkedPlacements.map((l) => l.placementId));
    const start = reviewPeriodStart(s);
    const events = await people.ofTypesSince(placementTypes, s.approvedAt);
    const mine = (e: RecordedEvent) => (e.data.carerId === personId || linked.has(String(e.data.placementId ?? e.id)) ? personId : null);
    return (placementsWithCarers(events, mine).get(personId) ?? []).filter((p) => !p.to || p.to >= start).length;
  }

  /** The children placed with the carer now. */
  async function placedNowWith(personId: string): Promise<string[]> {
    const s = carerState(await people.streamOf(personId));
    if (!s) return [];
    const linked = new Set(s.linkedPlacements.map((l) => l.placementId));
    const events = await people.ofTypesSince(placementTypes, s.approvedAt);
    const mine = (e: RecordedEvent) => (e.data.carerId === personId || linked.has(String(e.data.placementId ?? e.id)) ? personId : null);
    return (placementsWithCarers(events, mine).get(personId) ?? []).filter((p) => !p.to).map((p) => p.childId);
  }

  return {
    /**
     * The supervising social worker, from the Family Placement Team (Family Placement 22;
     * specialist-service-statement.txt 7.4.3: the Team Manager allocates). The carer counts in the
     * worker's caseload, so the allocation is checked against their limit like any other (issue 12):
     * beyond it, only with the manager's reason (people.allocationTo).
     */
    async allocateSupervisingWorker(context: RequestContext, personId: string, body: Record<string, unknown>) {
      mayRead(context);
      const options = await supervisingWorkers();
      return recordStep(people, context, personId, 'child:allocate', action, { read: (stream) => carerState(stream), refusal: (s) => (s && !s.ended ? null : 'This person is not an approved foster carer'), field: 'workerId' }, async (_s, now, record, tx) => {
        const parsed = sswSchema.safeParse(body);
        const worker = parsed.success ? options.find((o) => o.id === parsed.data.workerId) : undefined;
        if (!worker) throw new ValidationError([{ field: 'workerId', message: 'Select the supervising social worker from the list: a member of the Family Placement Team' }]);
        if (record.allocatedWorkerId === worker.id) throw new ValidationError([{ field: 'workerId', message: `${worker.name} is already the supervising social worker` }]);
        return [
          await people.allocationTo(tx, now, {
            personId,
            worker: { id: worker.id, displayName: worker.name, roles: worker.roles },
            team: { id: worker.teamId, name: worker.teamName },
            overLimitReason: body.overLimitReason,
            data: { summary: `Supervising social worker: ${worker.name}` },
          }),
        ];
      });
    },

    /** A supervision visit, at least monthly, some unannounced (Family Placement 22, 39). */
    visit(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'work:record', 'unannounced', (s, now) => {
        const { data, at } = formAt(visitSchema, body, when, now);
        notBeforeApproval(at, s, when, 'A visit');
        // The chronology reads `summary`: an unannounced visit says so there too.
        return [{ type: 'fostering.supervising_visit', occurredAt: at, data: { unannounced: data.unannounced === 'yes', notes: data.summary, summary: data.unannounced === 'yes' ? `Unannounced visit: ${data.summary}` : data.summary } }];
      });
    },

    /** A concern, complaint or standards of care issue: a review is needed, and the panel considers it (Family Placement 25, 33). */
    reviewRequired(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'work:record', 'concern', (_s, now) => {
        const { data } = formAt(reviewRequiredSchema, body, null, now);
        return [{ type: 'fostering.review_required', occurredAt: now, data: { reason: data.concern, summary: data.concernSummary } }];
      });
    },

    /** Written views for the review (Family Placement 29): or that there are none, and why. */
    views(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'work:record', 'source', (_s, now) => {
        const { data } = formAt(viewsSchema, body, null, now);
        return [{ type: 'fostering.review_views_received', occurredAt: now, data: { source: data.source, received: data.received === 'yes', views: data.views, summary: `${data.received === 'yes' ? 'Written views received' : 'No written views'}: ${labelOf(viewSources, data.source)}` } }];
      });
    },

    /** The review report shared with the carers before the review (Family Placement 12, 30); at least two weeks before a panel (13). */
    reportShared(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'work:record', 'occurredOn', (s, now) => {
        const { data, at } = formAt(reportSharedSchema, body, when, now);
        notBeforeApproval(at, s, when, 'Sharing the report');
        return [{ type: 'fostering.report_shared', occurredAt: at, data: { for: 'carer_review', summary: data.note ? `Review report shared with the carers: ${data.note}` : 'Review report shared with the carers' } }];
      });
    },

    /**
     * The review, chaired by an Independent Reviewing Officer (Family Placement 27), once the written
     * views are in (29): the carers' feedback (28), the conclusion on suitability and terms, and the
     * action plan for their development and support (31). A recommended change of terms says the terms.
     */
    async review(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const children = await childrenInPeriod(personId);
      return step(context, personId, 'review:chair', 'recommendation', (s, now) => {
        const missing = missingViews(s, children).map((v) => labelOf(viewSources, v).replace(/^./, (c) => c.toLowerCase()));
        const extra: Problem[] = missing.length > 0 ? [{ field: 'recommendation', message: `Record the written views of ${missing.join(', ')} first (Family Placement 29)` }] : [];
        const proposed = body.recommendation === 'change_terms' ? termsFromForm(body, s.terms) : null;
        const { data, at } = formAt(reviewSchema, body, when, now, [...extra, ...(proposed?.problems ?? [])]);
        notBeforeApproval(at, s, when, 'The review');
        const previous = s.reviews.at(-1);
        if (previous) notBefore(at, new Date(previous.at.getTime() + 1), when.fields?.date ?? 'occurredOn', 'The review must be after the last one, on ');
        return [{
          type: 'fostering.carer_reviewed',
          occurredAt: at,
          data: {
            recommendation: data.recommendation, feedback: data.feedback, suitability: data.suitability, actionPlan: data.actionPlan, chairId: context.actor.userId, chairName: context.actor.displayName,
            ...(proposed?.terms ? { proposedTerms: proposed.terms } : {}),
            afterConcern: s.reviewRequired.length > 0,
            summary: `${s.reviews.length === 0 ? 'First review' : 'Review'} chaired by ${context.actor.displayName}: ${labelOf(reviewRecommendations, data.recommendation).toLowerCase()}`,
          },
        }];
      });
    },

    /**
     * The Fostering Panel's recommendation (Family Placement 11-16, 32-33): on a review that must go
     * to it, or on a change in or termination of approval. The carers are always invited (14, 32-33).
     */
    panel(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'fostering_panel:record', 'about', (s, now) => {
        const awaiting = reviewsAwaitingPanel(s).at(-1);
        const extra: Problem[] = [];
        if (body.about === 'carer_review' && !awaiting) extra.push({ field: 'about', message: 'There is no review waiting for the panel: choose a change of terms or termination' });
        if (body.carersInvited === 'no') extra.push({ field: 'carersInvited', message: 'Invite the carers to the panel, with a supporter if they wish, before it considers them (Family Placement 14, 32-33)' });
        if (body.about === 'termination' && body.recommendation === 'change_terms') extra.push({ field: 'recommendation', message: 'A panel on termination recommends continuing or ending the approval' });
        // The report is shared with the carers before the panel makes a recommendation (Family Placement 12-13): one shared since the panel last considered them counts.
        const since = s.panels.at(-1)?.at ?? s.approvedAt;
        if (!s.reportsShared.some((r) => r > since)) extra.push({ field: 'about', message: 'Share the report with the carers before the panel considers them, at least two weeks before (Family Placement 12-13)' });
        const proposed = body.recommendation === 'change_terms' ? termsFromForm(body, s.terms) : null;
        const { data, at } = formAt(panelSchema, body, when, now, [...extra, ...(proposed?.problems ?? [])]);
        notBeforeApproval(at, s, when, 'The panel');
        if (awaiting && data.about === 'carer_review') notBefore(at, awaiting.at, when.fields?.date ?? 'occurredOn', 'The panel cannot consider the review before it was held, on ');
        return [{
          type: 'fostering.panel_considered',
          occurredAt: at,
          data: {
            about: data.about, ...(data.about === 'carer_review' && awaiting ? { reviewId: awaiting.id } : {}), recommendation: data.recommendation, carersInvited: true, minutes: data.minutes,
            ...(proposed?.terms ? { terms: proposed.terms } : {}),
            summary: `Fostering Panel recommended: ${labelOf(reviewRecommendations, data.recommendation).toLowerCase()}${proposed?.terms ? ` (${describeTerms(proposed.terms)})` : ''}`,
          },
        }];
      });
    },

    /**
     * The agency decision maker's decision on the panel's recommendation to change the terms or end
     * the approval (Family Placement 15-16). Ending the approval, or changing the terms against the
     * carers' wishes, is first a proposed decision given in writing (a qualifying determination,
     * footnote 4): the carers have 28 days to make representations or apply to the Independent
     * Review Mechanism, and the decision is made afterwards, saying which they did.
     */
    decide(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'adm:decide', 'decision', (s, now) => {
        const panel = s.awaitingDecision;
        if (!panel) throw new ValidationError([{ field: 'decision', message: 'There is no panel recommendation to change the terms or end the approval waiting for a decision' }]);
        const extra: Problem[] = [];
        const qualifying = s.qualifying && s.qualifying.panelId === panel.id ? s.qualifying : null;
        if (body.decision === 'agree' && panel.recommendation === 'change_terms' && !qualifying && body.carersAgree !== 'yes' && body.carersAgree !== 'no') {
          extra.push({ field: 'carersAgree', message: 'Select whether the carers agree to the change of terms' });
        }
        if (body.decision === 'agree' && qualifying) {
          if (!['representations', 'irm', 'none'].includes(String(body.route ?? ''))) extra.push({ field: 'route', message: 'Select whether the carers made representations, applied to the Independent Review Mechanism, or neither within 28 days' });
          else if (body.route === 'none' && londonDate(now) <= qualifying.respondBy) extra.push({ field: 'route', message: `The carers have until ${formatDate(qualifying.respondBy)} to make representations or apply to the Independent Review Mechanism (Family Placement 16)` });
        }
        const { data } = formAt(decisionSchema, body, null, now, extra);
        const decisionOn = londonDate(now);
        if (data.decision === 'agree' && panel.recommendation === 'change_terms' && !panel.terms) throw new ValidationError([{ field: 'decision', message: 'The panel did not say the new terms of approval: ask the Fostering Panel to recommend the terms before agreeing a change' }]);
        const againstWishes = panel.recommendation === 'terminate' || data.carersAgree === 'no';
        if (data.decision === 'agree' && againstWishes && !qualifying) {
          const respondBy = addDays(decisionOn, qualifyingDeterminationDays);
          return [{ type: 'fostering.carer_qualifying_determination', occurredAt: now, data: { panelId: panel.id, recommendation: panel.recommendation, reason: data.reason, respondBy, summary: `Qualifying determination: the agency decision maker proposes to ${panel.recommendation === 'terminate' ? 'end the approval' : 'change the terms of approval'}. The carers have until ${formatDate(respondBy)} to make representations or apply to the Independent Review Mechanism` } }];
        }
        const route = qualifying && data.route ? { route: data.route } : {};
        const decided = { type: 'fostering.terms_decision', occurredAt: now, data: { panelId: panel.id, recommendation: panel.recommendation, agreed: data.decision === 'agree', reason: data.reason, ...route, ...(qualifying ? { qualifyingId: qualifying.id } : {}), summary: `Agency decision maker ${data.decision === 'agree' ? 'agreed' : 'did not agree'} with the panel: ${data.reason}` } };
        if (data.decision !== 'agree') return [decided];
        if (panel.recommendation === 'terminate') return [decided, { type: 'fostering.approval_ended', occurredAt: now, data: { reason: 'terminated', decisionOn, summary: `Approval terminated by the agency decision maker: ${data.reason}` } }];
        const terms = panel.terms as NonNullable<typeof panel.terms>;
        return [decided, { type: 'fostering.terms_changed', occurredAt: now, data: { terms, reason: data.reason, decisionOn, summary: `Terms of approval changed: ${describeTerms(terms)}` } }];
      });
    },

    /** Training and development (Family Placement 7, 21). */
    training(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'work:record', 'course', (_s, now) => {
        const { data, at } = formAt(trainingSchema, body, when, now);
        const hours = typeof data.hours === 'number' ? data.hours : null;
        return [{ type: 'fostering.training_recorded', occurredAt: at, data: { course: data.course, ...(hours ? { hours } : {}), summary: `${data.course}${hours ? ` (${hours} hours)` : ''}` } }];
      });
    },

    /** The payment level (Family Placement 20). */
    paymentLevel(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'work:record', 'level', (s, now) => {
        const { data } = formAt(paymentSchema, body, null, now);
        if (s.paymentLevel?.level === data.level) throw new ValidationError([{ field: 'level', message: 'The carers are already on this payment level' }]);
        return [{ type: 'fostering.payment_level_set', occurredAt: now, data: { level: data.level, reason: data.levelReason, summary: `Payment level: ${data.level.replace('_', ' ')}` } }];
      });
    },

    /** Support groups, the forum, out of hours support, independent support during an investigation (Family Placement 23-25). */
    support(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'work:record', 'kind', (_s, now) => {
        const { data } = formAt(supportSchema, body, null, now);
        return [{ type: 'fostering.support_recorded', occurredAt: now, data: { kind: data.kind, detail: data.detail, summary: data.detail } }];
      });
    },

    /**
     * The approval ends here only by the carers' resignation, or a temporary approval that lapsed
     * (reg 24-25); any other ending is the Fostering Panel's recommendation and the agency decision
     * maker's decision (Family Placement 15-16, 32; `panel` then `decide`). Recorded by the Family
     * Placement Team: a conference chair or the LADO, who may record work on any record, may not.
     */
    end(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, 'work:record', 'ending', (s, now) => {
        const { data, at } = formAt(endSchema, body, when, now);
        notBeforeApproval(at, s, when, 'The ending');
        if (data.ending === 'temporary_approval_lapsed' && !temporaryLapsed(s, at)) {
          throw new ValidationError([{ field: 'ending', message: s.temporaryUntil ? `The temporary approval runs until ${formatDate(s.temporaryUntil)}: it has not lapsed` : 'This is not a temporary approval: it cannot lapse' }]);
        }
        return [{ type: 'fostering.approval_ended', occurredAt: at, data: { reason: data.ending, summary: `${labelOf(endingReasons, data.ending)}: ${data.endSummary}` } }];
      }, true);
    },

    /**
     * A head of service's exemption for one child outside the carer's terms of approval (Family
     * Placement 18; the placement-start check refuses without it): for the terms named, with why. Its
     * summary names the child by Hearth number only: the carer's chronology is read by people who
     * may not open a restricted child's record.
     */
    async exemption(context: RequestContext, personId: string, body: Record<string, unknown>) {
      mayRead(context);
      const hearthId = Number(String(body.hearthId ?? '').trim());
      const identity = Number.isInteger(hearthId) && hearthId > 0 ? await people.identity(hearthId) : null;
      // Read as this user may read it: a record they may not open is answered as if there were none, so the form does not tell whether a restricted child exists.
      let child: Awaited<ReturnType<PeopleService['record']>> | null = null;
      if (identity) {
        try {
          child = await people.record(context, identity.id);
        } catch (error) {
          if (!(error instanceof ForbiddenError || error instanceof NotFoundError)) throw error;
        }
      }
      const placed = await placedNowWith(personId);
      return step(context, personId, 'placement:authorise', 'hearthId', (s, now) => {
        const extra: Problem[] = [];
        if (body.hearthId && String(body.hearthId).trim() !== '' && (!child || child.kind !== 'child')) extra.push({ field: 'hearthId', message: 'No child you may open has that Hearth number: check it on the child’s record' });
        if (child?.id === personId) extra.push({ field: 'hearthId', message: 'Enter the Hearth number of the child to be placed' });
        const { data } = formAt(exemptionSchema, body, null, now, extra);
        const name = fullName(child!.details);
        // Only for the terms the child is outside now, with the children placed now (Family Placement 18): an exemption is not a blank cheque.
        const problems = outsideTerms(s.terms, { id: child!.id, name, dateOfBirth: child!.details.dateOfBirth, gender: child!.details.gender }, placed.filter((id) => id !== child!.id).length, londonDate(now));
        const outsideNow = termsOutside(problems);
        const notOutside = data.outside.filter((t) => !outsideNow.includes(t));
        if (notOutside.length > 0) {
          throw new ValidationError([{ field: 'outside', message: outsideNow.length === 0 ? `${name} is within the terms of approval: no exemption is needed` : `${name} is not outside the terms on ${notOutside.join(', ')}: select only the terms the placement is outside (${outsideNow.join(', ')})` }]);
        }
        return [{ type: 'fostering.terms_exemption_agreed', occurredAt: now, data: { childId: child!.id, childName: name, hearthId: data.hearthId, outside: data.outside, reason: data.exemptionReason, outsideNow, summary: `Exemption agreed to place a child (Hearth ${data.hearthId}) outside the terms (${data.outside.join(', ')})` } }];
      });
    },
  };
}
