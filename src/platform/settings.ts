import { eq } from 'drizzle-orm';
import type { Executor } from './db/database';
import { settings } from './auth/sessionTables';

/** Installation settings: a few named values kept in the database (the authority's name). */
export const installationSettings = {
  async get(executor: Executor, key: string): Promise<string | null> {
    const [row] = await executor.select().from(settings).where(eq(settings.key, key)).limit(1);
    return row?.value ?? null;
  },
  /** An installation setting, not a record: changing it replaces the value (the change is audited by the caller). */
  async set(executor: Executor, key: string, value: string): Promise<void> {
    await executor.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
  },
  async setIfAbsent(executor: Executor, key: string, value: string): Promise<void> {
    await executor.insert(settings).values({ key, value }).onConflictDoNothing();
  },
};
