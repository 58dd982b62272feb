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
  return dueOn(shiftDate(londonDate(start), interval, calendar, 1));
}

/** Due a time before a date: "5 working days before the conference", "1 month before the 18th birthday". */
export function dueBefore(date: string, interval: Interval, calendar: WorkingCalendar): Due {
  if (interval.unit === 'hours') {
    throw new RangeError('A time before a date is counted in days, weeks or months, not hours');
  }
  return dueOn(shiftDate(date, interval, calendar, -1));
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
