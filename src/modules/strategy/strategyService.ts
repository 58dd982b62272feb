import { minutesOf } from '../childDocuments/childDocuments';
import { amendmentsClose, latestStrategy, strategyStepRefusal, type StrategyState } from '../../domain/strategy/strategyState';
import { can, rolesAllow } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { fullName, type Problem } from '../../domain/people/personDetails';
import type { RecordedEvent } from '../../domain/records/events';
import type { Permission } from '../../domain/access/permissions';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { ValidationError } from '../../platform/errors';
import { mergeProblems, problemsOf } from '../../platform/validation';
import { beforeProblems, checkedAt, instantOf, notBefore, type When } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import { amendmentSchema, attendeesFrom, decisionSchema, heldSchema } from './strategySchemas';

/** The strategy discussion's timescales (practice-standards.txt, Section 2: Strategy Discussions 1-8), in the order the work goes. */
export const strategyRules = ['strategy.workflow-triggered', 'strategy.police-referral', 'strategy.meeting-held', 'strategy.actions-circulated', 'strategy.minutes', 'strategy.cp-admin-advised'] as const;


/** A chair may record the minutes and amendments of a meeting they chaired for another team; otherwise those who record on the case. */
const chairOrRecorder = (context: RequestContext): Permission => (rolesAllow(context.actor, 'strategy:chair') ? 'strategy:chair' : 'work:record');
type Step = Parameters<typeof strategyStepRefusal>[1];

/**
 * The strategy discussion (issue 5): decided on new information, triggered the same day, the
 * police referral, the meeting with who was invited and who came, its outcome, the actions and
 * minutes, the agencies' amendments and the Child Protection Admin Team advised. Each step is an
 * event on the child's record, so the policy's clocks open and close by themselves.
 */
export function strategyService(clock: Clock, people: PeopleService, standards: StandardsService) {
  const stateOf = (stream: readonly RecordedEvent[]) => latestStrategy(stream, standards.calendar);

  /** One step on the child's record, in its transaction: refused, saying what to record first, when out of order. */
  function step(context: RequestContext, personId: string, permission: Permission, action: string, which: Step, events: (state: StrategyState, now: Date) => { type: string; occurredAt: Date; data: Record<string, unknown> }[]) {
    return recordStep(people, context, personId, permission, action, { read: stateOf, refusal: (state) => strategyStepRefusal(state, which), field: which }, events);
  }

  return {
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const state = stateOf(stream);
      const obligations = state ? (await standards.forPerson(personId)).filter((o) => o.obligation.startedAt.getTime() >= state.decidedAt.getTime() - 24 * 3_600_000) : [];
      const chair = can(context.actor, 'strategy:chair', record);
      const write = can(context.actor, 'work:record', record);
      const open = (which: Step) => !strategyStepRefusal(state, which);
      return {
        record,
        name: fullName(record.details),
        minutes: minutesOf(stream, 'strategy_minutes', can(context.actor, 'work:record', record)),
        state,
        clocks: clocksOf(obligations, strategyRules),
        meetingDeadline: obligations.find((o) => o.obligation.ruleId === 'strategy.meeting-held')?.obligation.deadline ?? null,
        amendmentsClose: state?.minutesDistributedAt ? amendmentsClose(state.minutesDistributedAt, standards.calendar) : null,
        may: {
          decide: chair && (!state || Boolean(state.meeting)),
          trigger: chair && open('trigger'),
          police: write && open('police'),
          hold: chair && open('hold'),
          actions: chair && open('actions'),
          minutes: (chair || write) && open('minutes'),
          amendment: (chair || write) && open('amendment'),
          // Forms with a date and time: one on the page at a time, so their boxes' ids stay unique.
          cpAdmin: write && open('cpAdmin'),
        },
      };
    },

    /**
     * New information on an open case and the decision to hold a strategy discussion (Strategy
     * Discussions 1): the information when it came in, the decision now; the same-day trigger, the
     * 1-hour police referral and the 24-hour meeting count from them.
     */
    decide(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return people.recordOn(context, [personId], 'strategy:chair', 'child.strategy_recorded', (_records, streams, now) => {
        const state = stateOf(streams.get(personId) ?? []);
        if (state && !state.meeting) throw new ValidationError([{ field: 'information', message: 'A strategy discussion is already under way: record its meeting first' }]);
        const { data, at } = checkedAt(decisionSchema, body, when, now);
        return [
          { personId, type: 'strategy.new_information_received', occurredAt: at, data: { summary: data.information } },
          { personId, type: 'strategy.discussion_decided', occurredAt: now, data: {} },
        ];
      });
    },

    trigger: (context: RequestContext, personId: string) => step(context, personId, 'strategy:chair', 'child.strategy_recorded', 'trigger', (_s, now) => [{ type: 'strategy.workflow_triggered', occurredAt: now, data: {} }]),

    /** The Police Enquiry Centre referral, at the time it was made (Strategy Discussions 2: within 1 hour). */
    policeReferral(context: RequestContext, personId: string, when: When) {
      return step(context, personId, 'work:record', 'child.strategy_recorded', 'police', (state, now) => [{ type: 'strategy.police_referral_made', occurredAt: notBefore(instantOf(when, now), state.decidedAt, 'occurredOn', 'The referral cannot be before '), data: {} }]);
    },

    /**
     * The meeting, by its chair: when it was held, who was invited and who came by agency, whether
     * the Section 47 threshold was met, a review meeting's date, and, if it was later than 24 hours
     * after the new information, the manager's reasons for accepting the delay (Strategy
     * Discussions 5), kept with the meeting: not as a general `oversight.recorded`, which would
     * also meet the Section 47 and monthly oversight standards it is not.
     */
    async hold(context: RequestContext, personId: string, body: Record<string, unknown>, when: When, reviewMeetingOn: { value: string | null; problem: Problem | null }) {
      const deadline = (await standards.forPerson(personId)).filter((o) => o.obligation.ruleId === 'strategy.meeting-held' && o.obligation.outcome === 'open').at(-1)?.obligation.deadline ?? null;
      return step(context, personId, 'strategy:chair', 'child.strategy_recorded', 'hold', (state, now) => {
        const { attendees, problems } = attendeesFrom(body);
        const parsed = heldSchema.safeParse(body);
        let at: Date | null = null;
        let whenProblems: Problem[] = [];
        try {
          at = instantOf(when, now);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          whenProblems = error.problems;
        }
        if (at) whenProblems = beforeProblems(at, state.decidedAt, 'occurredOn', 'The meeting cannot be before the decision to hold it, ');
        const late = Boolean(at && deadline && at.getTime() > deadline.getTime());
        const delay = late && !(parsed.success && parsed.data.delayReason) ? [{ field: 'delayReason', message: 'The meeting was more than 24 hours after the new information: enter why the delay was accepted' }] : [];
        const reviewBefore = at && reviewMeetingOn.value && reviewMeetingOn.value < londonDate(at) ? [{ field: 'reviewMeetingOn', message: 'The review strategy meeting must be on or after the day of this meeting' }] : [];
        const all = mergeProblems(whenProblems, parsed.success ? [] : problemsOf(parsed.error), problems, reviewMeetingOn.problem ? [reviewMeetingOn.problem] : reviewBefore, delay);
        if (all.length > 0 || !parsed.success || !at) throw new ValidationError(all);
        const data = parsed.data;
        const held = {
          type: 'strategy.discussion_held',
          occurredAt: at,
          data: {
            chair: context.actor.displayName,
            attendees,
            section47ThresholdMet: data.section47ThresholdMet === 'yes',
            ...(reviewMeetingOn.value ? { reviewMeetingOn: reviewMeetingOn.value } : {}),
            ...(data.delayReason ? { delayReason: data.delayReason } : {}),
            ...(data.summary ? { summary: data.summary } : {}),
          },
        };
        return [held];
      });
    },

    actionsCirculated: (context: RequestContext, personId: string) => step(context, personId, 'strategy:chair', 'child.strategy_recorded', 'actions', (_s, now) => [{ type: 'strategy.actions_circulated', occurredAt: now, data: {} }]),
    // The minutes are the chair's (or the admin team's: Strategy Discussions 6), so a chair from another team may record them.
    minutesDistributed: (context: RequestContext, personId: string) => step(context, personId, chairOrRecorder(context), 'child.strategy_recorded', 'minutes', (_s, now) => [{ type: 'strategy.minutes_distributed', occurredAt: now, data: {} }]),
    cpAdminAdvised: (context: RequestContext, personId: string) => step(context, personId, 'work:record', 'child.strategy_recorded', 'cpAdmin', (_s, now) => [{ type: 'strategy.cp_admin_advised', occurredAt: now, data: {} }]),

    /** An attending agency's amendment to the minutes, in writing (Strategy Discussions 7); one after the 5 working days says so. */
    amendment(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, chairOrRecorder(context), 'child.strategy_recorded', 'amendment', (state, now) => {
        const { data, at } = checkedAt(amendmentSchema, body, when, now);
        return [{ type: 'strategy.amendment_received', occurredAt: state.minutesDistributedAt ? notBefore(at, state.minutesDistributedAt, 'receivedOn', 'The amendment cannot be before the minutes were distributed, ') : at, data: { agency: data.agency, summary: data.amendment } }];
      });
    },
  };
}

export type StrategyService = ReturnType<typeof strategyService>;
