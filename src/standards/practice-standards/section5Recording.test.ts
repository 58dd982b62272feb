import { describe, expect, it } from 'vitest';
import { ruleById } from '../index';
import { dueOf, ev, obligationsOf } from '../../../test/support/standardsCases';

// Dates used: 2026 bank holidays are Good Friday 3 April, Easter Monday 6 April, 4 May, 25 May,
// 31 August, Christmas Day (Friday 25 December) and Boxing Day's substitute (Monday 28 December);
// 1 January 2027 is a Friday. British Summer Time runs from 01:00 UTC on Sunday 29 March to 01:00
// UTC on Sunday 25 October 2026.

const pairs = (list: ReturnType<typeof obligationsOf>) => list.map((o) => [dueOf(o), o.outcome]);
/** An event done at one time and recorded at another. */
const recorded = (type: string, at: string, recordedAt: string, data: Record<string, unknown> = {}) => ev(type, at, data, { recordedAt: new Date(recordedAt) });

describe('Section 5: Recording Timescales Table', () => {
  it('recording.contact-referral: within 24 hours, off by default for the one hour of Section 2', () => {
    expect(ruleById('recording.contact-referral')!.enabled).toBe(false);
    // Sat 24 October, 22:00 BST (21:00 UTC); the clocks go back that night, so 24 hours on is 21:00 GMT on the 25th.
    const at = '2026-10-24T22:00:00+01:00';
    const [onTime] = obligationsOf('recording.contact-referral', [recorded('contact.received', at, '2026-10-25T20:59:00Z')]);
    expect([dueOf(onTime!), onTime!.outcome]).toEqual(['2026-10-25T21:00:00.000Z', 'met']);
    const [late] = obligationsOf('recording.contact-referral', [recorded('contact.received', at, '2026-10-25T21:30:00Z')]);
    expect(late!.outcome).toBe('met_late');
  });

  it('recording.assessment: the completed assessment recorded within 5 working days', () => {
    // Thu 24 December: 25 and 28 December holidays; 29, 30, 31 (3), 1 January holiday, 4 (4), Tue 5 January 2027 (5).
    const at = '2026-12-24T15:00:00Z';
    const [onTime] = obligationsOf('recording.assessment', [ev('assessment.allocated', '2026-11-02T10:00:00Z'), recorded('assessment.completed', at, '2027-01-05T16:00:00Z')]);
    expect([dueOf(onTime!), onTime!.outcome]).toEqual(['2027-01-05', 'met']);
    // Imported: the old system's recording time counts, not Hearth's.
    const [late] = obligationsOf('recording.assessment', [ev('assessment.completed', at, { recordedAt: '2027-01-06T09:00:00Z' }, { recordedAt: new Date('2027-03-01T09:00:00Z') })]);
    expect(late!.outcome).toBe('met_late');
  });

  it('recording.chronology and recording.case-summary: every 3 months from the case start, until it closes', () => {
    const events = [
      ev('assessment.allocated', '2026-10-31T10:00:00Z'),
      ev('cin.plan_started', '2026-12-14T10:00:00Z'),
      ev('chronology.updated', '2027-01-29T10:00:00Z'),
      ev('closure.decided', '2027-03-01T09:00:00Z', { outcome: 'close' }),
      ev('closure.completed', '2027-03-01T10:00:00Z'),
    ];
    // Sat 31 October + 3 months = Sun 31 January 2027; updated 29 January; next 29 April, but the case closed on 1 March.
    expect(pairs(obligationsOf('recording.chronology', events))).toEqual([
      ['2027-01-31', 'met'],
      ['2027-04-29', 'cancelled'],
    ]);
    // The case summary was never updated: overdue when the case closed after it fell due.
    expect(pairs(obligationsOf('recording.case-summary', events))).toEqual([['2027-01-31', 'missed']]);
  });

  it('recording.supervision: recorded within 5 working days of the supervision', () => {
    // Fri 28 August: 31 August bank holiday; 1–4 September (4), Mon 7 September (5).
    const at = '2026-08-28T10:00:00+01:00';
    const [onTime] = obligationsOf('recording.supervision', [recorded('supervision.case_discussed', at, '2026-09-07T17:00:00+01:00')]);
    expect([dueOf(onTime!), onTime!.outcome]).toEqual(['2026-09-07', 'met']);
    const [late] = obligationsOf('recording.supervision', [recorded('supervision.case_discussed', at, '2026-09-08T09:00:00+01:00')]);
    expect(late!.outcome).toBe('met_late');
  });

  it('recording.case-summary-significant-event: within 5 working days of a significant event in an open case', () => {
    const event = ev('case.significant_event_occurred', '2026-04-02T10:00:00+01:00');
    const [late] = obligationsOf('recording.case-summary-significant-event', [ev('cin.plan_started', '2026-03-02T10:00:00Z'), event, ev('case_summary.updated', '2026-04-14T10:00:00+01:00')]);
    // Thu 2 April: Good Friday and Easter Monday skipped; 7–10 (4), Mon 13 April (5).
    expect([dueOf(late!), late!.outcome]).toEqual(['2026-04-13', 'met_late']);
    expect(obligationsOf('recording.case-summary-significant-event', [event])).toEqual([]);
  });
});

describe('Section 5: Recording Timescales Table, Child Protection', () => {
  it('recording.strategy-discussion: recorded within 24 hours of the meeting', () => {
    // Sat 28 March, 12:00 GMT; the clocks go forward that night, so 24 hours on is 13:00 BST on the 29th.
    const at = '2026-03-28T12:00:00Z';
    const [onTime] = obligationsOf('recording.strategy-discussion', [recorded('strategy.discussion_held', at, '2026-03-29T12:30:00+01:00')]);
    expect([dueOf(onTime!), onTime!.outcome]).toEqual(['2026-03-29T12:00:00.000Z', 'met']);
    const [late] = obligationsOf('recording.strategy-discussion', [recorded('strategy.discussion_held', at, '2026-03-29T13:30:00+01:00')]);
    expect(late!.outcome).toBe('met_late');
  });

  it('recording.icpc-report: 2 working days before the initial conference, off by default for Section 4', () => {
    expect(ruleById('recording.icpc-report')!.enabled).toBe(false);
    const conference = ev('cp.conference_held', '2026-04-07T10:00:00+01:00', { kind: 'initial', planMade: true });
    // Tue 7 April: Easter Monday and Good Friday skipped going back; Thu 2 April (1), Wed 1 April (2).
    const [met] = obligationsOf('recording.icpc-report', [ev('cp.conference_report_submitted', '2026-04-01T17:00:00+01:00'), conference]);
    expect([dueOf(met!), met!.outcome]).toEqual(['2026-04-01', 'met']);
    const [late] = obligationsOf('recording.icpc-report', [ev('cp.conference_report_submitted', '2026-04-02T09:00:00+01:00'), conference]);
    expect(late!.outcome).toBe('met_late');
    expect(obligationsOf('recording.icpc-report', [conference])[0]!.outcome).toBe('missed');
  });

  it('recording.conference-outcome and recording.conference-chair-checklist: within 24 hours of a conference', () => {
    // Sat 24 October, 11:00 BST (10:00 UTC); the clocks go back that night: due 10:00 GMT on the 25th.
    const at = '2026-10-24T11:00:00+01:00';
    const conference = (recordedAt: string) => recorded('cp.conference_held', at, recordedAt, { kind: 'review', planContinues: true, conferenceId: 'c1' });
    const [onTime] = obligationsOf('recording.conference-outcome', [conference('2026-10-25T10:00:00Z')]);
    expect([dueOf(onTime!), onTime!.outcome]).toEqual(['2026-10-25T10:00:00.000Z', 'met']);
    expect(obligationsOf('recording.conference-outcome', [conference('2026-10-25T10:01:00Z')])[0]!.outcome).toBe('met_late');
    const [checklist] = obligationsOf('recording.conference-chair-checklist', [
      conference('2026-10-24T12:00:00+01:00'),
      ev('cp.chair_checklist_completed', '2026-10-25T09:30:00Z', { conferenceId: 'other' }),
      ev('cp.chair_checklist_completed', '2026-10-25T10:30:00Z', { conferenceId: 'c1' }),
    ]);
    expect([dueOf(checklist!), checklist!.outcome]).toEqual(['2026-10-25T10:00:00.000Z', 'met_late']);
  });

  it('recording.core-group: recorded within 5 working days of the meeting', () => {
    // Fri 22 May: 25 May bank holiday; 26–29 (4), Mon 1 June (5).
    const [met] = obligationsOf('recording.core-group', [recorded('cp.core_group_held', '2026-05-22T10:00:00+01:00', '2026-06-01T18:00:00+01:00')]);
    expect([dueOf(met!), met!.outcome]).toEqual(['2026-06-01', 'met']);
  });

  it('recording.cp-oversight: oversight on a child protection plan recorded within 24 hours', () => {
    const plan = ev('cp.conference_held', '2026-03-16T10:00:00Z', { kind: 'initial', planMade: true });
    // Given Sat 28 March, 18:00 GMT; due 24 hours on: 19:00 BST (18:00 UTC) on Sunday 29 March.
    const [met] = obligationsOf('recording.cp-oversight', [plan, recorded('oversight.recorded', '2026-03-28T18:00:00Z', '2026-03-29T18:30:00+01:00')]);
    expect([dueOf(met!), met!.outcome]).toEqual(['2026-03-29T18:00:00.000Z', 'met']);
    expect(obligationsOf('recording.cp-oversight', [recorded('oversight.recorded', '2026-03-28T18:00:00Z', '2026-03-29T18:30:00+01:00')])).toEqual([]);
  });

  it('recording.s47-oversight: oversight on a Section 47 enquiry recorded within 24 hours', () => {
    // Given Sat 24 October, 12:00 BST (11:00 UTC); due 11:00 GMT on Sunday 25 October.
    const [late] = obligationsOf('recording.s47-oversight', [ev('s47.started', '2026-10-22T10:00:00+01:00'), recorded('oversight.recorded', '2026-10-24T12:00:00+01:00', '2026-10-25T11:30:00Z')]);
    expect([dueOf(late!), late!.outcome]).toEqual(['2026-10-25T11:00:00.000Z', 'met_late']);
  });
});

describe('Section 5: Recording Timescales Table, Child in Care and Care Leavers', () => {
  it('recording.placement-plan: within 5 working days of the placement planning meeting', () => {
    const [met] = obligationsOf('recording.placement-plan', [
      ev('cic.started', '2026-08-20T10:00:00+01:00', { legalStatus: 'V2' }),
      ev('cic.placement_planning_meeting_held', '2026-08-28T10:00:00+01:00'),
      ev('cic.placement_plan_completed', '2026-09-04T10:00:00+01:00'),
    ]);
    // Fri 28 August: 31 August bank holiday; 1–4 September (4), Mon 7 September (5).
    expect([dueOf(met!), met!.outcome]).toEqual(['2026-09-07', 'met']);
  });

  it('recording.cic-review-record: within 15 working days of a review, off by default for the 20 of Section 4', () => {
    expect(ruleById('recording.cic-review-record')!.enabled).toBe(false);
    const events = [
      ev('cic.started', '2026-12-01T10:00:00Z', { legalStatus: 'C2' }),
      ev('cic.review_held', '2026-12-24T10:00:00Z'),
      ev('cic.review_record_distributed', '2027-01-20T10:00:00Z'),
      ev('cic.review_held', '2027-03-24T10:00:00Z'),
    ];
    // Thu 24 December: 29, 30, 31 (3), 1 January holiday, 4–8 (8), 11–15 (13), 18, Tue 19 January (15).
    // The second review, Wed 24 March 2027: 25 (1), Good Friday 26 and Easter Monday 29 March skipped, 30, 31 (3),
    // 1, 2 April (5), 5–9 (10), 12–16 (15): Fri 16 April.
    expect(pairs(obligationsOf('recording.cic-review-record', events))).toEqual([
      ['2027-01-19', 'met_late'],
      ['2027-04-16', 'open'],
    ]);
  });
});
