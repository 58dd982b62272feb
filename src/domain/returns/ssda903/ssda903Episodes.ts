import { londonDate } from '../../calendar/localDate';
import type { WorkflowEvent } from '../../records/events';
import type { CollectionPeriod } from '../collectionYear';
import type { ReturnContext, ReturnSubject } from '../subject';
import { categoryOfNeed, isSsda903Code, legalStatusCode, placementCodes, reasonForPlacementChange, recForCareEnding } from './ssda903Codes';
import type { EpisodeRow } from './ssda903Types';

/**
 * The SSDA903 episodes of a child (issue 10), from the events workers recorded in Hearth's words.
 * An episode is a stretch of a period of care with one legal status and one placement:
 * a new one begins whenever either changes (cic.legal_status_changed, cic.placement_started, a
 * placement for adoption, a long-term fostering match), dated by the day in London, several changes
 * on one day making one new episode. Its reason for new episode (RNE) says what changed, as the DfE
 * reads the codes (rules-2024-25.csv 434, 435, 436): S the period of care began, L the legal status
 * only, P the placement and the carers, T the placement with the same carers (a foster placement
 * becoming long-term, or the foster carers adopting), B the legal status and the placement and
 * carers, U the legal status and the placement with the same carers. An episode that ends because
 * the next begins ends X1 (388), with the reason for the placement change on it (225); the last
 * ends with the reason the period of care ended (cic.ended). A placement ended without another
 * (a stay in hospital, custody) does not end the episode: the child's usual placement stands until
 * the next one is recorded, and that move carries the reason the placement ended.
 *
 * What the adoption events are read for (adoption.placed, adoption.order_made; no page records them
 * yet, history can be imported with them): adoption.placed data.withCurrentCarers (true when the
 * foster carers adopt), data.carer, data.decisionOn (the date of the decision that the child should
 * be placed for adoption, YYYY-MM-DD) and data.matchedOn (the date the child was matched with the
 * adopters); adoption.order_made data.consentDispensed (true when the court dispensed with consent).
 */

/** What an episode is made of: when two of these differ, a new episode begins. */
interface Snapshot {
  ls: string | null;
  PLACE: string | null;
  PLACE_PROVIDER: string | null;
  PL_POST: string | null;
  URN: string | null;
  /** Who the child lives with (the provider and carers): the same carers make a T or U episode, not P or B. */
  carers: string | null;
  setting: string | null;
}

interface Segment {
  from: string;
  snapshot: Snapshot;
  /** How the placement ended when this episode ended with a move (cic.placement_ended), and its placement. */
  closedBy: { reason: unknown; placementId: string | null } | null;
}

export interface CarePeriod {
  start: string;
  end: string | null;
  endReason: unknown;
  segments: Segment[];
  adoption: { consentDispensed: boolean } | null;
  /** The category of need recorded when the child came into care (cic.started data.primaryNeed, as an imported period carries it). */
  need: string | null;
}

const same = (a: Snapshot, b: Snapshot) =>
  a.ls === b.ls && a.PLACE === b.PLACE && a.PLACE_PROVIDER === b.PLACE_PROVIDER && a.PL_POST === b.PL_POST && a.URN === b.URN && a.carers === b.carers;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * The DfE codes an imported event carries (data.dfeCodes, with data.imported: src/domain/returns/import/):
 * what the authority's earlier return said, kept where Hearth's words say less (E4B, PN4, T1, PR3),
 * so that the earlier year, projected again, is the return the authority sent. Only valid codes;
 * never from what a worker recorded.
 */
export function importedCodes(e: WorkflowEvent): Partial<Record<'REC' | 'REASON_PLACE_CHANGE' | 'REVIEW_CODE' | 'PLACE' | 'PLACE_PROVIDER' | 'URN' | 'PL_POST', string>> {
  const codes = e.data.dfeCodes;
  if (typeof e.data.imported !== 'string' || !codes || typeof codes !== 'object') return {};
  const c = codes as Record<string, unknown>;
  const pick = (set: 'REC' | 'REASON_PLACE_CHANGE' | 'REVIEW_CODE' | 'PLACE' | 'PLACE_PROVIDER') => (typeof c[set] === 'string' && isSsda903Code(set, c[set]) ? (c[set] as string) : undefined);
  const text = (key: string) => (typeof c[key] === 'string' && (c[key] as string).trim() !== '' ? (c[key] as string).trim() : undefined);
  return { REC: pick('REC'), REASON_PLACE_CHANGE: pick('REASON_PLACE_CHANGE'), REVIEW_CODE: pick('REVIEW_CODE'), PLACE: pick('PLACE'), PLACE_PROVIDER: pick('PLACE_PROVIDER'), URN: text('URN'), PL_POST: text('PL_POST') };
}

interface ImportedPlacement {
  PLACE: string;
  PLACE_PROVIDER: string | null;
  URN: string | null;
  PL_POST: string | null;
}

function importedPlacement(e: WorkflowEvent): ImportedPlacement | null {
  const c = importedCodes(e);
  return c.PLACE ? { PLACE: c.PLACE, PLACE_PROVIDER: c.PLACE_PROVIDER ?? null, URN: c.URN ?? null, PL_POST: c.PL_POST ?? null } : null;
}

/** The child's periods of care, each split into the stretches with one legal status and one placement. */
export function carePeriodsOfRecord(events: readonly WorkflowEvent[], context: ReturnContext): CarePeriod[] {
  const periods: CarePeriod[] = [];
  let open: CarePeriod | null = null;
  let ls: string | null = null;
  let placement: { placementId: string; setting: string; providerId: string | null; carer: string; postcode: string | null; dfe: ImportedPlacement | null } | null = null;
  let adoption: { withCurrentCarers: boolean; carers: string; on: string; dfe: ImportedPlacement | null } | null = null;
  let longTermPlacement: string | null = null;
  let plan: string | null = null;
  let pendingEnding: { reason: unknown; placementId: string | null } | null = null;

  const carersOf = () => {
    if (adoption && !adoption.withCurrentCarers) return adoption.carers;
    if (!placement) return null;
    const who = `${placement.providerId ?? ''}|${placement.carer.toLowerCase()}`;
    return who === '|' ? placement.placementId : who;
  };
  const snapshot = (): Snapshot => {
    const provider = placement?.providerId ? context.providers.get(placement.providerId) : placement ? ownFosteringService(placement.setting, context) : undefined;
    const codes = placement || adoption
      ? placementCodes({
          setting: placement?.setting ?? 'other',
          providerKind: provider?.kind ?? null,
          longTerm: placement !== null && longTermPlacement === placement.placementId,
          adoption: adoption ? { withCurrentCarers: adoption.withCurrentCarers, placementOrder: ls === 'E1' } : null,
        })
      : { PLACE: null, PLACE_PROVIDER: null };
    const withAdopters = adoption !== null && !adoption.withCurrentCarers;
    // An imported placement keeps the codes the earlier return gave it (a temporary placement, PR3, a URN).
    const dfe = adoption ? adoption.dfe : (placement?.dfe ?? null);
    return {
      ls,
      PLACE: dfe?.PLACE ?? codes.PLACE,
      PLACE_PROVIDER: dfe?.PLACE ? (dfe.PLACE_PROVIDER ?? null) : codes.PLACE_PROVIDER,
      PL_POST: dfe?.PL_POST ?? (withAdopters ? null : (placement?.postcode ?? provider?.postcode ?? null)),
      URN: dfe?.URN ?? (withAdopters ? null : (provider?.urn ?? null)),
      carers: carersOf(),
      setting: placement?.setting ?? null,
    };
  };
  /** The state has changed on this day: a new episode, or the day's episode as it now stands. */
  const mark = (on: string) => {
    if (!open) return;
    const now = snapshot();
    const segments = open.segments;
    const last = segments.at(-1)!;
    if (last.from === on) {
      last.snapshot = now;
      const before = segments.at(-2);
      // Changed and changed back on the same day: no episode at all.
      if (before && same(before.snapshot, now)) {
        segments.pop();
        before.closedBy = null;
      } else if (before && pendingEnding) before.closedBy = pendingEnding;
      return;
    }
    if (same(last.snapshot, now)) return;
    last.closedBy = pendingEnding;
    segments.push({ from: on, snapshot: now, closedBy: null });
  };

  for (const e of events) {
    const on = londonDate(e.occurredAt);
    const d = e.data;
    if (e.type === 'cic.started') {
      if (open && open.end === null) continue;
      ls = legalStatusCode(d.legalStatus);
      placement = null;
      adoption = null;
      longTermPlacement = null;
      plan = null;
      pendingEnding = null;
      open = { start: on, end: null, endReason: null, segments: [], adoption: null, need: categoryOfNeed(d.primaryNeed) };
      open.segments.push({ from: on, snapshot: snapshot(), closedBy: null });
      periods.push(open);
      continue;
    }
    if (!open || open.end !== null) continue;
    switch (e.type) {
      case 'cic.legal_status_changed':
        ls = legalStatusCode(d.legalStatus);
        mark(on);
        break;
      case 'cic.placement_started':
        placement = { placementId: str(d.placementId) ?? e.id, setting: str(d.setting) ?? 'other', providerId: str(d.providerId), carer: str(d.carer) ?? '', postcode: str(d.postcode)?.toUpperCase() ?? null, dfe: importedPlacement(e) };
        // A later placement ends a placement for adoption; one the same day is the placement with the adopters.
        if (adoption && adoption.on < on) adoption = null;
        mark(on);
        pendingEnding = null;
        break;
      case 'cic.placement_ended':
        pendingEnding = { reason: importedCodes(e).REASON_PLACE_CHANGE ?? d.reason, placementId: str(d.placementId) ?? placement?.placementId ?? null };
        break;
      case 'cic.permanency_plan_established':
        plan = str(d.option);
        break;
      case 'cic.permanence_achieved':
        // Permanence achieved under a long-term fostering plan: the foster placement is long-term (U1, U4).
        if (plan === 'long_term_fostering' && placement) {
          longTermPlacement = placement.placementId;
          mark(on);
        }
        break;
      case 'adoption.placed': {
        const carer = str(d.carer);
        const withCurrentCarers = d.withCurrentCarers === true || (carer !== null && placement !== null && carer.toLowerCase() === placement.carer.toLowerCase());
        adoption = { withCurrentCarers, carers: `adopters|${carer?.toLowerCase() ?? e.id}`, on, dfe: importedPlacement(e) };
        // Placing the child with adopters carries out the care plan (REASON_PLACE_CHANGE CARPL).
        pendingEnding ??= { reason: 'care_plan', placementId: placement?.placementId ?? null };
        mark(on);
        pendingEnding = null;
        break;
      }
      case 'adoption.placement_disrupted':
        adoption = null;
        mark(on);
        break;
      case 'adoption.order_made':
        open.adoption = { consentDispensed: d.consentDispensed === true };
        break;
      case 'cic.ended': {
        open.end = on;
        open.endReason = importedCodes(e).REC ?? d.reason;
        // A change on the day care ended is no episode of its own.
        const segments = open.segments;
        if (segments.length > 1 && segments.at(-1)!.from === on) {
          segments.pop();
          segments.at(-1)!.closedBy = null;
        }
        break;
      }
    }
  }
  return periods;
}

function rneOf(before: Snapshot, now: Snapshot): string {
  const legalStatus = before.ls !== now.ls;
  const carers = before.carers !== now.carers;
  const place = carers || before.PLACE !== now.PLACE || before.PLACE_PROVIDER !== now.PLACE_PROVIDER || before.PL_POST !== now.PL_POST || before.URN !== now.URN;
  if (!place) return 'L';
  if (!legalStatus) return carers ? 'P' : 'T';
  return carers ? 'B' : 'U';
}

/** The episodes open at any time in the year, with what happened after 31 March left out. */
export function episodeRows(CHILD: string, cares: readonly CarePeriod[], events: readonly WorkflowEvent[], subject: ReturnSubject, period: CollectionPeriod): EpisodeRow[] {
  const rows: EpisodeRow[] = [];
  const needsOf = (type: string) => events.filter((e) => e.type === type && categoryOfNeed(e.data.primaryNeed) !== null).map((e) => ({ on: londonDate(e.occurredAt), code: categoryOfNeed(e.data.primaryNeed)! }));
  const needs = needsOf('assessment.completed');
  // The need as the Duty Manager saw it at the threshold decision (issue 10): for a child who came into care before any assessment was signed off.
  const referralNeeds = needsOf('threshold.decided');
  const causes = disruptionCauses(events);
  for (const care of cares) {
    if (care.start > period.end || (care.end !== null && care.end < period.start)) continue;
    const home = homePostcode(subject, care.start);
    // The category of need of the period of care, as it was when the child came into care (rules-2024-25.csv 504): the latest assessment's primary need, else the first after,
    // else the threshold decision's (the latest on or before the start, else the first after).
    const CIN =
      care.need ??
      needs.filter((n) => n.on <= care.start).at(-1)?.code ??
      needs.find((n) => n.on > care.start)?.code ??
      referralNeeds.filter((n) => n.on <= care.start).at(-1)?.code ??
      referralNeeds.find((n) => n.on > care.start)?.code ??
      null;
    care.segments.forEach((segment, i) => {
      const next = care.segments[i + 1];
      const DECOM = segment.from;
      let DEC = next?.from ?? care.end;
      if (DECOM > period.end || (DEC !== null && DEC < period.start)) return;
      const RNE = i === 0 ? 'S' : rneOf(care.segments[i - 1]!.snapshot, segment.snapshot);
      const nextRne = next ? rneOf(segment.snapshot, next.snapshot) : null;
      let REC = next ? 'X1' : care.end ? recForCareEnding(care.endReason, segment.snapshot.setting, care.adoption) : null;
      let REASON_PLACE_CHANGE =
        nextRne === 'T' || nextRne === 'U'
          ? 'PLACE'
          : nextRne === 'P' || nextRne === 'B'
            ? reasonForPlacementChange(segment.closedBy?.reason, segment.closedBy?.placementId ? (causes.get(segment.closedBy.placementId) ?? []) : [])
            : null;
      // The return is of the year: an episode that ended after 31 March was open at the end of it.
      if (DEC !== null && DEC > period.end) {
        DEC = null;
        REC = null;
        REASON_PLACE_CHANGE = null;
      }
      const s = segment.snapshot;
      rows.push({ CHILD, DECOM, RNE, LS: s.ls, CIN, PLACE: s.PLACE, PLACE_PROVIDER: s.PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE, HOME_POST: home, PL_POST: s.PL_POST, URN: s.URN });
    });
  }
  return rows;
}

/** Disruption causes by the placement reviewed (placements.disruption_review_held data.placementId, data.causes). */
function disruptionCauses(events: readonly WorkflowEvent[]): Map<string, string[]> {
  const causes = new Map<string, string[]>();
  for (const e of events) {
    if (e.type !== 'placements.disruption_review_held' || typeof e.data.placementId !== 'string') continue;
    const found = Array.isArray(e.data.causes) ? e.data.causes.filter((c): c is string => typeof c === 'string') : [];
    causes.set(e.data.placementId, [...(causes.get(e.data.placementId) ?? []), ...found]);
  }
  return causes;
}

/** The child's home postcode when the period of care began (HOME_POST); an address recorded only later is the nearest Hearth knows. */
function homePostcode(subject: ReturnSubject, on: string): string | null {
  const before = subject.addresses.filter((a) => a.from <= on).at(-1) ?? subject.addresses[0];
  return before?.postcode ? before.postcode.toUpperCase() : null;
}

/**
 * The authority's own fostering service, for a foster placement recorded without a provider: its
 * carers are approved by that service, whose Ofsted URN the return gives (rules-2024-25.csv 218).
 * Only when the authority has registered exactly one.
 */
function ownFosteringService(setting: string, context: ReturnContext) {
  if (setting !== 'in_house_fostering' && setting !== 'connected_person') return undefined;
  const services = [...context.providers.values()].filter((p) => p.kind === 'in_house_fostering');
  return services.length === 1 ? { ...services[0]!, postcode: null } : undefined;
}
