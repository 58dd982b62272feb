import { inCareOf, type InCareState, type Placement } from '../inCare/inCareState';
import { chronological, type WorkflowEvent } from '../records/events';
import { text } from '../records/eventData';

/**
 * Why a placement ends, in the worker's words. "Broke down" and "the provider gave notice" are the
 * unplanned endings a disruption review follows (resource-service-policy.txt 1.1, paragraph 3:
 * "If a placement breaks down, a thorough review will be conducted to identify the causes").
 */
export const placementEndings = [
  { value: 'care_plan', text: 'A planned move in line with the care plan', disruption: false },
  { value: 'breakdown', text: 'The placement broke down', disruption: true },
  { value: 'notice_to_quit', text: 'The provider gave notice (Notice to Quit)', disruption: true },
  { value: 'safeguarding', text: 'An immediate safeguarding concern', disruption: true },
  { value: 'child_request', text: "At the child's request", disruption: false },
  { value: 'provider_closed', text: 'The provider closed or can no longer meet the need', disruption: false },
  { value: 'other', text: 'Another reason', disruption: false },
] as const;

/** What a disruption review finds, so causes can be counted across placements (1.1, paragraph 3: "to identify the causes and improve future placements"). */
export const disruptionCauses = [
  { value: 'matching', text: 'The matching information was incomplete or wrong' },
  { value: 'carer_capacity', text: "The carers' or staff's capacity or skills" },
  { value: 'behaviour', text: "The child's behaviour escalated" },
  { value: 'missing', text: 'Missing episodes' },
  { value: 'exploitation', text: 'Exploitation' },
  { value: 'education', text: 'Education broke down' },
  { value: 'family_time', text: 'Family time and contact' },
  { value: 'allegation', text: 'An allegation or standards of care concern' },
  { value: 'support', text: 'Support was not in place in time' },
  { value: 'other', text: 'Something else' },
] as const;

/** Who a Placement Stability Meeting brings together (1.1, paragraph 3: "the child's social worker, the IRO, and the placement provider"; 4.2: the Resource Service; the guidance: the Virtual School). */
export const stabilityAttendees = [
  { value: 'social_worker', text: "The child's social worker" },
  { value: 'iro', text: 'The Independent Reviewing Officer' },
  { value: 'provider', text: 'The provider or carers' },
  { value: 'resource_service', text: 'The Resource Service' },
  { value: 'supervising_social_worker', text: 'The supervising social worker' },
  { value: 'virtual_school', text: 'The Virtual School' },
  { value: 'child', text: 'The child' },
] as const;

/** What the Resource Service checks the provider holds at a quality visit (1.2: "ensuring the provider and child have up to date CLA review minutes, PEP, EHCP"). */
export const providerDocuments = [
  { value: 'review_minutes', text: 'The latest child in care review minutes' },
  { value: 'pep', text: 'The Personal Education Plan (PEP)' },
  { value: 'ehcp', text: 'The Education, Health and Care Plan (EHCP), where the child has one' },
  { value: 'placement_plan', text: 'The placement plan and delegated authority' },
] as const;

export interface MoveRequest {
  eventId: string;
  at: Date;
  byName: string | null;
  reason: string;
  urgent: boolean;
  safeguardingReason: string | null;
  authorised: { at: Date; byName: string | null; by: 'head_of_service' | 'stability_panel'; alternatives: string } | null;
  /** The move it allowed, once made. */
  usedAt: Date | null;
}

export interface NoticeToQuit {
  eventId: string;
  receivedAt: Date;
  reason: string;
  endsOn: string | null;
  acceptedAt: Date | null;
}

export interface Dated {
  eventId: string;
  at: Date;
  byName: string | null;
  data: Record<string, unknown>;
}

export interface PlacementsState {
  care: InCareState;
  current: Placement | null;
  /** Each placement's own data (its provider, address, distance, plan), by placementId. */
  details: Map<string, Record<string, unknown>>;
  /** Move requests in the current placement. */
  moves: MoveRequest[];
  /** Since the latest move request: the Virtual School consulted, and how and when the child is told (placement-stability-guidance.txt, "Placements are ended in a planned way" bullet 3; "Early and robust escalation" bullet 1). */
  virtualSchool: Dated | null;
  childTold: Dated | null;
  /** Head of service exceptions to the Good-or-better rule in this period of care, not yet used by a placement. */
  exceptions: { eventId: string; providerId: string; at: Date; byName: string | null; reason: string }[];
  notices: NoticeToQuit[];
  /** Stability (support) meetings, each with the placement it was held in. */
  meetings: (Dated & { placementId: string | null })[];
  panelReferrals: (Dated & { placementId: string | null })[];
  qualityVisits: (Dated & { placementId: string | null })[];
  disruptionReviews: (Dated & { placementId: string | null })[];
}


/**
 * A child's placements and the Resource Service's work on them (issue 7; resource-service-policy.txt
 * 1.1, 4.2; placement-stability-guidance.txt): the period of care's placements (inCareOf), the
 * current placement's move requests and their agreement, Notices to Quit, stability meetings,
 * quality visits and disruption reviews.
 */
export function placementsOf(stream: readonly WorkflowEvent[]): PlacementsState {
  const care = inCareOf(stream);
  const current = care.inCare ? (care.placements.at(-1) ?? null) : null;
  // Moves are asked for from the latest placement of this period, current or ended (a child back from hospital).
  const currentFrom = current?.from.getTime() ?? Infinity;
  const state: PlacementsState = { care, current: current && !current.to ? current : null, details: new Map(), moves: [], virtualSchool: null, childTold: null, exceptions: [], notices: [], meetings: [], panelReferrals: [], qualityVisits: [], disruptionReviews: [] };
  let placementId: string | null = null;
  // An exception is used by the placement that names it, whichever was written first.
  const used = new Set<string>();
  for (const e of chronological(stream)) {
    const dated = { eventId: e.id, at: e.occurredAt, byName: e.recordedByName, data: e.data };
    const inCurrent = e.occurredAt.getTime() >= currentFrom;
    switch (e.type) {
      case 'cic.placement_started':
        placementId = text(e.data.placementId) || e.id;
        state.details.set(placementId, e.data);
        if (typeof e.data.ratingExceptionId === 'string') used.add(e.data.ratingExceptionId);
        if (typeof e.data.moveRequestId === 'string') for (const m of state.moves) if (m.eventId === e.data.moveRequestId) m.usedAt = e.occurredAt;
        break;
      case 'cic.placement_ended':
      case 'cic.ended':
        placementId = null;
        if (e.type === 'cic.ended') state.exceptions = [];
        break;
      case 'placements.rating_exception_agreed':
        state.exceptions.push({ eventId: e.id, providerId: text(e.data.providerId), at: e.occurredAt, byName: e.recordedByName, reason: text(e.data.reason) });
        break;
      case 'placements.move_requested':
        if (inCurrent) {
          state.moves.push({ eventId: e.id, at: e.occurredAt, byName: e.recordedByName, reason: text(e.data.reason), urgent: e.data.urgent === true, safeguardingReason: text(e.data.safeguardingReason) || null, authorised: null, usedAt: null });
          state.virtualSchool = null;
          state.childTold = null;
        }
        break;
      case 'placements.move_authorised': {
        const request = state.moves.find((m) => m.eventId === e.data.moveRequestId);
        if (request && !request.authorised) request.authorised = { at: e.occurredAt, byName: e.recordedByName, by: e.data.by === 'stability_panel' ? 'stability_panel' : 'head_of_service', alternatives: text(e.data.alternatives) };
        break;
      }
      case 'placements.virtual_school_consulted':
        if (inCurrent) state.virtualSchool = dated;
        break;
      case 'placements.child_told':
        if (inCurrent) state.childTold = dated;
        break;
      case 'placements.notice_to_quit_received':
        if (inCurrent) state.notices.push({ eventId: e.id, receivedAt: e.occurredAt, reason: text(e.data.reason), endsOn: text(e.data.endsOn) || null, acceptedAt: null });
        break;
      case 'placements.notice_to_quit_accepted': {
        const notice = state.notices.find((n) => n.eventId === e.data.noticeId) ?? state.notices.find((n) => !n.acceptedAt);
        if (notice && !notice.acceptedAt) notice.acceptedAt = e.occurredAt;
        break;
      }
      case 'placements.stability_meeting_held':
        state.meetings.push({ ...dated, placementId });
        break;
      case 'placements.stability_panel_referred':
        state.panelReferrals.push({ ...dated, placementId });
        break;
      case 'placements.quality_assurance_visit_made':
        state.qualityVisits.push({ ...dated, placementId });
        break;
      case 'placements.disruption_review_held':
        state.disruptionReviews.push({ ...dated, placementId: text(e.data.placementId) || null });
        break;
    }
  }
  state.exceptions = state.exceptions.filter((x) => !used.has(x.eventId));
  return state;
}

/** The move request that allows a move now: agreed, not yet used (placement-stability-guidance.txt: "A placement move can only be agreed through HARP or via the relevant Head of Service"). */
export const agreedMove = (state: PlacementsState) => state.moves.find((m) => m.authorised && !m.usedAt) ?? null;
export const pendingMove = (state: PlacementsState) => state.moves.find((m) => !m.authorised && !m.usedAt) ?? null;

/** Why the current placement may not end as the provider's notice: only a notice received and accepted (1.1, paragraph 4). */
export function endingRefusal(state: PlacementsState, ending: string): string | null {
  if (ending !== 'notice_to_quit') return null;
  return state.notices.some((n) => n.acceptedAt) ? null : 'A placement ends on a Notice to Quit only once the notice is recorded and accepted after a placement stability meeting';
}

/**
 * Why a Notice to Quit may not be accepted yet (resource-service-policy.txt 1.1, paragraph 4: "The
 * Resource Service will not accept a Notice to Quit without first holding a Placement Stability
 * Meeting to explore all options"): a meeting in this placement since any notice accepted before.
 */
export function noticeRefusal(state: PlacementsState, at: Date): string | null {
  const notice = state.notices.find((n) => !n.acceptedAt);
  if (!state.current || !notice) return 'There is no Notice to Quit waiting: record the notice received first';
  // A meeting about this notice: held in this placement after the notice came (and so after any notice accepted before).
  const since = Math.max(state.current.from.getTime(), notice.receivedAt.getTime());
  const held = state.meetings.some((m) => m.placementId === state.current!.placementId && m.at.getTime() >= since && m.at.getTime() <= at.getTime());
  return held ? null : 'A Notice to Quit cannot be accepted until a Placement Stability Meeting has been held to explore every option for keeping the placement (resource-service-policy.txt 1.1): record the meeting first';
}

/** Placements that ended unplanned and still wait for their disruption review. */
export function awaitingDisruptionReview(state: PlacementsState): Placement[] {
  const unplanned = new Set<string>(placementEndings.filter((e) => e.disruption).map((e) => e.value));
  return state.care.placements.filter((p) => p.to && p.endReason && unplanned.has(p.endReason) && !state.disruptionReviews.some((r) => r.placementId === p.placementId));
}
