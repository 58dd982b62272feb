/**
 * A child the CIN census rules accept, for the rule tests to change one thing at a time
 * (cinRules.test.ts, wholeReturn.test.ts). The census year is 1 April 2025 to 31 March 2026.
 *
 * An earlier referral in April led to no further action. A police referral in May began an
 * episode that is still open: a Child and Family Assessment, a section 47 enquiry whose initial
 * conference on 29 May started a child protection plan, one review, and a step down to a child in
 * need plan on the day the protection plan ended.
 */
import { collectionPeriod } from '../../collectionYear';
import { workingCalendar } from '../../../calendar/workingDays';
import type { CinChild } from '../cinCensusTypes';
import type { CinRuleContext } from './cinRuleContext';

/** England and Wales bank holidays from April 2025 to April 2026. */
export const bankHolidays2026 = [
  '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25',
  '2025-12-25', '2025-12-26', '2026-01-01', '2026-04-03', '2026-04-06',
];

export const context2026: CinRuleContext = {
  period: collectionPeriod(2026),
  laCode: '201',
  calendar: workingCalendar(bankHolidays2026),
};

export function baselineChild(id = 'HRT000123', upn: string | null = 'P201123456789'): CinChild {
  return {
    ChildIdentifiers: {
      LAchildID: id,
      UPN: upn,
      FormerUPN: null,
      UPNunknown: null,
      PersonBirthDate: '2015-06-01',
      ExpectedPersonBirthDate: null,
      Sex: 'F',
      PersonDeathDate: null,
    },
    ChildCharacteristics: { Ethnicity: 'WBRI', Disabilities: ['NONE'] },
    CINdetails: [
      {
        CINreferralDate: '2025-04-03',
        ReferralSource: '2A',
        PrimaryNeedCode: null,
        CINclosureDate: '2025-04-03',
        ReasonForClosure: 'RC7',
        DateOfInitialCPC: null,
        ReferralNFA: true,
        Assessments: [],
        CINPlanDates: [],
        Section47: [],
        ChildProtectionPlans: [],
      },
      {
        CINreferralDate: '2025-05-06',
        ReferralSource: '6',
        PrimaryNeedCode: 'N1',
        CINclosureDate: null,
        ReasonForClosure: null,
        DateOfInitialCPC: null,
        ReferralNFA: false,
        Assessments: [{ AssessmentActualStartDate: '2025-05-07', AssessmentAuthorisationDate: '2025-06-20', AssessmentFactors: ['3B', '4B'] }],
        Section47: [{ S47ActualStartDate: '2025-05-08', InitialCPCtarget: '2025-05-30', DateOfInitialCPC: '2025-05-29', ICPCnotRequired: false }],
        ChildProtectionPlans: [
          {
            CPPstartDate: '2025-05-29',
            CPPendDate: '2025-11-20',
            InitialCategoryOfAbuse: 'NEG',
            LatestCategoryOfAbuse: 'EMO',
            NumberOfPreviousCPP: 0,
            Reviews: ['2025-08-28'],
          },
        ],
        CINPlanDates: [{ CINPlanStartDate: '2025-11-20', CINPlanEndDate: null }],
      },
    ],
  };
}
