import { sql } from 'drizzle-orm';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Db } from '../../platform/db/database';
import { ForbiddenError } from '../../platform/errors';
import { eventStore } from '../../platform/events/eventStore';
import { clearProjections, project } from './peopleProjector';

const batchSize = 200;

/**
 * Rebuilds every person's projections from their events: the proof that the record is the
 * events and the tables are only a picture of them, and the way to apply a corrected projector.
 * Command line only; people are rebuilt a batch at a time, each batch in one transaction.
 */
export function rebuildProjections(db: Db) {
  return {
    async rebuildProjections(context: RequestContext): Promise<{ people: number; events: number }> {
      if (context.actor.via !== 'cli') throw new ForbiddenError('Projections are rebuilt only from the command line');
      const result = (await db.execute(sql`select distinct person_id as id from events order by person_id`)) as unknown as { rows: { id: string }[] };
      const ids = result.rows.map((r) => r.id);
      let events = 0;
      for (let i = 0; i < ids.length; i += batchSize) {
        const batch = ids.slice(i, i + batchSize);
        await db.transaction(async (tx) => {
          await clearProjections(tx, batch);
          for (const personId of batch) {
            for (const event of await eventStore.stream(tx, personId)) {
              await project(tx, event);
              events++;
            }
          }
        });
      }
      await audit.record(db, context, { action: 'people.projections_rebuilt', details: { people: ids.length, events } });
      return { people: ids.length, events };
    },
  };
}
