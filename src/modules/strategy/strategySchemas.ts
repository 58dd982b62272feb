import { z } from 'zod';
import { strategyAgencies, type Attendee, type StrategyAgency } from '../../domain/strategy/strategyState';
import type { Problem } from '../../domain/people/personDetails';
import { optionalText, requiredText } from '../../platform/validation';

export const decisionSchema = z.object({
  information: requiredText('Enter the new information that prompts a strategy discussion', 5000, 'The new information'),
});

export const heldSchema = z.object({
  section47ThresholdMet: z.enum(['yes', 'no'], { error: 'Select whether the threshold for a Section 47 enquiry was met' }),
  delayReason: optionalText(5000, 'Why the meeting was later than 24 hours'),
  summary: optionalText(10000, 'The discussion and its actions'),
});

export const amendmentSchema = z.object({
  agency: requiredText('Enter which agency sent the amendment', 200, 'The agency'),
  amendment: requiredText('Enter what the amendment changes', 5000, 'The amendment'),
});

/**
 * Who was invited and who came, one row per agency on the form (`attendee-<agency>-name`,
 * `attendee-<agency>-attended`): a row with no name was not invited. The police and children's
 * social care must be there, as the strategy discussion is theirs with the other agencies
 * (Strategy Discussions 3: police attendance organised once the PEC referral is made).
 */
export function attendeesFrom(body: Record<string, unknown>): { attendees: Attendee[]; problems: Problem[] } {
  const attendees: Attendee[] = [];
  const problems: Problem[] = [];
  for (const { value: agency, text } of strategyAgencies) {
    const name = typeof body[`attendee-${agency}-name`] === 'string' ? String(body[`attendee-${agency}-name`]).trim() : '';
    const attended = body[`attendee-${agency}-attended`] === 'yes';
    if (name.length > 200) problems.push({ field: `attendee-${agency}-name`, message: `${text}: the name must be 200 characters or fewer` });
    else if (name) attendees.push({ agency: agency as StrategyAgency, name, attended });
    else if (attended) problems.push({ field: `attendee-${agency}-name`, message: `Enter who came from ${text}` });
  }
  for (const needed of ['police', 'social_care'] as const) {
    if (!attendees.some((a) => a.agency === needed)) problems.push({ field: `attendee-${needed}-name`, message: needed === 'police' ? 'Enter who was invited from the police' : "Enter who was invited from children's social care" });
  }
  return { attendees, problems };
}
