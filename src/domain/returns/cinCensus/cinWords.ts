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
 * Factors identified at the end of the assessment (assessment.completed data.factors, a list): the
 * CIN census AssessmentFactors code set as the DfE's 2024-25 schema has it, in words a social worker
 * would use. "No factors identified" is code 21 and stands alone (cin-census/rules.csv 8869); a code
 * appears at most once (8898). 18A and 19A are no longer to be used (8945Q, 8950Q): physical and
 * sexual abuse now say whether it was by an adult or another child (18B/18C, 19B/19C), so a worker
 * chooses from these only, and the retired codes live in retiredAssessmentFactors for history.
 */
export const assessmentFactors: readonly RecordedWord[] = [
  { value: 'alcohol_misuse_child', text: 'Alcohol misuse: the child', dfe: '1A' },
  { value: 'alcohol_misuse_parent', text: 'Alcohol misuse: the parent or carer', dfe: '1B' },
  { value: 'alcohol_misuse_household', text: 'Alcohol misuse: another person in the household', dfe: '1C' },
  { value: 'drug_misuse_child', text: 'Drug misuse: the child', dfe: '2A' },
  { value: 'drug_misuse_parent', text: 'Drug misuse: the parent or carer', dfe: '2B' },
  { value: 'drug_misuse_household', text: 'Drug misuse: another person in the household', dfe: '2C' },
  { value: 'domestic_abuse_child', text: 'Domestic abuse: the child', dfe: '3A' },
  { value: 'domestic_abuse_parent', text: 'Domestic abuse: the parent or carer', dfe: '3B' },
  { value: 'domestic_abuse_household', text: 'Domestic abuse: another person in the household', dfe: '3C' },
  { value: 'mental_health_child', text: 'Mental health: the child', dfe: '4A' },
  { value: 'mental_health_parent', text: 'Mental health: the parent or carer', dfe: '4B' },
  { value: 'mental_health_household', text: 'Mental health: another person in the family or household', dfe: '4C' },
  { value: 'learning_disability_child', text: 'Learning disability: the child', dfe: '5A' },
  { value: 'learning_disability_parent', text: 'Learning disability: the parent or carer', dfe: '5B' },
  { value: 'learning_disability_household', text: 'Learning disability: another person in the family or household', dfe: '5C' },
  { value: 'physical_disability_child', text: 'Physical disability or illness: the child', dfe: '6A' },
  { value: 'physical_disability_parent', text: 'Physical disability or illness: the parent or carer', dfe: '6B' },
  { value: 'physical_disability_household', text: 'Physical disability or illness: another person in the family or household', dfe: '6C' },
  { value: 'young_carer', text: 'Young carer: their caring responsibilities', dfe: '7A' },
  { value: 'private_fostering_overseas_return', text: 'Privately fostered: a child from overseas who means to return', dfe: '8B' },
  { value: 'private_fostering_overseas_stay', text: 'Privately fostered: a child from overseas who means to stay', dfe: '8C' },
  { value: 'private_fostering_education', text: 'Privately fostered: a UK child in an educational placement', dfe: '8D' },
  { value: 'private_fostering_family_arrangement', text: 'Privately fostered: a UK child in an alternative family arrangement', dfe: '8E' },
  { value: 'private_fostering_other', text: 'Privately fostered: another arrangement', dfe: '8F' },
  { value: 'unaccompanied_asylum_seeking', text: 'Unaccompanied asylum-seeking child', dfe: '9A' },
  { value: 'missing', text: 'Going or being missing', dfe: '10A' },
  { value: 'child_sexual_exploitation', text: 'Child sexual exploitation', dfe: '11A' },
  { value: 'trafficking', text: 'Trafficking', dfe: '12A' },
  { value: 'gangs', text: 'Involvement in or with gangs', dfe: '13A' },
  { value: 'socially_unacceptable_behaviour', text: "The child's socially unacceptable behaviour", dfe: '14A' },
  { value: 'self_harm', text: 'Self-harm, suspected or actual', dfe: '15A' },
  { value: 'neglect', text: 'Neglect', dfe: '16A' },
  { value: 'emotional_abuse', text: 'Emotional abuse', dfe: '17A' },
  { value: 'physical_abuse_by_child', text: 'Physical abuse: by another child', dfe: '18B' },
  { value: 'physical_abuse_by_adult', text: 'Physical abuse: by an adult', dfe: '18C' },
  { value: 'sexual_abuse_by_child', text: 'Sexual abuse: by another child', dfe: '19B' },
  { value: 'sexual_abuse_by_adult', text: 'Sexual abuse: by an adult', dfe: '19C' },
  { value: 'other', text: 'Another factor, not listed here', dfe: '20' },
  { value: 'none', text: 'No factors identified', dfe: '21' },
  { value: 'female_genital_mutilation', text: 'Female genital mutilation (FGM)', dfe: '22A' },
  { value: 'faith_or_belief_abuse', text: 'Abuse linked to faith or belief', dfe: '23A' },
  { value: 'child_criminal_exploitation', text: 'Child criminal exploitation', dfe: '24A' },
];

/** Code 21: "only use this if there is no evidence of any of the factors above" (8869). */
export const noFactorsIdentified = 'none';

/**
 * Codes the DfE no longer takes (cin-census/rules.csv 8945Q, 8950Q): never offered, but kept so a
 * previous year's return imports as it was recorded and still reads in words.
 */
export const retiredAssessmentFactors: readonly RecordedWord[] = [
  { value: 'physical_abuse', text: 'Physical abuse (an earlier code: by an adult or a child not said)', dfe: '18A' },
  { value: 'sexual_abuse', text: 'Sexual abuse (an earlier code: by an adult or a child not said)', dfe: '19A' },
];

/** Every factor a record may hold: today's, and the retired ones history brings. */
export const recordedAssessmentFactors: readonly RecordedWord[] = [...assessmentFactors, ...retiredAssessmentFactors];

/**
 * The factors as the sign-off page groups them, so a manager finds one among the forty-odd by what it is
 * about. Every current factor is in exactly one group; "No factors identified" comes last, apart.
 */
export const assessmentFactorGroups: readonly { heading: string; values: readonly string[] }[] = [
  { heading: 'Abuse and neglect', values: ['neglect', 'emotional_abuse', 'physical_abuse_by_adult', 'physical_abuse_by_child', 'sexual_abuse_by_adult', 'sexual_abuse_by_child', 'female_genital_mutilation', 'faith_or_belief_abuse'] },
  { heading: 'Domestic abuse', values: ['domestic_abuse_child', 'domestic_abuse_parent', 'domestic_abuse_household'] },
  { heading: 'Alcohol and drug misuse', values: ['alcohol_misuse_child', 'alcohol_misuse_parent', 'alcohol_misuse_household', 'drug_misuse_child', 'drug_misuse_parent', 'drug_misuse_household'] },
  {
    heading: 'Mental health, disability and illness',
    values: ['mental_health_child', 'mental_health_parent', 'mental_health_household', 'learning_disability_child', 'learning_disability_parent', 'learning_disability_household', 'physical_disability_child', 'physical_disability_parent', 'physical_disability_household'],
  },
  { heading: 'Exploitation and harm outside the home', values: ['child_sexual_exploitation', 'child_criminal_exploitation', 'trafficking', 'gangs', 'missing'] },
  { heading: "The child's behaviour", values: ['socially_unacceptable_behaviour', 'self_harm'] },
  { heading: 'Caring, living arrangements and asylum', values: ['young_carer', 'private_fostering_overseas_return', 'private_fostering_overseas_stay', 'private_fostering_education', 'private_fostering_family_arrangement', 'private_fostering_other', 'unaccompanied_asylum_seeking'] },
  { heading: 'Anything else', values: ['other'] },
];

/**
 * What is wrong with a list of factors, or null: nothing chosen, "No factors identified" with
 * others (8869), a factor twice (8898), or one not in `allowed` (the current list for a page; the
 * recorded list, retired codes too, for history). Each caller words it for its reader.
 */
export type FactorsProblem = { kind: 'none_chosen' } | { kind: 'none_with_others' } | { kind: 'repeated'; value: string } | { kind: 'unknown'; value: string };

export function factorsProblem(values: readonly string[], allowed: readonly RecordedWord[] = assessmentFactors): FactorsProblem | null {
  const unknown = values.find((v) => !allowed.some((w) => w.value === v));
  if (unknown !== undefined) return { kind: 'unknown', value: unknown };
  if (values.length === 0) return { kind: 'none_chosen' };
  if (values.includes(noFactorsIdentified) && values.length > 1) return { kind: 'none_with_others' };
  const repeated = values.find((v, i) => values.indexOf(v) !== i);
  return repeated === undefined ? null : { kind: 'repeated', value: repeated };
}

/** The words for a recorded value, or the value itself when the list does not know it (shown, not hidden). */
export const textOf = (list: readonly RecordedWord[], value: unknown): string => (typeof value === 'string' ? (list.find((w) => w.value === value)?.text ?? value) : '');

export const dfeCodeOf = (list: readonly RecordedWord[], value: unknown): string | null =>
  typeof value === 'string' ? (list.find((w) => w.value === value)?.dfe ?? null) : null;

export const valueOfDfeCode = (list: readonly RecordedWord[], code: string): string | null => list.find((w) => w.dfe === code)?.value ?? null;
