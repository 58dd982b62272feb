import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/database';
import { runMigrations } from '../src/platform/db/migrate';

/**
 * `npx tsx bench/copyToPglite.ts <postgres-url> <new-pglite-data-dir>` (issue 9): a synthetic
 * authority generated on PostgreSQL (`npx hearth bench generate`), copied table by table into a
 * new PGlite data directory, for the suite to measure the large size on PGlite
 * (BENCH_LARGE_DATA_DIR) on the very same authority.
 *
 * Why not import it into PGlite: through the import path, PGlite's rate falls from about 2,100
 * events a second to under 700 as the database outgrows its cache, so 5 million events take
 * hours on 2 cores (bench/README.md). The import's throughput on PGlite is measured by the suite
 * at the small size and by `bench generate` itself; this copies the result, which is what the
 * other measures need.
 *
 * The schema comes from Hearth's own migrations; the rows go across with COPY in CSV, a range of
 * the table's pages at a time (psql's \copy out, PGlite's COPY FROM '/dev/blob' in), with
 * triggers off (session_replication_role = replica: the rows are copies, already checked,
 * counted and tallied where they were made) and the secondary indexes built afterwards.
 * Needs `psql` on the PATH. Synthetic data only: nothing here is for real records.
 */
const pagesPerChunk = 20_000; // about 160 MB of table a time: the CSV is held in PGlite's memory while it is read

async function main() {
  const [url, dataDir] = process.argv.slice(2);
  if (!url || !dataDir) throw new Error('Usage: npx tsx bench/copyToPglite.ts <postgres-url> <new-pglite-data-dir>');
  if (existsSync(dataDir)) throw new Error(`${dataDir} exists: name a new directory`);
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const started = Date.now();

  const source = new pg.Client({ connectionString: url });
  await source.connect();
  const database = await openDatabase({ engine: 'pglite', dataDir });
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'hearth-copy-'));
  try {
    await runMigrations(database);
    const target = (database.db as unknown as { $client: PGlite }).$client;
    const tables = (await source.query<{ name: string; pages: string }>(`select c.relname as name, pg_relation_size(c.oid) / current_setting('block_size')::int as pages
      from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 2 desc`)).rows;
    const secondary = (await target.query<{ name: string; definition: string }>(`select indexname as name, indexdef as definition from pg_indexes i
      where schemaname = 'public' and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`)).rows;
    await target.exec(`set session_replication_role = replica`);
    for (const index of secondary) await target.exec(`drop index "${index.name}"`);

    // Whatever the migrations put in, all at once (tables that refer to each other cannot be emptied one by one).
    await target.exec(`truncate ${tables.map((t) => `"${t.name}"`).join(', ')}`);
    for (const table of tables) {
      const pages = Number(table.pages);
      let rows = 0;
      for (let from = 0; from <= pages; from += pagesPerChunk) {
        const file = path.join(scratch, `${table.name}.csv`);
        const range = `select * from "${table.name}" where ctid >= '(${from},0)'::tid and ctid < '(${from + pagesPerChunk},0)'::tid`;
        execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qc', `\\copy (${range}) to '${file}' with (format csv)`], { stdio: ['ignore', 'ignore', 'inherit'] });
        const result = await target.query(`copy "${table.name}" from '/dev/blob' with (format csv)`, [], { blob: new Blob([readFileSync(file)]) });
        rows += result.affectedRows ?? 0;
        rmSync(file);
      }
      log(`${table.name}: ${rows.toLocaleString('en-GB')} rows (${Math.round((Date.now() - started) / 1000)} s)`);
    }

    for (const index of secondary) {
      await target.exec(index.definition);
      log(`index ${index.name} (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    const sequences = (await source.query<{ name: string; value: string | null }>(`select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public'`)).rows;
    for (const s of sequences) if (s.value !== null) await target.query(`select setval($1, $2::bigint)`, [`public."${s.name}"`, s.value]);
    await target.exec(`set session_replication_role = origin`);
    await target.exec(`vacuum analyze`);
    await target.exec(`checkpoint`);
    log(`Copied ${tables.length} tables into ${dataDir} in ${Math.round((Date.now() - started) / 1000)} s.`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await database.close();
    await source.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
