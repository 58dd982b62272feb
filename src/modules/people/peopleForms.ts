import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { PersonKind } from '../../domain/people/codes';
import { detailFields, fieldsForKind, type Problem } from '../../domain/people/personDetails';
import { NotFoundError } from '../../platform/errors';
import { formBody } from '../../platform/http/forms';
import { mergeProblems, problemsOf, readDateInput } from '../../platform/validation';

/** The date fields of people's forms, written as three GOV.UK date boxes. */
export const personDateFields = ['dateOfBirth', 'expectedDateOfBirth', 'startDate', 'endDate'];

const uuid = z.uuid();

/** A record id from the path; anything that is not one is "not found", never a database error. */
export function idParam(request: FastifyRequest, name = 'id'): string {
  const value = (request.params as Record<string, string>)[name];
  if (!uuid.safeParse(value).success) throw new NotFoundError(name === 'id' ? 'The record' : 'The entry');
  return value as string;
}

/**
 * A form's body with its date boxes read into YYYY-MM-DD. Problems with the boxes are returned
 * (naming the box to fix), and the date is left out so the schema does not report it twice.
 */
export function withDates(request: FastifyRequest, dates: { name: string; label: string; required: boolean }[]) {
  const body = formBody(request.body);
  const values: Record<string, unknown> = { ...body };
  const problems: Problem[] = [];
  for (const date of dates) {
    const { value, problem } = readDateInput(body, date.name, date.label, date.required);
    if (problem) problems.push(problem);
    values[date.name] = value;
  }
  return { body, values, problems };
}

/** Only the fields that apply to this kind of person, from a registration or correction form. */
export function detailValues(values: Record<string, unknown>, kind: PersonKind): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of detailFields) {
    if (!fieldsForKind[kind].includes(field)) continue;
    picked[field] = field === 'uasc' ? values[field] ?? 'no' : values[field] ?? null;
  }
  return picked;
}

export const personDates = [
  { name: 'dateOfBirth', label: 'Date of birth', required: false },
  { name: 'expectedDateOfBirth', label: 'Expected date of birth', required: false },
];

/** Parses with a schema, adding its problems to those already found (date boxes). */
export function parseWith<T extends z.ZodType>(schema: T, values: unknown, earlier: Problem[]) {
  const parsed = schema.safeParse(values);
  const problems = mergeProblems(earlier, parsed.success ? [] : problemsOf(parsed.error));
  return { data: parsed.success && problems.length === 0 ? (parsed.data as z.infer<T>) : null, problems };
}
