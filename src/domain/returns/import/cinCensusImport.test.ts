import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../calendar/workingDays';
import { emptyDetails } from '../../people/personDetails';
import { collectionPeriod } from '../collectionYear';
import { cinChildOf } from '../cinCensus/cinCensusProjection';
import type { CinCensus, CinChild, CinDetails } from '../cinCensus/cinCensusTypes';
import { cinCensusImport } from './cinCensusImport';
import { timed } from './importLine';

const today = '2026-11-22';
const details = (d: Partial<CinDetails>): CinDetails => ({
  CINreferralDate: '2023-05-02',
  ReferralSource: '3A',
  PrimaryNeedCode: null,
  CINclosureDate: null,
  ReasonForClosure: null,
  DateOfInitialCPC: null,
  ReferralNFA: false,
  Assessments: [],
  CINPlanDates: [],
  Section47: [],
  ChildProtectionPlans: [],
  ...d,
});
const child = (id: string, cin: CinDetails[], ids: Partial<CinChild['ChildIdentifiers']> = {}): CinChild => ({
  ChildIdentifiers: { LAchildID: id, UPN: null, FormerUPN: null, UPNunknown: null, PersonBirthDate: '2015-03-27', ExpectedPersonBirthDate: null, Sex: 'F', PersonDeathDate: null, ...ids },
  ChildCharacteristics: { Ethnicity: 'WBRI', Disabilities: ['HAND'] },
  CINdetails: cin,
});
const census = (...children: CinChild[]): CinCensus => ({
  header: { Collection: 'CIN', Year: 2024, ReferenceDate: '2024-03-31', SourceLevel: 'L', LEA: '201', SoftwareCode: 'x', Release: 'x', SerialNo: '001', DateTime: '2024-05-01T10:00:00' },
  children,
});
const run = (...children: CinChild[]) => cinCensusImport(census(...children), 'CIN_Census_2024.xml', { year: 2024, today });

/** A year of work on one child: a referral from a GP, an enquiry and an assessment, a plan, then a child in need plan, then closure. */
const episode = details({
  PrimaryNeedCode: 'N1',
  CINclosureDate: '2024-02-01',
  ReasonForClosure: 'RC7',
  Assessments: [{ AssessmentActualStartDate: '2023-05-03', AssessmentAuthorisationDate: '2023-06-10', AssessmentFactors: ['3B', '16A'] }],
  Section47: [{ S47ActualStartDate: '2023-05-02', InitialCPCtarget: '2023-05-23', DateOfInitialCPC: '2023-05-20', ICPCnotRequired: false }],
  ChildProtectionPlans: [{ CPPstartDate: '2023-05-20', CPPendDate: '2023-11-18', InitialCategoryOfAbuse: 'NEG', LatestCategoryOfAbuse: 'EMO', NumberOfPreviousCPP: 0, Reviews: ['2023-08-19', '2023-11-18'] }],
  CINPlanDates: [{ CINPlanStartDate: '2023-11-18', CINPlanEndDate: '2024-02-01' }],
});

describe('a CIN census as history', () => {
  it("makes an episode of need the front door's, the assessment's, the enquiry's, the conference's and the plan's events, in order", () => {
    const r = run(child('DfE1', [episode]));
    expect(r.problems).toEqual([]);
    expect(timed(r.lines).map((l) => [l.at.slice(0, 16), l.type, l.data.outcome ?? l.data.kind ?? l.data.closureReason ?? l.data.from ?? null])).toEqual([
      ['2023-05-02T11:00', 'contact.received', null],
      ['2023-05-02T11:01', 'threshold.decided', 'strategy_discussion'],
      ['2023-05-02T11:02', 's47.started', null],
      ['2023-05-03T11:00', 'assessment.allocated', null],
      ['2023-05-20T11:00', 's47.completed', 'initial_conference'],
      ['2023-05-20T11:01', 'cp.conference_held', 'initial'],
      ['2023-06-10T11:00', 'assessment.completed', null],
      ['2023-08-19T11:00', 'cp.conference_held', 'review'],
      ['2023-11-18T12:00', 'cp.conference_held', 'review'],
      ['2023-11-18T12:01', 'cp.plan_ended', null],
      ['2023-11-18T12:02', 'cin.plan_started', 'cp_plan_ended'],
      ['2024-02-01T12:00', 'cin.plan_ended', null],
      ['2024-02-01T12:01', 'closure.decided', 'close'],
      ['2024-02-01T12:02', 'closure.completed', 'no_longer_in_need'],
    ]);
    const of = (type: string) => r.lines.filter((l) => l.type === type).map((l) => l.data);
    expect(of('contact.received')[0]).toMatchObject({ source: 'professional_call', referrerAgency: 'gp', imported: 'cin-census-2024' });
    expect(of('assessment.completed')[0]).toMatchObject({ primaryNeed: 'abuse_or_neglect', factors: ['domestic_abuse_parent', 'neglect'] });
    expect(of('cp.conference_held')).toMatchObject([{ kind: 'initial', planMade: true, category: 'neglect' }, { kind: 'review', planContinues: true }, { kind: 'review', planContinues: false, category: 'emotional' }]);
    expect(of('cin.plan_ended')[0]).toMatchObject({ reason: 'closed' });
    expect(r.children).toEqual([expect.objectContaining({ child: 'DfE1', dateOfBirth: '2015-03-27', gender: 'F', ethnicity: 'WBRI', disabilities: ['HAND'], file: 'CIN_Census_2024.xml', row: 1 })]);
  });

  it('gives the same census back through the census projection', () => {
    const r = run(child('DfE1', [episode]));
    const events = timed(r.lines).map((l, i) => ({ id: `e${i}`, type: l.type, occurredAt: new Date(l.at), recordedByName: null, data: l.data }));
    const subject = { personId: 'p', childId: 'DfE1', details: { ...emptyDetails, givenNames: 'Child', familyName: 'DfE1', dateOfBirth: '2015-03-27', gender: 'F', ethnicity: 'WBRI', disabilities: ['HAND'] }, addresses: [], events };
    const back = cinChildOf(subject, { period: collectionPeriod(2024), laCode: '201', providers: new Map(), calendar: workingCalendar([]) });
    expect(back?.CINdetails).toEqual([
      {
        ...episode,
        // The census counts the first assessment after a referral from the referral (Child and Family Assessment 1).
        Assessments: [{ AssessmentActualStartDate: '2023-05-02', AssessmentAuthorisationDate: '2023-06-10', AssessmentFactors: ['3B', '16A'] }],
        // Hearth counts 15 working days from the enquiry's start; the plan's reviews of the year only.
        Section47: [{ ...episode.Section47[0], InitialCPCtarget: '2023-05-23' }],
        ChildProtectionPlans: [{ ...episode.ChildProtectionPlans[0], Reviews: ['2023-08-19', '2023-11-18'] }],
      },
    ]);
  });

  it('marks a referral with no further action as the census projection reads it', () => {
    const r = run(child('DfE2', [details({ ReferralNFA: true, CINclosureDate: '2023-05-03', ReasonForClosure: 'RC8' })]));
    expect(r.problems).toEqual([]);
    expect(r.lines.map((l) => [l.type, l.date, l.data.outcome ?? null, l.data.referralNFA ?? null, l.data.closureReason ?? null])).toEqual([
      ['contact.received', '2023-05-02', null, null, null],
      ['threshold.decided', '2023-05-03', 'no_further_action', true, 'after_assessment_nfa'],
    ]);
  });

  it.each([
    ['an unknown referral source', { ReferralSource: '99' }, 'ReferralSource "99" is not a DfE referral source code'],
    ['an unknown primary need', { PrimaryNeedCode: 'N12' }, 'PrimaryNeedCode "N12" is not N0-N9'],
    ['an unknown reason for closure', { CINclosureDate: '2023-06-01', ReasonForClosure: 'RC0' }, 'ReasonForClosure "RC0" is not RC1-RC9'],
    ['a closure without its reason', { CINclosureDate: '2023-06-01' }, 'CINclosureDate 2023-06-01 has no ReasonForClosure'],
    ['a closure before the referral', { CINclosureDate: '2023-04-01', ReasonForClosure: 'RC7' }, 'CINclosureDate 2023-04-01 is before CINreferralDate 2023-05-02'],
    ['a referral after today', { CINreferralDate: '2027-01-01' }, 'CINreferralDate 2027-01-01 is after today'],
    ['an unknown factor', { Assessments: [{ AssessmentActualStartDate: '2023-05-03', AssessmentAuthorisationDate: '2023-06-01', AssessmentFactors: ['RB'] }] }, 'AssessmentFactors "RB" is not a DfE assessment factor code'],
    ['an assessment signed off before it started', { Assessments: [{ AssessmentActualStartDate: '2023-06-03', AssessmentAuthorisationDate: '2023-06-01', AssessmentFactors: [] }] }, 'AssessmentAuthorisationDate 2023-06-01 is before AssessmentActualStartDate 2023-06-03'],
    ['work before the referral', { Section47: [{ S47ActualStartDate: '2023-04-02', InitialCPCtarget: null, DateOfInitialCPC: null, ICPCnotRequired: null }] }, 'S47ActualStartDate 2023-04-02 is before CINreferralDate 2023-05-02'],
    ['work after the closure', { CINclosureDate: '2023-06-01', ReasonForClosure: 'RC7', CINPlanDates: [{ CINPlanStartDate: '2023-07-01', CINPlanEndDate: null }] }, 'CINPlanStartDate 2023-07-01 is after CINclosureDate 2023-06-01'],
    ['an unknown category of abuse', { ChildProtectionPlans: [{ CPPstartDate: '2023-05-20', CPPendDate: null, InitialCategoryOfAbuse: 'XXX', LatestCategoryOfAbuse: null, NumberOfPreviousCPP: 0, Reviews: [] }] }, 'InitialCategoryOfAbuse "XXX" is not NEG, PHY, SAB, EMO or MUL'],
    ['a review outside the plan', { ChildProtectionPlans: [{ CPPstartDate: '2023-05-20', CPPendDate: '2023-06-20', InitialCategoryOfAbuse: 'NEG', LatestCategoryOfAbuse: 'NEG', NumberOfPreviousCPP: 0, Reviews: ['2023-07-01'] }] }, 'CPPreviewDate 2023-07-01 is not after CPPstartDate'],
    ['overlapping child in need plans', { CINPlanDates: [{ CINPlanStartDate: '2023-06-01', CINPlanEndDate: null }, { CINPlanStartDate: '2023-07-01', CINPlanEndDate: null }] }, 'child in need plans cannot overlap'],
    ['a referral with no further action and work', { ReferralNFA: true, Assessments: [{ AssessmentActualStartDate: '2023-05-03', AssessmentAuthorisationDate: null, AssessmentFactors: [] }] }, 'ReferralNFA is true'],
  ])('refuses %s, naming the child', (_what, d, reason) => {
    const r = run(child('OK1', [details({})]), child('DfE3', [details(d as Partial<CinDetails>)]));
    expect(r.problems).toEqual([{ file: 'CIN_Census_2024.xml', row: 2, reason: expect.stringContaining(reason) }]);
    expect(r.problems[0]?.reason).toMatch(/^Child 2 \(LAchildID DfE3\): CINdetails 1: /);
  });

  it('refuses overlapping episodes of need, a child listed twice, a child without an id, and unknown codes of the child', () => {
    const r = run(
      child('A', [details({}), details({ CINreferralDate: '2023-06-01' })]),
      child('A', [details({})]),
      child('', []),
      child('B', [], { Sex: 'X', PersonBirthDate: null }),
    );
    expect(r.problems.map((p) => [p.row, p.reason])).toEqual([
      [1, expect.stringContaining('CINdetails 2 starts on 2023-06-01, before CINdetails 1 has ended (it has no end date): episodes of need (rules.csv 8815, 8820) cannot overlap')],
      [2, 'Child 2 (LAchildID A): LAchildID A is also Child 1: give each child one Child element, with all their episodes of need in it'],
      [3, expect.stringContaining('LAchildID is missing')],
      [4, expect.stringContaining('Sex "X" is not M, F or U')],
    ]);
    // A missing date of birth matters only for a child Hearth must add.
    expect(r.children.find((c) => c.child === 'B')?.toAdd).toEqual([expect.stringContaining('PersonBirthDate (or ExpectedPersonBirthDate for an unborn child) is missing')]);
  });
});
