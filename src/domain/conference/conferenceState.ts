import { chronological, type WorkflowEvent } from '../records/events';
/** An event as this needs it. */
export type ConferenceEvent = WorkflowEvent;

/** How children and parents took part, for the chair's quality audit (Child Protection Conferences 27). */
export const participationLevels = [
  { value: 'attended', text: 'Attended and took part' },
  { value: 'views_shared', text: 'Did not attend; views shared' },
  { value: 'none', text: 'Did not take part' },
  { value: 'not_applicable', text: 'Not applicable' },
] as const;

export const abuseCategories = [
  { value: 'neglect', text: 'Neglect' },
  { value: 'physical', text: 'Physical abuse' },
  { value: 'sexual', text: 'Sexual abuse' },
  { value: 'emotional', text: 'Emotional abuse' },
  { value: 'multiple', text: 'Multiple' },
] as const;

/** The agencies whose attendance makes a conference quorate (practice-standards.txt, Section 4: Child Protection Conferences). */
export const conferenceAgencies = [
  { value: 'social_care', text: "Children's social care" },
  { value: 'police', text: 'Police' },
  { value: 'health', text: 'Health' },
  { value: 'education', text: 'Education' },
  { value: 'probation', text: 'Probation' },
  { value: 'housing', text: 'Housing' },
  { value: 'other', text: 'Another agency' },
] as const;

/**
 * Quorate: "children's social care and at least two other agencies" (the reading of
 * Working Together, which the conference standards assume); otherwise the chair may still decide
 * to proceed, with the reason recorded.
 */
export function isQuorate(agencies: readonly string[]): boolean {
  return agencies.includes('social_care') && agencies.filter((a) => a !== 'social_care').length >= 2;
}

export interface ConferenceRecord {
  at: Date;
  kind: 'initial' | 'review';
  planMade: boolean | null;
  planContinues: boolean | null;
  category: string | null;
  leadSocialWorker: string | null;
  coreGroup: string | null;
  agencies: string[];
  quorate: boolean | null;
  proceedReason: string | null;
  dissent: string | null;
  chair: string | null;
  /** Who chaired it, when recorded in Hearth (an imported conference may not say). */
  chairId: string | null;
}

/**
 * The child's child protection plan and conferences, from their events oldest first: whether they
 * are on a plan (from an initial conference that made one, until a review ended it), the latest
 * conference, and the preparation recorded since it for the next one.
 */
export interface ConferenceState {
  onPlan: boolean;
  planSince: Date | null;
  category: string | null;
  last: ConferenceRecord | null;
  /** Since the last conference: what has been done for the next one. */
  preparation: Map<string, Date>;
  /** After the last conference: what has followed it. */
  followUp: Map<string, Date>;
}

const preparationTypes = ['cp.conference_setup_submitted', 'cp.conference_invites_sent', 'cp.conference_report_submitted', 'cp.conference_report_shared', 'cp.chair_discussed_with_social_worker'];
const followUpTypes = ['cp.decision_circulated', 'cp.conference_minutes_sent', 'cp.chair_checklist_completed'];

const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);

export function conferenceState(stream: readonly ConferenceEvent[]): ConferenceState {
  const state: ConferenceState = { onPlan: false, planSince: null, category: null, last: null, preparation: new Map(), followUp: new Map() };
  for (const e of chronological(stream)) {
    if (e.type === 'cp.conference_held') {
      const kind = e.data.kind === 'review' ? 'review' : 'initial';
      state.last = {
        at: e.occurredAt,
        kind,
        planMade: bool(e.data.planMade),
        planContinues: bool(e.data.planContinues),
        category: text(e.data.category),
        leadSocialWorker: text(e.data.leadSocialWorker),
        coreGroup: text(e.data.coreGroup),
        agencies: Array.isArray(e.data.agencies) ? e.data.agencies.map(String) : [],
        quorate: bool(e.data.quorate),
        proceedReason: text(e.data.proceedReason),
        dissent: text(e.data.dissent),
        chair: e.recordedByName,
        chairId: text(e.data.chairId),
      };
      if (kind === 'initial' && e.data.planMade === true) {
        state.onPlan = true;
        state.planSince = e.occurredAt;
      }
      if (state.onPlan && text(e.data.category)) state.category = text(e.data.category);
      state.preparation = new Map();
      state.followUp = new Map();
    } else if (e.type === 'cp.plan_ended') {
      state.onPlan = false;
    } else if (preparationTypes.includes(e.type)) {
      if (!state.preparation.has(e.type)) state.preparation.set(e.type, e.occurredAt);
    } else if (followUpTypes.includes(e.type) && state.last) {
      if (!state.followUp.has(e.type)) state.followUp.set(e.type, e.occurredAt);
    }
  }
  if (!state.onPlan) state.category = null;
  return state;
}

/** The next conference is a review while the child is on a plan, an initial conference otherwise. */
export const nextKind = (state: ConferenceState): 'initial' | 'review' => (state.onPlan ? 'review' : 'initial');
