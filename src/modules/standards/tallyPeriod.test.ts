import { describe, expect, it } from 'vitest';
import { tallyPeriod } from './standardsService';

describe('tallyPeriod: the whole London months inside a period, which the compliance tallies count', () => {
  it('takes the months wholly inside, leaving the part-months at either end to be counted one by one', () => {
    const p = tallyPeriod('2025-11-22', '2026-11-22');
    expect(p.months).toMatchObject({ from: '2025-12-01', to: '2026-11-01' });
    // Midnight in London: GMT in December, and 1 November 2026 is after the clocks went back.
    expect(p.months?.fromInstant.toISOString()).toBe('2025-12-01T00:00:00.000Z');
    expect(p.from.toISOString()).toBe('2025-11-22T00:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('counts a month that starts or ends the period as whole, in British Summer Time too', () => {
    const p = tallyPeriod('2026-04-01', '2026-06-30');
    expect(p.months).toMatchObject({ from: '2026-04-01', to: '2026-07-01' });
    expect(p.months?.fromInstant.toISOString()).toBe('2026-03-31T23:00:00.000Z');
    expect(p.months?.toInstant.toISOString()).toBe(p.to.toISOString());
  });

  it('has no whole month when the period lies within one, or straddles two without covering either', () => {
    expect(tallyPeriod('2026-03-03', '2026-03-20').months).toBeNull();
    expect(tallyPeriod('2026-03-31', '2026-04-01').months).toBeNull();
    expect(tallyPeriod('2026-01-31', '2026-02-27').months).toBeNull();
  });

  it('crosses the year end', () => {
    expect(tallyPeriod('2025-12-31', '2026-02-28').months).toMatchObject({ from: '2026-01-01', to: '2026-03-01' });
  });
});
