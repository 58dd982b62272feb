import { z } from 'zod';
import { endingReasons, paymentLevels, reviewRecommendations, reviewRequiredReasons, supportKinds, viewSources } from '../../domain/fostering/carerState';
import { careTypes, termsGenders, termsSchema, type Terms } from '../../domain/fostering/terms';
import type { Problem } from '../../domain/people/personDetails';
import { checkboxes, choiceValues, optionalText, problemsOf, requiredText, wholeNumber } from '../../platform/validation';

/** The forms of an approved foster carer's record (practice-standards.txt, Section 3: Family Placement 17-42). */
export const visitSchema = z.object({
  unannounced: z.enum(['yes', 'no'], { error: 'Select whether the visit was unannounced' }),
  summary: requiredText('Enter what was seen and discussed at the visit', 5000, 'What was seen and discussed'),
});
export const viewsSchema = z.object({
  source: z.enum(choiceValues(viewSources), { error: 'Select whose views these are' }),
  received: z.enum(['yes', 'no'], { error: 'Select whether written views were received' }),
  views: requiredText('Enter their written views, or why there are none (for example, no other members of the household)', 5000, 'Their views'),
});
export const reportSharedSchema = z.object({ note: optionalText(2000, 'The note') });
export const reviewSchema = z.object({
  recommendation: z.enum(choiceValues(reviewRecommendations), { error: 'Select the recommendation about continued approval' }),
  feedback: requiredText("Enter the carers' feedback on the service and support they have had (Family Placement 28)", 5000, 'Their feedback'),
  suitability: requiredText('Enter the conclusion on the carers’ continued suitability', 5000, 'The conclusion on suitability'),
  actionPlan: requiredText('Enter the action plan for the carers’ learning, development and support (Family Placement 31)', 5000, 'The action plan'),
});
export const reviewRequiredSchema = z.object({
  concern: z.enum(['serious_concern', 'standards_of_care', 'complaint'], { error: 'Select why a review is needed' }),
  concernSummary: requiredText('Enter what happened, in a sentence', 2000, 'What happened'),
});
export const panelSchema = z.object({
  about: z.enum(['carer_review', 'change_of_terms', 'termination'], { error: 'Select what the panel considered' }),
  recommendation: z.enum(choiceValues(reviewRecommendations), { error: "Select the panel's recommendation" }),
  carersInvited: z.enum(['yes', 'no'], { error: 'Select whether the carers were invited to the panel' }),
  minutes: requiredText("Enter the panel's reasons", 5000, "The panel's reasons"),
});
export const decisionSchema = z.object({
  decision: z.enum(['agree', 'not_agree'], { error: "Select the agency decision maker's decision" }),
  reason: requiredText('Enter the reasons for the decision (Family Placement 15)', 5000, 'The reasons'),
  // A change of terms the carers agreed to is not a qualifying determination (Family Placement 16 footnote 4).
  carersAgree: z.enum(['yes', 'no']).optional(),
  // After a qualifying determination: what the carers did in the 28 days.
  route: z.enum(['representations', 'irm', 'none']).optional(),
});
export const trainingSchema = z.object({
  course: requiredText('Enter the training or development the carers did', 300, 'The training'),
  hours: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), wholeNumber('the hours', 1, 200).optional()),
});
export const paymentSchema = z.object({
  level: z.enum(choiceValues(paymentLevels), { error: 'Select the payment level' }),
  levelReason: requiredText('Enter why the carers are on this level (the skills, training and qualifications it needs)', 2000, 'Why'),
});
export const supportSchema = z.object({
  kind: z.enum(choiceValues(supportKinds), { error: 'Select the kind of support' }),
  detail: requiredText('Enter the support: the group, the service or the arrangement', 2000, 'The support'),
});
export const endSchema = z.object({
  // Any other ending is the panel's recommendation and the agency decision maker's decision (Family Placement 15-16).
  ending: z.enum(['resigned', 'temporary_approval_lapsed'], { error: 'Select why the approval ends: the carers resigned, or a temporary approval lapsed. Any other ending goes to the Fostering Panel' }),
  endSummary: requiredText('Enter what happened', 2000, 'What happened'),
});
export const exemptionSchema = z.object({
  hearthId: z.coerce.number({ error: "Enter the child's Hearth number, like 1042" }).int("Enter the child's Hearth number, like 1042").positive("Enter the child's Hearth number, like 1042"),
  outside: checkboxes(z.enum(['number', 'age', 'gender', 'named child'], { error: 'Select the terms the placement is outside' })).refine((v) => v.length > 0, 'Select the terms of approval the placement is outside'),
  exemptionReason: requiredText('Enter why the placement is in the child’s interests and how the carers will be supported', 4000, 'Why'),
});
export const sswSchema = z.object({ workerId: z.uuid({ error: 'Select the supervising social worker from the list' }) });

export { endingReasons, reviewRequiredReasons };

/**
 * Terms of approval from a form's boxes (number of children, ages, gender, types of care), or the
 * problems with them, each on its own box. Named children are kept from the current terms.
 */
export function termsFromForm(body: Record<string, unknown>, keep?: Terms): { terms: Terms | null; problems: Problem[] } {
  const number = (name: string) => {
    const v = String(body[name] ?? '').trim();
    return v === '' ? undefined : /^\d+$/.test(v) ? Number(v) : Number.NaN;
  };
  const raw = {
    children: number('termsChildren'),
    ageFrom: number('termsAgeFrom'),
    ageTo: number('termsAgeTo'),
    gender: body.termsGender ? String(body.termsGender) : undefined,
    careTypes: body.termsCareTypes === undefined ? [] : Array.isArray(body.termsCareTypes) ? body.termsCareTypes.map(String) : [String(body.termsCareTypes)],
    ...(keep?.namedChildIds ? { namedChildIds: keep.namedChildIds } : {}),
  };
  const parsed = termsSchema.safeParse(raw);
  if (parsed.success) return { terms: parsed.data as Terms, problems: [] };
  const fieldOf: Record<string, string> = { children: 'termsChildren', ageFrom: 'termsAgeFrom', ageTo: 'termsAgeTo', gender: 'termsGender', careTypes: 'termsCareTypes' };
  return { terms: null, problems: problemsOf(parsed.error).map((p) => ({ ...p, field: fieldOf[p.field.split('.')[0] ?? ''] ?? p.field })) };
}

export { careTypes, termsGenders };
