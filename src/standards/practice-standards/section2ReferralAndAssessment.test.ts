import { describe, expect, it } from 'vitest';
import { dueOf, ev, obligationsOf, stateAt } from '../../../test/support/standardsCases';

// Dates used: Easter 2026 is Good Friday 3 April and Easter Monday 6 April; the early May bank
// holiday is Monday 4 May 2026; the summer bank holiday Monday 31 August 2026; Christmas Day
// Friday 25 December 2026 and Boxing Day's substitute Monday 28 December 2026. British Summer
// Time runs from Sunday 29 March to Sunday 25 October 2026.

describe('Section 2: Duty Team (MASH)', () => {
  it('front-door.contact-recorded: recorded within the hour of receipt (Duty Team 1)', () => {
    const received = '2026-04-02T16:10:00+01:00';
    const onTime = obligationsOf('front-door.contact-recorded', [ev('contact.received', received, {}, { recordedAt: new Date('2026-04-02T17:10:00+01:00') })]);
    expect(dueOf(onTime[0]!)).toBe('2026-04-02T16:10:00.000Z');
    expect(onTime[0]!.outcome).toBe('met');
    const late = obligationsOf('front-door.contact-recorded', [ev('contact.received', received, {}, { recordedAt: new Date('2026-04-02T17:11:00+01:00') })]);
    expect(late[0]!.outcome).toBe('met_late');
    // An import says when the old system recorded it.
    const imported = obligationsOf('front-door.contact-recorded', [ev('contact.received', received, { recordedAt: '2026-04-02T16:40:00+01:00' }, { recordedAt: new Date('2026-11-01T09:00:00Z') })]);
    expect(imported[0]!.outcome).toBe('met');
  });

  it('front-door.mash-enquiry-red and -amber: 4 and 24 hours, each for its own enquiry (Duty Team 3)', () => {
    const started = '2026-10-24T22:00:00+01:00'; // the clocks go back that night: hours are exact
    const red = obligationsOf('front-door.mash-enquiry-red', [
      ev('mash_enquiry.started', started, { grade: 'red', enquiryId: 'a' }),
      ev('mash_enquiry.started', started, { grade: 'amber', enquiryId: 'b' }),
      ev('mash_enquiry.completed', '2026-10-25T01:30:00+00:00', { enquiryId: 'b' }),
      ev('mash_enquiry.completed', '2026-10-25T02:01:00+00:00', { enquiryId: 'a' }),
    ]);
    expect(red).toHaveLength(1);
    expect(dueOf(red[0]!)).toBe('2026-10-25T01:00:00.000Z');
    expect(red[0]!.outcome).toBe('met_late');
    const amber = obligationsOf('front-door.mash-enquiry-amber', [ev('mash_enquiry.started', started, { grade: 'amber' })]);
    expect(dueOf(amber[0]!)).toBe('2026-10-25T21:00:00.000Z');
    expect(stateAt(amber[0]!, new Date('2026-10-25T21:00:00Z'))).toBe('due');
    expect(stateAt(amber[0]!, new Date('2026-10-25T21:00:01Z'))).toBe('overdue');
  });
});

describe('Section 2: Child and Family Assessment', () => {
  it('front-door.threshold-decision: within 24 hours of the contact (Child and Family Assessment 1)', () => {
    const [obligation] = obligationsOf('front-door.threshold-decision', [
      ev('contact.received', '2026-04-02T15:00:00+01:00'),
      ev('threshold.decided', '2026-04-03T14:59:00+01:00', { outcome: 'assessment' }),
    ]);
    // Hours ignore Good Friday: it is due 24 hours on, on the Friday.
    expect(dueOf(obligation!)).toBe('2026-04-03T14:00:00.000Z');
    expect(obligation!.outcome).toBe('met');
  });

  it('assessment.complete: 45 working days from the contact, opened by the decision to assess', () => {
    const events = [
      ev('contact.received', '2026-03-30T10:00:00+01:00'),
      ev('threshold.decided', '2026-03-31T09:00:00+01:00', { outcome: 'assessment' }),
      ev('assessment.allocated', '2026-04-01T09:00:00+01:00'),
    ];
    const [open] = obligationsOf('assessment.complete', events);
    // From Mon 30 March: 45 working days, skipping Good Friday, Easter Monday, 4 May and the
    // spring bank holiday on 25 May = Fri 5 June.
    expect(dueOf(open!)).toBe('2026-06-05');
    expect(open!.outcome).toBe('open');
    const [onTime] = obligationsOf('assessment.complete', [...events, ev('assessment.completed', '2026-06-05T17:00:00+01:00')]);
    expect(onTime!.outcome).toBe('met');
    const [late] = obligationsOf('assessment.complete', [...events, ev('assessment.completed', '2026-06-08T09:00:00+01:00')]);
    expect(late!.outcome).toBe('met_late');
    // A contact that was not sent for assessment opens none.
    expect(obligationsOf('assessment.complete', [ev('contact.received', '2026-03-30T10:00:00+01:00'), ev('threshold.decided', '2026-03-30T12:00:00+01:00', { outcome: 'early_help' })])).toEqual([]);
  });
});

describe('Section 2: Strategy Discussions and Section 47 Enquiries', () => {
  const strategyMeeting = ev('strategy.discussion_held', '2026-04-02T15:00:00+01:00', { section47ThresholdMet: true });

  it('strategy.minutes: distributed within 24 hours (Strategy Discussions 6)', () => {
    const [obligation] = obligationsOf('strategy.minutes', [strategyMeeting, ev('strategy.minutes_distributed', '2026-04-03T16:00:00+01:00')]);
    expect(dueOf(obligation!)).toBe('2026-04-03T14:00:00.000Z');
    expect(obligation!.outcome).toBe('met_late');
  });

  it('s47.child-visited: within 24 hours of the threshold decision (Section 47 Enquiries 2)', () => {
    const [obligation] = obligationsOf('s47.child-visited', [strategyMeeting, ev('s47.started', '2026-04-02T16:00:00+01:00'), ev('s47.child_visited', '2026-04-03T11:00:00+01:00')]);
    expect(obligation!.outcome).toBe('met');
    // A strategy discussion that did not find the threshold met opens none.
    expect(obligationsOf('s47.child-visited', [ev('strategy.discussion_held', '2026-04-02T15:00:00+01:00', { section47ThresholdMet: false })])).toEqual([]);
  });

  it('s47.complete: within 5 working days of the strategy meeting (Section 47 Enquiries 5)', () => {
    const [obligation] = obligationsOf('s47.complete', [strategyMeeting]);
    // Thu 2 April: Good Friday and Easter Monday skipped: 7, 8, 9, 10, 13 April.
    expect(dueOf(obligation!)).toBe('2026-04-13');
  });
});

describe('Section 2: Child Protection Plans and Reviews', () => {
  const icpc = ev('cp.conference_held', '2026-08-21T11:00:00+01:00', { kind: 'initial', planMade: true });

  it('cp.first-core-group: within 10 working days of the initial conference (standard 8)', () => {
    const [obligation] = obligationsOf('cp.first-core-group', [icpc]);
    // Fri 21 August: 24–28 August (5), 31 August bank holiday, 1–4 September (9), Mon 7 September (10).
    expect(dueOf(obligation!)).toBe('2026-09-07');
  });

  it('cp.core-group: every 6 weeks from the first core group, each time from the last (standard 9)', () => {
    const events = [icpc, ev('cp.core_group_held', '2026-09-01T10:00:00+01:00'), ev('cp.core_group_held', '2026-10-20T10:00:00+01:00')];
    const chain = obligationsOf('cp.core-group', events);
    expect(chain.map((o) => [dueOf(o), o.outcome])).toEqual([
      ['2026-10-13', 'met_late'], // 1 September + 6 weeks; held 20 October
      ['2026-12-01', 'open'], // 20 October + 6 weeks
    ]);
  });

  it('cp.visit: every 10 working days, cancelled when the plan ends before the next is due (standard 1)', () => {
    const visits = [icpc, ev('cp.visit', '2026-09-04T10:00:00+01:00'), ev('cp.visit', '2026-12-21T10:00:00Z')];
    const chain = obligationsOf('cp.visit', visits);
    expect(chain.map((o) => [dueOf(o), o.outcome])).toEqual([
      ['2026-09-07', 'met'],
      ['2026-09-18', 'met_late'], // 10 working days from Fri 4 September; next visit 21 December
      ['2027-01-07', 'open'], // Mon 21 December: 22, 23, 24, 29, 30, 31 December, 4, 5, 6, 7 January
    ]);
    const ended = obligationsOf('cp.visit', [...visits, ev('cp.plan_ended', '2026-12-30T10:00:00Z')]);
    expect(ended.at(-1)!.outcome).toBe('cancelled');
  });
});

describe('Section 2: Child in Need Plans and Reviews', () => {
  it('cin.visit: every 15 working days (standard 1); cin.review: every 6 weeks (standard 7)', () => {
    const events = [ev('cin.plan_started', '2026-12-14T10:00:00Z')];
    // Mon 14 December: 15 working days skipping 25 and 28 December and 1 January = Thu 7 January.
    expect(dueOf(obligationsOf('cin.visit', events)[0]!)).toBe('2027-01-07');
    expect(dueOf(obligationsOf('cin.review', events)[0]!)).toBe('2027-01-25');
    const missed = obligationsOf('cin.visit', [...events, ev('cin.plan_ended', '2027-01-20T10:00:00Z')]);
    expect(missed[0]!.outcome).toBe('missed');
    expect(stateAt(missed[0]!, new Date('2027-02-01T00:00:00Z'))).toBe('overdue');
  });
});
