import { describe, expect, it } from 'vitest';
import { dueOf, ev, obligationsOf, stateAt } from '../../../test/support/standardsCases';
import { ruleById } from '../index';

/** Each obligation of a rule as [due, outcome]. */
const chainOf = (ruleId: string, events: Parameters<typeof obligationsOf>[1]) => obligationsOf(ruleId, events).map((o) => [dueOf(o), o.outcome]);

describe('Section 4: Reviews for Children in Care, coming into care', () => {
  it('cic.placement-arrangements-form and cic.notification-same-day: by the end of that London day (standard 39)', () => {
    expect(ruleById('cic.notification-same-day')?.enabled).toBe(false);
    // Sat 2 May 2026 22:30 BST (21:30 UTC): the same day ends at 23:59:59.999 BST, 22:59:59.999 UTC.
    const inCare = ev('cic.started', '2026-05-02T22:30:00+01:00', { legalStatus: 'L1' });
    const events = [inCare, ev('cic.placement_arrangements_form_completed', '2026-05-02T23:15:00+01:00'), ev('cic.notification_sent', '2026-05-03T00:10:00+01:00')];
    const [form] = obligationsOf('cic.placement-arrangements-form', events);
    expect([dueOf(form!), form!.deadline.toISOString(), form!.outcome]).toEqual(['2026-05-02', '2026-05-02T22:59:59.999Z', 'met']);
    // Ten minutes past midnight is the next day: late for the same-day reading, on time for cic.notification's 24 hours.
    expect(chainOf('cic.notification-same-day', events)).toEqual([['2026-05-02', 'met_late']]);
    expect(chainOf('cic.notification', events)).toEqual([['2026-05-03T21:30:00.000Z', 'met']]);
  });

  it('cic.planning-meeting, cic.care-plan-from-coming-into-care and cic.pep-meeting, from coming into care (standards 40 and 41)', () => {
    expect(ruleById('cic.planning-meeting')?.enabled).toBe(false);
    expect(ruleById('cic.care-plan-from-coming-into-care')?.enabled).toBe(false);
    const events = [
      ev('cic.started', '2026-08-28T17:00:00+01:00', { legalStatus: 'V2' }),
      ev('cic.placement_planning_meeting_held', '2026-09-07T10:00:00+01:00'),
      ev('cic.care_plan_completed', '2026-09-15T10:00:00+01:00'),
      ev('cic.pep_meeting_held', '2026-09-17T10:00:00+01:00'),
    ];
    // Fri 28 August; Mon 31 August is the summer bank holiday: Tue 1 (1), Wed 2 (2), Thu 3 (3), Fri 4 (4), Mon 7 September (5).
    expect(chainOf('cic.planning-meeting', events)).toEqual([['2026-09-07', 'met']]);
    // Then Tue 8 (6), Wed 9 (7), Thu 10 (8), Fri 11 (9), Mon 14 September (10): the plan on the 15th is late.
    expect(chainOf('cic.care-plan-from-coming-into-care', events)).toEqual([['2026-09-14', 'met_late']]);
    // 20 calendar days: 28 August + 20 = 48 August = Thu 17 September.
    expect(chainOf('cic.pep-meeting', events)).toEqual([['2026-09-17', 'met']]);
  });
});

describe('Section 4: Reviews for Children in Care, before the review', () => {
  const inCare = ev('cic.started', '2026-12-10T10:00:00Z', { legalStatus: 'C1' });
  const firstReview = ev('cic.review_held', '2027-01-06T10:00:00Z');

  it('before the first review on Wednesday 6 January 2027 (standards 44, 46, 47, 48, 49 and 55)', () => {
    const events = [
      inCare,
      ev('cic.iro_met_social_worker', '2026-12-14T10:00:00Z'),
      ev('cic.review_setup_form_sent', '2026-12-21T09:00:00Z'),
      ev('cic.review_invitations_sent', '2026-12-21T10:00:00Z'),
      ev('cic.review_report_sent_to_iro', '2026-12-31T16:00:00Z'),
      ev('cic.iro_saw_child', '2027-01-05T15:00:00Z'),
      firstReview,
    ];
    // 15 calendar days before: Tue 22 December 2026.
    expect(chainOf('cic.review-setup-form', events)).toEqual([['2026-12-22', 'met']]);
    // 10 working days back from Wed 6 January: Tue 5 (1), Mon 4 (2), [Fri 1 January, the weekend], Thu 31 (3), Wed 30 (4),
    // Tue 29 (5), [Mon 28 substitute Boxing Day, weekend, Fri 25 Christmas], Thu 24 (6), Wed 23 (7), Tue 22 (8),
    // Mon 21 (9), Fri 18 December (10): invitations on the 21st are late.
    expect(chainOf('cic.first-review-invitations', events)).toEqual([['2026-12-18', 'met_late']]);
    // 3 working days back: Tue 5 (1), Mon 4 (2), Thu 31 December (3).
    expect(chainOf('cic.review-report-to-iro', events)).toEqual([['2026-12-31', 'met']]);
    const [plans] = obligationsOf('cic.review-plans-to-iro', events);
    expect([dueOf(plans!), stateAt(plans!, new Date('2027-01-06T12:00:00Z'))]).toEqual(['2026-12-31', 'overdue']);
    // Before the review, on the day at the latest.
    expect(chainOf('cic.iro-sees-child', events)).toEqual([['2027-01-06', 'met']]);
    // Not before the first review: standard 55 asks it before "the next review".
    expect(chainOf('cic.iro-meets-social-worker', events)).toEqual([]);
  });

  it('cic.second-review-invitations and cic.outline-permanency-plan: for the second review on Thursday 1 April 2027 (standards 58 and 59)', () => {
    const second = ev('cic.review_held', '2027-04-01T10:00:00+01:00');
    const events = [
      inCare,
      ev('cic.review_invitations_sent', '2026-12-21T10:00:00Z'),
      firstReview,
      ev('cic.review_invitations_sent', '2027-03-15T10:00:00Z'),
      ev('cic.permanency_plan_outlined', '2027-03-31T10:00:00+01:00'),
      second,
    ];
    // 10 working days back from Thu 1 April: Wed 31 (1), Tue 30 (2), [Easter Monday 29, weekend, Good Friday 26],
    // Thu 25 (3), Wed 24 (4), Tue 23 (5), Mon 22 (6), Fri 19 (7), Thu 18 (8), Wed 17 (9), Tue 16 March (10).
    expect(chainOf('cic.second-review-invitations', events)).toEqual([['2027-03-16', 'met']]);
    expect(chainOf('cic.outline-permanency-plan', events)).toEqual([['2027-04-01', 'met']]);
    // Invitations sent before the first review do not count for the second.
    const onlyFirst = obligationsOf('cic.second-review-invitations', [inCare, ev('cic.review_invitations_sent', '2026-12-21T10:00:00Z'), firstReview, second]);
    expect(stateAt(onlyFirst[0]!, new Date('2027-04-01T12:00:00+01:00'))).toBe('overdue');
  });
});

describe('Section 4: Reviews for Children in Care, after the review', () => {
  const inCare = ev('cic.started', '2026-11-26T10:00:00Z', { legalStatus: 'C2' });
  const review = ev('cic.review_held', '2026-12-24T10:00:00Z');

  it('after the review on Thursday 24 December 2026 (standards 50, 52 and 53)', () => {
    const events = [
      inCare,
      review,
      ev('cic.review_decisions_sent', '2027-01-05T16:00:00Z'),
      ev('cic.review_record_distributed', '2027-01-27T10:00:00Z'),
      ev('cic.midterm_review_held', '2027-03-24T10:00:00Z'),
    ];
    // [Fri 25 Christmas, weekend, Mon 28 substitute Boxing Day] Tue 29 (1), Wed 30 (2), Thu 31 (3), [Fri 1 January,
    // weekend] Mon 4 (4), Tue 5 January (5).
    expect(chainOf('cic.review-decisions', events)).toEqual([['2027-01-05', 'met']]);
    // On: Wed 6 (6), 7 (7), 8 (8), Mon 11 (9) … Fri 15 (13), Mon 18 (14) … Fri 22 (18), Mon 25 (19), Tue 26 January (20).
    expect(chainOf('cic.review-record', events)).toEqual([['2027-01-26', 'met_late']]);
    // 24 December + 3 months = Wed 24 March 2027.
    expect(chainOf('cic.midterm-review', events)).toEqual([['2027-03-24', 'met']]);
    // The next review held first cancels the mid-term review.
    expect(chainOf('cic.midterm-review', [inCare, review, ev('cic.review_held', '2027-03-01T10:00:00Z')])[0]).toEqual(['2027-03-24', 'cancelled']);
  });

  it("cic.review-decisions-disputed: the manager's disagreement within 5 working days of the record of decisions (standard 51)", () => {
    const decisions = ev('cic.review_decisions_sent', '2027-01-05T16:00:00Z');
    // From Tue 5 January 2027: Wed 6 (1), Thu 7 (2), Fri 8 (3), Mon 11 (4), Tue 12 January (5).
    expect(chainOf('cic.review-decisions-disputed', [inCare, review, decisions, ev('cic.review_decisions_disputed', '2027-01-12T17:00:00Z')])).toEqual([['2027-01-12', 'met']]);
    expect(chainOf('cic.review-decisions-disputed', [inCare, review, decisions, ev('cic.review_decisions_disputed', '2027-01-13T09:00:00Z')])).toEqual([['2027-01-12', 'met_late']]);
    // No record of decisions sent: counted from the review, Tue 5 January as in cic.review-decisions.
    expect(chainOf('cic.review-decisions-disputed', [inCare, review, ev('cic.review_decisions_disputed', '2027-01-04T09:00:00Z')])).toEqual([['2027-01-05', 'met']]);
    // No disagreement: nothing to do.
    expect(obligationsOf('cic.review-decisions-disputed', [inCare, review, decisions])).toEqual([]);
  });
});

describe('Section 4: Reviews for Children in Care, placed for adoption (standard 60)', () => {
  it('adoption.first-review, adoption.second-review and adoption.review', () => {
    const events = [
      ev('cic.started', '2026-01-05T10:00:00Z', { legalStatus: 'E1' }),
      ev('cic.review_held', '2026-11-20T10:00:00Z'),
      ev('adoption.placed', '2026-12-04T10:00:00Z'),
      ev('cic.review_held', '2026-12-30T10:00:00Z'),
      ev('cic.review_held', '2027-03-31T10:00:00+01:00'),
      ev('adoption.order_made', '2027-07-01T10:00:00+01:00'),
    ];
    // Fri 4 December 2026 + 28 days = Fri 1 January 2027 (a bank holiday; calendar days). The review before the
    // placement does not count.
    expect(chainOf('adoption.first-review', events)).toEqual([['2027-01-01', 'met']]);
    // Wed 30 December 2026 + 3 months = Tue 30 March 2027 (the day after Easter Monday): the review on the 31st is late.
    expect(chainOf('adoption.second-review', events)).toEqual([['2027-03-30', 'met_late']]);
    // Wed 31 March 2027 + 6 months = 31 September → Thu 30 September, cancelled by the adoption order on 1 July.
    expect(chainOf('adoption.review', events)).toEqual([['2027-09-30', 'cancelled']]);
  });
});

describe('Section 4: Reviews for Children in Short Breaks', () => {
  it('short-breaks.first-review and short-breaks.review: 3 months, then every 6 months (standards 61 and 62)', () => {
    const events = [
      ev('short_breaks.started', '2026-05-25T10:00:00+01:00'),
      ev('short_breaks.review_held', '2026-08-26T10:00:00+01:00'),
      ev('short_breaks.review_held', '2027-02-25T10:00:00Z'),
      ev('short_breaks.ended', '2027-05-01T10:00:00+01:00'),
    ];
    // Mon 25 May 2026 (spring bank holiday) + 3 months = Tue 25 August: the review on the 26th is late.
    expect(chainOf('short-breaks.first-review', events)).toEqual([['2026-08-25', 'met_late']]);
    // Wed 26 August 2026 + 6 months = Fri 26 February 2027; reviewed Thu 25th → Wed 25 August 2027, cancelled on 1 May.
    expect(chainOf('short-breaks.review', events)).toEqual([
      ['2027-02-26', 'met'],
      ['2027-08-25', 'cancelled'],
    ]);
  });

  it('cic.adjourned-review: completed within 20 working days of the original date (standard 63)', () => {
    // Thu 24 December 2026: Tue 29 (1) … Tue 5 January (5) … Tue 26 January 2027 (20), as for cic.review-record.
    const inCare = ev('cic.started', '2026-11-26T10:00:00Z', { legalStatus: 'C2' });
    expect(chainOf('cic.adjourned-review', [inCare, ev('cic.review_adjourned', '2026-12-24T10:00:00Z'), ev('cic.review_held', '2027-01-26T15:00:00Z')])).toEqual([['2027-01-26', 'met']]);
    const shortBreaks = obligationsOf('cic.adjourned-review', [ev('short_breaks.started', '2026-10-01T10:00:00+01:00'), ev('short_breaks.review_adjourned', '2026-12-24T10:00:00Z')]);
    expect([dueOf(shortBreaks[0]!), stateAt(shortBreaks[0]!, new Date('2027-01-27T09:00:00Z'))]).toEqual(['2027-01-26', 'overdue']);
  });
});

describe('Section 4: Managing Allegations', () => {
  it('lado.informed: within 1 working day of the employer knowing (standard 81)', () => {
    // Fri 1 May 2026; Mon 4 May is the early May bank holiday: Tue 5 May (1).
    const events = [ev('lado.employer_became_aware', '2026-05-01T16:00:00+01:00'), ev('lado.allegation_received', '2026-05-05T09:00:00+01:00')];
    expect(chainOf('lado.informed', events)).toEqual([['2026-05-05', 'met']]);
  });

  it('lado.enquiry-response: within 1 working day, for that enquiry (standard 82)', () => {
    const events = [
      ev('lado.enquiry_received', '2026-12-24T10:00:00Z', { enquiryId: 'q1' }),
      ev('lado.enquiry_received', '2026-12-24T11:00:00Z', { enquiryId: 'q2' }),
      ev('lado.enquiry_responded', '2026-12-29T10:00:00Z', { enquiryId: 'q2' }),
      ev('lado.enquiry_responded', '2026-12-30T10:00:00Z', { enquiryId: 'q1' }),
    ];
    // Thu 24 December; Christmas, the weekend and Mon 28 (substitute Boxing Day) are not working days: Tue 29 December (1).
    expect(chainOf('lado.enquiry-response', events)).toEqual([
      ['2026-12-29', 'met_late'],
      ['2026-12-29', 'met'],
    ]);
  });

  it('lado.child-led-strategy-meeting: within 1 working day of receipt (standard 83)', () => {
    const events = [
      ev('lado.allegation_received', '2026-04-02T17:00:00+01:00'),
      ev('lado.child_led_strategy_required', '2026-04-02T17:05:00+01:00'),
      ev('lado.strategy_meeting_held', '2026-04-08T10:00:00+01:00'),
    ];
    // Thu 2 April 2026; Good Friday 3 and Easter Monday 6 April are bank holidays: Tue 7 April (1). The meeting on the
    // 8th is late for a child-led meeting, on time for the 2 working days of lado.strategy-meeting.
    expect(chainOf('lado.child-led-strategy-meeting', events)).toEqual([['2026-04-07', 'met_late']]);
    expect(chainOf('lado.strategy-meeting', events)).toEqual([['2026-04-08', 'met']]);
  });

  it('lado.strategy-notes: distributed within 2 working days of the meeting (standard 84)', () => {
    const received = ev('lado.allegation_received', '2026-08-26T10:00:00+01:00');
    const meeting = ev('lado.strategy_meeting_held', '2026-08-28T10:00:00+01:00');
    // Fri 28 August; Mon 31 August is the summer bank holiday: Tue 1 (1), Wed 2 September (2).
    expect(chainOf('lado.strategy-notes', [received, meeting, ev('lado.strategy_notes_distributed', '2026-09-03T10:00:00+01:00')])).toEqual([['2026-09-02', 'met_late']]);
    expect(chainOf('lado.strategy-notes', [received, meeting, ev('lado.allegation_concluded', '2026-08-28T18:00:00+01:00')])).toEqual([['2026-09-02', 'cancelled']]);
  });

  it('lado.*: an allegation marked as recorded in error ends its clocks, an enquiry’s response included (standards 82-84)', () => {
    const received = ev('lado.allegation_received', '2026-08-28T14:00:00+01:00', { allegationId: 'a' });
    const enquiry = ev('lado.enquiry_received', '2026-08-28T14:30:00+01:00', { allegationId: 'a', enquiryId: 'q' });
    const inError = ev('lado.recorded_in_error', '2026-08-29T09:00:00+01:00', { allegationId: 'a', reason: 'Wrong adult' });
    // Fri 28 August; Mon 31 August is the summer bank holiday: the response by Tue 1, the meeting by Wed 2 September.
    expect(chainOf('lado.enquiry-response', [received, enquiry, inError])).toEqual([['2026-09-01', 'cancelled']]);
    expect(chainOf('lado.strategy-meeting', [received, enquiry, inError])).toEqual([['2026-09-02', 'cancelled']]);
  });
});
