import { z } from 'zod';
import { complexityLevels } from '../../domain/workforce/caseload';
import { practitionerKinds } from '../../domain/workforce/profile';
import { choiceValues, optionalText, requiredText } from '../../platform/validation';

/** The forms of the workforce pages (issue 12; specialist-service-statement.txt 5.2-5.4). */

/** A number typed in a box, or nothing; `label` names it in the messages. */
function optionalNumber(label: string, min: number, max: number, wholeOnly: boolean) {
  return z
    .union([z.string(), z.number(), z.null()], { error: `${label} must be a number` })
    .optional()
    .transform((v, ctx) => {
      const typed = v === null || v === undefined ? '' : String(v).trim();
      if (typed === '') return null;
      const ok = wholeOnly ? /^\d+$/.test(typed) : /^\d+(\.\d+)?$/.test(typed);
      if (!ok) {
        ctx.addIssue({ code: 'custom', message: `${label} must be ${wholeOnly ? 'a whole number' : 'a number'}, like ${wholeOnly ? 22 : 0.8}` });
        return z.NEVER;
      }
      const n = Number(typed);
      if (n < min || n > max) ctx.addIssue({ code: 'custom', message: `${label} must be between ${min} and ${max}` });
      return n;
    });
}

/** A manager's caseload figures for a worker (5.2), checked on their own so a problem elsewhere does not hide theirs. */
export const caseloadLimitsSchema = z
  .object({
    caseloadMinimum: optionalNumber('The minimum caseload', 0, 60, true),
    caseloadMaximum: optionalNumber('The maximum caseload', 1, 60, true),
  })
  .refine((p) => p.caseloadMinimum === null || p.caseloadMaximum === null || p.caseloadMinimum <= p.caseloadMaximum, { path: ['caseloadMaximum'], message: 'The maximum caseload must be at least the minimum' });

export const profileSchema = z.object({
  practitioner: z.enum(choiceValues(practitionerKinds), { error: 'Select what kind of practitioner they are' }),
  fte: optionalNumber('Full-time equivalent', 0.1, 1, false).refine((v) => v !== null, 'Enter their full-time equivalent, like 1 for full time or 0.6 for three days a week'),
  caseloadMinimum: optionalNumber('The minimum caseload', 0, 60, true),
  caseloadMaximum: optionalNumber('The maximum caseload', 1, 60, true),
  lineManagerId: z.union([z.literal(''), z.uuid({ error: 'Select their line manager from the list' })]).nullish().transform((v) => (v ? v : null)),
  reason: optionalText(2000, 'The reason'),
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const complexitySchema = z.object({
  weight: z.enum(choiceValues(complexityLevels), { error: 'Select how complex the case is' }),
  reason: requiredText('Enter why the case has this weight, like "three children, two schools and proceedings"', 2000, 'The reason'),
});

export const transferSchema = z.object({
  receiving: z.string({ error: 'Select the receiving team and worker' }).trim().regex(/^[0-9a-f-]{36}\|([0-9a-f-]{36})?$/i, 'Select the receiving team and worker'),
  attended: requiredText('Enter who attended the transfer meeting', 2000, 'Who attended'),
  meetingSummary: requiredText('Enter what the transfer meeting agreed: the work handed over and what happens next', 10000, 'What was agreed'),
  overLimitReason: optionalText(2000, 'The reason for allocating beyond the limit'),
});

export const transferReviewSchema = z.object({
  attended: requiredText('Enter who attended the transfer review', 2000, 'Who attended'),
  reviewSummary: requiredText('Enter the progress of the plan and the next steps agreed at the review', 10000, 'The progress and next steps'),
});
