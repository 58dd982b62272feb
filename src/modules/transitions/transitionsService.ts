import type { z } from 'zod';
import { can } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import {
  ageText,
  assessmentRoutes,
  earliestFor,
  forumResponsibilities,
  nightsAwayBases,
  notifyNow,
  refusals,
  stageLabels,
  stageOf,
  suggestedRoute,
  transitionAge,
  transitionOf,
  transitionsEvent,
  type Transition,
} from '../../domain/transitions/transitions';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { checkedAt, notBefore, type When } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import { assessmentSchema, forumSchema, likelySchema, nightsAwayLeftSchema, nightsAwaySchema, noteSchema, ruledOutSchema } from './transitionsSchemas';

export const transitionsAudit = 'child.transitions_recorded';

/** The standards of a child's transition and of the 75-nights-away cohort, in the order the work goes (all in the catalogue). */
export const transitionsRules = [
  'cwd.transitions-notification',
  'cwd.transitions-tracking-meeting',
  'cwd.transitions-assessment-in-care',
  'cwd.transitions-assessment',
  'cwd.transitions-early-help-assessment',
  'cwd.transitions-short-breaks-assessment',
  'cwd.transitions-referral-in-care',
  'cwd.transitions-referral',
  'cwd.nights-away-visit',
  'cwd.annual-assessment',
] as const;

type StepKey = keyof typeof refusals;
type Built = { type: string; data: Record<string, unknown> };

/**
 * A child's transition to adult services (practice-standards.txt, Section 1: Children with
 * Disabilities 20-26) and the 75-nights-away cohort (16, note 2): the child's Transitions page and
 * its steps. Each step is recorded by those who hold the case (work:record), read and checked
 * under the record's lock (recordStep), dated, and refused when out of order.
 */
export function transitionsService(clock: Clock, people: PeopleService, standards: StandardsService) {
  const read = (stream: Parameters<typeof transitionOf>[0]) => transitionOf(stream);
  /** A dated step: the form checked with when it happened, not before what it follows. */
  function step<S extends z.ZodType>(context: RequestContext, personId: string, key: StepKey, field: string, schema: S, body: Record<string, unknown>, when: When, build: (data: z.infer<S>, t: Transition) => Built) {
    return recordStep(people, context, personId, 'work:record', transitionsAudit, { read, refusal: (t) => (t ? refusals[key](t) : null), field }, (t, now) => {
      const { data, at } = checkedAt(schema, body, when, now);
      const earliest = earliestFor(t, key);
      if (earliest) notBefore(at, earliest.at, when.fields?.date ?? 'occurredOn', `This cannot be before ${earliest.what}`);
      const built = build(data, t);
      return [{ type: built.type, occurredAt: at, data: built.data }];
    });
  }

  return {
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const t = read(await people.streamOf(personId));
      const today = londonDate(clock.now());
      const dob = record.details.dateOfBirth;
      const write = can(context.actor, 'work:record', record);
      return {
        record,
        name: fullName(record.details),
        age: dob ? ageText(dob, today) : null,
        transition: t,
        stage: stageLabels[stageOf(t)],
        transitionAge: transitionAge(t),
        suggestedRoute: suggestedRoute(t),
        notifyNow: notifyNow(t, dob, today),
        clocks: clocksOf(await standards.forPerson(personId, context.actor), transitionsRules),
        choices: { assessmentRoutes, forumResponsibilities, nightsAwayBases },
        labels: {
          route: Object.fromEntries(assessmentRoutes.map((r) => [r.value, r.text])),
          responsibility: Object.fromEntries(forumResponsibilities.map((r) => [r.value, r.text])),
          basis: Object.fromEntries(nightsAwayBases.map((r) => [r.value, r.text])),
        },
        may: {
          write,
          likely: write && refusals.likely(t) === null,
          ruledOut: write && refusals.ruledOut(t) === null,
          notified: write && refusals.notified(t) === null,
          ehcpReview: write && refusals.ehcpReview(t) === null,
          assessment: write && refusals.assessment(t) === null,
          referral: write && refusals.referral(t) === null,
          sda: write && refusals.sda(t) === null,
          forum: write && refusals.forum(t) === null,
          nightsAwayJoined: write && refusals.nightsAwayJoined(t) === null,
          nightsAwayLeft: write && refusals.nightsAwayLeft(t) === null,
        },
      };
    },

    /** Likely to need adult services (20): the decision that keeps the notification and referral clocks. */
    likely: (c: RequestContext, id: string, body: Record<string, unknown>, when: When) =>
      step(c, id, 'likely', 'reason', likelySchema, body, when, (d) => ({ type: transitionsEvent.needIdentified, data: { reason: d.reason, summary: 'Likely to need adult services' } })),

    /** Not likely to need adult services, with why: it cancels the notification, tracking and referral clocks. */
    ruledOut: (c: RequestContext, id: string, body: Record<string, unknown>, when: When) =>
      step(c, id, 'ruledOut', 'reason', ruledOutSchema, body, when, (d) => ({ type: transitionsEvent.needRuledOut, data: { reason: d.reason, summary: `Not likely to need adult services: ${d.reason}` } })),

    /** The Transitions Team notified, on the 14th birthday or as soon as the child presents after it (20). */
    notified: (c: RequestContext, id: string, body: Record<string, unknown>, when: When) =>
      step(c, id, 'notified', 'note', noteSchema, body, when, (d) => ({ type: transitionsEvent.teamNotified, data: { note: d.note, summary: 'Transitions Team notified' } })),

    /** The Transitions Team at the annual Education, Health and Care Plan review (21). */
    ehcpReview: (c: RequestContext, id: string, body: Record<string, unknown>, when: When) =>
      step(c, id, 'ehcpReview', 'note', noteSchema, body, when, (d) => ({ type: transitionsEvent.ehcpReviewAttended, data: { note: d.note, summary: 'Transitions Team attended the annual EHCP review' } })),

    /** The assessment at 17 (16 in care), by the route that holds the child (22-24). */
    assessment: (c: RequestContext, id: string, body: Record<string, unknown>, when: When) =>
      step(c, id, 'assessment', 'route', assessmentSchema, body, when, (d) => ({ type: transitionsEvent.assessmentTriggered, data: { assessment: d.route, note: d.note, summary: assessmentRoutes.find((r) => r.value === d.route)?.text ?? d.route } })),

    /** The referral to the Transitions Team for the Self-Directed Assessment (25). */
    referral: (c: RequestContext, id: string, body: Record<string, unknown>, when: When) =>
      step(c, id, 'referral', 'note', noteSchema, body, when, (d) => ({ type: transitionsEvent.referralMade, data: { note: d.note, summary: 'Referred to the Transitions Team for the Self-Directed Assessment' } })),

    /** The Self-Directed Assessment completed by the Transitions Team (25-26). */
    sda: (c: RequestContext, id: string, body: Record<string, unknown>, when: When) =>
      step(c, id, 'sda', 'note', noteSchema, body, when, (d) => ({ type: transitionsEvent.sdaCompleted, data: { note: d.note, summary: 'Self-Directed Assessment completed' } })),

    /** The Forum's decision on who is responsible for finances and services after 18 (26). */
    forum: (c: RequestContext, id: string, body: Record<string, unknown>, when: When) =>
      step(c, id, 'forum', 'responsibility', forumSchema, body, when, (d) => ({ type: transitionsEvent.forumDecided, data: { responsibility: d.responsibility, summary: d.summary } })),

    /** Into the 75-nights-away cohort (16, note 2), with its basis: seen every 4 weeks, as a child in care of the team is. */
    nightsAwayJoined: (c: RequestContext, id: string, body: Record<string, unknown>, when: When) =>
      step(c, id, 'nightsAwayJoined', 'basis', nightsAwaySchema, body, when, (d) => ({
        type: transitionsEvent.nightsAwayJoined,
        data: { basis: d.basis, nights: d.nights, note: d.note, summary: `75 or more nights a year away from home: ${nightsAwayBases.find((b) => b.value === d.basis)?.text ?? d.basis}` },
      })),

    /** Out of the cohort, with why. */
    nightsAwayLeft: (c: RequestContext, id: string, body: Record<string, unknown>, when: When) =>
      step(c, id, 'nightsAwayLeft', 'reason', nightsAwayLeftSchema, body, when, (d) => ({ type: transitionsEvent.nightsAwayLeft, data: { reason: d.reason, summary: `No longer 75 or more nights a year away from home: ${d.reason}` } })),
  };
}

export type TransitionsService = ReturnType<typeof transitionsService>;
