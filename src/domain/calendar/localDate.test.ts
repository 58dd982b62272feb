import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, ageOn, isIsoDate, londonDate, londonInstant, londonTime } from './localDate';

describe('londonDate', () => {
  it("turns DESIGN.md's example 2026-06-04T23:30:00Z into Friday 5 June (BST)", () => {
    expect(londonDate(new Date('2026-06-04T23:30:00Z'))).toBe('2026-06-05');
  });

  it('keeps 23:30 UTC in winter (GMT) on the same day', () => {
    expect(londonDate(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
    expect(londonDate(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
  });

  it('crosses into a new month at 23:00 UTC in summer', () => {
    expect(londonDate(new Date('2026-06-30T22:59:59Z'))).toBe('2026-06-30');
    expect(londonDate(new Date('2026-06-30T23:00:00Z'))).toBe('2026-07-01');
  });

  describe('clocks go forward at 01:00 UTC on Sunday 29 March 2026', () => {
    it.each([
      ['2026-03-28T23:30:00Z', '2026-03-28'], // GMT: 23:30 on Saturday
      ['2026-03-29T00:59:00Z', '2026-03-29'], // 00:59 GMT
      ['2026-03-29T01:00:00Z', '2026-03-29'], // 02:00 BST
      ['2026-03-29T01:59:00Z', '2026-03-29'], // 02:59 BST
      ['2026-03-29T22:59:00Z', '2026-03-29'], // 23:59 BST
      ['2026-03-29T23:00:00Z', '2026-03-30'], // 00:00 BST on Monday
    ])('%s is %s in London', (instant, date) => {
      expect(londonDate(new Date(instant))).toBe(date);
    });
  });

  describe('clocks go back at 01:00 UTC on Sunday 25 October 2026', () => {
    it.each([
      ['2026-10-24T22:59:00Z', '2026-10-24'], // 23:59 BST on Saturday
      ['2026-10-24T23:00:00Z', '2026-10-25'], // 00:00 BST on Sunday
      ['2026-10-25T00:59:00Z', '2026-10-25'], // 01:59 BST
      ['2026-10-25T01:00:00Z', '2026-10-25'], // 01:00 GMT
      ['2026-10-25T01:59:00Z', '2026-10-25'], // 01:59 GMT
      ['2026-10-25T23:30:00Z', '2026-10-25'], // 23:30 GMT: no longer the next day
    ])('%s is %s in London', (instant, date) => {
      expect(londonDate(new Date(instant))).toBe(date);
    });
  });
});

describe('isIsoDate', () => {
  it.each(['2028-02-29', '2000-02-29', '2026-04-30', '2026-12-31', '2026-01-01', '1900-01-01'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    ['2027-02-29', 'no 29 February in 2027'],
    ['1900-02-29', '1900 was not a leap year'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-02-30', 'February never has 30 days'],
    ['2026-13-01', 'no 13th month'],
    ['2026-00-10', 'no month 0'],
    ['2026-01-00', 'no day 0'],
    ['2026-01-32', 'no 32nd day'],
    ['0099-06-01', 'a year before 100 is not a date anyone means'],
    ['2026-0a-01', 'a letter in the month'],
  ])('refuses %s: %s', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it.each(['', '2026-4-1', '26-04-01', '2026/04/01', '01-04-2026', '2026-04-01T00:00:00Z', ' 2026-04-01', '2026-04-01 ', '20260401', 'yyyy-mm-dd'])(
    'refuses %j: not written YYYY-MM-DD',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );
});

describe('ageOn', () => {
  it('is a year older on the birthday, not the day before', () => {
    expect(ageOn('2010-05-15', '2026-05-14')).toBe(15);
    expect(ageOn('2010-05-15', '2026-05-15')).toBe(16);
  });

  it('counts a birthday in a later month of the year as not yet reached', () => {
    expect(ageOn('2010-12-31', '2026-01-01')).toBe(15);
    expect(ageOn('2010-12-31', '2026-12-31')).toBe(16);
  });

  it('is 0 on the day of birth and the day after, across a year end', () => {
    expect(ageOn('2025-12-31', '2025-12-31')).toBe(0);
    expect(ageOn('2025-12-31', '2026-01-01')).toBe(0);
  });

  it('makes someone born on 29 February a year older on 1 March in a non-leap year', () => {
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
  });

  it('makes someone born on 29 February a year older on 29 February in a leap year', () => {
    expect(ageOn('2000-02-29', '2028-02-28')).toBe(27);
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-28', 2, '2026-03-30'], // across the clocks going forward: whole days regardless
    ['2026-10-24', 2, '2026-10-26'], // across the clocks going back
    ['2026-06-15', 0, '2026-06-15'],
    ['2027-06-01', 365, '2028-05-31'], // 29 February 2028 lies between
    ['2026-05-29', 91, '2026-08-28'], // DESIGN.md: first review conference, 91 actual days
    ['2028-03-10', -28, '2028-02-11'],
  ] as const)('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'], // clamped to the end of February
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2026-10-31', 1, '2026-11-30'],
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-11-15', 3, '2027-02-15'], // across a year end
    ['2026-08-31', 12, '2027-08-31'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-06-30', 0, '2026-06-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-31', -1, '2026-04-30'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-01-31', -13, '2024-12-31'],
    ['2028-03-31', -1, '2028-02-29'],
  ] as const)('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('londonInstant and londonTime', () => {
  it('reads a summer time as BST (an hour ahead of UTC) and a winter time as GMT', () => {
    expect(londonInstant('2026-06-12', '10:30')?.toISOString()).toBe('2026-06-12T09:30:00.000Z');
    expect(londonInstant('2026-01-12', '10:30')?.toISOString()).toBe('2026-01-12T10:30:00.000Z');
  });

  it("keeps DESIGN.md's example on its London date: 00:30 on Friday 5 June is 23:30 UTC on 4 June", () => {
    expect(londonInstant('2026-06-05', '00:30')?.toISOString()).toBe('2026-06-04T23:30:00.000Z');
    expect(londonTime(new Date('2026-06-04T23:30:00Z'))).toBe('00:30');
  });

  it('has no 01:30 on Sunday 29 March 2026, when the clocks go forward', () => {
    expect(londonInstant('2026-03-29', '01:30')).toBeNull();
    expect(londonInstant('2026-03-29', '00:59')?.toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(londonInstant('2026-03-29', '02:00')?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the first 01:30 on Sunday 25 October 2026, when the clocks go back and it happens twice', () => {
    expect(londonInstant('2026-10-25', '01:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it.each([
    ['2026-02-30', '10:00'],
    ['2026-06-12', '24:00'],
    ['2026-06-12', '10:60'],
    ['2026-06-12', '9:30'],
    ['2026-06-12', ''],
  ])('refuses %s %s', (date, time) => {
    expect(londonInstant(date, time)).toBeNull();
  });
});

describe('addYears', () => {
  it('gives the same day n years on, and a 29 February birthday on 1 March in a common year (Family Law Reform Act 1969 s 9)', () => {
    expect(addYears('2008-09-07', 18)).toBe('2026-09-07');
    expect(addYears('2008-02-29', 18)).toBe('2026-03-01');
    expect(addYears('2008-02-29', 16)).toBe('2024-02-29');
    expect(addYears('2026-03-31', -1)).toBe('2025-03-31');
  });
});
