import { z } from 'zod';
import { attendanceOutcomes, cancelledBy, levels, reasons } from '../../domain/familyTime/sessions';
import { checkboxes, choiceValues, optionalText, readTime, requiredText, yesNo } from '../../platform/validation';

const time = (label: string) =>
  z
    .string({ error: `Enter the ${label}, like 14:30` })
    .trim()
    .min(1, `Enter the ${label}, like 14:30`)
    .transform((v, ctx) => readTime(v) ?? (ctx.addIssue({ code: 'custom', message: `The ${label} must be a real time on the 24-hour clock, like 09:30 or 14:30` }), z.NEVER));

export const bookSchema = z.object({
  workerId: z.string({ error: 'Select the Family Time worker' }).min(1, 'Select the Family Time worker'),
  venue: requiredText('Enter where the family time will be', 300, 'The venue'),
  startTime: time('start time'),
  endTime: time('end time'),
  attendees: checkboxes(z.string()).refine((v) => v.length > 0, 'Select at least one family member who will attend'),
  level: z.enum(choiceValues(levels), { error: 'Select the level of support' }),
  reason: z.enum(choiceValues(reasons), { error: 'Select why the family time is overseen by the Family Time team' }),
  assessment: optionalText(200, 'The assessment'),
  planSays: requiredText('Enter what the plan says about family time', 2000, 'What the plan says about family time'),
});

export const recordSchema = z.object({
  sessionId: z.string({ error: 'Select the session' }).min(1, 'Select the session'),
  attendance: z.enum(choiceValues(attendanceOutcomes), { error: 'Select who attended' }),
  absentIds: checkboxes(z.string()),
  observations: optionalText(10000, 'The observations'),
  concerns: yesNo,
  concernDetails: optionalText(5000, 'The concerns'),
});

export const cancelSchema = z.object({
  sessionId: z.string({ error: 'Select the session' }).min(1, 'Select the session'),
  by: z.enum(choiceValues(cancelledBy), { error: 'Select who cancelled' }),
  reason: requiredText('Enter why it was cancelled', 1000, 'Why it was cancelled'),
});
