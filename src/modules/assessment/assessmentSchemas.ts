import { assessmentOutcomeValues, type AssessmentContent } from '../../domain/assessment/signsOfSafety';
import { assessmentFactors, factorsProblem, primaryNeeds } from '../../domain/returns/cinCensus/cinWords';
import { z } from 'zod';
import { optionalText, requiredText } from '../../platform/validation';

/** The assessment's draft: the content as typed, and which assessment it is for. */
export interface AssessmentDraftData extends AssessmentContent {
  assessmentId: string;
}

export const emptyContent: AssessmentContent = {
  dangerStatements: [],
  safetyGoals: [],
  scaling: [],
  worries: '',
  workingWell: '',
  childsViews: '',
  analysis: '',
  sharedWithFamily: '',
  familyComments: '',
  reasonNotShared: '',
  recommendation: '',
};

const box = (value: unknown, max = 20000) => (typeof value === 'string' ? value.slice(0, max) : '');

/** Statements written one to a paragraph (a blank line between them), as the form takes them. */
export const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

/** The form's boxes into the draft; the scaling scores are kept from the draft (they are added one at a time). */
export function contentFromForm(body: Record<string, unknown>, previous: AssessmentDraftData): AssessmentDraftData {
  const shared = box(body.sharedWithFamily, 5);
  const recommendation = box(body.recommendation, 50);
  return {
    ...previous,
    dangerStatements: paragraphs(box(body.dangerStatements)),
    safetyGoals: paragraphs(box(body.safetyGoals)),
    worries: box(body.worries),
    workingWell: box(body.workingWell),
    childsViews: box(body.childsViews),
    analysis: box(body.analysis),
    sharedWithFamily: shared === 'yes' || shared === 'no' ? shared : '',
    familyComments: box(body.familyComments),
    reasonNotShared: box(body.reasonNotShared),
    recommendation: (assessmentOutcomeValues as readonly string[]).includes(recommendation) ? recommendation : '',
  };
}

export function readAssessmentDraft(data: Record<string, unknown>): AssessmentDraftData {
  return { ...emptyContent, assessmentId: '', ...(data as Partial<AssessmentDraftData>) };
}

/**
 * The primary needs a manager chooses from at sign-off. "Not stated" (N0) is left out: it is what
 * the census says when nothing was recorded, and the manager signing off the assessment knows the
 * need. Imported history may still hold it.
 */
export const signOffPrimaryNeeds = primaryNeeds.filter((w) => w.value !== 'not_stated');

const factorMessages = {
  none_chosen: 'Select the factors identified, or No factors identified',
  none_with_others: 'No factors identified cannot be chosen with other factors',
  repeated: 'Select each factor once',
  unknown: 'Select the factors identified from the list',
} as const;

/**
 * The factors identified at the end of the assessment, as checkboxes send them (nothing, one value
 * or several): at least one, each from the current list, "No factors identified" alone
 * (cin-census/rules.csv 8869, 8898, 8945Q, 8950Q).
 */
const factorsChosen = z
  .preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string({ error: factorMessages.unknown })))
  .superRefine((values, ctx) => {
    const problem = factorsProblem(values, assessmentFactors);
    if (problem) ctx.addIssue({ code: 'custom', message: factorMessages[problem.kind] });
  });

/**
 * The manager's sign-off: the outcome, and what the CIN census needs of the assessment (issue 10),
 * the child's primary need and the factors identified, asked here whoever signs it off.
 */
export const signOffSchema = z.object({
  outcome: z.enum(assessmentOutcomeValues, { error: 'Select the outcome of the assessment' }),
  primaryNeed: z.enum(signOffPrimaryNeeds.map((w) => w.value) as [string, ...string[]], { error: "Select the child's primary need" }),
  factors: factorsChosen,
  comment: optionalText(5000, "The manager's comment"),
});

export const returnSchema = z.object({
  reason: requiredText('Enter what needs to change before you can sign it off', 5000, 'What needs to change'),
});

/** A request to extend the assessment beyond 25 days: why it needs longer (Child and Family Assessment 7). */
export const extensionRequestSchema = z.object({
  reason: requiredText('Enter why the assessment needs longer than 25 days', 5000, 'Why the assessment needs longer'),
});

/** The team manager's decision on it; a refusal says why, so the worker knows what to do instead. */
export const extensionDecisionSchema = z
  .object({
    decision: z.enum(['agreed', 'refused'], { error: 'Select whether you agree the extension' }),
    decisionReason: optionalText(5000, 'Your reasons'),
  })
  .refine((d) => d.decision !== 'refused' || Boolean(d.decisionReason), { path: ['decisionReason'], message: 'Enter why the extension is refused' });
