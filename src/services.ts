import { factsChangingEvents } from './domain/people/personEvents';
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
import { youthJusticeService } from './modules/youthJustice/youthJusticeService';
import { supervisionService } from './modules/supervision/supervisionService';
import { adoptionServices } from './modules/adoption/adoptionServices';
import { occupationalTherapyServices } from './modules/occupationalTherapy/otServices';
import { assistServices } from './modules/assist/assistServices';
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
import { transitionsService } from './modules/transitions/transitionsService';
import { transitionsListService } from './modules/transitions/transitionsListService';
import { hospitalDutyService } from './modules/hospitalDuty/hospitalDutyService';
import { hospitalDutyList } from './modules/hospitalDuty/hospitalDutyList';
import { workforceService } from './modules/workforce/workforceService';
import { transferService } from './modules/workforce/transferService';

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
    lockRecords: people.lockRecords,
    // Youth justice obligations are shown to those who see the child's youth justice records (issue 12).
    subjectsOf: people.subjectsOf,
    factsChangedBy: factsChangingEvents,
  });
  // Other modules' pictures of the events first (the front door's contacts), then the obligations.
  hooks.projections = [{ clear: clearFrontDoor, project: projectFrontDoor }];
  hooks.afterRecorded = async (executor, personIds, events) => {
    await projectFrontDoor(executor, events);
    await standards.recomputeAfter(executor, personIds, events);
  };
  const providers = providerService(db, clock);
  const panel = panelService(db, clock, people, standards, staff);
  // Approved foster carers (issue 11): the placement-start check reads their terms of approval.
  const fosterCarers = fosterCarerService(db, clock, people, standards, staff);
  // Workforce (issue 12): every allocation to a named worker is checked against their caseload limit.
  const workforce = workforceService(db, clock, people, staff, standards);
  hooks.allocationCapacity = workforce.allocationCheck;
  return {
    db,
    clock,
    staff,
    signIn: signInService(db, clock),
    userAdmin: userAdminService(db, clock),
    people,
    standards,
    eventImport: eventImportService(people, clock, staff),
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
    // The Youth Offending Service (issue 12): its work on children's records, its caseload and performance indicators.
    youthJustice: youthJusticeService(db, clock, people, standards, staff),
    // Supervision of staff (issue 12; specialist-service-statement.txt 5.4), on their own staff records.
    supervision: supervisionService(db, clock, people, staff),
    ...adoptionServices(people, standards, staff),
    // Occupational Therapy (issue 12): the CSOT duty inbox, referrals, the waiting list and a child's steps.
    ...occupationalTherapyServices(db, clock, people, standards, staff),
    // ASSIST (issue 12): contacts, parent programmes and MARF referrals through the Early Help Hub.
    ...assistServices(db, clock, people, standards),
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
    workforce,
    transfers: transferService(people, staff, workforce.allocationCheck),
    // Children with Disabilities transitions and the hospital duty service (issue 12).
    transitions: transitionsService(clock, people, standards),
    transitionsList: transitionsListService(db, clock, people, standards, staff),
    hospitalDuty: hospitalDutyService(db, clock, people, standards),
    hospitalDutyList: hospitalDutyList(db, clock, people, standards),
  };
}

export type Services = ReturnType<typeof services>;
