import { addDays, addMonths, londonDate, londonEndOfDay } from '../calendar/localDate';
import type { WorkingCalendar } from '../calendar/workingDays';
import type { Interval } from './rule';

/**
 * When something is due. Hours are counted from the exact instant; days, weeks, months and
 * working days from the London date (DESIGN.md, Time and working days). `deadline` is the last
 * instant that is on time, so "done by the deadline" is the one test for both.
 */
export interface Due {
  /** The London date it is due by, for rules counted in days; null for rules counted in hours. */
  date: string | null;
  deadline: Date;
}

export function dueAfter(start: Date, interval: Interval, calendar: WorkingCalendar): Due {
  if (interval.unit === 'hours') {
    return { date: null, deadline: new Date(start.getTime() + interval.amount * 3_600_000) };
  }
  return shifted(londonDate(start), interval, calendar, 1);
}

/** Due a time before a date: "5 working days before the conference", "1 month before the 18th birthday". */
export function dueBefore(date: string, interval: Interval, calendar: WorkingCalendar): Due {
  if (interval.unit === 'hours') {
    throw new RangeError('A time before a date is counted in days, weeks or months, not hours');
  }
  return shifted(date, interval, calendar, -1);
}

/**
 * Each date's due date and deadline for an interval, worked out once per calendar: a full
 * recompute asks the same few thousand dates the same few dozen intervals millions of times
 * (issue 3's aim: 2 million events recomputed under 60 s). A pure function's answers, kept.
 */
const answers = new WeakMap<WorkingCalendar, WeakMap<Interval, Map<string, { date: string; deadline: number }>[]>>();
function shifted(date: string, interval: Interval, calendar: WorkingCalendar, direction: 1 | -1): Due {
  // By the calendar, the interval (the catalogue's own objects) and the direction, then the date: no key to build.
  let byInterval = answers.get(calendar);
  if (!byInterval) {
    byInterval = new WeakMap();
    answers.set(calendar, byInterval);
  }
  let both = byInterval.get(interval);
  if (!both) {
    both = [new Map(), new Map()];
    byInterval.set(interval, both);
  }
  const known = both[direction === 1 ? 0 : 1] as Map<string, { date: string; deadline: number }>;
  let answer = known.get(date);
  if (answer === undefined) {
    const due = dueOn(shiftDate(date, interval, calendar, direction));
    answer = { date: due.date as string, deadline: due.deadline.getTime() };
    if (known.size >= 50_000) known.clear();
    known.set(date, answer);
  }
  // A Date of its own each time: obligations are handed on, and a Date can be changed in place.
  return { date: answer.date, deadline: new Date(answer.deadline) };
}

export function dueOn(date: string): Due {
  return { date, deadline: londonEndOfDay(date) };
}

function shiftDate(date: string, interval: Interval, calendar: WorkingCalendar, direction: 1 | -1): string {
  const n = interval.amount;
  switch (interval.unit) {
    case 'working-days':
      return direction === 1 ? calendar.addWorkingDays(date, n) : calendar.subtractWorkingDays(date, n);
    case 'days':
      return addDays(date, direction * n);
    case 'weeks':
      return addDays(date, direction * n * 7);
    case 'months':
      return addMonths(date, direction * n);
    case 'hours':
      throw new RangeError('hours are counted from an instant');
  }
}

/** The date someone has a birthday of this age (29 February birthdays fall on 28 February). */
export function birthday(dateOfBirth: string, age: number): string {
  return addMonths(dateOfBirth, age * 12);
}
