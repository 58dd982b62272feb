import type { Clock } from '../../platform/clock';
import { englandAndWalesCalendar } from '../../platform/calendar';
import type { Db } from '../../platform/db/database';
import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { dutyRotaService } from './dutyRotaService';
import { matchingService, type ProviderSource } from './matchingService';
import { queueService } from './queueService';
import { requestService } from './requestService';

/**
 * The Resource Service's placement requests (issue 7; resource-service-policy.txt 2.1, 3.1): a
 * child's requests, the matching, the authority's queue and the daily duty rota.
 */
export function placementRequestService(db: Db, clock: Clock, people: PeopleService, staff: StaffDirectory, providers: ProviderSource) {
  const rota = dutyRotaService(db, clock, staff, englandAndWalesCalendar());
  return {
    ...requestService(clock, people),
    matching: matchingService(clock, people, staff, providers),
    ...queueService(db, clock, people, rota.onDuty),
    rota,
  };
}

export type PlacementRequestService = ReturnType<typeof placementRequestService>;
