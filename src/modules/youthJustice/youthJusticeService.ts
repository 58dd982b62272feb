import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import type { StandardsService } from '../standards/standardsService';
import { youthJusticeReads } from './youthJusticeReads';
import { youthJusticeCustodySteps } from './youthJusticeCustodySteps';
import { youthJusticeSteps } from './youthJusticeSteps';

/**
 * The Youth Offending Service (practice-standards.txt, Section 1: Youth Offending Service 1-22;
 * issue 12): its work recorded on a child's record, the child's youth justice page, the service's
 * caseload and its three performance indicators. Youth justice records are restricted to the
 * service and those working with the child (can.ts seesYouthJustice): every `yos.*` event and
 * standard is left out of every other reading of the record (viewRecord.ts, standardsService.ts).
 */
export function youthJusticeService(db: Db, clock: Clock, people: PeopleService, standards: StandardsService, staff: StaffDirectory) {
  return { ...youthJusticeSteps(people, staff), ...youthJusticeCustodySteps(people), ...youthJusticeReads(db, clock, people, standards, staff) };
}

export type YouthJusticeService = ReturnType<typeof youthJusticeService>;
