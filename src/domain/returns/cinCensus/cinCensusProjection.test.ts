import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../calendar/workingDays';
import { emptyDetails, type PersonDetails } from '../../people/personDetails';
import type { WorkflowEvent } from '../../records/events';
import { collectionPeriod } from '../collectionYear';
import type { ReturnContext, ReturnSubject } from '../subject';
import { cinChildOf } from './cinCensusProjection';

/** England and Wales bank holidays of the 2026 collection year and either side, given to the calendar. */
const calendar = workingCalendar([
  '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  '2026-01-01', '2026-04-03', '2026-04-06',
]);
const context: ReturnContext = { period: collectionPeriod(2026), laCode: '201', providers: new Map(), calendar };

let seq = 0;
/** A recorded event as the modules record it: type, instant (with its offset) and data. */
function ev(type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent {
  seq += 1;
  return { id: `e${seq}`, type, occurredAt: new Date(at), recordedBy: 'u1', recordedByName: 'A Worker', data };
}

function subject(events: WorkflowEvent[], details: Partial<PersonDetails> = {}): ReturnSubject {
  return {
    personId: 'p1',
    childId: 'C0001',
    details: { ...emptyDetails, givenNames: 'Sam', familyName: 'Example', dateOfBirth: '2015-05-01', gender: 'F', ethnicity: 'WBRI', upn: 'A123456789012', ...details },
    addresses: [],
    events: [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()),
  };
}

/** A contact from the child's school and the duty manager's decision to assess. */
function referral(at: string, decidedAt: string, outcome = 'assessment', contactId = `c-${at}`) {
  return [
    ev('contact.received', at, { contactId, source: 'marf', referrer: { name: 'Ms Head', organisation: 'Riverside Primary School', relationship: 'Designated safeguarding lead' } }),
    ev('threshold.decided', decidedAt, { contactId, outcome }),
  ];
}

describe('cinChildOf: which children are in the census', () => {
  it('leaves out a child with no episode of need', () => {
    expect(cinChildOf(subject([]), context)).toBeNull();
  });

  it('leaves out a contact that the threshold decision did not make a referral (Duty Team (MASH) 5)', () => {
    const contact = [ev('contact.received', '2025-06-02T10:00:00+01:00', { contactId: 'c1', source: 'public' }), ev('threshold.decided', '2025-06-02T12:00:00+01:00', { contactId: 'c1', outcome: 'early_help' })];
    expect(cinChildOf(subject(contact), context)).toBeNull();
  });

  it('leaves out an episode closed before the year began, and one referred after it ended', () => {
    const closedBefore = [...referral('2024-05-01T10:00:00+01:00', '2024-05-01T12:00:00+01:00'), ev('closure.completed', '2025-03-31T16:00:00+01:00', { closureReason: 'no_longer_in_need' })];
    expect(cinChildOf(subject(closedBefore), context)).toBeNull();
    const after = referral('2026-03-31T22:30:00Z', '2026-04-01T09:00:00+01:00');
    // 22:30 UTC on 31 March is 23:30 in London (BST): still the year, but the decision is after it.
    expect(cinChildOf(subject(after), context)).toBeNull();
  });

  it('includes an episode closed on the first day of the year', () => {
    const child = cinChildOf(subject([...referral('2024-05-01T10:00:00+01:00', '2024-05-01T12:00:00+01:00'), ev('closure.completed', '2025-04-01T10:00:00+01:00', { closureReason: 'no_longer_in_need' })]), context);
    expect(child?.CINdetails).toHaveLength(1);
    expect(child?.CINdetails[0]).toMatchObject({ CINreferralDate: '2024-05-01', CINclosureDate: '2025-04-01', ReasonForClosure: 'RC7' });
  });
});

describe('cinChildOf: an episode from referral to closure', () => {
  it('dates the referral by the contact in London time and names who referred', () => {
    // 23:30 UTC on 4 June is 00:30 on 5 June in London (BST).
    const child = cinChildOf(subject(referral('2025-06-04T23:30:00Z', '2025-06-05T11:00:00+01:00')), context)!;
    expect(child.CINdetails).toEqual([
      {
        CINreferralDate: '2025-06-05',
        ReferralSource: '2A',
        PrimaryNeedCode: null,
        CINclosureDate: null,
        ReasonForClosure: null,
        DateOfInitialCPC: null,
        ReferralNFA: false,
        Assessments: [],
        CINPlanDates: [],
        Section47: [],
        ChildProtectionPlans: [],
      },
    ]);
  });

  it('runs the first assessment from the referral and records its sign-off, factors and primary need', () => {
    const events = [
      ...referral('2025-06-02T10:00:00+01:00', '2025-06-02T15:00:00+01:00'),
      ev('assessment.allocated', '2025-06-04T09:00:00+01:00'),
    ];
    const allocated = events[2]!;
    events.push(ev('assessment.completed', '2025-07-10T14:00:00+01:00', { assessmentId: allocated.id, outcome: 'child_in_need', primaryNeed: 'family_dysfunction', factors: ['none', 'not-a-factor', 'none'] }));
    events.push(ev('cin.plan_started', '2025-07-20T10:00:00+01:00'), ev('cin.plan_ended', '2026-01-15T10:00:00Z'));
    events.push(ev('closure.completed', '2026-02-02T10:00:00Z', { closureReason: 'no_longer_in_need' }));
    const [details] = cinChildOf(subject(events), context)!.CINdetails;
    expect(details).toMatchObject({
      PrimaryNeedCode: 'N5',
      CINclosureDate: '2026-02-02',
      ReasonForClosure: 'RC7',
      Assessments: [{ AssessmentActualStartDate: '2025-06-02', AssessmentAuthorisationDate: '2025-07-10', AssessmentFactors: ['21'] }],
      CINPlanDates: [{ CINPlanStartDate: '2025-07-20', CINPlanEndDate: '2026-01-15' }],
    });
  });

  it('starts a later assessment in the same episode when it was allocated', () => {
    const events = [
      ...referral('2025-05-01T10:00:00+01:00', '2025-05-01T15:00:00+01:00'),
      ev('assessment.allocated', '2025-05-02T09:00:00+01:00'),
      ev('assessment.completed', '2025-06-10T14:00:00+01:00', { primaryNeed: 'low_income', factors: [] }),
      ev('assessment.allocated', '2025-11-03T09:00:00Z'),
    ];
    const { Assessments } = cinChildOf(subject(events), context)!.CINdetails[0]!;
    expect(Assessments.map((a) => [a.AssessmentActualStartDate, a.AssessmentAuthorisationDate])).toEqual([
      ['2025-05-01', '2025-06-10'],
      ['2025-11-03', null],
    ]);
  });

  it('reads the record as it stood on 31 March: an assessment signed off in April is still open', () => {
    const events = [
      ...referral('2026-03-02T10:00:00Z', '2026-03-02T15:00:00Z'),
      ev('assessment.allocated', '2026-03-03T09:00:00Z'),
      ev('assessment.completed', '2026-04-02T14:00:00+01:00', { primaryNeed: 'low_income', factors: ['none'] }),
      ev('closure.completed', '2026-04-10T10:00:00+01:00', { closureReason: 'after_assessment_nfa' }),
    ];
    const [details] = cinChildOf(subject(events), context)!.CINdetails;
    expect(details).toMatchObject({ PrimaryNeedCode: null, CINclosureDate: null, Assessments: [{ AssessmentActualStartDate: '2026-03-02', AssessmentAuthorisationDate: null, AssessmentFactors: [] }] });
  });

  it("gives an episode whose assessment is under way the primary need the threshold decision chose (8610), until an assessment's sign-off records one", () => {
    const decided = (at: string, contactId: string, outcome: string, primaryNeed: string) => [
      ev('contact.received', at, { contactId, source: 'marf' }),
      ev('threshold.decided', at.replace('T10:', 'T15:'), { contactId, outcome, primaryNeed }),
    ];
    const open = [...decided('2025-11-03T10:00:00Z', 'c1', 'assessment', 'acute_stress'), ev('assessment.allocated', '2025-11-04T09:00:00Z')];
    expect(cinChildOf(subject(open), context)!.CINdetails[0]).toMatchObject({ PrimaryNeedCode: 'N4', Assessments: [{ AssessmentAuthorisationDate: null }] });
    // A strategy discussion's decision gives it too; a later contact within the open episode does not change it.
    const strategy = [...decided('2025-11-03T10:00:00Z', 'c1', 'strategy_discussion', 'abuse_or_neglect'), ...decided('2026-01-05T10:00:00Z', 'c2', 'assessment', 'low_income')];
    expect(cinChildOf(subject(strategy), context)!.CINdetails.map((d) => d.PrimaryNeedCode)).toEqual(['N1']);
    // The manager's sign-off wins over the front door's first view, even when it says otherwise.
    const signedOff = [...open, ev('assessment.completed', '2026-01-20T14:00:00Z', { outcome: 'child_in_need', primaryNeed: 'parental_illness', factors: ['mental_health_parent'] })];
    expect(cinChildOf(subject(signedOff), context)!.CINdetails[0]!.PrimaryNeedCode).toBe('N3');
    // A sign-off that recorded none (history) leaves the decision's.
    const imported = [...open, ev('assessment.completed', '2026-01-20T14:00:00Z', { outcome: 'child_in_need' })];
    expect(cinChildOf(subject(imported), context)!.CINdetails[0]!.PrimaryNeedCode).toBe('N4');
  });

  it('leaves out work finished before the year began but keeps the episode open during it', () => {
    const events = [
      ...referral('2024-09-02T10:00:00+01:00', '2024-09-02T15:00:00+01:00'),
      ev('assessment.allocated', '2024-09-03T09:00:00+01:00'),
      ev('assessment.completed', '2024-10-10T14:00:00+01:00', { primaryNeed: 'acute_stress', factors: ['none'] }),
      ev('cin.plan_started', '2024-10-20T10:00:00+01:00'),
      ev('cin.plan_ended', '2025-02-01T10:00:00Z'),
      ev('cin.plan_started', '2025-03-01T10:00:00Z'),
    ];
    const [details] = cinChildOf(subject(events), context)!.CINdetails;
    expect(details!.Assessments).toEqual([]);
    expect(details!.PrimaryNeedCode).toBe('N4');
    expect(details!.CINPlanDates).toEqual([{ CINPlanStartDate: '2025-03-01', CINPlanEndDate: null }]);
  });

  it('keeps a contact about a child whose case is open within the open episode (8815, 8820)', () => {
    const events = [...referral('2025-05-01T10:00:00+01:00', '2025-05-01T15:00:00+01:00'), ...referral('2025-09-01T10:00:00+01:00', '2025-09-01T15:00:00+01:00', 'strategy_discussion')];
    expect(cinChildOf(subject(events), context)!.CINdetails.map((d) => d.CINreferralDate)).toEqual(['2025-05-01']);
  });

  it('gives each referral after a closure its own episode', () => {
    const events = [
      ...referral('2025-05-01T10:00:00+01:00', '2025-05-01T15:00:00+01:00'),
      ev('closure.completed', '2025-06-20T10:00:00+01:00', { closureReason: 'after_assessment_early_help' }),
      ev('contact.received', '2025-10-06T10:00:00+01:00', { contactId: 'c2', source: 'family', referrer: { relationship: 'Aunt' } }),
      ev('threshold.decided', '2025-10-06T15:00:00+01:00', { contactId: 'c2', outcome: 'assessment' }),
    ];
    expect(cinChildOf(subject(events), context)!.CINdetails.map((d) => [d.CINreferralDate, d.ReferralSource, d.CINclosureDate, d.ReasonForClosure])).toEqual([
      ['2025-05-01', '2A', '2025-06-20', 'RC9'],
      ['2025-10-06', '1A', null, null],
    ]);
  });

  it('reads a decision that names no contact as about the latest contact not yet decided', () => {
    const events = [
      ev('contact.received', '2025-05-01T10:00:00+01:00', { source: 'family', referrer: {} }),
      ev('threshold.decided', '2025-05-01T12:00:00+01:00', { outcome: 'early_help' }),
      ev('contact.received', '2025-07-01T10:00:00+01:00', { source: 'young_person', referrer: {} }),
      ev('threshold.decided', '2025-07-02T12:00:00+01:00', { outcome: 'assessment' }),
      // A decision with nothing left to decide is dated by itself.
      ev('closure.completed', '2025-08-01T12:00:00+01:00', { closureReason: 'no_longer_in_need' }),
      ev('threshold.decided', '2025-09-03T12:00:00+01:00', { outcome: 'assessment' }),
    ];
    expect(cinChildOf(subject(events), context)!.CINdetails.map((d) => [d.CINreferralDate, d.ReferralSource])).toEqual([
      ['2025-07-01', '1C'],
      ['2025-09-03', null],
    ]);
  });

  it('leaves the reason for closure empty when the closure did not record one (8805 asks for it)', () => {
    const events = [...referral('2025-05-01T10:00:00+01:00', '2025-05-01T15:00:00+01:00'), ev('closure.completed', '2025-06-20T10:00:00+01:00', {})];
    expect(cinChildOf(subject(events), context)!.CINdetails[0]).toMatchObject({ CINclosureDate: '2025-06-20', ReasonForClosure: null });
  });

  it('counts a referral with no further action brought from an earlier census', () => {
    const events = [
      ev('contact.received', '2025-05-01T10:00:00+01:00', { contactId: 'c1', source: 'public', referrerAgency: 'anonymous' }),
      ev('threshold.decided', '2025-05-01T12:00:00+01:00', { contactId: 'c1', outcome: 'no_further_action', referralNFA: true, closureReason: 'no_longer_in_need', imported: 'cin-2025' }),
    ];
    const child = cinChildOf(subject(events, { upn: null }), context)!;
    expect(child.CINdetails[0]).toMatchObject({ CINreferralDate: '2025-05-01', ReferralSource: '9', ReferralNFA: true, CINclosureDate: '2025-05-01', ReasonForClosure: 'RC7' });
    expect(child.ChildIdentifiers.UPNunknown).toBe('UN7');
  });
});

describe('cinChildOf: section 47 enquiries and child protection plans', () => {
  /** Strategy discussion Thursday 18 December 2025: 15 working days skip two weekends, Christmas, Boxing Day and New Year's Day. */
  function enquiry() {
    return [
      ...referral('2025-12-17T10:00:00Z', '2025-12-17T15:00:00Z', 'strategy_discussion'),
      ev('strategy.discussion_held', '2025-12-18T15:00:00Z', { section47ThresholdMet: true }),
      ev('s47.started', '2025-12-18T16:00:00Z'),
    ];
  }

  it('sets the initial conference target 15 working days after the strategy discussion, not counting bank holidays or weekends', () => {
    const [details] = cinChildOf(subject(enquiry()), context)!.CINdetails;
    // Without the holidays it would be Thursday 8 January; with them, Tuesday 13 January.
    expect(details!.Section47).toEqual([{ S47ActualStartDate: '2025-12-18', InitialCPCtarget: '2026-01-13', DateOfInitialCPC: null, ICPCnotRequired: false }]);
    expect(workingCalendar([]).addWorkingDays('2025-12-18', 15)).toBe('2026-01-08');
  });

  it('counts the target from the enquiry when no strategy discussion is recorded (cp.icpc-from-s47)', () => {
    const events = [...referral('2026-03-30T09:00:00+01:00', '2026-03-30T10:00:00+01:00', 'strategy_discussion'), ev('s47.started', '2026-03-31T10:00:00+01:00')];
    // Tuesday 31 March 2026: Good Friday 3 April and Easter Monday 6 April do not count.
    expect(cinChildOf(subject(events), context)!.CINdetails[0]!.Section47[0]!.InitialCPCtarget).toBe('2026-04-23');
  });

  it('records the initial conference, the plan it made, its reviews and the latest category', () => {
    const events = [
      ...enquiry(),
      ev('s47.completed', '2026-01-05T10:00:00Z', { outcome: 'initial_conference' }),
      ev('cp.conference_held', '2026-01-12T10:00:00Z', { kind: 'initial', planMade: true, category: 'neglect' }),
      ev('cp.conference_held', '2026-03-20T10:00:00Z', { kind: 'review', planContinues: true, category: 'emotional' }),
    ];
    const [details] = cinChildOf(subject(events), context)!.CINdetails;
    expect(details!.Section47[0]).toMatchObject({ DateOfInitialCPC: '2026-01-12', ICPCnotRequired: false });
    expect(details!.DateOfInitialCPC).toBeNull();
    expect(details!.ChildProtectionPlans).toEqual([
      { CPPstartDate: '2026-01-12', CPPendDate: null, InitialCategoryOfAbuse: 'NEG', LatestCategoryOfAbuse: 'EMO', NumberOfPreviousCPP: 0, Reviews: ['2026-03-20'] },
    ]);
  });

  it('marks an enquiry that ended without a conference', () => {
    const events = [...enquiry(), ev('s47.completed', '2026-01-05T10:00:00Z', { outcome: 'child_in_need_plan' })];
    expect(cinChildOf(subject(events), context)!.CINdetails[0]!.Section47[0]).toMatchObject({ DateOfInitialCPC: null, ICPCnotRequired: true });
  });

  it('counts earlier plans, lists only reviews in the year, and ends a plan at cp.plan_ended', () => {
    const events = [
      ...referral('2023-01-03T10:00:00Z', '2023-01-03T12:00:00Z', 'strategy_discussion'),
      ev('cp.conference_held', '2023-01-20T10:00:00Z', { kind: 'initial', planMade: true, category: 'physical' }),
      ev('cp.conference_held', '2023-04-20T10:00:00+01:00', { kind: 'review', planContinues: false }),
      ev('cp.plan_ended', '2023-04-20T10:00:00+01:00'),
      ev('cp.conference_held', '2025-01-10T10:00:00Z', { kind: 'initial', planMade: true, category: 'sexual' }),
      ev('cp.conference_held', '2025-03-25T10:00:00Z', { kind: 'review', planContinues: true, category: 'sexual' }),
      ev('cp.conference_held', '2025-09-25T10:00:00+01:00', { kind: 'review', planContinues: false }),
      ev('cp.plan_ended', '2025-09-25T10:00:00+01:00'),
    ];
    const [details] = cinChildOf(subject(events), context)!.CINdetails;
    // The 2023 plan ended before the year: not listed, but counted as a previous plan.
    expect(details!.ChildProtectionPlans).toEqual([
      { CPPstartDate: '2025-01-10', CPPendDate: '2025-09-25', InitialCategoryOfAbuse: 'SAB', LatestCategoryOfAbuse: 'SAB', NumberOfPreviousCPP: 1, Reviews: ['2025-09-25'] },
    ]);
    // The 2023 initial conference was not held for an enquiry and is outside the year.
    expect(details!.DateOfInitialCPC).toBeNull();
  });

  it('records an initial conference held without an enquiry at the episode (2884)', () => {
    const events = [...referral('2025-06-02T10:00:00+01:00', '2025-06-02T12:00:00+01:00', 'strategy_discussion'), ev('cp.conference_held', '2025-06-20T10:00:00+01:00', { kind: 'initial', planMade: false })];
    const [details] = cinChildOf(subject(events), context)!.CINdetails;
    expect(details!.DateOfInitialCPC).toBe('2025-06-20');
    expect(details!.ChildProtectionPlans).toEqual([]);
  });
});

describe('cinChildOf: children looked after, and the child’s identifiers', () => {
  it('counts a child looked after as a child in need, and ends the episode when they die', () => {
    const events = [
      ev('cic.started', '2024-01-10T10:00:00Z', { legalStatus: 'C2' }),
      ev('cic.ended', '2025-09-01T10:00:00+01:00', { reason: 'died' }),
    ];
    const child = cinChildOf(subject(events), context)!;
    expect(child.ChildIdentifiers.PersonDeathDate).toBe('2025-09-01');
    // No contact was recorded: 8866 asks for the referral's source.
    expect(child.CINdetails[0]).toMatchObject({ CINreferralDate: '2024-01-10', ReferralSource: null, CINclosureDate: '2025-09-01', ReasonForClosure: 'RC2' });
  });

  it('keeps the episode open when the child returns home from care', () => {
    const events = [...referral('2025-05-01T10:00:00+01:00', '2025-05-01T12:00:00+01:00'), ev('cic.started', '2025-06-01T10:00:00+01:00', { legalStatus: 'V2' }), ev('cic.ended', '2025-08-01T10:00:00+01:00', { reason: 'home' })];
    expect(cinChildOf(subject(events), context)!.CINdetails[0]!.CINclosureDate).toBeNull();
  });

  it('takes the date of death from a closure because the child died', () => {
    const events = [...referral('2025-05-01T10:00:00+01:00', '2025-05-01T12:00:00+01:00'), ev('closure.completed', '2025-07-01T10:00:00+01:00', { closureReason: 'died', dateOfDeath: '2025-06-28' })];
    const child = cinChildOf(subject(events), context)!;
    expect(child.ChildIdentifiers.PersonDeathDate).toBe('2025-06-28');
    expect(child.CINdetails[0]!.ReasonForClosure).toBe('RC2');
  });

  it('writes the identifiers and characteristics from the child’s details', () => {
    const child = cinChildOf(subject(referral('2025-05-01T10:00:00+01:00', '2025-05-01T12:00:00+01:00'), { disabilities: ['HEAR', 'AUT'] }), context)!;
    expect(child.ChildIdentifiers).toEqual({
      LAchildID: 'C0001',
      UPN: 'A123456789012',
      FormerUPN: null,
      UPNunknown: null,
      PersonBirthDate: '2015-05-01',
      ExpectedPersonBirthDate: null,
      Sex: 'F',
      PersonDeathDate: null,
    });
    expect(child.ChildCharacteristics).toEqual({ Ethnicity: 'WBRI', Disabilities: ['HEAR', 'AUT'] });
  });

  it('describes an unborn child: expected date of birth, sex U, not of school age, no disability', () => {
    const child = cinChildOf(subject(referral('2025-11-03T10:00:00Z', '2025-11-03T12:00:00Z'), { dateOfBirth: null, expectedDateOfBirth: '2026-05-01', gender: null, upn: null }), context)!;
    expect(child.ChildIdentifiers).toMatchObject({ PersonBirthDate: null, ExpectedPersonBirthDate: '2026-05-01', Sex: 'U', UPNunknown: 'UN1' });
    expect(child.ChildCharacteristics.Disabilities).toEqual(['NONE']);
  });
});
