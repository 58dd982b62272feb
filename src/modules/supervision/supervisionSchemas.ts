import { z } from 'zod';
import { frequencies } from '../../domain/supervision/frequency';
import { amendableParts, qualityRatings } from '../../domain/supervision/supervisionFile';
import { optionalText, requiredText } from '../../platform/validation';

/**
 * The forms of supervision (specialist-service-statement.txt 5.4), shared by the pages and any
 * other caller: the contract, a session, an amendment, an observation and an audit.
 */
export const contractSchema = z.object({
  supervisorId: z.uuid({ error: 'Select the supervisor' }),
  frequency: z.enum(frequencies, { error: 'Select how often supervision will be held' }),
  covers: requiredText('Enter what supervision will cover, like "case discussion, reflection and learning, wellbeing and workload, development"', 3000, 'What supervision covers'),
  reason: optionalText(2000, 'Why this contract replaces the last one'),
});

export const sessionSchema = z.object({
  reflections: requiredText('Enter the reflection and learning from the session: every session includes it (5.4)', 10000, 'Reflection and learning'),
  wellbeing: requiredText('Enter what was discussed about wellbeing and workload', 5000, 'Wellbeing and workload'),
});

export const caseDiscussionSchema = z.object({
  discussion: requiredText('Enter what was discussed about the child', 20000, 'What was discussed'),
  actions: requiredText('Enter the actions agreed for the child, with who does them', 10000, 'Actions agreed'),
});

export const sessionActionSchema = z.object({
  action: requiredText('Enter the action', 1000, 'The action'),
  owner: z.enum(['supervisee', 'supervisor'], { error: 'Select who does the action' }),
});

export const amendmentSchema = z.object({
  part: z.enum(amendableParts, { error: 'Select what the amendment changes' }),
  text: requiredText('Enter the changed text', 10000, 'The changed text'),
  reason: requiredText('Enter why the record is amended: a supervision record is changed only by an amendment with its reason', 2000, 'Why it is amended'),
});

export const observationSchema = z.object({
  feedback: requiredText('Enter the feedback given to the supervisor after observing the session', 10000, 'Feedback'),
  learning: optionalText(5000, 'Learning to take forward'),
});

export const auditSchema = z.object({
  quality: z.enum(qualityRatings, { error: 'Select the quality of the supervision records' }),
  comments: requiredText('Enter your comments on the quality of the records: reflection, case direction, actions and timescales, wellbeing', 10000, 'Comments'),
});
