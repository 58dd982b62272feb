import type { Problem } from '../../domain/people/personDetails';

/**
 * Problems as the GOV.UK error summary and field messages want them. A date's problem links to
 * the box to fix (`dateOfBirth-month`) and is shown on the whole date input (`dateOfBirth`).
 */
export function errorView(problems: readonly Problem[], dateFields: readonly string[] = []) {
  const errors: Record<string, { text: string }> = {};
  const errorList: { text: string; href: string }[] = [];
  for (const problem of problems) {
    const datePart = /^(.*)-(day|month|year)$/.exec(problem.field);
    const key = datePart ? (datePart[1] as string) : problem.field;
    const anchor = datePart ? problem.field : dateFields.includes(key) ? `${key}-day` : key.replace(/\./g, '-');
    if (errors[key]) continue;
    errors[key] = { text: problem.message };
    errorList.push({ text: problem.message, href: `#${anchor}` });
  }
  return { errors, errorList };
}

/** A form body as a plain object of strings and string arrays (what @fastify/formbody gives). */
export function formBody(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

/** A field a form may send once or several times (checkboxes, repeated hidden ids): its text values, empty ones left out. */
export function formList(body: Record<string, unknown>, name: string): string[] {
  return [body[name] ?? []].flat().filter((v): v is string => typeof v === 'string' && v !== '');
}
