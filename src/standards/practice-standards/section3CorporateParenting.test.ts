import { describe, expect, it } from 'vitest';
import { dueOf, ev, obligationsOf, stateAt } from '../../../test/support/standardsCases';
import { isPracticeWork, ruleById } from '../index';

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

  it('cic.visit-after-move: weekly, four times, after a move but not after the first placement (standard 36)', () => {
    const first = ev('cic.placement_started', '2026-05-01T18:00:00+01:00');
    // A move on Wednesday 23 December 2026: weekly across Christmas and New Year (calendar weeks, bank holidays or not).
    const move = ev('cic.placement_started', '2026-12-23T14:00:00Z', { move: true });
    const visits = ['2026-12-29', '2027-01-05', '2027-01-14', '2027-01-20', '2027-01-26'].map((d) => ev('cic.visit', `${d}T11:00:00Z`));
    const weekly = obligationsOf('cic.visit-after-move', [inCare, first, move, ...visits]);
    expect(weekly.map((o) => [dueOf(o), o.outcome])).toEqual([
      ['2026-12-30', 'met'],
      ['2027-01-05', 'met'],
      ['2027-01-12', 'met_late'],
      ['2027-01-21', 'met'],
    ]);
    expect(obligationsOf('cic.visit-after-move', [inCare, first])).toEqual([]);
    // A second move starts its own four weekly visits.
    const again = ev('cic.placement_started', '2027-03-01T14:00:00Z', { move: true });
    expect(obligationsOf('cic.visit-after-move', [inCare, first, move, ...visits, again]).map(dueOf)).toEqual(['2026-12-30', '2027-01-05', '2027-01-12', '2027-01-21', '2027-03-08']);
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

/** Each obligation of a chain as [due, outcome]. */
const chainOf = (ruleId: string, events: Parameters<typeof obligationsOf>[1], facts?: Parameters<typeof obligationsOf>[2]) =>
  obligationsOf(ruleId, events, facts).map((o) => [dueOf(o), o.outcome]);

describe('Section 3: Family Placement (Fostering), on the carer\'s record', () => {
  it('fostering.assessment: 6 months from a completed application (standard 10)', () => {
    const applied = ev('fostering.application_completed', '2026-12-31T10:00:00Z');
    // Thu 31 December 2026 + 6 months = 31 June, which does not exist: the month's end, Wed 30 June 2027.
    expect(chainOf('fostering.assessment', [applied, ev('fostering.assessment_completed', '2027-06-30T15:00:00+01:00')])).toEqual([['2027-06-30', 'met']]);
    expect(chainOf('fostering.assessment', [applied, ev('fostering.application_withdrawn', '2027-02-01T10:00:00Z')])).toEqual([['2027-06-30', 'cancelled']]);
  });

  it('keeps the fostering panel, report and approval off the general Record work form: only their own pages write them with their data (standards 11-15)', () => {
    expect(['fostering.application_completed', 'fostering.assessment_completed', 'fostering.report_shared', 'fostering.panel_considered', 'fostering.carer_approved'].filter(isPracticeWork)).toEqual([]);
  });

  it('fostering.report-before-panel: report shared at least 2 weeks before each panel (standard 13)', () => {
    const events = [
      ev('fostering.report_shared', '2026-12-28T11:00:00Z'),
      ev('fostering.panel_considered', '2027-01-12T10:00:00Z'),
      ev('fostering.panel_considered', '2027-04-13T10:00:00+01:00'),
    ];
    // Tue 12 January 2027 − 14 days = Tue 29 December 2026: the report on 28 December (a bank holiday; calendar days) is in time.
    // Tue 13 April 2027 − 14 days = Tue 30 March 2027 (after Easter Monday): no report since the last panel.
    const [first, second] = obligationsOf('fostering.report-before-panel', events);
    expect([dueOf(first!), first!.outcome]).toEqual(['2026-12-29', 'met']);
    expect([dueOf(second!), stateAt(second!, new Date('2027-04-13T12:00:00+01:00'))]).toEqual(['2027-03-30', 'overdue']);
  });

  it('fostering.supervising-visit: at least monthly from approval, until approval ends (standard 22)', () => {
    const events = [
      ev('fostering.carer_approved', '2026-01-31T10:00:00Z'),
      ev('fostering.supervising_visit', '2026-02-27T10:00:00Z'),
      ev('fostering.approval_ended', '2026-03-10T10:00:00Z'),
    ];
    // Sat 31 January + 1 month = 31 February → Sat 28 February; then Fri 27 February + 1 month = Fri 27 March.
    expect(chainOf('fostering.supervising-visit', events)).toEqual([
      ['2026-02-28', 'met'],
      ['2026-03-27', 'cancelled'],
    ]);
  });

  it('fostering.carer-review: every 12 months from approval, then from each review (standard 27)', () => {
    const events = [ev('fostering.carer_approved', '2026-12-24T10:00:00Z'), ev('fostering.carer_reviewed', '2027-12-23T10:00:00Z')];
    // Thu 24 December 2026 (Christmas Eve) + 12 months = Fri 24 December 2027; reviewed Thu 23 December → next Sat 23 December 2028.
    expect(chainOf('fostering.carer-review', events)).toEqual([
      ['2027-12-24', 'met'],
      ['2028-12-23', 'open'],
    ]);
  });

  it('fostering.review-reports-shared: reports shared before each review (standard 30)', () => {
    const events = [
      ev('fostering.carer_approved', '2026-01-05T10:00:00Z'),
      ev('fostering.report_shared', '2026-12-23T10:00:00Z'),
      ev('fostering.carer_reviewed', '2026-12-24T10:00:00Z'),
      ev('fostering.carer_reviewed', '2027-12-23T10:00:00Z'),
    ];
    // Due on the day of each review (0 days): Thu 24 December 2026 (shared the day before), Thu 23 December 2027 (nothing shared since).
    const [first, second] = obligationsOf('fostering.review-reports-shared', events);
    expect([dueOf(first!), first!.outcome]).toEqual(['2026-12-24', 'met']);
    expect([dueOf(second!), stateAt(second!, new Date('2027-12-24T10:00:00Z'))]).toEqual(['2027-12-23', 'overdue']);
  });

  it('fostering.placement-planning-meeting: 5 calendar days, off beside cic.placement-planning-meeting (standard 36)', () => {
    expect(ruleById('fostering.placement-planning-meeting')?.enabled).toBe(false);
    const events = [
      ev('cic.started', '2026-08-28T16:00:00+01:00', { legalStatus: 'V2' }),
      ev('cic.placement_started', '2026-08-28T17:00:00+01:00'),
      ev('cic.placement_planning_meeting_held', '2026-09-03T10:00:00+01:00'),
    ];
    // Fri 28 August + 5 days = Wed 2 September (the bank holiday on 31 August does not matter in calendar days).
    expect(chainOf('fostering.placement-planning-meeting', events)).toEqual([['2026-09-02', 'met_late']]);
    // The enabled rule's 5 working days run to Mon 7 September, so the same meeting is on time there.
    expect(chainOf('cic.placement-planning-meeting', events)).toEqual([['2026-09-07', 'met']]);
  });
});

describe('Section 3: Children in Care, care planning and reviewing', () => {
  const inCare = ev('cic.started', '2026-12-10T10:00:00Z', { legalStatus: 'C1' });
  const firstReview = ev('cic.review_held', '2027-01-06T10:00:00Z');

  it('cic.first-review-28-days: off, beside cic.first-review (standard 26)', () => {
    expect(ruleById('cic.first-review-28-days')?.enabled).toBe(false);
    expect(ruleById('cic.first-review')?.enabled ?? true).toBe(true);
    // Thu 10 December 2026 + 28 days = Thu 7 January 2027 (over Christmas and New Year: calendar days).
    expect(chainOf('cic.first-review-28-days', [inCare, firstReview])).toEqual([['2027-01-07', 'met']]);
  });

  it('cic.second-review-4-months: 4 months from coming into care, off beside cic.second-review (standard 26)', () => {
    expect(ruleById('cic.second-review-4-months')?.enabled).toBe(false);
    // Thu 10 December 2026 + 4 months = Sat 10 April 2027; the review on Monday 12 April is late.
    expect(chainOf('cic.second-review-4-months', [inCare, firstReview, ev('cic.review_held', '2027-04-12T10:00:00+01:00')])).toEqual([['2027-04-10', 'met_late']]);
  });

  it('cic.subsequent-review: every 6 months from the second review (standard 26)', () => {
    const events = [inCare, firstReview, ev('cic.review_held', '2027-04-12T10:00:00+01:00'), ev('cic.review_held', '2027-10-11T10:00:00+01:00')];
    // Mon 12 April 2027 + 6 months = Tue 12 October; reviewed Mon 11 October → next Tue 11 April 2028.
    expect(chainOf('cic.subsequent-review', events)).toEqual([
      ['2027-10-12', 'met'],
      ['2028-04-11', 'open'],
    ]);
  });

  it('reports before the review on Wednesday 6 January 2027 (standards 26 and 27)', () => {
    const events = [
      inCare,
      ev('cic.review_report_signed_off', '2026-12-24T10:00:00Z'),
      ev('cic.review_report_sent_to_iro', '2026-12-31T10:00:00Z'),
      ev('cic.review_plans_sent_to_iro', '2027-01-04T10:00:00Z'),
      ev('cic.review_report_shared_with_child', '2027-01-06T08:00:00Z'),
      firstReview,
    ];
    expect(ruleById('cic.review-report-to-iro-5-days')?.enabled).toBe(false);
    expect(ruleById('cic.review-plans-to-iro-5-days')?.enabled).toBe(false);
    // 5 calendar days before Wed 6 January = Fri 1 January 2027 (New Year's Day: calendar days still count).
    expect(chainOf('cic.review-report-to-iro-5-days', events)).toEqual([['2027-01-01', 'met']]);
    expect(chainOf('cic.review-plans-to-iro-5-days', events)).toEqual([['2027-01-01', 'met_late']]);
    // 5 working days back from Wed 6 January: Tue 5 (1), Mon 4 (2), [Fri 1 January bank holiday, weekend],
    // Thu 31 December (3), Wed 30 (4), Tue 29 December (5).
    expect(chainOf('cic.review-report-signed-off', events)).toEqual([['2026-12-29', 'met']]);
    // At least 1 day before: Tue 5 January; shared on the morning of the review is late.
    expect(chainOf('cic.review-report-shared-with-child', events)).toEqual([['2027-01-05', 'met_late']]);
  });

  it('cic.care-plan-update: every 6 months from the first care plan; a pathway plan counts (standard 30)', () => {
    const events = [
      ev('cic.started', '2026-07-20T10:00:00+01:00', { legalStatus: 'V2' }),
      ev('cic.care_plan_completed', '2026-07-31T10:00:00+01:00'),
      ev('care_leaver.pathway_plan_completed', '2027-01-29T10:00:00Z'),
    ];
    // Fri 31 July 2026 + 6 months = Sun 31 January 2027; Fri 29 January + 6 months = Thu 29 July 2027.
    expect(chainOf('cic.care-plan-update', events)).toEqual([
      ['2027-01-31', 'met'],
      ['2027-07-29', 'open'],
    ]);
  });

  it('cic.care-plan-after-significant-event: within 28 days (standard 30)', () => {
    const events = [inCare, ev('cic.significant_event_occurred', '2026-12-12T20:00:00Z'), ev('cic.care_plan_completed', '2027-01-11T10:00:00Z')];
    // Sat 12 December 2026 + 28 days (over Christmas and New Year: calendar days) = Sat 9 January 2027; the plan on
    // Monday 11 January is late.
    expect(chainOf('cic.care-plan-after-significant-event', events)).toEqual([['2027-01-09', 'met_late']]);
    // Before the child came into care: not counted.
    expect(obligationsOf('cic.care-plan-after-significant-event', [ev('cic.significant_event_occurred', '2026-12-05T20:00:00Z'), inCare])).toEqual([]);
  });
});

describe('Section 3: Children in Care, visiting', () => {
  it('cic.interim-placement-weekly-visit and -four-weekly-visit: weekly until the first review, then every 4 weeks (standard 33)', () => {
    const events = [
      ev('cic.started', '2026-03-27T10:00:00Z', { legalStatus: 'C1' }),
      ev('cic.interim_placement_started', '2026-03-27T12:00:00Z'),
      ev('cic.visit', '2026-04-02T10:00:00+01:00'),
      ev('cic.review_held', '2026-04-08T10:00:00+01:00'),
      ev('cic.visit', '2026-05-05T10:00:00+01:00'),
      ev('cic.interim_placement_ended', '2026-05-20T10:00:00+01:00'),
    ];
    // Fri 27 March + 7 days = Fri 3 April (Good Friday: calendar days); visited Thu 2 April → Thu 9 April, but the
    // first review on Wed 8 April ends the weekly visits.
    expect(chainOf('cic.interim-placement-weekly-visit', events)).toEqual([
      ['2026-04-03', 'met'],
      ['2026-04-09', 'cancelled'],
    ]);
    // Wed 8 April + 28 days = Wed 6 May; visited Tue 5 May (after the early May bank holiday) → Tue 2 June,
    // cancelled when the carer is approved on 20 May.
    expect(chainOf('cic.interim-placement-four-weekly-visit', events)).toEqual([
      ['2026-05-06', 'met'],
      ['2026-06-02', 'cancelled'],
    ]);
  });

  it('cic.visit-at-home-first-week: within 7 days of being placed at home on a care order (standard 34)', () => {
    const inCare = ev('cic.started', '2026-10-01T10:00:00+01:00', { legalStatus: 'C2' });
    const atHome = ev('cic.placed_at_home_under_care_order', '2026-12-24T12:00:00Z');
    // Thu 24 December + 7 days = Thu 31 December 2026; the visit on Monday 4 January is late.
    expect(chainOf('cic.visit-at-home-first-week', [inCare, atHome, ev('cic.visit', '2027-01-04T10:00:00Z')])).toEqual([['2026-12-31', 'met_late']]);
    expect(chainOf('cic.visit-at-home-first-week', [inCare, atHome, ev('cic.placement_ended', '2026-12-28T10:00:00Z')])).toEqual([['2026-12-31', 'cancelled']]);
  });

  it('cic.visit-recorded: recorded within 2 days of the visit (standard 35)', () => {
    const inCare = ev('cic.started', '2026-10-01T10:00:00+01:00', { legalStatus: 'C2' });
    // Visit Thu 24 December 2026 → recorded by Sat 26 December (Boxing Day; calendar days).
    const late = ev('cic.visit', '2026-12-24T15:00:00Z', {}, { recordedAt: new Date('2026-12-28T09:00:00Z') });
    expect(chainOf('cic.visit-recorded', [inCare, late])).toEqual([['2026-12-26', 'met_late']]);
    const imported = ev('cic.visit', '2026-12-24T15:00:00Z', { recordedAt: '2026-12-26T23:00:00Z' }, { recordedAt: new Date('2027-02-01T09:00:00Z') });
    expect(chainOf('cic.visit-recorded', [inCare, imported])).toEqual([['2026-12-26', 'met']]);
  });

  it('cic.school-visit: visited at a residential school every term, read as 4 months (standard 38)', () => {
    const events = [
      ev('cic.started', '2026-06-01T10:00:00+01:00', { legalStatus: 'C2' }),
      ev('cic.residential_school_started', '2026-08-31T10:00:00+01:00'),
      ev('cic.visited_at_school', '2026-12-18T10:00:00Z'),
      ev('cic.residential_school_ended', '2027-02-01T10:00:00Z'),
    ];
    // Mon 31 August 2026 (summer bank holiday) + 4 months = Thu 31 December; visited Fri 18 December → Sun 18 April
    // 2027, cancelled when the school placement ends on 1 February.
    expect(chainOf('cic.school-visit', events)).toEqual([
      ['2026-12-31', 'met'],
      ['2027-04-18', 'cancelled'],
    ]);
  });
});

describe('Section 3: Children in Care, chronologies, education, oversight', () => {
  it('cic.chronology: at least every 3 months; a case summary counts (standard 39)', () => {
    const events = [ev('cic.started', '2026-11-30T10:00:00Z', { legalStatus: 'V2' }), ev('case_summary.updated', '2027-02-26T10:00:00Z')];
    // Mon 30 November 2026 + 3 months = 30 February → Sun 28 February 2027; updated Fri 26 February → Wed 26 May.
    expect(chainOf('cic.chronology', events)).toEqual([
      ['2027-02-28', 'met'],
      ['2027-05-26', 'open'],
    ]);
  });

  it('cic.pep-meeting-termly: every 4 months from the first PEP meeting (standard 40)', () => {
    const events = [
      ev('cic.started', '2026-03-16T10:00:00Z', { legalStatus: 'V2' }),
      ev('cic.pep_meeting_held', '2026-04-02T10:00:00+01:00'),
      ev('cic.pep_meeting_held', '2026-07-15T10:00:00+01:00'),
    ];
    // Thu 2 April 2026 (before Good Friday) + 4 months = Sun 2 August; met on 15 July → Sun 15 November.
    expect(chainOf('cic.pep-meeting-termly', events)).toEqual([
      ['2026-08-02', 'met'],
      ['2026-11-15', 'open'],
    ]);
  });

  it('supervision.child-in-care: every 2 months from coming into care (standard 43)', () => {
    const events = [ev('cic.started', '2026-12-31T10:00:00Z', { legalStatus: 'V2' }), ev('supervision.case_discussed', '2027-03-01T10:00:00Z')];
    // Thu 31 December 2026 + 2 months = 31 February → Sun 28 February 2027; supervision Mon 1 March is late;
    // next Sat 1 May 2027.
    expect(chainOf('supervision.child-in-care', events)).toEqual([
      ['2027-02-28', 'met_late'],
      ['2027-05-01', 'open'],
    ]);
  });

  it('supervision.child-in-care-recorded: within 48 hours, across the clocks going forward (standard 43)', () => {
    const inCare = ev('cic.started', '2026-03-01T10:00:00Z', { legalStatus: 'V2' });
    const at = '2026-03-27T14:00:00Z';
    // Fri 27 March 14:00 GMT + 48 hours = Sun 29 March 14:00 UTC, which is 15:00 BST (clocks went forward at 01:00 UTC).
    const onTime = obligationsOf('supervision.child-in-care-recorded', [inCare, ev('supervision.case_discussed', at, {}, { recordedAt: new Date('2026-03-29T14:30:00+01:00') })]);
    expect([dueOf(onTime[0]!), onTime[0]!.outcome]).toEqual(['2026-03-29T14:00:00.000Z', 'met']);
    const late = obligationsOf('supervision.child-in-care-recorded', [inCare, ev('supervision.case_discussed', at, {}, { recordedAt: new Date('2026-03-29T15:30:00+01:00') })]);
    expect(late[0]!.outcome).toBe('met_late');
    // Supervision of a case not in care is not this rule's.
    expect(obligationsOf('supervision.child-in-care-recorded', [ev('supervision.case_discussed', at)])).toEqual([]);
  });

  it('cic.risk-assessment: every 6 weeks while a safeguarding concern is open (standard 45)', () => {
    const events = [
      ev('cic.started', '2026-05-01T10:00:00+01:00', { legalStatus: 'C2' }),
      ev('cic.safeguarding_concern_raised', '2026-05-22T10:00:00+01:00'),
      ev('cic.risk_assessment_updated', '2026-07-03T16:00:00+01:00'),
      ev('cic.safeguarding_concern_resolved', '2026-07-20T10:00:00+01:00'),
    ];
    // Fri 22 May (before the spring bank holiday) + 42 days = Fri 3 July; then Fri 14 August, cancelled on 20 July.
    expect(chainOf('cic.risk-assessment', events)).toEqual([
      ['2026-07-03', 'met'],
      ['2026-08-14', 'cancelled'],
    ]);
  });

  it('cic.risk-assessment-after-significant-event: within 24 hours, across the clocks going back (standard 45)', () => {
    const inCare = ev('cic.started', '2026-09-01T10:00:00+01:00', { legalStatus: 'C2' });
    const concern = ev('cic.safeguarding_concern_raised', '2026-10-01T10:00:00+01:00');
    const event = ev('cic.significant_event_occurred', '2026-10-24T22:00:00+01:00');
    // Sat 24 October 22:00 BST = 21:00 UTC; + 24 hours = Sun 25 October 21:00 UTC, which is 21:00 GMT (clocks went
    // back at 01:00 UTC): an update at 21:30 GMT is late, though it is within 24 hours of 22:00 on the clock.
    const [obligation] = obligationsOf('cic.risk-assessment-after-significant-event', [inCare, concern, event, ev('cic.risk_assessment_updated', '2026-10-25T21:30:00Z')]);
    expect([dueOf(obligation!), obligation!.outcome]).toEqual(['2026-10-25T21:00:00.000Z', 'met_late']);
    // No open safeguarding concern: not counted.
    expect(obligationsOf('cic.risk-assessment-after-significant-event', [inCare, event])).toEqual([]);
  });
});

describe('Section 3: Permanency Planning Meetings', () => {
  const inCare = ev('cic.started', '2026-12-10T10:00:00Z', { legalStatus: 'C2' });
  const needed = ev('cic.permanence_need_identified', '2026-12-11T10:00:00Z');
  const firstReview = ev('cic.review_held', '2027-01-06T10:00:00Z');
  const secondReview = ev('cic.review_held', '2027-03-31T10:00:00+01:00');

  it('ppm.before-second-review: a PPM between the first and second reviews (standard 3)', () => {
    // Due on the day of the second review, Wed 31 March 2027 (after Easter Monday; 0 days before).
    expect(chainOf('ppm.before-second-review', [inCare, needed, firstReview, ev('ppm.held', '2027-03-01T10:00:00Z'), secondReview])).toEqual([['2027-03-31', 'met']]);
    const onlyBeforeFirst = obligationsOf('ppm.before-second-review', [inCare, needed, ev('ppm.held', '2026-12-18T10:00:00Z'), firstReview, secondReview]);
    expect([dueOf(onlyBeforeFirst[0]!), stateAt(onlyBeforeFirst[0]!, new Date('2027-04-01T10:00:00+01:00'))]).toEqual(['2027-03-31', 'overdue']);
  });

  it('ppm.three-monthly: every 3 months from the first PPM until permanence (standards 3 and 7)', () => {
    const events = [
      inCare,
      needed,
      ev('ppm.held', '2026-12-24T10:00:00Z'),
      ev('ppm.held', '2027-03-25T10:00:00Z'),
      ev('cic.permanence_achieved', '2027-05-01T10:00:00+01:00'),
    ];
    // Thu 24 December 2026 + 3 months = Wed 24 March 2027; held Thu 25 March → Fri 25 June, cancelled on 1 May.
    expect(chainOf('ppm.three-monthly', events)).toEqual([
      ['2027-03-24', 'met_late'],
      ['2027-06-25', 'cancelled'],
    ]);
  });

  it('ppm.emergency: within 2 weeks of coming into care on police protection or an EPO (standard 3)', () => {
    // Sat 19 December 2026 + 14 days = Sat 2 January 2027.
    const emergency = ev('cic.started', '2026-12-19T03:00:00Z', { legalStatus: 'L2' });
    expect(chainOf('ppm.emergency', [emergency, ev('ppm.held', '2026-12-31T10:00:00Z')])).toEqual([['2027-01-02', 'met']]);
    expect(obligationsOf('ppm.emergency', [ev('cic.started', '2026-12-19T03:00:00Z', { legalStatus: 'V2' })])).toEqual([]);
  });

  it('ppm.after-first-review: within 2 weeks of the first review that found no prospect of reunification (standard 4)', () => {
    const events = [
      ev('cic.started', '2026-11-26T10:00:00Z', { legalStatus: 'C1' }),
      ev('cic.review_held', '2026-12-24T10:00:00Z'),
      ev('cic.reunification_ruled_out', '2027-01-04T10:00:00Z'),
      ev('ppm.held', '2027-01-08T10:00:00Z'),
    ];
    // Counted from the review, Thu 24 December 2026 + 14 days = Thu 7 January 2027; the PPM on Friday 8th is late.
    expect(chainOf('ppm.after-first-review', events)).toEqual([['2027-01-07', 'met_late']]);
  });

  it('adoption.placement-order-review-3-months and -6-months: reviews while a placement order waits (standard 5)', () => {
    const inCareOnOrder = ev('cic.started', '2026-06-01T10:00:00+01:00', { legalStatus: 'C2' });
    const order = ev('cic.legal_status_changed', '2026-08-31T10:00:00+01:00', { legalStatus: 'E1' });
    const events = [inCareOnOrder, order, ev('cic.review_held', '2026-11-27T10:00:00Z'), ev('cic.review_held', '2027-02-26T10:00:00Z')];
    // Mon 31 August 2026 (summer bank holiday) + 3 months = Mon 30 November (31 November does not exist).
    expect(chainOf('adoption.placement-order-review-3-months', events)).toEqual([['2026-11-30', 'met']]);
    // + 6 months = 31 February → Sun 28 February 2027, met by the review after the first.
    expect(chainOf('adoption.placement-order-review-6-months', events)).toEqual([['2027-02-28', 'met']]);
    // Placed for adoption first: cancelled.
    expect(chainOf('adoption.placement-order-review-3-months', [inCareOnOrder, order, ev('adoption.placed', '2026-10-15T10:00:00+01:00')])).toEqual([['2026-11-30', 'cancelled']]);
  });
});

describe('Section 3: Care Leavers, the rest', () => {
  const pa = ev('care_leaver.pa_allocated', '2026-06-01T10:00:00+01:00');

  it('care-leaver.contact-recorded: within 2 days of the visit (standard 5)', () => {
    // Fri 1 January 2027 (bank holiday) + 2 days = Sun 3 January; recorded Monday 4th is late.
    const contact = ev('care_leaver.contact', '2027-01-01T12:00:00Z', {}, { recordedAt: new Date('2027-01-04T09:00:00Z') });
    expect(chainOf('care-leaver.contact-recorded', [pa, contact])).toEqual([['2027-01-03', 'met_late']]);
  });

  it('care-leaver.chronology: at least every 6 months while supported (standard 8)', () => {
    const events = [
      ev('care_leaver.pa_allocated', '2026-10-31T10:00:00Z'),
      ev('chronology.updated', '2027-04-30T10:00:00+01:00'),
      ev('care_leaver.support_ended', '2027-07-01T10:00:00+01:00'),
    ];
    // Sat 31 October 2026 + 6 months = 31 April → Fri 30 April 2027; then Sat 30 October, cancelled on 1 July.
    expect(chainOf('care-leaver.chronology', events)).toEqual([
      ['2027-04-30', 'met'],
      ['2027-10-30', 'cancelled'],
    ]);
  });

  it('care-leaver.pathway-plan: every 6 months from the first (standard 10)', () => {
    const events = [pa, ev('care_leaver.pathway_plan_completed', '2026-08-29T10:00:00+01:00'), ev('care_leaver.pathway_plan_completed', '2027-03-01T10:00:00Z')];
    // Sat 29 August 2026 (bank holiday weekend) + 6 months = 29 February 2027, which does not exist → Sun 28 February;
    // the plan on Monday 1 March is late; next Wed 1 September 2027.
    expect(chainOf('care-leaver.pathway-plan', events)).toEqual([
      ['2027-02-28', 'met_late'],
      ['2027-09-01', 'open'],
    ]);
  });

  it('care-leaver.pathway-plan-after-significant-event: within 28 days (standard 10)', () => {
    // Fri 25 December 2026 + 28 days = Fri 22 January 2027; 23:30 GMT is still that day.
    const events = [pa, ev('care_leaver.significant_event_occurred', '2026-12-25T18:00:00Z'), ev('care_leaver.pathway_plan_completed', '2027-01-22T23:30:00Z')];
    expect(chainOf('care-leaver.pathway-plan-after-significant-event', events)).toEqual([['2027-01-22', 'met']]);
  });

  it('care-leaver.pathway-plan-shared: given to the young person within 14 days (standard 10; Children in Care 30)', () => {
    const plan = ev('care_leaver.pathway_plan_completed', '2026-12-18T10:00:00Z');
    // Fri 18 December 2026 + 14 days = Fri 1 January 2027 (a bank holiday, but calendar days).
    expect(chainOf('care-leaver.pathway-plan-shared', [plan, ev('care_leaver.pathway_plan_shared', '2026-12-31T10:00:00Z')])).toEqual([['2027-01-01', 'met']]);
    const notShared = obligationsOf('care-leaver.pathway-plan-shared', [plan]);
    expect(stateAt(notShared[0]!, new Date('2027-01-02T00:30:00Z'))).toBe('overdue');
  });

  it('care-leaver.benefits: by 1 month before the 18th birthday (standard 11)', () => {
    const born = { dateOfBirth: '2009-03-31' };
    // 18th birthday Wed 31 March 2027 − 1 month = 31 February → Sun 28 February 2027.
    expect(chainOf('care-leaver.benefits', [ev('care_leaver.pa_allocated', '2026-01-10T10:00:00Z'), ev('care_leaver.benefits_claim_supported', '2027-03-01T10:00:00Z')], born)).toEqual([['2027-02-28', 'met_late']]);
    // A personal adviser allocated after that date: not counted.
    expect(obligationsOf('care-leaver.benefits', [ev('care_leaver.pa_allocated', '2027-03-10T10:00:00Z')], born)).toEqual([]);
  });

  it("care-leaver.circumstances-at-17 to -21: updated on each birthday, the update for that birthday (standard 17)", () => {
    const born = { dateOfBirth: '2010-12-25' };
    const events = [
      ev('care_leaver.pa_allocated', '2027-06-01T10:00:00+01:00'),
      ev('care_leaver.circumstances_updated', '2027-12-29T10:00:00Z', { age: 17 }),
      ev('care_leaver.circumstances_updated', '2028-12-25T10:00:00Z', { age: 18 }),
    ];
    // 17th birthday Sat 25 December 2027; updated Wed 29 December (after the bank holidays on 27 and 28) is late.
    expect(chainOf('care-leaver.circumstances-at-17', events, born)).toEqual([['2027-12-25', 'met_late']]);
    expect(chainOf('care-leaver.circumstances-at-18', events, born)).toEqual([['2028-12-25', 'met']]);
    // The 17th and 18th birthday updates do not count for the later birthdays.
    expect(chainOf('care-leaver.circumstances-at-19', events, born)).toEqual([['2029-12-25', 'open']]);
    expect(chainOf('care-leaver.circumstances-at-20', events, born)).toEqual([['2030-12-25', 'open']]);
    expect(chainOf('care-leaver.circumstances-at-21', events, born)).toEqual([['2031-12-25', 'open']]);
    // A personal adviser allocated after the 17th birthday: that birthday is not counted.
    expect(obligationsOf('care-leaver.circumstances-at-17', [ev('care_leaver.pa_allocated', '2028-01-10T10:00:00Z')], born)).toEqual([]);
  });

  it('supervision.care-leaver: every 2 months from the personal adviser (standard 21)', () => {
    const events = [ev('care_leaver.pa_allocated', '2026-08-31T10:00:00+01:00'), ev('supervision.case_discussed', '2026-10-30T10:00:00Z')];
    // Mon 31 August 2026 (summer bank holiday) + 2 months = Sat 31 October; supervised Fri 30 October → Wed 30 December.
    expect(chainOf('supervision.care-leaver', events)).toEqual([
      ['2026-10-31', 'met'],
      ['2026-12-30', 'open'],
    ]);
  });
});
