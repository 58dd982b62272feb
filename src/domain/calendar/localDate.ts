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

const hourMs = 3_600_000;
/** From 1900 London's offset is a whole number of hours and changes on the hour (UTC). */
const wholeHoursFrom = Date.UTC(1900, 0, 1);
/** London dates by UTC hour: formatting is slow, and the engine asks for the same hours again and again. */
const dateOfHour = new Map<number, string>();

/** The local date in Europe/London of an instant, as YYYY-MM-DD. */
export function londonDate(instant: Date): string {
  const time = instant.getTime();
  // Every instant of a UTC hour has the same London date (midnight in London falls on an hour).
  if (!(time >= wholeHoursFrom)) return londonDateFormat.format(instant);
  const hour = Math.floor(time / hourMs);
  let date = dateOfHour.get(hour);
  if (date === undefined) {
    if (dateOfHour.size >= 500_000) dateOfHour.clear();
    date = londonDateFormat.format(hour * hourMs);
    dateOfHour.set(hour, date);
  }
  return date;
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Is the string a real calendar date written YYYY-MM-DD (no 31 April, no 29 February 2027)? Read
 * character by character rather than through a pattern and Date: the statutory returns ask it of
 * every date of every child. Years before 100 are not dates anyone means (and Date read them as 19xx).
 */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const code = value.charCodeAt(i);
    if (i === 4 || i === 7 ? code !== 45 : !isDigit(code)) return false;
  }
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (daysInMonth[month - 1] as number) + (leap ? 1 : 0);
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

/**
 * The same day n years on. Someone born on 29 February reaches an age on 1 March in a common year
 * (Family Law Reform Act 1969 s 9 counts the anniversary; the day after 28 February is the first
 * day they have lived the full number of years).
 */
export function addYears(date: string, years: number): string {
  const y = String(Number(date.slice(0, 4)) + years).padStart(4, '0');
  const monthDay = date.slice(5);
  return monthDay === '02-29' && !isIsoDate(`${y}-02-29`) ? `${y}-03-01` : `${y}-${monthDay}`;
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
  let start = startOfDay.get(date);
  if (start === undefined) {
    const utcMidnight = new Date(`${date}T00:00:00Z`);
    start = utcMidnight.getTime() - Number(londonHourFormat.format(utcMidnight)) * 3_600_000;
    if (startOfDay.size >= 100_000) startOfDay.clear();
    startOfDay.set(date, start);
  }
  return new Date(start);
}

const londonHourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' });
/** Each London date's first instant, worked out once: every deadline is the end of a day. */
const startOfDay = new Map<string, number>();

/** The last instant of a London date: anything done up to it was done that day. */
export function londonEndOfDay(date: string): Date {
  let end = endOfDay.get(date);
  if (end === undefined) {
    end = londonStartOfDay(addDays(date, 1)).getTime() - 1;
    if (endOfDay.size >= 100_000) endOfDay.clear();
    endOfDay.set(date, end);
  }
  return new Date(end);
}

/** Each London date's last instant: every deadline counted in days is one. */
const endOfDay = new Map<string, number>();

const londonClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The time of day in London of an instant, as HH:MM (24-hour). */
export function londonTime(instant: Date): string {
  return londonClock.format(instant);
}

/**
 * The instant a London date and time of day (HH:MM, 24-hour) name: what a worker means by "the
 * visit was at 10:30 on 12 June". London is UTC or an hour ahead, so it is one of two instants.
 * When the clocks go back, 01:30 happens twice: the first (BST) is taken. When they go forward,
 * 01:30 never happens: null, so the person can be asked for a time that did.
 */
export function londonInstant(date: string, time: string): Date | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!isIsoDate(date) || !match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  const asUtc = new Date(`${date}T${time}:00Z`).getTime();
  const candidates = [asUtc - 3_600_000, asUtc].map((ms) => new Date(ms));
  return candidates.find((c) => londonDate(c) === date && londonTime(c) === time) ?? null;
}
