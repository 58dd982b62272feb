import { describe, expect, it } from 'vitest';
import { dueOf, ev, obligationsOf } from '../../../test/support/standardsCases';

describe('Section 3: Children in Care', () => {
  const inCare = ev('cic.started', '2026-05-01T16:00:00+01:00', { legalStatus: 'V2' });

  it('cic.notification: within 24 hours of coming into care (standard 20)', () => {
    const [obligation] = obligationsOf('cic.notification', [inCare, ev('cic.notification_sent', '2026-05-02T15:00:00+01:00')]);
    expect(dueOf(obligation!)).toBe('2026-05-02T15:00:00.000Z');
    expect(obligation!.outcome).toBe('met');
  });

  it('cic.placement-planning-meeting: 5 working days from each placement starting (standard 21)', () => {
    // DESIGN.md: placement Friday 28 August 2026 → meeting by Monday 7 September (31 August is a bank holiday).
    const events = [inCare, ev('cic.placement_started', '2026-08-28T17:00:00+01:00'), ev('cic.placement_started', '2026-10-01T12:00:00+01:00')];
    const meetings = obligationsOf('cic.placement-planning-meeting', events);
    expect(meetings.map(dueOf)).toEqual(['2026-09-07', '2026-10-08']);
  });

  it('cic.care-plan: 10 working days from the first placement only (standard 18)', () => {
    const events = [inCare, ev('cic.placement_started', '2026-05-01T18:00:00+01:00'), ev('cic.placement_started', '2026-06-01T12:00:00+01:00')];
    const plans = obligationsOf('cic.care-plan', events);
    // Fri 1 May: 4 May bank holiday; 5–8 May (4), 11–15 May (9), Mon 18 May (10).
    expect(plans.map(dueOf)).toEqual(['2026-05-18']);
  });

  it("cic.visit: every 6 weeks, but not for the Disabled Children's Team's children (standard 32)", () => {
    expect(dueOf(obligationsOf('cic.visit', [inCare])[0]!)).toBe('2026-06-12');
    expect(obligationsOf('cic.visit', [inCare], { teamSpecialism: 'disabled-children' })).toEqual([]);
    expect(obligationsOf('cic.visit', [inCare], { teamSpecialism: 'children-in-care' })).toHaveLength(1);
  });

  it('cic.return-interview: within 24 hours of the return, for that missing episode (standard 42)', () => {
    const events = [
      inCare,
      ev('cic.missing_started', '2026-07-03T22:00:00+01:00', { episodeId: 'm1' }),
      ev('cic.missing_ended', '2026-07-04T09:30:00+01:00', { episodeId: 'm1' }),
      ev('cic.return_interview_held', '2026-07-05T09:31:00+01:00', { episodeId: 'm1' }),
    ];
    const [interview] = obligationsOf('cic.return-interview', events);
    expect(dueOf(interview!)).toBe('2026-07-05T08:30:00.000Z');
    expect(interview!.outcome).toBe('met_late');
  });
});

describe('Section 3: Care Leavers', () => {
  it('care-leaver.pa-allocated: before the 17th birthday, if in care before it (standard 1)', () => {
    const born = { dateOfBirth: '2010-03-01' };
    const [obligation] = obligationsOf('care-leaver.pa-allocated', [ev('cic.started', '2026-05-01T10:00:00+01:00', { legalStatus: 'C2' })], born);
    expect(dueOf(obligation!)).toBe('2027-02-28');
    const allocatedOnBirthday = obligationsOf('care-leaver.pa-allocated', [ev('cic.started', '2026-05-01T10:00:00+01:00', { legalStatus: 'C2' }), ev('care_leaver.pa_allocated', '2027-03-01T10:00:00Z')], born);
    expect(allocatedOnBirthday[0]!.outcome).toBe('met_late');
    // Born on 29 February 2008: the 17th birthday in 2025 is taken as 28 February, so due the 27th.
    expect(dueOf(obligationsOf('care-leaver.pa-allocated', [ev('cic.started', '2024-06-01T10:00:00+01:00', { legalStatus: 'C2' })], { dateOfBirth: '2008-02-29' })[0]!)).toBe('2025-02-27');
    // Came into care at 17 and a half: not counted.
    expect(obligationsOf('care-leaver.pa-allocated', [ev('cic.started', '2027-09-01T10:00:00+01:00', { legalStatus: 'V2' })], born)).toEqual([]);
    // Left care before the birthday: cancelled.
    const left = obligationsOf('care-leaver.pa-allocated', [ev('cic.started', '2026-05-01T10:00:00+01:00', { legalStatus: 'V2' }), ev('cic.ended', '2026-09-01T10:00:00+01:00')], born);
    expect(left[0]!.outcome).toBe('cancelled');
  });

  it('care-leaver.contact: every 8 weeks from the personal adviser (standard 4)', () => {
    const chain = obligationsOf('care-leaver.contact', [ev('care_leaver.pa_allocated', '2026-12-01T10:00:00Z'), ev('care_leaver.contact', '2027-01-20T10:00:00Z')]);
    expect(chain.map((o) => [dueOf(o), o.outcome])).toEqual([
      ['2027-01-26', 'met'],
      ['2027-03-17', 'open'],
    ]);
  });
});
