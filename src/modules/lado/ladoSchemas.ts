import { z } from 'zod';
import { categories, investigations, outcomes, regulators, sectors, sources } from '../../domain/lado/allegation';
import { choiceValues, optionalText, requiredText } from '../../platform/validation';

/** The forms of the LADO's work (practice-standards.txt, Section 4: Managing Allegations 80-88). */
export const allegationSchema = z.object({
  adultHearthId: z.string({ error: 'Enter the Hearth ID of the adult the allegation is about' }).trim().regex(/^\d{1,9}$/, 'Enter the Hearth ID of the adult the allegation is about, like 1042'),
  employer: requiredText('Enter the employer or organisation the adult works or volunteers for', 200, 'Employer'),
  role: requiredText('Enter the adult’s role, like "teaching assistant" or "foster carer"', 200, 'Role'),
  sector: z.enum(choiceValues(sectors), { error: 'Select the sector the adult works in' }),
  source: z.enum(choiceValues(sources), { error: 'Select who told the LADO' }),
  referrer: requiredText('Enter the name and organisation of the person who told the LADO', 300, 'Who told the LADO'),
  category: z.enum(choiceValues(categories), { error: 'Select the nature of the allegation' }),
  nature: requiredText('Describe the allegation: what is said to have happened, when and where', 5000, 'The allegation'),
  childHearthIds: optionalText(500, 'The children’s Hearth IDs'),
  otherChildren: optionalText(1000, 'Children not on Hearth'),
  childLed: z.enum(['yes', 'no'], { error: 'Select whether the strategy meeting is child-led' }),
});

export const enquirySchema = z.object({
  from: requiredText('Enter who made the enquiry and for which organisation', 300, 'Who made the enquiry'),
  question: requiredText('Enter what they asked', 3000, 'What they asked'),
});

export const responseSchema = z.object({
  advice: requiredText('Enter the advice or guidance the LADO gave', 3000, 'The advice given'),
});

export const meetingSchema = z.object({
  attendees: requiredText('Enter who attended (names and agencies)', 2000, 'Who attended'),
  summary: requiredText('Enter what the meeting decided', 5000, 'What was decided'),
  investigation: z.enum(choiceValues(investigations), { error: 'Select what happens next' }),
});

export const reviewSchema = z.object({
  reviewSummary: requiredText('Enter what the review found and decided', 5000, 'What the review decided'),
});

export const noteSchema = z.object({
  note: requiredText('Enter the note or correction, and why it is added', 3000, 'The note'),
});

export const outcomeSchema = z.object({
  outcome: z.enum(choiceValues(outcomes), { error: 'Select the outcome of the allegation' }),
  dbsReferral: z.enum(['yes', 'no'], { error: 'Select whether the employer was advised to refer to the Disclosure and Barring Service' }),
  regulator: z.enum(choiceValues(regulators), { error: 'Select whether the employer was advised to refer to a regulator' }),
  outcomeSummary: requiredText('Enter the outcome and the advice given to the employer', 5000, 'The outcome'),
});

export const yearSchema = z.coerce.number({ error: 'Choose a year' }).int().min(2015).max(2040);

export const inErrorSchema = z.object({
  inErrorReason: requiredText('Enter why the allegation was recorded in error, like "recorded against the wrong adult"', 2000, 'Why it was recorded in error'),
});
