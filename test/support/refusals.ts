import { ValidationError } from '../../src/platform/errors';

/** The problems a refused change gave, in the order it gave them, as "field: message". */
export async function problemList(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map((p) => `${p.field}: ${p.message}`);
    throw error;
  }
  throw new Error('expected the change to be refused');
}

/** The problems a refused change gave, by field. */
export async function problemsByField(promise: Promise<unknown>): Promise<Record<string, string>> {
  return Object.fromEntries((await problemList(promise)).map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]));
}
