import { randomUUID } from 'node:crypto';
import { registrationEvents } from '../../domain/people/personEvents';
import type { RecordedEvent } from '../../domain/records/events';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError } from '../../platform/errors';
import { eventStore } from '../../platform/events/eventStore';
import { project } from './peopleProjector';
import { peopleRepository } from './peopleRepository';
import type { RecordHooks } from './recordHooks';

export interface ImportedEvent {
  personId: string;
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
  reason?: string | null;
  refersTo?: string | null;
  recordedBy?: { userId: string; displayName: string } | null;
  /** When it was written down in the old system, if the import says (the standards time some recording). */
  recordedAt?: Date;
}

/**
 * Events recorded somewhere else, with their own dates: an authority's history migrated from
 * its old system, or the demonstration authority. They go through the same projections and
 * are audited; only an administrator at the command line can do this.
 */
export function importEvents(db: Db, clock: Clock, hooks: RecordHooks) {
  return {
    async importEvents(context: RequestContext, incoming: readonly ImportedEvent[]): Promise<RecordedEvent[]> {
      if (context.actor.via !== 'cli') throw new ForbiddenError('Events are imported only from the command line');
      return db.transaction(async (tx) => {
        const recorded: RecordedEvent[] = [];
        for (const event of incoming) {
          const data = { ...event.data };
          if (registrationEvents.includes(event.type) && data.hearthId === undefined) data.hearthId = await peopleRepository.nextHearthId(tx);
          const base = { id: randomUUID(), personId: event.personId, type: event.type, occurredAt: event.occurredAt, data, reason: event.reason ?? null, refersTo: event.refersTo ?? null };
          const [saved] = await eventStore.append(tx, [{ ...base, recordedAt: event.recordedAt }], event.recordedBy ?? context.actor, event.recordedBy ? event.occurredAt : clock.now());
          if (!saved) continue;
          await project(tx, saved);
          recorded.push(saved);
        }
        await hooks.afterRecorded(tx, [...new Set(recorded.map((e) => e.personId))], recorded);
        // One audit row per person, so that searching the audit log by child finds the import.
        for (const personId of new Set(recorded.map((e) => e.personId))) {
          await audit.record(tx, context, { action: 'child.events_imported', personId, details: { events: recorded.filter((e) => e.personId === personId).length } });
        }
        return recorded;
      });
    },
  };
}
