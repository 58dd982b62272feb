import { describe, expect, it } from 'vitest';
import { normaliseUpn, upnCheckLetter, upnProblem } from './upn';

/*
 * Check letters worked by hand. Characters 2-13 are weighted 2 to 13; the sum modulo 23 is read
 * in the alphabet without I, O and S:
 *
 *   A0 B1 C2 D3 E4 F5 G6 H7 J8 K9 L10 M11 N12 P13 Q14 R15 T16 U17 V18 W19 X20 Y21 Z22
 *
 * ?123456789012
 *   1×2 + 2×3 + 3×4 + 4×5 + 5×6 + 6×7 + 7×8 + 8×9 + 9×10 + 0×11 + 1×12 + 2×13
 *   = 2 + 6 + 12 + 20 + 30 + 42 + 56 + 72 + 90 + 0 + 12 + 26 = 368 = 16 × 23 + 0  → A
 *   so A123456789012 (the example in the error message) is valid.
 * ?201401100001
 *   2×2 + 0×3 + 1×4 + 4×5 + 0×6 + 1×7 + 1×8 + 0×9 + 0×10 + 0×11 + 0×12 + 1×13
 *   = 4 + 0 + 4 + 20 + 0 + 7 + 8 + 0 + 0 + 0 + 0 + 13 = 56 = 2 × 23 + 10        → L
 *   so L201401100001 is valid.
 * ?20140110000Z (temporary UPN: Z counts as 22 in position 13)
 *   56 − 1×13 + 22×13 = 43 + 286 = 329 = 14 × 23 + 7                           → H
 *   so H20140110000Z is valid.
 * ?80012345678T (temporary UPN: T counts as 16)
 *   8×2 + 0×3 + 0×4 + 1×5 + 2×6 + 3×7 + 4×8 + 5×9 + 6×10 + 7×11 + 8×12 + 16×13
 *   = 16 + 0 + 0 + 5 + 12 + 21 + 32 + 45 + 60 + 77 + 96 + 208 = 572 = 24 × 23 + 20 → X
 *   so X80012345678T is valid.
 */

describe('upnCheckLetter', () => {
  it('weights characters 2 to 13 by 2 to 13 and reads the sum modulo 23 in the alphabet without I, O and S', () => {
    expect(upnCheckLetter('123456789012')).toBe('A');
    expect(upnCheckLetter('201401100001')).toBe('L');
  });

  it('counts a letter in position 13 as its place in the same alphabet', () => {
    expect(upnCheckLetter('20140110000Z')).toBe('H');
    expect(upnCheckLetter('80012345678T')).toBe('X');
  });
});

describe('upnProblem', () => {
  it.each(['A123456789012', 'L201401100001'])('accepts the permanent UPN %s', (value) => {
    expect(upnProblem(value)).toBeNull();
  });

  it.each(['H20140110000Z', 'X80012345678T'])('accepts the temporary UPN %s (a letter in position 13)', (value) => {
    expect(upnProblem(value)).toBeNull();
  });

  it('normalises lower case and spaces before checking', () => {
    expect(upnProblem('a123456789012')).toBeNull();
    expect(upnProblem('h20140110000z')).toBeNull();
    expect(upnProblem(' L201 4011 00001 ')).toBeNull();
    expect(normaliseUpn(' h201 4011 0000z ')).toBe('H20140110000Z');
  });

  it.each(['B123456789012', 'Z123456789012', 'K201401100001', 'M201401100001', 'H20140110000Y'])(
    'refuses %s: the first letter is not the check letter',
    (value) => {
      expect(upnProblem(value)).toBe('check-letter');
    },
  );

  it('refuses a UPN whose digits were changed after the check letter was worked out', () => {
    // A123456789012 with the last two digits swapped: 368 − 1×12 − 2×13 + 2×12 + 1×13 = 367 → Z, not A.
    expect(upnProblem('A123456789021')).toBe('check-letter');
  });

  it.each(['I', 'O', 'S'])('refuses the letter %s in position 13 (not in the UPN alphabet)', (letter) => {
    expect(upnProblem(`H20140110000${letter}`)).toBe('format');
  });

  it.each(['I', 'O', 'S'])('refuses the letter %s as the check letter: no sum gives it', (letter) => {
    expect(upnProblem(`${letter}123456789012`)).toBe('check-letter');
  });

  it.each(['', 'A12345678901', 'A1234567890123', 'A123 4567 8901'])('refuses %j: not 13 characters', (value) => {
    expect(upnProblem(value)).toBe('length');
  });

  it.each(['1123456789012', 'A1234B6789012', 'AB23456789012', 'A123456789-12', 'A12345678901!'])(
    'refuses %s: not a letter, 11 digits, then a digit or letter',
    (value) => {
      expect(upnProblem(value)).toBe('format');
    },
  );
});
