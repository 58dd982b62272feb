import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { oversightSteps } from './oversightSteps';
import { sessionSteps } from './sessionSteps';
import { supervisionAccess } from './supervisionAccess';
import { supervisionReads } from './supervisionReads';
import { supervisionWrites } from './supervisionWrites';

/**
 * Supervision of staff (issue 12; specialist-service-statement.txt 5.4 and 10.1: "constructive and
 * reflective professional supervision"): contracts, sessions with the cases discussed, reflection
 * and learning, signed off by both parties and changed only by amendments; observations and
 * audits by line managers. Everything is an event on the supervisee's own record (staff_events),
 * appended and audited in one transaction; case discussions are written on the children's records.
 */
export function supervisionService(db: Db, clock: Clock, people: PeopleService, staff: StaffDirectory) {
  const access = supervisionAccess(db, clock, staff);
  const write = supervisionWrites(db, clock, people);
  return {
    ...supervisionReads(db, people, staff, access),
    ...sessionSteps(db, people, access, write),
    ...oversightSteps(access, staff, write),
  };
}

export type SupervisionService = ReturnType<typeof supervisionService>;
