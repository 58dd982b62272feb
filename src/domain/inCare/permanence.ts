import { chronological, type WorkflowEvent } from '../records/events';

/** The permanence options (practice-standards.txt, Section 3: Permanency Planning Meetings 2). */
export const permanenceOptions = [
  { value: 'return_home', text: 'Return home' },
  { value: 'connected_person', text: 'Placed with a relative or other connected person' },
  { value: 'adoption', text: 'Placed for adoption' },
  { value: 'residential', text: 'Placement in residential care' },
  { value: 'long_term_fostering', text: 'Long-term fostering' },
  { value: 'independence', text: 'Planning for independence (over 15½, the pathway plan as the permanence plan)' },
] as const;

/** Why a PPM was called (Permanency Planning Meetings 3-5). */
export const ppmReasons = [
  { value: 'need_from_onset', text: 'A permanent placement likely needed from the start (before the second review)' },
  { value: 'three_monthly', text: 'The 3-monthly PPM until permanence is achieved' },
  { value: 'emergency', text: 'Looked after in an emergency (within 2 weeks)' },
  { value: 'no_reunification', text: 'No prospect of reunification after the first review (within 2 weeks)' },
  { value: 'care_plan_failing', text: 'The care plan objectives are not being achieved' },
  { value: 'drift', text: 'Drift, especially under section 20' },
  { value: 'long_term_fostering', text: 'Long-term fostering being considered' },
  { value: 'stability_risk', text: 'Risks to the stability of a permanent placement' },
  { value: 'order_considered', text: 'Adoption, special guardianship or a child arrangements order considered' },
  { value: 'placement_order_not_placed', text: 'A placement order made and adoption may not be viable' },
  { value: 'leaving_care', text: 'Due to leave care, before the final review' },
] as const;

/** Who is invited (Permanency Planning Meetings 6). */
export const ppmInvitees = [
  { value: 'social_worker', text: 'Allocated social worker and team manager' },
  { value: 'here4you', text: 'Here4you team manager' },
  { value: 'iro', text: 'Independent reviewing officer' },
  { value: 'family_placement', text: 'Family placement social worker and team manager' },
  { value: 'adopt_thames_valley', text: 'Adopt Thames Valley (adoption an option and the child under 8)' },
  { value: 'carers', text: 'The current carers' },
  { value: 'advocate', text: "Children's advocate" },
] as const;

export interface PermanenceMeeting {
  at: Date;
  chair: string;
  reason: string;
  option: string;
  attended: string[];
  decisions: string;
}

export interface PermanenceState {
  inCare: boolean;
  planning: boolean;
  planningSince: Date | null;
  meetings: PermanenceMeeting[];
  plan: { option: string; at: Date } | null;
  achieved: { at: Date; summary: string } | null;
}

/**
 * The permanence planning of the current period of care (Permanency Planning Meetings 1-9): whether
 * planning is open (from the need being seen or reunification ruled out, until permanence is
 * achieved), the PPMs with the option each chose, the permanence plan, and when it was achieved.
 */
export function permanenceOf(stream: readonly WorkflowEvent[]): PermanenceState {
  let state: PermanenceState = blank();
  for (const e of chronological(stream)) {
    if (e.type === 'cic.started') state = { ...blank(), inCare: true };
    else if (!state.inCare) continue;
    else if (e.type === 'cic.ended') {
      state.inCare = false;
      state.planning = false;
    } else if ((e.type === 'cic.permanence_need_identified' || e.type === 'cic.reunification_ruled_out') && !state.planning) {
      state.planning = true;
      state.planningSince = e.occurredAt;
      state.achieved = null;
    } else if (e.type === 'ppm.held') {
      state.meetings.push({
        at: e.occurredAt,
        chair: String(e.data.chair ?? e.recordedByName ?? ''),
        reason: String(e.data.reason ?? ''),
        option: String(e.data.option ?? ''),
        attended: Array.isArray(e.data.attended) ? e.data.attended.map(String) : [],
        decisions: String(e.data.summary ?? ''),
      });
    } else if (e.type === 'cic.permanency_plan_established') {
      state.plan = { option: String(e.data.option ?? ''), at: e.occurredAt };
    } else if (e.type === 'cic.permanence_achieved' && state.planning) {
      state.planning = false;
      state.achieved = { at: e.occurredAt, summary: String(e.data.summary ?? '') };
    }
  }
  return state;
}

function blank(): PermanenceState {
  return { inCare: false, planning: false, planningSince: null, meetings: [], plan: null, achieved: null };
}

/** Planning for independence is an option only over 15½ (Permanency Planning Meetings 2): why this option may not be chosen, or null. */
export function optionRefusal(option: string, ageInMonths: number | null): string | null {
  if (option === 'independence' && (ageInMonths === null || ageInMonths < 186)) return 'Planning for independence is an option for young people over 15½';
  return null;
}
