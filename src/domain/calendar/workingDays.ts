import { addDays } from './localDate';

/**
 * Working days (DESIGN.md, Time and working days): Monday to Friday, not an England and Wales
 * bank holiday (including substitute days). The holidays are given to the calendar, never
 * looked up by it, so the rules can be tested against any set of dates.
 */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** "Within N working days of E": the Nth working day after E's date (E's own day is day 0). */
  addWorkingDays(date: string, n: number): string;
  /** Going back: the Nth working day before a date ("5 working days before the conference"). */
  subtractWorkingDays(date: string, n: number): string;
  /** Working days from one date to a later one, not counting the first (0 when they are the same). */
  workingDaysBetween(from: string, to: string): number;
}

function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function workingCalendar(bankHolidays: Iterable<string>): WorkingCalendar {
  const holidays = new Set(bankHolidays);
  const isWorkingDay = (date: string) => {
    const day = dayOfWeek(date);
    return day !== 0 && day !== 6 && !holidays.has(date);
  };
  const step = (date: string, n: number, direction: 1 | -1) => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number of 0 or more, not ${n}`);
    let current = date;
    let counted = 0;
    // Counting starts from E's day even when it is not a working day itself.
    while (counted < n) {
      current = addDays(current, direction);
      if (isWorkingDay(current)) counted++;
    }
    return current;
  };
  return {
    isWorkingDay,
    addWorkingDays: (date, n) => step(date, n, 1),
    subtractWorkingDays: (date, n) => step(date, n, -1),
    workingDaysBetween(from, to) {
      let count = 0;
      for (let current = from; current < to; ) {
        current = addDays(current, 1);
        if (isWorkingDay(current)) count++;
      }
      return count;
    },
  };
}
