import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../records/events';
import { currentPlacementOf, disruptionCauseCounts, distanceProfile, stabilityMeasures, type ChildHistory } from './stabilityMeasures';

let seq = 0;
const e = (type: string, date: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++seq}`, type, occurredAt: new Date(`${date}T12:00:00Z`), recordedByName: null, data });
const child = (personId: string, dateOfBirth: string | null, events: WorkflowEvent[]): ChildHistory => ({ personId, dateOfBirth, events });

describe('placement stability measures (DfE; issue 7 reports)', () => {
  const on = '2027-03-31';
  it('counts children looked after on the date with three or more placements in the year to it', () => {
    const moves = child('a', '2015-01-01', [e('cic.started', '2026-01-10'), e('cic.placement_started', '2026-01-10'), e('cic.placement_started', '2026-04-01'), e('cic.placement_started', '2026-09-01'), e('cic.placement_started', '2027-02-01')]);
    // The first placement was more than a year before: two in the year, not three.
    const two = child('b', '2015-01-01', [e('cic.started', '2026-03-31'), e('cic.placement_started', '2026-03-31'), e('cic.placement_started', '2026-06-01'), e('cic.placement_started', '2026-12-01')]);
    const left = child('c', '2015-01-01', [e('cic.started', '2026-05-01'), e('cic.placement_started', '2026-05-01'), e('cic.placement_started', '2026-06-01'), e('cic.placement_started', '2026-07-01'), e('cic.ended', '2027-01-01')]);
    const result = stabilityMeasures([moves, two, left], on);
    expect(result.lookedAfter).toBe(2);
    expect(result.threeOrMore).toEqual([{ personId: 'a', placements: 3 }]);
  });

  it('among under-16s looked after for two and a half years, counts those in the same placement for two years', () => {
    const stable = child('s', '2014-06-01', [e('cic.started', '2024-09-01'), e('cic.placement_started', '2024-09-01'), e('cic.placement_started', '2025-03-31')]);
    const moved = child('m', '2014-06-01', [e('cic.started', '2024-09-01'), e('cic.placement_started', '2024-09-01'), e('cic.placement_started', '2025-04-01')]);
    const tooRecent = child('r', '2014-06-01', [e('cic.started', '2024-10-01'), e('cic.placement_started', '2024-10-01')]);
    const sixteen = child('o', '2011-03-31', [e('cic.started', '2020-01-01'), e('cic.placement_started', '2020-01-01')]);
    const result = stabilityMeasures([stable, moved, tooRecent, sixteen], on);
    expect(result.longTerm).toEqual({ eligible: 2, stable: 1, unstable: ['m'] });
  });

  it("finds where a child is placed on a date, and none after their placement or care ended", () => {
    const history = child('x', null, [e('cic.started', '2026-01-01'), e('cic.placement_started', '2026-01-01', { providerId: 'p', distanceFromHomeMiles: 12.5, carer: 'Oak' }), e('cic.placement_ended', '2026-06-01')]);
    expect(currentPlacementOf(history, '2026-03-01')).toMatchObject({ providerId: 'p', distanceFromHomeMiles: 12.5, since: '2026-01-01', careSince: '2026-01-01' });
    expect(currentPlacementOf(history, '2026-07-01')).toBeNull();
  });

  it('bands distances from home, keeping those not known apart', () => {
    const at = (miles: number | null) => ({ personId: String(miles), since: '', careSince: '', providerId: null, ratingExceptionId: null, distanceFromHomeMiles: miles, carer: '' });
    const profile = distanceProfile([at(0), at(4.9), at(5), at(19.9), at(20), at(null)]);
    expect(profile.bands.map((b) => b.count)).toEqual([2, 1, 1, 1]);
    expect(profile.unknown).toBe(1);
    expect(profile.farAway.map((p) => p.distanceFromHomeMiles)).toEqual([20]);
  });

  it('counts the causes disruption reviews found in a period', () => {
    const history = child('d', null, [e('placements.disruption_review_held', '2026-05-01', { causes: ['missing', 'support'] }), e('placements.disruption_review_held', '2026-09-01', { causes: ['missing'] }), e('placements.disruption_review_held', '2025-01-01', { causes: ['matching'] })]);
    expect([...disruptionCauseCounts([history], '2026-04-01', '2027-03-31')]).toEqual([['missing', 2], ['support', 1]]);
  });
});
