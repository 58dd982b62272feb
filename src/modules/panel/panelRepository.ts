import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { WorkflowEvent } from '../../domain/records/events';
import { advisoryLock } from '../../platform/db/advisoryLock';
import type { Db, Executor } from '../../platform/db/database';
import { panelMeetingEvents } from './panelTables';
import { groupedBy } from '../../domain/records/events';

export interface NewMeetingEvent {
  meetingId: string;
  meetingDate: string;
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

export type MeetingEvent = WorkflowEvent & { meetingId: string; meetingDate: string };

const toEvent = (row: typeof panelMeetingEvents.$inferSelect): MeetingEvent => ({
  id: row.id,
  meetingId: row.meetingId,
  meetingDate: row.meetingDate,
  type: row.type,
  occurredAt: row.occurredAt,
  recordedBy: row.recordedBy,
  recordedByName: row.recordedByName,
  data: row.data,
});

const grouped = (rows: (typeof panelMeetingEvents.$inferSelect)[]) => groupedBy(rows.map(toEvent), (e) => e.meetingId);

/** The panel meetings' event streams (panel_meeting_events, append-only): this module's SQL only. */
export function panelRepository(db: Db) {
  return {
    /** Serialises changes to one meeting, so two people recording attendance or a sign-off see each other's. */
    async lock(tx: Executor, meetingId: string) {
      await advisoryLock(tx, `panel-meeting:${meetingId}`);
    },
    /** Serialises scheduling, so the same date is not scheduled twice at once. */
    async lockSchedule(tx: Executor) {
      await advisoryLock(tx, 'panel-schedule');
    },
    async streamOf(executor: Executor, meetingId: string) {
      return (await executor.select().from(panelMeetingEvents).where(eq(panelMeetingEvents.meetingId, meetingId)).orderBy(asc(panelMeetingEvents.seq))).map(toEvent);
    },
    /** Every meeting's events, grouped by meeting, between two London dates (both included) when given. */
    async streams(executor: Executor = db, range: { from?: string; to?: string } = {}) {
      const where = and(range.from ? gte(panelMeetingEvents.meetingDate, range.from) : undefined, range.to ? lte(panelMeetingEvents.meetingDate, range.to) : undefined);
      return grouped(await executor.select().from(panelMeetingEvents).where(where).orderBy(asc(panelMeetingEvents.seq)));
    },
    async append(tx: Executor, by: { userId: string | null; name: string | null }, events: readonly NewMeetingEvent[]) {
      if (events.length === 0) return [];
      const rows = events.map((e) => ({ id: randomUUID(), meetingId: e.meetingId, meetingDate: e.meetingDate, type: e.type, occurredAt: e.occurredAt, data: e.data, recordedBy: by.userId, recordedByName: by.name }));
      await tx.insert(panelMeetingEvents).values(rows);
      return rows.map((r) => r.id);
    },
  };
}

export type PanelRepository = ReturnType<typeof panelRepository>;
