import { z } from 'zod';
import { londonDate, londonInstant } from '../../domain/calendar/localDate';
import { termsSchema, type Terms } from '../../domain/fostering/terms';
import type { Problem } from '../../domain/people/personDetails';
import { ValidationError } from '../../platform/errors';
import { formatDate } from '../../platform/views/filters';
import { mergeProblems, problemsOf, readDateInput } from '../../platform/validation';

/**
 * Reading the recruitment forms: GOV.UK date boxes, the terms of approval, and every problem of
 * a form at once. Each form names its fields with its own prefix, so a page with several forms
 * has no two boxes with the same id.
 */
export interface DateRead {
  value: string | null;
  problems: Problem[];
}

/** A date from its three boxes; `past` refuses a day after today. */
export function dateIn(body: Record<string, unknown>, name: string, label: string, now: Date, options: { required?: boolean; past?: boolean; future?: boolean } = {}): DateRead {
  const read = readDateInput(body, name, label, options.required ?? true);
  if (read.problem) return { value: null, problems: [read.problem] };
  const today = londonDate(now);
  if (read.value && options.past !== false && !options.future && read.value > today) return { value: null, problems: [{ field: `${name}-day`, message: `${label} must be today or in the past` }] };
  if (read.value && options.future && read.value < today) return { value: null, problems: [{ field: `${name}-day`, message: `${label} must be today or in the future` }] };
  return { value: read.value, problems: [] };
}

/** When a step dated on a day happened: now when it is today, otherwise midday that day (the standards count London days). */
export function instantOn(date: string, now: Date): Date {
  return date === londonDate(now) ? now : (londonInstant(date, '12:00') ?? now);
}

/** A form's schema and its dates checked together: every problem at once, or the data. */
export function parseForm<T extends z.ZodType>(schema: T, body: Record<string, unknown>, ...dates: DateRead[]): z.infer<T> {
  const parsed = schema.safeParse(body);
  const problems = mergeProblems(...dates.map((d) => d.problems), parsed.success ? [] : problemsOf(parsed.error));
  if (problems.length > 0 || !parsed.success) throw new ValidationError(problems);
  return parsed.data;
}

export function refuse(field: string, message: string): never {
  throw new ValidationError([{ field, message }]);
}

/** The earlier date a step cannot come before ("The decision cannot be before the IRM panel’s recommendation, on 30 September 2026: check the date"). */
export function notBeforeDay(date: string, earliest: string, field: string, what: string, since?: string): void {
  if (date < earliest) refuse(field, `${what} cannot be before ${since ? `${since}, on ` : ''}${formatDate(earliest)}: check the date`);
}

const whole = (label: string, min: number, max: number) =>
  z.union([z.string(), z.number()]).transform((v, ctx) => {
    const typed = String(v).trim();
    if (!/^\d+$/.test(typed)) {
      ctx.addIssue({ code: 'custom', message: typed === '' ? `Enter ${label}` : `${label[0]!.toUpperCase()}${label.slice(1)} must be a whole number` });
      return z.NEVER;
    }
    const n = Number(typed);
    if (n < min || n > max) ctx.addIssue({ code: 'custom', message: `${label[0]!.toUpperCase()}${label.slice(1)} must be between ${min} and ${max}` });
    return n;
  });

const termsForm = z.object({
  termsChildren: whole('how many children', 1, 6),
  termsAgeFrom: whole('the youngest age', 0, 17),
  termsAgeTo: whole('the oldest age', 0, 20),
  termsGender: z.string({ error: 'Select the gender of children' }).min(1, 'Select the gender of children'),
  termsCareTypes: z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string())),
});

/** The terms of approval from a form's boxes (Family Placement 18: number, age range, gender, type and duration of care). */
export function termsFromForm(body: Record<string, unknown>, namedChildIds?: string[]): { terms: Terms | null; problems: Problem[] } {
  const form = termsForm.safeParse(body);
  if (!form.success) return { terms: null, problems: problemsOf(form.error) };
  const candidate = {
    children: form.data.termsChildren,
    ageFrom: form.data.termsAgeFrom,
    ageTo: form.data.termsAgeTo,
    gender: form.data.termsGender,
    careTypes: form.data.termsCareTypes,
    ...(namedChildIds && namedChildIds.length > 0 ? { namedChildIds } : {}),
  };
  const parsed = termsSchema.safeParse(candidate);
  if (!parsed.success) {
    const field = (path: PropertyKey[]) => ({ children: 'termsChildren', ageFrom: 'termsAgeFrom', ageTo: 'termsAgeTo', gender: 'termsGender', careTypes: 'termsCareTypes' })[String(path[0]) as 'children'] ?? 'termsChildren';
    return { terms: null, problems: parsed.error.issues.map((i) => ({ field: field(i.path), message: i.message })) };
  }
  return { terms: parsed.data as Terms, problems: [] };
}
