import { describe, expect, it } from 'vitest';
import { eventTypeOf } from '../../standards/index';
import { decisionSchema } from './frontDoorSchemas';

const teamId = '0b6f8a53-8a3c-4a4e-9a55-3c1b8f0a7d21';
const problems = (input: Record<string, unknown>) => decisionSchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

describe("the threshold decision asks the child's primary need for a referral going on to further action (issue 10, cin-census/rules.csv 8610)", () => {
  it('is required for an assessment and a strategy discussion, with what to do', () => {
    const message = "Select the child's primary need, as it looks now";
    expect(problems({ outcome: 'assessment', reason: 'Assess the care at home', teamId })).toEqual([['primaryNeed', message]]);
    expect(problems({ outcome: 'strategy_discussion', reason: 'Injury', primaryNeed: '' })).toEqual([['primaryNeed', message]]);
    // A word the census cannot take, or "not stated", is no answer.
    expect(problems({ outcome: 'strategy_discussion', reason: 'Injury', primaryNeed: 'poverty' })).toEqual([['primaryNeed', message]]);
    expect(problems({ outcome: 'strategy_discussion', reason: 'Injury', primaryNeed: 'not_stated' })).toEqual([['primaryNeed', message]]);
    expect(decisionSchema.parse({ outcome: 'assessment', reason: 'Assess', teamId, primaryNeed: 'acute_stress' })).toMatchObject({ primaryNeed: 'acute_stress' });
  });

  it('is not asked for no further action or Early Help', () => {
    expect(problems({ outcome: 'early_help', reason: 'Needs met by the hub' })).toEqual([]);
    expect(problems({ outcome: 'no_further_action', reason: 'No concerns', adviceToReferrer: 'Call again if it recurs', primaryNeed: 'poverty' })).toEqual([]);
  });

  it('is optional on the event type, so history imports, but must be one of the words when given', () => {
    const schema = eventTypeOf('threshold.decided')?.data;
    const messages = (data: unknown) => schema?.safeParse(data).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
    expect(messages({ outcome: 'assessment' })).toEqual([]);
    expect(messages({ outcome: 'assessment', primaryNeed: 'not_stated' })).toEqual([]);
    expect(messages({ outcome: 'assessment', primaryNeed: 'poverty' })).toEqual([['primaryNeed', expect.stringMatching(/^primaryNeed must be one of abuse_or_neglect, .*not_stated$/)]]);
  });
});
