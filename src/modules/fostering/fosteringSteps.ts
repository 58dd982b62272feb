import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { applicationSteps } from './fosteringApplicationSteps';
import { connectedPersonSteps } from './fosteringConnectedSteps';
import { panelSteps } from './fosteringPanelSteps';
import { stepKit, type RelatedChildren } from './fosteringStepKit';

export { enquiryEvent, enquirySchema, fosteringAudit } from './fosteringStepKit';

/**
 * The steps of a fostering recruitment, each one written with its audit row in the record's
 * transaction, read from the record's stream under its lock and refused (saying what to record
 * first) when out of order.
 */
export function fosteringSteps(people: PeopleService, staff: StaffDirectory, relatedChildren: RelatedChildren) {
  const kit = stepKit(people);
  return { ...applicationSteps(kit, staff, relatedChildren), ...panelSteps(kit), ...connectedPersonSteps(kit, relatedChildren) };
}
