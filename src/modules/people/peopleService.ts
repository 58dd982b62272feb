import type { Clock } from '../../platform/clock';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database';
import { peopleRepository } from './peopleRepository';
import { eventStore } from '../../platform/events/eventStore';
import { people } from './peopleTables';
import { noHooks, type RecordHooks } from './recordHooks';
import type { StaffDirectory } from '../staff/staffDirectory';
import { allocationAndRestriction } from './allocationAndRestriction';
import { entryChanges } from './entryChanges';
import { importEvents } from './importEvents';
import { rebuildProjections } from './rebuildProjections';
import { recordChanges } from './recordChange';
import { registerAndCorrect } from './registerAndCorrect';
import { viewRecord } from './viewRecord';

/** People and their records: the use cases, grouped by what a worker is doing. */
export function peopleService(db: Db, clock: Clock, staff: StaffDirectory, hooks: RecordHooks = noHooks) {
  const change = recordChanges(db, clock, hooks);
  return {
    ...viewRecord(db, clock, staff),
    ...registerAndCorrect(db, clock, change, hooks),
    ...entryChanges(change),
    ...allocationAndRestriction(change, staff),
    ...importEvents(db, clock, hooks),
    ...rebuildProjections(db),

    /** A record by the id an authority's old system gave it (imports and their queries). */
    findByExternalId: (externalId: string) => peopleRepository.findByExternalId(db, externalId),
    /** A person's whole event stream, oldest first (imports check order against it). */
    streamOf: (personId: string) => eventStore.stream(db, personId),

    /** Date of birth and allocated team, read with the caller's transaction (the standards' facts). */
    async factsFor(executor: Executor, personId: string) {
      const record = await peopleRepository.find(executor, personId);
      return { dateOfBirth: record?.details.dateOfBirth ?? null, allocatedTeamId: record?.allocatedTeamId ?? null };
    },

    /** Each person's allocated team and worker, as a query other modules may join to (compliance figures). */
    allocationSql: () => sql`select ${people.id} as person_id, ${people.allocatedTeamId} as team_id, ${people.allocatedWorkerId} as worker_id from ${people}`,
  };
}

export type PeopleService = ReturnType<typeof peopleService>;
