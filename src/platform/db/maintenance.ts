import { sql } from 'drizzle-orm';
import type { Database } from './database';

const hourMs = 3_600_000;

/**
 * PGlite has no autovacuum: without this the embedded database would never collect planner
 * statistics nor reclaim the space of updated rows. A server's autovacuum does both itself.
 * The embedded database runs one statement at a time, so requests wait while this runs
 * (well under a second for a small authority).
 */
export function maintainEmbeddedDatabase(database: Database, onError: (error: unknown) => void): () => void {
  if (database.engine !== 'pglite') return () => {};
  const run = (statement: ReturnType<typeof sql>) => database.db.execute(statement).catch(onError);
  void run(sql`ANALYZE`);
  const timer = setInterval(() => void run(sql`VACUUM (ANALYZE)`), hourMs);
  timer.unref();
  return () => clearInterval(timer);
}
