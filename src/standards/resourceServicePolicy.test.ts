import { describe, expect, it } from 'vitest';
import { dueOf, ev, obligationsOf, stateAt } from '../../test/support/standardsCases';
import { ruleById } from './index';

// Dates used: the summer bank holiday Monday 31 August 2026; Christmas Day Friday 25 December 2026
// and Boxing Day's substitute Monday 28 December 2026.

const inCare = ev('cic.started', '2026-08-01T10:00:00+01:00', { legalStatus: 'C2' });

describe('1.1 Role of the Service', () => {
  it('placements.site-visit: by the day the placement starts, before a bank holiday weekend (paragraph 2)', () => {
    const placement = ev('cic.placement_started', '2026-08-28T17:00:00+01:00', { complexNeeds: true, placementId: 'p1' });
    // 0 days before the placement is its own day, Friday 28 August: the bank holiday after it does not move it.
    const [visited] = obligationsOf('placements.site-visit', [inCare, ev('placements.site_visited', '2026-08-27T11:00:00+01:00', { placementId: 'p1' }), placement]);
    expect(dueOf(visited!)).toBe('2026-08-28');
    expect(visited!.outcome).toBe('met');
    // No visit, a visit to another placement, or one after it started: missed, and so overdue.
    for (const visit of [[], [ev('placements.site_visited', '2026-08-27T11:00:00+01:00', { placementId: 'p0' })]]) {
      const [missed] = obligationsOf('placements.site-visit', [inCare, ...visit, placement]);
      expect(missed!.outcome).toBe('missed');
      expect(stateAt(missed!, new Date('2026-08-29T09:00:00+01:00'))).toBe('overdue');
    }
    const [after] = obligationsOf('placements.site-visit', [inCare, placement, ev('placements.site_visited', '2026-09-01T11:00:00+01:00', { placementId: 'p1' })]);
    expect(after!.outcome).toBe('missed');
    // A placement with neither complex needs nor a risk of disruption needs none; the risk alone does.
    expect(obligationsOf('placements.site-visit', [inCare, ev('cic.placement_started', '2026-08-28T17:00:00+01:00')])).toEqual([]);
    expect(obligationsOf('placements.site-visit', [inCare, ev('cic.placement_started', '2026-08-28T17:00:00+01:00', { riskOfDisruption: true })])).toHaveLength(1);
  });

  it('placements.quality-assurance-visit-all: every commissioned placement, off by default (paragraph 2)', () => {
    expect(ruleById('placements.quality-assurance-visit-all')?.enabled).toBe(false);
    // Placed with an independent fostering agency on Monday 28 December 2026 (a bank holiday): + 6 months = Monday 28 June 2027.
    const [obligation] = obligationsOf('placements.quality-assurance-visit-all', [inCare, ev('cic.placement_started', '2026-12-28T12:00:00Z', { setting: 'independent_fostering' })]);
    expect(dueOf(obligation!)).toBe('2027-06-28');
    expect(stateAt(obligation!, new Date('2027-06-29T09:00:00+01:00'))).toBe('overdue');
    expect(obligationsOf('placements.quality-assurance-visit-all', [inCare, ev('cic.placement_started', '2026-12-28T12:00:00Z', { setting: 'in_house_fostering' })])).toEqual([]);
  });

  it('placements.notice-to-quit: a Placement Stability Meeting first, in the same placement (paragraph 4)', () => {
    const placement = ev('cic.placement_started', '2026-12-01T12:00:00Z', { setting: 'residential' });
    const notice = ev('placements.notice_to_quit_accepted', '2026-12-24T10:00:00Z');
    // 0 days before the notice: Thursday 24 December itself, the day before Christmas.
    const [met] = obligationsOf('placements.notice-to-quit', [inCare, placement, ev('placements.stability_meeting_held', '2026-12-23T10:00:00Z'), notice]);
    expect(dueOf(met!)).toBe('2026-12-24');
    expect(met!.outcome).toBe('met');
    // A meeting about the previous placement does not count for this one.
    const [missed] = obligationsOf('placements.notice-to-quit', [
      inCare,
      ev('cic.placement_started', '2026-09-01T12:00:00+01:00'),
      ev('placements.stability_meeting_held', '2026-10-01T10:00:00+01:00'),
      ev('cic.placement_ended', '2026-11-30T12:00:00Z'),
      placement,
      notice,
    ]);
    expect(missed!.outcome).toBe('missed');
    // Nor does the meeting held before an earlier notice in the same placement.
    const twice = obligationsOf('placements.notice-to-quit', [inCare, placement, ev('placements.stability_meeting_held', '2026-12-10T10:00:00Z'), ev('placements.notice_to_quit_accepted', '2026-12-11T10:00:00Z'), notice]);
    expect(twice.map((o) => o.outcome)).toEqual(['met', 'missed']);
  });
});

describe('1.2 Resources Service objectives', () => {
  it('placements.quality-assurance-visit: every 6 months in residential and supported accommodation, until the placement ends (bullet 4)', () => {
    // Placed in a children's home on Monday 31 August 2026 (the summer bank holiday): + 6 months =
    // 31 February 2027, clamped to Sunday 28 February. Visited Friday 26 February; the next is due
    // 6 months from the visit, Thursday 26 August 2027.
    const events = [inCare, ev('cic.placement_started', '2026-08-31T12:00:00+01:00', { setting: 'residential' }), ev('placements.quality_assurance_visit_made', '2027-02-26T10:00:00Z')];
    expect(obligationsOf('placements.quality-assurance-visit', events).map((o) => [dueOf(o), o.outcome])).toEqual([
      ['2027-02-28', 'met'],
      ['2027-08-26', 'open'],
    ]);
    const ended = obligationsOf('placements.quality-assurance-visit', [...events, ev('cic.placement_ended', '2027-06-01T12:00:00+01:00')]);
    expect(ended.at(-1)!.outcome).toBe('cancelled');
    // Foster care the authority provides itself is not one of these settings.
    expect(obligationsOf('placements.quality-assurance-visit', [inCare, ev('cic.placement_started', '2026-08-31T12:00:00+01:00', { setting: 'in_house_fostering' })])).toEqual([]);
  });
});
