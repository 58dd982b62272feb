import { chronological, type WorkflowEvent } from '../records/events';
import type { AssessmentContent, AssessmentOutcome } from './signsOfSafety';

/** An event as this needs it: what, when, who, and its data. (who recorded it, always). */
export type AssessmentEvent = WorkflowEvent & { recordedBy: string | null };

export type AssessmentStage = 'in_progress' | 'submitted' | 'returned' | 'completed';

export interface AssessmentState {
  /** The id of the `assessment.allocated` event that started it. */
  id: string;
  allocatedAt: Date;
  stage: AssessmentStage;
  /** The latest submission for sign-off, with who sent it (a manager may not sign off their own). */
  submission: { eventId: string; at: Date; by: string | null; byName: string | null; content: AssessmentContent } | null;
  returned: { at: Date; byName: string | null; reason: string } | null;
  /** The sign-off, with what the CIN census needs of it (issue 10); history imported without them has null and []. */
  completed: { at: Date; byName: string | null; outcome: AssessmentOutcome; comment: string; primaryNeed: string | null; factors: string[] } | null;
  /** The latest request to extend it beyond 25 days (Child and Family Assessment 7), with the team manager's decision once made. */
  extension: ExtensionRequest | null;
  /** Steps recorded, by event type, with when (the 48-hour review, the child seen, agency checks…). */
  steps: Map<string, Date>;
}

export interface ExtensionRequest {
  eventId: string;
  at: Date;
  by: string | null;
  byName: string | null;
  reason: string;
  decision: { agreed: boolean; at: Date; byName: string | null; reason: string } | null;
}

const ofAssessment = (event: AssessmentEvent, id: string) => event.data.assessmentId === undefined || event.data.assessmentId === id;

/**
 * The child's latest Child and Family Assessment, from their events oldest first: from its
 * allocation, through submissions for sign-off and returns, to the manager's sign-off
 * (practice-standards.txt, Section 2: Child and Family Assessment 1-8). Null when there is none.
 */
export function latestAssessment(stream: readonly AssessmentEvent[]): AssessmentState | null {
  let state: AssessmentState | null = null;
  for (const event of chronological(stream)) {
    if (event.type === 'assessment.allocated') {
      state = { id: event.id, allocatedAt: event.occurredAt, stage: 'in_progress', submission: null, returned: null, completed: null, extension: null, steps: new Map() };
      continue;
    }
    if (!state || !event.type.startsWith('assessment.') || !ofAssessment(event, state.id)) continue;
    switch (event.type) {
      case 'assessment.submitted':
        state.stage = 'submitted';
        state.submission = { eventId: event.id, at: event.occurredAt, by: event.recordedBy, byName: event.recordedByName, content: event.data.content as AssessmentContent };
        break;
      case 'assessment.returned':
        state.stage = 'returned';
        state.returned = { at: event.occurredAt, byName: event.recordedByName, reason: String(event.data.reason ?? '') };
        break;
      case 'assessment.completed':
        state.stage = 'completed';
        state.completed = {
          at: event.occurredAt,
          byName: event.recordedByName,
          outcome: event.data.outcome as AssessmentOutcome,
          comment: String(event.data.comment ?? ''),
          primaryNeed: typeof event.data.primaryNeed === 'string' ? event.data.primaryNeed : null,
          factors: Array.isArray(event.data.factors) ? event.data.factors.map(String) : [],
        };
        break;
      case 'assessment.extension_requested':
        state.extension = { eventId: event.id, at: event.occurredAt, by: event.recordedBy, byName: event.recordedByName, reason: String(event.data.reason ?? ''), decision: null };
        break;
      case 'assessment.extension_agreed':
      case 'assessment.extension_refused':
        if (state.extension) state.extension.decision = { agreed: event.type === 'assessment.extension_agreed', at: event.occurredAt, byName: event.recordedByName, reason: String(event.data.reason ?? '') };
        break;
      default:
        if (!state.steps.has(event.type)) state.steps.set(event.type, event.occurredAt);
    }
  }
  return state;
}

/**
 * Why this person may not sign off the assessment, or null if they may: it must be waiting for
 * sign-off, and "A manager cannot sign off their own work" (issue 4).
 */
export function signOffRefusal(state: AssessmentState | null, userId: string): string | null {
  if (!state || state.stage === 'in_progress' || state.stage === 'returned' || !state.submission) return 'The assessment has not been sent for sign-off';
  if (state.stage === 'completed') return 'The assessment has already been signed off';
  if (state.submission.by === userId) return 'You sent this assessment for sign-off: another manager must sign it off';
  return null;
}

/**
 * Why an extension may not be asked for now, or null if it may: the assessment is open, and no
 * earlier request is still waiting or was agreed (one agreed extension takes it to the 45 working
 * day limit, which no decision moves: Child and Family Assessment 1 and 7).
 */
export function extensionRequestRefusal(state: AssessmentState | null): string | null {
  if (!state || state.stage === 'completed') return 'There is no Child and Family Assessment in progress to extend';
  if (state.extension && !state.extension.decision) return 'An extension has already been asked for and is waiting for the team manager';
  if (state.extension?.decision?.agreed) return 'An extension has already been agreed: the assessment must be completed within 45 working days of the contact';
  return null;
}

/** Why this person may not decide the extension request, or null if they may: one must be waiting, and not their own. */
export function extensionDecisionRefusal(state: AssessmentState | null, userId: string): string | null {
  if (!state || state.stage === 'completed' || !state.extension || state.extension.decision) return 'No extension request is waiting for a decision';
  if (state.extension.by === userId) return 'You asked for this extension: another manager must decide it';
  return null;
}

/**
 * What a manager's sign-off with this outcome also records, so the next piece of work's clocks
 * start by themselves:
 * - step down: the step down agreed during the assessment (practice-standards.txt, Section 2: Step
 *   down from DTA to Early Help 1, "The decision will be recorded by the Social Work Manager"), which
 *   opens the consent, transfer meeting and joint meeting standards when the assessment completes;
 * - close: the management decision to close (Case closures and step-down 2, "The manager is
 *   responsible for signing off any decision to close … updating assessment");
 * - strategy discussion: the decision to hold one (Strategy Discussions 1).
 * A child in need plan or care begins at its own meeting or in court, recorded then.
 */
export function outcomeFollowOn(outcome: AssessmentOutcome): { before: { type: string; data: Record<string, unknown> }[]; after: { type: string; data: Record<string, unknown> }[] } {
  switch (outcome) {
    case 'step_down':
      return { before: [{ type: 'step_down.agreed', data: {} }], after: [] };
    case 'close':
      return { before: [], after: [{ type: 'closure.decided', data: { outcome: 'close' } }] };
    case 'strategy_discussion':
      return { before: [], after: [{ type: 'strategy.discussion_decided', data: {} }] };
    default:
      return { before: [], after: [] };
  }
}
