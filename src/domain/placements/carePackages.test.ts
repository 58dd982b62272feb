import { describe, expect, it } from 'vitest';
import { carePackagesOf, fundingRefusal, isLive, poundsText, reviewOverdue, setUpRefusal } from './carePackages';
import { financialYearOf, monthsFrom, nightsInMonth, spendByMonth, spendForNights, spendLines, totalsBy } from './carePackageSpend';

let n = 0;
const event = (type: string, occurredAt: string, data: Record<string, unknown>, by = 'u1') => ({ id: `e${++n}`, type, occurredAt: new Date(occurredAt), recordedBy: by, recordedByName: `User ${by}`, data });
const agreed = (packageId: string, over: Record<string, unknown> = {}) =>
  event('placements.care_package_agreed', '2026-01-05T10:00:00Z', { packageId, placementId: 'pl1', providerId: 'pr1', providerName: 'Oakfield House', weeklyPence: 145000, startsOn: '2026-01-25', endsOn: null, includes: ['accommodation'], funding: { socialCare: 145000, health: 0, education: 0 }, reviewBy: '2026-04-25', ...over });
const approved = (packageId: string, at = '2026-01-06T10:00:00Z') => event('placements.care_package_approved', at, { packageId }, 'u2');

describe('care packages read from the record (resource-service-policy.txt 4.1)', () => {
  it('goes from proposed to approved (by someone else) to ended, with reviews', () => {
    const [p] = carePackagesOf([
      agreed('a'),
      approved('a'),
      event('placements.care_package_reviewed', '2026-04-20T10:00:00Z', { packageId: 'a', reviewedOn: '2026-04-20', outcome: 'continue', notes: 'Settled', nextReviewOn: '2026-07-20' }),
      event('placements.care_package_ended', '2026-08-01T10:00:00Z', { packageId: 'a', endsOn: '2026-08-01', reason: 'Moved to in-house foster care' }),
    ]);
    expect([p?.status, p?.approved?.byId, p?.agreed.byId, p?.endsOn, p?.reviews.length, p?.nextReviewOn]).toEqual(['ended', 'u2', 'u1', '2026-08-01', 1, '2026-07-20']);
  });

  it('a change of cost is a new package that supersedes the old from a date, once approved', () => {
    const stream = [agreed('a'), approved('a'), agreed('b', { weeklyPence: 160000, funding: { socialCare: 120000, health: 40000, education: 0 }, startsOn: '2026-03-01', supersedes: 'a' })];
    expect(carePackagesOf(stream).map((p) => [p.packageId, p.status, p.endsOn])).toEqual([['a', 'approved', null], ['b', 'proposed', null]]);
    const after = carePackagesOf([...stream, approved('b', '2026-02-10T10:00:00Z')]);
    expect(after.map((p) => [p.packageId, p.status, p.endsOn, p.supersededBy])).toEqual([['a', 'ended', '2026-03-01', 'b'], ['b', 'approved', null, null]]);
  });

  it('refuses packages that would pay twice for the same nights of a placement', () => {
    const packages = carePackagesOf([agreed('a'), approved('a')]);
    expect(setUpRefusal(packages, { placementId: 'pl1', startsOn: '2026-02-01', endsOn: null, supersedes: null })?.message).toMatch(/^This overlaps the package for Oakfield House/);
    expect(setUpRefusal(packages, { placementId: 'pl2', startsOn: '2026-02-01', endsOn: null, supersedes: null })).toBeNull();
    expect(setUpRefusal(packages, { placementId: 'pl1', startsOn: '2026-02-01', endsOn: null, supersedes: 'a' })).toBeNull();
    expect(setUpRefusal(packages, { placementId: 'pl1', startsOn: '2026-01-25', endsOn: null, supersedes: 'a' })?.field).toBe('startsOn');
    expect(setUpRefusal(packages, { placementId: 'pl1', startsOn: '2026-02-01', endsOn: '2026-02-01', supersedes: null })?.field).toBe('endsOn');
    // Before the first begins, ending the night it starts: no shared night.
    expect(setUpRefusal(packages, { placementId: 'pl1', startsOn: '2026-01-01', endsOn: '2026-01-25', supersedes: null })).toBeNull();
    // A package withdrawn before approval pays for nothing, so does not clash.
    const withdrawn = carePackagesOf([agreed('c'), event('placements.care_package_ended', '2026-01-07T10:00:00Z', { packageId: 'c', endsOn: '2026-01-25', reason: 'Withdrawn' })]);
    expect(setUpRefusal(withdrawn, { placementId: 'pl1', startsOn: '2026-02-01', endsOn: null, supersedes: null })).toBeNull();
  });

  it('checks the funding split adds up to the weekly cost', () => {
    expect(fundingRefusal(145000, { socialCare: 100000, health: 45000, education: 0 })).toBeNull();
    expect(fundingRefusal(145000, { socialCare: 100000, health: 40000, education: 0 })).toBe('The funding split adds up to £1,400.00 a week: it must add up to the weekly cost, £1,450.00');
  });

  it('shows a review as overdue only while the package is live', () => {
    const [p] = carePackagesOf([agreed('a'), approved('a')]);
    expect([reviewOverdue(p!, '2026-04-25'), reviewOverdue(p!, '2026-04-26'), isLive(p!, '2026-04-26')]).toEqual([false, true, true]);
    const [ended] = carePackagesOf([agreed('a'), approved('a'), event('placements.care_package_ended', '2026-03-01T10:00:00Z', { packageId: 'a', endsOn: '2026-03-01', reason: 'Placement ended' })]);
    expect(reviewOverdue(ended!, '2026-04-26')).toBe(false);
  });
});

describe('committed spend, to the penny', () => {
  it('rounds weekly cost × nights ÷ 7 to the nearest penny, once per package and month', () => {
    expect(spendForNights(145000, 7)).toBe(145000);
    expect(spendForNights(145000, 31)).toBe(642143); // 642,142.857… pence
    expect(spendForNights(100001, 1)).toBe(14286); // 14,285.857…
    expect(spendForNights(99999, 1)).toBe(14286); // 14,285.571…
    expect(spendForNights(3, 1)).toBe(0); // 0.43 of a penny
    expect(spendForNights(4, 1)).toBe(1); // 0.57 of a penny
    expect(poundsText(642143)).toBe('£6,421.43');
  });

  it('splits a package across a month boundary by the nights in each', () => {
    const p = { startsOn: '2026-01-25', endsOn: '2026-02-10' };
    expect([nightsInMonth(p, '2026-01'), nightsInMonth(p, '2026-02'), nightsInMonth(p, '2026-03')]).toEqual([7, 9, 0]);
    const [pkg] = carePackagesOf([agreed('a', { endsOn: '2026-02-10' }), approved('a')]);
    expect(spendByMonth([pkg!], '2025-12', '2026-03')).toEqual([
      { month: '2025-12', pence: 0 },
      { month: '2026-01', pence: 145000 },
      { month: '2026-02', pence: 186429 }, // 9 nights: 186,428.57…
      { month: '2026-03', pence: 0 },
    ]);
  });

  it('counts 29 nights in a leap February and 28 otherwise', () => {
    const [pkg] = carePackagesOf([agreed('a', { startsOn: '2027-12-01' }), approved('a')]);
    expect(spendByMonth([pkg!], '2028-02', '2028-02')).toEqual([{ month: '2028-02', pence: 600714 }]); // 29 nights
    expect(spendByMonth([pkg!], '2029-02', '2029-02')).toEqual([{ month: '2029-02', pence: 580000 }]); // 28 nights: 4 weeks
  });

  it('counts only approved packages, and the old one only until the new one takes over', () => {
    const packages = carePackagesOf([
      agreed('a', { startsOn: '2026-01-01' }),
      approved('a'),
      agreed('b', { weeklyPence: 70000, startsOn: '2026-01-15', supersedes: 'a', funding: { socialCare: 70000, health: 0, education: 0 } }),
      approved('b', '2026-01-10T10:00:00Z'),
      agreed('c', { placementId: 'pl9', providerName: 'Unapproved' }),
    ]);
    const lines = spendLines(packages, '2026-01', '2026-01');
    expect(lines.map((l) => [l.package.packageId, l.nights, l.pence])).toEqual([['a', 14, 290000], ['b', 17, 170000]]);
    expect(totalsBy(lines, (l) => l.package.providerName)).toEqual([{ key: 'Oakfield House', pence: 460000 }]);
  });

  it('reads the financial year as April to March', () => {
    expect(financialYearOf('2026-03-31')).toEqual({ fromMonth: '2025-04', toMonth: '2026-03' });
    expect(financialYearOf('2026-04-01')).toEqual({ fromMonth: '2026-04', toMonth: '2027-03' });
    expect(monthsFrom('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
