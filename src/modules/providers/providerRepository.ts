import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { Point } from '../../domain/placements/distance';
import { advisoryLock } from '../../platform/db/advisoryLock';
import type { Db, Executor } from '../../platform/db/database';
import { postcodeDistricts, providerEvents } from './providerTables';
import { groupedBy, type WorkflowEvent } from '../../domain/records/events';

export interface NewProviderEvent {
  providerId: string;
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

const toEvent = (row: typeof providerEvents.$inferSelect): WorkflowEvent & { providerId: string } => ({
  id: row.id,
  providerId: row.providerId,
  type: row.type,
  occurredAt: row.occurredAt,
  recordedBy: row.recordedBy,
  recordedByName: row.recordedByName,
  data: row.data,
});

/** The providers' event streams and the postcode districts' centres: this module's SQL only. */
export function providerRepository(db: Db) {
  return {
    /** Serialises changes to one provider, so a downgrade is judged against the inspections already recorded. */
    async lock(tx: Executor, providerId: string) {
      await advisoryLock(tx, `provider:${providerId}`);
    },
    async streamOf(executor: Executor, providerId: string) {
      return (await executor.select().from(providerEvents).where(eq(providerEvents.providerId, providerId)).orderBy(asc(providerEvents.seq))).map(toEvent);
    },
    /** Every provider's events, grouped by provider, in order: the service has hundreds of providers, not millions. */
    async allStreams(executor: Executor = db) {
      return groupedBy((await executor.select().from(providerEvents).orderBy(asc(providerEvents.seq))).map(toEvent), (e) => e.providerId);
    },
    async append(tx: Executor, by: { userId: string | null; name: string | null }, events: readonly NewProviderEvent[]) {
      if (events.length === 0) return [];
      const rows = events.map((e) => ({ id: randomUUID(), providerId: e.providerId, type: e.type, occurredAt: e.occurredAt, data: e.data, recordedBy: by.userId, recordedByName: by.name }));
      await tx.insert(providerEvents).values(rows);
      return rows.map((r) => r.id);
    },
    async centres(executor: Executor = db): Promise<Map<string, Point>> {
      const rows = await executor.select().from(postcodeDistricts);
      return new Map(rows.map((r) => [r.outcode, { latitude: r.latitude, longitude: r.longitude }]));
    },
    /** Loads district centres; a district already known takes the new centre (reference data, not a record). */
    async putCentres(tx: Executor, rows: readonly { outcode: string; latitude: number; longitude: number }[]) {
      for (let i = 0; i < rows.length; i += 500) {
        const batch = rows.slice(i, i + 500);
        await tx
          .insert(postcodeDistricts)
          .values([...batch])
          .onConflictDoUpdate({ target: postcodeDistricts.outcode, set: { latitude: sql`excluded.latitude`, longitude: sql`excluded.longitude` } });
      }
      return rows.length;
    },
  };
}

export type ProviderRepository = ReturnType<typeof providerRepository>;
