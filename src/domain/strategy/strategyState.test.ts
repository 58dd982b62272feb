import { describe, expect, it } from 'vitest';
import { englandAndWalesCalendar } from '../../platform/calendar';
import { amendmentsClose, latestStrategy, strategyStepRefusal, type StrategyEvent } from './strategyState';

const calendar = englandAndWalesCalendar();
let n = 0;
const ev = (type: string, iso: string, data: Record<string, unknown> = {}): StrategyEvent => ({ id: `e${++n}`, type, occurredAt: new Date(iso), recordedByName: 'Tom Reilly', data });

describe('a strategy discussion from the events (Strategy Discussions 1-8)', () => {
  it('gives agencies 5 working days for amendments, not counting Christmas, the substitute Boxing Day or New Year', () => {
    // Minutes on Wednesday 23 December 2026: 24, 29, 30, 31 December and 4 January 2027.
    expect(amendmentsClose(new Date('2026-12-23T15:00:00Z'), calendar)).toBe('2027-01-04');
  });

  it('starts at the front door or on new information, and says what to record first at each step', () => {
    expect(latestStrategy([ev('contact.received', '2026-05-01T09:00:00Z')], calendar)).toBeNull();
    expect(strategyStepRefusal(null, 'trigger')).toBe('No strategy discussion has been decided: record the decision to hold one first');
    const fromFrontDoor = latestStrategy([ev('threshold.decided', '2026-05-01T10:00:00Z', { outcome: 'strategy_discussion' })], calendar);
    expect(fromFrontDoor?.decidedAt.toISOString()).toBe('2026-05-01T10:00:00.000Z');
    expect(strategyStepRefusal(fromFrontDoor, 'minutes')).toBe('Record the strategy meeting first');
    const stream = [
      ev('strategy.new_information_received', '2026-05-01T09:00:00Z', { summary: 'Disclosure' }),
      ev('strategy.discussion_decided', '2026-05-01T09:30:00Z'),
      ev('strategy.discussion_held', '2026-05-01T15:00:00Z', { section47ThresholdMet: false }),
      ev('strategy.minutes_distributed', '2026-05-01T17:00:00Z'),
      // Friday 1 May: 5 working days, Monday 4 May (a bank holiday) not counted, is Monday 11 May.
      ev('strategy.amendment_received', '2026-05-11T16:00:00Z', { agency: 'Police', summary: 'A' }),
      ev('strategy.amendment_received', '2026-05-12T09:00:00Z', { agency: 'Health', summary: 'B' }),
    ];
    const state = latestStrategy(stream, calendar);
    expect(state?.information?.summary).toBe('Disclosure');
    expect(state?.amendments.map((a) => a.inTime)).toEqual([true, false]);
    expect(strategyStepRefusal(state, 'cpAdmin')).toBe('The Child Protection Admin Team is advised only when the Section 47 threshold is met');
    expect(strategyStepRefusal(state, 'hold')).toBe('The strategy meeting has already been recorded');
  });
});
