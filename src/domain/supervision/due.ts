import { addDays } from '../calendar/localDate';
import { dueAfter, type Frequency } from './frequency';

/** What frequency is in force on a date: the contract's, or the profile's if that asks for more (5.4). */
export type FrequencyOn = (date: string) => Frequency;

/**
 * One turn of the supervision clock: due from `from` (the contract, the session before, or the due
 * date of a turn missed before it), met by the next session held.
 */
export interface SupervisionTurn {
  from: string;
  fromContract: boolean;
  frequency: Frequency;
  dueOn: string;
  heldOn: string | null;
}

/**
 * When the session owed from `from` falls due: `from` plus the frequency in force on it, or sooner
 * if, before then, a new contract or profile (induction, the assessed and supported year) asks for
 * more frequent supervision: then it is due that new interval after the day it took effect (5.4:
 * "Specific arrangements will be made for induction periods and assessed and supported years in
 * employment to include more frequent supervision"). The earliest of these wins. A change to less
 * frequent supervision can never be earlier, so every day the frequency changes is simply tried.
 */
export function dueFrom(from: string, frequencyOn: FrequencyOn): { dueOn: string; frequency: Frequency } {
  let frequency = frequencyOn(from);
  let dueOn = dueAfter(from, frequency);
  let before = frequency;
  for (let day = addDays(from, 1); day < dueOn; day = addDays(day, 1)) {
    const now = frequencyOn(day);
    if (now !== before) {
      const sooner = dueAfter(day, now);
      if (sooner < dueOn) {
        dueOn = sooner;
        frequency = now;
      }
      before = now;
    }
  }
  return { dueOn, frequency };
}

/**
 * The chain of sessions owed (DESIGN.md: a recurring standard is due again from the date the
 * previous one was actually done, or from the start for the first): the first session from the
 * contract's start, each later one from the session before it, at the frequency in force then.
 * A turn not met by its due date is not the only one owed until the next session: another falls
 * due every interval after it (5.4: "at least monthly"), each missed, until the one the next
 * session meets (late, unless held on the day that one fell due). With `until`, the same goes on
 * after the last session: a turn past due by `until` is missed and the next is owed from its due
 * date. `held` are the London dates sessions were held on, in any order; those before the
 * contract do not count. The last turn is the one still open (heldOn null): without `until`, the
 * one owed from the last session held.
 */
export function supervisionTurns(startOn: string, held: readonly string[], frequencyOn: FrequencyOn, until?: string): SupervisionTurn[] {
  const seen = new Map<string, Frequency>();
  const on: FrequencyOn = (date) => {
    let f = seen.get(date);
    if (f === undefined) seen.set(date, (f = frequencyOn(date)));
    return f;
  };
  const dates = [...new Set(held.filter((d) => d >= startOn))].sort();
  const turns: SupervisionTurn[] = [];
  const owe = (from: string, heldOn: string | null) => {
    const { dueOn, frequency } = dueFrom(from, on);
    const turn = { from, fromContract: turns.length === 0, frequency, dueOn, heldOn };
    turns.push(turn);
    return turn;
  };
  let from = startOn;
  for (const heldOn of dates) {
    let turn = owe(from, heldOn);
    // Unmet by its due date, and the next turn too fell due by this session: that one was missed.
    while (heldOn > turn.dueOn && dueFrom(turn.dueOn, on).dueOn <= heldOn) {
      turn.heldOn = null;
      turn = owe(turn.dueOn, heldOn);
    }
    from = heldOn;
  }
  let open = owe(from, null);
  if (until !== undefined) {
    while (until > open.dueOn) open = owe(open.dueOn, null);
  }
  return turns;
}

export type DueState = 'due' | 'overdue';

export interface NextSession {
  dueOn: string;
  state: DueState;
  frequency: Frequency;
  /** The last session held, or null when the first is still due from the contract. */
  lastHeldOn: string | null;
  /** Days past the due date (0 when not overdue). */
  daysOverdue: number;
}

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/**
 * The next session: owed from the last one held (or the contract), brought forward by a change to
 * more frequent supervision since; due on its date, overdue from the day after (an obligation is
 * overdue once past due, DESIGN.md), and overdue from then however many more have fallen due since.
 */
export function nextSession(startOn: string, held: readonly string[], frequencyOn: FrequencyOn, today: string): NextSession {
  const open = supervisionTurns(startOn, held, frequencyOn).at(-1) as SupervisionTurn;
  const overdue = today > open.dueOn;
  return { dueOn: open.dueOn, state: overdue ? 'overdue' : 'due', frequency: open.frequency, lastHeldOn: open.fromContract ? null : open.from, daysOverdue: overdue ? daysBetween(open.dueOn, today) : 0 };
}

export interface FrequencyFinding {
  from: string;
  to: string;
  /** Sessions held in the period (every one, including extra ones). */
  held: number;
  /**
   * Sessions owed in the period: met in it, or fallen due in it (and past due by today) without
   * being met in it, and the one already overdue when it began if not met in it.
   */
  due: number;
  onTime: number;
  late: number;
  /** Owed in the period (as `due`), past due by today, and not held by the period's end. */
  missed: number;
  /** Of the sessions owed, the share held on time; null when none were owed. */
  onTimePercent: number | null;
  turns: SupervisionTurn[];
}

/**
 * A line manager's audit of frequency (5.4: "Records will be regularly audited by Line Managers
 * with a focus upon frequency and quality of sessions"): over a period of London dates (both
 * inclusive), how many sessions were owed, how many were held on time, late, or not at all. A
 * long gap owes a session every interval of it, and a session already overdue when the period
 * began, still not held in it, is owed (and missed) in it too.
 */
export function frequencyOver(startOn: string, held: readonly string[], frequencyOn: FrequencyOn, period: { from: string; to: string }, today: string): FrequencyFinding {
  const within = (d: string | null) => d !== null && d >= period.from && d <= period.to;
  const unmetInPeriod = (t: SupervisionTurn) => t.heldOn === null || t.heldOn > period.to;
  const all = supervisionTurns(startOn, held, frequencyOn, today < period.to ? today : period.to);
  const overdueAtStart = all.filter((t) => t.dueOn < period.from).at(-1);
  const turns = all.filter(
    (t) =>
      within(t.heldOn) ||
      (t.dueOn >= period.from && t.dueOn <= period.to && today > t.dueOn && unmetInPeriod(t)) ||
      (t === overdueAtStart && today > t.dueOn && unmetInPeriod(t)),
  );
  const onTime = turns.filter((t) => within(t.heldOn) && (t.heldOn as string) <= t.dueOn).length;
  const late = turns.filter((t) => within(t.heldOn) && (t.heldOn as string) > t.dueOn).length;
  const missed = turns.length - onTime - late;
  return {
    from: period.from,
    to: period.to,
    held: new Set(held.filter(within)).size,
    due: turns.length,
    onTime,
    late,
    missed,
    onTimePercent: turns.length === 0 ? null : Math.round((onTime * 100) / turns.length),
    turns,
  };
}
