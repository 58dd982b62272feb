/**
 * Unique Pupil Numbers (DfE): 13 characters. Character 1 is a check letter; 2-4 the local
 * authority number; 5-12 digits; 13 a digit, or a letter for a temporary UPN. The check letter
 * is the remainder modulo 23 of characters 2-13 weighted 2 to 13, read in an alphabet without
 * I, O and S (letters in position 13 count as their place in the same alphabet).
 * CIN census rules 1510, 1540 and 1550 reject the same things.
 */
const alphabet = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export function normaliseUpn(input: string): string {
  return input.replace(/\s/g, '').toUpperCase();
}

export function upnCheckLetter(lastTwelve: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const ch = lastTwelve[i] ?? '';
    const value = /\d/.test(ch) ? Number(ch) : alphabet.indexOf(ch);
    sum += value * (i + 2);
  }
  return alphabet[sum % 23] ?? '';
}

export type UpnProblem = 'length' | 'format' | 'check-letter';

export function upnProblem(input: string): UpnProblem | null {
  const value = normaliseUpn(input);
  if (value.length !== 13) return 'length';
  if (!/^[A-Z]\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/.test(value)) return 'format';
  return upnCheckLetter(value.slice(1)) === value[0] ? null : 'check-letter';
}
