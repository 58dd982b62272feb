import { adopterJourneyOf, adopterStageLabels, supportRequestsOf } from '../../domain/adoption/adopters';
import { adoptionJourneyOf, onAdoptionJourney, stageOf } from '../../domain/adoption/adoptionJourney';
import { fullName } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { PeopleService } from '../people/peopleService';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import { adoptionRules } from './adoptionService';

/** Event types that put a child on the list (the placement order is the legal status E1). */
const childTypes = ['adoption.parallel_planning_agreed', 'adoption.should_be_placed_decided', 'adoption.match_recommended', 'adoption.placed', 'adoption.placement_disrupted'];
const adopterTypes = ['adoption.adopter_registered'];
const supportTypes = ['adoption.support_requested', 'adoption.s51_requested'];

/**
 * The Family Placement Team's adoption list (issue 11, specialist-service-statement.txt 7.4): the
 * children with an adoption plan and what is next due on each, the prospective adopters and where
 * their assessment is, and the open post-adoption support and section 51 counselling requests.
 * Only the records the reader may see are listed.
 */
export function adoptionListService(people: PeopleService, standards: StandardsService) {
  return {
    async list(context: RequestContext) {
      const ids = async (types: string[]) => [...new Set((await people.latestOfTypesForAll(types)).map((e) => e.personId))];
      // Children under a placement order (legal status E1) are on an adoption plan whether or not Hearth has the rest of it.
      const underOrder = (await people.latestOfTypesForAll(['cic.started', 'cic.legal_status_changed'])).filter((e) => e.data.legalStatus === 'E1').map((e) => e.personId);
      const [planned, adopterIds, supportIds] = await Promise.all([ids(childTypes), ids(adopterTypes), ids(supportTypes)]);
      const childIds = [...new Set([...planned, ...underOrder])];
      const visible = await people.visibleRecords(context, [...childIds, ...adopterIds, ...supportIds]);

      const children = [];
      for (const id of childIds) {
        const record = visible.get(id);
        if (!record) continue;
        const journey = adoptionJourneyOf(await people.streamOf(id));
        if (!onAdoptionJourney(journey) || journey.order) continue;
        const clocks = clocksOf(await standards.forPerson(id, context.actor), adoptionRules).filter((c) => c.state === 'due' || c.state === 'overdue' || c.state === 'due_soon');
        children.push({ id, name: fullName(record.details), hearthId: record.hearthId, stage: stageOf(journey), adopters: journey.placed?.carer ?? journey.match?.adopterName ?? null, next: clocks.sort((a, b) => a.deadline.getTime() - b.deadline.getTime())[0] ?? null });
      }
      const adopters = [];
      for (const id of adopterIds) {
        const record = visible.get(id);
        if (!record) continue;
        const journey = adopterJourneyOf(await people.streamOf(id));
        if (!journey.stage) continue;
        adopters.push({ id, name: journey.registered!.household || fullName(record.details), stage: adopterStageLabels[journey.stage], since: journey.registered!.at, worker: journey.registered!.assessingWorker, approved: journey.stage === 'approved' });
      }
      const requests = [];
      for (const id of supportIds) {
        const record = visible.get(id);
        if (!record) continue;
        for (const r of supportRequestsOf(await people.streamOf(id)).filter((q) => !q.closed)) requests.push({ personId: id, name: fullName(record.details), ...r });
      }
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
      return { children: children.sort(byName), adopters: adopters.sort(byName), requests: requests.sort((a, b) => a.at.getTime() - b.at.getTime()) };
    },
  };
}

export type AdoptionListService = ReturnType<typeof adoptionListService>;
