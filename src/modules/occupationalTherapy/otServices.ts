import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import type { StandardsService } from '../standards/standardsService';
import { occupationalTherapyListService } from './otListService';
import { occupationalTherapyService } from './otService';

/** Occupational Therapy (issue 12): a child's page and steps, and the team's lists. */
export function occupationalTherapyServices(db: Db, clock: Clock, people: PeopleService, standards: StandardsService, staff: StaffDirectory) {
  const occupationalTherapy = occupationalTherapyService(people, standards, staff);
  return { occupationalTherapy, occupationalTherapyList: occupationalTherapyListService(db, clock, people, standards, occupationalTherapy) };
}
