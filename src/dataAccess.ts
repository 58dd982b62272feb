import type { Config } from './platform/config';
import { openDatabase, type Database } from './platform/db/database';
import { runMigrations } from './platform/db/migrate';

/** Composition root 1: the database, on the engine the configuration names, migrated. */
export async function dataAccess(config: Pick<Config, 'database'>): Promise<Database> {
  const database = await openDatabase(
    config.database.engine === 'postgres'
      ? { engine: 'postgres', url: config.database.url, poolSize: config.database.poolSize }
      : { engine: 'pglite', dataDir: config.database.dataDir },
  );
  try {
    await runMigrations(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
