import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Actor } from '../../domain/access/can';
import type { Executor } from '../db/database';
import { staffEvents } from './staffEventTables';

/** A dated fact on a member of staff's record (issue 12): their workforce profile and supervision. */
export interface StaffEvent<D = Record<string, unknown>> {
  id: string;
  seq: number;
  /** The member of staff it is about (the supervisee, for supervision). */
  userId: string;
  type: string;
  occurredAt: Date;
  recordedAt: Date;
  recordedBy: string | null;
  recordedByName: string | null;
  data: D;
  reason: string | null;
  refersTo: string | null;
}

export interface NewStaffEvent<D = Record<string, unknown>> {
  /** Given when another event in the same append refers to this one. */
  id?: string;
  userId: string;
  type: string;
  occurredAt: Date;
  data: D;
  reason?: string | null;
  refersTo?: string | null;
}

function toStaffEvent(row: typeof staffEvents.$inferSelect): StaffEvent {
  return { ...row, seq: Number(row.seq) };
}

/**
 * Appends to staff members' records and reads them back. Nothing here can change or remove an
 * event (the table refuses it: migrations/0014_staff_events_append_only.sql). The caller writes its
 * audit row in the same transaction.
 */
export const staffEventStore = {
  async append(executor: Executor, newEvents: readonly NewStaffEvent[], recordedBy: Pick<Actor, 'userId' | 'displayName'> | null, recordedAt: Date): Promise<StaffEvent[]> {
    if (newEvents.length === 0) return [];
    const rows = await executor
      .insert(staffEvents)
      .values(
        newEvents.map((e) => ({
          ...(e.id ? { id: e.id } : {}),
          userId: e.userId,
          type: e.type,
          occurredAt: e.occurredAt,
          recordedAt,
          recordedBy: recordedBy?.userId ?? null,
          recordedByName: recordedBy?.displayName ?? null,
          data: e.data,
          reason: e.reason ?? null,
          refersTo: e.refersTo ?? null,
        })),
      )
      .returning();
    return rows.map(toStaffEvent);
  },

  async find(executor: Executor, eventId: string): Promise<StaffEvent | null> {
    const [row] = await executor.select().from(staffEvents).where(eq(staffEvents.id, eventId)).limit(1);
    return row ? toStaffEvent(row) : null;
  },

  /** A member of staff's whole record, in the order it was written (optionally of some types only). */
  async stream(executor: Executor, userId: string, types?: readonly string[]): Promise<StaffEvent[]> {
    const rows = await executor
      .select()
      .from(staffEvents)
      .where(types ? and(eq(staffEvents.userId, userId), inArray(staffEvents.type, [...types])) : eq(staffEvents.userId, userId))
      .orderBy(asc(staffEvents.seq));
    return rows.map(toStaffEvent);
  },

  /** Several members of staff's records in one query, each in the order written. */
  async streams(executor: Executor, userIds: readonly string[], types?: readonly string[]): Promise<Map<string, StaffEvent[]>> {
    const found = new Map<string, StaffEvent[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return found;
    const byUser = inArray(staffEvents.userId, [...userIds]);
    const rows = await executor
      .select()
      .from(staffEvents)
      .where(types ? and(byUser, inArray(staffEvents.type, [...types])) : byUser)
      .orderBy(asc(staffEvents.userId), asc(staffEvents.seq));
    for (const row of rows) found.get(row.userId)?.push(toStaffEvent(row));
    return found;
  },

  /** Events of some types on anyone's record that happened in [from, to), oldest first (a manager's audit, a report). */
  async ofTypesBetween(executor: Executor, types: readonly string[], from: Date, to: Date): Promise<StaffEvent[]> {
    const rows = await executor
      .select()
      .from(staffEvents)
      .where(and(inArray(staffEvents.type, [...types]), gte(staffEvents.occurredAt, from), lt(staffEvents.occurredAt, to)))
      .orderBy(asc(staffEvents.occurredAt), asc(staffEvents.seq));
    return rows.map(toStaffEvent);
  },
};
