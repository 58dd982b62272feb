import { z } from 'zod';
import { isIsoDate, londonDate, londonInstant, londonTime } from '../domain/calendar/localDate';
import { formatDate } from './views/filters';
import type { Problem } from '../domain/people/personDetails';
import { ValidationError } from './errors';

/**
 * Building blocks for the zod schemas of forms and the API, with messages in the GOV.UK style:
 * each says what is wrong and what to do ("Enter the family name", not "Required").
 */
export function requiredText(message: string, max: number, label: string) {
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `${label} must be ${max} characters or fewer`);
}

/** An optional text field: an empty box becomes null. */
export function optionalText(max: number, label: string) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .nullish()
    .transform((v) => (v ? v : null));
}

/** A choice from a list; an empty choice becomes null. */
export function optionalChoice(values: readonly [string, ...string[]], label: string) {
  return z
    .union([z.literal(''), z.enum(values, { error: `Select a ${label} from the list` })])
    .nullish()
    .transform((v) => (v ? v : null));
}

/** The values of a list of choices (`{ value, text }`), for z.enum. */
export function choiceValues(list: readonly { value: string }[]): [string, ...string[]] {
  return list.map((o) => o.value) as [string, ...string[]];
}

/** What a list of choices (`{ value, text }`) shows for a stored value: the value itself if the list no longer has it. */
export function labelOf(list: readonly { value: string; text: string }[], value: string): string {
  return list.find((o) => o.value === value)?.text ?? value;
}

/** Checkboxes send nothing, one value or several: always an array. */
export function checkboxes<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/** Pounds and pence as typed ("1,450", "£1450.50") in whole pence, or null when it is not an amount. */
export function penceOf(typed: string): number | null {
  const plain = typed.trim().replace(/^£/, '').replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return null;
  const [pounds, decimals = ''] = plain.split('.');
  return Number(pounds) * 100 + Number(decimals.padEnd(2, '0'));
}

/**
 * An amount of money in pounds and pence ("1,450", "£1450.50"), as whole pence: more than nothing,
 * at most two decimal places (issue 7: "costs must be positive amounts in pounds and pence").
 */
export function pence(label: string, max = 100_000_000) {
  return z
    .union([z.string(), z.number()], { error: `Enter ${label} in pounds and pence, like 1450.00` })
    .transform((v, ctx) => {
      const typed = String(v).trim();
      const amount = penceOf(typed);
      if (amount === null) {
        ctx.addIssue({ code: 'custom', message: typed === '' ? `Enter ${label} in pounds and pence, like 1450.00` : `${label[0]!.toUpperCase()}${label.slice(1)} must be an amount in pounds and pence, like 1450.00` });
        return z.NEVER;
      }
      if (amount <= 0) ctx.addIssue({ code: 'custom', message: `${label[0]!.toUpperCase()}${label.slice(1)} must be more than £0` });
      else if (amount > max) ctx.addIssue({ code: 'custom', message: `${label[0]!.toUpperCase()}${label.slice(1)} must be £${(max / 100).toLocaleString('en-GB')} or less` });
      return amount;
    });
}

/** A whole number typed in a box, within limits. */
export function wholeNumber(label: string, min: number, max: number) {
  return z
    .union([z.string(), z.number()], { error: `Enter ${label} as a number` })
    .transform((v, ctx) => {
      const typed = String(v).trim();
      if (!/^-?\d+$/.test(typed)) {
        ctx.addIssue({ code: 'custom', message: typed === '' ? `Enter ${label}` : `${label[0]!.toUpperCase()}${label.slice(1)} must be a whole number, like ${Math.max(min, 1)}` });
        return z.NEVER;
      }
      const n = Number(typed);
      if (n < min || n > max) ctx.addIssue({ code: 'custom', message: `${label[0]!.toUpperCase()}${label.slice(1)} must be between ${min} and ${max}` });
      return n;
    });
}

/** A yes/no radio or checkbox from a form, or a boolean from JSON. */
export const yesNo = z.preprocess((v) => v === true || v === 'yes' || v === 'true' || v === 'on', z.boolean());

/** A date written YYYY-MM-DD (the API's form of dates). */
export function isoDate(label: string) {
  return z
    .string({ error: `${label} must be a date written YYYY-MM-DD` })
    .refine(isIsoDate, `${label} must be a real date written YYYY-MM-DD, like 2014-03-27`);
}

export function optionalIsoDate(label: string) {
  return z
    .union([z.literal(''), isoDate(label)])
    .nullish()
    .transform((v) => (v ? v : null));
}

/**
 * A GOV.UK date input sends three boxes: `<name>-day`, `<name>-month`, `<name>-year`. This reads
 * them into YYYY-MM-DD, or a problem naming the box to fix.
 */
export function readDateInput(
  body: Record<string, unknown>,
  name: string,
  label: string,
  required: boolean,
): { value: string | null; problem: Problem | null } {
  const part = (p: string) => String(body[`${name}-${p}`] ?? '').trim();
  const [day, month, year] = [part('day'), part('month'), part('year')];
  if (!day && !month && !year) {
    return { value: null, problem: required ? { field: `${name}-day`, message: `Enter ${label.toLowerCase()}` } : null };
  }
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean) as string[];
  if (missing.length > 0) {
    return { value: null, problem: { field: `${name}-${missing[0]}`, message: `${label} must include a ${missing.join(' and ')}` } };
  }
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { value: null, problem: { field: `${name}-day`, message: `${label} must be a real date, like 27 3 2014` } };
  }
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isIsoDate(value)) return { value: null, problem: { field: `${name}-day`, message: `${label} must be a real date` } };
  return { value, problem: null };
}

/**
 * Services check their input with the same schema as the pages and the API: whoever calls
 * them (a page, the API, the command line, an import), the same rules and normalising apply.
 */
export function checked<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(problemsOf(parsed.error));
  return parsed.data;
}

/** The field a problem is about, whichever box of a date it names. */
function fieldKey(problem: Problem): string {
  return problem.field.replace(/-(day|month|year)$/, '');
}

/**
 * Problems from several checks (a form's date boxes, the schema, the rules of the work) as one
 * list, one problem per field: the first to speak about a field is the most precise.
 */
export function mergeProblems(...lists: Problem[][]): Problem[] {
  const seen = new Set<string>();
  return lists.flat().filter((problem) => {
    const key = fieldKey(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** zod's issues as problems: the field path and the message. */
export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : 'body',
    message: issue.message,
  }));
}

/** "14:30", "9:05", "9.05" or "0930" as HH:MM on the 24-hour clock, or null. */
export function readTime(typed: string): string | null {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(typed.trim());
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  return `${match[1]?.padStart(2, '0')}:${match[2]}`;
}

/**
 * When something happened, from a form's London date (already read from its boxes; null when they
 * could not be) and typed time: a real instant, not in the future, not in an hour the clocks skipped.
 * `what` names it in the messages ("it happened", "the contact was received").
 */
export function readPastInstant(
  date: string | null,
  typedTime: string,
  now: Date,
  fields: { date: string; time: string; what: string },
): { at: Date | null; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!date) problems.push({ field: fields.date, message: `Enter the date ${fields.what}` });
  const time = readTime(typedTime);
  if (!typedTime.trim()) problems.push({ field: fields.time, message: `Enter the time ${fields.what}, like 14:30` });
  else if (!time) problems.push({ field: fields.time, message: `Time ${fields.what} must be a real time on the 24-hour clock, like 09:30 or 14:30` });
  const at = date && time ? londonInstant(date, time) : null;
  if (date && time && !at) problems.push({ field: fields.time, message: `There was no ${time} on ${formatDate(date)}: the clocks went forward. Check the time` });
  if (at && at.getTime() > now.getTime()) {
    problems.push(
      date && date > londonDate(now)
        ? { field: fields.date, message: `Date ${fields.what} must be today or in the past` }
        : { field: fields.time, message: `Time ${fields.what} must be in the past: it is ${londonTime(now)} now` },
    );
    return { at: null, problems };
  }
  return { at, problems };
}
