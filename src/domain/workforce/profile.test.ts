import { describe, expect, it } from 'vitest';
import { inAsyeOn, profileHistory, profileOn, supervisionFrequencyOn, type ProfileEventLike } from './profile';

const profile = (id: string, occurredAt: string, data: Record<string, unknown>, reason: string | null = null): ProfileEventLike => ({
  id,
  type: 'workforce.profile_recorded',
  occurredAt: new Date(occurredAt),
  data: { practitioner: 'newly_qualified_social_worker', fte: 1, caseloadMinimum: null, caseloadMaximum: null, inductionEndsOn: null, asyeEndsOn: null, lineManagerId: null, ...data },
  reason,
});

describe('profileOn: the profile in force on a day (latest by when it took effect)', () => {
  // James starts on Monday 7 September 2026 as a newly qualified social worker; in December his
  // hours drop to four days a week from Monday 4 January 2027, recorded on Christmas Eve.
  const started = profile('a', '2026-09-07T08:00:00Z', { inductionEndsOn: '2026-10-30', asyeEndsOn: '2027-09-06' });
  const partTime = profile('b', '2027-01-04T00:00:00Z', { fte: 0.8, inductionEndsOn: '2026-10-30', asyeEndsOn: '2027-09-06' }, 'Four days a week from January');
  const unrelated: ProfileEventLike = { type: 'supervision.session_recorded', occurredAt: new Date('2026-09-10T10:00:00Z'), data: {} };

  it('is null before any profile took effect, and the first one after', () => {
    expect(profileOn([started, unrelated], '2026-09-06')).toBeNull();
    expect(profileOn([started, unrelated], '2026-09-07')?.eventId).toBe('a');
    expect(profileOn([started, partTime], '2027-01-03')?.fte).toBe(1);
  });

  it('takes a later version from the day it took effect, even though it was written first in the list', () => {
    // Written in the other order (recorded early, dated later): the date decides.
    expect(profileOn([partTime, started], '2027-01-04')).toMatchObject({ eventId: 'b', fte: 0.8, reason: 'Four days a week from January' });
    expect(profileOn([partTime, started], '2026-12-31')?.eventId).toBe('a');
  });

  it('counts an instant on its London day: 23:30 UTC in summer is the next day in London', () => {
    const late = profile('c', '2026-06-04T23:30:00Z', { practitioner: 'qualified_social_worker' });
    expect(profileOn([late], '2026-06-04')).toBeNull();
    expect(profileOn([late], '2026-06-05')?.practitioner).toBe('qualified_social_worker');
    expect(profileOn([late], new Date('2026-06-05T00:10:00+01:00'))?.eventId).toBe('c');
  });

  it('lets the second version recorded the same day replace the first', () => {
    const first = profile('d', '2026-11-02T09:00:00Z', { fte: 1 });
    const second = profile('e', '2026-11-02T09:00:00Z', { fte: 0.6 }, 'Typed 1.0 by mistake: she works three days');
    expect(profileOn([first, second], '2026-11-02')?.eventId).toBe('e');
    expect(profileHistory([first, second]).map((p) => p.eventId)).toEqual(['d', 'e']);
  });

  it('reads a damaged or partial profile safely', () => {
    const odd: ProfileEventLike = { id: 'f', type: 'workforce.profile_recorded', occurredAt: new Date('2026-01-05T09:00:00Z'), data: { practitioner: 'wizard', fte: 7, inductionEndsOn: 'soon' } };
    expect(profileOn([odd], '2026-02-01')).toMatchObject({ practitioner: 'other', fte: 1, inductionEndsOn: null, caseloadMaximum: null, lineManagerId: null });
  });
});

describe('supervisionFrequencyOn (specialist-service-statement.txt 5.4)', () => {
  const nqsw = { inductionEndsOn: '2026-10-30', asyeEndsOn: '2027-09-06' };

  it('is weekly in induction, to its last day inclusive', () => {
    expect(supervisionFrequencyOn(nqsw, '2026-09-07')).toBe('weekly');
    expect(supervisionFrequencyOn(nqsw, '2026-10-30')).toBe('weekly');
  });

  it('is fortnightly through the rest of the assessed and supported year, over Christmas and Easter 2027', () => {
    expect(supervisionFrequencyOn(nqsw, '2026-10-31')).toBe('fortnightly');
    expect(supervisionFrequencyOn(nqsw, '2026-12-28')).toBe('fortnightly');
    expect(supervisionFrequencyOn(nqsw, '2027-03-29')).toBe('fortnightly');
    expect(supervisionFrequencyOn(nqsw, '2027-09-06')).toBe('fortnightly');
  });

  it('is monthly after the year, for everyone else, and with no profile', () => {
    expect(supervisionFrequencyOn(nqsw, '2027-09-07')).toBe('monthly');
    expect(supervisionFrequencyOn({ inductionEndsOn: null, asyeEndsOn: null }, '2026-12-01')).toBe('monthly');
    expect(supervisionFrequencyOn(null, '2026-12-01')).toBe('monthly');
  });

  it('is fortnightly for a newly qualified worker whose year has no end date, as the protected caseload is (inAsyeOn)', () => {
    const undated = { practitioner: 'newly_qualified_social_worker' as const, inductionEndsOn: null, asyeEndsOn: null };
    expect(inAsyeOn(undated, '2026-12-28')).toBe(true);
    expect(supervisionFrequencyOn(undated, '2026-12-28')).toBe('fortnightly');
    expect(supervisionFrequencyOn({ ...undated, inductionEndsOn: '2026-04-06' }, '2026-04-03')).toBe('weekly');
    expect(supervisionFrequencyOn({ ...undated, inductionEndsOn: '2026-04-06' }, '2026-04-07')).toBe('fortnightly');
    expect(supervisionFrequencyOn({ ...undated, practitioner: 'qualified_social_worker' }, '2026-12-28')).toBe('monthly');
  });

  it('is weekly for an experienced worker in their induction to the service (no assessed year)', () => {
    expect(supervisionFrequencyOn({ inductionEndsOn: '2026-04-06', asyeEndsOn: null }, '2026-04-03')).toBe('weekly');
    expect(supervisionFrequencyOn({ inductionEndsOn: '2026-04-06', asyeEndsOn: null }, '2026-04-07')).toBe('monthly');
  });
});

describe('inAsyeOn', () => {
  it('is the newly qualified worker’s year only, until its last day', () => {
    expect(inAsyeOn({ practitioner: 'newly_qualified_social_worker', asyeEndsOn: '2027-09-06' }, '2027-09-06')).toBe(true);
    expect(inAsyeOn({ practitioner: 'newly_qualified_social_worker', asyeEndsOn: '2027-09-06' }, '2027-09-07')).toBe(false);
    expect(inAsyeOn({ practitioner: 'newly_qualified_social_worker', asyeEndsOn: null }, '2030-01-01')).toBe(true);
    expect(inAsyeOn({ practitioner: 'qualified_social_worker', asyeEndsOn: '2027-09-06' }, '2027-01-01')).toBe(false);
  });
});
