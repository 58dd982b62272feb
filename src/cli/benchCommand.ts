import { systemClock } from '../platform/clock';
import type { Database } from '../platform/db/database';
import { services as buildServices } from '../services';
import { cliContext, UsageError } from './cliContext';

type WithDatabase = <T>(run: (database: Database) => Promise<T>) => Promise<T>;

/**
 * `npx hearth bench generate …` (issue 9): the synthetic authority generator lives with the
 * benchmarks (bench/generate.ts), loaded only when asked for, so that serving Hearth never loads it.
 */
export async function benchCommand(sub: string | undefined, args: string[], withDatabase: WithDatabase): Promise<number> {
  if (sub !== 'generate') throw new UsageError('Did you mean: npx hearth bench generate --children N --years Y --seed S');
  const { generateAuthority, generateOptions, syntheticPassword } = await import('../../bench/generate');
  const options = generateOptions(args);
  if (typeof options === 'string') throw new UsageError(options);
  return withDatabase(async (database) => {
    const services = buildServices(database.db, systemClock);
    const result = await generateAuthority(services, cliContext(), options, (message) => console.error(message));
    const { report } = result;
    console.log(
      `Generated a synthetic authority (seed ${options.seed}): ${report.created.toLocaleString('en-GB')} children with ${report.imported.toLocaleString('en-GB')} events in ${result.importSeconds.toFixed(0)} s through the import (${Math.round(report.imported / Math.max(result.importSeconds, 0.001))} events/s); ${result.staff} social workers and ${result.managers} managers, password ${syntheticPassword}.`,
    );
    // What was refused, by kind of reason (dates and ids left out), so a fault in the generator shows as one line.
    const kinds = new Map<string, { n: number; example: string }>();
    for (const p of report.problems) {
      const kind = p.reason.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '…').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '…').replace(/SYN\d+-\d+/g, '…');
      const seen = kinds.get(kind) ?? { n: 0, example: `line ${p.line}: ${p.reason}` };
      seen.n++;
      kinds.set(kind, seen);
    }
    for (const [, { n, example }] of [...kinds].sort((a, b) => b[1].n - a[1].n)) console.error(`${n} refused, e.g. ${example}`);
    return report.problems.length > 0 ? 1 : 0;
  });
}
