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

/** The audit log writer. Called inside the transaction of the change it records. */
export const audit = {
  async record(executor: Executor, context: RequestContext, entry: AuditEntry): Promise<void> {
    await executor.insert(auditLog).values({
      userId: context.actor.userId,
      username: context.actor.username,
      action: entry.action,
      outcome: entry.outcome ?? 'allowed',
      personId: entry.personId ?? null,
      method: context.method,
      path: context.path,
      ipAddress: context.ipAddress,
      via: context.actor.via,
      details: entry.details ?? null,
    });
  },

  /** For things that happen before anyone is signed in (failed sign-ins, lock-outs). */
  async recordAnonymous(
    executor: Executor,
    where: { ipAddress: string | null; method: string | null; path: string | null },
    entry: AuditEntry & { username: string | null; userId?: string | null },
  ): Promise<void> {
    await executor.insert(auditLog).values({
      userId: entry.userId ?? null,
      username: entry.username,
      action: entry.action,
      outcome: entry.outcome ?? 'allowed',
      personId: entry.personId ?? null,
      method: where.method,
      path: where.path,
      ipAddress: where.ipAddress,
      via: 'session',
      details: entry.details ?? null,
    });
  },
};
