/**
 * The practice standards count days in England: an instant becomes a date in Europe/London
 * before anything is counted (DESIGN.md, Time and working days). 2026-06-04T23:30:00Z is
 * Friday 5 June in London (BST).
 */
const londonDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The local date in Europe/London of an instant, as YYYY-MM-DD. */
export function londonDate(instant: Date): string {
  return londonDateFormat.format(instant);
}

/** Is the string a real calendar date written YYYY-MM-DD (no 31 April, no 29 February 2027)? */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whole years between a date of birth and a date, as ages are counted. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Adds calendar days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds months, keeping the day of the month, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

/**
 * The instant a London date begins. Midnight is never inside a clock change (those happen at
 * 01:00 UTC), so London's offset at UTC midnight of that date is the offset at its midnight.
 */
export function londonStartOfDay(date: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const londonHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(utcMidnight),
  );
  return new Date(utcMidnight.getTime() - londonHour * 3_600_000);
}

/** The last instant of a London date: anything done up to it was done that day. */
export function londonEndOfDay(date: string): Date {
  return new Date(londonStartOfDay(addDays(date, 1)).getTime() - 1);
}
