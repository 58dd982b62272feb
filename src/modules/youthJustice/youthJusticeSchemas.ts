import { z } from 'zod';
import { courts, disposals, endReasons, orders, referralRoutes, referralSources } from '../../domain/youthJustice/youthJusticeCodes';
import { choiceValues, optionalText, requiredText } from '../../platform/validation';

/** The forms of the Youth Offending Service's work on a child's record (practice-standards.txt, Section 1: Youth Offending Service 1-22). */
export const referralSchema = z.object({
  source: z.enum(choiceValues(referralSources), { error: 'Select who referred the child' }),
  route: z.enum(choiceValues(referralRoutes), { error: 'Select whether the referral is out of court or through the court' }),
  offence: requiredText('Enter the offence or behaviour the referral is about', 500, 'The offence'),
  previousDisposal: z.enum(['yes', 'no'], { error: 'Select whether the child has had a caution or conviction before, recorded elsewhere' }),
});

export const allocationSchema = z.object({
  caseManagerId: z.string({ error: 'Select the case manager' }).trim().min(1, 'Select the case manager'),
});

export const arrestSchema = z.object({
  arrestedFor: requiredText('Enter what the child was arrested for', 500, 'What the child was arrested for'),
});

export const disposalSchema = z.object({
  disposal: z.enum(choiceValues(disposals), { error: 'Select the out-of-court disposal' }),
});

export const reportSchema = z.object({
  reportCourt: z.enum(choiceValues(courts), { error: 'Select the court the report was for' }),
  proposal: requiredText('Enter the sentencing proposal, with the alternatives to custody and how the risks would be managed (standard 16)', 3000, 'The proposal'),
});

export const sentenceSchema = z.object({
  order: z.enum(choiceValues(orders), { error: 'Select the sentence' }),
  court: z.enum(choiceValues(courts), { error: 'Select the court that sentenced the child' }),
});

export const accommodationSchema = z.object({
  accommodation: requiredText('Enter the accommodation the young person will live in on release', 1000, 'The accommodation'),
});

export const eteSchema = z.object({
  ete: requiredText('Enter the education, training or employment arranged for the release', 1000, 'The education, training or employment'),
});

export const releaseSchema = z.object({
  notInPlaceReason: optionalText(2000, 'The reason'),
});

export const reoffenceSchema = z.object({
  furtherOffence: requiredText('Enter the further offence', 500, 'The further offence'),
});

export const endSchema = z.object({
  reason: z.enum(choiceValues(endReasons), { error: 'Select why the intervention ended' }),
  summary: optionalText(2000, 'Notes'),
});

export const noteSchema = z.object({
  note: requiredText('Enter the note or correction, and why it is added', 3000, 'The note'),
});

export const notesSchema = z.object({
  summary: optionalText(2000, 'Notes'),
});

export const yearSchema = z.coerce.number({ error: 'Choose a year' }).int().min(2015).max(2040);
