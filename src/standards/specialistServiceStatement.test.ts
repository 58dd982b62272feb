import { describe, expect, it } from 'vitest';
import { dueOf, ev, obligationsOf, stateAt } from '../../test/support/standardsCases';
import { ruleById } from './index';

// Dates used: Easter 2026 is Good Friday 3 April and Easter Monday 6 April; the early May bank
// holiday Monday 4 May 2026, the spring bank holiday Monday 25 May 2026; Christmas Day Friday 25
// December 2026, Boxing Day's substitute Monday 28 December 2026, New Year's Day Friday 1 January
// 2027; Easter 2027 is Good Friday 26 March and Easter Monday 29 March; the spring bank holiday
// Monday 31 May 2027. British Summer Time runs from 01:00 UTC on Sunday 29 March to 01:00 UTC on
// Sunday 25 October 2026.

const dct = { teamSpecialism: 'disabled-children' };
const assessmentTeam = { teamSpecialism: 'assessment' };

describe('the alternatives to the practice standards are off by default', () => {
  it('keeps the older timescales switchable, and the service statement’s own ones on', () => {
    for (const id of [
      'assessment.referral-response',
      'assessment.referral-response-dct',
      'assessment.child-seen-5-working-days',
      'assessment.child-seen-5-working-days-dct',
      'assessment.initial-assessment',
      'assessment.core-assessment',
      'assessment.core-assessment-s47',
      'strategy.action-notes',
      'cic.permanence-plan',
      'fostering.annual-review',
      'cic.notification-dct',
      'transitions.adult-service-contacted',
    ]) {
      expect(ruleById(id)?.enabled, id).toBe(false);
    }
    for (const id of ['step-down.follow-up', 'step-down.follow-up-dct', 'family-support.request-response', 'cwd.hospital-referral-passed-on', 'cwd.hospital-ward-visit']) {
      expect(ruleById(id)?.enabled ?? true, id).toBe(true);
    }
  });
});

describe('7.1.3 Process of work (Children and Families Assessment and Intervention Team)', () => {
  it('assessment.referral-response: 24 hours from the contact, across the start of British Summer Time (bullet 4)', () => {
    // Contact Saturday 28 March 2026, 10:00 GMT. 24 hours later is 10:00 UTC on Sunday 29 March,
    // which London's clocks call 11:00 BST: hours are exact, not wall-clock.
    const referral = [ev('contact.received', '2026-03-28T10:00:00Z'), ev('threshold.decided', '2026-03-28T12:00:00Z', { outcome: 'assessment' })];
    const [onTime] = obligationsOf('assessment.referral-response', [...referral, ev('assessment.family_contacted', '2026-03-29T11:00:00+01:00')], assessmentTeam);
    expect(dueOf(onTime!)).toBe('2026-03-29T10:00:00.000Z');
    expect(onTime!.outcome).toBe('met');
    const [late] = obligationsOf('assessment.referral-response', [...referral, ev('assessment.family_contacted', '2026-03-29T11:01:00+01:00')], assessmentTeam);
    expect(late!.outcome).toBe('met_late');
    // A contact not accepted as a referral opens none; the Disabled Children's Team has its own rule.
    expect(obligationsOf('assessment.referral-response', [ev('contact.received', '2026-03-28T10:00:00Z'), ev('threshold.decided', '2026-03-28T12:00:00Z', { outcome: 'early_help' })])).toEqual([]);
    expect(obligationsOf('assessment.referral-response', referral, dct)).toEqual([]);
  });

  it('assessment.child-seen-5-working-days: 5 working days from the contact, over Easter (bullet 4)', () => {
    const referral = [
      ev('contact.received', '2026-04-02T10:00:00+01:00'),
      ev('threshold.decided', '2026-04-02T12:00:00+01:00', { outcome: 'strategy_discussion' }),
      ev('s47.started', '2026-04-02T15:00:00+01:00'),
    ];
    // Thursday 2 April is day 0; Good Friday and Easter Monday do not count: Tue 7 (1), Wed 8 (2),
    // Thu 9 (3), Fri 10 (4), Mon 13 April (5).
    const [onTime] = obligationsOf('assessment.child-seen-5-working-days', [...referral, ev('s47.child_visited', '2026-04-13T18:00:00+01:00')]);
    expect(dueOf(onTime!)).toBe('2026-04-13');
    expect(onTime!.outcome).toBe('met');
    // Late, with the explanation the statement asks for.
    const [late] = obligationsOf('assessment.child-seen-5-working-days', [...referral, ev('s47.child_visited', '2026-04-14T09:00:00+01:00', {}, { reason: 'The family were away until the 14th' })]);
    expect(late!.outcome).toBe('met_late');
    expect(late!.lateReason).toBe('The family were away until the 14th');
  });

  it('assessment.initial-assessment: 10 working days from the contact, over Christmas and New Year (bullet 5)', () => {
    const referral = [ev('contact.received', '2026-12-21T10:00:00Z'), ev('threshold.decided', '2026-12-21T14:00:00Z', { outcome: 'assessment' })];
    // Monday 21 December is day 0: 22 (1), 23 (2), 24 (3); 25 and 28 December are bank holidays;
    // 29 (4), 30 (5), 31 (6); 1 January is a bank holiday; 4 (7), 5 (8), 6 (9), Thu 7 January (10).
    const [obligation] = obligationsOf('assessment.initial-assessment', [...referral, ev('assessment.initial_assessment_completed', '2027-01-08T10:00:00Z')]);
    expect(dueOf(obligation!)).toBe('2027-01-07');
    expect(obligation!.outcome).toBe('met_late');
  });

  it('assessment.core-assessment: a further 35 working days from the initial assessment, over Easter 2027 (bullet 5)', () => {
    const events = [
      ev('assessment.initial_assessment_completed', '2027-02-18T10:00:00Z'),
      ev('assessment.core_assessment_started', '2027-02-22T10:00:00Z'),
    ];
    // From Thursday 18 February 2027 (day 0): Fri 19 (1); 22–26 Feb (6); 1–5 Mar (11); 8–12 (16);
    // 15–19 (21); 22–25 (25); Good Friday 26 and Easter Monday 29 March skipped; 30 Mar–2 Apr (29);
    // 5–9 Apr (34); Mon 12 April (35).
    const [obligation] = obligationsOf('assessment.core-assessment', [...events, ev('assessment.core_assessment_completed', '2027-04-12T16:00:00+01:00')]);
    expect(dueOf(obligation!)).toBe('2027-04-12');
    expect(obligation!.outcome).toBe('met');
  });

  it('assessment.core-assessment-s47: 15 working days from the enquiry, cancelled if no conference follows (bullet 5)', () => {
    const enquiry = [ev('s47.started', '2026-12-23T10:00:00Z'), ev('assessment.core_assessment_started', '2026-12-23T11:00:00Z')];
    // Wednesday 23 December is day 0: Thu 24 (1); 25 and 28 skipped; 29 (2), 30 (3), 31 (4); 1 January
    // skipped; 4–8 January (9); 11–15 January (14); Mon 18 January (15).
    const [conference] = obligationsOf('assessment.core-assessment-s47', [
      ...enquiry,
      ev('s47.completed', '2027-01-08T10:00:00Z', { outcome: 'initial_conference' }),
      ev('assessment.core_assessment_completed', '2027-01-18T16:00:00Z'),
    ]);
    expect(dueOf(conference!)).toBe('2027-01-18');
    expect(conference!.outcome).toBe('met');
    const [noConference] = obligationsOf('assessment.core-assessment-s47', [...enquiry, ev('s47.completed', '2027-01-08T10:00:00Z', { outcome: 'no_further_action' })]);
    expect(noConference!.outcome).toBe('cancelled');
  });

  it('strategy.action-notes: 24 hours, across the end of British Summer Time (bullet 7)', () => {
    // Saturday 24 October 2026, 18:00 BST = 17:00 UTC. The clocks go back that night, so 24 hours
    // later is 17:00 UTC on Sunday, which London calls 17:00 GMT, not 18:00.
    const [obligation] = obligationsOf('strategy.action-notes', [
      ev('strategy.discussion_held', '2026-10-24T18:00:00+01:00', { section47ThresholdMet: true }),
      ev('strategy.actions_circulated', '2026-10-25T17:30:00Z'),
    ]);
    expect(dueOf(obligation!)).toBe('2026-10-25T17:00:00.000Z');
    expect(obligation!.outcome).toBe('met_late');
  });

  it('step-down.follow-up: 3 months after a closure with step-down services, clamped to February (bullet 11)', () => {
    // Monday 30 November 2026 + 3 months = 30 February 2027, clamped to Sunday 28 February: months are
    // calendar months, not moved off a weekend.
    const closed = ev('closure.completed', '2026-11-30T15:00:00Z', { stepDown: true });
    const [obligation] = obligationsOf('step-down.follow-up', [closed, ev('step_down.followed_up', '2027-03-01T10:00:00Z')], assessmentTeam);
    expect(dueOf(obligation!)).toBe('2027-02-28');
    expect(obligation!.outcome).toBe('met_late');
    expect(obligationsOf('step-down.follow-up', [ev('closure.completed', '2026-11-30T15:00:00Z', { stepDown: false })])).toEqual([]);
    expect(obligationsOf('step-down.follow-up', [closed], dct)).toEqual([]);
  });

  it('cic.permanence-plan: within 4 months of coming into care, cancelled by leaving care (bullet 20)', () => {
    // Came into care on Easter Monday, 6 April 2026: + 4 months = Thursday 6 August 2026.
    const inCare = ev('cic.started', '2026-04-06T11:00:00+01:00', { legalStatus: 'V2' });
    const [late] = obligationsOf('cic.permanence-plan', [inCare, ev('cic.permanency_plan_established', '2026-08-07T10:00:00+01:00')]);
    expect(dueOf(late!)).toBe('2026-08-06');
    expect(late!.outcome).toBe('met_late');
    const [left] = obligationsOf('cic.permanence-plan', [inCare, ev('cic.ended', '2026-07-01T10:00:00+01:00')]);
    expect(left!.outcome).toBe('cancelled');
  });
});

describe('7.2.3 Process of work (Specialist Children, Young People and Families Team)', () => {
  it('family-support.request-response: 48 hours, across the start of British Summer Time (bullet 1)', () => {
    // Friday 27 March 2026, 12:00 GMT. 48 hours later is 12:00 UTC on Sunday 29 March = 13:00 BST.
    const request = ev('family_support.request_received', '2026-03-27T12:00:00Z');
    const [onTime] = obligationsOf('family-support.request-response', [request, ev('family_support.request_responded', '2026-03-29T12:30:00+01:00')]);
    expect(dueOf(onTime!)).toBe('2026-03-29T12:00:00.000Z');
    expect(onTime!.outcome).toBe('met'); // 12:30 BST is 11:30 UTC
    const [late] = obligationsOf('family-support.request-response', [request, ev('family_support.request_responded', '2026-03-29T13:30:00+01:00')]);
    expect(late!.outcome).toBe('met_late');
  });
});

describe('7.4.2 Scope of work (Family Placement Team)', () => {
  it("fostering.annual-review: every 12 months on the carer's record, until approval ends (bullet 6)", () => {
    // Approved on Monday 31 August 2026, the summer bank holiday: + 12 months = Tuesday 31 August 2027
    // (the 2027 summer bank holiday is Monday 30 August). Reviewed on the day; the next is due 12
    // months from that review, Thursday 31 August 2028.
    const events = [ev('fostering.carer_approved', '2026-08-31T12:00:00+01:00'), ev('fostering.carer_reviewed', '2027-08-31T10:00:00+01:00')];
    expect(obligationsOf('fostering.annual-review', events).map((o) => [dueOf(o), o.outcome])).toEqual([
      ['2027-08-31', 'met'],
      ['2028-08-31', 'open'],
    ]);
    const ended = obligationsOf('fostering.annual-review', [...events, ev('fostering.approval_ended', '2028-03-01T10:00:00Z')]);
    expect(ended.at(-1)!.outcome).toBe('cancelled');
  });
});

describe("7.3.3 Process of work (Disabled Children's Team)", () => {
  it('assessment.referral-response-dct: 48 hours from the contact, across the end of British Summer Time (bullet 6)', () => {
    // Friday 23 October 2026, 12:00 BST = 11:00 UTC. 48 hours later is 11:00 UTC on Sunday 25
    // October, after the clocks went back: 11:00 GMT, not noon.
    const referral = [ev('contact.received', '2026-10-23T12:00:00+01:00'), ev('threshold.decided', '2026-10-23T14:00:00+01:00', { outcome: 'assessment' })];
    const [obligation] = obligationsOf('assessment.referral-response-dct', [...referral, ev('assessment.family_contacted', '2026-10-25T11:30:00Z')], dct);
    expect(dueOf(obligation!)).toBe('2026-10-25T11:00:00.000Z');
    expect(obligation!.outcome).toBe('met_late');
    expect(obligationsOf('assessment.referral-response-dct', referral, assessmentTeam)).toEqual([]);
  });

  it('assessment.child-seen-5-working-days-dct: 5 working days over the spring bank holiday (bullet 6)', () => {
    const referral = [
      ev('contact.received', '2026-05-22T16:00:00+01:00'),
      ev('threshold.decided', '2026-05-22T17:00:00+01:00', { outcome: 'assessment' }),
      ev('assessment.allocated', '2026-05-26T09:00:00+01:00'),
    ];
    // Friday 22 May is day 0; Monday 25 May is a bank holiday: Tue 26 (1), Wed 27 (2), Thu 28 (3),
    // Fri 29 (4), Mon 1 June (5).
    const [obligation] = obligationsOf('assessment.child-seen-5-working-days-dct', referral, dct);
    expect(dueOf(obligation!)).toBe('2026-06-01');
    expect(stateAt(obligation!, new Date('2026-06-01T23:59:00+01:00'))).toBe('due');
    expect(stateAt(obligation!, new Date('2026-06-02T00:00:00+01:00'))).toBe('overdue');
    const [seen] = obligationsOf('assessment.child-seen-5-working-days-dct', [...referral, ev('assessment.child_seen', '2026-05-29T10:00:00+01:00')], dct);
    expect(seen!.outcome).toBe('met');
  });

  it('cwd.hospital-referral-passed-on: the same London day, for a child from another authority (bullet 4)', () => {
    // 23:30 UTC on Thursday 4 June 2026 is 00:30 BST on Friday 5 June: due by the end of Friday 5 June.
    const referral = ev('cwd.hospital_referral_received', '2026-06-04T23:30:00Z', { outOfArea: true });
    const [onTime] = obligationsOf('cwd.hospital-referral-passed-on', [referral, ev('cwd.hospital_referral_passed_on', '2026-06-05T17:00:00+01:00')]);
    expect(dueOf(onTime!)).toBe('2026-06-05');
    expect(onTime!.outcome).toBe('met');
    const [late] = obligationsOf('cwd.hospital-referral-passed-on', [referral, ev('cwd.hospital_referral_passed_on', '2026-06-06T00:10:00+01:00')]);
    expect(late!.outcome).toBe('met_late');
    expect(obligationsOf('cwd.hospital-referral-passed-on', [ev('cwd.hospital_referral_received', '2026-06-04T23:30:00Z', { outOfArea: false })])).toEqual([]);
  });

  it('cwd.hospital-ward-visit: the same day, even before a bank holiday weekend (bullet 5)', () => {
    // Friday 1 May 2026, 21:00 BST: due by the end of that Friday, not the next working day (Tuesday 5 May).
    const referral = ev('cwd.hospital_referral_received', '2026-05-01T21:00:00+01:00', { admitted: true });
    const [onTime] = obligationsOf('cwd.hospital-ward-visit', [referral, ev('cwd.ward_visited', '2026-05-01T23:30:00+01:00')]);
    expect(dueOf(onTime!)).toBe('2026-05-01');
    expect(onTime!.outcome).toBe('met');
    const [late] = obligationsOf('cwd.hospital-ward-visit', [referral, ev('cwd.ward_visited', '2026-05-02T09:00:00+01:00')]);
    expect(late!.outcome).toBe('met_late');
    expect(obligationsOf('cwd.hospital-ward-visit', [ev('cwd.hospital_referral_received', '2026-05-01T21:00:00+01:00', { admitted: false })])).toEqual([]);
  });

  it('cwd.hospital-handover: the home authority takes case responsibility within 24 hours, over Good Friday (bullet 4)', () => {
    // Received at 22:00 BST on Good Friday, 3 April 2026: due by 22:00 BST on Saturday 4 April, bank holidays and weekends counted.
    const referral = ev('cwd.hospital_referral_received', '2026-04-03T22:00:00+01:00', { outOfArea: true, referralId: 'r1' });
    const passed = ev('cwd.hospital_referral_passed_on', '2026-04-03T22:30:00+01:00', { referralId: 'r1' });
    const [onTime] = obligationsOf('cwd.hospital-handover', [referral, passed, ev('cwd.hospital_handover_accepted', '2026-04-04T21:59:00+01:00', { referralId: 'r1' })]);
    expect(dueOf(onTime!)).toBe('2026-04-04T21:00:00.000Z');
    expect(onTime!.outcome).toBe('met');
    const [late] = obligationsOf('cwd.hospital-handover', [referral, passed, ev('cwd.hospital_handover_accepted', '2026-04-06T09:00:00+01:00', { referralId: 'r1' })]);
    expect(late!.outcome).toBe('met_late');
    expect(obligationsOf('cwd.hospital-handover', [ev('cwd.hospital_referral_received', '2026-04-03T22:00:00+01:00', { outOfArea: false })])).toEqual([]);
    expect(ruleById('cwd.hospital-handover')?.enabled ?? true).toBe(true);
  });

  it('ties each step to its own hospital referral by referralId, for a child admitted twice', () => {
    const first = ev('cwd.hospital_referral_received', '2026-05-01T09:00:00+01:00', { admitted: true, outOfArea: true, referralId: 'a' });
    const second = ev('cwd.hospital_referral_received', '2026-05-01T20:00:00+01:00', { admitted: true, outOfArea: true, referralId: 'b' });
    const visitB = ev('cwd.ward_visited', '2026-05-01T21:00:00+01:00', { referralId: 'b' });
    const passedB = ev('cwd.hospital_referral_passed_on', '2026-05-01T21:30:00+01:00', { referralId: 'b' });
    expect(obligationsOf('cwd.hospital-ward-visit', [first, second, visitB]).map((o) => o.outcome)).toEqual(['open', 'met']);
    expect(obligationsOf('cwd.hospital-referral-passed-on', [first, second, visitB, passedB]).map((o) => o.outcome)).toEqual(['open', 'met']);
    // The front door's hospital contacts carry no referralId: any passing on after them meets them, as before.
    expect(obligationsOf('cwd.hospital-referral-passed-on', [ev('cwd.hospital_referral_received', '2026-05-01T09:00:00+01:00', { outOfArea: true, contactId: 'c' }), ev('cwd.hospital_referral_passed_on', '2026-05-01T10:00:00+01:00', { contactId: 'c' })])[0]!.outcome).toBe('met');
    // A referral with no id at all (recorded before ids, or imported) is known by its own event's id: steps carrying that id meet it.
    const legacy = ev('cwd.hospital_referral_received', '2026-05-01T09:00:00+01:00', { admitted: true, outOfArea: true });
    expect(obligationsOf('cwd.hospital-ward-visit', [legacy, ev('cwd.ward_visited', '2026-05-01T10:00:00+01:00', { referralId: legacy.id })]).map((o) => o.outcome)).toEqual(['met']);
    expect(obligationsOf('cwd.hospital-referral-passed-on', [legacy, ev('cwd.hospital_referral_passed_on', '2026-05-01T10:00:00+01:00', { referralId: legacy.id })]).map((o) => o.outcome)).toEqual(['met']);
  });

  it("cic.notification-dct: the day the child comes into care, a Saturday included; only the Disabled Children's Team (bullet 9)", () => {
    const inCare = ev('cic.started', '2026-05-02T10:00:00+01:00', { legalStatus: 'V2' });
    const [obligation] = obligationsOf('cic.notification-dct', [inCare, ev('cic.notification_sent', '2026-05-05T09:00:00+01:00')], dct);
    // Saturday 2 May 2026: "immediate" is that day, not the next working day.
    expect(dueOf(obligation!)).toBe('2026-05-02');
    expect(obligation!.outcome).toBe('met_late');
    expect(obligationsOf('cic.notification-dct', [inCare], { teamSpecialism: 'children-in-care' })).toEqual([]);
  });

  it('transitions.adult-service-contacted: by the 14th birthday, which falls on a bank holiday (bullet 13)', () => {
    // Born 31 May 2013: 14 on Monday 31 May 2027, the spring bank holiday. "By the time the young person
    // is aged 14" is the birthday itself; a birthday is not moved off a bank holiday.
    const facts = { ...dct, dateOfBirth: '2013-05-31' };
    const review = ev('transitions.year_nine_review_held', '2026-11-10T10:00:00Z', { continuingSupportAsAdult: true });
    const [onTime] = obligationsOf('transitions.adult-service-contacted', [review, ev('transitions.team_notified', '2027-05-31T10:00:00+01:00')], facts);
    expect(dueOf(onTime!)).toBe('2027-05-31');
    expect(onTime!.outcome).toBe('met');
    const [late] = obligationsOf('transitions.adult-service-contacted', [review, ev('transitions.team_notified', '2027-06-01T10:00:00+01:00')], facts);
    expect(late!.outcome).toBe('met_late');
    // No plan for adult support, a review after the birthday, or another team: none.
    expect(obligationsOf('transitions.adult-service-contacted', [ev('transitions.year_nine_review_held', '2026-11-10T10:00:00Z', { continuingSupportAsAdult: false })], facts)).toEqual([]);
    expect(obligationsOf('transitions.adult-service-contacted', [ev('transitions.year_nine_review_held', '2027-06-15T10:00:00+01:00', { continuingSupportAsAdult: true })], facts)).toEqual([]);
    expect(obligationsOf('transitions.adult-service-contacted', [review], { ...facts, teamSpecialism: 'assessment' })).toEqual([]);
  });

  it('step-down.follow-up-dct: 3 months after closure, due on Christmas Day (bullet 14)', () => {
    // Friday 25 September 2026 + 3 months = Friday 25 December 2026: calendar months are not moved off
    // a bank holiday.
    const closed = ev('closure.completed', '2026-09-25T12:00:00+01:00', { stepDown: true });
    const [obligation] = obligationsOf('step-down.follow-up-dct', [closed, ev('step_down.followed_up', '2026-12-22T10:00:00Z')], dct);
    expect(dueOf(obligation!)).toBe('2026-12-25');
    expect(obligation!.outcome).toBe('met');
    expect(obligationsOf('step-down.follow-up-dct', [closed], assessmentTeam)).toEqual([]);
  });
});

describe('5.2 caseloads and transfers (issue 12): the workforce’s event types', () => {
  it('records complexity and transfers on their own pages, never on Record work, and checks their data', async () => {
    const { eventTypeOf, isPracticeWork } = await import('./index');
    for (const type of ['case.complexity_assessed', 'case.transfer_meeting_held', 'case.transfer_review_held']) {
      expect(eventTypeOf(type)?.recordedOn, type).toBe('workforce');
      expect(isPracticeWork(type), type).toBe(false);
    }
    const complexity = eventTypeOf('case.complexity_assessed')!.data!;
    expect(complexity.safeParse({ weight: 'complex', reason: 'Three siblings, two schools, parental substance misuse' }).success).toBe(true);
    expect(complexity.safeParse({ weight: 'huge', reason: 'x' }).error?.issues[0]?.message).toBe('weight must be one of standard, complex, high');
    expect(complexity.safeParse({ weight: 'high', reason: ' ' }).error?.issues[0]?.message).toBe('reason must say why the case has this weight');
    // A review comes after the transfer it reviews (Child in Need Plans and Reviews 9).
    expect(eventTypeOf('case.transfer_review_held')?.after).toEqual([{ type: 'case.transfer_meeting_held' }]);
  });
});
