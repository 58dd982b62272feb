import { describe, expect, it } from 'vitest';
import { formatNhsNumber, nhsCheckDigit, nhsNumberProblem, normaliseNhsNumber } from './nhsNumber';

/*
 * Modulus 11, worked by hand (weights 10 down to 2 on the first nine digits):
 *
 * 943 476 591|9 (the NHS's documented example)
 *   9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2
 *   = 90 + 36 + 24 + 28 + 42 + 30 + 20 + 27 + 2 = 299; 299 mod 11 = 2; 11 − 2 = 9
 * 401 023 213|7
 *   4×10 + 0×9 + 1×8 + 0×7 + 2×6 + 3×5 + 2×4 + 1×3 + 3×2
 *   = 40 + 0 + 8 + 0 + 12 + 15 + 8 + 3 + 6 = 92; 92 mod 11 = 4; 11 − 4 = 7
 * 943 476 590|0 (the check digit 11 becomes 0)
 *   as the first, but 0×2 in place of 1×2: 297 = 27 × 11, remainder 0; 11 − 0 = 11 → 0
 * 123 456 789|? (a check digit of 10: never valid)
 *   10 + 18 + 24 + 28 + 30 + 30 + 28 + 24 + 18 = 210; 210 mod 11 = 1; 11 − 1 = 10
 * 943 476 551|? (also 10)
 *   as the first, but 5×3 in place of 9×3: 299 − 27 + 15 = 287 = 26 × 11 + 1; 11 − 1 = 10
 */

describe('nhsCheckDigit', () => {
  it('computes the modulus 11 check digit of the first nine digits', () => {
    expect(nhsCheckDigit('943476591')).toBe(9);
    expect(nhsCheckDigit('401023213')).toBe(7);
  });

  it('turns a check digit of 11 into 0', () => {
    expect(nhsCheckDigit('943476590')).toBe(0);
  });

  it('returns null when the check digit would be 10 (the number can never be valid)', () => {
    expect(nhsCheckDigit('123456789')).toBeNull();
    expect(nhsCheckDigit('943476551')).toBeNull();
  });
});

describe('nhsNumberProblem', () => {
  it.each(['9434765919', '4010232137', '9434765900'])('accepts the valid number %s', (value) => {
    expect(nhsNumberProblem(value)).toBeNull();
  });

  it.each(['943 476 5919', '943-476-5919', ' 943 476 5919 ', '943 - 476 - 5919', '401\t023\t2137'])(
    'accepts spaces and hyphens as people write them: %j',
    (value) => {
      expect(nhsNumberProblem(value)).toBeNull();
    },
  );

  it.each(['9434765918', '9434765910', '4010232136', '4010232138', '9434765909'])(
    'refuses %s: the last digit is not the check digit',
    (value) => {
      expect(nhsNumberProblem(value)).toBe('check-digit');
    },
  );

  it.each(['1234567890', '1234567891', '1234567899', '9434765510', '9434765519'])(
    'refuses %s: its first nine digits give a check digit of 10, whatever the last digit',
    (value) => {
      expect(nhsNumberProblem(value)).toBe('check-digit');
    },
  );

  it('refuses a single transposition of two digits of a valid number', () => {
    // 943 476 5919 with its first two digits swapped: 4×10 + 9×9 + … = 299 − 90 − 36 + 40 + 81 = 294,
    // 294 mod 11 = 8, check digit 3, not 9.
    expect(nhsNumberProblem('4934765919')).toBe('check-digit');
  });

  it.each(['', '943476591', '94347659191', '943 476 591', 'A434765919', '943.476.5919', '943476591O', '+449434765919'])(
    'refuses %j: not 10 digits',
    (value) => {
      expect(nhsNumberProblem(value)).toBe('format');
    },
  );
});

describe('normaliseNhsNumber', () => {
  it('removes spaces, tabs and hyphens and nothing else', () => {
    expect(normaliseNhsNumber(' 943-476 5919\t')).toBe('9434765919');
    expect(normaliseNhsNumber('943.476.5919')).toBe('943.476.5919');
  });
});

describe('formatNhsNumber', () => {
  it('writes 10 digits as 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });

  it('rewrites a number written with hyphens or odd spacing as 3-3-4', () => {
    expect(formatNhsNumber('943-476-5919')).toBe('943 476 5919');
    expect(formatNhsNumber('9434 765 919')).toBe('943 476 5919');
  });

  it('leaves anything that is not 10 digits as it was typed', () => {
    expect(formatNhsNumber('943-476-591')).toBe('943-476-591');
    expect(formatNhsNumber('94347659191')).toBe('94347659191');
    expect(formatNhsNumber('')).toBe('');
  });
});
