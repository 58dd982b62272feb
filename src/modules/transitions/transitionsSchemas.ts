import { z } from 'zod';
import { assessmentRouteValues, forumResponsibilityValues, nightsAwayBasisValues, nightsAwayThreshold } from '../../domain/transitions/transitions';
import { optionalText, requiredText } from '../../platform/validation';

/** The forms of a child's Transitions page and the tracking meeting (practice-standards.txt, Section 1: Children with Disabilities 16, 20-26). */
export const noteSchema = z.object({ note: optionalText(2000, 'The note') });
export const likelySchema = z.object({ reason: optionalText(2000, 'Why') });
export const ruledOutSchema = z.object({ reason: requiredText('Enter why the child is not likely to need adult services', 2000, 'Why') });
export const assessmentSchema = z.object({
  route: z.enum(assessmentRouteValues, { error: 'Select which assessment was triggered' }),
  note: optionalText(2000, 'The note'),
});
export const forumSchema = z.object({
  responsibility: z.enum(forumResponsibilityValues, { error: 'Select who the Forum agreed is responsible for finances and services' }),
  summary: requiredText("Enter the Forum's decision: the finances and services agreed", 4000, "The Forum's decision"),
});

/** "Nights away a year" is optional; given, it is what puts the child in the cohort: 75 or more (note 2). */
const nights = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v, ctx) => {
    const typed = v === undefined ? '' : String(v).trim();
    if (typed === '') return null;
    if (!/^\d+$/.test(typed)) {
      ctx.addIssue({ code: 'custom', message: 'Nights away a year must be a whole number, like 90' });
      return z.NEVER;
    }
    const n = Number(typed);
    if (n < nightsAwayThreshold) ctx.addIssue({ code: 'custom', message: `The cohort is children spending ${nightsAwayThreshold} or more nights a year away from home: ${n} is fewer` });
    else if (n > 366) ctx.addIssue({ code: 'custom', message: 'Nights away a year must be 366 or fewer' });
    return n;
  });
export const nightsAwaySchema = z.object({
  basis: z.enum(nightsAwayBasisValues, { error: 'Select why the child spends 75 or more nights a year away from home' }),
  nights,
  note: optionalText(2000, 'The note'),
});
export const nightsAwayLeftSchema = z.object({ reason: requiredText('Enter why the child is no longer spending 75 or more nights a year away from home', 2000, 'Why') });

export const meetingSchema = z.object({ attendees: optionalText(1000, 'Who attended') });
export const meetingNote = (name: string) => requiredText(`Enter what was shared about ${name} at the meeting`, 2000, `The note about ${name}`);
