/**
 * CIN census rules on the Assessments module: each Child and Family Assessment in an episode, its
 * start, its sign-off (AssessmentAuthorisationDate) and the factors identified
 * (../shared/returns-reference/cin-census/rules.csv). A failure's `at` is the assessment's start.
 */
import type { CinAssessment, CinChild, CinDetails } from '../cinCensusTypes';
import { assessmentFactorCodes, noFactorsIdentified } from './codes';
import type { CinRule, CinRuleContext } from './cinRuleContext';
import { cinRule, fallsWithin, type Finding, hasText, isDate, repeated, withinYear, yearDate } from './cinRuleKit';

const isComplete = (a: CinAssessment) => isDate(a.AssessmentAuthorisationDate);

/** Every assessment with its episode, and a finding for each that `fails`. */
function eachAssessment(
  child: CinChild,
  fails: (a: CinAssessment, d: CinDetails) => boolean,
  fields: string[],
): Finding[] {
  const found: Finding[] = [];
  for (const d of child.CINdetails) {
    for (const a of d.Assessments) if (fails(a, d)) found.push({ fields, at: a.AssessmentActualStartDate ?? d.CINreferralDate });
  }
  return found;
}

// cin-census/rules.csv 1103
const startedBeforeReferral = cinRule({
  code: '1103',
  message: 'The assessment start date cannot be before the referral date',
  fix: "Check the assessment's start date: it is before the contact that began the episode",
  find: (child) =>
    eachAssessment(
      child,
      (a, d) => isDate(a.AssessmentActualStartDate) && isDate(d.CINreferralDate) && a.AssessmentActualStartDate < d.CINreferralDate,
      ['AssessmentActualStartDate', 'CINreferralDate'],
    ),
});

// cin-census/rules.csv 8608
const signedOffBeforeStart = cinRule({
  code: '8608',
  message: 'Assessment Start Date cannot be later than its End Date',
  fix: "Check the assessment's start date and the date it was signed off",
  find: (child) =>
    eachAssessment(
      child,
      (a) =>
        isDate(a.AssessmentActualStartDate) &&
        isDate(a.AssessmentAuthorisationDate) &&
        a.AssessmentActualStartDate > a.AssessmentAuthorisationDate,
      ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
    ),
});

// cin-census/rules.csv 8614
const factorsBeforeSignOff = cinRule({
  code: '8614',
  message: 'Parental or child factors at assessment should only be present for a completed assessment.',
  fix: 'The factors are recorded when the assessment is signed off: sign off the Child and Family Assessment',
  find: (child) =>
    eachAssessment(child, (a) => !isComplete(a) && a.AssessmentFactors.length > 0, ['AssessmentAuthorisationDate', 'AssessmentFactors']),
});

// cin-census/rules.csv 8670Q: an open assessment that began more than 45 working days before 31 March.
const longOpenAssessment = cinRule({
  code: '8670Q',
  message:
    'Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.',
  fix: 'The assessment started more than 45 working days before the end of the census year and is not signed off: sign off the Child and Family Assessment',
  find: (child, ctx) => {
    const earliest = yearDate(ctx, `45 working days before ${ctx.period.end}`, () => ctx.calendar.subtractWorkingDays(ctx.period.end, 45));
    return eachAssessment(
      child,
      (a) => !isComplete(a) && isDate(a.AssessmentActualStartDate) && a.AssessmentActualStartDate < earliest,
      ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
    );
  },
});

// cin-census/rules.csv 8696
const signedOffOutsideYear = cinRule({
  code: '8696',
  message: 'Assessment end date must fall within the census year',
  fix: 'Check the date the assessment was signed off: it must fall within the census year',
  find: (child, ctx) =>
    eachAssessment(child, (a) => isComplete(a) && !withinYear(a.AssessmentAuthorisationDate!, ctx), ['AssessmentAuthorisationDate']),
});

// cin-census/rules.csv 8736
const openAssessmentStartedBeforeYear = cinRule({
  code: '8736',
  message: 'For an Assessment that has not been completed, the start date must fall within the census year',
  fix: "An assessment still open at the end of the year must have started in it: check the assessment's start date, or sign it off",
  find: (child, ctx) =>
    eachAssessment(
      child,
      (a) => !isComplete(a) && !(isDate(a.AssessmentActualStartDate) && withinYear(a.AssessmentActualStartDate, ctx)),
      ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
    ),
});

/** Another assessment in the same episode runs over this one's start: from its start to its sign-off, or on while open. */
function startsDuringAnother(a: CinAssessment, d: CinDetails, ctx: CinRuleContext): boolean {
  const start = a.AssessmentActualStartDate;
  if (!isDate(start)) return false;
  return d.Assessments.some(
    (other) =>
      other !== a &&
      fallsWithin(start, { start: other.AssessmentActualStartDate, end: other.AssessmentAuthorisationDate }, ctx, true),
  );
}

// cin-census/rules.csv 8863Q
const overlappingAssessments = cinRule({
  code: '8863Q',
  message: 'An Assessment is shown as starting when there is another Assessment ongoing.',
  fix: 'Two assessments overlap in this episode: sign off the first before the next starts, or mark one as recorded in error',
  find: (child, ctx) =>
    eachAssessment(child, (a, d) => startsDuringAnother(a, d, ctx), ['AssessmentActualStartDate', 'AssessmentAuthorisationDate']),
});

// cin-census/rules.csv 8869
const noFactorsWithOthers = cinRule({
  code: '8869',
  message: 'The assessment factors code “21” cannot be used in conjunction with any other assessment factors.',
  fix: '‘No factors identified’ cannot be chosen with other factors: correct the factors of the signed-off assessment',
  find: (child) =>
    eachAssessment(
      child,
      (a) => a.AssessmentFactors.includes(noFactorsIdentified) && a.AssessmentFactors.some((f) => f !== noFactorsIdentified),
      ['AssessmentFactors'],
    ),
});

/**
 * cin-census/rules.csv 8873Q: an episode whose only assessment found no factors should close
 * "after assessment". Asked once the episode is closed, since an open one has no reason yet.
 */
const noFactorsButNotClosedAfterAssessment = cinRule({
  code: '8873Q',
  message:
    'Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or \'RC9\' should be used.',
  fix: 'The only assessment found no factors: close the case ‘after assessment’ (no further action, or referred to Early Help) on the case closure page, or check the factors',
  find: (child) =>
    child.CINdetails.filter((d) => {
      const only = d.Assessments.length === 1 ? d.Assessments[0] : undefined;
      if (!only || !only.AssessmentFactors.includes(noFactorsIdentified)) return false;
      const closed = isDate(d.CINclosureDate) || hasText(d.ReasonForClosure);
      return closed && d.ReasonForClosure !== 'RC8' && d.ReasonForClosure !== 'RC9';
    }).map((d) => ({ fields: ['AssessmentFactors', 'ReasonForClosure'], at: d.Assessments[0]?.AssessmentActualStartDate ?? d.CINreferralDate })),
});

// cin-census/rules.csv 8896
const moreThanOneOpenAssessment = cinRule({
  code: '8896',
  message: 'Within one CINDetails group there are 2 or more open Assessments groups',
  fix: 'Two assessments are open in this episode: sign off the one that is finished, or mark one as recorded in error',
  find: (child) =>
    child.CINdetails.flatMap((d) => {
      const open = d.Assessments.filter((a) => !isComplete(a));
      return open.length > 1 ? open.map((a) => ({ fields: ['AssessmentAuthorisationDate'], at: a.AssessmentActualStartDate ?? d.CINreferralDate })) : [];
    }),
});

// cin-census/rules.csv 8897Q: signed off in the year, so the factors should be there and valid.
const factorsMissing = cinRule({
  code: '8897Q',
  message: 'Parental or child factors at assessment information is missing from a completed assessment',
  fix: 'Record the factors identified (or ‘No factors identified’) when signing off the Child and Family Assessment',
  find: (child, ctx) =>
    eachAssessment(
      child,
      (a) =>
        isComplete(a) &&
        a.AssessmentAuthorisationDate! >= ctx.period.start &&
        (a.AssessmentFactors.length === 0 || a.AssessmentFactors.some((f) => !assessmentFactorCodes.has(f))),
      ['AssessmentAuthorisationDate', 'AssessmentFactors'],
    ),
});

// cin-census/rules.csv 8898
const factorRepeated = cinRule({
  code: '8898',
  message: 'The assessment has more than one parental or child factors with the same code',
  fix: 'Remove the repeated factor from the signed-off assessment',
  find: (child) => eachAssessment(child, (a) => repeated(a.AssessmentFactors).length > 0, ['AssessmentFactors']),
});

// cin-census/rules.csv 8945Q (cin2024_25)
const physicalAbuseUnsplit = cinRule({
  code: '8945Q',
  message:
    "Please check and either amend data or provide a reason: the assessment factors code '18A' should not be used ('18B' or '18C' should be used instead)",
  fix: 'Say whether the physical abuse was by an adult or by another child when recording the factors of the assessment',
  find: (child) => eachAssessment(child, (a) => a.AssessmentFactors.includes('18A'), ['AssessmentFactors']),
});

// cin-census/rules.csv 8950Q (cin2024_25)
const sexualAbuseUnsplit = cinRule({
  code: '8950Q',
  message:
    "Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)",
  fix: 'Say whether the sexual abuse was by an adult or by another child when recording the factors of the assessment',
  find: (child) => eachAssessment(child, (a) => a.AssessmentFactors.includes('19A'), ['AssessmentFactors']),
});

export const assessmentRules: readonly CinRule[] = [
  startedBeforeReferral,
  signedOffBeforeStart,
  factorsBeforeSignOff,
  longOpenAssessment,
  signedOffOutsideYear,
  openAssessmentStartedBeforeYear,
  overlappingAssessments,
  noFactorsWithOthers,
  noFactorsButNotClosedAfterAssessment,
  moreThanOneOpenAssessment,
  factorsMissing,
  factorRepeated,
  physicalAbuseUnsplit,
  sexualAbuseUnsplit,
];
