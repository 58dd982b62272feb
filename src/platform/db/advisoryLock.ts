import { sql } from 'drizzle-orm';
import type { Executor } from './database';

/**
 * Holds a lock named `key` until the transaction ends: changes to one record that is not a
 * person's (a provider, a panel meeting) take turns, each seeing what the one before wrote.
 */
export async function advisoryLock(tx: Executor, key: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
