/**
 * What a worker records, in Hearth's words, that the CIN census needs as a DfE code. The worker
 * chooses the words; the census writes the code (issue 10: "a worker never types a DfE code").
 * Each list is { value (stored in the event's data), text (shown), dfe (the CIN census code) }.
 */
export interface RecordedWord {
  value: string;
  text: string;
  dfe: string;
}

/**
 * The child's primary need, chosen when the assessment is signed off (assessment.completed
 * data.primaryNeed): CIN census PrimaryNeedCode N0-N9 (cin-census/rules.csv 8610, 8650).
 */
export const primaryNeeds: readonly RecordedWord[] = [
  { value: 'abuse_or_neglect', text: 'Abuse or neglect', dfe: 'N1' },
  { value: 'disability', text: "The child's disability or illness", dfe: 'N2' },
  { value: 'parental_illness', text: "A parent's illness or disability", dfe: 'N3' },
  { value: 'acute_stress', text: 'Family in acute stress', dfe: 'N4' },
  { value: 'family_dysfunction', text: 'Family dysfunction', dfe: 'N5' },
  { value: 'unacceptable_behaviour', text: 'Socially unacceptable behaviour', dfe: 'N6' },
  { value: 'low_income', text: 'Low income', dfe: 'N7' },
  { value: 'absent_parenting', text: 'Absent parenting', dfe: 'N8' },
  { value: 'not_in_need', text: 'Not a child in need', dfe: 'N9' },
  { value: 'not_stated', text: 'Not stated', dfe: 'N0' },
];

/**
 * Why the case closed, chosen when it is closed (closure.completed data.closureReason): CIN
 * census ReasonForClosure RC1-RC9 (cin-census/rules.csv 8640, 8805, 8810, 2990, 8825Q).
 */
export const closureReasons: readonly RecordedWord[] = [
  { value: 'adopted', text: 'Adopted', dfe: 'RC1' },
  { value: 'died', text: 'Died', dfe: 'RC2' },
  { value: 'child_arrangements_order', text: 'Child arrangements order', dfe: 'RC3' },
  { value: 'special_guardianship_order', text: 'Special guardianship order', dfe: 'RC4' },
  { value: 'moved_to_another_authority', text: 'Moved to another local authority', dfe: 'RC5' },
  { value: 'adult_services', text: 'Transferred to adult social care', dfe: 'RC6' },
  { value: 'no_longer_in_need', text: 'Services ended: no longer in need, or another reason', dfe: 'RC7' },
  { value: 'after_assessment_nfa', text: 'Closed after assessment, no further action', dfe: 'RC8' },
  { value: 'after_assessment_early_help', text: 'Closed after assessment, referred to Early Help', dfe: 'RC9' },
];

/**
 * Factors identified at assessment (assessment.completed data.factors, a list): CIN census
 * AssessmentFactors. Completed from the DfE code set; "none" is code 21 and stands alone (8869).
 */
export const assessmentFactors: readonly RecordedWord[] = [
  { value: 'none', text: 'No factors identified', dfe: '21' },
];

export const dfeCodeOf = (list: readonly RecordedWord[], value: unknown): string | null =>
  typeof value === 'string' ? (list.find((w) => w.value === value)?.dfe ?? null) : null;

export const valueOfDfeCode = (list: readonly RecordedWord[], code: string): string | null => list.find((w) => w.dfe === code)?.value ?? null;
