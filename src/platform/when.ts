import type { z } from 'zod';
import type { Problem } from '../domain/people/personDetails';
import { ValidationError } from './errors';
import { mergeProblems, problemsOf, readDateInput, readPastInstant } from './validation';

/** When the thing recorded happened, from a form's date and time (checked with everything else). */
export interface When {
  occurredOn: string | null;
  occurredTime: string;
  /** Problems reading the date's boxes. */
  problems: Problem[];
}

/** When it happened, from a form's date boxes (`occurredOn-day`…) and time (`occurredTime`). */
export function whenOf(body: Record<string, unknown>): When {
  const date = readDateInput(body, 'occurredOn', 'Date it happened', true);
  return { occurredOn: date.value, occurredTime: typeof body.occurredTime === 'string' ? body.occurredTime : '', problems: date.problem ? [date.problem] : [] };
}

/**
 * Checks a form and when it happened together (not in the future, not in the hour the clocks
 * skip) and says everything that is wrong at once; without a `when`, it happened now.
 */
export function checkedAt<T extends z.ZodType>(schema: T, input: Record<string, unknown>, when: When | null, now: Date): { data: z.infer<T>; at: Date } {
  const parsed = schema.safeParse(input);
  const instant = when ? readPastInstant(when.occurredOn, when.occurredTime, now, { date: 'occurredOn', time: 'occurredTime', what: 'it happened' }) : { at: now, problems: [] };
  const problems = mergeProblems(when?.problems ?? [], when && when.problems.length > 0 ? [] : instant.problems, parsed.success ? [] : problemsOf(parsed.error));
  if (problems.length > 0 || !parsed.success || !instant.at) throw new ValidationError(problems);
  return { data: parsed.data, at: instant.at };
}
