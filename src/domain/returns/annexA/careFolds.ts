import { once, type ChildView } from './childView';

/**
 * Every period of care on the child's record (src/domain/inCare/inCareState.ts reads only the
 * current or last one; the lists need them all): its legal statuses, placements, reviews and visits,
 * and the adoption work in it, from the events the In care, Placements and Permanence pages record.
 */

export interface LegalStatusSpan {
  /** The SSDA903 legal status code Hearth stores (C2, V2, E1…). */
  code: string;
  from: string;
  to: string | null;
}

export interface PlacementSpan {
  from: string;
  to: string | null;
  /** cic.placement_started data.setting (src/standards/coreEventTypes.ts placementSettings). */
  setting: string;
  providerId: string | null;
  postcode: string | null;
}

export interface CarePeriod {
  start: string;
  end: string | null;
  /** cic.ended data.reason (src/domain/inCare/inCareState.ts careEndings). */
  endReason: string | null;
  statuses: LegalStatusSpan[];
  placements: PlacementSpan[];
  latestReview: string | null;
  latestVisit: string | null;
  /** The IRO's latest time with the child in private before a review (cic.iro_saw_child). */
  latestIroContact: string | null;
  permanencePlan: string | null;
  /** The agency decision maker's decision that the child should be placed for adoption, and a later one that they should no longer be (adoption.should_be_placed_decided, issue 11). */
  shouldBePlaced: string | null;
  noLongerToBePlaced: string | null;
  /** The ADM's agreement to the match with the adopters (adoption.match_decided). */
  matched: string | null;
  placedForAdoption: string | null;
  adoptionDisrupted: string | null;
  adoptionOrder: string | null;
}

const textOrNull = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

export const carePeriodsOf = (view: ChildView) => once(view, carePeriodsOfFold);

function carePeriodsOfFold(view: ChildView): CarePeriod[] {
  const periods: CarePeriod[] = [];
  for (const e of view.events) {
    const period = periods.at(-1);
    const open = period && period.end === null ? period : null;
    const placement = open?.placements.at(-1);
    const status = open?.statuses.at(-1);
    switch (e.type) {
      case 'cic.started':
        if (open) break;
        periods.push({
          start: e.on,
          end: null,
          endReason: null,
          statuses: [{ code: String(e.data.legalStatus ?? ''), from: e.on, to: null }],
          placements: [],
          latestReview: null,
          latestVisit: null,
          latestIroContact: null,
          permanencePlan: null,
          shouldBePlaced: null,
          noLongerToBePlaced: null,
          matched: null,
          placedForAdoption: null,
          adoptionDisrupted: null,
          adoptionOrder: null,
        });
        break;
      case 'cic.legal_status_changed':
        if (!open) break;
        if (status) status.to = e.on;
        open.statuses.push({ code: String(e.data.legalStatus ?? ''), from: e.on, to: null });
        break;
      case 'cic.placement_started':
        if (!open) break;
        if (placement && placement.to === null) placement.to = e.on;
        open.placements.push({ from: e.on, to: null, setting: String(e.data.setting ?? ''), providerId: textOrNull(e.data.providerId), postcode: textOrNull(e.data.postcode) });
        break;
      case 'cic.placement_ended':
        if (placement && placement.to === null) placement.to = e.on;
        break;
      case 'cic.review_held':
        if (open) open.latestReview = e.on;
        break;
      case 'cic.visit':
        if (open) open.latestVisit = e.on;
        break;
      case 'cic.iro_saw_child':
        if (open) open.latestIroContact = e.on;
        break;
      case 'cic.permanency_plan_established':
        if (open) open.permanencePlan = textOrNull(e.data.option);
        break;
      // The adoption order is made as (or just after) care ends: it belongs to the last period either way.
      case 'adoption.should_be_placed_decided':
        if (!open) break;
        if (e.data.decision === 'should_be_placed') {
          open.shouldBePlaced = textOrNull(e.data.decisionOn) ?? e.on;
          open.noLongerToBePlaced = null;
        } else if (open.shouldBePlaced) open.noLongerToBePlaced = textOrNull(e.data.decisionOn) ?? e.on;
        break;
      case 'adoption.match_decided':
        if (open && e.data.decision === 'agreed') open.matched = textOrNull(e.data.decisionOn) ?? e.on;
        break;
      case 'adoption.placed':
        if (period) {
          period.placedForAdoption = e.on;
          period.adoptionDisrupted = null;
        }
        break;
      case 'adoption.placement_disrupted':
        if (period) period.adoptionDisrupted = e.on;
        break;
      case 'adoption.order_made':
        if (period) period.adoptionOrder = e.on;
        break;
      case 'cic.ended':
        if (!open) break;
        open.end = e.on;
        open.endReason = textOrNull(e.data.reason);
        if (status) status.to = e.on;
        if (placement && placement.to === null) placement.to = e.on;
        break;
    }
  }
  return periods;
}

/** The legal status a period was under on a day (the last one begun by then). */
export const statusOn = (period: CarePeriod, on: string): LegalStatusSpan | null => period.statuses.filter((s) => s.from <= on).at(-1) ?? null;

/** The first placement order (legal status E1) in the period. */
export const placementOrderOf = (period: CarePeriod): string | null => period.statuses.find((s) => s.code === 'E1')?.from ?? null;
