import { z } from 'zod';
import { closingReasons, enquiryChannels, enquiryTopics, hubDecisions, letterOutcomes, programmeRoutes, supportKinds } from '../../domain/assist/assistCase';
import { choiceValues, requiredText } from '../../platform/validation';

/** The forms of ASSIST's pages (practice-standards.txt, Section 1: ASSIST 1-5). Each field name is unique on the page. */
export const enquirySchema = z.object({
  from: requiredText('Enter who made contact (name, and relationship to the child)', 300, 'Who made contact'),
  channel: z.enum(choiceValues(enquiryChannels), { error: 'Select how they made contact' }),
  topic: z.enum(choiceValues(enquiryTopics), { error: 'Select what they asked for' }),
  question: requiredText('Enter what they asked', 3000, 'What they asked'),
});

export const responseSchema = z.object({
  enquiryId: z.string({ error: 'Select the contact answered' }).trim().min(1, 'Select the contact answered'),
  response: requiredText('Enter how ASSIST responded', 3000, 'The response'),
});

export const programmeSchema = z.object({
  route: z.enum(choiceValues(programmeRoutes), { error: 'Select how the family came to the programme' }),
  programme: requiredText('Enter the parent programme, for example "Cygnet, spring term"', 200, 'The programme'),
});

export const informationSchema = z.object({
  requestId: z.string({ error: 'Select the programme place the information is for' }).trim().min(1, 'Select the programme place the information is for'),
});

export const withdrawSchema = z.object({
  withdrawRequestId: z.string({ error: 'Select the programme place withdrawn' }).trim().min(1, 'Select the programme place withdrawn'),
  withdrawReason: requiredText('Enter why the family no longer wants the place', 1000, 'Why'),
});

export const marfSchema = z.object({
  referrer: requiredText('Enter who made the referral (name and agency)', 300, 'Who referred'),
  support: z.enum(choiceValues(supportKinds), { error: 'Select the support the referral asks for' }),
  reason: requiredText('Enter the difficulties the referral describes, from an autism perspective', 3000, 'What the referral describes'),
});

export const hubSchema = z.object({
  decision: z.enum(choiceValues(hubDecisions), { error: "Select the Early Help Hub's decision" }),
  hubSummary: requiredText('Enter what the Early Help Hub discussed and decided', 2000, 'What the Hub decided'),
});

export const letterSchema = z.object({
  outcome: z.enum(choiceValues(letterOutcomes), { error: 'Select what the letter told the family' }),
});

export const contactSchema = z.object({
  contactSummary: requiredText('Enter how the family was contacted and what was arranged', 2000, 'The contact'),
});

/** Closing (ASSIST 5): both parties agree, and the family is told how to use the service again. */
export const closeSchema = z.object({
  closeReason: z.enum(choiceValues(closingReasons), { error: 'Select why the work is closing' }),
  closingSummary: requiredText('Enter a closing summary', 3000, 'The closing summary'),
  accessInformationGiven: z.literal('yes', { error: 'Give the family information on how to use ASSIST again (contacts and parent programmes), then confirm it here (ASSIST 5)' }),
});

/** A contact, programme place or MARF for a child new to Hearth, from ASSIST's list. */
export const newChildSchema = z.object({
  kind: z.enum(['enquiry', 'marf'], { error: 'Select whether this is a direct contact or a MARF referral' }),
  givenNames: requiredText('Enter the child’s given names', 100, 'Given names'),
  familyName: requiredText('Enter the child’s family name', 100, 'Family name'),
  confirmNotDuplicate: z.literal('yes').optional(),
});
