import { z } from 'zod';
import type { Problem } from '../domain/people/personDetails';
import { ValidationError } from './errors';
import { mergeProblems, problemsOf, readDateInput, readPastInstant } from './validation';
import { formatDateTime } from './views/filters';

/** When the thing recorded happened, from a form's date and time (checked with everything else). */
export interface When {
  occurredOn: string | null;
  occurredTime: string;
  /** Problems reading the date's boxes. */
  problems: Problem[];
  /** The boxes' names, when a page has two such forms (`occurredOn` and `occurredTime` otherwise). */
  fields?: { date: string; time: string };
}

/** When it happened, from a form's date boxes (`occurredOn-day`…) and time (`occurredTime`). */
export function whenOf(body: Record<string, unknown>, fields = { date: 'occurredOn', time: 'occurredTime' }): When {
  const date = readDateInput(body, fields.date, 'Date it happened', true);
  const time = body[fields.time];
  return { occurredOn: date.value, occurredTime: typeof time === 'string' ? time : '', problems: date.problem ? [date.problem] : [], fields };
}

/**
 * Checks a form and when it happened together (not in the future, not in the hour the clocks
 * skip) and says everything that is wrong at once; without a `when`, it happened now.
 */
export function checkedAt<T extends z.ZodType>(schema: T, input: Record<string, unknown>, when: When | null, now: Date): { data: z.infer<T>; at: Date } {
  const parsed = schema.safeParse(input);
  const fields = when?.fields ?? { date: 'occurredOn', time: 'occurredTime' };
  const instant = when ? readPastInstant(when.occurredOn, when.occurredTime, now, { ...fields, what: 'it happened' }) : { at: now, problems: [] };
  const problems = mergeProblems(when?.problems ?? [], when && when.problems.length > 0 ? [] : instant.problems, parsed.success ? [] : problemsOf(parsed.error));
  if (problems.length > 0 || !parsed.success || !instant.at) throw new ValidationError(problems);
  return { data: parsed.data, at: instant.at };
}

const nothingAsked = z.object({});

/** When it happened, for a form that asks nothing else: a real instant in the past, or the problems with it. */
export function instantOf(when: When, now: Date): Date {
  return checkedAt(nothingAsked, {}, when, now).at;
}

/**
 * A step dated before what it follows (a referral before the decision, a visit before the
 * meeting that started the enquiry) would never meet its standard, which counts only what comes
 * after its start: the problem to refuse it with, or none. `before` ends where the earliest
 * time goes ("The referral cannot be before ").
 */
export function beforeProblems(at: Date, earliest: Date, field: string, before: string, advice = 'check the date and time'): Problem[] {
  return at.getTime() < earliest.getTime() ? [{ field, message: `${before}${formatDateTime(earliest)}: ${advice}` }] : [];
}

/** The same, refused at once; the instant when it is not too early. */
export function notBefore(at: Date, earliest: Date, field: string, before: string, advice?: string): Date {
  const problems = beforeProblems(at, earliest, field, before, advice);
  if (problems.length > 0) throw new ValidationError(problems);
  return at;
}
