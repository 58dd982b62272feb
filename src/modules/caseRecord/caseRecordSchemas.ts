import { z } from 'zod';
import { caseNoteTypes } from '../../standards/practice-standards/section5Recording';
import { optionalText, requiredText, yesNo } from '../../platform/validation';

export const caseNoteLabels: Record<(typeof caseNoteTypes)[number], string> = {
  home_visit: 'Home visit',
  office_visit: 'Office visit',
  phone_call: 'Phone call',
  email_or_letter: 'Email or letter',
  meeting: 'Meeting',
  direct_work: 'Direct work with the child',
  management: 'Management discussion',
  other: 'Other',
};

/**
 * A case note (issue 4; practice-standards.txt, Section 5: Recording Standards): dated, who was
 * present, facts kept apart from opinions, and the child's own words.
 */
export const caseNoteSchema = z.object({
  noteType: z.enum(caseNoteTypes, { error: 'Select the kind of note' }),
  present: requiredText('Enter who was present, or "no one else"', 1000, 'Who was present'),
  facts: requiredText('Enter what happened: the facts', 20000, 'What happened'),
  opinions: optionalText(20000, 'Your professional opinion'),
  childsWords: optionalText(5000, "The child's own words"),
  significant: yesNo,
});

export const significantEventSchema = z.object({
  detail: requiredText('Enter what happened', 5000, 'What happened'),
});

export const summarySchema = z.object({
  summary: requiredText('Enter the case summary', 20000, 'Case summary'),
});

export const supervisionSchema = z.object({
  discussion: requiredText('Enter what was discussed about the child', 20000, 'What was discussed'),
  actions: requiredText('Enter the actions agreed, with who and by when', 10000, 'Actions agreed'),
});

export const oversightSchema = z.object({
  oversight: requiredText('Enter the management oversight: the decision and its reasons', 20000, 'Management oversight'),
});
