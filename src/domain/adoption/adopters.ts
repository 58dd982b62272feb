import { londonDate } from '../calendar/localDate';
import type { WorkflowEvent } from '../records/events';

/**
 * Prospective adopters, on the first applicant's record (issue 11; specialist-service-statement.txt
 * 7.4.2: the Family Placement Team assesses prospective adopters and presents the completed
 * assessment to the Adoption and Permanence Panel; 7.4.3: the team manager allocates the assessment
 * and signs it off before panel), and the post-adoption work the team is asked for (7.4.2: pre and
 * post adoption support; section 51 counselling for adults who were adopted; 7.4.3: the team
 * manager allocates both).
 */
export type AdopterStage = 'assessment' | 'assessed' | 'at_panel' | 'approved' | 'not_approved' | 'withdrawn';

export const adopterStageLabels: Record<AdopterStage, string> = {
  assessment: 'Being assessed',
  assessed: 'Assessment completed: awaiting panel',
  at_panel: "Panel's recommendation made: awaiting the ADM",
  approved: 'Approved as adopters',
  not_approved: 'Not approved',
  withdrawn: 'Withdrawn',
};

export interface AdopterJourney {
  registered: { at: Date; household: string; secondApplicant: string | null; children: string; assessingWorker: string | null } | null;
  assessment: { at: Date; summary: string; signedOffBy: string | null } | null;
  panel: { at: Date; panelOn: string; recommended: boolean; summary: string } | null;
  decision: { at: Date; decisionOn: string; approved: boolean; by: string | null; summary: string } | null;
  withdrawn: { at: Date; summary: string } | null;
  stage: AdopterStage | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function adopterJourneyOf(stream: readonly WorkflowEvent[]): AdopterJourney {
  const j: AdopterJourney = { registered: null, assessment: null, panel: null, decision: null, withdrawn: null, stage: null };
  for (const e of [...stream].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())) {
    switch (e.type) {
      case 'adoption.adopter_registered':
        // A new registration (after a withdrawal or a refusal) starts again.
        Object.assign(j, { assessment: null, panel: null, decision: null, withdrawn: null });
        j.registered = { at: e.occurredAt, household: str(e.data.household), secondApplicant: str(e.data.secondApplicant) || null, children: str(e.data.children), assessingWorker: str(e.data.assessingWorker) || null };
        break;
      case 'adoption.adopter_assessment_completed':
        j.assessment = { at: e.occurredAt, summary: str(e.data.summary), signedOffBy: e.recordedByName };
        break;
      case 'adoption.adopter_panel_recommended':
        j.panel = { at: e.occurredAt, panelOn: str(e.data.panelOn) || londonDate(e.occurredAt), recommended: e.data.recommendation === 'recommended', summary: str(e.data.summary) };
        j.decision = null;
        break;
      case 'adoption.adopter_decided':
        j.decision = { at: e.occurredAt, decisionOn: str(e.data.decisionOn) || londonDate(e.occurredAt), approved: e.data.decision === 'agreed', by: e.recordedByName, summary: str(e.data.summary) };
        break;
      case 'adoption.adopter_withdrawn':
        j.withdrawn = { at: e.occurredAt, summary: str(e.data.summary) };
        break;
    }
  }
  if (j.registered) {
    j.stage = j.withdrawn ? 'withdrawn' : j.decision ? (j.decision.approved ? 'approved' : 'not_approved') : j.panel ? 'at_panel' : j.assessment ? 'assessed' : 'assessment';
  }
  return j;
}

/** Approved adopters who may be matched with a child (approved and not withdrawn since). */
export const isApprovedAdopter = (j: AdopterJourney) => j.stage === 'approved';

/** Why a step of the adopters' assessment cannot be recorded now, or null. */
export function adopterStepRefusal(j: AdopterJourney, step: 'register' | 'assessment' | 'panel' | 'decision' | 'withdraw'): string | null {
  const open = j.registered && j.stage !== 'withdrawn' && j.stage !== 'not_approved';
  switch (step) {
    case 'register':
      return open ? 'These applicants are already registered as prospective adopters' : null;
    case 'assessment':
      if (!open) return 'Register the applicants as prospective adopters first';
      return j.assessment ? 'The assessment is already recorded as completed' : null;
    case 'panel':
      if (!open) return 'Register the applicants as prospective adopters first';
      if (!j.assessment) return 'The adoption panel considers a completed assessment: record the completed assessment, signed off by the team manager, first';
      return j.decision ? "The agency decision maker's decision is already recorded" : null;
    case 'decision':
      if (!open) return 'Register the applicants as prospective adopters first';
      if (!j.panel) return "Adopters cannot be approved without the adoption panel's recommendation: record the panel's recommendation first";
      return j.decision ? "The agency decision maker's decision is already recorded" : null;
    case 'withdraw':
      return open ? null : 'There is no open registration to end';
  }
}

/** A post-adoption support request, or a section 51 counselling request: requested, allocated, closed. */
export interface SupportRequest {
  id: string;
  kind: 'support' | 's51';
  at: Date;
  from: string;
  needs: string[];
  summary: string;
  allocated: { at: Date; worker: string } | null;
  closed: { at: Date; outcome: string; summary: string } | null;
}

export const supportNeeds = [
  { value: 'assessment', text: 'An assessment of adoption support needs' },
  { value: 'therapeutic', text: 'Therapeutic support (Adoption Support Fund)' },
  { value: 'contact', text: 'Help with letterbox or direct contact with birth relatives' },
  { value: 'financial', text: 'Financial support' },
  { value: 'education', text: 'Help with education or school' },
  { value: 'advice', text: 'Advice, training or a support group' },
] as const;

export const supportOutcomes = [
  { value: 'support_plan', text: 'Assessed: a support plan agreed' },
  { value: 'advice_given', text: 'Advice or information given' },
  { value: 'signposted', text: 'Signposted to another service' },
  { value: 'no_support', text: 'Assessed: no support needed' },
  { value: 'withdrawn', text: 'Withdrawn by the family' },
] as const;

export const s51Outcomes = [
  { value: 'counselled_records_shared', text: 'Counselled, and the birth records information given' },
  { value: 'counselled', text: 'Counselled: no further information wanted' },
  { value: 'referred', text: 'Referred to the agency that arranged the adoption' },
  { value: 'withdrawn', text: 'Withdrawn by the person adopted' },
] as const;

const types = {
  support: { requested: 'adoption.support_requested', allocated: 'adoption.support_allocated', closed: 'adoption.support_closed' },
  s51: { requested: 'adoption.s51_requested', allocated: 'adoption.s51_allocated', closed: 'adoption.s51_completed' },
} as const;

export function supportRequestsOf(stream: readonly WorkflowEvent[]): SupportRequest[] {
  const requests: SupportRequest[] = [];
  for (const e of [...stream].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())) {
    for (const kind of ['support', 's51'] as const) {
      const t = types[kind];
      if (e.type === t.requested) {
        requests.push({ id: e.id, kind, at: e.occurredAt, from: str(e.data.from), needs: Array.isArray(e.data.needs) ? e.data.needs.map(String) : [], summary: str(e.data.summary), allocated: null, closed: null });
      } else if (e.type === t.allocated || e.type === t.closed) {
        const request = requests.find((r) => r.id === e.data.requestId && r.kind === kind);
        if (!request) continue;
        if (e.type === t.allocated) request.allocated = { at: e.occurredAt, worker: str(e.data.worker) };
        else request.closed = { at: e.occurredAt, outcome: str(e.data.outcome), summary: str(e.data.summary) };
      }
    }
  }
  return requests;
}

export const supportTypes = types;

/** Why a request cannot be allocated or closed, or null: the team manager allocates it (7.4.3), then it is answered. */
export function supportStepRefusal(request: SupportRequest | undefined, step: 'allocate' | 'close'): string | null {
  if (!request) return 'Select an open request';
  if (request.closed) return 'That request is already closed';
  if (step === 'allocate') return request.allocated ? 'That request is already allocated' : null;
  return request.allocated ? null : 'Allocate the request to a worker before recording its outcome';
}
