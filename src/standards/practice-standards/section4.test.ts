import { describe, expect, it } from 'vitest';
import { dueOf, ev, obligationsOf } from '../../../test/support/standardsCases';

describe('Section 4: Child Protection Conferences', () => {
  it('cp.icpc: 15 working days from the strategy discussion (standard 1; DESIGN.md worked example)', () => {
    const strategy = ev('strategy.discussion_held', '2026-04-02T15:00:00+01:00', { section47ThresholdMet: true });
    const [obligation] = obligationsOf('cp.icpc', [strategy]);
    expect(dueOf(obligation!)).toBe('2026-04-27');
    const noConference = obligationsOf('cp.icpc', [strategy, ev('s47.started', '2026-04-02T16:00:00+01:00'), ev('s47.completed', '2026-04-09T10:00:00+01:00', { outcome: 'no_further_action' })]);
    expect(noConference[0]!.outcome).toBe('cancelled');
  });

  it('cp.icpc-from-s47: the same standard counted from the start of the enquiry', () => {
    const [obligation] = obligationsOf('cp.icpc-from-s47', [ev('s47.started', '2026-04-06T10:00:00+01:00')]);
    // Easter Monday 6 April is day 0; then 7–10 (4), 13–17 (9), 20–24 (14), Mon 27 (15).
    expect(dueOf(obligation!)).toBe('2026-04-27');
  });

  it('cp.decision-circulated: within 1 working day of any conference (standard 11)', () => {
    const [obligation] = obligationsOf('cp.decision-circulated', [ev('cp.conference_held', '2026-12-24T10:00:00Z', { kind: 'review', planContinues: true })]);
    expect(dueOf(obligation!)).toBe('2026-12-29');
  });

  it('cp.first-review-conference: 91 days from the initial conference (standard 14; DESIGN.md worked example)', () => {
    const [obligation] = obligationsOf('cp.first-review-conference', [ev('cp.conference_held', '2026-05-29T10:00:00+01:00', { kind: 'initial', planMade: true })]);
    expect(dueOf(obligation!)).toBe('2026-08-28');
  });

  it('cp.review-conference: 183 days from the last review conference (standard 15)', () => {
    const chain = obligationsOf('cp.review-conference', [
      ev('cp.conference_held', '2026-05-29T10:00:00+01:00', { kind: 'initial', planMade: true }),
      ev('cp.conference_held', '2026-08-20T10:00:00+01:00', { kind: 'review', planContinues: true }),
      ev('cp.conference_held', '2027-02-18T10:00:00Z', { kind: 'review', planContinues: true }),
    ]);
    expect(chain.map((o) => [dueOf(o), o.outcome])).toEqual([
      ['2027-02-19', 'met'],
      ['2027-08-20', 'open'],
    ]);
  });
});

describe('Section 4: Reviews for Children in Care', () => {
  it('cic.iro-appointed: 1 working day from the notification (standard 37; DESIGN.md worked example)', () => {
    const events = [ev('cic.started', '2026-05-01T20:00:00+01:00', { legalStatus: 'L1' }), ev('cic.notification_sent', '2026-05-02T11:00:00+01:00')];
    expect(dueOf(obligationsOf('cic.iro-appointed', events)[0]!)).toBe('2026-05-05');
  });

  it('cic.health-assessment: 28 days; cic.first-review: 20 working days (standards 42 and 43)', () => {
    const inCare = [ev('cic.started', '2026-12-10T10:00:00Z', { legalStatus: 'C1' })];
    expect(dueOf(obligationsOf('cic.health-assessment', inCare)[0]!)).toBe('2027-01-07');
    // Thu 10 December: 11–24 December (10), 29–31 (13), 4–8 January (18), 11, Tue 12 January (20).
    expect(dueOf(obligationsOf('cic.first-review', inCare)[0]!)).toBe('2027-01-12');
  });

  it('cic.second-review: 91 days from the first review (standard 57)', () => {
    const events = [ev('cic.started', '2026-12-10T10:00:00Z', { legalStatus: 'C1' }), ev('cic.review_held', '2027-01-11T10:00:00Z'), ev('cic.review_held', '2027-04-13T10:00:00+01:00')];
    const [second] = obligationsOf('cic.second-review', events);
    expect([dueOf(second!), second!.outcome]).toEqual(['2027-04-12', 'met_late']);
  });
});

describe('Section 4: Managing Allegations', () => {
  it('lado.strategy-meeting: within 2 working days of receipt (standard 83)', () => {
    const [obligation] = obligationsOf('lado.strategy-meeting', [ev('lado.allegation_received', '2027-05-28T16:00:00+01:00'), ev('lado.strategy_meeting_held', '2027-06-02T10:00:00+01:00')]);
    // Fri 28 May 2027; Mon 31 May is the spring bank holiday: 1 June (1), Wed 2 June (2).
    expect([dueOf(obligation!), obligation!.outcome]).toEqual(['2027-06-02', 'met']);
  });
});
