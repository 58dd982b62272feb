import { describe, expect, it } from 'vitest';
import { dueOf, ev, obligationsOf, stateAt } from '../../../test/support/standardsCases';
import { catalogueRules, eventTypeOf, eventTypes, isPracticeWork, notModelled, ruleById } from '../index';

// Dates used: 2026 bank holidays are Good Friday 3 April, Easter Monday 6 April, 4 May, 25 May,
// 31 August, Christmas Day (Friday 25 December) and Boxing Day's substitute (Monday 28 December);
// 1 January 2027 is a Friday; Easter Monday 2027 is 29 March and the spring bank holiday 31 May.
// British Summer Time begins at 01:00 UTC on Sunday 29 March 2026.

const cwd = { teamSpecialism: 'disabled-children' } as const;
const pairs = (list: ReturnType<typeof obligationsOf>) => list.map((o) => [dueOf(o), o.outcome]);

describe('Section 1: Integrated Early Help', () => {
  it('early-help.allocated: 5 working days from receipt into the service (standard 1)', () => {
    const received = ev('early_help.received', '2026-04-02T10:00:00+01:00');
    // Thu 2 April: Good Friday and Easter Monday skipped; 7, 8, 9, 10 (4), Mon 13 April (5).
    const [onTime] = obligationsOf('early-help.allocated', [received, ev('early_help.allocated', '2026-04-13T16:00:00+01:00', { leadProfessional: 'early_help' })]);
    expect([dueOf(onTime!), onTime!.outcome]).toEqual(['2026-04-13', 'met']);
    const [closed] = obligationsOf('early-help.allocated', [received, ev('early_help.closed', '2026-04-08T10:00:00+01:00')]);
    expect(closed!.outcome).toBe('cancelled');
  });

  it('early-help.family-contacted: 5 working days from the first allocation only (standard 3)', () => {
    const events = [
      ev('early_help.received', '2026-04-28T10:00:00+01:00'),
      ev('early_help.allocated', '2026-05-01T10:00:00+01:00', { leadProfessional: 'early_help' }),
      ev('early_help.allocated', '2026-05-06T10:00:00+01:00', { leadProfessional: 'early_help' }),
      ev('early_help.family_contacted', '2026-05-12T10:00:00+01:00'),
    ];
    // Fri 1 May: Monday 4 May is a bank holiday; 5, 6, 7, 8 (4), Mon 11 May (5).
    expect(pairs(obligationsOf('early-help.family-contacted', events))).toEqual([['2026-05-11', 'met_late']]);
  });

  it('early-help.initial-home-visit: 5 working days from the first contact (standard 4)', () => {
    const events = [ev('early_help.received', '2026-08-17T10:00:00+01:00'), ev('early_help.family_contacted', '2026-08-24T10:00:00+01:00')];
    // Mon 24 August: 25, 26, 27, 28 (4), 31 August bank holiday, Tue 1 September (5).
    const [open] = obligationsOf('early-help.initial-home-visit', events);
    expect(dueOf(open!)).toBe('2026-09-01');
    expect(stateAt(open!, new Date('2026-09-01T22:59:59Z'))).toBe('due');
    expect(stateAt(open!, new Date('2026-09-01T23:00:00Z'))).toBe('overdue');
    const [met] = obligationsOf('early-help.initial-home-visit', [...events, ev('early_help.home_visited', '2026-09-01T15:00:00+01:00')]);
    expect(met!.outcome).toBe('met');
  });

  it('early-help.assessment: 30 working days from the initial visit (standard 5)', () => {
    const events = [
      ev('early_help.received', '2026-12-01T10:00:00Z'),
      ev('early_help.home_visited', '2026-12-14T10:00:00Z'),
      ev('early_help.home_visited', '2027-01-05T10:00:00Z'),
      ev('early_help.assessment_completed', '2027-01-28T16:00:00Z'),
    ];
    // Mon 14 December: 15–24 December (8), 29–31 (11), 4–8 January (16), 11–15 (21), 18–22 (26),
    // 25, 26, 27 (29), Thu 28 January (30); 25 and 28 December and 1 January skipped.
    expect(pairs(obligationsOf('early-help.assessment', events))).toEqual([['2027-01-28', 'met']]);
  });

  it('early-help.review: every 12 weeks from the assessment, until the case closes (standard 6)', () => {
    const events = [
      ev('early_help.received', '2026-02-02T10:00:00Z'),
      ev('early_help.assessment_completed', '2026-04-03T10:00:00+01:00'),
      ev('early_help.review_held', '2026-06-20T10:00:00+01:00'),
      ev('early_help.closed', '2026-09-01T10:00:00+01:00'),
    ];
    // Good Friday 3 April + 84 days = Fri 26 June; 20 June + 84 days = Sat 12 September, after the case closed.
    expect(pairs(obligationsOf('early-help.review', events))).toEqual([
      ['2026-06-26', 'met'],
      ['2026-09-12', 'cancelled'],
    ]);
  });

  it('early-help.chronology: every 12 weeks where Early Help leads, but not for the Disabled Children\'s Team (standard 10)', () => {
    const received = ev('early_help.received', '2026-10-20T10:00:00+01:00');
    const events = [received, ev('early_help.allocated', '2026-10-24T10:00:00+01:00', { leadProfessional: 'early_help' }), ev('chronology.updated', '2026-12-25T10:00:00Z')];
    // Sat 24 October + 84 days = Sat 16 January 2027; updated Christmas Day, next 84 days on = Fri 19 March 2027.
    expect(pairs(obligationsOf('early-help.chronology', events))).toEqual([
      ['2027-01-16', 'met'],
      ['2027-03-19', 'open'],
    ]);
    expect(obligationsOf('early-help.chronology', [received, ev('early_help.allocated', '2026-10-24T10:00:00+01:00', { leadProfessional: 'social_care' })])).toEqual([]);
    expect(obligationsOf('early-help.chronology', events, cwd)).toEqual([]);
  });

  it('early-help.supervision: monthly from the allocation, then from each supervision (standard 13)', () => {
    const events = [
      ev('early_help.received', '2026-08-26T10:00:00+01:00'),
      ev('early_help.allocated', '2026-08-31T10:00:00+01:00', { leadProfessional: 'early_help' }),
      ev('supervision.case_discussed', '2026-10-01T10:00:00+01:00'),
    ];
    // Allocated on the summer bank holiday, Mon 31 August: a month on is clamped to Wed 30 September;
    // supervision on 1 October is late, and the next is due Sun 1 November.
    expect(pairs(obligationsOf('early-help.supervision', events))).toEqual([
      ['2026-09-30', 'met_late'],
      ['2026-11-01', 'open'],
    ]);
  });
});

describe('Appendix 2: Early Help Step Up Procedure', () => {
  // Fri 27 March 2026, 14:00 GMT; 48 hours later the clocks have gone forward: Sun 29 March, 15:00 BST (14:00 UTC).
  const requested = ev('early_help.hub_review_requested', '2026-03-27T14:00:00Z');

  it('early-help.hub-decision-review: the Duty Manager reviews within 48 hours (Duty Manager Oversight)', () => {
    const [late] = obligationsOf('early-help.hub-decision-review', [requested, ev('early_help.hub_decision_reviewed', '2026-03-29T15:30:00+01:00')]);
    expect([dueOf(late!), late!.outcome]).toEqual(['2026-03-29T14:00:00.000Z', 'met_late']);
    const [onTime] = obligationsOf('early-help.hub-decision-review', [requested, ev('early_help.hub_decision_reviewed', '2026-03-29T15:00:00+01:00')]);
    expect(onTime!.outcome).toBe('met');
  });

  it('early-help.hub-decision-review-recorded: the oversight recorded within the same 48 hours', () => {
    const reviewedAt = '2026-03-29T12:00:00+01:00';
    const [onTime] = obligationsOf('early-help.hub-decision-review-recorded', [
      requested,
      ev('early_help.hub_decision_reviewed', reviewedAt, {}, { recordedAt: new Date('2026-03-29T14:30:00+01:00') }),
    ]);
    expect([dueOf(onTime!), onTime!.outcome]).toEqual(['2026-03-29T14:00:00.000Z', 'met']);
    const [late] = obligationsOf('early-help.hub-decision-review-recorded', [
      requested,
      ev('early_help.hub_decision_reviewed', reviewedAt, {}, { recordedAt: new Date('2026-03-29T15:30:00+01:00') }),
    ]);
    expect(late!.outcome).toBe('met_late');
  });
});

describe('Section 1: Children with Disabilities', () => {
  it('cwd.annual-assessment: a Child and Family Assessment within a year of the last (standard 5)', () => {
    const events = [
      ev('assessment.allocated', '2026-03-02T10:00:00Z'),
      ev('assessment.completed', '2026-04-03T10:00:00+01:00'),
      ev('assessment.allocated', '2027-03-01T10:00:00Z'),
      ev('assessment.completed', '2027-04-05T10:00:00+01:00'),
    ];
    // Completed Good Friday 3 April 2026: due Sat 3 April 2027; completed 5 April, late; next due 5 April 2028.
    expect(pairs(obligationsOf('cwd.annual-assessment', events, cwd))).toEqual([
      ['2027-04-03', 'met_late'],
      ['2028-04-05', 'open'],
    ]);
    const closed = obligationsOf('cwd.annual-assessment', [...events, ev('closure.completed', '2027-06-01T10:00:00+01:00')], cwd);
    expect(closed.at(-1)!.outcome).toBe('cancelled');
    expect(obligationsOf('cwd.annual-assessment', events, { teamSpecialism: 'family-support' })).toEqual([]);
  });

  it('cwd.cin-visit-agreed: every 4 weeks from the last visit once a stable or short breaks schedule is agreed (standard 7)', () => {
    const events = [
      ev('cin.plan_started', '2026-12-07T10:00:00Z'),
      ev('cin.visit', '2026-12-18T10:00:00Z'),
      ev('cwd.visiting_frequency_agreed', '2026-12-22T10:00:00Z', { arrangement: 'stable' }),
      ev('cin.visit', '2027-01-14T10:00:00Z'),
    ];
    // Last visit Fri 18 December + 4 weeks = Fri 15 January 2027 (the Christmas holidays do not matter);
    // visited 14 January, next 4 weeks on: Thu 11 February.
    expect(pairs(obligationsOf('cwd.cin-visit-agreed', events, cwd))).toEqual([
      ['2027-01-15', 'met'],
      ['2027-02-11', 'open'],
    ]);
    expect(obligationsOf('cwd.cin-visit-agreed', events)).toEqual([]);
    const other = events.map((e) => (e.type === 'cwd.visiting_frequency_agreed' ? { ...e, data: { arrangement: 'other' } } : e));
    expect(obligationsOf('cwd.cin-visit-agreed', other, cwd)).toEqual([]);
  });

  it('cwd.cin-visit-other-agreed: another agreed schedule is still no less than every 6 weeks (standard 8)', () => {
    const events = [ev('cin.plan_started', '2026-05-01T10:00:00+01:00'), ev('cwd.visiting_frequency_agreed', '2026-05-05T10:00:00+01:00', { arrangement: 'other' })];
    // No visit yet: 6 weeks from the plan starting on Fri 1 May (the 4 May bank holiday does not matter) = Fri 12 June.
    const [open] = obligationsOf('cwd.cin-visit-other-agreed', events, cwd);
    expect([dueOf(open!), open!.outcome]).toEqual(['2026-06-12', 'open']);
    expect(stateAt(open!, new Date('2026-06-13T09:00:00+01:00'))).toBe('overdue');
  });

  it('cwd.cin-review-agreed: reviews every 3 months from the last one on an agreed schedule (standards 7 and 8)', () => {
    const events = [
      ev('cin.plan_started', '2026-05-01T10:00:00+01:00'),
      ev('cin.review_held', '2026-06-12T10:00:00+01:00'),
      ev('cwd.visiting_frequency_agreed', '2026-06-20T10:00:00+01:00', { arrangement: 'overnight_short_breaks' }),
    ];
    // Last review Fri 12 June + 3 months = Sat 12 September.
    expect(pairs(obligationsOf('cwd.cin-review-agreed', events, cwd))).toEqual([['2026-09-12', 'open']]);
    const ended = obligationsOf('cwd.cin-review-agreed', [...events, ev('cin.plan_ended', '2026-09-01T10:00:00+01:00')], cwd);
    expect(ended[0]!.outcome).toBe('cancelled');
  });

  it('cwd.cic-visit: every 4 weeks in care, until a stable schedule is agreed (standard 16)', () => {
    const events = [
      ev('cic.started', '2026-12-24T10:00:00Z', { legalStatus: 'V2' }),
      ev('cic.visit', '2027-01-20T10:00:00Z'),
      ev('cwd.visiting_frequency_agreed', '2027-02-01T10:00:00Z', { arrangement: 'stable' }),
    ];
    // Thu 24 December + 28 days = Thu 21 January; visited the 20th; next Wed 17 February, but the agreement ends it first.
    expect(pairs(obligationsOf('cwd.cic-visit', events, cwd))).toEqual([
      ['2027-01-21', 'met'],
      ['2027-02-17', 'cancelled'],
    ]);
    expect(obligationsOf('cwd.cic-visit', events, { teamSpecialism: 'children-in-care' })).toEqual([]);
  });

  it('cwd.cic-visit-stable: every 3 months from the last visit once agreed (standard 17)', () => {
    const events = [
      ev('cic.started', '2025-11-03T10:00:00Z', { legalStatus: 'C2' }),
      ev('cic.visit', '2026-11-30T10:00:00Z'),
      ev('cwd.visiting_frequency_agreed', '2026-12-07T10:00:00Z', { arrangement: 'stable' }),
      ev('cic.visit', '2027-03-01T10:00:00Z'),
    ];
    // Last visit Mon 30 November + 3 months = 30 February, clamped to Sun 28 February 2027; visited 1 March, late.
    expect(pairs(obligationsOf('cwd.cic-visit-stable', events, cwd))).toEqual([
      ['2027-02-28', 'met_late'],
      ['2027-06-01', 'open'],
    ]);
  });

  it('cwd.transitions-notification: the Transitions Team told by the 14th birthday (standard 20)', () => {
    const facts = { ...cwd, dateOfBirth: '2012-05-04' };
    const known = [ev('early_help.received', '2020-09-01T10:00:00+01:00'), ev('assessment.allocated', '2024-02-01T10:00:00Z')];
    // 14th birthday Mon 4 May 2026, a bank holiday: due that day all the same (0 days before).
    const [late] = obligationsOf('cwd.transitions-notification', [...known, ev('transitions.team_notified', '2026-05-05T10:00:00+01:00')], facts);
    expect([dueOf(late!), late!.outcome]).toEqual(['2026-05-04', 'met_late']);
    expect(obligationsOf('cwd.transitions-notification', known, facts)).toHaveLength(1);
    const ruledOut = obligationsOf('cwd.transitions-notification', [...known, ev('transitions.need_ruled_out', '2025-01-10T10:00:00Z')], facts);
    expect(ruledOut[0]!.outcome).toBe('cancelled');
    // First known to the team after the birthday: no time is set ("as soon as they present").
    expect(obligationsOf('cwd.transitions-notification', [ev('assessment.allocated', '2026-06-01T10:00:00+01:00')], facts)).toEqual([]);
  });

  it('cwd.transitions-assessment: a Child and Family Assessment triggered at 17 (standard 22)', () => {
    const facts = { ...cwd, dateOfBirth: '2009-12-25' };
    const open = ev('assessment.allocated', '2026-01-10T10:00:00Z');
    // 17th birthday on Christmas Day 2026.
    const [met] = obligationsOf('cwd.transitions-assessment', [open, ev('transitions.assessment_triggered', '2026-12-24T10:00:00Z', { assessment: 'child_and_family' })], facts);
    expect([dueOf(met!), met!.outcome]).toEqual(['2026-12-25', 'met']);
    const [wrongKind] = obligationsOf('cwd.transitions-assessment', [open, ev('transitions.assessment_triggered', '2026-12-24T10:00:00Z', { assessment: 'early_help' })], facts);
    expect(wrongKind!.outcome).toBe('open');
    const [closed] = obligationsOf('cwd.transitions-assessment', [open, ev('closure.completed', '2026-06-01T10:00:00+01:00')], facts);
    expect(closed!.outcome).toBe('cancelled');
  });

  it('cwd.transitions-assessment-in-care: triggered at 16 for a child in care (standard 22)', () => {
    const [late] = obligationsOf(
      'cwd.transitions-assessment-in-care',
      [ev('cic.started', '2025-06-01T10:00:00+01:00', { legalStatus: 'C2' }), ev('transitions.assessment_triggered', '2026-09-01T10:00:00+01:00', { assessment: 'child_and_family' })],
      { ...cwd, dateOfBirth: '2010-08-31' },
    );
    // 16th birthday Mon 31 August 2026, the summer bank holiday.
    expect([dueOf(late!), late!.outcome]).toEqual(['2026-08-31', 'met_late']);
  });

  it('cwd.transitions-early-help-assessment: an Early Help Assessment triggered at 17 (standard 23)', () => {
    const facts = { ...cwd, dateOfBirth: '2010-03-29' };
    const received = ev('early_help.received', '2026-09-01T10:00:00+01:00');
    // 17th birthday Easter Monday, 29 March 2027.
    const [open] = obligationsOf('cwd.transitions-early-help-assessment', [received], facts);
    expect([dueOf(open!), open!.outcome]).toEqual(['2027-03-29', 'open']);
    expect(stateAt(open!, new Date('2027-03-30T09:00:00+01:00'))).toBe('overdue');
    const [closed] = obligationsOf('cwd.transitions-early-help-assessment', [received, ev('early_help.closed', '2027-01-15T10:00:00Z')], facts);
    expect(closed!.outcome).toBe('cancelled');
  });

  it('cwd.transitions-short-breaks-assessment: a Short Breaks Assessment triggered at 17 (standard 24)', () => {
    const started = ev('short_breaks.started', '2025-06-01T10:00:00+01:00');
    // 17th birthday Tue 28 December 2027, the Boxing Day substitute holiday that year.
    const [met] = obligationsOf('cwd.transitions-short-breaks-assessment', [started, ev('transitions.assessment_triggered', '2027-12-20T10:00:00Z', { assessment: 'short_breaks' })], { dateOfBirth: '2010-12-28' });
    expect([dueOf(met!), met!.outcome]).toEqual(['2027-12-28', 'met']);
    const [ended] = obligationsOf('cwd.transitions-short-breaks-assessment', [started, ev('short_breaks.ended', '2027-06-01T10:00:00+01:00')], { dateOfBirth: '2010-12-28' });
    expect(ended!.outcome).toBe('cancelled');
  });

  it('cwd.transitions-referral: referred to the Transitions Team at 17 (standard 25)', () => {
    const facts = { ...cwd, dateOfBirth: '2009-12-28' };
    const known = ev('cin.plan_started', '2025-01-06T10:00:00Z');
    // 17th birthday Mon 28 December 2026, the Boxing Day substitute holiday.
    const [late] = obligationsOf('cwd.transitions-referral', [known, ev('transitions.referral_made', '2026-12-29T10:00:00Z')], facts);
    expect([dueOf(late!), late!.outcome]).toEqual(['2026-12-28', 'met_late']);
    const [ruledOut] = obligationsOf('cwd.transitions-referral', [known, ev('transitions.need_ruled_out', '2026-06-01T10:00:00+01:00')], facts);
    expect(ruledOut!.outcome).toBe('cancelled');
  });

  it('cwd.transitions-referral-in-care: referred at 16 for a child in care (standard 25)', () => {
    const [met] = obligationsOf(
      'cwd.transitions-referral-in-care',
      [ev('cic.started', '2026-06-01T10:00:00+01:00', { legalStatus: 'V2' }), ev('transitions.referral_made', '2026-12-31T10:00:00Z')],
      { ...cwd, dateOfBirth: '2011-01-01' },
    );
    // 16th birthday on New Year's Day 2027.
    expect([dueOf(met!), met!.outcome]).toEqual(['2027-01-01', 'met']);
  });

  it('cwd.early-help-case-summary and cwd.early-help-chronology: every 3 months on an early help case (standards 27 and 28)', () => {
    const events = [
      ev('early_help.received', '2026-11-27T10:00:00Z'),
      ev('early_help.allocated', '2026-11-30T10:00:00Z', { leadProfessional: 'early_help' }),
      ev('chronology.updated', '2027-02-26T10:00:00Z'),
    ];
    // Allocated Mon 30 November: 3 months on is clamped to Sun 28 February 2027.
    expect(pairs(obligationsOf('cwd.early-help-case-summary', events, cwd))).toEqual([['2027-02-28', 'open']]);
    expect(pairs(obligationsOf('cwd.early-help-chronology', events, cwd))).toEqual([
      ['2027-02-28', 'met'],
      ['2027-05-26', 'open'],
    ]);
    expect(obligationsOf('cwd.early-help-chronology', events)).toEqual([]);
  });
});

describe('Section 1: ASSIST', () => {
  it('assist.enquiry-response: within 2 working days (standard 1)', () => {
    const [met] = obligationsOf('assist.enquiry-response', [ev('assist.enquiry_received', '2026-12-24T10:00:00Z'), ev('assist.enquiry_responded', '2026-12-30T16:00:00Z')]);
    // Thu 24 December: 25 and 28 December are bank holidays; 29 (1), Wed 30 December (2).
    expect([dueOf(met!), met!.outcome]).toEqual(['2026-12-30', 'met']);
  });

  it('assist.hub-discussion: at the next weekly Early Help Hub, within 7 days (standard 3)', () => {
    const [met] = obligationsOf('assist.hub-discussion', [ev('assist.marf_received', '2026-05-18T10:00:00+01:00'), ev('assist.hub_discussed', '2026-05-22T10:00:00+01:00')]);
    // Mon 18 May + 7 days = Mon 25 May, the spring bank holiday (calendar days).
    expect([dueOf(met!), met!.outcome]).toEqual(['2026-05-25', 'met']);
  });

  it('assist.allocated: within 2 working days of the Hub (standard 3)', () => {
    const events = [ev('assist.marf_received', '2026-05-18T10:00:00+01:00'), ev('assist.hub_discussed', '2026-05-22T10:00:00+01:00')];
    // Fri 22 May: 25 May is a bank holiday; 26 (1), Wed 27 May (2).
    const [open] = obligationsOf('assist.allocated', events);
    expect(dueOf(open!)).toBe('2026-05-27');
    const [closed] = obligationsOf('assist.allocated', [...events, ev('assist.closed', '2026-05-26T10:00:00+01:00')]);
    expect(closed!.outcome).toBe('cancelled');
  });

  it('assist.family-written-to: within 2 working days of receiving the referral (standard 4)', () => {
    const events = [ev('assist.marf_received', '2026-03-26T10:00:00Z'), ev('assist.allocated', '2026-04-02T10:00:00+01:00'), ev('assist.family_written_to', '2026-04-09T10:00:00+01:00', { outcome: 'waiting_list' })];
    // Thu 2 April: Good Friday and Easter Monday skipped; 7 (1), Wed 8 April (2).
    expect(pairs(obligationsOf('assist.family-written-to', events))).toEqual([['2026-04-08', 'met_late']]);
  });

  it('assist.family-contacted: within 5 working days of a letter saying so (standard 4)', () => {
    const received = ev('assist.marf_received', '2026-08-20T10:00:00+01:00');
    const [open] = obligationsOf('assist.family-contacted', [received, ev('assist.family_written_to', '2026-08-28T10:00:00+01:00', { outcome: 'contact_to_follow' })]);
    // Fri 28 August: 31 August bank holiday; 1–4 September (4), Mon 7 September (5).
    expect(dueOf(open!)).toBe('2026-09-07');
    expect(obligationsOf('assist.family-contacted', [received, ev('assist.family_written_to', '2026-08-28T10:00:00+01:00', { outcome: 'waiting_list' })])).toEqual([]);
  });
});

describe('Section 1: ASSIST, parent programmes (standard 2)', () => {
  const request = (at: string, requestId: string, programmeStartsOn: string, informationBy: string) =>
    ev('assist.programme_requested', at, { requestId, route: 'self_referral', programme: 'Cygnet', programmeStartsOn, informationBy });

  it('assist.programme-information: by the date 6 weeks before the programme starts, for that request', () => {
    // A programme starting Tuesday 7 April 2026, the day after Easter Monday: 6 calendar weeks before is
    // Tuesday 24 February; weekends and bank holidays do not move it.
    const events = [
      request('2026-01-15T10:00:00Z', 'r1', '2026-04-07', '2026-02-24'),
      request('2026-01-20T10:00:00Z', 'r2', '2026-06-02', '2026-04-21'),
      ev('assist.programme_information_sent', '2026-02-24T17:30:00Z', { requestId: 'r1' }),
      ev('assist.programme_information_sent', '2026-04-22T09:00:00+01:00', { requestId: 'r2' }),
    ];
    expect(pairs(obligationsOf('assist.programme-information', events))).toEqual([
      ['2026-02-24', 'met'],
      ['2026-04-21', 'met_late'],
    ]);
  });

  it('assist.programme-information: open until sent, overdue the day after, cancelled when the place is withdrawn', () => {
    const asked = request('2026-12-01T10:00:00Z', 'r3', '2027-02-09', '2026-12-29');
    const [open] = obligationsOf('assist.programme-information', [asked]);
    // Tuesday 29 December 2026, between the Christmas bank holidays: still the due date.
    expect(dueOf(open!)).toBe('2026-12-29');
    expect(stateAt(open!, new Date('2026-12-29T23:59:59Z'))).toBe('due');
    expect(stateAt(open!, new Date('2026-12-30T00:00:00Z'))).toBe('overdue');
    const [withdrawn] = obligationsOf('assist.programme-information', [asked, ev('assist.programme_withdrawn', '2026-12-10T10:00:00Z', { requestId: 'r3' })]);
    expect(withdrawn!.outcome).toBe('cancelled');
    // A request without the date it is due by opens nothing.
    expect(obligationsOf('assist.programme-information', [ev('assist.programme_requested', '2026-12-01T10:00:00Z', { requestId: 'r4' })])).toEqual([]);
  });

  it('the request says its dates and its route, or an import is refused', () => {
    const schema = eventTypeOf('assist.programme_requested')!.data!;
    expect(schema.safeParse({ requestId: 'r1', route: 'self_referral', programmeStartsOn: '2026-04-07', informationBy: '2026-02-24' }).success).toBe(true);
    expect(schema.safeParse({ requestId: 'r1', route: 'walk_in', programmeStartsOn: '2026-04-07', informationBy: '2026-02-30' }).success).toBe(false);
    expect(ruleById('assist.programme-information')!.citation).toEqual({ document: 'practice-standards', section: 'Section 1: Autistic Spectrum Service for Information Support and Training (ASSIST)', paragraph: '2' });
    expect(notModelled.some((n) => n.citation.section.includes('ASSIST') && n.citation.paragraph === '2')).toBe(false);
  });
});

describe('Section 1: Occupational Therapy', () => {
  it('ot.query-response: within 5 working days, for that query (standard 1)', () => {
    const events = [
      ev('ot.query_received', '2026-05-02T10:00:00+01:00', { queryId: 'q1' }),
      ev('ot.query_received', '2026-05-05T10:00:00+01:00', { queryId: 'q2' }),
      ev('ot.query_responded', '2026-05-07T10:00:00+01:00', { queryId: 'q2' }),
      ev('ot.query_responded', '2026-05-12T10:00:00+01:00', { queryId: 'q1' }),
    ];
    // Sat 2 May: 4 May bank holiday; 5–8 May (4), Mon 11 May (5).
    const [first, second] = obligationsOf('ot.query-response', events);
    expect([dueOf(first!), first!.outcome]).toEqual(['2026-05-11', 'met_late']);
    expect(second!.outcome).toBe('met');
  });

  it('ot.referral-prioritised: within 5 working days of the referral (standard 2)', () => {
    const received = ev('ot.referral_received', '2026-12-24T10:00:00Z');
    // Thu 24 December: 29, 30, 31 (3), 1 January holiday, 4 (4), Tue 5 January 2027 (5).
    expect(dueOf(obligationsOf('ot.referral-prioritised', [received])[0]!)).toBe('2027-01-05');
    expect(obligationsOf('ot.referral-prioritised', [received, ev('ot.closed', '2026-12-30T10:00:00Z')])[0]!.outcome).toBe('cancelled');
  });

  it('ot.waiting-list-letter: within 5 working days of prioritisation (standard 3)', () => {
    const [met] = obligationsOf('ot.waiting-list-letter', [
      ev('ot.referral_received', '2026-12-21T10:00:00Z'),
      ev('ot.referral_prioritised', '2026-12-23T10:00:00Z'),
      ev('ot.waiting_list_letter_sent', '2027-01-04T12:00:00Z'),
    ]);
    // Wed 23 December: 24 (1), 29, 30, 31 (4), Mon 4 January 2027 (5).
    expect([dueOf(met!), met!.outcome]).toEqual(['2027-01-04', 'met']);
  });

  it('ot.assessment-offered: within 5 calendar days of allocation (standard 4)', () => {
    const [late] = obligationsOf('ot.assessment-offered', [
      ev('ot.referral_received', '2026-03-20T10:00:00Z'),
      ev('ot.allocated', '2026-04-03T10:00:00+01:00'),
      ev('ot.assessment_offered', '2026-04-09T10:00:00+01:00'),
    ]);
    // Good Friday 3 April + 5 days = Wed 8 April.
    expect([dueOf(late!), late!.outcome]).toEqual(['2026-04-08', 'met_late']);
  });

  it('ot.person-summary: within 5 working days of the initial assessment (standard 6)', () => {
    const [met] = obligationsOf('ot.person-summary', [
      ev('ot.referral_received', '2026-04-20T10:00:00+01:00'),
      ev('ot.assessment_completed', '2026-05-21T10:00:00+01:00'),
      ev('ot.assessment_completed', '2026-06-10T10:00:00+01:00'),
      ev('ot.person_summary_updated', '2026-05-29T10:00:00+01:00'),
    ]);
    // Thu 21 May: 22 (1), 25 May bank holiday, 26, 27, 28 (4), Fri 29 May (5). The second assessment opens none.
    expect(obligationsOf('ot.person-summary', [ev('ot.referral_received', '2026-04-20T10:00:00+01:00'), ev('ot.assessment_completed', '2026-05-21T10:00:00+01:00'), ev('ot.assessment_completed', '2026-06-10T10:00:00+01:00')])).toHaveLength(1);
    expect([dueOf(met!), met!.outcome]).toEqual(['2026-05-29', 'met']);
  });
});

describe('Section 1: Occupational Therapy, the work around the timescales', () => {
  it('ot.waiting-list-letter: no letter is owed to a child allocated before it falls due', () => {
    const events = [ev('ot.referral_received', '2026-12-21T10:00:00Z'), ev('ot.referral_prioritised', '2026-12-23T10:00:00Z', { priority: 1 })];
    // Wed 23 December: due Monday 4 January 2027; allocated Tuesday 29 December, between the bank holidays.
    expect(pairs(obligationsOf('ot.waiting-list-letter', [...events, ev('ot.allocated', '2026-12-29T10:00:00Z')]))).toEqual([['2027-01-04', 'cancelled']]);
    // Allocated after it fell due, with no letter: missed.
    expect(pairs(obligationsOf('ot.waiting-list-letter', [...events, ev('ot.allocated', '2027-01-05T10:00:00Z')]))).toEqual([['2027-01-04', 'missed']]);
  });

  it("the occupational therapist is responsible for each Occupational Therapy timescale", () => {
    for (const id of ['ot.query-response', 'ot.referral-prioritised', 'ot.waiting-list-letter', 'ot.assessment-offered', 'ot.person-summary']) {
      expect(ruleById(id)!.responsible, id).toBe('occupational-therapist');
    }
  });

  it('a referral is prioritised into Priority 1 or 2 (standard 2)', () => {
    const schema = eventTypeOf('ot.referral_prioritised')!.data!;
    expect(schema.safeParse({ priority: 1 }).success).toBe(true);
    expect(schema.safeParse({ priority: 3 }).success).toBe(false);
  });

  it('the first home visit explains working hours and contact details and asks for both consent forms (standard 5)', () => {
    const schema = eventTypeOf('ot.home_visited')!.data!;
    const visit = { workingHoursExplained: true, contactDetailsGiven: true, consentToShare: 'signed', photographConsent: 'signed' };
    expect(schema.safeParse(visit).success).toBe(true);
    expect(schema.safeParse({ ...visit, workingHoursExplained: false }).success).toBe(false);
    expect(schema.safeParse({ ...visit, contactDetailsGiven: undefined }).success).toBe(false);
    expect(schema.safeParse({ ...visit, photographConsent: 'not_asked' }).success).toBe(false);
    // Declined is the family's choice, with the reason recorded.
    expect(schema.safeParse({ ...visit, photographConsent: 'declined' }).success).toBe(false);
    expect(schema.safeParse({ ...visit, photographConsent: 'declined', declinedReason: 'Parents do not want photographs taken; measurements written instead.' }).success).toBe(true);
    expect(eventTypeOf('ot.home_visited')!.recordedOn).toBe('occupational-therapy');
  });

  it('the intervention is agreed after the assessment (standard 7), on the Occupational Therapy page', () => {
    const definition = eventTypeOf('ot.intervention_agreed')!;
    expect(definition.after).toEqual([{ type: 'ot.assessment_completed' }]);
    expect(definition.data!.safeParse({ intervention: '  ' }).success).toBe(false);
    expect(isPracticeWork('ot.intervention_agreed')).toBe(false);
  });
});

describe('Section 1: Youth Offending Service', () => {
  it('keeps every yos.* event off Record work: they are recorded on the Youth justice page (issue 12)', () => {
    const yos = eventTypes.filter((t) => t.type.startsWith('yos.'));
    expect(yos.length).toBeGreaterThanOrEqual(21);
    expect(yos.filter((t) => t.recordedOn !== 'youth-justice').map((t) => t.type)).toEqual([]);
    expect(yos.filter((t) => isPracticeWork(t.type))).toEqual([]);
    expect(catalogueRules.filter((r) => r.id.startsWith('yos.') && r.responsible !== 'youth-justice-officer').map((r) => r.id)).toEqual([]);
  });

  it('yos.assessment: within 5 working days of allocation (standard 1)', () => {
    const [open] = obligationsOf('yos.assessment', [ev('yos.referral_received', '2026-08-24T10:00:00+01:00'), ev('yos.referral_allocated', '2026-08-27T10:00:00+01:00')]);
    // Thu 27 August: 28 (1), 31 August bank holiday, 1, 2, 3 (4), Fri 4 September (5).
    expect(dueOf(open!)).toBe('2026-09-04');
  });

  it('yos.intervention-plan: within 5 working days of an out-of-court assessment (standard 2)', () => {
    const referral = ev('yos.referral_received', '2026-12-01T10:00:00Z');
    const [open] = obligationsOf('yos.intervention-plan', [referral, ev('yos.assessment_completed', '2026-12-22T10:00:00Z', { order: 'out_of_court' })]);
    // Tue 22 December: 23, 24 (2), 29, 30 (4), Thu 31 December (5).
    expect(dueOf(open!)).toBe('2026-12-31');
    expect(obligationsOf('yos.intervention-plan', [referral, ev('yos.assessment_completed', '2026-12-22T10:00:00Z', { order: 'referral_order' })])).toEqual([]);
  });

  it('yos.intervention-length: 16 weeks from an out-of-court referral, or from a disposal delivered later (standard 5)', () => {
    const referral = ev('yos.referral_received', '2026-04-06T10:00:00+01:00', { route: 'out_of_court' });
    // Easter Monday 6 April + 16 weeks = Mon 27 July.
    expect(pairs(obligationsOf('yos.intervention-length', [referral]))).toEqual([['2026-07-27', 'open']]);
    // A disposal on Fri 1 May replaces it: + 16 weeks = Fri 21 August; the intervention ended on the 24th.
    const withDisposal = obligationsOf('yos.intervention-length', [referral, ev('yos.disposal_delivered', '2026-05-01T10:00:00+01:00', { disposal: 'youth_caution' }), ev('yos.intervention_ended', '2026-08-24T10:00:00+01:00')]);
    expect(pairs(withDisposal)).toEqual([
      ['2026-07-27', 'cancelled'],
      ['2026-08-21', 'met_late'],
    ]);
    // A court referral is not out-of-court work; a sentence ends the out-of-court count.
    expect(obligationsOf('yos.intervention-length', [ev('yos.referral_received', '2026-04-06T10:00:00+01:00', { route: 'court' })])).toEqual([]);
    expect(pairs(obligationsOf('yos.intervention-length', [referral, ev('yos.sentenced', '2026-06-01T12:00:00+01:00', { order: 'referral_order' })]))).toEqual([['2026-07-27', 'cancelled']]);
  });

  it('yos.order-assessment: AssetPlus within 5 working days of sentence (standard 11)', () => {
    const [met] = obligationsOf('yos.order-assessment', [
      ev('yos.sentenced', '2026-04-02T12:00:00+01:00', { order: 'youth_rehabilitation_order' }),
      ev('yos.assessment_completed', '2026-04-13T12:00:00+01:00', { order: 'youth_rehabilitation_order' }),
    ]);
    // Thu 2 April: Good Friday and Easter Monday skipped; 7–10 (4), Mon 13 April (5).
    expect([dueOf(met!), met!.outcome]).toEqual(['2026-04-13', 'met']);
  });

  it('yos.yro-plan and yos.referral-order-plan: 5 and 20 working days from the assessment (standard 12)', () => {
    const sentenced = (order: string) => ev('yos.sentenced', '2026-04-20T12:00:00+01:00', { order });
    const yro = obligationsOf('yos.yro-plan', [sentenced('youth_rehabilitation_order'), ev('yos.assessment_completed', '2026-04-30T12:00:00+01:00', { order: 'youth_rehabilitation_order' })]);
    // Thu 30 April: 1 May (1), 4 May bank holiday, 5, 6, 7 (4), Fri 8 May (5).
    expect(pairs(yro)).toEqual([['2026-05-08', 'open']]);
    const referralOrder = obligationsOf('yos.referral-order-plan', [sentenced('referral_order'), ev('yos.assessment_completed', '2026-04-30T12:00:00+01:00', { order: 'referral_order' })]);
    // Thu 30 April: 1 May (1), 5–8 (5), 11–15 (10), 18–22 (15), 25 May bank holiday, 26–29 (19), Mon 1 June (20).
    expect(pairs(referralOrder)).toEqual([['2026-06-01', 'open']]);
  });

  it('yos.plan-review: every 3 months from a court order plan (standard 14)', () => {
    const sentenced = ev('yos.sentenced', '2026-11-20T12:00:00Z', { order: 'youth_rehabilitation_order' });
    const [open] = obligationsOf('yos.plan-review', [sentenced, ev('yos.plan_completed', '2026-11-30T12:00:00Z', { order: 'youth_rehabilitation_order' })]);
    // Mon 30 November + 3 months = 30 February, clamped to Sun 28 February 2027.
    expect(dueOf(open!)).toBe('2027-02-28');
    expect(obligationsOf('yos.plan-review', [ev('yos.referral_received', '2026-11-20T12:00:00Z'), ev('yos.plan_completed', '2026-11-30T12:00:00Z', { order: 'out_of_court' })])).toEqual([]);
  });

  it('yos.custody-contact and yos.sentence-planning: 5 and 10 working days from a Detention and Training Order (standards 17 and 18)', () => {
    const dto = ev('yos.sentenced', '2026-12-18T12:00:00Z', { order: 'detention_and_training_order' });
    // Fri 18 December: 21–24 (4), Tue 29 December (5); 30, 31 (7), 1 January holiday, 4, 5 (9), Wed 6 January 2027 (10).
    expect(dueOf(obligationsOf('yos.custody-contact', [dto])[0]!)).toBe('2026-12-29');
    expect(dueOf(obligationsOf('yos.sentence-planning', [dto])[0]!)).toBe('2027-01-06');
    expect(obligationsOf('yos.custody-contact', [ev('yos.sentenced', '2026-12-18T12:00:00Z', { order: 'referral_order' })])).toEqual([]);
  });

  it('yos.sentence-plan-review: every 3 months in custody, ended by release (standard 19)', () => {
    const events = [ev('yos.sentenced', '2026-07-20T12:00:00+01:00', { order: 'detention_and_training_order' }), ev('yos.sentence_planning_attended', '2026-07-31T12:00:00+01:00')];
    // Fri 31 July + 3 months = Sat 31 October.
    expect(pairs(obligationsOf('yos.sentence-plan-review', events))).toEqual([['2026-10-31', 'open']]);
    expect(pairs(obligationsOf('yos.sentence-plan-review', [...events, ev('yos.released', '2026-10-15T12:00:00+01:00')]))).toEqual([['2026-10-31', 'cancelled']]);
  });

  it('yos.probation-transfer: due a month before the expected release date, from when the date is set, for a young person 18 by then (standard 22)', () => {
    // Sentenced on Christmas Eve 2026, across 25, 26 and 28 December; 17 then, 18 on 20 April 2027.
    const adult = { dateOfBirth: '2009-04-20' };
    const dto = (releaseOn?: string) => ev('yos.sentenced', '2026-12-24T12:00:00Z', { order: 'detention_and_training_order', ...(releaseOn ? { releaseOn } : {}) });
    // Release expected on the spring bank holiday, Mon 31 May 2027: a month before is 31 April, clamped to Fri 30 April.
    // The obligation exists from the sentence, long before its deadline (not only once the release is recorded).
    const [open] = obligationsOf('yos.probation-transfer', [dto('2027-05-31')], adult);
    expect([dueOf(open!), open!.outcome]).toEqual(['2027-04-30', 'open']);
    expect(open!.startedAt.toISOString()).toBe('2026-12-24T12:00:00.000Z');
    expect(stateAt(open!, new Date('2027-04-30T23:00:00Z'))).toBe('overdue');
    const transfer = (at: string) => ev('yos.probation_transfer_finalised', at);
    expect(pairs(obligationsOf('yos.probation-transfer', [dto('2027-05-31'), transfer('2027-04-30T16:00:00+01:00')], adult))).toEqual([['2027-04-30', 'met']]);
    // Finalised on Tue 4 May, after the early May bank holiday: late.
    expect(pairs(obligationsOf('yos.probation-transfer', [dto('2027-05-31'), transfer('2027-05-04T10:00:00+01:00')], adult))).toEqual([['2027-04-30', 'met_late']]);
    // Released without it: missed.
    expect(pairs(obligationsOf('yos.probation-transfer', [dto('2027-05-31'), ev('yos.released', '2027-05-31T10:00:00+01:00')], adult))).toEqual([['2027-04-30', 'missed']]);
    // The date set later (Mon 4 January 2027, after the New Year bank holiday), when the sentence gave none.
    const setOn = (at: string, releaseOn: string) => ev('yos.release_date_set', at, { releaseOn });
    expect(pairs(obligationsOf('yos.probation-transfer', [dto(), setOn('2027-01-04T10:00:00Z', '2027-05-31')], adult))).toEqual([['2027-04-30', 'open']]);
    // Set again, later: the earlier date's obligation is replaced (cancelled before it fell due); a transfer already finalised meets both.
    expect(pairs(obligationsOf('yos.probation-transfer', [dto('2027-05-31'), setOn('2027-03-01T10:00:00Z', '2027-06-28')], adult))).toEqual([['2027-04-30', 'cancelled'], ['2027-05-28', 'open']]);
    expect(pairs(obligationsOf('yos.probation-transfer', [dto('2027-05-31'), transfer('2027-02-15T10:00:00Z'), setOn('2027-03-01T10:00:00Z', '2027-06-28')], adult))).toEqual([['2027-04-30', 'met'], ['2027-05-28', 'met']]);
    // Only for a young person who turns 18 in custody, by the release date; not without a date of birth or a release date.
    expect(obligationsOf('yos.probation-transfer', [dto('2027-05-31')], { dateOfBirth: '2009-06-01' })).toEqual([]);
    expect(obligationsOf('yos.probation-transfer', [dto('2027-05-31')], { dateOfBirth: '2008-11-30' })).toEqual([]);
    expect(obligationsOf('yos.probation-transfer', [dto('2027-05-31')])).toEqual([]);
    expect(obligationsOf('yos.probation-transfer', [dto()], adult)).toEqual([]);
    // 18 on the release day itself counts; a release date set outside custody opens nothing.
    expect(pairs(obligationsOf('yos.probation-transfer', [dto('2027-05-31')], { dateOfBirth: '2009-05-31' }))).toEqual([['2027-04-30', 'open']]);
    expect(obligationsOf('yos.probation-transfer', [setOn('2027-01-04T10:00:00Z', '2027-05-31')], adult)).toEqual([]);
  });

  it('yos.plan-review: ends when the intervention ends (standard 14)', () => {
    const events = [ev('yos.sentenced', '2026-11-20T12:00:00Z', { order: 'youth_rehabilitation_order' }), ev('yos.plan_completed', '2026-11-30T12:00:00Z', { order: 'youth_rehabilitation_order' })];
    expect(pairs(obligationsOf('yos.plan-review', [...events, ev('yos.intervention_ended', '2027-01-15T12:00:00Z')]))).toEqual([['2027-02-28', 'cancelled']]);
  });

  it('yos.resettlement-planning: started within 10 working days of a Detention and Training Order (standard 20)', () => {
    const dto = ev('yos.sentenced', '2026-12-18T12:00:00Z', { order: 'detention_and_training_order' });
    // Fri 18 December: Christmas Day, the Boxing Day substitute and New Year's Day skipped: Wed 6 January 2027 (10).
    const [late] = obligationsOf('yos.resettlement-planning', [dto, ev('yos.resettlement_planning_started', '2027-01-07T10:00:00Z')]);
    expect([dueOf(late!), late!.outcome]).toEqual(['2027-01-06', 'met_late']);
    expect(obligationsOf('yos.resettlement-planning', [ev('yos.sentenced', '2026-12-18T12:00:00Z', { order: 'youth_rehabilitation_order' })])).toEqual([]);
  });

  it('yos.release-accommodation and yos.release-ete: in place before release on licence (standard 21)', () => {
    const dto = ev('yos.sentenced', '2026-04-02T12:00:00+01:00', { order: 'detention_and_training_order' });
    const release = ev('yos.released', '2026-08-31T09:00:00+01:00', { turned18InCustody: false });
    const housed = ev('yos.release_accommodation_confirmed', '2026-08-28T15:00:00+01:00');
    // Released on the summer bank holiday, Mon 31 August: accommodation confirmed the Friday before; no ETE.
    expect(pairs(obligationsOf('yos.release-accommodation', [dto, housed, release]))).toEqual([['2026-08-31', 'met']]);
    expect(pairs(obligationsOf('yos.release-ete', [dto, housed, release]))).toEqual([['2026-08-31', 'missed']]);
    // What was in place before an earlier release does not count for the next.
    const again = [dto, housed, ev('yos.release_ete_confirmed', '2026-08-28T16:00:00+01:00'), release, ev('yos.sentenced', '2026-11-02T12:00:00Z', { order: 'detention_and_training_order' }), ev('yos.released', '2027-01-04T10:00:00Z')];
    expect(pairs(obligationsOf('yos.release-ete', again))).toEqual([['2026-08-31', 'met'], ['2027-01-04', 'missed']]);
  });
});

describe('Section 1: Children with Disabilities, transitions and the 75-nights-away cohort (issue 12)', () => {
  it('cwd.transitions-tracking-meeting: a notification shared at the tracking meeting within a month (standard 20)', () => {
    // Notified on Monday 28 December 2026, Boxing Day's substitute bank holiday: due Thursday 28 January 2027.
    const notified = ev('transitions.team_notified', '2026-12-28T10:00:00Z');
    const [met] = obligationsOf('cwd.transitions-tracking-meeting', [notified, ev('transitions.tracking_meeting_discussed', '2027-01-28T16:00:00Z', { meetingId: 'm1' })], cwd);
    expect([dueOf(met!), met!.outcome]).toEqual(['2027-01-28', 'met']);
    const [late] = obligationsOf('cwd.transitions-tracking-meeting', [notified, ev('transitions.tracking_meeting_discussed', '2027-01-29T10:00:00Z', { meetingId: 'm2' })], cwd);
    expect(late!.outcome).toBe('met_late');
    const [ruledOut] = obligationsOf('cwd.transitions-tracking-meeting', [notified, ev('transitions.need_ruled_out', '2027-01-05T10:00:00Z')], cwd);
    expect(ruledOut!.outcome).toBe('cancelled');
    expect(obligationsOf('cwd.transitions-tracking-meeting', [notified], { teamSpecialism: 'family-support' })).toEqual([]);
  });

  it('cwd.nights-away-visit: every 4 weeks from the last visit for a child 75 nights away who is not in care (standard 16, note 2)', () => {
    const events = [
      ev('cin.plan_started', '2026-03-02T10:00:00Z'),
      // Last visit on Good Friday, 3 April 2026; joined the cohort on Easter Monday.
      ev('cin.visit', '2026-04-03T11:00:00+01:00'),
      ev('cwd.nights_away_cohort_joined', '2026-04-06T10:00:00+01:00', { basis: 'overnight_short_breaks' }),
      ev('cin.visit', '2026-05-01T15:00:00+01:00'),
    ];
    // 3 April + 28 days = Friday 1 May (the early May bank holiday weekend after it does not matter); then Friday 29 May.
    expect(pairs(obligationsOf('cwd.nights-away-visit', events, cwd))).toEqual([
      ['2026-05-01', 'met'],
      ['2026-05-29', 'open'],
    ]);
    // Coming into care hands the child to cwd.cic-visit; leaving the cohort ends it.
    expect(pairs(obligationsOf('cwd.nights-away-visit', [...events, ev('cic.started', '2026-05-10T10:00:00+01:00', { legalStatus: 'V2' })], cwd)).at(-1)).toEqual(['2026-05-29', 'cancelled']);
    expect(pairs(obligationsOf('cwd.nights-away-visit', [...events, ev('cwd.nights_away_cohort_left', '2026-06-15T10:00:00+01:00', { reason: 'Short breaks reduced to 40 nights' })], cwd)).at(-1)).toEqual(['2026-05-29', 'missed']);
    expect(obligationsOf('cwd.nights-away-visit', events, { teamSpecialism: 'assessment' })).toEqual([]);
  });

  it('records the transitions steps and the cohort on their own page, with their data checked', () => {
    for (const type of ['transitions.team_notified', 'transitions.need_identified', 'transitions.ehcp_review_attended', 'transitions.sda_completed', 'transitions.forum_decided', 'transitions.tracking_meeting_discussed', 'cwd.nights_away_cohort_joined', 'cwd.nights_away_cohort_left']) {
      expect(eventTypeOf(type)?.recordedOn, type).toBe('transitions');
      expect(isPracticeWork(type), type).toBe(false);
    }
    expect(eventTypeOf('transitions.forum_decided')!.data!.safeParse({ responsibility: 'adult_social_care' }).success).toBe(true);
    expect(eventTypeOf('transitions.forum_decided')!.data!.safeParse({ responsibility: 'parents' }).success).toBe(false);
    expect(eventTypeOf('cwd.nights_away_cohort_joined')!.data!.safeParse({ basis: 'residential_school' }).success).toBe(true);
    expect(eventTypeOf('cwd.nights_away_cohort_joined')!.data!.safeParse({}).success).toBe(false);
    expect(ruleById('cwd.nights-away-visit')!.citation.paragraph).toBe('16 and note 2');
    expect(notModelled.find((n) => n.citation.section === 'Section 1: Children with Disabilities' && n.citation.paragraph === '20')?.reason).toContain('cwd.transitions-tracking-meeting');
  });
});
