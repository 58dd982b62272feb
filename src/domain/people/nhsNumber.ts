/**
 * NHS numbers are 10 digits; the tenth is a modulus 11 check digit. Weights 10 down to 2 are
 * applied to the first nine digits; 11 minus the remainder of the sum divided by 11 is the
 * check digit, where 11 becomes 0 and 10 means the number can never be valid.
 */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function nhsCheckDigit(firstNine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

export type NhsNumberProblem = 'format' | 'check-digit';

export function nhsNumberProblem(input: string): NhsNumberProblem | null {
  const value = normaliseNhsNumber(input);
  if (!/^\d{10}$/.test(value)) return 'format';
  const expected = nhsCheckDigit(value.slice(0, 9));
  return expected !== null && expected === Number(value[9]) ? null : 'check-digit';
}

/** As NHS numbers are written: 3-3-4. */
export function formatNhsNumber(value: string): string {
  const v = normaliseNhsNumber(value);
  return v.length === 10 ? `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6)}` : value;
}
