import Holidays from 'date-holidays';
import { workingCalendar, type WorkingCalendar } from '../domain/calendar/workingDays';
import { extraBankHolidays } from '../standards/extraBankHolidays';

/** Years the calendar knows: at least 2015 to 2035 (issue 3), with room either side. */
export const calendarYears = { from: 2010, to: 2040 } as const;

/**
 * England and Wales bank holidays, including substitute days and one-off holidays (the 2022
 * jubilee, state funeral and the 2023 coronation), from date-holidays (GB, ENG), using each
 * holiday's `date` string as DESIGN.md says, plus the checked-in list of holidays announced
 * after that package was published.
 */
export function englandAndWalesBankHolidays(): string[] {
  const hd = new Holidays('GB', 'ENG');
  const dates = new Set<string>(extraBankHolidays.map((h) => h.date));
  for (let year = calendarYears.from; year <= calendarYears.to; year++) {
    for (const holiday of hd.getHolidays(year)) {
      if (holiday.type === 'public' || holiday.type === 'bank') dates.add(holiday.date.slice(0, 10));
    }
  }
  return [...dates].sort();
}

let cached: WorkingCalendar | null = null;

/** The working-day calendar Hearth counts with, built once. */
export function englandAndWalesCalendar(): WorkingCalendar {
  cached ??= workingCalendar(englandAndWalesBankHolidays());
  return cached;
}
