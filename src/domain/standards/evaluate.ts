import { londonDate } from '../calendar/localDate';
import type { WorkingCalendar } from '../calendar/workingDays';
import { birthday, dueAfter, dueBefore, type Due } from './due';
import type { Obligation, Outcome } from './obligation';
import type { Cohort, Episode, EventMatch, RuleVersion } from './rule';

/** What the engine needs of an event: the record's own events, in any order. */
export interface StandardsEvent {
  id: string;
  seq: number;
  type: string;
  occurredAt: Date;
  recordedAt: Date;
  data: Record<string, unknown>;
  reason: string | null;
}

/** Facts about the child that decide which rules apply and when birthdays fall. */
export interface ChildFacts {
  dateOfBirth: string | null;
  /** The specialism of the team the child is allocated to ("disabled-children"), if any. */
  teamSpecialism: string | null;
}

/** A rule's versions, oldest first: the catalogue's, then the authority's overrides. */
export interface RuleTimeline {
  id: string;
  versions: readonly RuleVersion[];
}

export interface StandardsInput {
  personId: string;
  events: readonly StandardsEvent[];
  rules: readonly RuleTimeline[];
  episodes: readonly Episode[];
  calendar: WorkingCalendar;
  facts: ChildFacts;
}

/** Recurring rules stop after this many times round: a guard against a rule that never moves on. */
const maxCycles = 10_000;

export function matches(event: Pick<StandardsEvent, 'type' | 'data'>, match: EventMatch): boolean {
  if (event.type !== match.type) return false;
  for (const [key, wanted] of Object.entries(match.where ?? {})) {
    const actual = event.data[key];
    const allowed = Array.isArray(wanted) ? wanted : [wanted];
    if (!allowed.includes(actual as never)) return false;
  }
  return true;
}

const matchesAny = (event: StandardsEvent, list: readonly EventMatch[] | undefined) => (list ?? []).some((m) => matches(event, m));

/** The version of a rule in force on a London date (the latest that had started by then). */
export function versionOn(timeline: RuleTimeline, date: string): RuleVersion | null {
  let found: RuleVersion | null = null;
  for (const version of timeline.versions) if (version.effectiveFrom <= date) found = version;
  return found;
}

function applies(cohort: Cohort | undefined, facts: ChildFacts): boolean {
  if (!cohort) return true;
  const specialism = facts.teamSpecialism;
  if (cohort.teamSpecialisms && !(specialism && cohort.teamSpecialisms.includes(specialism))) return false;
  if (cohort.exceptTeamSpecialisms && specialism && cohort.exceptTeamSpecialisms.includes(specialism)) return false;
  return true;
}

interface Span {
  startIndex: number;
  /** Index of the event that ended the episode, or of none (Infinity). */
  endIndex: number;
}

/** Each time the episode was open: from a start event to the next end event after it. */
function spans(events: readonly StandardsEvent[], episode: Episode): Span[] {
  const result: Span[] = [];
  let open: Span | null = null;
  events.forEach((event, index) => {
    if (open && matchesAny(event, episode.ends)) {
      open.endIndex = index;
      open = null;
    } else if (!open && matchesAny(event, episode.starts)) {
      open = { startIndex: index, endIndex: Number.POSITIVE_INFINITY };
      result.push(open);
    }
  });
  return result;
}

/** The start event as "done" when it was recorded: `data.recordedAt` if it carries one. */
function asRecorded(event: StandardsEvent): StandardsEvent {
  const stated = typeof event.data.recordedAt === 'string' ? new Date(event.data.recordedAt) : null;
  return { ...event, occurredAt: stated && !Number.isNaN(stated.getTime()) ? stated : event.recordedAt };
}

function lateReasonOf(event: StandardsEvent): string | null {
  if (event.reason) return event.reason;
  return typeof event.data.lateReason === 'string' ? event.data.lateReason : null;
}

/**
 * A child's obligations, from their events and the catalogue (DESIGN.md: "evaluate(events,
 * catalogue, calendar, now) -> obligations"; "now" is left to stateAt, so that what is stored
 * does not change as time passes). Pure: the same events give the same obligations.
 */
export function evaluate(input: StandardsInput): Obligation[] {
  const events = [...input.events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.seq - b.seq);
  const episodes = new Map(input.episodes.map((e) => [e.id, e]));
  const spansOf = new Map<string, Span[]>();
  const spanFor = (episodeId: string, index: number): Span | null => {
    const episode = episodes.get(episodeId);
    if (!episode) throw new Error(`Unknown episode ${episodeId}`);
    if (!spansOf.has(episodeId)) spansOf.set(episodeId, spans(events, episode));
    return spansOf.get(episodeId)?.find((s) => s.startIndex <= index && index < s.endIndex) ?? null;
  };
  const obligations: Obligation[] = [];

  for (const timeline of input.rules) {
    const started = new Set<string>(); // spans (or "all") in which a recurring chain has begun
    const counts = new Map<string, number>(); // start events seen per span, for `occurrence`

    events.forEach((start, startIndex) => {
      const version = versionOn(timeline, londonDate(start.occurredAt));
      if (!version || !version.enabled) return;
      const rule = version.rule;
      if (!matchesAny(start, rule.starts) || !applies(rule.cohort, input.facts)) return;
      const span = rule.episode ? spanFor(rule.episode, startIndex) : { startIndex: -1, endIndex: Number.POSITIVE_INFINITY };
      if (!span) return; // outside the episode the rule lives in
      const spanKey = String(span.startIndex);
      const seen = (counts.get(spanKey) ?? 0) + 1;
      counts.set(spanKey, seen);
      if (rule.occurrence !== undefined && seen !== rule.occurrence) return;
      if (rule.fromOccurrence !== undefined && seen < rule.fromOccurrence) return;

      // The first event after the start that closes the obligation: its episode's end, or a cancelling event.
      let closeIndex = span.endIndex;
      for (let i = startIndex + 1; i < Math.min(closeIndex, events.length); i++) {
        if (matchesAny(events[i] as StandardsEvent, rule.cancelledBy)) {
          closeIndex = i;
          break;
        }
      }
      const closedAt = Number.isFinite(closeIndex) ? (events[closeIndex] as StandardsEvent).occurredAt : null;
      const key = rule.correlate;
      const sameCase = (event: StandardsEvent) => !key || start.data[key] === undefined || event.data[key] === start.data[key];
      const firstSatisfying = (after: number, upTo = closeIndex): { event: StandardsEvent; index: number } | null => {
        if (rule.satisfiedByRecording) return { event: asRecorded(start), index: startIndex };
        for (let i = after + 1; i < Math.min(upTo, events.length); i++) {
          const event = events[i] as StandardsEvent;
          if (matchesAny(event, rule.satisfiedBy) && sameCase(event)) return { event, index: i };
        }
        return null;
      };
      // The clock starts at the start event, or at the latest `countFrom` event at or before it.
      let clockStart = start.occurredAt;
      if (rule.countFrom) {
        for (let i = startIndex; i >= 0; i--) {
          if (matchesAny(events[i] as StandardsEvent, rule.countFrom)) {
            clockStart = (events[i] as StandardsEvent).occurredAt;
            break;
          }
        }
      }
      const emit = (cycle: number, ruleVersion: number, due: Due, done: StandardsEvent | null, outcomeIfOpen: Outcome) => {
        const outcome: Outcome = done
          ? done.occurredAt.getTime() <= due.deadline.getTime()
            ? 'met'
            : 'met_late'
          : outcomeIfOpen;
        obligations.push({
          ruleId: rule.id,
          ruleVersion,
          personId: input.personId,
          startEventId: start.id,
          cycle,
          startedAt: start.occurredAt,
          dueDate: due.date,
          deadline: due.deadline,
          outcome,
          doneAt: done?.occurredAt ?? null,
          doneEventId: done?.id ?? null,
          closedAt: done ? null : closedAt,
          lateReason: done && outcome === 'met_late' ? lateReasonOf(done) : null,
          responsible: rule.responsible,
        });
      };
      const unfinished = (due: Due): Outcome => (closedAt === null ? 'open' : closedAt.getTime() <= due.deadline.getTime() ? 'cancelled' : 'missed');

      switch (rule.kind) {
        case 'after': {
          const due = dueAfter(clockStart, rule.within, input.calendar);
          const done = firstSatisfying(startIndex);
          emit(0, version.version, due, done?.event ?? null, unfinished(due));
          return;
        }
        case 'before-birthday': {
          if (!input.facts.dateOfBirth) return;
          const due = dueBefore(birthday(input.facts.dateOfBirth, rule.age), rule.ahead, input.calendar);
          if (due.date !== null && londonDate(start.occurredAt) > due.date) return; // started too late for it to apply
          const done = firstSatisfying(startIndex);
          emit(0, version.version, due, done?.event ?? null, unfinished(due));
          return;
        }
        case 'before-event': {
          // What satisfies it must come after the previous such event (or the episode's start) and by this one.
          let from = rule.episode ? span.startIndex : -1;
          for (let i = startIndex - 1; i > from; i--) {
            if (matchesAny(events[i] as StandardsEvent, rule.starts)) {
              from = i;
              break;
            }
          }
          const due = dueBefore(londonDate(start.occurredAt), rule.ahead, input.calendar);
          const done = firstSatisfying(from, startIndex);
          emit(0, version.version, due, done?.event ?? null, 'missed');
          return;
        }
        case 'recurring': {
          if (rule.occurrence === undefined && started.has(spanKey)) return; // one chain per episode
          started.add(spanKey);
          let previous = { index: startIndex, at: clockStart };
          for (let cycle = 0; cycle < maxCycles; cycle++) {
            const cycleVersion = versionOn(timeline, londonDate(previous.at)) ?? version;
            const cycleRule = cycleVersion.rule as typeof rule;
            const due = dueAfter(previous.at, cycle === 0 ? (cycleRule.first ?? cycleRule.every) : cycleRule.every, input.calendar);
            const done = firstSatisfying(previous.index);
            emit(cycle, cycleVersion.version, due, done?.event ?? null, unfinished(due));
            if (!done) return;
            previous = { index: done.index, at: done.event.occurredAt };
          }
          return;
        }
      }
    });
  }
  return obligations;
}

