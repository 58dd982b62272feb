import { can, rolesAllow, seesYouthJustice } from '../../domain/access/can';
import { ageOn, londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import { chronological } from '../../domain/records/events';
import { youthJusticeIndicators } from '../../domain/youthJustice/indicators';
import { inCustody, latestFor, workOf, youthJusticeOf } from '../../domain/youthJustice/youthJusticeCase';
import { missingForRelease, releasePlan } from '../../domain/youthJustice/youthJusticeRefusals';
import { isYouthJusticeEvent, yosEvent, yosEventTypes, youthJusticeLabels } from '../../domain/youthJustice/youthJusticeCodes';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import { eventTypeOf } from '../../standards/index';
import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { clocksOf, type Clock as StandardClock } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';

/** The Youth Offending Service's standards on a child's page, in the order the work goes. */
export const youthJusticeRules = [
  'yos.assessment',
  'yos.order-assessment',
  'yos.intervention-plan',
  'yos.yro-plan',
  'yos.referral-order-plan',
  'yos.intervention-length',
  'yos.plan-review',
  'yos.custody-contact',
  'yos.sentence-planning',
  'yos.resettlement-planning',
  'yos.sentence-plan-review',
  'yos.release-accommodation',
  'yos.release-ete',
  'yos.probation-transfer',
] as const;

const open = (c: StandardClock) => c.state === 'due' || c.state === 'overdue';

/**
 * Reading youth justice records (issue 12: "restricted to the service and those working with the
 * child"): a child's page for whoever seesYouthJustice of the record; the service's caseload and its
 * performance indicators with youth_justice:read. Every read is audited, and every refusal.
 */
export function youthJusticeReads(db: Db, clock: Clock, people: PeopleService, standards: StandardsService, staff: StaffDirectory) {
  async function allowList(context: RequestContext, action: string) {
    if (rolesAllow(context.actor, 'youth_justice:read')) return;
    await audit.record(db, context, { action, outcome: 'denied' });
    throw new ForbiddenError("The Youth Offending Service's lists and figures are seen by the service only.");
  }

  /** The children ever open to the service: each one's latest referral, sentence or closure. */
  async function everyCase() {
    const latest = await people.latestOfTypesForAll([yosEvent.referred, yosEvent.sentenced, yosEvent.closed]);
    return latest;
  }

  /** The clocks of the child's latest case: obligations started since it opened. */
  async function clocksFor(context: RequestContext, personId: string, since: Date | null) {
    const rows = (await standards.forPerson(personId, context.actor)).filter((r) => since !== null && r.obligation.startedAt.getTime() >= since.getTime());
    return clocksOf(rows, youthJusticeRules);
  }

  return {
    /** A child's youth justice page: refused, and the refusal audited, to anyone who does not see their youth justice records. */
    async view(context: RequestContext, personId: string) {
      const found = await people.find(personId);
      if (!found) throw new NotFoundError('The record');
      if (found.kind !== 'child' || !seesYouthJustice(context.actor, found)) {
        await audit.record(db, context, { action: 'youth_justice.viewed', outcome: 'denied', personId });
        throw new ForbiddenError("A child's youth justice records are seen by the Youth Offending Service and those working with the child: ask the allocated team if you need them.");
      }
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const y = youthJusticeOf(stream);
      const today = londonDate(clock.now());
      const c = y.current;
      const timeline = chronological(stream.filter((e) => isYouthJusticeEvent(e.type))).reverse();
      await audit.record(db, context, { action: 'youth_justice.viewed', personId, details: { for: context.path, events: timeline.map((e) => e.id) } });
      const dob = record.details.dateOfBirth;
      const custody = inCustody(y);
      const write = can(context.actor, 'youth_justice:record', record);
      const work = c ? workOf(c) : null;
      return {
        record,
        name: fullName(record.details),
        age: dob ? ageOn(dob, today) : null,
        today,
        y,
        current: c,
        work,
        workLabel: work ? youthJusticeLabels.order[work] : null,
        custody,
        releasePlan: releasePlan(y, dob, today),
        missingForRelease: custody ? missingForRelease(custody, Boolean(releasePlan(y, dob, today)?.turns18)) : [],
        assessment: c && work ? latestFor(c.assessments, work) : null,
        plan: c && work ? latestFor(c.plans, work) : null,
        clocks: await clocksFor(context, personId, c?.startedAt ?? null),
        timeline: timeline.map((e) => ({ event: e, title: eventTypeOf(e.type)?.title ?? e.type, summary: typeof e.data.summary === 'string' ? e.data.summary : null })),
        caseManagers: write ? await staff.withRole('youth-justice-officer') : [],
        labels: youthJusticeLabels,
        may: { record: write },
      };
    },

    /**
     * The service's caseload: every child open to it that the reader may see, with the case manager,
     * the order and what is next due; overdue first, then soonest due.
     */
    async caseload(context: RequestContext) {
      await allowList(context, 'youth_justice.caseload_viewed');
      const ids = (await everyCase()).filter((e) => e.type !== yosEvent.closed).map((e) => e.personId);
      const visible = await people.visibleRecords(context, ids);
      const rows = [];
      for (const id of ids) {
        const record = visible.get(id);
        if (!record) continue;
        const y = youthJusticeOf(await people.ofTypes(id, yosEventTypes));
        const c = y.current;
        if (!y.open || !c) continue;
        const clocks = await clocksFor(context, id, c.startedAt);
        const due = clocks.filter(open).sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
        const work = workOf(c);
        rows.push({
          id,
          name: fullName(record.details),
          hearthId: record.hearthId,
          caseManager: c.caseManager?.name ?? null,
          caseManagerId: c.caseManager?.id ?? null,
          work: youthJusticeLabels.order[work] ?? work,
          route: c.referral ? youthJusticeLabels.route[c.referral.route]?.split(':')[0] : null,
          inCustody: Boolean(inCustody(y)),
          since: c.startedAt,
          next: due[0] ?? null,
          overdue: due.filter((x) => x.state === 'overdue').length,
        });
      }
      rows.sort((a, b) => Number(b.overdue > 0) - Number(a.overdue > 0) || (a.next?.deadline.getTime() ?? Number.POSITIVE_INFINITY) - (b.next?.deadline.getTime() ?? Number.POSITIVE_INFINITY) || a.name.localeCompare(b.name));
      await audit.record(db, context, { action: 'youth_justice.caseload_viewed', details: { shown: rows.map((r) => r.id) } });
      return { rows, overdue: rows.filter((r) => r.overdue > 0).length, mine: rows.filter((r) => r.caseManagerId === context.actor.userId).length };
    },

    /**
     * The three performance indicators for a calendar year (the preamble of the Youth Offending
     * Service standards), counted across every child, with the children behind them the reader may see.
     */
    async indicators(context: RequestContext, year?: number) {
      await allowList(context, 'youth_justice.indicators_viewed');
      const today = londonDate(clock.now());
      const chosen = year ?? Number(today.slice(0, 4));
      const ids = [...new Set((await people.latestOfTypesForAll([yosEvent.disposal, yosEvent.sentenced, yosEvent.reoffended, yosEvent.referred])).map((e) => e.personId))];
      const events = await people.ofTypesFor(ids, [yosEvent.disposal, yosEvent.sentenced, yosEvent.reoffended, yosEvent.referred]);
      const byPerson = new Map<string, typeof events>();
      for (const e of events) byPerson.set(e.personId, [...(byPerson.get(e.personId) ?? []), e]);
      const figures = youthJusticeIndicators([...byPerson].map(([personId, list]) => ({ personId, events: list })), chosen, today);
      const behind = [...new Set([...figures.firstTimeEntrants.children, ...figures.reoffending.children, ...figures.custody.children].map((c) => c.personId))];
      const visible = await people.visibleRecords(context, behind);
      const named = <T extends { personId: string }>(list: T[]) =>
        list.map((c) => {
          const record = visible.get(c.personId);
          return { ...c, name: record ? fullName(record.details) : 'Restricted record', hearthId: record?.hearthId ?? null, visible: Boolean(record) };
        });
      await audit.record(db, context, { action: 'youth_justice.indicators_viewed', details: { year: chosen, shown: [...visible.keys()] } });
      const latest = Number(today.slice(0, 4));
      return {
        figures,
        firstTimeEntrants: named(figures.firstTimeEntrants.children),
        reoffending: named(figures.reoffending.children),
        custody: named(figures.custody.children),
        chosen,
        years: Array.from({ length: 6 }, (_, i) => latest - i),
      };
    },
  };
}
