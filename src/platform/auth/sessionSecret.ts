import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { settings } from './sessionTables';

/**
 * The secret that signs session cookies: HEARTH_SESSION_SECRET when set, otherwise one Hearth
 * generates once and keeps in the database, so every process and every restart shares it.
 */
export async function storedSessionSecret(db: Db): Promise<string> {
  await db
    .insert(settings)
    .values({ key: 'session_secret', value: randomBytes(48).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, 'session_secret')).limit(1);
  if (!row) throw new Error('The session secret could not be stored');
  return row.value;
}
