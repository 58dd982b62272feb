import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import type { StandardsService } from '../standards/standardsService';
import { adoptersService } from './adoptersService';
import { adoptionListService } from './adoptionListService';
import { adoptionService } from './adoptionService';

/** The adoption services, composed for src/services.ts (issue 11). */
/** The placement order is recorded by the adoption service itself under the record's lock, with the in-care rule for a change of legal status. */
export function adoptionServices(people: PeopleService, standards: StandardsService, staff: StaffDirectory) {
  return {
    adoption: adoptionService(people, standards),
    adopters: adoptersService(people, staff),
    adoptionList: adoptionListService(people, standards),
  };
}
