import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { rolesAllow } from '../../domain/access/can';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import { auditLog } from '../../platform/audit/auditTables';
import type { Db } from '../../platform/db/database';
import { ForbiddenError } from '../../platform/errors';

export interface AuditQuery {
  personId: string | null;
  username: string | null;
  /** London dates, inclusive. */
  from: string | null;
  to: string | null;
  page: number;
}

const pageSize = 50;

/** London midnight of a date, as an instant (the audit log stores instants). */
function londonMidnight(date: string): SQL {
  return sql`(${date}::date::timestamp at time zone 'Europe/London')`;
}

/** Searching the audit log: by child, by user, by date. The search is itself audited. */
export function auditService(db: Db) {
  return {
    async search(context: RequestContext, query: AuditQuery) {
      if (!rolesAllow(context.actor, 'audit:read')) throw new ForbiddenError('Only auditors can search the audit log');
      const where: SQL[] = [];
      if (query.personId) where.push(eq(auditLog.personId, query.personId));
      if (query.username) where.push(sql`lower(${auditLog.username}) = lower(${query.username})`);
      if (query.from) where.push(gte(auditLog.at, londonMidnight(query.from)));
      // The day after `to`, worked out by the database: any real date has a next day there.
      if (query.to) where.push(lt(auditLog.at, sql`((${query.to}::date + 1)::timestamp at time zone 'Europe/London')`));
      const condition = where.length ? and(...where) : undefined;
      const rows = await db
        .select()
        .from(auditLog)
        .where(condition)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(pageSize + 1)
        .offset((query.page - 1) * pageSize);
      await audit.record(db, context, { action: 'audit.searched', personId: query.personId, details: { ...query } });
      return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize, page: query.page };
    },
  };
}

export type AuditService = ReturnType<typeof auditService>;
