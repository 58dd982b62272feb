import { sql } from 'drizzle-orm';
import type { Database } from './database';

const hourMs = 3_600_000;

/**
 * PGlite runs without PostgreSQL's background processes, so the embedded database does nothing
 * by itself that a server does:
 * - no autovacuum: without VACUUM it would never collect planner statistics nor reclaim the space
 *   of updated rows;
 * - no checkpointer: without CHECKPOINT its write-ahead log would grow for as long as Hearth runs
 *   (3.6 GB against max_wal_size's 1 GB in an hour's work at 50,000 children, issue 9), and after
 *   a crash all of it would be replayed before Hearth could start. Every 5 minutes, as a server's
 *   checkpoint_timeout does by default.
 * The embedded database runs one statement at a time, so requests wait while these run (well
 * under a second for a small authority).
 */
export function maintainEmbeddedDatabase(
  database: Database,
  onError: (error: unknown) => void,
  every: { vacuumMs: number; checkpointMs: number } = { vacuumMs: hourMs, checkpointMs: 5 * 60_000 },
): () => void {
  if (database.engine !== 'pglite') return () => {};
  const run = (statement: ReturnType<typeof sql>) => database.db.execute(statement).catch(onError);
  void run(sql`ANALYZE`);
  const timers = [setInterval(() => void run(sql`VACUUM (ANALYZE)`), every.vacuumMs), setInterval(() => void run(sql`CHECKPOINT`), every.checkpointMs)];
  for (const timer of timers) timer.unref();
  return () => timers.forEach((timer) => clearInterval(timer));
}
