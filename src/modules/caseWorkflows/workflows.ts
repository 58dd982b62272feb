/**
 * Workflows made of standards the catalogue already times: what starts each, and the standards
 * that follow, in the order the work goes. Their page shows each standard's clock for the child,
 * with a link to record what meets it (issue 4: early help, case closure and step-down).
 */
export interface CaseWorkflow {
  title: string;
  /** Where the policy sets it out. */
  source: string;
  /** What starts it, offered when it has not started. */
  starts: readonly string[];
  /** Other work recorded along the way that no standard times by itself. */
  alsoRecord: readonly string[];
  rules: readonly string[];
}

export const caseWorkflows: Record<string, CaseWorkflow> = {
  'early-help': {
    title: 'Early Help',
    source: 'practice-standards.txt, Section 1: Integrated Early Help 1-16, and Appendix 2: Early Help Step Up Procedure',
    starts: ['early_help.received'],
    alsoRecord: [
      'early_help.limited_change_confirmed',
      'early_help.step_up_oversight_recorded',
      'early_help.hub_review_requested',
      'early_help.final_meeting_held',
      'early_help.closing_feedback_recorded',
      'early_help.closed',
    ],
    rules: [
      'early-help.allocated',
      'early-help.family-contacted',
      'early-help.initial-home-visit',
      'early-help.assessment',
      'early-help.review',
      'early-help.chronology',
      'early-help.supervision',
      'early-help.hub-decision-review',
      'early-help.hub-decision-review-recorded',
    ],
  },
  closure: {
    title: 'Case closure',
    source: 'practice-standards.txt, Section 2: Case closures and step-down from long-term teams following a CIN plan, 1-11; specialist-service-statement.txt 7.1.3 (the step-down follow-up)',
    starts: ['closure.decided'],
    alsoRecord: ['closure.completed'],
    rules: [
      'closure.decision-recorded',
      'closure.workflow-started',
      'closure.casework-recorded',
      'closure.workflow-submitted',
      'closure.step-down-form-submitted',
      'closure.copied-to-siblings',
      'closure.end-dates-checked',
      'closure.letters-sent',
      'closure.case-note',
      'step-down.follow-up',
      'step-down.follow-up-dct',
    ],
  },
  'step-down': {
    title: 'Step down to Early Help after an assessment',
    source: 'practice-standards.txt, Section 2: Step down from DTA to Early Help following an assessment, 1-4',
    starts: ['step_down.agreed'],
    alsoRecord: ['step_down.withdrawn'],
    rules: ['step-down.consent-sought', 'step-down.transfer-meeting', 'step-down.transfer-document', 'step-down.early-help-worker-named', 'step-down.joint-meeting'],
  },
};
