import type { Clock } from '../../platform/clock';
import { sql } from 'drizzle-orm';
import type { RecordedEvent } from '../../domain/records/events';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Db, Executor } from '../../platform/db/database';
import { peopleRepository } from './peopleRepository';
import { eventStore } from '../../platform/events/eventStore';
import { people } from './peopleTables';
import type { PersonRecord } from './peopleRepository';
import { noHooks, type RecordHooks } from './recordHooks';
import type { StaffDirectory } from '../staff/staffDirectory';
import { allocationAndRestriction } from './allocationAndRestriction';
import { entryChanges } from './entryChanges';
import { importEvents } from './importEvents';
import { importInBulk } from './importInBulk';
import { rebuildProjections } from './rebuildProjections';
import { recordChanges, recordChangesOnMany, type NewEventFor } from './recordChange';
import type { Permission } from '../../domain/access/permissions';
import { registerAndCorrect } from './registerAndCorrect';
import { viewRecord } from './viewRecord';

/** People and their records: the use cases, grouped by what a worker is doing. */
export function peopleService(db: Db, clock: Clock, staff: StaffDirectory, hooks: RecordHooks = noHooks) {
  const change = recordChanges(db, clock, hooks);
  const changeMany = recordChangesOnMany(db, clock, hooks);
  return {
    ...viewRecord(db, clock, staff),
    ...registerAndCorrect(db, clock, change, hooks),
    ...entryChanges(change),
    ...allocationAndRestriction(change, staff, hooks),
    ...importEvents(db, clock, hooks),
    ...importInBulk(db, clock, hooks),
    ...rebuildProjections(db, hooks),

    /** A record by the id an authority's old system gave it (imports and their queries). */
    findByExternalId: (externalId: string) => peopleRepository.findByExternalId(db, externalId),
    findByExternalIds: (externalIds: readonly string[]) => peopleRepository.findByExternalIds(db, externalIds),
    /** A person's whole event stream, oldest first (imports check order against it). */
    streamOf: (personId: string) => eventStore.stream(db, personId),
    /** Each person's latest event of these types (a manager's list of assessments awaiting sign-off). */
    latestOfTypes: (personIds: readonly string[], types: readonly string[]) => eventStore.latestOfTypes(db, personIds, types),
    ofTypesSince: (types: readonly string[], since: Date) => eventStore.ofTypesSince(db, types, since),
    latestOfTypesForAll: (types: readonly string[]) => eventStore.latestOfTypesForAll(db, types),
    ofTypes: (personId: string, types: readonly string[]) => eventStore.ofTypes(db, personId, types),
    ofTypesFor: (personIds: readonly string[], types: readonly string[]) => eventStore.ofTypesFor(db, personIds, types),

    /**
     * Practice work recorded on a record (a visit, a review, a conference). `decide` is given the
     * record's whole stream, read after the record is locked, so that two people recording at
     * once cannot both pass an order check against a stream that is out of date.
     */
    recordWork(context: RequestContext, personId: string, decide: (stream: RecordedEvent[], record: PersonRecord, now: Date) => NewEventFor[]) {
      return change(context, personId, 'work:record', 'child.work_recorded', async (record, tx, now) => decide(await eventStore.stream(tx, personId), record, now));
    },

    /**
     * Events about several records at once, for other modules (a contact about three siblings, a
     * MASH enquiry about all of them): every record locked, checked for `permission` and audited
     * under `action`; `decide` is given the records and their whole streams, read after locking.
     */
    recordOn(
      context: RequestContext,
      personIds: readonly string[],
      permission: Permission,
      action: string,
      decide: (records: PersonRecord[], streams: Map<string, RecordedEvent[]>, now: Date, tx: Executor) => NewEventFor[] | Promise<NewEventFor[]>,
    ) {
      return changeMany(context, personIds, permission, action, async (records, tx, now) => {
        const streams = new Map<string, RecordedEvent[]>();
        for (const record of records) streams.set(record.id, await eventStore.stream(tx, record.id));
        return decide(records, streams, now, tx);
      });
    },

    /** Holds these records until the caller's transaction ends (the full recompute, a batch at a time). */
    lockRecords: (executor: Executor, personIds: readonly string[]) => peopleRepository.lockMany(executor, personIds),

    /** Date of birth and allocated team of each person, read with the caller's transaction (the standards' facts). */
    factsFor: (executor: Executor, personIds: readonly string[]) => peopleRepository.standardsFacts(executor, personIds),

    /** Each person's allocated team and worker, as a query other modules may join to (compliance figures). */
    allocationSql: () => sql`select ${people.id} as person_id, ${people.allocatedTeamId} as team_id, ${people.allocatedWorkerId} as worker_id from ${people}`,
  };
}

export type PeopleService = ReturnType<typeof peopleService>;
