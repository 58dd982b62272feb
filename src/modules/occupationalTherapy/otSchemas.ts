import { z } from 'zod';
import { closingReasons, consentAnswers, priorities, queryChannels } from '../../domain/occupationalTherapy/otCase';
import { choiceValues, optionalText, requiredText } from '../../platform/validation';

/** The forms of the Occupational Therapy pages (practice-standards.txt, Section 1: Occupational Therapy 1-8). */
export const querySchema = z.object({
  from: requiredText('Enter who sent the query (name, and organisation or relationship to the child)', 300, 'Who sent the query'),
  channel: z.enum(choiceValues(queryChannels), { error: 'Select how the query came in' }),
  query: requiredText('Enter what the query asks', 3000, 'The query'),
});

export const responseSchema = z.object({
  queryId: z.string({ error: 'Select the query answered' }).trim().min(1, 'Select the query answered'),
  response: requiredText('Enter how the query was acknowledged and answered', 3000, 'The response'),
});

export const referralSchema = z.object({
  referrer: requiredText('Enter who made the referral (name, and organisation or relationship to the child)', 300, 'Who referred'),
  needs: requiredText('Enter what the referral asks for: the child’s needs at home', 3000, 'What the referral asks for'),
});

export const prioritySchema = z.object({
  priority: z.enum(choiceValues(priorities), { error: 'Select Priority 1 or Priority 2' }),
  reasons: requiredText('Enter the reasons for the priority', 2000, 'The reasons'),
});

export const letterSchema = z.object({
  sentTo: requiredText('Enter who the waiting list letter was sent to (the parents or carers)', 300, 'Who it was sent to'),
});

export const allocationSchema = z.object({
  workerId: z.string({ error: 'Select the occupational therapist' }).trim().min(1, 'Select the occupational therapist'),
});

export const offerSchema = z.object({
  how: requiredText('Enter how the parents or carers were contacted to offer the assessment (for example, by telephone)', 300, 'How they were contacted'),
  offerNotes: optionalText(2000, 'Notes'),
});

const confirmed = (message: string) => z.literal('yes', { error: message });
const consent = (what: string) => z.enum(choiceValues(consentAnswers), { error: `Select whether the ${what} form was signed or declined` });

/** The first home visit (Occupational Therapy 5): both explanations given, both consent forms asked for. */
export const homeVisitSchema = z.object({
  workingHoursExplained: confirmed('Explain the team’s working hours at the first home visit, then confirm it here (Occupational Therapy 5)'),
  contactDetailsGiven: confirmed('Give the family the team’s contact details at the first home visit, then confirm it here (Occupational Therapy 5)'),
  consentToShare: consent('consent to share information'),
  photographConsent: consent('taking photographs'),
  declinedReason: optionalText(2000, 'Why a form was not signed'),
});

export const assessmentSchema = z.object({
  findings: requiredText('Enter what the assessment found', 5000, 'What the assessment found'),
});

export const personSummarySchema = z.object({
  added: requiredText('Enter the information added to the person summary from the assessment', 3000, 'What was added'),
});

/** The intervention explained and agreed (Occupational Therapy 7), in the family's preferred way of communicating (8). */
export const interventionSchema = z.object({
  intervention: requiredText('Enter the intervention proposed and agreed', 3000, 'The intervention'),
  agreedWith: requiredText('Enter who agreed it: the child and their parents or carers', 300, 'Who agreed it'),
  communication: requiredText('Enter how it was explained: the family’s preferred way of communicating (Occupational Therapy 8)', 300, 'How it was explained'),
  interpreter: z.enum(['yes', 'no'], { error: 'Select whether an interpreter was used' }),
});

export const closeSchema = z.object({
  closeReason: z.enum(choiceValues(closingReasons), { error: 'Select why the involvement is closing' }),
  closingSummary: requiredText('Enter a closing summary', 3000, 'The closing summary'),
});

/** A query or referral for a child new to Hearth, from the Occupational Therapy list. */
export const newChildSchema = z.object({
  kind: z.enum(['query', 'referral'], { error: 'Select whether this is a query to the duty inbox or a referral' }),
  givenNames: requiredText('Enter the child’s given names', 100, 'Given names'),
  familyName: requiredText('Enter the child’s family name', 100, 'Family name'),
  confirmNotDuplicate: z.literal('yes').optional(),
});
