import { describe, expect, it } from 'vitest';
import { workingCalendar } from './workingDays';

// A tiny calendar with two made-up holidays, so the arithmetic is checked apart from real data.
const calendar = workingCalendar(['2030-01-01', '2030-01-04']);

describe('working-day arithmetic', () => {
  it('skips weekends and the holidays it is given', () => {
    // Tue 1 Jan 2030 holiday; Wed 2, Thu 3 working; Fri 4 holiday; Sat 5, Sun 6; Mon 7 working.
    expect(calendar.isWorkingDay('2030-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2030-01-02')).toBe(true);
    expect(calendar.isWorkingDay('2030-01-05')).toBe(false);
    expect(calendar.addWorkingDays('2029-12-31', 1)).toBe('2030-01-02');
    expect(calendar.addWorkingDays('2029-12-31', 3)).toBe('2030-01-07');
  });

  it("counts E's own day as day 0, even when it is not a working day", () => {
    expect(calendar.addWorkingDays('2030-01-02', 0)).toBe('2030-01-02');
    expect(calendar.addWorkingDays('2030-01-05', 0)).toBe('2030-01-05');
    expect(calendar.addWorkingDays('2030-01-05', 1)).toBe('2030-01-07');
  });

  it('counts back as well as forward, and counts the days between', () => {
    // Back from Mon 7: Sun 6, Sat 5 and holiday Fri 4 do not count; Thu 3 is 1, Wed 2 is 2;
    // Tue 1 is a holiday, so Mon 31 December 2029 is 3.
    expect(calendar.subtractWorkingDays('2030-01-07', 2)).toBe('2030-01-02');
    expect(calendar.subtractWorkingDays('2030-01-07', 3)).toBe('2029-12-31');
    expect(calendar.workingDaysBetween('2029-12-31', '2030-01-07')).toBe(3);
    expect(calendar.workingDaysBetween('2030-01-07', '2030-01-07')).toBe(0);
  });

  it('refuses a number of days that is not a whole number of 0 or more', () => {
    expect(() => calendar.addWorkingDays('2030-01-02', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2030-01-02', 1.5)).toThrow(RangeError);
  });
});
