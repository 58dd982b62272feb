import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { PeopleService } from '../people/peopleService';
import type { StandardsService } from '../standards/standardsService';
import { assistListService } from './assistListService';
import { assistService } from './assistService';

/** ASSIST (issue 12): a child's page and steps, and the service's lists. */
export function assistServices(db: Db, clock: Clock, people: PeopleService, standards: StandardsService) {
  const assist = assistService(clock, people, standards);
  return { assist, assistList: assistListService(db, clock, people, standards, assist) };
}
