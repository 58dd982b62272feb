import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { lockDataDir } from './dataDirLock';

/** One type for both engines: repositories neither know nor care which one they run on. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Anything a repository can run a query on: the database, or a transaction in progress. */
export type Executor = Db | Tx;

export type Database =
  | { engine: 'pglite'; db: Db; close(): Promise<void> }
  | { engine: 'postgres'; url: string; db: Db; close(): Promise<void> };

export type DatabaseTarget =
  | { engine: 'pglite'; dataDir?: string /* in memory when absent */ }
  | { engine: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle connection can be closed by the server (a restart, a failover, an administrator):
    // the pool drops it and opens another when needed. Without this the process would crash.
    pool.on('error', (error) => console.warn(`A PostgreSQL connection was closed by the server: ${error.message}`));
    // Fail now, with the server's own message, rather than on the first request.
    const client = await pool.connect().catch(async (error: Error) => {
      await pool.end();
      throw new Error(`Cannot connect to the PostgreSQL server in DATABASE_URL: ${error.message}`);
    });
    client.release();
    return {
      engine: 'postgres',
      url: target.url,
      db: drizzlePostgres({ client: pool }) as unknown as Db,
      close: () => pool.end(),
    };
  }

  const release = target.dataDir ? lockDataDir(target.dataDir) : () => {};
  try {
    const client = await PGlite.create({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      extensions: { pg_trgm },
    });
    return {
      engine: 'pglite',
      db: drizzlePglite({ client }) as unknown as Db,
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
