import { chronological, type WorkflowEvent } from '../records/events';

/** An event as this needs it. */
export type InCareEvent = WorkflowEvent;

/**
 * The legal statuses a child is looked after under, in Hearth's own words: the worker chooses the
 * order or section, never a DfE code (the SSDA903 codes are what they are stored as).
 */
export const legalStatusChoices = [
  { value: 'V2', text: 'Accommodated under section 20, with parental consent' },
  { value: 'V3', text: 'Section 20 short breaks: a series of planned short breaks' },
  { value: 'V4', text: 'Section 20 short breaks: other' },
  { value: 'L1', text: 'Police protection' },
  { value: 'L2', text: 'Emergency protection order' },
  { value: 'L3', text: 'Child assessment order with accommodation' },
  { value: 'C1', text: 'Interim care order' },
  { value: 'C2', text: 'Care order' },
  { value: 'E1', text: 'Placement order' },
  { value: 'J1', text: 'Remanded to local authority accommodation' },
  { value: 'J2', text: 'Placed in local authority accommodation under PACE' },
  { value: 'J3', text: 'Youth rehabilitation order with a residence requirement' },
] as const;

/** Section 20: accommodated with the consent of a parent with parental responsibility (Children in Care 19). */
export const section20 = new Set(['V2', 'V3', 'V4']);

/** Why a child stops being looked after, in the worker's words. */
export const careEndings = [
  { value: 'home', text: 'Returned home to parents or family' },
  { value: 'special_guardianship', text: 'Special guardianship order' },
  { value: 'child_arrangements', text: 'Child arrangements order' },
  { value: 'adopted', text: 'Adopted' },
  { value: 'eighteen', text: 'Turned 18' },
  { value: 'independent_living', text: 'Moved to independent living' },
  { value: 'other_authority', text: 'Looked after by another authority' },
  { value: 'died', text: 'Died' },
  { value: 'other', text: 'Another reason' },
] as const;

export interface LegalStatusPeriod {
  eventId: string;
  status: string;
  from: Date;
  to: Date | null;
  consent: { parent: string; signedOn: string } | null;
}

export interface Placement {
  eventId: string;
  /** The placement's own id (`data.placementId`, which new placements carry), else the event's: care packages, visits and requests refer to it. */
  placementId: string;
  /** The provider it was commissioned from (`data.providerId`), when there is one (src/modules/providers/). */
  providerId: string | null;
  setting: string;
  carer: string;
  from: Date;
  to: Date | null;
  endReason: string | null;
}

export interface InCareState {
  inCare: boolean;
  startedAt: Date | null;
  reason: string | null;
  statuses: LegalStatusPeriod[];
  placements: Placement[];
  iro: { name: string; at: Date } | null;
  /** When each step of coming into care was done, by event type, in the current period. */
  done: Map<string, Date>;
  informationGiven: { advocacy: boolean; independentVisitor: boolean; complaints: boolean };
  ended: { at: Date; reason: string } | null;
  /** With a temporary carer or at home under an interim care order (Children in Care 33); at a residential school as well (38). */
  interim: boolean;
  residentialSchool: boolean;
  /** The end of the period before this one, for a return to care. */
  previousEnd: Date | null;
}

const emptyState = (): InCareState => ({
  inCare: false,
  startedAt: null,
  reason: null,
  statuses: [],
  placements: [],
  iro: null,
  done: new Map(),
  informationGiven: { advocacy: false, independentVisitor: false, complaints: false },
  ended: null,
  interim: false,
  residentialSchool: false,
  previousEnd: null,
});

const consentOf = (data: Record<string, unknown>) => {
  const c = data.consent as Record<string, unknown> | undefined;
  return c && typeof c === 'object' ? { parent: String(c.parent ?? ''), signedOn: String(c.signedOn ?? '') } : null;
};

/** The steps of coming into care a page records once each in a period (Children in Care 18-23; Reviews for Children in Care). */
export const arrivalSteps = ['cic.notification_sent', 'cic.placement_arrangements_form_completed', 'cic.placement_planning_meeting_held', 'cic.care_plan_completed', 'cic.pep_meeting_held', 'cic.health_assessment_completed'] as const;

/**
 * The child's current period of care, or the last one (practice-standards.txt, Section 3: Children
 * in Care 17-23): the legal statuses it has been under, its placements, the IRO, the steps of coming
 * into care, and how it ended.
 */
export function inCareOf(stream: readonly InCareEvent[]): InCareState {
  let state = emptyState();
  for (const e of chronological(stream)) {
    if (e.type === 'cic.started') {
      state = { ...emptyState(), previousEnd: state.ended?.at ?? state.previousEnd, inCare: true, startedAt: e.occurredAt, reason: typeof e.data.reason === 'string' ? e.data.reason : null };
      state.statuses.push({ eventId: e.id, status: String(e.data.legalStatus ?? ''), from: e.occurredAt, to: null, consent: consentOf(e.data) });
      continue;
    }
    if (!state.inCare) continue;
    const current = state.statuses.at(-1);
    const placement = state.placements.at(-1);
    if (e.type === 'cic.legal_status_changed') {
      if (current) current.to = e.occurredAt;
      state.statuses.push({ eventId: e.id, status: String(e.data.legalStatus ?? ''), from: e.occurredAt, to: null, consent: consentOf(e.data) });
    } else if (e.type === 'cic.placement_started') {
      if (placement && !placement.to) placement.to = e.occurredAt;
      // Each placement has its own placement planning meeting (Children in Care 21).
      state.done.delete('cic.placement_planning_meeting_held');
      state.placements.push({ eventId: e.id, placementId: typeof e.data.placementId === 'string' ? e.data.placementId : e.id, providerId: typeof e.data.providerId === 'string' ? e.data.providerId : null, setting: String(e.data.setting ?? ''), carer: String(e.data.carer ?? ''), from: e.occurredAt, to: null, endReason: null });
      // A temporary placement ends with the placement it was (the interim-placement episode's ends).
      if (placement) state.interim = false;
    } else if (e.type === 'cic.placement_ended' && placement && !placement.to) {
      placement.to = e.occurredAt;
      placement.endReason = typeof e.data.reason === 'string' ? e.data.reason : null;
    } else if (e.type === 'cic.interim_placement_started' || e.type === 'cic.interim_placement_ended') {
      state.interim = e.type === 'cic.interim_placement_started';
    } else if (e.type === 'cic.residential_school_started' || e.type === 'cic.residential_school_ended') {
      state.residentialSchool = e.type === 'cic.residential_school_started';
    } else if (e.type === 'cic.iro_appointed') {
      state.iro = { name: String(e.data.iro ?? e.recordedByName ?? ''), at: e.occurredAt };
    } else if (e.type === 'cic.information_given') {
      state.informationGiven = {
        advocacy: state.informationGiven.advocacy || e.data.advocacy === true,
        independentVisitor: state.informationGiven.independentVisitor || e.data.independentVisitor === true,
        complaints: state.informationGiven.complaints || e.data.complaints === true,
      };
    } else if ((arrivalSteps as readonly string[]).includes(e.type) && !state.done.has(e.type)) {
      state.done.set(e.type, e.occurredAt);
    } else if (e.type === 'cic.ended') {
      if (current) current.to = e.occurredAt;
      if (placement && !placement.to) placement.to = e.occurredAt;
      state.inCare = false;
      state.ended = { at: e.occurredAt, reason: String(e.data.reason ?? '') };
    }
  }
  return state;
}

/**
 * Legal status dates neither overlap nor leave gaps (the "Bad input and safety"): a status
 * begins where the last one ended, so a change dated before the current status began, or a return
 * to care dated inside the last period, is refused; a return to care after a gap needs the reason
 * for the gap. Why this change may not be recorded, or null.
 */
export function legalStatusRefusal(state: InCareState, change: { kind: 'start' | 'change'; status: string; at: Date; gapReason: string | null }): { field: string; message: string } | null {
  if (change.kind === 'start') {
    if (state.inCare) return { field: 'legalStatus', message: 'The child is already looked after: record a change of legal status instead' };
    const lastEnd = state.ended?.at ?? null;
    if (lastEnd && change.at.getTime() < lastEnd.getTime()) return { field: 'occurredOn', message: 'This overlaps the last period of care, which ended later: check the date' };
    if (lastEnd && !change.gapReason) return { field: 'gapReason', message: 'The child was looked after before: say where they were and why they come back into care' };
    return null;
  }
  const current = state.statuses.at(-1);
  if (!state.inCare || !current) return { field: 'legalStatus', message: 'The child is not looked after: record them becoming looked after first' };
  if (change.at.getTime() <= current.from.getTime()) return { field: 'occurredOn', message: 'A new legal status starts after the current one began: a change dated before it would overlap it. Check the date' };
  if (change.status === current.status) return { field: 'legalStatus', message: 'That is the current legal status: choose the new one' };
  return null;
}

/** The earliest a period of care may end: after its last legal status or placement began (ending care, and the adoption order that ends it). */
export function careEndNotBefore(care: InCareState): Date | null {
  if (!care.startedAt) return null;
  const latest = Math.max(care.startedAt.getTime(), ...care.statuses.map((s) => s.from.getTime()), ...care.placements.map((p) => p.from.getTime()));
  return new Date(latest + 1);
}
