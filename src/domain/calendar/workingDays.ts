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

const dayMs = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / dayMs;
const dateOf = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);
/** 1 January 1970 was a Thursday: day 0 is weekday 4. */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

export function workingCalendar(bankHolidays: Iterable<string>): WorkingCalendar {
  const holidays = new Set(bankHolidays);
  const holidayDays = new Set([...holidays].map(dayNumber));
  // Counted in whole days since 1970 rather than date strings: the engine counts a great many.
  const isWorkingDayNumber = (day: number) => {
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6 && !holidayDays.has(day);
  };
  const isWorkingDay = (date: string) => {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6 && !holidays.has(date);
  };
  const step = (date: string, n: number, direction: 1 | -1) => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number of 0 or more, not ${n}`);
    if (n === 0) return date;
    let current = dayNumber(date);
    if (!Number.isFinite(current)) throw new RangeError(`Not a date: ${date}`);
    let counted = 0;
    // Counting starts from E's day even when it is not a working day itself.
    while (counted < n) {
      current += direction;
      if (isWorkingDayNumber(current)) counted++;
    }
    return dateOf(current);
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
