import { z } from 'zod';
import { ageIsAReasonForNoSdq, convictionAsked, interventionValues, sdqNotDoneValues, substanceMisuseAnswers } from '../../domain/inCare/healthOutcomes';
import type { Problem } from '../../domain/people/personDetails';
import { optionalText } from '../../platform/validation';

/**
 * The two Health and education forms the SSDA903 OC2 table needs (issue 10), shared by the page
 * and the API: the year's health and wellbeing of a child looked after for a year, and why an SDQ
 * could not be done. The schema checks each answer; what depends on another answer or on the
 * child's age is checked by the *Problems functions, so that every problem shows at once.
 */
const yesNo = (message: string) => z.enum(['yes', 'no'], { error: message });
/** A radio left unticked is absent; an API client's empty string is the same. */
const blankIsAbsent = (v: unknown) => (v === '' || v === null ? undefined : v);

export const wellbeingMessages = {
  immunisationsUpToDate: "Select whether the child's immunisations are up to date",
  substanceMisuse: 'Select whether a substance misuse problem was identified during the year',
  intervention: 'Select whether the child received an intervention for substance misuse, was offered one and refused it, or was not offered one',
  convicted: 'Select whether the child was convicted, or given a final warning or reprimand, during the year',
} as const;

export const wellbeingSchema = z.object({
  immunisationsUpToDate: yesNo(wellbeingMessages.immunisationsUpToDate),
  substanceMisuse: z.enum(substanceMisuseAnswers, { error: wellbeingMessages.substanceMisuse }),
  intervention: z.preprocess(blankIsAbsent, z.enum(interventionValues, { error: wellbeingMessages.intervention }).optional()),
  convicted: z.preprocess(blankIsAbsent, yesNo(wellbeingMessages.convicted).optional()),
  summary: optionalText(2000, 'Notes'),
});
export type WellbeingAnswers = z.infer<typeof wellbeingSchema>;

/** What depends on another answer or the child's age: the intervention after an identified problem; convictions from 10 (rules-2024-25.csv 192, 543). */
export function wellbeingProblems(body: Record<string, unknown>, dateOfBirth: string | null, on: string): Problem[] {
  const problems: Problem[] = [];
  if (body.substanceMisuse === 'identified' && (body.intervention === undefined || body.intervention === '')) problems.push({ field: 'intervention', message: wellbeingMessages.intervention });
  if (convictionAsked(dateOfBirth, on) && (body.convicted === undefined || body.convicted === '')) problems.push({ field: 'convicted', message: wellbeingMessages.convicted });
  return problems;
}

/** The event's data: booleans for yes and no, the intervention only after an identified problem, convictions only when asked. */
export function wellbeingData(answers: WellbeingAnswers, dateOfBirth: string | null, on: string): Record<string, unknown> {
  return {
    immunisationsUpToDate: answers.immunisationsUpToDate === 'yes',
    substanceMisuse: answers.substanceMisuse,
    ...(answers.substanceMisuse === 'identified' && answers.intervention ? { intervention: answers.intervention } : {}),
    ...(convictionAsked(dateOfBirth, on) && answers.convicted ? { convicted: answers.convicted === 'yes' } : {}),
    summary: answers.summary,
  };
}

export const sdqNotDoneSchema = z.object({
  reason: z.enum(sdqNotDoneValues, { error: 'Select why the SDQ could not be done' }),
  summary: optionalText(2000, 'Notes'),
});

/** The child's age is no reason for a child of 4 to 16 all year (rules-2024-25.csv 157); "another reason" says what it was. */
export function sdqNotDoneProblems(body: Record<string, unknown>, dateOfBirth: string | null, on: string): Problem[] {
  const problems: Problem[] = [];
  if (body.reason === 'age' && !ageIsAReasonForNoSdq(dateOfBirth, on)) {
    problems.push({ field: 'reason', message: 'The child is aged 4 to 16 all this year, so their age is not why: select another reason' });
  }
  if (body.reason === 'other' && (typeof body.summary !== 'string' || body.summary.trim() === '')) problems.push({ field: 'summary', message: 'Enter why the SDQ could not be done' });
  return problems;
}
