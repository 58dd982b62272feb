import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Database } from '../platform/db/database';
import { systemClock } from '../platform/clock';
import { services as buildServices } from '../services';
import { cliContext, UsageError } from './cliContext';

type WithDatabase = <T>(run: (database: Database) => Promise<T>) => Promise<T>;

/**
 * `npx hearth postcodes import FILE.csv`: the centres of postcode districts, for distances from a
 * child's home and school to a placement. The file has a header row with `outcode`, `latitude` and
 * `longitude` (or the ONS Postcode Directory's district centroids renamed to those).
 */
export async function postcodesImport(args: string[], withDatabase: WithDatabase): Promise<number> {
  const file = args[0];
  if (!file) throw new UsageError('Say which file to load: npx hearth postcodes import FILE.csv');
  if (!fs.existsSync(file)) throw new UsageError(`There is no file ${file}`);
  let rows: Record<string, string>[];
  try {
    rows = parse(fs.readFileSync(file), { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new UsageError(`${file} is not a CSV file with a header row: ${(error as Error).message}`);
  }
  const count = await withDatabase((database) => buildServices(database.db, systemClock).providers.importCentres(cliContext(), rows));
  console.log(`Loaded the centres of ${count} postcode districts.`);
  return 0;
}
