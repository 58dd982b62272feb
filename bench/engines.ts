import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/database';
import { runMigrations } from '../src/platform/db/migrate';

export type Engine = 'pglite' | 'postgres';

/** The PostgreSQL server to measure on, if one is named. */
export function benchServerUrl(): string | null {
  return process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || null;
}

/** Where a URL points, without its password, for the report. */
export function describeServer(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}`;
}

export interface BenchDatabase {
  database: Database;
  /** The server's version, as it reports it. */
  version: string;
  /** Closes the database and, on a server, drops the benchmark's own database. */
  dispose(): Promise<void>;
}

async function serverVersion(database: Database): Promise<string> {
  const result = (await database.db.execute('select version() as v')) as unknown as { rows: { v: string }[] };
  // "PostgreSQL 18.6 (PGlite 0.5.16) on wasm32-unknown-emscripten, compiled by …": up to " on ".
  return (result.rows[0]?.v ?? '').split(' on ')[0] ?? '';
}

/**
 * A fresh, migrated database: PGlite in memory, or on the server a database of the benchmark's
 * own (hearth_bench_<pid>, or hearth_bench_<pid>_<purpose> for a scenario's own), created beside the named one and dropped WITH (FORCE) afterwards, so
 * a run neither sees nor touches anyone's data.
 */
export async function openBenchDatabase(engine: Engine, purpose = ''): Promise<BenchDatabase> {
  if (engine === 'pglite') {
    const database = await openDatabase({ engine: 'pglite' });
    await runMigrations(database);
    return { database, version: await serverVersion(database), dispose: () => database.close() };
  }

  const url = benchServerUrl();
  if (!url) throw new Error('Set BENCH_DATABASE_URL (or DATABASE_URL) to measure on PostgreSQL');
  const name = `hearth_bench_${process.pid}${purpose ? `_${purpose}` : ''}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  let database: Database | null = null;
  const dispose = async () => {
    await database?.close().catch(() => {});
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    database = await openDatabase({ engine: 'postgres', url: benchUrl.toString() });
    await runMigrations(database);
    return { database, version: await serverVersion(database), dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
