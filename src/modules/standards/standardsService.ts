import type { SQL } from 'drizzle-orm';
import { rolesAllow } from '../../domain/access/can';
import { addDays, londonDate, londonStartOfDay } from '../../domain/calendar/localDate';
import { evaluate, type ChildFacts, type RuleTimeline } from '../../domain/standards/evaluate';
import type { Interval, Rule, RuleVersion, Unit } from '../../domain/standards/rule';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import { englandAndWalesCalendar } from '../../platform/calendar';
import type { Clock } from '../../platform/clock';
import type { Db, Executor } from '../../platform/db/database';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { eventStore } from '../../platform/events/eventStore';
import { catalogueEffectiveFrom, catalogueRules, episodes, ruleById } from '../../standards/index';
import { standardsRepository } from './standardsRepository';

export interface StandardsDependencies {
  /** The facts about a person the rules need, read with the caller's transaction. */
  factsFor(executor: Executor, personId: string): Promise<ChildFacts>;
  /** The people module's fragment giving each person's allocated team and worker. */
  allocationSql(): SQL;
}

export interface OverrideInput {
  ruleId: string;
  effectiveFrom: string;
  enabled: boolean;
  amount: number | null;
  unit: Unit | null;
  reason: string;
}

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

export function ruleInterval(rule: Rule): Interval {
  return rule.kind === 'after' ? rule.within : rule.kind === 'recurring' ? rule.every : rule.ahead;
}

/** Each rule's versions: the catalogue's, then each override in the order it takes effect. */
export function timelinesWith(overrides: { ruleId: string; effectiveFrom: string; enabled: boolean; amount: number | null; unit: string | null }[]): RuleTimeline[] {
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

  async function timelines(executor: Executor): Promise<RuleTimeline[]> {
    return timelinesWith(await standardsRepository.overrides(executor));
  }

  async function obligationsFor(executor: Executor, personId: string, rules: RuleTimeline[], upTo?: Date) {
    const stream = await eventStore.stream(executor, personId);
    const events = upTo ? stream.filter((e) => e.occurredAt.getTime() <= upTo.getTime()) : stream;
    const facts = await deps.factsFor(executor, personId);
    return evaluate({ personId, events, rules, episodes, calendar, facts });
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
    async recompute(executor: Executor, personIds: readonly string[]): Promise<void> {
      const rules = await timelines(executor);
      for (const personId of new Set(personIds)) {
        await standardsRepository.replaceForPerson(executor, personId, await obligationsFor(executor, personId, rules));
      }
    },

    /** Rebuilds every obligation (`npx hearth standards recompute`), a batch of people per transaction. */
    async recomputeAll(onProgress: (done: number, total: number) => void = () => {}): Promise<{ people: number }> {
      const ids = await standardsRepository.everyoneWithEvents(db);
      for (let i = 0; i < ids.length; i += 200) {
        await db.transaction(async (tx) => {
          const rules = await timelines(tx);
          for (const personId of ids.slice(i, i + 200)) {
            await standardsRepository.replaceForPerson(tx, personId, await obligationsFor(tx, personId, rules));
          }
        });
        onProgress(Math.min(i + 200, ids.length), ids.length);
      }
      return { people: ids.length };
    },

    /** A person's obligations as they stood at an instant: only the events up to then count. */
    async asAt(personId: string, at: Date) {
      const obligations = await obligationsFor(db, personId, await timelines(db), at);
      // Met by recording something that was recorded only after `at` (an imported visit recorded
      // "within 2 days", say): at that instant it was not done yet.
      return obligations.map((o) =>
        o.doneAt && o.doneAt.getTime() > at.getTime()
          ? { ...o, outcome: o.closedAt && o.closedAt.getTime() <= at.getTime() ? ('missed' as const) : ('open' as const), doneAt: null, doneEventId: null, lateReason: null }
          : o,
      );
    },

    forPerson: (personId: string) => standardsRepository.forPerson(db, personId, clock.now()),
    openFor: (personIds: readonly string[]) => standardsRepository.openFor(db, personIds, clock.now(), horizon(clock.now())),
    openCounts: (personIds: readonly string[]) => standardsRepository.openCounts(db, personIds, clock.now(), horizon(clock.now())),

    async compliance(from: string, to: string) {
      return standardsRepository.compliance(db, londonStartOfDay(from), londonStartOfDay(addDays(to, 1)), clock.now(), deps.allocationSql());
    },

    ofRuleInPeriod: (ruleId: string, from: string, to: string, limit = 500) =>
      standardsRepository.ofRuleInPeriod(db, ruleId, londonStartOfDay(from), londonStartOfDay(addDays(to, 1)), clock.now(), limit),

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
        for (const personId of affected) {
          await standardsRepository.replaceForPerson(tx, personId, await obligationsFor(tx, personId, rules));
        }
        return { recomputed: affected.length };
      });
    },
  };
}

export type StandardsService = ReturnType<typeof standardsService>;
