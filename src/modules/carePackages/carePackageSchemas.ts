import { z } from 'zod';
import { packageInclusions, reviewOutcomes } from '../../domain/placements/carePackages';
import type { Problem } from '../../domain/people/personDetails';
import { isIsoDate } from '../../domain/calendar/localDate';
import { checkboxes, choiceValues, optionalText, pence, penceOf, readDateInput, requiredText } from '../../platform/validation';

/** A share of the weekly cost: blank is nothing; otherwise pounds and pence, £0 allowed. */
function share(label: string) {
  return z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v, ctx) => {
      const typed = String(v ?? '').trim();
      if (typed === '') return 0;
      const amount = penceOf(typed);
      if (amount === null) {
        ctx.addIssue({ code: 'custom', message: `${label} must be an amount in pounds and pence, like 725.00, or left blank` });
        return z.NEVER;
      }
      return amount;
    });
}

export const setUpSchema = z.object({
  placementId: z.string({ error: 'Select the placement the package pays for' }).min(1, 'Select the placement the package pays for'),
  providerId: z.string({ error: 'Select the provider' }).min(1, 'Select the provider'),
  weekly: pence('the weekly cost'),
  includes: checkboxes(z.enum(choiceValues(packageInclusions), { error: 'Select what is included from the list' })).refine((v) => v.length > 0, 'Select what the package includes'),
  includesOther: optionalText(1000, 'What else is included'),
  socialCare: share('The social care share'),
  health: share('The health share'),
  education: share('The education share'),
  supersedes: optionalText(100, 'The package it supersedes'),
});

export const approveSchema = z.object({ packageId: z.string({ error: 'Select the package' }).min(1, 'Select the package') });

export const reviewSchema = z.object({
  packageId: z.string({ error: 'Select the package' }).min(1, 'Select the package'),
  outcome: z.enum(choiceValues(reviewOutcomes), { error: 'Select the outcome of the review' }),
  notes: requiredText('Enter what the review found', 5000, 'What the review found'),
});

export const endSchema = z.object({
  packageId: z.string({ error: 'Select the package' }).min(1, 'Select the package'),
  reason: requiredText('Enter why the package is ending', 1000, 'Why it is ending'),
});

/** A date from an API body (`name: 'YYYY-MM-DD'`) or a form's three boxes (`name-day`...). */
export function dateOf(body: Record<string, unknown>, name: string, label: string, required: boolean): { value: string | null; problems: Problem[] } {
  const typed = body[name];
  if (typeof typed === 'string' && typed !== '') {
    return isIsoDate(typed) ? { value: typed, problems: [] } : { value: null, problems: [{ field: name, message: `${label} must be a real date` }] };
  }
  const { value, problem } = readDateInput(body, name, label, required);
  return { value, problems: problem ? [problem] : [] };
}
