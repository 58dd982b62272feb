import { chronological } from '../records/events';
/** An event as this needs it. */
export interface ClosureEvent {
  id: string;
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

export type ClosureOutcome = 'close' | 'step_down';

export interface LettersSent {
  at: Date;
  /** Who was written to: their records, and what they are to the child (names are read from the records when shown). */
  recipients: { personId: string; relationship: string }[];
  method: string;
}

/**
 * A child's latest case closure or step-down (practice-standards.txt, Section 2: Case closures
 * and step-down from long-term teams following a CIN plan, 1-11): the manager's decision, the
 * workflow triggered from it, copied to siblings, the letters and the closure itself.
 */
export interface ClosureState {
  decidedAt: Date;
  outcome: ClosureOutcome;
  workflow: { eventId: string; at: Date } | null;
  /** Copied to these siblings from this record (paragraph 9). */
  copiedTo: string[];
  /** Or copied to this record from a sibling's. */
  copiedFrom: string | null;
  letters: LettersSent[];
  completedAt: Date | null;
  /** Why it closed (closure.completed data.closureReason, a cinWords closureReasons value: issue 10); null for history without it. */
  closureReason: string | null;
}

const outcomeOf = (value: unknown): ClosureOutcome => (value === 'step_down' ? 'step_down' : 'close');

/** The latest closure, from the child's events oldest first; a decision after a completed closure starts a new one. Null when there is none. */
export function latestClosure(stream: readonly ClosureEvent[]): ClosureState | null {
  let state: ClosureState | null = null;
  for (const event of chronological(stream)) {
    if (!event.type.startsWith('closure.')) continue;
    if (event.type === 'closure.decided') {
      if (!state || state.completedAt) state = { decidedAt: event.occurredAt, outcome: outcomeOf(event.data.outcome), workflow: null, copiedTo: [], copiedFrom: null, letters: [], completedAt: null, closureReason: null };
      continue;
    }
    if (!state) continue;
    switch (event.type) {
      case 'closure.workflow_started':
        state.workflow = { eventId: event.id, at: event.occurredAt };
        state.outcome = outcomeOf(event.data.outcome ?? state.outcome);
        if (typeof event.data.copiedFrom === 'string') state.copiedFrom = event.data.copiedFrom;
        break;
      case 'closure.copied_to_siblings':
        if (Array.isArray(event.data.siblingIds)) state.copiedTo = [...state.copiedTo, ...event.data.siblingIds.map(String)];
        break;
      case 'closure.letters_sent':
        state.letters.push({ at: event.occurredAt, recipients: Array.isArray(event.data.recipients) ? (event.data.recipients as LettersSent['recipients']) : [], method: String(event.data.method ?? '') });
        break;
      case 'closure.completed':
        state.completedAt = event.occurredAt;
        state.closureReason = typeof event.data.closureReason === 'string' ? event.data.closureReason : null;
        break;
    }
  }
  return state;
}

/**
 * Why the workflow cannot be copied to siblings now, or null: it must have been triggered on this
 * record (not itself a copy) and the case not yet closed (Case closures 9: "Any Case Closure
 * workflows that are triggered will be copied to all siblings by the Manager within 1 working day").
 */
export function copyRefusal(state: ClosureState | null): string | null {
  if (!state?.workflow) return 'Trigger the case closure workflow first: it is the workflow that is copied to the siblings';
  if (state.completedAt) return 'The case is already closed';
  if (state.copiedFrom) return "This workflow was copied from a sibling's: copy it from theirs";
  return null;
}

/** Why a closure letter cannot be written yet, or null: there must be a decision to close or step down to tell people about. */
export function letterRefusal(state: ClosureState | null): string | null {
  return state ? null : 'There is no decision to close the case or step it down: record the decision first';
}

/**
 * Why closure letters cannot be recorded as sent, or null: "Following a case closure, a letter
 * will be sent to the parents and any professionals involved with the case informing them of the
 * decision within 1 working day" (Case closures 10), so the case must have closed.
 */
export function lettersRefusal(state: ClosureState | null): string | null {
  if (!state) return letterRefusal(state);
  return state.completedAt ? null : 'Record that the case has closed first: the letters follow the closure';
}

/** A sibling who already has a closure in progress (open, with its workflow) does not need it copied again. */
export function hasOpenWorkflow(state: ClosureState | null): boolean {
  return Boolean(state?.workflow && !state.completedAt);
}

/** The events that copy a triggered workflow to a sibling: the decision (when they have none open), the workflow itself, and that it was copied across the family. */
export function copiedWorkflowEvents(
  sibling: ClosureState | null,
  from: { personId: string; outcome: ClosureOutcome; decidedAt: Date; triggeredAt: Date },
  now: Date,
): { type: string; occurredAt: Date; data: Record<string, unknown> }[] {
  const open = sibling && !sibling.completedAt;
  return [
    // The family's decision and workflow are dated when they were taken and triggered, not when copied:
    // their clocks (and the letters) say so; the copy itself has its own day (Case closures 9).
    ...(open ? [] : [{ type: 'closure.decided', occurredAt: from.decidedAt, data: { outcome: from.outcome, copiedFrom: from.personId } }]),
    { type: 'closure.workflow_started', occurredAt: from.triggeredAt, data: { outcome: from.outcome, copiedFrom: from.personId, copiedAt: now.toISOString() } },
    // The sibling's own copy obligation is met: the workflow is the family's, copied to each of them.
    { type: 'closure.copied_to_siblings', occurredAt: now, data: { copiedFrom: from.personId } },
  ];
}
