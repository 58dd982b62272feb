import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../records/events';
import { youthJusticeIndicators, type ChildEvents } from './indicators';

let n = 0;
const ev = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++n}`, type, occurredAt: new Date(at), recordedByName: null, data });
const child = (personId: string, ...events: WorkflowEvent[]): ChildEvents => ({ personId, events });

/**
 * Six children, the figures for 2026 worked out by hand:
 * - a: youth caution 10 March 2026 (first), re-offended 1 February 2027 (within 12 months): FTE, cohort, re-offender.
 * - b: community resolution 2025, then a referral order 4 May 2026 (first formal): FTE, cohort; re-offended 5 May 2027 (after 12 months): not a re-offender.
 * - c: youth conditional caution 2025 (first), DTO 1 December 2026: not FTE, cohort (index the DTO), custody; re-offended twice in 2027 within 12 months.
 * - d: referral saying a caution elsewhere before, youth caution 2026: not FTE, cohort.
 * - e: community resolution only in 2026: nothing.
 * - f: a caution at 23:30 UTC on 31 December 2025, which is 31 December in London (GMT): not 2026.
 */
const children: ChildEvents[] = [
  child('a', ev('yos.disposal_delivered', '2026-03-10T10:00:00Z', { disposal: 'youth_caution' }), ev('yos.reoffended', '2027-02-01T10:00:00Z', { offence: 'Theft' })),
  child('b', ev('yos.disposal_delivered', '2025-06-01T10:00:00+01:00', { disposal: 'community_resolution' }), ev('yos.sentenced', '2026-05-04T12:00:00+01:00', { order: 'referral_order' }), ev('yos.reoffended', '2027-05-05T10:00:00+01:00')),
  child('c', ev('yos.disposal_delivered', '2025-09-01T10:00:00+01:00', { disposal: 'youth_conditional_caution' }), ev('yos.sentenced', '2026-12-01T12:00:00Z', { order: 'detention_and_training_order' }), ev('yos.reoffended', '2027-01-20T10:00:00Z'), ev('yos.reoffended', '2027-11-30T10:00:00Z')),
  child('d', ev('yos.referral_received', '2026-02-01T10:00:00Z', { route: 'out_of_court', source: 'police', previousDisposal: true }), ev('yos.disposal_delivered', '2026-02-20T10:00:00Z', { disposal: 'youth_caution' })),
  child('e', ev('yos.disposal_delivered', '2026-07-01T10:00:00+01:00', { disposal: 'community_resolution' })),
  child('f', ev('yos.disposal_delivered', '2025-12-31T23:30:00Z', { disposal: 'youth_caution' })),
];

describe('youth justice performance indicators', () => {
  it('counts first-time entrants, the re-offending cohort and custodial sentences for a year', () => {
    const figures = youthJusticeIndicators(children, 2026, '2027-03-01');
    expect(figures.firstTimeEntrants.count).toBe(2);
    expect(figures.firstTimeEntrants.children).toEqual([
      { personId: 'a', on: '2026-03-10', what: 'Youth caution' },
      { personId: 'b', on: '2026-05-04', what: 'Referral order' },
    ]);
    expect(figures.reoffending).toMatchObject({ cohort: 4, reoffenders: 2, rate: 50, reoffences: 3, followUpEnds: '2027-12-31', complete: false });
    expect(figures.reoffending.children.map((c) => [c.personId, c.on, c.reoffendedOn, c.reoffences])).toEqual([
      ['d', '2026-02-20', null, 0],
      ['a', '2026-03-10', '2027-02-01', 1],
      ['b', '2026-05-04', null, 0],
      ['c', '2026-12-01', '2027-01-20', 2],
    ]);
    expect(figures.custody).toEqual({ count: 1, children: [{ personId: 'c', on: '2026-12-01', what: 'Detention and training order (custody)' }] });
  });

  it('reads years by the London date, and says when the follow-up is complete', () => {
    const figures = youthJusticeIndicators(children, 2025, '2027-01-01');
    // f's caution on 31 December 2025; c's conditional caution; b's community resolution does not count.
    expect(figures.firstTimeEntrants.children.map((c) => c.personId)).toEqual(['c', 'f']);
    expect(figures.reoffending).toMatchObject({ cohort: 2, reoffenders: 0, rate: 0, complete: true });
    expect(figures.custody.count).toBe(0);
    expect(youthJusticeIndicators([], 2026, '2026-06-01').reoffending.rate).toBeNull();
  });
});
