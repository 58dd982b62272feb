import type { SessionStore } from '@fastify/session';
import type { Session } from 'fastify';
import { eq, lt, sql } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/database';
import { sessions } from './sessionTables';
import { sha256 } from './tokens';


/**
 * The @fastify/session store, kept in the database so sessions survive restarts and are shared
 * by every server process on PostgreSQL. A session that has been idle for longer than the idle
 * timeout is not returned: it has ended.
 */
export class DatabaseSessionStore implements SessionStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly idleMs: number,
  ) {}

  set(sessionId: string, session: Session, callback: (error?: unknown) => void): void {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.idleMs);
    const data = JSON.parse(JSON.stringify(session)) as Record<string, unknown>;
    const userId = typeof data.userId === 'string' ? data.userId : null;
    this.db
      .insert(sessions)
      .values({ idHash: sha256(sessionId), userId, data, createdAt: now, updatedAt: now, expiresAt })
      .onConflictDoUpdate({ target: sessions.idHash, set: { userId, data, updatedAt: now, expiresAt } })
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: (error: unknown, session?: Session | null) => void): void {
    this.db
      .select({ data: sessions.data, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.idHash, sha256(sessionId)))
      .limit(1)
      .then(([row]) => {
        if (!row || row.expiresAt.getTime() <= this.clock.now().getTime()) callback(undefined, null);
        else callback(undefined, row.data as unknown as Session);
      }, callback);
  }

  destroy(sessionId: string, callback: (error?: unknown) => void): void {
    this.db
      .delete(sessions)
      .where(eq(sessions.idHash, sha256(sessionId)))
      .then(() => callback(), callback);
  }

  /** Sessions are working data, not records: ended ones are removed. */
  async removeExpired(): Promise<number> {
    const removed = await this.db
      .delete(sessions)
      .where(lt(sessions.expiresAt, sql`${this.clock.now().toISOString()}::timestamptz`))
      .returning({ idHash: sessions.idHash });
    return removed.length;
  }
}

/** Ends every session of a user: after their password is reset or their account disabled. */
export async function endSessionsOf(executor: Executor, userId: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.userId, userId));
}
