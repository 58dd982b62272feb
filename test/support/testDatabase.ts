import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database';
import { runMigrations } from '../../src/platform/db/migrate';

export type Engine = 'pglite' | 'postgres';

/** The engines this run tests on: always the embedded PGlite, and PostgreSQL when a server is named. */
export function engines(): Engine[] {
  return inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

const cache = globalThis as unknown as { hearthTestDatabases?: Map<Engine, Promise<Database>> };

/**
 * One migrated database per engine per worker, shared by the worker's test files: tests make
 * their own people and users (unique names), so they never depend on one another's data.
 */
export function testDatabase(engine: Engine): Promise<Database> {
  cache.hearthTestDatabases ??= new Map();
  let database = cache.hearthTestDatabases.get(engine);
  if (!database) {
    database = (async () => {
      const url = inject('postgresUrl');
      const opened = engine === 'postgres' && url ? await openDatabase({ engine: 'postgres', url, poolSize: 5 }) : await openDatabase({ engine: 'pglite' });
      await runMigrations(opened);
      return opened;
    })();
    cache.hearthTestDatabases.set(engine, database);
  }
  return database;
}
