import { describe, expect, it } from 'vitest';
import { dueOf, ev, obligationsOf, stateAt } from '../../../test/support/standardsCases';
import { ruleById } from '../index';

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

  it("cin.visit and cin.review end when the Disabled Children's Team agrees another frequency (Children with Disabilities 7–8)", () => {
    const events = [
      ev('cin.plan_started', '2026-12-14T10:00:00Z'),
      ev('cin.visit', '2026-12-21T10:00:00Z'),
      ev('cwd.visiting_frequency_agreed', '2026-12-22T10:00:00Z', { arrangement: 'stable' }),
    ];
    // The visit on 21 December met the first; the second, due 15 working days later, is cancelled.
    expect(obligationsOf('cin.visit', events).map((o) => o.outcome)).toEqual(['met', 'cancelled']);
    expect(obligationsOf('cin.review', events).map((o) => o.outcome)).toEqual(['cancelled']);
    // Without the agreement the chain goes on.
    expect(obligationsOf('cin.visit', events.slice(0, 2)).map((o) => o.outcome)).toEqual(['met', 'open']);
  });
});

describe('Section 2: Duty Team (MASH), the rest of the standards', () => {
  it('front-door.threshold-recommendation: within 24 hours of the contact, across the clocks going forward (Duty Team 4)', () => {
    // Sat 28 March 2026 10:00 GMT; BST starts at 01:00 UTC on Sunday 29 March. 24 hours on is
    // 10:00 UTC on the Sunday (11:00 on the clock).
    const contact = ev('contact.received', '2026-03-28T10:00:00Z');
    const [met] = obligationsOf('front-door.threshold-recommendation', [contact, ev('threshold.recommended', '2026-03-29T10:30:00+01:00', { outcome: 'assessment' })]);
    expect(dueOf(met!)).toBe('2026-03-29T10:00:00.000Z');
    expect(met!.outcome).toBe('met');
    // A decision with no recommendation recorded meets it too; this one is half an hour late.
    const [late] = obligationsOf('front-door.threshold-recommendation', [contact, ev('threshold.decided', '2026-03-29T11:30:00+01:00', { outcome: 'early_help' })]);
    expect(late!.outcome).toBe('met_late');
  });

  it('front-door.threshold-decision-after-recommendation: 24 hours from the recommendation, off by default (Duty Team 5)', () => {
    expect(ruleById('front-door.threshold-decision-after-recommendation')!.enabled).toBe(false);
    expect(ruleById('front-door.threshold-decision-after-recommendation')!.alternativeTo).toBe('front-door.threshold-decision');
    // Sat 24 October 2026 18:00 BST = 17:00 UTC; the clocks go back at 01:00 UTC on the 25th.
    // 24 hours on is 17:00 UTC = 17:00 GMT on Sunday 25 October.
    const contact = ev('contact.received', '2026-10-24T09:00:00+01:00');
    const [obligation] = obligationsOf('front-door.threshold-decision-after-recommendation', [
      contact,
      ev('threshold.recommended', '2026-10-24T18:00:00+01:00', { outcome: 'no_further_action' }),
      ev('threshold.decided', '2026-10-25T17:30:00+00:00', { outcome: 'no_further_action' }),
    ]);
    expect(dueOf(obligation!)).toBe('2026-10-25T17:00:00.000Z');
    expect(obligation!.outcome).toBe('met_late');
    // A recommendation for a strategy meeting is reviewed "as a matter of urgency": no definite time.
    expect(obligationsOf('front-door.threshold-decision-after-recommendation', [contact, ev('threshold.recommended', '2026-10-24T18:00:00+01:00', { outcome: 'strategy_discussion' })])).toEqual([]);
  });

  it('front-door.day-23-reminder: sent by the end of the London day of the decision to assess (Duty Team 6)', () => {
    // 23:30 UTC on Thu 4 June 2026 is 00:30 BST on Friday 5 June: due by the end of Fri 5 June.
    const decision = ev('threshold.decided', '2026-06-04T23:30:00Z', { outcome: 'assessment' });
    const [met] = obligationsOf('front-door.day-23-reminder', [decision, ev('assessment.reminder_sent', '2026-06-05T23:59:00+01:00')]);
    expect(dueOf(met!)).toBe('2026-06-05');
    expect(met!.outcome).toBe('met');
    const [late] = obligationsOf('front-door.day-23-reminder', [decision, ev('assessment.reminder_sent', '2026-06-06T00:00:00+01:00')]);
    expect(late!.outcome).toBe('met_late');
    expect(obligationsOf('front-door.day-23-reminder', [ev('threshold.decided', '2026-06-04T23:30:00Z', { outcome: 'early_help' })])).toEqual([]);
  });
});

describe('Section 2: Child in Need Plans and Reviews, the rest of the standards', () => {
  it('cin.visit-recorded: recorded within 48 hours of the visit, over Easter (standard 6)', () => {
    // Visit Thu 2 April 2026 15:00 BST = 14:00 UTC; 48 hours on is 14:00 UTC on Saturday 4 April
    // (hours do not skip Good Friday).
    const at = '2026-04-02T15:00:00+01:00';
    const [met] = obligationsOf('cin.visit-recorded', [ev('cin.visit', at, {}, { recordedAt: new Date('2026-04-04T14:00:00Z') })]);
    expect(dueOf(met!)).toBe('2026-04-04T14:00:00.000Z');
    expect(met!.outcome).toBe('met');
    const [late] = obligationsOf('cin.visit-recorded', [ev('cin.visit', at, {}, { recordedAt: new Date('2026-04-06T09:00:00+01:00') })]);
    expect(late!.outcome).toBe('met_late');
  });

  it('cin.plan-amendments-signed-off and cin.review-record: two weeks from the review, over Christmas (standards 11 and 15)', () => {
    // Review Fri 18 December 2026 + 14 calendar days = Fri 1 January 2027 (a bank holiday, but
    // weeks are calendar days).
    const review = ev('cin.review_held', '2026-12-18T10:00:00Z', { reviewId: 'r1' });
    const [amendments] = obligationsOf('cin.plan-amendments-signed-off', [
      review,
      ev('cin.plan_amendments_signed_off', '2026-12-22T10:00:00Z', { reviewId: 'r0' }), // another review's
      ev('cin.plan_amendments_signed_off', '2026-12-31T16:00:00Z', { reviewId: 'r1' }),
    ]);
    expect(dueOf(amendments!)).toBe('2027-01-01');
    expect([amendments!.outcome, amendments!.doneAt!.toISOString()]).toEqual(['met', '2026-12-31T16:00:00.000Z']);
    const [record] = obligationsOf('cin.review-record', [review, ev('cin.review_record_signed_off', '2027-01-04T09:00:00Z', { reviewId: 'r1' })]);
    expect(dueOf(record!)).toBe('2027-01-01');
    expect(record!.outcome).toBe('met_late');
  });

  it('cin.assessment-update: every 6 months from the plan, then from each assessment (standard 20)', () => {
    // Plan started on the summer bank holiday, Mon 31 August 2026: 6 months on is 31 February,
    // clamped to Sun 28 February 2027; the assessment completed on Fri 26 February 2027 makes the
    // next due 26 August 2027.
    const events = [
      ev('cin.plan_started', '2026-08-31T10:00:00+01:00'),
      ev('assessment.allocated', '2027-01-20T10:00:00Z'),
      ev('assessment.completed', '2027-02-26T12:00:00Z'),
    ];
    expect(obligationsOf('cin.assessment-update', events).map((o) => [dueOf(o), o.outcome])).toEqual([
      ['2027-02-28', 'met'],
      ['2027-08-26', 'open'],
    ]);
    const ended = obligationsOf('cin.assessment-update', [...events, ev('cin.plan_ended', '2027-05-01T10:00:00+01:00')]);
    expect(ended.at(-1)!.outcome).toBe('cancelled');
  });

  it('supervision.cin-plan: every 3 months; oversight.cin-plan: monthly (standards 21 and 22)', () => {
    const plan = ev('cin.plan_started', '2026-11-30T10:00:00Z');
    // Mon 30 November 2026 + 3 months = 30 February, clamped to Sun 28 February 2027; supervised
    // Mon 1 March (late), so the next is due 1 June 2027.
    const supervision = obligationsOf('supervision.cin-plan', [plan, ev('supervision.case_discussed', '2027-03-01T10:00:00Z')]);
    expect(supervision.map((o) => [dueOf(o), o.outcome])).toEqual([
      ['2027-02-28', 'met_late'],
      ['2027-06-01', 'open'],
    ]);
    // 30 November + 1 month = Wed 30 December; recorded Christmas Eve, so the next is due
    // 24 January 2027, a Sunday.
    const oversight = obligationsOf('oversight.cin-plan', [plan, ev('oversight.recorded', '2026-12-24T10:00:00Z')]);
    expect(oversight.map((o) => [dueOf(o), o.outcome])).toEqual([
      ['2026-12-30', 'met'],
      ['2027-01-24', 'open'],
    ]);
    expect(stateAt(oversight[1]!, new Date('2027-01-24T23:59:59Z'))).toBe('due');
    expect(stateAt(oversight[1]!, new Date('2027-01-25T00:00:00Z'))).toBe('overdue');
  });
});

describe('Section 2: Case closures and step-down from long-term teams following a CIN plan', () => {
  it('closure.review-after-assessment: a CIN review within 10 working days of an assessment on the plan (standard 1)', () => {
    // Thu 17 December 2026: 18, 21, 22, 23, 24 December (5), [25, 26, 27, 28 December], 29, 30,
    // 31 December (8), [1, 2, 3 January], Mon 4 (9), Tue 5 January 2027 (10).
    const events = [ev('cin.plan_started', '2026-06-01T10:00:00+01:00'), ev('assessment.allocated', '2026-11-20T10:00:00Z'), ev('assessment.completed', '2026-12-17T15:00:00Z')];
    const [obligation] = obligationsOf('closure.review-after-assessment', [...events, ev('cin.review_held', '2027-01-05T16:00:00Z')]);
    expect(dueOf(obligation!)).toBe('2027-01-05');
    expect(obligation!.outcome).toBe('met');
    // An assessment completed when the child is not on a plan opens none.
    expect(obligationsOf('closure.review-after-assessment', events.slice(1))).toEqual([]);
  });

  it('closure.casework-recorded, closure.decision-recorded and closure.workflow-started: from the decision, over Easter (standards 3, 4 and 6)', () => {
    // Decision Thu 2 April 2026; Good Friday 3 and Easter Monday 6 April do not count.
    // 2 working days: Tue 7 (1), Wed 8 April (2). 5 working days: 7, 8, 9, 10, Mon 13 April.
    const at = '2026-04-02T16:00:00+01:00';
    const decision = ev('closure.decided', at, { outcome: 'close' });
    const [casework] = obligationsOf('closure.casework-recorded', [decision, ev('closure.casework_recorded', '2026-04-14T09:00:00+01:00')]);
    expect([dueOf(casework!), casework!.outcome]).toEqual(['2026-04-13', 'met_late']);
    const [recorded] = obligationsOf('closure.decision-recorded', [ev('closure.decided', at, { outcome: 'close' }, { recordedAt: new Date('2026-04-08T17:00:00+01:00') })]);
    expect([dueOf(recorded!), recorded!.outcome]).toEqual(['2026-04-08', 'met']);
    const [recordedLate] = obligationsOf('closure.decision-recorded', [ev('closure.decided', at, { outcome: 'step_down' }, { recordedAt: new Date('2026-04-09T09:00:00+01:00') })]);
    expect(recordedLate!.outcome).toBe('met_late');
    const [workflow] = obligationsOf('closure.workflow-started', [decision, ev('closure.workflow_started', '2026-04-08T11:00:00+01:00', { outcome: 'close' })]);
    expect([dueOf(workflow!), workflow!.outcome]).toEqual(['2026-04-08', 'met']);
  });

  it('closure.workflow-submitted and closure.copied-to-siblings: from the workflow being allocated (standards 7 and 9)', () => {
    // Wed 8 April 2026: 1 working day is Thu 9 April; 5 are 9, 10, 13, 14, Wed 15 April.
    const events = [ev('closure.decided', '2026-04-02T16:00:00+01:00', { outcome: 'close' }), ev('closure.workflow_started', '2026-04-08T11:00:00+01:00', { outcome: 'close' })];
    const [submitted] = obligationsOf('closure.workflow-submitted', [...events, ev('closure.workflow_submitted', '2026-04-15T17:00:00+01:00')]);
    expect([dueOf(submitted!), submitted!.outcome]).toEqual(['2026-04-15', 'met']);
    const [copied] = obligationsOf('closure.copied-to-siblings', events);
    expect(dueOf(copied!)).toBe('2026-04-09');
    expect(stateAt(copied!, new Date('2026-04-10T00:00:00+01:00'))).toBe('overdue');
  });

  it('closure.step-down-form-submitted: 2 working days for a step-down, over the early May bank holiday (standard 7)', () => {
    // Fri 1 May 2026; Mon 4 May is a bank holiday: Tue 5 (1), Wed 6 May (2).
    const events = [ev('closure.decided', '2026-04-30T10:00:00+01:00', { outcome: 'step_down' }), ev('closure.workflow_started', '2026-05-01T15:00:00+01:00', { outcome: 'step_down' })];
    const [form] = obligationsOf('closure.step-down-form-submitted', [...events, ev('closure.workflow_submitted', '2026-05-07T09:00:00+01:00')]);
    expect([dueOf(form!), form!.outcome]).toEqual(['2026-05-06', 'met_late']);
    // A step-down does not open the 5 working day rule for closures, nor a closure this one.
    expect(obligationsOf('closure.workflow-submitted', events)).toEqual([]);
    expect(obligationsOf('closure.step-down-form-submitted', [ev('closure.workflow_started', '2026-05-01T15:00:00+01:00', { outcome: 'close' })])).toEqual([]);
  });

  it('closure.end-dates-checked, closure.letters-sent and closure.case-note: 1 working day from closure, over Christmas (standards 8, 10 and 11)', () => {
    // Thu 24 December 2026: 25 December, the weekend and the Boxing Day substitute on Monday 28
    // December do not count; 1 working day is Tue 29 December.
    const at = '2026-12-24T15:00:00Z';
    const closed = [ev('closure.decided', '2026-12-14T10:00:00Z', { outcome: 'close' }), ev('closure.completed', at)];
    const [checked] = obligationsOf('closure.end-dates-checked', [...closed, ev('closure.end_dates_checked', '2026-12-29T12:00:00Z')]);
    expect([dueOf(checked!), checked!.outcome]).toEqual(['2026-12-29', 'met']);
    const [letters] = obligationsOf('closure.letters-sent', [...closed, ev('closure.letters_sent', '2026-12-30T09:00:00Z')]);
    expect([dueOf(letters!), letters!.outcome]).toEqual(['2026-12-29', 'met_late']);
    const [note] = obligationsOf('closure.case-note', [closed[0]!, ev('closure.completed', at, {}, { recordedAt: new Date('2026-12-29T17:00:00Z') })]);
    expect([dueOf(note!), note!.outcome]).toEqual(['2026-12-29', 'met']);
  });
});

describe('Section 2: Step down from DTA to Early Help following an assessment', () => {
  const stepDown = [
    ev('assessment.allocated', '2026-07-20T10:00:00+01:00'),
    ev('step_down.agreed', '2026-08-20T10:00:00+01:00'),
    ev('assessment.completed', '2026-08-28T16:00:00+01:00'),
  ];

  it('step-down.consent-sought and step-down.transfer-meeting: 5 working days from the assessment, over the summer bank holiday (standards 2 and 3)', () => {
    // Fri 28 August 2026; Mon 31 August is a bank holiday: 1, 2, 3, 4, Mon 7 September.
    const events = [...stepDown, ev('step_down.consent_sought', '2026-09-03T12:00:00+01:00'), ev('step_down.transfer_meeting_held', '2026-09-08T10:00:00+01:00')];
    const [consent] = obligationsOf('step-down.consent-sought', events);
    expect([dueOf(consent!), consent!.outcome]).toEqual(['2026-09-07', 'met']);
    const [meeting] = obligationsOf('step-down.transfer-meeting', events);
    expect([dueOf(meeting!), meeting!.outcome]).toEqual(['2026-09-07', 'met_late']);
    // Withdrawing the step-down first cancels what is open; no step-down agreed, none at all.
    const withdrawn = obligationsOf('step-down.consent-sought', [...stepDown, ev('step_down.withdrawn', '2026-09-01T10:00:00+01:00')]);
    expect(withdrawn[0]!.outcome).toBe('cancelled');
    expect(obligationsOf('step-down.consent-sought', [stepDown[0]!, stepDown[2]!])).toEqual([]);
  });

  it('step-down.transfer-document: by the end of the day before the meeting, a bank holiday included (standard 3)', () => {
    // Meeting Tue 26 May 2026: the day before is Mon 25 May, the spring bank holiday ("the day
    // before" is a calendar day).
    const events = [...stepDown.slice(0, 2), ev('step_down.transfer_document_circulated', '2026-05-26T09:00:00+01:00'), ev('step_down.transfer_meeting_held', '2026-05-26T10:00:00+01:00')];
    const [late] = obligationsOf('step-down.transfer-document', events);
    expect([dueOf(late!), late!.outcome]).toEqual(['2026-05-25', 'met_late']);
    const [onTime] = obligationsOf('step-down.transfer-document', [ev('step_down.transfer_document_circulated', '2026-05-22T15:00:00+01:00'), ev('step_down.transfer_meeting_held', '2026-05-26T10:00:00+01:00')]);
    expect(onTime!.outcome).toBe('met');
    const [none] = obligationsOf('step-down.transfer-document', [ev('step_down.transfer_meeting_held', '2026-05-26T10:00:00+01:00')]);
    expect(none!.outcome).toBe('missed');
  });

  it('step-down.early-help-worker-named (the same day) and step-down.joint-meeting (5 working days): from the meeting on Christmas Eve (standards 3 and 4)', () => {
    // Thu 24 December 2026: 29, 30, 31 December (3), Mon 4 (4), Tue 5 January 2027 (5).
    const meeting = ev('step_down.transfer_meeting_held', '2026-12-24T10:00:00Z');
    const [named] = obligationsOf('step-down.early-help-worker-named', [meeting, ev('step_down.early_help_worker_named', '2026-12-24T16:00:00Z')]);
    expect([dueOf(named!), named!.outcome]).toEqual(['2026-12-24', 'met']);
    const [namedLate] = obligationsOf('step-down.early-help-worker-named', [meeting, ev('step_down.early_help_worker_named', '2026-12-29T09:00:00Z')]);
    expect(namedLate!.outcome).toBe('met_late');
    const [joint] = obligationsOf('step-down.joint-meeting', [meeting, ev('step_down.joint_meeting_held', '2027-01-05T14:00:00Z')]);
    expect([dueOf(joint!), joint!.outcome]).toEqual(['2027-01-05', 'met']);
  });
});

describe('Section 2: Child and Family Assessment, the rest of the standards', () => {
  // Allocated Thu 2 April 2026 15:00 BST (14:00 UTC), the day before Good Friday.
  const allocated = ev('assessment.allocated', '2026-04-02T15:00:00+01:00');

  it('assessment.case-review (48 hours), assessment.child-seen (3 days), assessment.agency-checks (5 days), assessment.progress-review (10 days) from allocation (standards 2–5)', () => {
    const events = [
      allocated,
      ev('assessment.case_reviewed', '2026-04-04T15:30:00+01:00'),
      ev('assessment.child_seen', '2026-04-05T11:00:00+01:00'),
      ev('assessment.progress_reviewed', '2026-04-13T10:00:00+01:00'),
    ];
    // 48 hours: 14:00 UTC on Sat 4 April; reviewed 14:30 UTC, late.
    const [review] = obligationsOf('assessment.case-review', events);
    expect([dueOf(review!), review!.outcome]).toEqual(['2026-04-04T14:00:00.000Z', 'met_late']);
    // Calendar days through Easter: 3 days is Easter Sunday 5 April; 5 days Tue 7 April; 10 days Sun 12 April.
    const [seen] = obligationsOf('assessment.child-seen', events);
    expect([dueOf(seen!), seen!.outcome]).toEqual(['2026-04-05', 'met']);
    const [checks] = obligationsOf('assessment.agency-checks', events);
    expect([dueOf(checks!), checks!.outcome]).toEqual(['2026-04-07', 'open']);
    const [progress] = obligationsOf('assessment.progress-review', events);
    expect([dueOf(progress!), progress!.outcome]).toEqual(['2026-04-12', 'met_late']);
    // The assessment completed on Thu 9 April without agency checks: missed, not cancelled.
    const [missed] = obligationsOf('assessment.agency-checks', [...events, ev('assessment.completed', '2026-04-09T10:00:00+01:00')]);
    expect(missed!.outcome).toBe('missed');
  });

  it('assessment.family-network-meeting: 10 working days from allocation, skipping Easter (standard 6)', () => {
    // Thu 2 April; 3 and 6 April are bank holidays: 7, 8, 9, 10 (4), 13–17 (9), Mon 20 April (10).
    const [obligation] = obligationsOf('assessment.family-network-meeting', [allocated, ev('assessment.family_network_meeting_considered', '2026-04-20T17:00:00+01:00')]);
    expect([dueOf(obligation!), obligation!.outcome]).toEqual(['2026-04-20', 'met']);
  });

  it('assessment.expected-completion: 25 days from allocation, cancelled by an agreed extension (standard 1)', () => {
    // 2 April + 25 calendar days = Mon 27 April 2026.
    const [late] = obligationsOf('assessment.expected-completion', [allocated, ev('assessment.completed', '2026-04-28T10:00:00+01:00')]);
    expect([dueOf(late!), late!.outcome]).toEqual(['2026-04-27', 'met_late']);
    const [extended] = obligationsOf('assessment.expected-completion', [allocated, ev('assessment.extension_requested', '2026-04-20T10:00:00+01:00'), ev('assessment.extension_agreed', '2026-04-21T10:00:00+01:00')]);
    expect(extended!.outcome).toBe('cancelled');
  });

  it('assessment.extension-request: a request counts against 20 days from allocation, when it is made in Hearth (standard 7)', () => {
    // 2 April + 20 calendar days = Wed 22 April 2026.
    const request = (recordedAt: string) => ev('assessment.extension_requested', '2026-04-22T10:00:00+01:00', {}, { recordedAt: new Date(recordedAt) });
    const [met] = obligationsOf('assessment.extension-request', [allocated, request('2026-04-22T10:05:00+01:00')]);
    expect([dueOf(met!), met!.outcome]).toEqual(['2026-04-22', 'met']);
    const [late] = obligationsOf('assessment.extension-request', [allocated, request('2026-04-23T09:00:00+01:00')]);
    expect(late!.outcome).toBe('met_late');
    // No request, no obligation: only an assessment that needs more time owes one.
    expect(obligationsOf('assessment.extension-request', [allocated])).toEqual([]);
  });
});

describe('Section 2: Strategy Discussions, the rest of the standards', () => {
  // At the front door: a contact late on Sat 28 March 2026 (GMT), decided for a strategy
  // discussion at 09:00 BST on Sunday 29 March, after the clocks went forward.
  const frontDoor = [ev('contact.received', '2026-03-28T22:30:00Z'), ev('threshold.decided', '2026-03-29T09:00:00+01:00', { outcome: 'strategy_discussion' })];

  it('strategy.workflow-triggered: on the day the information came in (standard 1)', () => {
    // Counted from the contact's London date, Sat 28 March: a decision the next day is already late.
    const [frontDoorTrigger] = obligationsOf('strategy.workflow-triggered', [...frontDoor, ev('strategy.workflow_triggered', '2026-03-29T09:10:00+01:00')]);
    expect([dueOf(frontDoorTrigger!), frontDoorTrigger!.outcome]).toEqual(['2026-03-28', 'met_late']);
    // On an open case the latest new information counts, not an old contact: Christmas Eve.
    const [openCase] = obligationsOf('strategy.workflow-triggered', [
      ev('contact.received', '2026-06-01T10:00:00+01:00'),
      ev('strategy.new_information_received', '2026-12-24T14:00:00Z'),
      ev('strategy.discussion_decided', '2026-12-24T15:00:00Z'),
      ev('strategy.workflow_triggered', '2026-12-24T16:30:00Z'),
    ]);
    expect([dueOf(openCase!), openCase!.outcome]).toEqual(['2026-12-24', 'met']);
  });

  it('strategy.police-referral: within 1 hour of the decision (standard 2)', () => {
    // Decision 09:00 BST = 08:00 UTC on Sun 29 March; referral 09:45 BST = 08:45 UTC.
    const [obligation] = obligationsOf('strategy.police-referral', [...frontDoor, ev('strategy.police_referral_made', '2026-03-29T09:45:00+01:00')]);
    expect([dueOf(obligation!), obligation!.outcome]).toEqual(['2026-03-29T09:00:00.000Z', 'met']);
  });

  it('strategy.meeting-held: within 24 hours of the new information (standard 5)', () => {
    // The contact at 22:30 UTC on Sat 28 March: due 22:30 UTC on Sun 29 March (23:30 BST).
    const [frontDoorMeeting] = obligationsOf('strategy.meeting-held', [...frontDoor, ev('strategy.discussion_held', '2026-03-29T16:00:00+01:00')]);
    expect([dueOf(frontDoorMeeting!), frontDoorMeeting!.outcome]).toEqual(['2026-03-29T22:30:00.000Z', 'met']);
    // Information at 14:00 on Christmas Eve: due 14:00 on Christmas Day; held on Mon 28 December.
    const [openCase] = obligationsOf('strategy.meeting-held', [
      ev('strategy.new_information_received', '2026-12-24T14:00:00Z'),
      ev('strategy.discussion_decided', '2026-12-24T15:00:00Z'),
      ev('strategy.discussion_held', '2026-12-28T10:00:00Z', { section47ThresholdMet: false }),
    ]);
    expect([dueOf(openCase!), openCase!.outcome]).toEqual(['2026-12-25T14:00:00.000Z', 'met_late']);
  });
});

describe('Section 2: a strategy meeting finding the Section 47 threshold met (Strategy Discussions 6 and 8; Section 47 Enquiries 1, 3, 4 and 6)', () => {
  // Fri 1 May 2026 17:30 BST (16:30 UTC), before the early May bank holiday on Monday 4 May.
  const meeting = ev('strategy.discussion_held', '2026-05-01T17:30:00+01:00', { section47ThresholdMet: true });

  it('strategy.actions-circulated and strategy.cp-admin-advised: the same London day', () => {
    const events = [meeting, ev('strategy.actions_circulated', '2026-05-01T18:00:00+01:00'), ev('strategy.cp_admin_advised', '2026-05-05T09:00:00+01:00')];
    const [actions] = obligationsOf('strategy.actions-circulated', events);
    expect([dueOf(actions!), actions!.outcome]).toEqual(['2026-05-01', 'met']);
    const [advised] = obligationsOf('strategy.cp-admin-advised', events);
    expect([dueOf(advised!), advised!.outcome]).toEqual(['2026-05-01', 'met_late']);
    // Actions are circulated after any strategy meeting; the admin team is told only of a Section 47.
    expect(obligationsOf('strategy.cp-admin-advised', [ev('strategy.discussion_held', '2026-05-01T17:30:00+01:00', { section47ThresholdMet: false })])).toEqual([]);
  });

  it('s47.workflow-triggered, s47.safety-plan and s47.agency-checks: within 24 hours', () => {
    // 24 hours from 16:30 UTC on Fri 1 May is 16:30 UTC (17:30 BST) on Saturday 2 May.
    const events = [meeting, ev('s47.started', '2026-05-02T10:00:00+01:00'), ev('s47.safety_plan_agreed', '2026-05-02T18:00:00+01:00')];
    const [triggered] = obligationsOf('s47.workflow-triggered', events);
    expect([dueOf(triggered!), triggered!.outcome]).toEqual(['2026-05-02T16:30:00.000Z', 'met']);
    const [safetyPlan] = obligationsOf('s47.safety-plan', events);
    expect([dueOf(safetyPlan!), safetyPlan!.outcome]).toEqual(['2026-05-02T16:30:00.000Z', 'met_late']);
    const [checks] = obligationsOf('s47.agency-checks', events);
    expect(stateAt(checks!, new Date('2026-05-02T16:30:00Z'))).toBe('due');
    expect(stateAt(checks!, new Date('2026-05-02T16:30:01Z'))).toBe('overdue');
  });

  it('s47.management-oversight: 5 working days from the strategy meeting, skipping the bank holiday', () => {
    // Fri 1 May; Mon 4 May does not count: 5, 6, 7, 8, Mon 11 May.
    const [obligation] = obligationsOf('s47.management-oversight', [meeting, ev('oversight.recorded', '2026-05-11T17:00:00+01:00')]);
    expect([dueOf(obligation!), obligation!.outcome]).toEqual(['2026-05-11', 'met']);
  });
});

describe('Section 2: Child Protection Plans and Reviews, the rest of the standards', () => {
  it('cp.visit-recorded: within 24 hours of the visit, across the clocks going back (standard 7)', () => {
    // Sat 24 October 2026 16:00 BST = 15:00 UTC; 24 hours on is 15:00 UTC (15:00 GMT) on Sunday 25 October.
    const icpc = ev('cp.conference_held', '2026-09-01T10:00:00+01:00', { kind: 'initial', planMade: true });
    const visit = (recordedAt: string) => ev('cp.visit', '2026-10-24T16:00:00+01:00', {}, { recordedAt: new Date(recordedAt) });
    const [met] = obligationsOf('cp.visit-recorded', [icpc, visit('2026-10-25T14:59:00Z')]);
    expect([dueOf(met!), met!.outcome]).toEqual(['2026-10-25T15:00:00.000Z', 'met']);
    const [late] = obligationsOf('cp.visit-recorded', [icpc, visit('2026-10-25T15:30:00+00:00')]);
    expect(late!.outcome).toBe('met_late');
  });

  it('cp.core-group-record: signed off within two weeks of the meeting (standards 12 and 16)', () => {
    // Mon 17 August 2026 + 14 days = Mon 31 August, the summer bank holiday (calendar days).
    const events = [ev('cp.conference_held', '2026-08-03T10:00:00+01:00', { kind: 'initial', planMade: true }), ev('cp.core_group_held', '2026-08-17T10:00:00+01:00')];
    const [obligation] = obligationsOf('cp.core-group-record', [...events, ev('cp.core_group_record_signed_off', '2026-09-01T10:00:00+01:00')]);
    expect([dueOf(obligation!), obligation!.outcome]).toEqual(['2026-08-31', 'met_late']);
  });

  it('cp.review-report-shared (7 working days before) and cp.review-report-signed-off (5 working days before): counted back over Easter (standards 21 and 22)', () => {
    // Review conference Tue 14 April 2026. 5 working days back: 13, 10, 9, 8, Tue 7 April.
    // 7: then Easter Monday 6, the weekend and Good Friday 3 April are skipped: Thu 2 (6), Wed 1 April (7).
    const icpc = ev('cp.conference_held', '2026-01-15T10:00:00Z', { kind: 'initial', planMade: true });
    const review = ev('cp.conference_held', '2026-04-14T10:00:00+01:00', { kind: 'review', planContinues: true });
    const events = [icpc, ev('cp.conference_report_shared', '2026-04-01T17:00:00+01:00'), ev('cp.conference_report_signed_off', '2026-04-08T10:00:00+01:00'), review];
    const [shared] = obligationsOf('cp.review-report-shared', events);
    expect([dueOf(shared!), shared!.outcome]).toEqual(['2026-04-01', 'met']);
    const [signed] = obligationsOf('cp.review-report-signed-off', events);
    expect([dueOf(signed!), signed!.outcome]).toEqual(['2026-04-07', 'met_late']);
    // A report shared before the plan began does not count for its review conference.
    const [missed] = obligationsOf('cp.review-report-shared', [ev('cp.conference_report_shared', '2026-01-10T10:00:00Z'), icpc, review]);
    expect(missed!.outcome).toBe('missed');
  });

  it('supervision.cp-plan: every two months; oversight.cp-plan: monthly (standards 23 and 24)', () => {
    // Plan made Thu 31 December 2026. +2 months = 31 February, clamped to Sun 28 February 2027.
    // +1 month = Sun 31 January; recorded Fri 29 January, so next 29 February, clamped to 28 February.
    const icpc = ev('cp.conference_held', '2026-12-31T10:00:00Z', { kind: 'initial', planMade: true });
    const events = [icpc, ev('oversight.recorded', '2027-01-29T10:00:00Z')];
    const [supervision] = obligationsOf('supervision.cp-plan', events);
    expect([dueOf(supervision!), supervision!.outcome]).toEqual(['2027-02-28', 'open']);
    expect(obligationsOf('oversight.cp-plan', events).map((o) => [dueOf(o), o.outcome])).toEqual([
      ['2027-01-31', 'met'],
      ['2027-02-28', 'open'],
    ]);
    // The plan ending cancels the next of each.
    const ended = [...events, ev('cp.plan_ended', '2027-02-10T10:00:00Z')];
    expect(obligationsOf('supervision.cp-plan', ended)[0]!.outcome).toBe('cancelled');
    expect(obligationsOf('oversight.cp-plan', ended).at(-1)!.outcome).toBe('cancelled');
  });
});

describe('Section 2: Safety Planning', () => {
  it('safety-plan.concluded: within three months of the initial conference (standard 5)', () => {
    // Fri 29 May 2026 + 3 months = Sat 29 August, the weekend before the summer bank holiday.
    const icpc = ev('cp.conference_held', '2026-05-29T10:00:00+01:00', { kind: 'initial', planMade: true });
    const [met] = obligationsOf('safety-plan.concluded', [icpc, ev('safety_plan.concluded', '2026-08-28T15:00:00+01:00')]);
    expect([dueOf(met!), met!.outcome]).toEqual(['2026-08-29', 'met']);
    const [cancelled] = obligationsOf('safety-plan.concluded', [icpc, ev('cp.plan_ended', '2026-07-01T10:00:00+01:00')]);
    expect(cancelled!.outcome).toBe('cancelled');
  });
});

describe('Section 2: Parallel Planning for Adoption', () => {
  it('adoption.cpr-completed (4 weeks), adoption.cpr-finalisation-meeting and adoption.cpr-sent-to-adm (2 weeks), adoption.final-evidence-to-manager (1 week): counted back from the filing (standards 8 and 9)', () => {
    // Filed Tue 5 January 2027. 4 weeks back: Tue 8 December 2026; 2 weeks: Tue 22 December;
    // 1 week: Tue 29 December (between the Christmas bank holidays: weeks are calendar days).
    const filed = ev('court.final_evidence_filed', '2027-01-05T12:00:00Z');
    const events = [
      ev('cic.started', '2026-09-01T10:00:00+01:00', { legalStatus: 'C1' }),
      ev('adoption.parallel_planning_agreed', '2026-10-01T10:00:00+01:00'),
      ev('adoption.cpr_completed', '2026-12-08T17:00:00Z'),
      ev('adoption.cpr_finalisation_meeting_held', '2026-12-21T10:00:00Z'),
      ev('adoption.cpr_sent_to_adm', '2026-12-23T10:00:00Z'),
      filed,
    ];
    const outcome = (id: string) => {
      const [o] = obligationsOf(id, events);
      return [dueOf(o!), o!.outcome];
    };
    expect(outcome('adoption.cpr-completed')).toEqual(['2026-12-08', 'met']);
    expect(outcome('adoption.cpr-finalisation-meeting')).toEqual(['2026-12-22', 'met']);
    expect(outcome('adoption.cpr-sent-to-adm')).toEqual(['2026-12-22', 'met_late']);
    expect(outcome('adoption.final-evidence-to-manager')).toEqual(['2026-12-29', 'missed']);
    // Final evidence filed without parallel planning for adoption opens none.
    expect(obligationsOf('adoption.cpr-completed', [filed])).toEqual([]);
  });
});
