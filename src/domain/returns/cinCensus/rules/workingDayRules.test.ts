import { describe, expect, it } from 'vitest';
import { collectionPeriod } from '../../collectionYear';
import { workingCalendar } from '../../../calendar/workingDays';
import type { CinChild } from '../cinCensusTypes';
import type { CinRuleContext } from './cinRuleContext';
import { cinRules } from './index';
import { baselineChild } from './testChild';

/**
 * The two rules that count working days back from 31 March (cin-census/rules.csv 8670Q, 8675Q).
 * The census year ending 31 March 2027 has Good Friday (26 March) and Easter Monday (29 March)
 * inside both counts, so a calendar without them gives a different answer.
 */
const holidays2027 = [
  '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31',
  '2026-12-25', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29',
];
const withBankHolidays: CinRuleContext = { period: collectionPeriod(2027), laCode: '201', calendar: workingCalendar(holidays2027) };
const weekendsOnly: CinRuleContext = { ...withBankHolidays, calendar: workingCalendar([]) };

const rule = (code: string) => cinRules.find((r) => r.code === code)!;

/** A child referred in the 2027 census year with one assessment still open. */
function openAssessmentFrom(start: string): CinChild {
  const child = baselineChild();
  child.CINdetails = [child.CINdetails[1]!];
  const episode = child.CINdetails[0]!;
  episode.CINreferralDate = '2026-12-01';
  episode.Section47 = [];
  episode.ChildProtectionPlans = [];
  episode.CINPlanDates = [];
  episode.Assessments = [{ AssessmentActualStartDate: start, AssessmentAuthorisationDate: null, AssessmentFactors: [] }];
  return child;
}

/** A child with one section 47 enquiry still waiting for its initial conference. */
function openEnquiryFrom(start: string): CinChild {
  const child = openAssessmentFrom('2026-12-02');
  child.CINdetails[0]!.Section47 = [{ S47ActualStartDate: start, InitialCPCtarget: null, DateOfInitialCPC: null, ICPCnotRequired: false }];
  return child;
}

describe('8670Q: an assessment open more than 45 working days before 31 March', () => {
  // 45 working days before Wednesday 31 March 2027, skipping 26 and 29 March, is Monday 25 January.
  it('passes an assessment that started exactly 45 working days before', () => {
    expect(rule('8670Q').check(openAssessmentFrom('2027-01-25'), withBankHolidays)).toEqual([]);
  });

  it('fails one that started the working day before, across the weekend of 23-24 January', () => {
    expect(rule('8670Q').check(openAssessmentFrom('2027-01-22'), withBankHolidays)).toEqual([
      { code: '8670Q', childId: 'HRT000123', fields: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'], at: '2027-01-22' },
    ]);
  });

  it('counts the Easter bank holidays as non-working days', () => {
    // Without them the 45th working day back is 27 January, and 26 January would be too early.
    expect(rule('8670Q').check(openAssessmentFrom('2027-01-26'), withBankHolidays)).toEqual([]);
    expect(rule('8670Q').check(openAssessmentFrom('2027-01-26'), weekendsOnly)).toHaveLength(1);
  });

  it('does not ask about a signed-off assessment however early it began', () => {
    const child = openAssessmentFrom('2026-12-02');
    child.CINdetails[0]!.Assessments[0]!.AssessmentAuthorisationDate = '2027-01-10';
    expect(rule('8670Q').check(child, withBankHolidays)).toEqual([]);
  });
});

describe('8675Q: an enquiry with no initial conference more than 15 working days before 31 March', () => {
  // 15 working days before Wednesday 31 March 2027, skipping 26 and 29 March, is Monday 8 March.
  it('passes an enquiry that started exactly 15 working days before', () => {
    expect(rule('8675Q').check(openEnquiryFrom('2027-03-08'), withBankHolidays)).toEqual([]);
  });

  it('fails one that started the working day before, across the weekend of 6-7 March', () => {
    expect(rule('8675Q').check(openEnquiryFrom('2027-03-05'), withBankHolidays)).toEqual([
      { code: '8675Q', childId: 'HRT000123', fields: ['S47ActualStartDate', 'DateOfInitialCPC'], at: '2027-03-05' },
    ]);
  });

  it('counts Good Friday and Easter Monday as non-working days', () => {
    // Without them the 15th working day back is 10 March, and 9 March would be too early.
    expect(rule('8675Q').check(openEnquiryFrom('2027-03-09'), withBankHolidays)).toEqual([]);
    expect(rule('8675Q').check(openEnquiryFrom('2027-03-09'), weekendsOnly)).toHaveLength(1);
  });

  it('does not ask about an enquiry that ended with no conference needed', () => {
    const child = openEnquiryFrom('2026-12-02');
    child.CINdetails[0]!.Section47[0]!.ICPCnotRequired = true;
    expect(rule('8675Q').check(child, withBankHolidays)).toEqual([]);
  });
});

describe('8569Q: the working day before the census year', () => {
  // 1 April 2027 is a Thursday; the census year 2028 begins then, and Wednesday 31 March is the working day before.
  const context2028: CinRuleContext = { period: collectionPeriod(2028), laCode: '201', calendar: workingCalendar(holidays2027) };
  const nfaReferral = (date: string) => {
    const child = baselineChild();
    child.CINdetails = [{ ...child.CINdetails[0]!, CINreferralDate: date, CINclosureDate: date }];
    return child;
  };

  it('accepts a no-further-action referral on the working day before the year', () => {
    expect(rule('8569Q').check(nfaReferral('2027-03-31'), context2028)).toEqual([]);
  });

  it('asks about one made before that', () => {
    expect(rule('8569Q').check(nfaReferral('2027-03-30'), context2028)).toHaveLength(1);
  });
});
