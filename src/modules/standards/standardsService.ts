import { sql, type SQL } from 'drizzle-orm';
import { rolesAllow, seesYouthJustice, type Actor, type RecordSubject } from '../../domain/access/can';
import { isAllegationRule } from '../../domain/lado/allegation';
import { isYouthJusticeRule, youthJusticePrefix } from '../../domain/youthJustice/youthJusticeCodes';
import { addDays, addMonths, londonDate, londonStartOfDay } from '../../domain/calendar/localDate';
import { groupedBy } from '../../domain/records/events';
import { evaluate, type ChildFacts, type RuleTimeline } from '../../domain/standards/evaluate';
import type { Obligation } from '../../domain/standards/obligation';
import { touchIndex } from '../../domain/standards/touchedBy';
import type { Interval, Rule, RuleVersion, Unit } from '../../domain/standards/rule';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import { englandAndWalesCalendar } from '../../platform/calendar';
import type { Clock } from '../../platform/clock';
import type { Db, Executor } from '../../platform/db/database';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { eventStore } from '../../platform/events/eventStore';
import { catalogueEffectiveFrom, catalogueRules, episodes, ruleById } from '../../standards/index';
import { reconcileByDigest, reconcileObligations } from './obligationWrites';
import { standardsRepository, type TallyPeriod } from './standardsRepository';

export interface StandardsDependencies {
  /** The facts about each person the rules need, read with the caller's transaction. */
  factsFor(executor: Executor, personIds: readonly string[]): Promise<Map<string, ChildFacts>>;
  /** Holds these people's records until the transaction ends, so that no event is recorded on them meanwhile. */
  lockRecords(executor: Executor, personIds: readonly string[]): Promise<void>;
  /** The people module's fragment giving each person's allocated team and worker. */
  allocationSql(): SQL;
  /** Who may see what of these records (allocation, restriction, grants): youth justice obligations follow the record (issue 12). */
  subjectsOf(personIds: readonly string[]): Promise<Map<string, RecordSubject>>;
  /** Event types that change the facts (date of birth, allocated team): after one, all of a person's rules are worked out again. */
  factsChangedBy: readonly string[];
}

export interface OverrideInput {
  ruleId: string;
  effectiveFrom: string;
  enabled: boolean;
  amount: number | null;
  unit: Unit | null;
  reason: string;
}

/** Standards about allegations against adults (Managing Allegations 81-84): their rule ids begin so. */
const allegationRulePrefix = 'lado.';
const readsAllegations = (reader?: Actor) => reader !== undefined && rolesAllow(reader, 'allegation:read');
/**
 * Standards about a child's youth justice work (Youth Offending Service 1-22): restricted to the
 * service and those working with the child (issue 12). Across the authority (compliance and its
 * drill-downs, a rule's list) to the service (youth_justice:read) and the head of service; on a
 * child's record to whoever seesYouthJustice of that record.
 */
const readsAllYouthJustice = (reader?: Actor) => reader !== undefined && (rolesAllow(reader, 'youth_justice:read') || reader.roles.includes('head-of-service'));
const ruleVisible = (ruleId: string, reader?: Actor) => (!isAllegationRule(ruleId) || readsAllegations(reader)) && (!isYouthJusticeRule(ruleId) || readsAllYouthJustice(reader));

/** People whose obligations are worked out together: one query for their events, one write. */
const recomputeBatch = 500;
const noFacts: ChildFacts = { dateOfBirth: null, teamSpecialism: null };
const ruleIds = catalogueRules.map((r) => r.id);

/** A rule with its timescale replaced, for an override of the timescale. */
function withInterval(rule: Rule, interval: Interval): Rule {
  switch (rule.kind) {
    case 'after':
      return { ...rule, within: interval };
    case 'recurring':
      return { ...rule, every: interval, first: rule.first ? interval : undefined };
    case 'before-birthday':
    case 'before-event':
      return { ...rule, ahead: interval };
  }
}

/**
 * London dates `from` to `to` (both included) as instants, with the whole London months inside
 * them, which the compliance tallies count (issue 3, compliance page).
 */
export function tallyPeriod(from: string, to: string): TallyPeriod {
  const after = addDays(to, 1);
  const firstMonth = from.endsWith('-01') ? from : `${addMonths(from, 1).slice(0, 7)}-01`;
  const endMonth = `${after.slice(0, 7)}-01`;
  return {
    from: londonStartOfDay(from),
    to: londonStartOfDay(after),
    months: firstMonth < endMonth ? { from: firstMonth, to: endMonth, fromInstant: londonStartOfDay(firstMonth), toInstant: londonStartOfDay(endMonth) } : null,
  };
}

export function ruleInterval(rule: Rule): Interval {
  return rule.kind === 'after' ? rule.within : rule.kind === 'recurring' ? rule.every : rule.ahead;
}

type OverrideTerms = { ruleId: string; effectiveFrom: string; enabled: boolean; amount: number | null; unit: string | null };

/**
 * The timelines last made, by the overrides they were made from. The engine keeps what it works
 * out about each rule (the event types that start it) against the timeline object, so handing it
 * the same objects while the overrides are the same saves that work on every event.
 */
let lastTimelines: { key: string; timelines: RuleTimeline[] } | null = null;

/** Each rule's versions: the catalogue's, then each override in the order it takes effect. */
export function timelinesWith(overrides: OverrideTerms[]): RuleTimeline[] {
  const key = JSON.stringify(overrides.map((o) => [o.ruleId, o.effectiveFrom, o.enabled, o.amount, o.unit]));
  if (lastTimelines?.key === key) return lastTimelines.timelines;
  const timelines = makeTimelines(overrides);
  lastTimelines = { key, timelines };
  return timelines;
}

function makeTimelines(overrides: OverrideTerms[]): RuleTimeline[] {
  return catalogueRules.map((rule) => {
    const versions: RuleVersion[] = [{ rule, version: 1, effectiveFrom: catalogueEffectiveFrom, enabled: rule.enabled ?? true }];
    const mine = overrides.filter((o) => o.ruleId === rule.id).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
    for (const override of mine) {
      const interval = override.amount !== null && override.unit ? { amount: override.amount, unit: override.unit as Unit } : null;
      versions.push({ rule: interval ? withInterval(rule, interval) : rule, version: versions.length + 1, effectiveFrom: override.effectiveFrom, enabled: override.enabled });
    }
    return { id: rule.id, versions };
  });
}

/**
 * The practice standards applied to people's records: obligations recomputed with every event,
 * "my work", team and compliance figures, and the authority's changes to the catalogue.
 */
export function standardsService(db: Db, clock: Clock, deps: StandardsDependencies) {
  const calendar = englandAndWalesCalendar();

  /** Of these people, those whose youth justice records the reader may see. */
  async function seeingYouthJustice(personIds: readonly string[], reader?: Actor): Promise<Set<string>> {
    if (!reader || personIds.length === 0) return new Set();
    const subjects = await deps.subjectsOf(personIds);
    return new Set(personIds.filter((id) => {
      const subject = subjects.get(id);
      return subject !== undefined && seesYouthJustice(reader, subject);
    }));
  }

  /** The rows this reader may see: allegations' (lado.*) by role, youth justice (yos.*) by the record. */
  async function visibleRows<T extends { obligation: { ruleId: string; personId: string } }>(rows: T[], reader?: Actor): Promise<T[]> {
    const allegations = readsAllegations(reader);
    const youthJusticeOf = [...new Set(rows.filter((r) => isYouthJusticeRule(r.obligation.ruleId)).map((r) => r.obligation.personId))];
    const seeing = await seeingYouthJustice(youthJusticeOf, reader);
    return rows.filter((r) => (allegations || !isAllegationRule(r.obligation.ruleId)) && (!isYouthJusticeRule(r.obligation.ruleId) || seeing.has(r.obligation.personId)));
  }

  /** Open counts for My work and the team page, each person's youth justice obligations counted only for a reader who may see them. */
  async function openCounts(personIds: readonly string[], reader?: Actor) {
    const at = clock.now();
    const lado = readsAllegations(reader) ? [] : [allegationRulePrefix];
    const seeing = await seeingYouthJustice(personIds, reader);
    const hidden = personIds.filter((id) => !seeing.has(id));
    const [shown, without] = await Promise.all([
      standardsRepository.openCounts(db, [...seeing], at, horizon(at), lado),
      standardsRepository.openCounts(db, hidden, at, horizon(at), [...lado, youthJusticePrefix]),
    ]);
    return new Map([...shown, ...without]);
  }

  async function timelines(executor: Executor): Promise<RuleTimeline[]> {
    return timelinesWith(await standardsRepository.overrides(executor));
  }

  /** These people's obligations from their events: their streams and facts read in one query each. */
  async function obligationsFor(executor: Executor, personIds: readonly string[], rules: readonly RuleTimeline[], upTo?: Date): Promise<Obligation[]> {
    // Only the events some rule reads (touchedBy.ts): the same obligations, without carrying case notes across.
    const streams = await eventStore.streams(executor, personIds, { only: touchIndex(rules, episodes).typesReadByAny });
    const facts = await deps.factsFor(executor, personIds);
    const list: Obligation[] = [];
    for (const personId of personIds) {
      const stream = streams.get(personId) ?? [];
      const events = upTo ? stream.filter((e) => e.occurredAt.getTime() <= upTo.getTime()) : stream;
      for (const o of evaluate({ personId, events, rules, episodes, calendar, facts: facts.get(personId) ?? noFacts })) list.push(o);
    }
    return list;
  }

  /** Works out these people's obligations again and stores them, in the caller's transaction. */
  async function recomputeIn(executor: Executor, personIds: readonly string[], rules?: readonly RuleTimeline[]): Promise<void> {
    const ids = [...new Set(personIds)];
    await reconcileObligations(executor, ids, await obligationsFor(executor, ids, rules ?? (await timelines(executor))));
  }

  /**
   * After new events: each person's rules that those events can change, worked out again from
   * only the events those rules read (touchedBy.ts says why that gives the same obligations).
   * An event that changes the facts the rules use, or a person without their new events to
   * hand, has all their rules worked out again.
   */
  async function recomputeAfterIn(executor: Executor, personIds: readonly string[], newEvents: readonly { personId: string; type: string }[]): Promise<void> {
    const rules = await timelines(executor);
    const touch = touchIndex(rules, episodes);
    const everything: string[] = [];
    const some = new Map<string, { ids: string[]; rules: readonly RuleTimeline[] }>();
    const eventsOf = groupedBy(newEvents, (e) => e.personId);
    for (const personId of new Set(personIds)) {
      const types = new Set((eventsOf.get(personId) ?? []).map((e) => e.type));
      if (types.size === 0 || [...types].some((t) => deps.factsChangedBy.includes(t))) {
        everything.push(personId);
        continue;
      }
      const touched = [...new Set([...types].flatMap((t) => touch.rulesTouchedBy(t)))];
      if (touched.length === 0) continue; // nothing any rule reads: the obligations stand
      const key = touched.map((r) => r.id).sort().join(' ');
      const group = some.get(key);
      if (group) group.ids.push(personId);
      else some.set(key, { ids: [personId], rules: touched });
    }
    if (everything.length > 0) await recomputeIn(executor, everything, rules);
    // obligationsFor reads only the event types the touched rules read.
    for (const { ids, rules: touched } of some.values()) await reconcileObligations(executor, ids, await obligationsFor(executor, ids, touched), touched.map((r) => r.id));
  }

  /** "Due in the next 10 working days" (issue 3, My work): the end of that London day. */
  function horizon(now: Date): Date {
    const last = calendar.addWorkingDays(londonDate(now), 10);
    return new Date(londonStartOfDay(addDays(last, 1)).getTime() - 1);
  }

  return {
    calendar,
    horizon,

    /** Recomputes these people's obligations, inside the transaction that recorded their events. */
    recompute: (executor: Executor, personIds: readonly string[]): Promise<void> => recomputeIn(executor, personIds),

    /** Recomputes what these newly recorded events can change, inside the transaction that recorded them. */
    recomputeAfter: (executor: Executor, personIds: readonly string[], newEvents: readonly { personId: string; type: string }[]): Promise<void> =>
      recomputeAfterIn(executor, personIds, newEvents),

    /**
     * Rebuilds every obligation (`npx hearth standards recompute`), a batch of people per
     * transaction. Two batches are under way at once, so that on a server one is being worked
     * out here while the other is read or written there.
     */
    async recomputeAll(onProgress: (done: number, total: number) => void = () => {}): Promise<{ people: number }> {
      const ids = await standardsRepository.everyoneWithEvents(db);
      let next = 0;
      let done = 0;
      const worker = async () => {
        while (next < ids.length) {
          const batch = ids.slice(next, next + recomputeBatch);
          next += batch.length;
          await db.transaction(async (tx) => {
            // The compliance tallies are counted afresh at the end, not statement by statement.
            await tx.execute(sql`select set_config('hearth.recounting', 'on', true)`);
            const ids = [...new Set(batch)];
            // Their records held first: an event recorded on one of them meanwhile waits for this
            // batch, or this batch for it, so the two never write from the same stale rows and
            // the digests stored describe the rows as they end up.
            await deps.lockRecords(tx, ids);
            await reconcileByDigest(tx, ids, await obligationsFor(tx, ids, await timelines(tx)));
          });
          done += batch.length;
          onProgress(done, ids.length);
        }
      };
      await Promise.all([worker(), worker()]);
      await standardsRepository.rebuildTallies(db, deps.allocationSql());
      return { people: ids.length };
    },

    /** A person's obligations as they stood at an instant: only the events up to then count. */
    async asAt(personId: string, at: Date) {
      const obligations = await obligationsFor(db, [personId], await timelines(db), at);
      // Met by recording something that was recorded only after `at` (an imported visit recorded
      // "within 2 days", say): at that instant it was not done yet.
      return obligations.map((o) =>
        o.doneAt && o.doneAt.getTime() > at.getTime()
          ? { ...o, outcome: o.closedAt && o.closedAt.getTime() <= at.getTime() ? ('missed' as const) : ('open' as const), doneAt: null, doneEventId: null, lateReason: null }
          : o,
      );
    },

    // Obligations under the Managing Allegations rules (lado.*) say that an allegation exists and
    // when it was handled: every read below leaves them out unless `reader` may read allegations
    // (issue 11: "LADO records are visible only to the LADO team and auditors"). Those of a child's
    // youth justice work (yos.*) unless `reader` sees that child's youth justice records (issue 12).
    // Hidden by default, so that a page that forgets to pass its reader shows less, never more.
    forPerson: async (personId: string, reader?: Actor) => visibleRows(await standardsRepository.forPerson(db, personId, clock.now()), reader),
    openFor: async (personIds: readonly string[], reader?: Actor) => visibleRows(await standardsRepository.openFor(db, personIds, clock.now(), horizon(clock.now())), reader),
    openOfRule: async (ruleId: string, limit = 200, reader?: Actor) => (ruleVisible(ruleId, reader) ? standardsRepository.openOfRule(db, ruleId, clock.now(), limit) : []),
    openCounts,

    /** The compliance figures per rule and team for London dates `from` to `to`, both included. */
    compliance: async (from: string, to: string, reader?: Actor) =>
      (await standardsRepository.compliance(db, tallyPeriod(from, to), ruleIds, clock.now(), deps.allocationSql())).filter((r) => ruleVisible(r.ruleId, reader)),

    /** One rule's figures per team and worker over the same period (the drill-down). */
    complianceOfRule: async (ruleId: string, from: string, to: string, reader?: Actor) =>
      ruleVisible(ruleId, reader) ? standardsRepository.complianceOfRule(db, ruleId, londonStartOfDay(from), londonStartOfDay(addDays(to, 1)), clock.now(), deps.allocationSql()) : [],

    /** Folds the compliance tallies' rows of changes together (a timer in the server does this). */
    compactTallies: () => standardsRepository.compactTallies(db),

    ofRuleInPeriod: async (ruleId: string, from: string, to: string, limit = 500, reader?: Actor) =>
      ruleVisible(ruleId, reader) ? standardsRepository.ofRuleInPeriod(db, ruleId, londonStartOfDay(from), londonStartOfDay(addDays(to, 1)), clock.now(), limit) : [],

    overrides: () => standardsRepository.overrides(db),

    /**
     * Changes a rule from a date: its timescale, or whether it is followed at all. Audited, kept
     * for ever, and the obligations of everyone the rule could touch are worked out again.
     */
    async override(context: RequestContext, input: OverrideInput): Promise<{ recomputed: number }> {
      if (!rolesAllow(context.actor, 'standards:manage')) throw new ForbiddenError('Only an administrator or the head of service can change the standards');
      const rule = ruleById(input.ruleId);
      if (!rule) throw new NotFoundError('The standard');
      if ((input.amount === null) !== (input.unit === null)) {
        throw new ValidationError([{ field: 'amount', message: 'Give both the number and the unit of the new timescale, or neither' }]);
      }
      if (input.unit === 'hours' && (rule.kind === 'before-birthday' || rule.kind === 'before-event')) {
        throw new ValidationError([{ field: 'unit', message: 'This standard is counted in days before a date: choose days, working days, weeks or months' }]);
      }
      const types = [...rule.starts, ...rule.satisfiedBy, ...(rule.cancelledBy ?? [])].map((m) => m.type);
      return db.transaction(async (tx) => {
        await standardsRepository.addOverride(tx, { ...input, createdBy: context.actor.userId, createdByName: context.actor.displayName });
        await audit.record(tx, context, { action: 'standards.changed', details: { ...input } });
        const affected = await standardsRepository.peopleWithEventTypes(tx, types);
        const rules = await timelines(tx);
        for (let i = 0; i < affected.length; i += recomputeBatch) await recomputeIn(tx, affected.slice(i, i + recomputeBatch), rules);
        return { recomputed: affected.length };
      });
    },
  };
}

export type StandardsService = ReturnType<typeof standardsService>;
