import { stringify } from 'csv-stringify/sync';
import type { ShownFailure } from './returnsService';

/** The export report: every failure, with the rule's words and what to change, one row each. */
export function reportCsv(failures: readonly ShownFailure[]): string {
  return stringify([
    ['Return', 'Rule', 'Severity', 'Child', 'Date', 'Fields', 'Message', 'What to change'],
    ...failures.map((f) => [f.return, f.code, f.severity, f.childId ?? '', f.at ?? '', f.fields.join(' '), f.message, f.fix]),
  ]);
}
