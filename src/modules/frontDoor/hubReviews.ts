import { z } from 'zod';
import { fullName } from '../../domain/people/personDetails';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { rolesAllow } from '../../domain/access/can';
import { checked, requiredText } from '../../platform/validation';
import { hubRecommendations } from '../../standards/practice-standards/section1EarlyHelpAndDisabilities';
import type { PeopleService } from '../people/peopleService';
import type { StandardsService } from '../standards/standardsService';

const reviewRule = 'early-help.hub-decision-review';

export const hubRecommendationItems: { value: (typeof hubRecommendations)[number]; text: string }[] = [
  { value: 'early_help_continues', text: 'Early Help continues: the allocation stands' },
  { value: 'child_and_family_assessment', text: 'A Child and Family Assessment' },
  { value: 'strategy_discussion', text: 'A strategy discussion' },
  { value: 'other', text: 'Other action, set out below' },
];

const reviewSchema = z.object({
  recommendation: z.enum(hubRecommendations, { error: 'Select the action you recommend' }),
  rationale: requiredText('Enter the decision and the action required, as your management oversight', 5000, 'Your decision and the action required'),
});

/**
 * The Duty Manager's review of an Early Help Hub decision sent to them (practice-standards.txt,
 * Appendix 2: Early Help Step Up Procedure, Duty Manager Oversight): the requests still waiting,
 * soonest due first, with their 48-hour clocks; and the review with its recommended action,
 * recorded as the management oversight in the same 48 hours.
 */
export function hubReviews(db: Db, people: PeopleService, standards: StandardsService) {
  return {
    async waiting(context: RequestContext) {
      if (!rolesAllow(context.actor, 'threshold:decide')) throw new ForbiddenError('Only a Duty Manager reviews the Early Help Hub’s decisions');
      const open = await standards.openOfRule(reviewRule, 500);
      const visible = await people.visibleRecords(context, open.map((o) => o.obligation.personId));
      const shown = open.filter((o) => visible.has(o.obligation.personId));
      await audit.record(db, context, { action: 'caseload.viewed', details: { for: 'Early Help Hub decisions to review', shown: shown.map((o) => o.obligation.personId) } });
      const stream = await people.latestOfTypes([...visible.keys()], ['early_help.hub_review_requested']);
      const reason = new Map(stream.map((e) => [e.personId, String(e.data.summary ?? '')]));
      return shown.map((o) => {
        const record = visible.get(o.obligation.personId)!;
        return { personId: record.id, name: fullName(record.details), requestedAt: o.obligation.startedAt, deadline: o.obligation.deadline, overdue: o.state === 'overdue', why: reason.get(record.id) ?? '' };
      });
    },

    /** One child's request, read for the review page (audited), with its 48-hour clock if still open. */
    async request(context: RequestContext, personId: string) {
      const record = await people.record(context, personId, 'threshold:decide');
      const [requested] = await people.latestOfTypes([personId], ['early_help.hub_review_requested']);
      const clock = (await standards.forPerson(personId)).filter((o) => o.obligation.ruleId === reviewRule).at(-1);
      return { record, name: fullName(record.details), requested: requested ?? null, clock: clock && clock.obligation.outcome === 'open' ? { deadline: clock.obligation.deadline, overdue: clock.state === 'overdue' } : null };
    },

    /** The review: the Duty Manager may review any child's Hub decision they may see, as they decide threshold for any child. */
    async review(context: RequestContext, personId: string, unchecked: Record<string, unknown>) {
      const input = checked(reviewSchema, unchecked);
      return people.recordOn(context, [personId], 'threshold:decide', 'child.hub_decision_reviewed', (_records, streams, now) => {
        const stream = streams.get(personId) ?? [];
        const requested = stream.findLast((e) => e.type === 'early_help.hub_review_requested');
        const reviewed = stream.findLast((e) => e.type === 'early_help.hub_decision_reviewed');
        if (!requested || (reviewed && reviewed.occurredAt.getTime() >= requested.occurredAt.getTime())) {
          throw new ValidationError([{ field: 'recommendation', message: 'No request from the Early Help Hub is waiting for a review for this child' }]);
        }
        return [{ personId, type: 'early_help.hub_decision_reviewed', occurredAt: now, data: { recommendation: input.recommendation, summary: input.rationale, requestId: requested.id } }];
      });
    },
  };
}

export type HubReviews = ReturnType<typeof hubReviews>;
