import type { Actor } from '../../domain/access/can';
import type { Executor } from '../db/database';
import { auditLog } from './auditTables';

/** Where a request came from, carried from the route to the service so the audit row can say. */
export interface RequestContext {
  actor: Actor;
  ipAddress: string | null;
  method: string | null;
  path: string | null;
}

export interface AuditEntry {
  action: string;
  outcome?: 'allowed' | 'denied' | 'failed';
  personId?: string | null;
  details?: Record<string, unknown>;
}

type Where = Pick<RequestContext, 'ipAddress' | 'method' | 'path'>;

function row(who: { userId: string | null; username: string | null; via: string }, where: Where, entry: AuditEntry) {
  return {
    userId: who.userId,
    username: who.username,
    action: entry.action,
    outcome: entry.outcome ?? 'allowed',
    personId: entry.personId ?? null,
    method: where.method,
    path: where.path,
    ipAddress: where.ipAddress,
    via: who.via,
    details: entry.details ?? null,
  };
}

/** The audit log writer. Called inside the transaction of the change it records. */
export const audit = {
  async record(executor: Executor, context: RequestContext, entry: AuditEntry): Promise<void> {
    await executor.insert(auditLog).values(row({ userId: context.actor.userId, username: context.actor.username, via: context.actor.via }, context, entry));
  },

  /** Several rows at once, in the transaction of the change (an import: one row per person). */
  async recordMany(executor: Executor, context: RequestContext, entries: readonly AuditEntry[]): Promise<void> {
    const who = { userId: context.actor.userId, username: context.actor.username, via: context.actor.via };
    for (let i = 0; i < entries.length; i += 1000) {
      const slice = entries.slice(i, i + 1000);
      if (slice.length) await executor.insert(auditLog).values(slice.map((entry) => row(who, context, entry)));
    }
  },

  /** For things that happen before anyone is signed in (failed sign-ins, lock-outs). */
  async recordAnonymous(executor: Executor, where: Where, entry: AuditEntry & { username: string | null; userId?: string | null }): Promise<void> {
    await executor.insert(auditLog).values(row({ userId: entry.userId ?? null, username: entry.username, via: 'session' }, where, entry));
  },
};
