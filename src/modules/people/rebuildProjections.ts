import { sql } from 'drizzle-orm';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Db } from '../../platform/db/database';
import { ForbiddenError } from '../../platform/errors';
import { eventStore } from '../../platform/events/eventStore';
import { clearProjections, project } from './peopleProjector';
import type { RecordHooks } from './recordHooks';

const batchSize = 200;

/**
 * Rebuilds every person's projections from their events: the proof that the record is the
 * events and the tables are only a picture of them, and the way to apply a corrected projector.
 * Command line only; people are rebuilt a batch at a time, each batch in one transaction.
 */
export function rebuildProjections(db: Db, hooks: RecordHooks) {
  return {
    async rebuildProjections(context: RequestContext): Promise<{ people: number; events: number }> {
      if (context.actor.via !== 'cli') throw new ForbiddenError('Projections are rebuilt only from the command line');
      const result = (await db.execute(sql`select distinct person_id as id from events order by person_id`)) as unknown as { rows: { id: string }[] };
      const ids = result.rows.map((r) => r.id);
      let events = 0;
      const others = hooks.projections ?? [];
      if (others.length > 0) await db.transaction(async (tx) => { for (const p of others) await p.clear(tx); });
      for (let i = 0; i < ids.length; i += batchSize) {
        const batch = ids.slice(i, i + batchSize);
        await db.transaction(async (tx) => {
          await clearProjections(tx, batch);
          for (const personId of batch) {
            const stream = await eventStore.stream(tx, personId);
            for (const event of stream) {
              await project(tx, event);
              events++;
            }
            for (const p of others) await p.project(tx, stream);
          }
        });
      }
      await audit.record(db, context, { action: 'people.projections_rebuilt', details: { people: ids.length, events } });
      return { people: ids.length, events };
    },
  };
}
