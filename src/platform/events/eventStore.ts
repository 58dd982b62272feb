import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access/can';
import type { NewEvent, RecordedEvent } from '../../domain/records/events';
import type { Executor } from '../db/database';
import { ValidationError } from '../errors';
import { events } from './eventTables';

/** One event of a stream as the database sends it: id, seq, type, occurred and recorded (epoch ms), data, reason. */
type StreamTuple = [string, number, string, number, number, Record<string, unknown>, string | null];
interface StreamRows {
  person_id: string;
  events: StreamTuple[] | string;
}

/** An event as a batch read gives it: what is needed to work from it, not who recorded it. */
export type StreamEvent = Pick<RecordedEvent, 'id' | 'seq' | 'personId' | 'type' | 'occurredAt' | 'recordedAt' | 'data' | 'reason'>;

function toRecorded(row: typeof events.$inferSelect): RecordedEvent {
  return {
    id: row.id,
    seq: row.seq,
    personId: row.personId,
    type: row.type,
    occurredAt: row.occurredAt,
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy,
    recordedByName: row.recordedByName,
    data: row.data,
    reason: row.reason,
    refersTo: row.refersTo,
  };
}

/** Where a page of history stopped: the last event shown. Written `<epoch ms>.<seq>` in links. */
export interface HistoryCursor {
  occurredAt: Date;
  seq: number;
}

/** An event is itself a cursor: the page after it starts after it. */
export function formatCursor(cursor: HistoryCursor): string {
  return `${cursor.occurredAt.getTime()}.${cursor.seq}`;
}

/** Years a cursor may point into: anything else did not come from a page of history. */
const earliest = Date.UTC(1900, 0, 1);
const latest = Date.UTC(9999, 11, 31);

/** A cursor from a link or an API call: absent is the first page; anything malformed is refused. */
export function parseCursor(value: unknown): HistoryCursor | undefined {
  if (value === undefined || value === '') return undefined;
  const match = typeof value === 'string' ? /^(\d{1,15})\.(\d{1,15})$/.exec(value) : null;
  const at = match ? Number(match[1]) : NaN;
  if (!match || at < earliest || at > latest) {
    throw new ValidationError([{ field: 'before', message: 'before must be the nextBefore of the previous page' }]);
  }
  return { occurredAt: new Date(at), seq: Number(match[2]) };
}

/** Appends to people's event streams. Nothing here can change or remove an event. */
export const eventStore = {
  /**
   * Appends events, recorded at `recordedAt` unless an event says when it was recorded itself (a
   * migrated history written down in the old system, issue 9's import).
   */
  async append(
    executor: Executor,
    newEvents: readonly (NewEvent & { recordedAt?: Date })[],
    recordedBy: Pick<Actor, 'userId' | 'displayName'> | null,
    recordedAt: Date,
  ): Promise<RecordedEvent[]> {
    if (newEvents.length === 0) return [];
    const rows = await executor
      .insert(events)
      .values(
        newEvents.map((e) => ({
          id: e.id,
          personId: e.personId,
          type: e.type,
          occurredAt: e.occurredAt,
          recordedAt: e.recordedAt ?? recordedAt,
          recordedBy: recordedBy?.userId ?? null,
          recordedByName: recordedBy?.displayName ?? null,
          data: e.data,
          reason: e.reason ?? null,
          refersTo: e.refersTo ?? null,
        })),
      )
      .returning();
    return rows.map(toRecorded);
  },

  async find(executor: Executor, eventId: string): Promise<RecordedEvent | null> {
    const [row] = await executor.select().from(events).where(eq(events.id, eventId)).limit(1);
    return row ? toRecorded(row) : null;
  },

  /**
   * A page of a person's history, most recent first by when things happened (a chronology),
   * then by when they were recorded. `before` continues from the last entry of the previous page.
   */
  async history(
    executor: Executor,
    personId: string,
    options: { limit: number; before?: HistoryCursor },
  ): Promise<RecordedEvent[]> {
    const before = options.before;
    const rows = await executor
      .select()
      .from(events)
      .where(
        before
          ? and(eq(events.personId, personId), sql`(${events.occurredAt}, ${events.seq}) < (${before.occurredAt.toISOString()}::timestamptz, ${before.seq})`)
          : eq(events.personId, personId),
      )
      .orderBy(desc(events.occurredAt), desc(events.seq))
      .limit(options.limit);
    return rows.map(toRecorded);
  },

  /** The whole stream of a person, oldest first (for rebuilding projections). */
  async stream(executor: Executor, personId: string): Promise<RecordedEvent[]> {
    const rows = await executor.select().from(events).where(eq(events.personId, personId)).orderBy(events.seq);
    return rows.map(toRecorded);
  },

  /**
   * The whole streams of several people in one query, each oldest first: recomputing a batch of
   * people's obligations reads them all at once rather than one query per person. Each person's
   * events come as one JSON array (instants as epoch milliseconds), which the database builds
   * cheaply and Node reads in one JSON.parse, where a row an event cost a parse a column: with
   * millions of events this was a third of the full recompute (issue 3's aim: under 60 s).
   */
  async streams(executor: Executor, personIds: readonly string[], options: { only?: readonly string[] } = {}): Promise<Map<string, StreamEvent[]>> {
    const streams = new Map<string, StreamEvent[]>(personIds.map((id) => [id, []]));
    if (personIds.length === 0) return streams;
    // A reader that looks at a few types only (the statutory returns) need not carry the rest of a long record across.
    const only = options.only ? sql` and type = any(${sql.param([...options.only])}::text[])` : sql``;
    const result = (await executor.execute(sql`
      select person_id, json_agg(json_build_array(id, seq, type, date_part('epoch', occurred_at) * 1000, date_part('epoch', recorded_at) * 1000, data, reason) order by seq) as events
      from events where person_id = any(${sql.param([...personIds])}::uuid[])${only} group by person_id`)) as unknown as { rows: StreamRows[] };
    for (const row of result.rows) {
      const list = streams.get(row.person_id);
      if (!list) continue;
      const events = typeof row.events === 'string' ? (JSON.parse(row.events) as StreamTuple[]) : row.events;
      for (const [id, seq, type, occurredMs, recordedMs, data, reason] of events) {
        // Whole milliseconds: the float the database gives can be a hair either side.
        list.push({ id, seq, personId: row.person_id, type, occurredAt: new Date(Math.round(occurredMs)), recordedAt: new Date(Math.round(recordedMs)), data, reason });
      }
    }
    return streams;
  },

  /** Each person's latest event of these types (by when it happened), for lists across many records. */
  async latestOfTypes(executor: Executor, personIds: readonly string[], types: readonly string[]): Promise<RecordedEvent[]> {
    if (personIds.length === 0) return [];
    const rows = await executor
      .selectDistinctOn([events.personId])
      .from(events)
      .where(and(inArray(events.personId, [...personIds]), inArray(events.type, [...types])))
      .orderBy(events.personId, desc(events.occurredAt), desc(events.seq));
    return rows.map(toRecorded);
  },

  /** Events of some types on anyone's record that happened since an instant, oldest first (for lists across records, by the type and time index). */
  async ofTypesSince(executor: Executor, types: readonly string[], since: Date): Promise<RecordedEvent[]> {
    const rows = await executor
      .select()
      .from(events)
      .where(and(inArray(events.type, [...types]), gte(events.occurredAt, since)))
      .orderBy(events.occurredAt, events.seq);
    return rows.map(toRecorded);
  },

  /** Each person's latest event of these types, across every record (by the type and time index): who is missing now. */
  async latestOfTypesForAll(executor: Executor, types: readonly string[]): Promise<RecordedEvent[]> {
    const rows = await executor
      .selectDistinctOn([events.personId])
      .from(events)
      .where(inArray(events.type, [...types]))
      .orderBy(events.personId, desc(events.occurredAt), desc(events.seq));
    return rows.map(toRecorded);
  },

  /** Events of some types on several people's records, each person's oldest first (a report across the children in care). */
  async ofTypesFor(executor: Executor, personIds: readonly string[], types: readonly string[]): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    // In slices, so that a large authority's list of ids stays a reasonable query.
    for (let i = 0; i < personIds.length; i += 1000) {
      const rows = await executor
        .select()
        .from(events)
        .where(and(inArray(events.personId, personIds.slice(i, i + 1000)), inArray(events.type, [...types])))
        .orderBy(events.personId, events.occurredAt, events.seq);
      found.push(...rows.map(toRecorded));
    }
    return found;
  },

  /** Events of some types on a person's record, oldest first. */
  async ofTypes(executor: Executor, personId: string, types: readonly string[]): Promise<RecordedEvent[]> {
    const rows = await executor
      .select()
      .from(events)
      .where(and(eq(events.personId, personId), inArray(events.type, [...types])))
      .orderBy(events.seq);
    return rows.map(toRecorded);
  },
};
