import { rolesAllow } from '../../domain/access/can';
import { addDays, addMonths, londonDate } from '../../domain/calendar/localDate';
import { disruptionCauses } from '../../domain/placements/placementState';
import { goodOrBetter, ratingText } from '../../domain/placements/providers';
import { currentPlacementOf, disruptionCauseCounts, distanceProfile, stabilityMeasures, type ChildHistory } from '../../domain/placements/stabilityMeasures';
import { fullName } from '../../domain/people/personDetails';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError } from '../../platform/errors';
import type { PeopleService } from '../people/peopleService';
import type { ProviderService } from '../providers/providerService';
import { groupedBy } from '../../domain/records/events';

const historyTypes = ['cic.started', 'cic.ended', 'cic.placement_started', 'cic.placement_ended', 'placements.disruption_review_held'];

/**
 * The Resource Service's reports (issue 7): placement stability (three or more placements in a
 * year; the same placement for two years among those in care two and a half years), children
 * placed with providers below Good, distance from home, and what disruption reviews found. Children
 * are named only to those who may see their records; the rest are counted.
 */
export function resourceReports(db: Db, clock: Clock, people: PeopleService, providers: ProviderService) {
  return {
    async view(context: RequestContext) {
      if (!rolesAllow(context.actor, 'resources:read')) throw new ForbiddenError("The Resource Service's reports are for the Resource Service and case managers");
      const today = londonDate(clock.now());
      // Everyone looked after in the last year or now: their latest period of care began or ended since then.
      const ids = (await people.latestOfTypesForAll(['cic.started', 'cic.ended'])).filter((e) => e.type === 'cic.started' || londonDate(e.occurredAt) >= addMonths(today, -12)).map((e) => e.personId);
      const events = await people.ofTypesFor(ids, historyTypes);
      const byChild = groupedBy(events, (e) => e.personId);
      const records = await people.visibleRecords(context, ids);
      // Dates of birth for the measures, for every child, named or not, in one query.
      const facts = await people.factsFor(db, ids);
      const dob = new Map(ids.map((id) => [id, facts.get(id)?.dateOfBirth ?? null]));
      const children: ChildHistory[] = [...byChild].map(([personId, history]) => ({ personId, events: history, dateOfBirth: dob.get(personId) ?? null }));
      const measures = stabilityMeasures(children, today);
      const placedNow = children.map((c) => currentPlacementOf(c, today)).filter((p) => p !== null);
      const allProviders = new Map((await providers.all()).map((p) => [p.id, p]));
      const named = (personId: string) => (records.has(personId) ? { personId, name: fullName(records.get(personId)!.details) } : { personId, name: null });
      const belowGood = placedNow
        .filter((p) => p.providerId !== null && allProviders.has(p.providerId) && !goodOrBetter(allProviders.get(p.providerId)!.rating))
        .map((p) => ({ ...named(p.personId), provider: allProviders.get(p.providerId!)!.name, providerId: p.providerId, rating: ratingText(allProviders.get(p.providerId!)!.rating), since: p.since, excepted: p.ratingExceptionId !== null }));
      const distance = distanceProfile(placedNow);
      const causes = disruptionCauseCounts(children, addDays(addMonths(today, -12), 1), today);
      const listed = [...measures.threeOrMore.map((c) => c.personId), ...measures.longTerm.unstable, ...belowGood.map((b) => b.personId), ...distance.farAway.map((p) => p.personId)].filter((id) => records.has(id));
      await audit.record(db, context, { action: 'resources.report_viewed', details: { report: 'stability', named: [...new Set(listed)] } });
      return {
        today,
        measures: { ...measures, threeOrMore: measures.threeOrMore.map((c) => ({ ...named(c.personId), placements: c.placements })), unstable: measures.longTerm.unstable.map(named) },
        belowGood,
        distance: { ...distance, farAway: distance.farAway.map((p) => ({ ...named(p.personId), miles: p.distanceFromHomeMiles, carer: p.carer })) },
        causes: disruptionCauses.map((c) => ({ text: c.text, count: causes.get(c.value) ?? 0 })).filter((c) => c.count > 0),
      };
    },
  };
}

export type ResourceReports = ReturnType<typeof resourceReports>;
