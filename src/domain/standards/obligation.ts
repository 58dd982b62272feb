/**
 * One child's instance of a rule (GLOSSARY: obligation). What the events say is stored:
 * `open`, `met`, `metLate`, `cancelled`, or `missed` (its episode ended after it fell due and
 * it was never done). Whether an open one is due or overdue depends on when you look.
 */
export type Outcome = 'open' | 'met' | 'met_late' | 'cancelled' | 'missed';
export type ObligationState = 'due' | 'overdue' | 'met' | 'met_late' | 'cancelled';

export interface Obligation {
  ruleId: string;
  ruleVersion: number;
  personId: string;
  /** The event that started the clock, and which time round this is for a recurring rule. */
  startEventId: string;
  cycle: number;
  startedAt: Date;
  dueDate: string | null;
  deadline: Date;
  outcome: Outcome;
  doneAt: Date | null;
  doneEventId: string | null;
  /** When the episode ended or another event cancelled it. */
  closedAt: Date | null;
  /** The reason recorded with a late completion, if one was given. */
  lateReason: string | null;
  responsible: string;
}

/** An obligation's state as seen at an instant (DESIGN.md: met, met late, overdue, due, cancelled). */
export function stateAt(obligation: Pick<Obligation, 'outcome' | 'deadline'>, at: Date): ObligationState {
  switch (obligation.outcome) {
    case 'met':
      return 'met';
    case 'met_late':
      return 'met_late';
    case 'cancelled':
      return 'cancelled';
    case 'missed':
      return 'overdue';
    case 'open':
      return at.getTime() > obligation.deadline.getTime() ? 'overdue' : 'due';
  }
}
