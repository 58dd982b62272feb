import type { Clock } from './platform/clock';
import type { Db } from './platform/db/database';
import { peopleService } from './modules/people/peopleService';
import { auditService } from './modules/audit/auditService';
import { signInService } from './modules/staff/signInService';
import { staffDirectory } from './modules/staff/staffDirectory';
import { userAdminService } from './modules/staff/userAdminService';
import { standardsService } from './modules/standards/standardsService';
import { returnsService } from './modules/returns/returnsService';
import { eventImportService } from './modules/eventImport/eventImportService';
import type { RecordHooks } from './modules/people/recordHooks';
import { recordWorkService } from './modules/recordWork/recordWorkService';
import { frontDoorService } from './modules/frontDoor/frontDoorService';
import { coreGroupService } from './modules/coreGroups/coreGroupService';
import { cinPlanService } from './modules/cinPlan/cinPlanService';
import { childDocuments } from './modules/childDocuments/childDocuments';
import { safetyPlanService } from './modules/safetyPlan/safetyPlanService';
import { inCareService } from './modules/inCare/inCareService';
import { reviewService } from './modules/inCare/reviewService';
import { missingService } from './modules/inCare/missingService';
import { permanenceService } from './modules/inCare/permanenceService';
import { healthService } from './modules/inCare/healthService';
import { careLeaverService } from './modules/careLeaver/careLeaverService';
import { ladoService } from './modules/lado/ladoService';
import { adoptionServices } from './modules/adoption/adoptionServices';
import { providerService } from './modules/providers/providerService';
import { placementService } from './modules/placements/placementService';
import { stabilityService } from './modules/placements/stabilityService';
import { resourceReports } from './modules/placements/resourceReports';
import { placementFacts } from './modules/placements/placementDetails';
import { fosterCarerService } from './modules/fosterCarers/fosterCarerService';
import { placementRequestService } from './modules/placementRequests/placementRequestService';
import { carePackageService } from './modules/carePackages/carePackageService';
import { familyTimeService } from './modules/familyTime/familyTimeService';
import { fosteringService } from './modules/fostering/fosteringService';
import { panelReferralService } from './modules/panelReferral/panelReferralService';
import { conferenceService } from './modules/conference/conferenceService';
import { section47Service } from './modules/section47/section47Service';
import { strategyService } from './modules/strategy/strategyService';
import { contactDocuments } from './modules/frontDoor/contactDocuments';
import { hubReviews } from './modules/frontDoor/hubReviews';
import { closureService } from './modules/caseWorkflows/closureService';
import { assessmentService } from './modules/assessment/assessmentService';
import { caseRecordService } from './modules/caseRecord/caseRecordService';
import { panelService } from './modules/panel/panelService';
import { clearFrontDoor, projectFrontDoor } from './modules/frontDoor/frontDoorProjector';

/** Composition root 2: every service, built from the database and the clock. */
export function services(db: Db, clock: Clock) {
  const staff = staffDirectory(db);
  // Recording an event recomputes the person's obligations in the same transaction; the
  // standards read the person's facts back through the people and staff modules.
  const hooks: RecordHooks = { afterRecorded: async () => {} };
  const people = peopleService(db, clock, staff, hooks);
  const standards = standardsService(db, clock, {
    factsFor: async (executor, personIds) => {
      const facts = await people.factsFor(executor, personIds);
      const teamIds = [...new Set([...facts.values()].map((f) => f.allocatedTeamId).filter((id): id is string => id !== null))];
      const specialisms = await staff.teamSpecialisms(executor, teamIds);
      return new Map(personIds.map((id) => {
        const fact = facts.get(id);
        return [id, { dateOfBirth: fact?.dateOfBirth ?? null, teamSpecialism: fact?.allocatedTeamId ? (specialisms.get(fact.allocatedTeamId) ?? null) : null }];
      }));
    },
    allocationSql: people.allocationSql,
  });
  // Other modules' pictures of the events first (the front door's contacts), then the obligations.
  hooks.projections = [{ clear: clearFrontDoor, project: projectFrontDoor }];
  hooks.afterRecorded = async (executor, personIds, events) => {
    await projectFrontDoor(executor, events);
    await standards.recompute(executor, personIds);
  };
  const providers = providerService(db, clock);
  const panel = panelService(db, clock, people, standards, staff);
  // Approved foster carers (issue 11): the placement-start check reads their terms of approval.
  const fosterCarers = fosterCarerService(db, clock, people, standards, staff);
  return {
    db,
    clock,
    staff,
    signIn: signInService(db, clock),
    userAdmin: userAdminService(db, clock),
    people,
    standards,
    eventImport: eventImportService(people, clock),
    audit: auditService(db),
    recordWork: recordWorkService(people, standards),
    frontDoor: frontDoorService(db, clock, people, staff, standards),
    assessment: assessmentService(db, clock, people, standards, staff),
    caseRecord: caseRecordService(clock, people, standards),
    closure: closureService(clock, people, staff),
    hubReviews: hubReviews(db, people, standards),
    contactDocuments: contactDocuments(db, clock, people, staff),
    strategy: strategyService(clock, people, standards),
    section47: section47Service(people, standards),
    conference: conferenceService(people, standards, staff),
    coreGroups: coreGroupService(people, standards, staff),
    cinPlan: cinPlanService(people, standards, staff),
    childDocuments: childDocuments(db, people),
    safetyPlan: safetyPlanService(people, standards),
    inCare: inCareService(people, standards, staff, () => placementFacts(providers, fosterCarers)),
    cicReviews: reviewService(people, standards),
    missing: missingService(db, clock, people, standards),
    permanence: permanenceService(people, standards, staff),
    health: healthService(clock, people, standards),
    careLeaver: careLeaverService(clock, people, standards, staff),
    lado: ladoService(db, clock, people, standards),
    ...adoptionServices(people, standards, staff),
    providers,
    placements: placementService(people, standards, providers, fosterCarers),
    fosterCarers,
    stability: stabilityService(people),
    resourceReports: resourceReports(db, clock, people, providers),
    placementRequests: placementRequestService(db, clock, people, staff, providers),
    carePackages: carePackageService(db, clock, people, staff, providers),
    familyTime: familyTimeService(db, clock, people, staff),
    fostering: fosteringService(db, clock, people, standards, staff),
    panel,
    panelReferrals: panelReferralService(db, clock, people, staff, standards, panel.meetings),
    returns: returnsService(db, clock, people, providers, staff),
  };
}

export type Services = ReturnType<typeof services>;
