import { describe, expect, it } from 'vitest';
import { dueOf, ev, obligationsOf, stateAt } from '../../../test/support/standardsCases';
import { ruleById } from '../index';

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

describe('Section 4: Child Protection Conferences, before the conference (standards 2, 3, 4 and 30)', () => {
  // Initial conference Tue 14 April 2026, the week after Easter (Good Friday 3 April, Easter Monday 6 April).
  const strategy = ev('strategy.discussion_held', '2026-03-26T10:00:00Z', { section47ThresholdMet: true });
  const icpc = ev('cp.conference_held', '2026-04-14T10:00:00+01:00', { kind: 'initial', planMade: true });

  it('cp.conference-setup-form (7 working days), cp.conference-invites (5) and cp.chair-early-conversation (3): counted back over Easter', () => {
    // Back from Tue 14 April: Mon 13 (1), Fri 10 (2), Thu 9 (3), Wed 8 (4), Tue 7 (5); Easter
    // Monday, the weekend and Good Friday are skipped: Thu 2 (6), Wed 1 April (7).
    const events = [strategy, ev('cp.conference_setup_submitted', '2026-04-01T16:00:00+01:00'), ev('cp.conference_invites_sent', '2026-04-08T09:00:00+01:00'), icpc];
    const [setup] = obligationsOf('cp.conference-setup-form', events);
    expect([dueOf(setup!), setup!.outcome]).toEqual(['2026-04-01', 'met']);
    const [invites] = obligationsOf('cp.conference-invites', events);
    expect([dueOf(invites!), invites!.outcome]).toEqual(['2026-04-07', 'met_late']);
    const [conversation] = obligationsOf('cp.chair-early-conversation', events);
    expect([dueOf(conversation!), conversation!.outcome]).toEqual(['2026-04-09', 'missed']);
    expect(stateAt(conversation!, new Date('2026-04-14T12:00:00+01:00'))).toBe('overdue');
    // A review conference needs its own invitations: those sent for the initial conference do not count.
    const withReview = obligationsOf('cp.conference-invites', [...events, ev('cp.conference_held', '2026-07-14T10:00:00+01:00', { kind: 'review', planContinues: true })]);
    expect(withReview.map((o) => [dueOf(o), o.outcome])).toEqual([
      ['2026-04-07', 'met_late'],
      ['2026-07-07', 'missed'], // Tue 14 July back 5 working days: 13, 10, 9, 8, Tue 7 July
    ]);
  });

  it("cp.icpc-report-submitted and cp.icpc-report-shared: at least 2 calendar days before the initial conference (standard 4)", () => {
    // Tue 14 April - 2 days = Sun 12 April.
    const events = [strategy, ev('cp.conference_report_submitted', '2026-04-10T12:00:00+01:00'), ev('cp.conference_report_shared', '2026-04-13T12:00:00+01:00'), icpc];
    const [submitted] = obligationsOf('cp.icpc-report-submitted', events);
    expect([dueOf(submitted!), submitted!.outcome]).toEqual(['2026-04-12', 'met']);
    const [shared] = obligationsOf('cp.icpc-report-shared', events);
    expect([dueOf(shared!), shared!.outcome]).toEqual(['2026-04-12', 'met_late']);
    // Review conferences have their own standard (16): these open none for them.
    expect(obligationsOf('cp.icpc-report-shared', [ev('cp.conference_held', '2026-07-14T10:00:00+01:00', { kind: 'review', planContinues: true })])).toEqual([]);
  });
});

describe('Section 4: Child Protection Conferences, after the conference (standards 12, 16 and 19)', () => {
  it('cp.conference-minutes: 10 working days (local target); cp.conference-minutes-20-days: 20, off by default (standard 12)', () => {
    expect(ruleById('cp.conference-minutes')!.enabled).toBeUndefined();
    expect(ruleById('cp.conference-minutes-20-days')!.enabled).toBe(false);
    expect(ruleById('cp.conference-minutes-20-days')!.alternativeTo).toBe('cp.conference-minutes');
    // Thu 17 December 2026: 18, 21, 22, 23, 24 (5), [25–28 December], 29, 30, 31 (8), [1–3 January],
    // Mon 4 (9), Tue 5 January 2027 (10); then 6, 7, 8, 11, 12, 13, 14, 15, 18, Tue 19 January (20).
    const events = [ev('cp.conference_held', '2026-12-17T10:00:00Z', { kind: 'review', planContinues: true }), ev('cp.conference_minutes_sent', '2027-01-07T10:00:00Z')];
    const [local] = obligationsOf('cp.conference-minutes', events);
    expect([dueOf(local!), local!.outcome]).toEqual(['2027-01-05', 'met_late']);
    const [outer] = obligationsOf('cp.conference-minutes-20-days', events);
    expect([dueOf(outer!), outer!.outcome]).toEqual(['2027-01-19', 'met']);
  });

  it('cp.review-report-shared-5-days: 5 working days before a review conference, off by default (standard 16)', () => {
    expect(ruleById('cp.review-report-shared-5-days')!.enabled).toBe(false);
    expect(ruleById('cp.review-report-shared-5-days')!.alternativeTo).toBe('cp.review-report-shared');
    // Review Tue 14 April 2026: back 13, 10, 9, 8, Tue 7 April.
    const events = [
      ev('cp.conference_held', '2026-01-15T10:00:00Z', { kind: 'initial', planMade: true }),
      ev('cp.conference_report_shared', '2026-04-08T17:00:00+01:00'),
      ev('cp.conference_held', '2026-04-14T10:00:00+01:00', { kind: 'review', planContinues: true }),
    ];
    const [obligation] = obligationsOf('cp.review-report-shared-5-days', events);
    expect([dueOf(obligation!), obligation!.outcome]).toEqual(['2026-04-07', 'met_late']);
  });

  it("cp.inquorate-views-sought and cp.inquorate-views-received: 10 working days, then a further 10 (standard 19)", () => {
    // Fri 28 August 2026; Mon 31 August is a bank holiday: 1–4 September (4), 7–11 (9), Mon 14 September (10).
    const conference = ev('cp.conference_held', '2026-08-28T10:00:00+01:00', { kind: 'review', planContinues: false });
    const decided = ev('cp.inquorate_discontinuation_decided', '2026-08-28T10:00:00+01:00');
    const sought = ev('cp.agency_views_sought', '2026-09-11T10:00:00+01:00');
    const [views] = obligationsOf('cp.inquorate-views-sought', [conference, decided, sought]);
    expect([dueOf(views!), views!.outcome]).toEqual(['2026-09-14', 'met']);
    // From Fri 11 September: 14–18 (5), 21–25 September (10).
    const [responses] = obligationsOf('cp.inquorate-views-received', [conference, decided, sought]);
    expect([dueOf(responses!), responses!.outcome]).toEqual(['2026-09-25', 'open']);
    expect(stateAt(responses!, new Date('2026-09-25T23:59:59+01:00'))).toBe('due');
    expect(stateAt(responses!, new Date('2026-09-26T00:00:00+01:00'))).toBe('overdue');
    // A quorate conference opens neither.
    expect(obligationsOf('cp.inquorate-views-sought', [conference])).toEqual([]);
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
