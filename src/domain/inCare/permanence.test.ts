import { describe, expect, it } from 'vitest';
import { optionRefusal, permanenceOf } from './permanence';

let n = 0;
const event = (type: string, occurredAt: string, data: Record<string, unknown> = {}) => ({ id: `e${++n}`, type, occurredAt: new Date(occurredAt), recordedByName: 'Marcus Bell', data });

describe('permanence planning read from the record (practice-standards.txt, Section 3: Permanency Planning Meetings)', () => {
  it('opens planning on the need or on reunification ruled out, keeps each PPM and the plan, and closes it when achieved', () => {
    const stream = [
      event('cic.started', '2026-12-24T15:00:00Z', { legalStatus: 'L1' }),
      event('cic.reunification_ruled_out', '2027-02-01T10:00:00Z'),
      event('ppm.held', '2027-02-10T10:00:00Z', { option: 'adoption', reason: 'no_reunification', attended: ['iro'] }),
      event('cic.permanency_plan_established', '2027-02-10T10:00:00Z', { option: 'adoption' }),
      event('cic.permanence_achieved', '2027-09-01T10:00:00Z', { summary: 'Placed for adoption' }),
    ];
    const state = permanenceOf(stream);
    expect([state.planning, state.meetings.map((m) => m.option), state.plan?.option, state.achieved?.summary]).toEqual([false, ['adoption'], 'adoption', 'Placed for adoption']);
    expect(permanenceOf([...stream, event('cic.ended', '2027-12-01T10:00:00Z'), event('cic.started', '2028-03-01T10:00:00Z', { legalStatus: 'V2' })]).meetings).toEqual([]);
  });

  it('allows planning for independence only over 15½ (standard 2)', () => {
    expect(optionRefusal('independence', 185)).toMatch(/over 15½/);
    expect(optionRefusal('independence', 186)).toBeNull();
    expect(optionRefusal('independence', null)).toMatch(/over 15½/);
    expect(optionRefusal('long_term_fostering', 60)).toBeNull();
  });
});
