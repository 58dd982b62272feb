import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { StaffDirectory } from '../staff/staffDirectory';
import { allocationAndRestriction } from './allocationAndRestriction';
import { entryChanges } from './entryChanges';
import { importEvents } from './importEvents';
import { rebuildProjections } from './rebuildProjections';
import { recordChanges } from './recordChange';
import { registerAndCorrect } from './registerAndCorrect';
import { viewRecord } from './viewRecord';

/** People and their records: the use cases, grouped by what a worker is doing. */
export function peopleService(db: Db, clock: Clock, staff: StaffDirectory) {
  const change = recordChanges(db, clock);
  return {
    ...viewRecord(db, clock, staff),
    ...registerAndCorrect(db, clock, change),
    ...entryChanges(change),
    ...allocationAndRestriction(change, staff),
    ...importEvents(db, clock),
    ...rebuildProjections(db),
  };
}

export type PeopleService = ReturnType<typeof peopleService>;
