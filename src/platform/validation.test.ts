import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from './errors';
import {
  checkboxes,
  pence,
  wholeNumber,
  checked,
  isoDate,
  mergeProblems,
  optionalChoice,
  optionalIsoDate,
  optionalText,
  problemsOf,
  readDateInput,
  requiredText,
  yesNo,
} from './validation';

const dateBody = (day: unknown, month: unknown, year: unknown) => ({ 'dob-day': day, 'dob-month': month, 'dob-year': year });
const readDob = (body: Record<string, unknown>, required = false) => readDateInput(body, 'dob', 'Date of birth', required);

describe('readDateInput', () => {
  it('reads three boxes into YYYY-MM-DD', () => {
    expect(readDob(dateBody('27', '03', '2014'))).toEqual({ value: '2014-03-27', problem: null });
  });

  it('pads a one-digit day and month and trims spaces', () => {
    expect(readDob(dateBody('5', '3', '2014'))).toEqual({ value: '2014-03-05', problem: null });
    expect(readDob(dateBody(' 05 ', ' 3', '2014 '))).toEqual({ value: '2014-03-05', problem: null });
  });

  it('reads numbers sent as JSON numbers', () => {
    expect(readDob(dateBody(29, 2, 2028))).toEqual({ value: '2028-02-29', problem: null });
  });

  it('gives no value and no problem when an optional date is left empty', () => {
    expect(readDob({})).toEqual({ value: null, problem: null });
    expect(readDob(dateBody('', ' ', ''))).toEqual({ value: null, problem: null });
    expect(readDob(dateBody(null, undefined, null))).toEqual({ value: null, problem: null });
  });

  it('asks for a required date left empty, naming the day box', () => {
    expect(readDob(dateBody('', '', ''), true)).toEqual({
      value: null,
      problem: { field: 'dob-day', message: 'Enter date of birth' },
    });
  });

  it.each([
    [['', '3', '2014'], 'dob-day', 'Date of birth must include a day'],
    [['27', '', '2014'], 'dob-month', 'Date of birth must include a month'],
    [['27', '3', ''], 'dob-year', 'Date of birth must include a year'],
    [['', '', '2014'], 'dob-day', 'Date of birth must include a day and month'],
    [['27', '', ''], 'dob-month', 'Date of birth must include a month and year'],
    [['', '3', ''], 'dob-day', 'Date of birth must include a day and year'],
  ])('names the first missing box when %j is given', ([day, month, year], field, message) => {
    expect(readDob(dateBody(day, month, year))).toEqual({ value: null, problem: { field, message } });
    // Even when the date is optional: part of a date is not no date.
    expect(readDob(dateBody(day, month, year), true)).toEqual({ value: null, problem: { field, message } });
  });

  it.each([
    ['five', '3', '2014'],
    ['27', 'March', '2014'],
    ['27', '3', '14'],
    ['27', '3', '20145'],
    ['127', '3', '2014'],
    ['27', '3.5', '2014'],
    ['-1', '3', '2014'],
  ])('refuses %j, %j, %j: not numbers of the right length', (day, month, year) => {
    expect(readDob(dateBody(day, month, year))).toEqual({
      value: null,
      problem: { field: 'dob-day', message: 'Date of birth must be a real date, like 27 3 2014' },
    });
  });

  it.each([
    ['31', '4', '2026'],
    ['29', '2', '2027'],
    ['30', '2', '2028'],
    ['0', '1', '2026'],
    ['15', '13', '2026'],
    ['15', '0', '2026'],
  ])('refuses the impossible date %s/%s/%s', (day, month, year) => {
    expect(readDob(dateBody(day, month, year))).toEqual({
      value: null,
      problem: { field: 'dob-day', message: 'Date of birth must be a real date' },
    });
  });

  it('uses its own name and label', () => {
    const body = { 'edd-day': '', 'edd-month': '', 'edd-year': '' };
    expect(readDateInput(body, 'edd', 'Expected date of birth', true)).toEqual({
      value: null,
      problem: { field: 'edd-day', message: 'Enter expected date of birth' },
    });
  });
});

describe('mergeProblems', () => {
  it('keeps one problem per field, the first to speak about it', () => {
    expect(
      mergeProblems(
        [{ field: 'familyName', message: 'first' }],
        [
          { field: 'familyName', message: 'second' },
          { field: 'givenNames', message: 'third' },
        ],
      ),
    ).toEqual([
      { field: 'familyName', message: 'first' },
      { field: 'givenNames', message: 'third' },
    ]);
  });

  it('counts any box of a date as the date field', () => {
    expect(
      mergeProblems(
        [{ field: 'dateOfBirth-month', message: 'Date of birth must include a month' }],
        [
          { field: 'dateOfBirth', message: 'Date of birth must be today or in the past' },
          { field: 'dateOfBirth-day', message: 'another' },
          { field: 'dateOfBirth-year', message: 'another' },
        ],
      ),
    ).toEqual([{ field: 'dateOfBirth-month', message: 'Date of birth must include a month' }]);
  });

  it('lets the field itself speak first and a later box be dropped', () => {
    expect(
      mergeProblems([{ field: 'dateOfBirth', message: 'rule' }], [{ field: 'dateOfBirth-day', message: 'box' }]),
    ).toEqual([{ field: 'dateOfBirth', message: 'rule' }]);
  });

  it('keeps duplicates within one list down to the first', () => {
    expect(
      mergeProblems([
        { field: 'upn', message: 'a' },
        { field: 'upn', message: 'b' },
      ]),
    ).toEqual([{ field: 'upn', message: 'a' }]);
  });

  it('does not confuse a field whose name merely contains "day"', () => {
    expect(
      mergeProblems([{ field: 'birthday', message: 'a' }], [{ field: 'birth', message: 'b' }]),
    ).toEqual([
      { field: 'birthday', message: 'a' },
      { field: 'birth', message: 'b' },
    ]);
  });

  it('gives no problems for no lists', () => {
    expect(mergeProblems()).toEqual([]);
    expect(mergeProblems([], [])).toEqual([]);
  });
});

describe('requiredText', () => {
  const schema = z.object({ familyName: requiredText('Enter the family name', 10, 'Family name') });

  it('trims the text', () => {
    expect(schema.parse({ familyName: '  Taylor ' })).toEqual({ familyName: 'Taylor' });
  });

  it.each([[{ familyName: '' }], [{ familyName: '   ' }], [{}], [{ familyName: null }]])(
    'asks for the text when given %j',
    (input) => {
      const result = schema.safeParse(input);
      expect(result.success).toBe(false);
      expect(problemsOf(result.error as z.ZodError)).toEqual([{ field: 'familyName', message: 'Enter the family name' }]);
    },
  );

  it('says how long the text may be, counting after trimming', () => {
    expect(schema.parse({ familyName: ' 0123456789 ' })).toEqual({ familyName: '0123456789' });
    const result = schema.safeParse({ familyName: '01234567890' });
    expect(problemsOf(result.error as z.ZodError)).toEqual([
      { field: 'familyName', message: 'Family name must be 10 characters or fewer' },
    ]);
  });
});

describe('optionalText', () => {
  const schema = z.object({ preferredName: optionalText(5, 'Preferred name') });

  it('turns an empty, blank or missing box into null', () => {
    expect(schema.parse({ preferredName: '' })).toEqual({ preferredName: null });
    expect(schema.parse({ preferredName: '   ' })).toEqual({ preferredName: null });
    expect(schema.parse({})).toEqual({ preferredName: null });
    expect(schema.parse({ preferredName: null })).toEqual({ preferredName: null });
  });

  it('trims the text', () => {
    expect(schema.parse({ preferredName: ' Lee ' })).toEqual({ preferredName: 'Lee' });
  });

  it('says how long the text may be', () => {
    const result = schema.safeParse({ preferredName: 'Leonardo' });
    expect(problemsOf(result.error as z.ZodError)).toEqual([
      { field: 'preferredName', message: 'Preferred name must be 5 characters or fewer' },
    ]);
  });

  it('refuses something that is not text', () => {
    const result = schema.safeParse({ preferredName: 42 });
    expect(problemsOf(result.error as z.ZodError)).toEqual([{ field: 'preferredName', message: 'Preferred name must be text' }]);
  });
});

describe('optionalChoice', () => {
  const schema = z.object({ gender: optionalChoice(['M', 'F', 'U'], 'sex') });

  it('keeps a choice from the list and turns no choice into null', () => {
    expect(schema.parse({ gender: 'F' })).toEqual({ gender: 'F' });
    expect(schema.parse({ gender: '' })).toEqual({ gender: null });
    expect(schema.parse({})).toEqual({ gender: null });
  });

  it('refuses a choice that is not on the list', () => {
    expect(schema.safeParse({ gender: 'X' }).success).toBe(false);
  });
});

describe('yesNo', () => {
  it.each([true, 'yes', 'true', 'on'])('reads %j as yes', (value) => {
    expect(yesNo.parse(value)).toBe(true);
  });

  it.each([false, 'no', 'false', '', undefined, null, 'off', 'YES', 1])('reads %j as no', (value) => {
    expect(yesNo.parse(value)).toBe(false);
  });
});

describe('checkboxes', () => {
  const schema = z.object({ disabilities: checkboxes(z.enum(['MOB', 'HEAR', 'VIS'])) });

  it('reads nothing ticked as an empty list', () => {
    expect(schema.parse({})).toEqual({ disabilities: [] });
    expect(schema.parse({ disabilities: '' })).toEqual({ disabilities: [] });
    expect(schema.parse({ disabilities: null })).toEqual({ disabilities: [] });
  });

  it('reads one ticked box, sent as a single value, as a list of one', () => {
    expect(schema.parse({ disabilities: 'HEAR' })).toEqual({ disabilities: ['HEAR'] });
  });

  it('keeps several ticked boxes in order', () => {
    expect(schema.parse({ disabilities: ['VIS', 'MOB'] })).toEqual({ disabilities: ['VIS', 'MOB'] });
  });

  it('checks each ticked value', () => {
    expect(schema.safeParse({ disabilities: ['MOB', 'WINGS'] }).success).toBe(false);
    expect(schema.safeParse({ disabilities: 'WINGS' }).success).toBe(false);
  });
});

describe('isoDate and optionalIsoDate', () => {
  it('accepts a real date and refuses an impossible one with a message naming the field', () => {
    expect(isoDate('Start date').parse('2028-02-29')).toBe('2028-02-29');
    const result = isoDate('Start date').safeParse('2027-02-29');
    expect(problemsOf(result.error as z.ZodError)).toEqual([
      { field: 'body', message: 'Start date must be a real date written YYYY-MM-DD, like 2014-03-27' },
    ]);
  });

  it('turns an empty optional date into null', () => {
    const schema = z.object({ endDate: optionalIsoDate('End date') });
    expect(schema.parse({ endDate: '' })).toEqual({ endDate: null });
    expect(schema.parse({})).toEqual({ endDate: null });
    expect(schema.parse({ endDate: '2026-04-30' })).toEqual({ endDate: '2026-04-30' });
    expect(schema.safeParse({ endDate: '2026-04-31' }).success).toBe(false);
  });
});

describe('checked and problemsOf', () => {
  const schema = z.object({
    familyName: requiredText('Enter the family name', 50, 'Family name'),
    address: z.object({ postcode: requiredText('Enter the postcode', 8, 'Postcode') }),
  });

  it('returns the parsed input when it is valid', () => {
    expect(checked(schema, { familyName: ' Taylor ', address: { postcode: 'AN1 1AA' } })).toEqual({
      familyName: 'Taylor',
      address: { postcode: 'AN1 1AA' },
    });
  });

  it('throws a ValidationError listing every problem, with dotted paths for nested fields', () => {
    let error: unknown;
    try {
      checked(schema, { familyName: '', address: { postcode: '' } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([
      { field: 'familyName', message: 'Enter the family name' },
      { field: 'address.postcode', message: 'Enter the postcode' },
    ]);
  });
});

describe('amounts in pounds and pence', () => {
  const cost = pence('the weekly cost');
  const problem = (v: unknown) => { const r = cost.safeParse(v); return r.success ? null : r.error.issues[0]!.message; };
  it('reads pounds and pence as whole pence, with or without a pound sign and commas', () => {
    expect(cost.parse('1,450')).toBe(145000);
    expect(cost.parse('£1450.5')).toBe(145050);
    expect(cost.parse('0.01')).toBe(1);
    expect(cost.parse(99.99)).toBe(9999);
  });
  it('refuses nothing, negative amounts, fractions of a penny and words', () => {
    expect(problem('')).toBe('Enter the weekly cost in pounds and pence, like 1450.00');
    expect(problem('0')).toBe('The weekly cost must be more than £0');
    expect(problem('-20')).toBe('The weekly cost must be an amount in pounds and pence, like 1450.00');
    expect(problem('12.345')).toBe('The weekly cost must be an amount in pounds and pence, like 1450.00');
    expect(problem('a lot')).toBe('The weekly cost must be an amount in pounds and pence, like 1450.00');
    expect(problem('2000000')).toBe('The weekly cost must be £1,000,000 or less');
  });
});

describe('whole numbers', () => {
  const places = wholeNumber('the number of places', 0, 500);
  it('reads whole numbers within limits and says what to fix otherwise', () => {
    expect(places.parse('4')).toBe(4);
    expect(places.safeParse('4.5').error?.issues[0]?.message).toBe('The number of places must be a whole number, like 1');
    expect(places.safeParse('501').error?.issues[0]?.message).toBe('The number of places must be between 0 and 500');
    expect(places.safeParse('').error?.issues[0]?.message).toBe('Enter the number of places');
  });
});
