import { rolesAllow } from '../../domain/access/can';
import { otEventTypes, otRecordOf, otRules, stageLabels, stageOf, waitingListOrder } from '../../domain/occupationalTherapy/otCase';
import { londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import { groupedBy } from '../../domain/records/events';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { mergeProblems, problemsOf, readDateInput } from '../../platform/validation';
import { checkedAt, type When } from '../../platform/when';
import { registerUnlessDuplicate, type PossibleDuplicate } from '../people/findOrRegister';
import type { PeopleService } from '../people/peopleService';
import { asClock, type Clock as StandardClock } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import { newChildSchema, querySchema, referralSchema } from './otSchemas';
import type { OccupationalTherapyService } from './otService';

/** Open clocks across the authority, found by the event that started them and by child and standard. */
async function openClocks(standards: StandardsService, context: RequestContext, ruleIds: readonly string[]) {
  const rows = (await Promise.all(ruleIds.map((id) => standards.openOfRule(id, 5000, context.actor)))).flat();
  const byStart = new Map<string, StandardClock>();
  const byChild = new Map<string, StandardClock>();
  for (const row of rows) {
    byStart.set(row.obligation.startEventId, asClock(row));
    byChild.set(`${row.obligation.personId}|${row.obligation.ruleId}`, asClock(row));
  }
  return { byStart, byChild };
}

/**
 * The Occupational Therapy team's list (practice-standards.txt, Section 1: Occupational Therapy
 * 1-6): the CSOT duty inbox, new referrals awaiting prioritisation, the waiting list by priority
 * and the allocated cases, each with its clock from the standards; and recording a query or
 * referral for a child new to Hearth. Only the records the reader may see are listed.
 */
export function occupationalTherapyListService(db: Db, clock: Clock, people: PeopleService, standards: StandardsService, ot: OccupationalTherapyService) {
  return {
    async list(context: RequestContext) {
      if (!rolesAllow(context.actor, 'ot:read')) throw new ForbiddenError('You do not have permission to see the Occupational Therapy lists');
      const ids = [...new Set((await people.latestOfTypesForAll(otEventTypes)).map((e) => e.personId))];
      const visible = await people.visibleRecords(context, ids);
      const streams = groupedBy(await people.ofTypesFor([...visible.keys()], otEventTypes), (e) => e.personId);
      const clocks = await openClocks(standards, context, otRules);
      const inbox = [];
      const awaiting = [];
      const waiting = [];
      const allocated = [];
      for (const [personId, record] of visible) {
        const child = { personId, name: fullName(record.details), hearthId: record.hearthId };
        const ot = otRecordOf(streams.get(personId) ?? []);
        for (const q of ot.queries.filter((x) => !x.respondedAt)) inbox.push({ ...child, receivedAt: q.receivedAt, from: q.from, clock: clocks.byStart.get(q.eventId) ?? null });
        const r = ot.open;
        if (!r) continue;
        const clock = (ruleId: string) => clocks.byChild.get(`${personId}|${ruleId}`) ?? null;
        if (!r.priority) awaiting.push({ ...child, receivedAt: r.receivedAt, referrer: r.referrer, clock: clock('ot.referral-prioritised') });
        else if (!r.allocated) waiting.push({ ...child, receivedAt: r.receivedAt, priority: r.priority.priority, prioritisedAt: r.priority.at, letterSentAt: r.letterSentAt, clock: r.letterSentAt ? null : clock('ot.waiting-list-letter') });
        else allocated.push({ ...child, receivedAt: r.receivedAt, worker: r.allocated.workerName, stage: stageLabels[stageOf(r)], clocks: [clock('ot.assessment-offered'), clock('ot.person-summary')].filter((c): c is StandardClock => c !== null) });
      }
      await audit.record(db, context, { action: 'ot.list_viewed', details: { shown: [...visible.keys()] } });
      const oldestFirst = <T extends { receivedAt: Date }>(list: T[]) => list.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
      return {
        inbox: oldestFirst(inbox),
        awaiting: oldestFirst(awaiting),
        waiting: waitingListOrder(waiting),
        allocated: oldestFirst(allocated),
        hidden: ids.length - visible.size,
      };
    },

    /**
     * A query or referral about a child not yet on Hearth: the child added through the people
     * service (likely duplicates shown first), then the query or referral recorded on their record.
     * The form is checked whole before anyone is added, so a refused form adds no one.
     */
    async recordForNewChild(context: RequestContext, body: Record<string, unknown>, when: When): Promise<{ outcome: 'recorded'; personId: string } | { outcome: 'possible-duplicates'; duplicates: PossibleDuplicate[] }> {
      if (!rolesAllow(context.actor, 'ot:record')) throw new ForbiddenError('You do not have permission to record Occupational Therapy work');
      const now = clock.now();
      const born = readDateInput(body, 'dateOfBirth', 'Date of birth', true);
      const child = newChildSchema.safeParse(body);
      // One form for both: "from" and "what it asks" are the query's sender and question, or the referrer and the child's needs.
      const isQuery = child.success && child.data.kind === 'query';
      const work = isQuery ? { from: body.from, channel: body.channel, query: body.asks } : { referrer: body.from, needs: body.asks };
      const formField: Record<string, string> = { query: 'asks', needs: 'asks', referrer: 'from' };
      let problems = mergeProblems(born.problem ? [born.problem] : [], child.success ? [] : problemsOf(child.error));
      let at: Date | null = null;
      try {
        at = checkedAt(isQuery ? querySchema : referralSchema, work, when, now).at;
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        problems = mergeProblems(problems, error.problems.map((p) => ({ ...p, field: formField[p.field] ?? p.field })));
      }
      // A child cannot be the subject of a query or referral before they were born (as the hospital duty form checks).
      if (born.value && at && born.value > londonDate(at)) problems = mergeProblems(problems, [{ field: 'dateOfBirth-day', message: `The date of birth must be on or before the date of the ${isQuery ? 'query' : 'referral'}` }]);
      if (problems.length > 0 || !child.success) throw new ValidationError(problems);
      const registered = await registerUnlessDuplicate(people, context, { kind: 'child', givenNames: child.data.givenNames, familyName: child.data.familyName, dateOfBirth: born.value }, Boolean(child.data.confirmNotDuplicate));
      if (registered.outcome === 'possible-duplicates') return registered;
      const personId = registered.record.id;
      if (isQuery) await ot.query(context, personId, work, when);
      else await ot.referral(context, personId, work, when);
      return { outcome: 'recorded', personId };
    },
  };
}

export type OccupationalTherapyListService = ReturnType<typeof occupationalTherapyListService>;
