import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { personEvent, registrationEvents } from '../../domain/people/personEvents';
import type { RecordedEvent } from '../../domain/records/events';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db, Executor } from '../../platform/db/database';
import { ForbiddenError } from '../../platform/errors';
import { eventStore } from '../../platform/events/eventStore';
import type { ImportedEvent } from './importEvents';
import { entryKinds, project, rebuildEntries, registrationRow } from './peopleProjector';
import { people } from './peopleTables';
import type { RecordHooks } from './recordHooks';

/** Events that change a `people` row in a way of their own: applied one by one, in order, as when recorded. */
const changesTheRow = new Set<string>([
  personEvent.detailsCorrected,
  personEvent.allocated,
  personEvent.restricted,
  personEvent.restrictionLifted,
  personEvent.accessGranted,
  personEvent.accessRevoked,
  personEvent.recordedInError,
]);

/** Rows per insert: a multi-row statement is many times faster than one round trip per event. */
const perStatement = 1000;

/**
 * The projections of many events at once, with the same result as `project` applied to each in
 * turn (peopleProjector.ts): registrations inserted together; the events that change a record's
 * row in their own way applied one by one; every other event only counts, so they are counted per
 * person and added in one statement; entry tables (addresses, warnings, relationships, legal
 * statuses) rebuilt once per person from their events rather than once per event.
 */
export async function projectMany(executor: Executor, events: readonly RecordedEvent[]): Promise<void> {
  const registrations = events.filter((e) => registrationEvents.includes(e.type));
  for (let i = 0; i < registrations.length; i += perStatement) {
    await executor.insert(people).values(registrations.slice(i, i + perStatement).map(registrationRow));
  }
  const counted = new Map<string, { n: number; last: number }>();
  const rebuild = new Map<string, Set<number>>();
  for (const event of events) {
    if (registrationEvents.includes(event.type)) continue;
    if (changesTheRow.has(event.type)) {
      await project(executor, event);
      continue;
    }
    const count = counted.get(event.personId) ?? { n: 0, last: 0 };
    count.n += 1;
    count.last = Math.max(count.last, event.recordedAt.getTime());
    counted.set(event.personId, count);
    entryKinds.forEach((kind, index) => {
      if (kind.types.includes(event.type)) rebuild.set(event.personId, (rebuild.get(event.personId) ?? new Set()).add(index));
    });
  }
  const ids = [...counted.keys()];
  for (let i = 0; i < ids.length; i += perStatement) {
    const slice = ids.slice(i, i + perStatement);
    await executor.execute(sql`
      update people p set event_count = p.event_count + v.n, updated_at = greatest(p.updated_at, v.last)
      from unnest(${sql.param(slice)}::uuid[], ${sql.param(slice.map((id) => counted.get(id)?.n ?? 0))}::int[],
                  ${sql.param(slice.map((id) => new Date(counted.get(id)?.last ?? 0).toISOString()))}::timestamptz[]) as v(id, n, last)
      where p.id = v.id`);
  }
  for (const [personId, kinds] of rebuild) {
    for (const index of kinds) await rebuildEntries(executor, personId, entryKinds[index] as (typeof entryKinds)[number]);
  }
}

export interface BulkImportResult {
  imported: number;
  people: number;
  registered: number;
}

/**
 * Importing a large history (issue 9: an authority's migration, or the synthetic authority at
 * scale) in one transaction per call, the same checks and projections as `importEvents` but with
 * the events appended and projected many rows to a statement, the standards recomputed once for
 * everyone in the call, and one audit row per person. Nothing is returned event by event, so a
 * call can hold tens of thousands of events without holding them twice.
 */
export function importInBulk(db: Db, clock: Clock, hooks: RecordHooks) {
  return {
    async importEventsInBulk(context: RequestContext, incoming: readonly ImportedEvent[]): Promise<BulkImportResult> {
      if (context.actor.via !== 'cli') throw new ForbiddenError('Events are imported only from the command line');
      if (incoming.length === 0) return { imported: 0, people: 0, registered: 0 };
      return db.transaction(async (tx) => {
        const unnumbered = incoming.filter((e) => registrationEvents.includes(e.type) && e.data.hearthId === undefined).length;
        const drawn = unnumbered
          ? ((await tx.execute(sql`select nextval('hearth_id_seq')::int as id from generate_series(1, ${unnumbered})`)) as unknown as { rows: { id: number }[] }).rows.map((r) => Number(r.id))
          : [];
        const now = clock.now();
        const recorded: RecordedEvent[] = [];
        // Appended in the order given (an import is in the order things were recorded), a statement at a time.
        for (let i = 0; i < incoming.length; i += perStatement) {
          const slice = incoming.slice(i, i + perStatement);
          const byRecorder = new Map<string, { who: ImportedEvent['recordedBy'] | null; events: typeof slice }>();
          for (const event of slice) {
            const key = `${event.recordedBy?.userId ?? ''}`;
            const group = byRecorder.get(key) ?? { who: event.recordedBy ?? null, events: [] };
            group.events.push(event);
            byRecorder.set(key, group);
          }
          for (const { who, events } of byRecorder.values()) {
            const rows = await eventStore.append(
              tx,
              events.map((e) => ({
                id: randomUUID(),
                personId: e.personId,
                type: e.type,
                occurredAt: e.occurredAt,
                data: registrationEvents.includes(e.type) && e.data.hearthId === undefined ? { ...e.data, hearthId: drawn.shift() } : e.data,
                reason: e.reason ?? null,
                refersTo: e.refersTo ?? null,
                // When it was written down in the old system, if known; otherwise when it happened for a recorder's own entry, or now.
                recordedAt: e.recordedAt ?? (e.recordedBy ? e.occurredAt : now),
              })),
              who ?? context.actor,
              now,
            );
            recorded.push(...rows);
          }
        }
        recorded.sort((a, b) => a.seq - b.seq);
        await projectMany(tx, recorded);
        const personIds = [...new Set(recorded.map((e) => e.personId))];
        await hooks.afterRecorded(tx, personIds, recorded);
        const perPerson = new Map<string, number>();
        for (const e of recorded) perPerson.set(e.personId, (perPerson.get(e.personId) ?? 0) + 1);
        await audit.recordMany(tx, context, [...perPerson].map(([personId, events]) => ({ action: 'child.events_imported', personId, details: { events } })));
        return { imported: recorded.length, people: personIds.length, registered: recorded.filter((e) => registrationEvents.includes(e.type)).length };
      });
    },
  };
}
