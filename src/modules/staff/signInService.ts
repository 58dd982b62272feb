import { lockedUntil, lockoutPolicy } from '../../domain/access/lockout';
import type { Actor } from '../../domain/access/can';
import { audit } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database';
import { decoyPasswordHash, verifyPassword } from '../../platform/auth/passwords';
import { sha256 } from '../../platform/auth/tokens';
import { actorFrom } from './staffDirectory';
import { staffRepository } from './staffRepository';

export interface Where {
  ipAddress: string | null;
  method: string | null;
  path: string | null;
}

export type SignInResult =
  | { outcome: 'signed-in'; actor: Actor }
  | { outcome: 'invalid' }
  | { outcome: 'locked'; until: Date };

/** Signing in with a username and password, and API tokens. */
export function signInService(db: Db, clock: Clock) {
  async function lockState(executor: Executor, username: string, now: Date) {
    const since = new Date(now.getTime() - lockoutPolicy.windowMinutes * 60_000);
    return lockedUntil(await staffRepository.recentAttempts(executor, username, since), now);
  }

  return {
    /**
     * Checks a password. Attempts for one username take turns (an advisory lock held for the
     * check and its record), so that many attempts sent at once cannot all be tried before the
     * failures that should lock the account have been counted.
     */
    async signIn(username: string, password: string, where: Where): Promise<SignInResult> {
      const now = clock.now();
      const name = username.trim();
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${name.toLowerCase()}`}))`);
        const locked = await lockState(tx, name, now);
        if (locked) {
          await staffRepository.recordAttempt(tx, name, 'refused-locked', where.ipAddress, now);
          await audit.recordAnonymous(tx, where, { username: name, action: 'auth.sign_in_refused_locked', outcome: 'denied' });
          return { outcome: 'locked', until: locked };
        }

        const user = await staffRepository.findByUsername(tx, name);
        const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
        if (!user || !user.active || !user.passwordHash || !passwordOk) {
          await staffRepository.recordAttempt(tx, name, 'failed', where.ipAddress, now);
          await audit.recordAnonymous(tx, where, { username: name, userId: user?.id ?? null, action: 'auth.sign_in_failed', outcome: 'failed' });
          const nowLocked = await lockState(tx, name, now);
          if (nowLocked) {
            await audit.recordAnonymous(tx, where, { username: name, userId: user?.id ?? null, action: 'auth.locked_out', outcome: 'denied' });
            return { outcome: 'locked', until: nowLocked };
          }
          return { outcome: 'invalid' };
        }

        await staffRepository.recordAttempt(tx, name, 'succeeded', where.ipAddress, now);
        await audit.recordAnonymous(tx, where, { username: user.username, userId: user.id, action: 'auth.signed_in' });
        return { outcome: 'signed-in', actor: actorFrom(user, 'session') };
      });
    },

    /** The actor an API token acts for, or null for an unknown, revoked or disabled one. */
    async actorForToken(token: string): Promise<Actor | null> {
      const row = await staffRepository.tokenByHash(db, sha256(token));
      if (!row) return null;
      const member = await staffRepository.findById(db, row.userId);
      if (!member || !member.active) return null;
      const now = clock.now();
      // Note the use at most once a minute: a busy integration should not write on every call.
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
        await staffRepository.touchToken(db, row.id, now);
      }
      return actorFrom(member, 'token');
    },

    async signedOut(actor: Actor, where: Where): Promise<void> {
      await audit.record(db, { actor, ...where }, { action: 'auth.signed_out' });
    },
  };
}

export type SignInService = ReturnType<typeof signInService>;
