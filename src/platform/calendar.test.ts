import { describe, expect, it } from 'vitest';
import { londonDate } from '../domain/calendar/localDate';
import { englandAndWalesBankHolidays, englandAndWalesCalendar } from './calendar';

const calendar = englandAndWalesCalendar();

describe('the England and Wales calendar', () => {
  it('gives the worked examples of DESIGN.md', () => {
    // Strategy discussion Thu 2 April 2026, 15:00 → ICPC by Mon 27 April (Good Friday, Easter Monday).
    expect(calendar.addWorkingDays(londonDate(new Date('2026-04-02T14:00:00Z')), 15)).toBe('2026-04-27');
    // Notification Sat 2 May 2026 → IRO by Tue 5 May (Mon 4 May is the early May bank holiday).
    expect(calendar.addWorkingDays('2026-05-02', 1)).toBe('2026-05-05');
    // Placement Fri 28 August 2026 → planning meeting by Mon 7 September (31 August summer bank holiday).
    expect(calendar.addWorkingDays('2026-08-28', 5)).toBe('2026-09-07');
    // 2026-06-04T23:30:00Z is Friday 5 June in London: counting starts from 5 June.
    expect(londonDate(new Date('2026-06-04T23:30:00Z'))).toBe('2026-06-05');
    expect(calendar.addWorkingDays(londonDate(new Date('2026-06-04T23:30:00Z')), 1)).toBe('2026-06-08');
  });

  it('skips Christmas, Boxing Day and their substitute days', () => {
    // 2026: Christmas Friday; Boxing Day Saturday, so Monday 28 December is its substitute.
    expect(calendar.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(calendar.addWorkingDays('2026-12-24', 3)).toBe('2026-12-31');
    // 2027: both fall at the weekend, so Monday 27 and Tuesday 28 are holidays.
    expect(calendar.addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
    // New Year's Day 2028 is a Saturday: Monday 3 January is its substitute.
    expect(calendar.isWorkingDay('2028-01-03')).toBe(false);
  });

  it('knows the one-off bank holidays', () => {
    for (const date of ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']) {
      expect(calendar.isWorkingDay(date), date).toBe(false);
    }
    // In 2020 the early May holiday moved to VE Day: Monday 4 May was a working day.
    expect(calendar.isWorkingDay('2020-05-04')).toBe(true);
  });

  it('covers 2015 to 2035 at least', () => {
    const holidays = englandAndWalesBankHolidays();
    for (let year = 2015; year <= 2035; year++) {
      const ofYear = holidays.filter((d) => d.startsWith(`${year}-`));
      expect(ofYear.length, String(year)).toBeGreaterThanOrEqual(8);
    }
    expect(holidays).toContain('2015-04-03'); // Good Friday 2015
    expect(holidays).toContain('2035-03-26'); // Easter Monday 2035
  });

  it('counts the London date across the clock changes', () => {
    // Clocks go forward at 01:00 UTC on Sunday 29 March 2026, back at 01:00 UTC on 25 October.
    expect(londonDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(londonDate(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
    expect(londonDate(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    expect(londonDate(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
    // An event at 23:30 UTC on Friday 27 March (GMT) is still Friday; on Friday 3 April (BST) it is Saturday.
    expect(calendar.addWorkingDays(londonDate(new Date('2026-03-27T23:30:00Z')), 1)).toBe('2026-03-30');
    expect(calendar.addWorkingDays(londonDate(new Date('2026-04-02T23:30:00Z')), 1)).toBe('2026-04-07');
  });
});
