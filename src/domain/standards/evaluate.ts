import { isIsoDate, londonDate, londonStartOfDay } from '../calendar/localDate';
import type { WorkingCalendar } from '../calendar/workingDays';
import { birthday, dueAfter, dueBefore, type Due } from './due';
import { EventIndex, matchesAny } from './eventIndex';
import type { Obligation, Outcome } from './obligation';
import type { Cohort, Episode, EventMatch, Rule, RuleVersion } from './rule';

export { matches } from './eventIndex';

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

/** An episode's start and end events in one list (kept, so the index can reuse what it found). */
const bounds = new WeakMap<Episode, readonly EventMatch[]>();
function boundsOf(episode: Episode): readonly EventMatch[] {
  let list = bounds.get(episode);
  if (!list) {
    list = [...episode.starts, ...episode.ends];
    bounds.set(episode, list);
  }
  return list;
}

/** Each time the episode was open: from a start event to the next end event after it. */
function spans(index: EventIndex<StandardsEvent>, episode: Episode): Span[] {
  const result: Span[] = [];
  let open: Span | null = null;
  // Only events of the episode's start and end types can open or close it.
  for (const i of index.candidates(boundsOf(episode))) {
    const event = index.events[i] as StandardsEvent;
    if (open && matchesAny(event, episode.ends)) {
      open.endIndex = i;
      open = null;
    } else if (!open && matchesAny(event, episode.starts)) {
      open = { startIndex: i, endIndex: Number.POSITIVE_INFINITY };
      result.push(open);
    }
  }
  return result;
}

/** Every event type that can start a rule, in any of its versions. */
const startsOf = new WeakMap<RuleTimeline, readonly EventMatch[]>();
function anyVersionStarts(timeline: RuleTimeline): readonly EventMatch[] {
  let starts = startsOf.get(timeline);
  if (!starts) {
    starts = timeline.versions.flatMap((v) => v.rule.starts);
    startsOf.set(timeline, starts);
  }
  return starts;
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

/** What one evaluation works with: the child's events in time order, found by type, and what it owes so far. */
interface Evaluation {
  input: StandardsInput;
  events: readonly StandardsEvent[];
  lookup: EventIndex<StandardsEvent>;
  obligations: Obligation[];
}

/** One start of one rule: the event that started the clock, and what closes what it opened. */
interface Opened {
  timeline: RuleTimeline;
  version: RuleVersion;
  rule: Rule;
  start: StandardsEvent;
  startIndex: number;
  /** The first event after the start that closes the obligation: its episode's end, or a cancelling event. */
  closeIndex: number;
  closedAt: Date | null;
  /** The start event, or the latest `countFrom` event at or before it. */
  clockStart: Date;
}

interface Done {
  event: StandardsEvent;
  index: number;
}

/** The first event after `after` (and before `upTo`) that does what the rule asks, for the same case. */
function firstSatisfying(e: Evaluation, o: Opened, after: number, upTo = o.closeIndex): Done | null {
  if (o.rule.satisfiedByRecording) return { event: asRecorded(o.start), index: o.startIndex };
  const key = o.rule.correlate;
  const i = e.lookup.first(o.rule.satisfiedBy, after, Math.min(upTo, e.events.length), key || undefined, key ? o.start.data[key] : undefined);
  return i >= 0 ? { event: e.events[i] as StandardsEvent, index: i } : null;
}

function emit(e: Evaluation, o: Opened, cycle: number, ruleVersion: number, due: Due, done: StandardsEvent | null, outcomeIfOpen: Outcome): void {
  const outcome: Outcome = done ? (done.occurredAt.getTime() <= due.deadline.getTime() ? 'met' : 'met_late') : outcomeIfOpen;
  e.obligations.push({
    ruleId: o.rule.id,
    ruleVersion,
    personId: e.input.personId,
    startEventId: o.start.id,
    cycle,
    startedAt: o.start.occurredAt,
    dueDate: due.date,
    deadline: due.deadline,
    outcome,
    doneAt: done?.occurredAt ?? null,
    doneEventId: done?.id ?? null,
    closedAt: done ? null : o.closedAt,
    lateReason: done && outcome === 'met_late' ? lateReasonOf(done) : null,
    responsible: o.rule.responsible,
  });
}

/** Not done: still open, cancelled (closed before it fell due), or missed (closed after). */
function unfinished(o: Opened, due: Due): Outcome {
  return o.closedAt === null ? 'open' : o.closedAt.getTime() <= due.deadline.getTime() ? 'cancelled' : 'missed';
}

/** What one start of a rule makes the child owe, by the kind of rule. */
function oblige(e: Evaluation, o: Opened, spanStart: number, chains: Set<number>): void {
  const { rule, start, startIndex, version } = o;
  const { calendar, facts } = e.input;
  switch (rule.kind) {
    case 'after': {
      const setDate = rule.fromDateIn === undefined ? null : start.data[rule.fromDateIn];
      if (rule.fromDateIn !== undefined && !(typeof setDate === 'string' && isIsoDate(setDate))) return;
      const due = dueAfter(typeof setDate === 'string' ? londonStartOfDay(setDate) : o.clockStart, rule.within, calendar);
      const done = firstSatisfying(e, o, startIndex);
      emit(e, o, 0, version.version, due, done?.event ?? null, unfinished(o, due));
      return;
    }
    case 'before-birthday': {
      if (!facts.dateOfBirth) return;
      const due = dueBefore(birthday(facts.dateOfBirth, rule.age), rule.ahead, calendar);
      if (due.date !== null && e.lookup.londonDate(startIndex) > due.date) return; // started too late for it to apply
      const done = firstSatisfying(e, o, startIndex);
      emit(e, o, 0, version.version, due, done?.event ?? null, unfinished(o, due));
      return;
    }
    case 'before-event': {
      if (rule.beforeDateIn !== undefined) {
        // Due before a date the start records (a release date): done any time in the episode until it closes.
        const setDate = start.data[rule.beforeDateIn];
        if (!(typeof setDate === 'string' && isIsoDate(setDate))) return;
        if (rule.turnsAgeBy !== undefined) {
          if (!facts.dateOfBirth) return;
          const turns = birthday(facts.dateOfBirth, rule.turnsAgeBy);
          // Younger when the episode started (the start, without one), this age or older on the date.
          if (turns > setDate || turns <= e.lookup.londonDate(rule.episode ? spanStart : startIndex)) return;
        }
        const due = dueBefore(setDate, rule.ahead, calendar);
        const done = firstSatisfying(e, o, rule.episode ? spanStart : -1);
        emit(e, o, 0, version.version, due, done?.event ?? null, unfinished(o, due));
        return;
      }
      // What satisfies it must come after the previous such event (or the episode's start) and by this one.
      let from = rule.episode ? spanStart : -1;
      const previous = e.lookup.last(rule.starts, startIndex - 1, from);
      if (previous >= 0) from = previous;
      const due = dueBefore(e.lookup.londonDate(startIndex), rule.ahead, calendar);
      const done = firstSatisfying(e, o, from, startIndex);
      emit(e, o, 0, version.version, due, done?.event ?? null, 'missed');
      return;
    }
    case 'recurring': {
      // One chain per episode, unless it runs a set number of times from each start (weekly visits after each move).
      if (rule.occurrence === undefined && rule.times === undefined && chains.has(spanStart)) return;
      chains.add(spanStart);
      let previous = { index: startIndex, at: o.clockStart };
      for (let cycle = 0; cycle < Math.min(maxCycles, rule.times ?? maxCycles); cycle++) {
        const cycleVersion = versionOn(o.timeline, londonDate(previous.at)) ?? version;
        const cycleRule = cycleVersion.rule as typeof rule;
        const due = dueAfter(previous.at, cycle === 0 ? (cycleRule.first ?? cycleRule.every) : cycleRule.every, calendar);
        const done = firstSatisfying(e, o, previous.index);
        emit(e, o, cycle, cycleVersion.version, due, done?.event ?? null, unfinished(o, due));
        if (!done) return;
        previous = { index: done.index, at: done.event.occurredAt };
      }
      return;
    }
  }
}

/**
 * A child's obligations, from their events and the catalogue (DESIGN.md: "evaluate(events,
 * catalogue, calendar, now) -> obligations"; "now" is left to stateAt, so that what is stored
 * does not change as time passes). Pure: the same events give the same obligations.
 */
export function evaluate(input: StandardsInput): Obligation[] {
  const events = [...input.events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.seq - b.seq);
  const lookup = new EventIndex(events);
  const e: Evaluation = { input, events, lookup, obligations: [] };
  const episodes = new Map(input.episodes.map((episode) => [episode.id, episode]));
  const spansOf = new Map<string, Span[]>();
  const spanFor = (episodeId: string, index: number): Span | null => {
    const episode = episodes.get(episodeId);
    if (!episode) throw new Error(`Unknown episode ${episodeId}`);
    if (!spansOf.has(episodeId)) spansOf.set(episodeId, spans(lookup, episode));
    return spansOf.get(episodeId)?.find((s) => s.startIndex <= index && index < s.endIndex) ?? null;
  };
  const always: Span = { startIndex: -1, endIndex: Number.POSITIVE_INFINITY };

  for (const timeline of input.rules) {
    const chains = new Set<number>(); // spans (by their start; -1 for "all") in which a recurring chain has begun
    const counts = new Map<number, number>(); // start events seen per span, for `occurrence`
    // Only events of a type that starts the rule can open an obligation: look at those alone, in order.
    for (const startIndex of lookup.candidates(anyVersionStarts(timeline))) {
      const start = events[startIndex] as StandardsEvent;
      const version = versionOn(timeline, lookup.londonDate(startIndex));
      if (!version || !version.enabled) continue;
      const rule = version.rule;
      if (!matchesAny(start, rule.starts) || !applies(rule.cohort, input.facts)) continue;
      const span = rule.episode ? spanFor(rule.episode, startIndex) : always;
      if (!span) continue; // outside the episode the rule lives in
      const seen = (counts.get(span.startIndex) ?? 0) + 1;
      counts.set(span.startIndex, seen);
      if (rule.occurrence !== undefined && seen !== rule.occurrence) continue;
      if (rule.fromOccurrence !== undefined && seen < rule.fromOccurrence) continue;

      const cancelled = lookup.first(rule.cancelledBy, startIndex, Math.min(span.endIndex, events.length));
      const closeIndex = cancelled >= 0 ? cancelled : span.endIndex;
      const countFrom = lookup.last(rule.countFrom, startIndex, -1);
      oblige(
        e,
        {
          timeline,
          version,
          rule,
          start,
          startIndex,
          closeIndex,
          closedAt: Number.isFinite(closeIndex) ? (events[closeIndex] as StandardsEvent).occurredAt : null,
          clockStart: countFrom >= 0 ? (events[countFrom] as StandardsEvent).occurredAt : start.occurredAt,
        },
        span.startIndex,
        chains,
      );
    }
  }
  return e.obligations;
}
