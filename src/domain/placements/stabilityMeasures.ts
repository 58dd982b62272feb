import { addDays, addMonths, ageOn, londonDate } from '../calendar/localDate';
import { chronological, type WorkflowEvent } from '../records/events';
import { distanceBands } from './distance';

/** One child's placement history, as the reports read it: every period of care and placement, and the disruption reviews. */
export interface ChildHistory {
  personId: string;
  dateOfBirth: string | null;
  events: readonly WorkflowEvent[];
}

export interface CurrentPlacement {
  personId: string;
  since: string;
  careSince: string;
  providerId: string | null;
  ratingExceptionId: string | null;
  distanceFromHomeMiles: number | null;
  carer: string;
}

/** Where each child is on a date: their period of care and placement, if they are looked after then. */
export function currentPlacementOf(child: ChildHistory, on: string): CurrentPlacement | null {
  let careSince: string | null = null;
  let placement: CurrentPlacement | null = null;
  for (const e of chronological(child.events)) {
    const date = londonDate(e.occurredAt);
    if (date > on) break;
    if (e.type === 'cic.started') careSince = date;
    else if (e.type === 'cic.ended') (careSince = null), (placement = null);
    else if (e.type === 'cic.placement_ended') placement = null;
    else if (e.type === 'cic.placement_started' && careSince) {
      const d = e.data;
      placement = {
        personId: child.personId,
        since: date,
        careSince,
        providerId: typeof d.providerId === 'string' ? d.providerId : null,
        ratingExceptionId: typeof d.ratingExceptionId === 'string' ? d.ratingExceptionId : null,
        distanceFromHomeMiles: typeof d.distanceFromHomeMiles === 'number' ? d.distanceFromHomeMiles : null,
        carer: typeof d.carer === 'string' ? d.carer : '',
      };
    }
  }
  return careSince && placement ? placement : null;
}

/**
 * The DfE's two placement stability measures, on a date (issue 7: "three or more placements in a
 * year; same placement for two years among those in care 2.5 years"):
 * - children looked after on the date who had three or more placements in the year to it;
 * - of children under 16 looked after for at least two and a half years, those in the same
 *   placement for at least two years.
 */
export function stabilityMeasures(children: readonly ChildHistory[], on: string) {
  const yearAgo = addDays(addMonths(on, -12), 1);
  const lookedAfter: string[] = [];
  const threeOrMore: { personId: string; placements: number }[] = [];
  const longTermEligible: string[] = [];
  const longTermStable: string[] = [];
  for (const child of children) {
    const current = currentPlacementOf(child, on);
    if (!current) continue;
    lookedAfter.push(child.personId);
    const placements = child.events.filter((e) => e.type === 'cic.placement_started' && londonDate(e.occurredAt) >= yearAgo && londonDate(e.occurredAt) <= on).length;
    if (placements >= 3) threeOrMore.push({ personId: child.personId, placements });
    const under16 = child.dateOfBirth !== null && ageOn(child.dateOfBirth, on) < 16;
    if (under16 && current.careSince <= addMonths(on, -30)) {
      longTermEligible.push(child.personId);
      if (current.since <= addMonths(on, -24)) longTermStable.push(child.personId);
    }
  }
  return { on, lookedAfter: lookedAfter.length, threeOrMore, longTerm: { eligible: longTermEligible.length, stable: longTermStable.length, unstable: longTermEligible.filter((id) => !longTermStable.includes(id)) } };
}

/** Children placed now by distance from home, in the DfE's bands, with those whose distance is not known. */
export function distanceProfile(placements: readonly CurrentPlacement[]) {
  const bands = distanceBands.map((b) => ({ text: b.text, count: 0 }));
  let unknown = 0;
  for (const p of placements) {
    if (p.distanceFromHomeMiles === null) {
      unknown++;
      continue;
    }
    const i = distanceBands.findIndex((b) => p.distanceFromHomeMiles! < b.below);
    bands[i]!.count++;
  }
  return { bands, unknown, farAway: placements.filter((p) => (p.distanceFromHomeMiles ?? 0) >= 20) };
}

/** What disruption reviews found in a period, cause by cause (resource-service-policy.txt 1.1: "to identify the causes and improve future placements"). */
export function disruptionCauseCounts(children: readonly ChildHistory[], from: string, to: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const child of children) {
    for (const e of child.events) {
      const date = londonDate(e.occurredAt);
      if (e.type !== 'placements.disruption_review_held' || date < from || date > to || !Array.isArray(e.data.causes)) continue;
      for (const cause of e.data.causes as string[]) counts.set(cause, (counts.get(cause) ?? 0) + 1);
    }
  }
  return counts;
}
