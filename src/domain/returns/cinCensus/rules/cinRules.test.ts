import { describe, expect, it } from 'vitest';
import type { CinChild, CinDetails } from '../cinCensusTypes';
import { cinRuleByCode, cinRules, validateCinChild } from './index';
import { baselineChild, context2026 } from './testChild';

type Change = (child: CinChild) => void;

// The parts of the baseline child (testChild.ts) the cases change.
const ids = (c: CinChild) => c.ChildIdentifiers;
const nfaEpisode = (c: CinChild) => c.CINdetails[0]!;
const episode = (c: CinChild) => c.CINdetails[1]!;
const assessment = (c: CinChild) => episode(c).Assessments[0]!;
const enquiry = (c: CinChild) => episode(c).Section47[0]!;
const protectionPlan = (c: CinChild) => episode(c).ChildProtectionPlans[0]!;
const cinPlan = (c: CinChild) => episode(c).CINPlanDates[0]!;
const close = (d: CinDetails, date: string | null, reason: string | null) => {
  d.CINclosureDate = date;
  d.ReasonForClosure = reason;
};
const unborn = (c: CinChild, expected: string) => {
  ids(c).PersonBirthDate = null;
  ids(c).ExpectedPersonBirthDate = expected;
  ids(c).Sex = 'U';
};
const reopenNfaEpisodeAsFurtherAction = (c: CinChild) => {
  close(nfaEpisode(c), null, null);
  nfaEpisode(c).ReferralNFA = false;
};
const unchanged: Change = () => {};

/**
 * One row per rule: a change to the baseline child that breaks it, and one that keeps it (the
 * baseline itself where no nearer miss says more).
 */
const cases: { code: string; fail: Change; pass?: Change }[] = [
  // ChildIdentifiers
  { code: '8500', fail: (c) => void (ids(c).LAchildID = '') },
  { code: '1570', fail: (c) => void (ids(c).LAchildID = 'A'.repeat(21)), pass: (c) => void (ids(c).LAchildID = 'A'.repeat(20)) },
  { code: '1580', fail: (c) => void (ids(c).LAchildID = 'HRT-000123') },
  { code: '1510', fail: (c) => void (ids(c).UPN = 'A201123456789') },
  { code: '1530', fail: (c) => void (ids(c).UPN = 'P999123456789'), pass: (c) => void (ids(c).UPN = 'P943123456789') },
  { code: '1540', fail: (c) => void (ids(c).UPN = 'P2011234X6789') },
  { code: '1550', fail: (c) => void (ids(c).UPN = 'P20112345678I'), pass: (c) => void (ids(c).UPN = 'P20112345678A') },
  { code: '1560Q', fail: (c) => void (ids(c).FormerUPN = 'X9876'), pass: (c) => void (ids(c).FormerUPN = 'X98765432123B') },
  { code: '4180', fail: (c) => void (ids(c).Sex = '1'), pass: (c) => void (ids(c).Sex = 'U') },
  { code: '8750', fail: (c) => (unborn(c, '2026-05-01'), void (ids(c).Sex = 'F')), pass: (c) => unborn(c, '2026-05-01') },
  { code: '8520', fail: (c) => void (ids(c).PersonBirthDate = '2026-04-01'), pass: (c) => void (ids(c).PersonBirthDate = '2026-03-31') },
  { code: '8525Q', fail: (c) => void (ids(c).ExpectedPersonBirthDate = '2026-05-01'), pass: (c) => unborn(c, '2026-05-01') },
  { code: '8530Q', fail: (c) => unborn(c, '2027-01-01'), pass: (c) => unborn(c, '2026-12-31') },
  { code: '8535Q', fail: (c) => void (ids(c).PersonDeathDate = '2015-05-31'), pass: (c) => void (ids(c).PersonDeathDate = '2015-06-01') },
  { code: '8545Q', fail: (c) => void (ids(c).PersonDeathDate = '2025-03-31'), pass: (c) => void (ids(c).PersonDeathDate = '2026-03-31') },
  {
    code: '8770Q',
    fail: (c) => (void (ids(c).UPN = null), void (ids(c).UPNunknown = 'UN1')),
    pass: (c) => (void (ids(c).UPN = null), void (ids(c).UPNunknown = 'UN3')),
  },
  {
    code: '8772',
    fail: (c) => (void (ids(c).UPN = null), void (ids(c).UPNunknown = 'UN7')),
    pass: (c) => (void (ids(c).UPN = null), void (ids(c).UPNunknown = 'UN7'), void c.CINdetails.splice(1, 1)),
  },
  { code: '8775Q', fail: (c) => void (ids(c).PersonBirthDate = '2001-03-30'), pass: (c) => void (ids(c).PersonBirthDate = '2001-04-01') },
  { code: '8590', fail: (c) => void (c.CINdetails = []) },
  // ChildCharacteristics
  { code: '4220', fail: (c) => void (c.ChildCharacteristics.Ethnicity = null), pass: (c) => void (c.ChildCharacteristics.Ethnicity = 'NOBT') },
  { code: '8540', fail: (c) => void (c.ChildCharacteristics.Disabilities = []), pass: (c) => void (c.ChildCharacteristics.Disabilities = ['AUT']) },
  { code: '8790', fail: (c) => void (c.ChildCharacteristics.Disabilities = ['NONE', 'MOB']), pass: (c) => void (c.ChildCharacteristics.Disabilities = ['MOB', 'HEAR']) },
  { code: '8794', fail: (c) => void (c.ChildCharacteristics.Disabilities = ['MOB', 'MOB']) },
  // CINdetails
  { code: '8568', fail: (c) => void (episode(c).ReferralNFA = null) },
  {
    // 1 April 2025 is a Tuesday: Monday 31 March is the working day before it, Friday 28 March is not.
    code: '8569Q',
    fail: (c) => void (nfaEpisode(c).CINreferralDate = '2025-03-28'),
    pass: (c) => void (nfaEpisode(c).CINreferralDate = '2025-03-31'),
  },
  { code: '8600', fail: (c) => void (episode(c).CINreferralDate = '2026-04-01'), pass: (c) => void (episode(c).CINreferralDate = '2025-04-01') },
  { code: '8606', fail: (c) => void (ids(c).PersonBirthDate = '2026-03-01'), pass: (c) => void (ids(c).PersonBirthDate = '2025-12-01') },
  { code: '8610', fail: (c) => void (episode(c).PrimaryNeedCode = null) },
  { code: '8650', fail: (c) => void (episode(c).PrimaryNeedCode = 'N10'), pass: (c) => void (episode(c).PrimaryNeedCode = 'N0') },
  { code: '8620', fail: (c) => close(episode(c), '2026-04-01', 'RC7'), pass: (c) => close(episode(c), '2026-03-31', 'RC7') },
  { code: '8630', fail: (c) => void (nfaEpisode(c).CINclosureDate = '2025-04-02') },
  { code: '8640', fail: (c) => void (nfaEpisode(c).ReasonForClosure = 'RC10'), pass: (c) => void (nfaEpisode(c).ReasonForClosure = 'RC9') },
  { code: '8805', fail: (c) => void (nfaEpisode(c).ReasonForClosure = null) },
  { code: '8810', fail: (c) => void (episode(c).ReasonForClosure = 'RC7') },
  { code: '8815', fail: reopenNfaEpisodeAsFurtherAction, pass: (c) => close(nfaEpisode(c), null, null) },
  { code: '8816', fail: reopenNfaEpisodeAsFurtherAction, pass: (c) => close(nfaEpisode(c), null, null) },
  { code: '8820', fail: (c) => void (nfaEpisode(c).CINclosureDate = '2025-05-07'), pass: (c) => void (nfaEpisode(c).CINclosureDate = '2025-05-06') },
  { code: '8825Q', fail: (c) => void (nfaEpisode(c).ReasonForClosure = 'RC8') },
  {
    code: '8831',
    fail: (c) => void nfaEpisode(c).Assessments.push({ AssessmentActualStartDate: '2025-04-03', AssessmentAuthorisationDate: null, AssessmentFactors: [] }),
  },
  { code: '8866', fail: (c) => void (episode(c).ReferralSource = '11'), pass: (c) => void (episode(c).ReferralSource = '10') },
  {
    code: '8867',
    fail: (c) => (close(episode(c), '2026-03-01', 'RC7'), void (assessment(c).AssessmentAuthorisationDate = null)),
    pass: (c) => close(episode(c), '2026-03-01', 'RC7'),
  },
  {
    code: '8868',
    fail: (c) => (close(episode(c), '2026-03-01', 'RC7'), void (enquiry(c).DateOfInitialCPC = null)),
    pass: (c) => (close(episode(c), '2026-03-01', 'RC7'), void (enquiry(c).DateOfInitialCPC = null), void (enquiry(c).ICPCnotRequired = true)),
  },
  { code: '2990', fail: (c) => close(episode(c), '2026-03-01', 'RC9'), pass: (c) => close(episode(c), '2026-03-01', 'RC7') },
  { code: '2991Q', fail: (c) => void (episode(c).Assessments = []) },
  { code: '8555Q', fail: (c) => void (ids(c).PersonDeathDate = '2025-05-05'), pass: (c) => void (ids(c).PersonDeathDate = '2025-05-06') },
  {
    code: '8585Q',
    fail: (c) => void (nfaEpisode(c).ReasonForClosure = 'RC2'),
    pass: (c) => (void (nfaEpisode(c).ReasonForClosure = 'RC2'), void (ids(c).PersonDeathDate = '2025-04-03')),
  },
  { code: '8565', fail: (c) => close(episode(c), '2025-06-19', 'RC7'), pass: (c) => close(episode(c), '2026-03-01', 'RC7') },
  // Assessments
  { code: '1103', fail: (c) => void (assessment(c).AssessmentActualStartDate = '2025-05-05'), pass: (c) => void (assessment(c).AssessmentActualStartDate = '2025-05-06') },
  { code: '8608', fail: (c) => void (assessment(c).AssessmentAuthorisationDate = '2025-05-06') },
  { code: '8614', fail: (c) => void (assessment(c).AssessmentAuthorisationDate = null) },
  {
    // Forty-five working days before 31 March 2026 is 27 January 2026; the working-day edges are in workingDayRules.test.ts.
    code: '8670Q',
    fail: (c) => Object.assign(assessment(c), { AssessmentAuthorisationDate: null, AssessmentFactors: [] }),
    pass: (c) => Object.assign(assessment(c), { AssessmentActualStartDate: '2026-01-27', AssessmentAuthorisationDate: null, AssessmentFactors: [] }),
  },
  { code: '8696', fail: (c) => void (assessment(c).AssessmentAuthorisationDate = '2026-04-01'), pass: (c) => void (assessment(c).AssessmentAuthorisationDate = '2026-03-31') },
  {
    code: '8736',
    fail: (c) => Object.assign(assessment(c), { AssessmentActualStartDate: '2025-03-31', AssessmentAuthorisationDate: null, AssessmentFactors: [] }),
    pass: (c) => Object.assign(assessment(c), { AssessmentActualStartDate: '2025-04-01', AssessmentAuthorisationDate: null, AssessmentFactors: [] }),
  },
  {
    code: '8863Q',
    fail: (c) =>
      void episode(c).Assessments.push({ AssessmentActualStartDate: '2025-06-20', AssessmentAuthorisationDate: '2025-07-01', AssessmentFactors: ['21'] }),
    pass: (c) =>
      void episode(c).Assessments.push({ AssessmentActualStartDate: '2025-06-21', AssessmentAuthorisationDate: '2025-07-01', AssessmentFactors: ['21'] }),
  },
  { code: '8869', fail: (c) => void (assessment(c).AssessmentFactors = ['21', '3B']), pass: (c) => void (assessment(c).AssessmentFactors = ['21']) },
  {
    code: '8873Q',
    fail: (c) => (close(episode(c), '2026-03-01', 'RC7'), void (assessment(c).AssessmentFactors = ['21'])),
    pass: (c) => (close(episode(c), '2026-03-01', 'RC8'), void (assessment(c).AssessmentFactors = ['21'])),
  },
  {
    code: '8896',
    fail: (c) => {
      assessment(c).AssessmentAuthorisationDate = null;
      assessment(c).AssessmentFactors = [];
      episode(c).Assessments.push({ AssessmentActualStartDate: '2025-07-01', AssessmentAuthorisationDate: null, AssessmentFactors: [] });
    },
    pass: (c) => void episode(c).Assessments.push({ AssessmentActualStartDate: '2025-07-01', AssessmentAuthorisationDate: null, AssessmentFactors: [] }),
  },
  { code: '8897Q', fail: (c) => void (assessment(c).AssessmentFactors = ['99']), pass: (c) => void (assessment(c).AssessmentFactors = ['21']) },
  { code: '8898', fail: (c) => void (assessment(c).AssessmentFactors = ['3B', '3B']) },
  { code: '8945Q', fail: (c) => void (assessment(c).AssessmentFactors = ['18A']), pass: (c) => void (assessment(c).AssessmentFactors = ['18B']) },
  { code: '8950Q', fail: (c) => void (assessment(c).AssessmentFactors = ['19A']), pass: (c) => void (assessment(c).AssessmentFactors = ['19C']) },
  // CINplanDates
  { code: '4000', fail: (c) => void nfaEpisode(c).CINPlanDates.push({ CINPlanStartDate: '2025-04-03', CINPlanEndDate: '2025-04-03' }) },
  {
    code: '4001',
    fail: (c) => void (protectionPlan(c).CPPendDate = null),
    pass: (c) => {
      protectionPlan(c).CPPendDate = null;
      episode(c).CINPlanDates = [{ CINPlanStartDate: '2025-05-07', CINPlanEndDate: '2025-05-29' }];
    },
  },
  { code: '4004', fail: (c) => void episode(c).CINPlanDates.push({ CINPlanStartDate: '2025-12-01', CINPlanEndDate: null }) },
  { code: '4008', fail: (c) => void (ids(c).PersonDeathDate = '2025-11-19'), pass: (c) => void (ids(c).PersonDeathDate = '2025-11-20') },
  {
    code: '4009Q',
    fail: (c) => (void (cinPlan(c).CINPlanEndDate = '2026-01-10'), void (ids(c).PersonDeathDate = '2026-01-09')),
    pass: (c) => (void (cinPlan(c).CINPlanEndDate = '2026-01-10'), void (ids(c).PersonDeathDate = '2026-01-10')),
  },
  { code: '4010', fail: (c) => void (cinPlan(c).CINPlanStartDate = null) },
  { code: '4011', fail: (c) => void (cinPlan(c).CINPlanEndDate = '2025-11-19') },
  { code: '4012Q', fail: (c) => void (cinPlan(c).CINPlanEndDate = '2025-11-20'), pass: (c) => void (cinPlan(c).CINPlanEndDate = '2025-11-21') },
  { code: '4013', fail: (c) => void (cinPlan(c).CINPlanEndDate = '2026-04-01'), pass: (c) => void (cinPlan(c).CINPlanEndDate = '2026-03-31') },
  {
    code: '4014',
    fail: (c) => void episode(c).CINPlanDates.push({ CINPlanStartDate: '2025-12-01', CINPlanEndDate: '2025-12-20' }),
    pass: (c) => {
      cinPlan(c).CINPlanEndDate = '2025-11-30';
      episode(c).CINPlanDates.push({ CINPlanStartDate: '2025-12-01', CINPlanEndDate: '2025-12-20' });
    },
  },
  { code: '4015', fail: (c) => (void (episode(c).CINPlanDates = [{ CINPlanStartDate: '2025-05-05', CINPlanEndDate: '2025-05-29' }])) },
  { code: '4016', fail: (c) => void (cinPlan(c).CINPlanStartDate = '2025-11-19') },
  {
    code: '4017',
    fail: (c) => void (episode(c).CINPlanDates = [{ CINPlanStartDate: '2025-05-20', CINPlanEndDate: '2025-06-10' }, { CINPlanStartDate: '2025-11-20', CINPlanEndDate: null }]),
    pass: (c) => void (episode(c).CINPlanDates = [{ CINPlanStartDate: '2025-05-20', CINPlanEndDate: '2025-05-29' }, { CINPlanStartDate: '2025-11-20', CINPlanEndDate: null }]),
  },
  // Section47
  { code: '1104', fail: (c) => void (enquiry(c).DateOfInitialCPC = '2025-05-05'), pass: (c) => void (enquiry(c).DateOfInitialCPC = '2025-05-06') },
  { code: '2884', fail: (c) => void (episode(c).DateOfInitialCPC = '2025-05-29') },
  { code: '2889', fail: (c) => void (enquiry(c).S47ActualStartDate = '2025-05-05') },
  { code: '8615', fail: (c) => void (enquiry(c).S47ActualStartDate = null), pass: (c) => void (enquiry(c).S47ActualStartDate = '2025-05-29') },
  {
    code: '8675Q',
    fail: (c) => void (enquiry(c).DateOfInitialCPC = null),
    pass: (c) => (void (enquiry(c).DateOfInitialCPC = null), void (enquiry(c).ICPCnotRequired = true)),
  },
  { code: '8715', fail: (c) => void (nfaEpisode(c).DateOfInitialCPC = '2025-03-27') },
  {
    code: '8740',
    fail: (c) => Object.assign(enquiry(c), { S47ActualStartDate: '2025-03-31', DateOfInitialCPC: null }),
    pass: (c) => Object.assign(enquiry(c), { S47ActualStartDate: '2025-03-31', DateOfInitialCPC: null, ICPCnotRequired: true }),
  },
  {
    code: '8839',
    fail: (c) => {
      enquiry(c).DateOfInitialCPC = null;
      episode(c).Section47.push({ S47ActualStartDate: '2025-06-02', InitialCPCtarget: '2025-06-20', DateOfInitialCPC: null, ICPCnotRequired: null });
    },
    pass: (c) => void episode(c).Section47.push({ S47ActualStartDate: '2025-06-02', InitialCPCtarget: '2025-06-20', DateOfInitialCPC: null, ICPCnotRequired: null }),
  },
  { code: '8870Q', fail: (c) => void (enquiry(c).InitialCPCtarget = '2025-05-31') },
  { code: '8875', fail: (c) => void (enquiry(c).DateOfInitialCPC = '2025-05-31') },
  {
    code: '8890',
    fail: (c) => void episode(c).Section47.push({ S47ActualStartDate: '2025-05-29', InitialCPCtarget: '2025-06-19', DateOfInitialCPC: null, ICPCnotRequired: true }),
    pass: (c) => void episode(c).Section47.push({ S47ActualStartDate: '2025-05-30', InitialCPCtarget: '2025-06-20', DateOfInitialCPC: null, ICPCnotRequired: true }),
  },
  // ChildProtectionPlans and Reviews
  { code: '1105', fail: (c) => void (protectionPlan(c).CPPstartDate = '2025-05-05') },
  {
    code: '2885',
    fail: (c) => void (protectionPlan(c).CPPstartDate = '2025-05-30'),
    pass: (c) => (void (protectionPlan(c).CPPstartDate = '2025-05-30'), void (episode(c).DateOfInitialCPC = '2025-05-30')),
  },
  { code: '8720', fail: (c) => void (protectionPlan(c).CPPstartDate = null) },
  { code: '8730', fail: (c) => void (protectionPlan(c).NumberOfPreviousCPP = null), pass: (c) => void (protectionPlan(c).NumberOfPreviousCPP = 3) },
  {
    code: '8832',
    fail: (c) =>
      void nfaEpisode(c).ChildProtectionPlans.push({
        CPPstartDate: '2025-04-03',
        CPPendDate: '2025-04-04',
        InitialCategoryOfAbuse: 'NEG',
        LatestCategoryOfAbuse: 'NEG',
        NumberOfPreviousCPP: 0,
        Reviews: [],
      }),
  },
  { code: '8840', fail: (c) => void (protectionPlan(c).CPPendDate = '2025-05-29') },
  { code: '8841', fail: (c) => void (protectionPlan(c).Reviews = ['2025-05-29']), pass: (c) => void (protectionPlan(c).Reviews = ['2025-05-30']) },
  { code: '8842Q', fail: (c) => void (protectionPlan(c).Reviews = ['2025-08-28', '']) },
  { code: '8905', fail: (c) => void (protectionPlan(c).InitialCategoryOfAbuse = 'SEX'), pass: (c) => void (protectionPlan(c).InitialCategoryOfAbuse = 'MUL') },
  { code: '8910', fail: (c) => void (protectionPlan(c).LatestCategoryOfAbuse = null), pass: (c) => void (protectionPlan(c).LatestCategoryOfAbuse = 'SAB') },
  { code: '8915', fail: (c) => void (ids(c).PersonDeathDate = '2025-05-28'), pass: (c) => void (ids(c).PersonDeathDate = '2025-05-29') },
  {
    code: '8920',
    fail: (c) => void (ids(c).PersonDeathDate = '2025-11-19'),
    pass: (c) => (void (ids(c).PersonDeathDate = '2025-11-19'), void (protectionPlan(c).CPPendDate = '2025-11-19'), void (cinPlan(c).CINPlanStartDate = '2025-11-19')),
  },
  { code: '8925', fail: (c) => void (protectionPlan(c).CPPendDate = '2025-05-28') },
  { code: '8930', fail: (c) => void (protectionPlan(c).CPPendDate = '2026-04-01'), pass: (c) => void (protectionPlan(c).CPPendDate = '2026-03-31') },
  {
    code: '8935',
    fail: (c) => {
      protectionPlan(c).CPPendDate = null;
      episode(c).ChildProtectionPlans.push({ ...protectionPlan(c), CPPstartDate: '2025-12-01', Reviews: [] });
    },
  },
  {
    code: '8940',
    fail: (c) => void episode(c).ChildProtectionPlans.push({ ...protectionPlan(c), CPPstartDate: '2025-11-20', CPPendDate: '2026-01-10', Reviews: [] }),
    pass: (c) => void episode(c).ChildProtectionPlans.push({ ...protectionPlan(c), CPPstartDate: '2025-11-21', CPPendDate: '2026-01-10', Reviews: [] }),
  },
  {
    // The review that ends the protection plan may fall on the day the child in need plan starts.
    code: '4003',
    fail: (c) => void (protectionPlan(c).Reviews = ['2025-08-28', '2025-11-21']),
    pass: (c) => void (protectionPlan(c).Reviews = ['2025-08-28', '2025-11-20']),
  },
];

const ruleFor = (code: string) => {
  const rule = cinRules.find((r) => r.code === code);
  if (!rule) throw new Error(`No child rule ${code}`);
  return rule;
};

describe('CIN census child rules', () => {
  it('accept the baseline child: it passes every rule', () => {
    expect(validateCinChild(baselineChild(), context2026)).toEqual([]);
  });

  it('have a failing and a passing case for every rule', () => {
    expect(cases.map((c) => c.code).sort()).toEqual(cinRules.map((r) => r.code).sort());
  });

  it('are queries exactly when the code ends in Q, and carry the message and a fix', () => {
    for (const rule of cinRules) {
      expect(rule.severity).toBe(rule.code.endsWith('Q') ? 'query' : 'error');
      expect(rule.return).toBe('cin-census');
      expect(rule.message.length).toBeGreaterThan(10);
      expect(rule.fix.length).toBeGreaterThan(10);
      expect(cinRuleByCode(rule.code)).toBe(rule);
    }
  });

  describe.each(cases)('rule $code', ({ code, fail, pass = unchanged }) => {
    it('fails when the record breaks it', () => {
      const child = baselineChild();
      fail(child);
      const failures = ruleFor(code).check(child, context2026);
      expect(failures.length).toBeGreaterThan(0);
      for (const failure of failures) {
        expect(failure.code).toBe(code);
        expect(failure.childId).toBe(child.ChildIdentifiers.LAchildID || null);
        expect(failure.fields.length).toBeGreaterThan(0);
      }
    });

    it('passes when the record keeps it', () => {
      const child = baselineChild();
      pass(child);
      expect(ruleFor(code).check(child, context2026)).toEqual([]);
    });
  });
});

describe('what a failure says', () => {
  it('names the DfE fields and the date of the plan concerned', () => {
    const child = baselineChild();
    protectionPlan(child).CPPendDate = '2025-05-29';
    expect(validateCinChild(child, context2026)).toContainEqual({
      code: '8840',
      childId: 'HRT000123',
      fields: ['CPPstartDate', 'CPPendDate'],
      at: '2025-05-29',
    });
  });

  it('gives the date of the assessment concerned', () => {
    const child = baselineChild();
    assessment(child).AssessmentFactors = ['18A'];
    expect(ruleFor('8945Q').check(child, context2026)).toEqual([
      { code: '8945Q', childId: 'HRT000123', fields: ['AssessmentFactors'], at: '2025-05-07' },
    ]);
  });

  it('reports each overlapping episode of need at its referral date', () => {
    const child = baselineChild();
    nfaEpisode(child).CINclosureDate = '2025-05-07';
    expect(ruleFor('8820').check(child, context2026).map((f) => f.at)).toEqual(['2025-05-06']);
  });

  it('reports both open episodes when two are open', () => {
    const child = baselineChild();
    reopenNfaEpisodeAsFurtherAction(child);
    expect(ruleFor('8815').check(child, context2026).map((f) => f.at)).toEqual(['2025-04-03', '2025-05-06']);
    // Only the earlier one is not the latest episode.
    expect(ruleFor('8816').check(child, context2026).map((f) => f.at)).toEqual(['2025-04-03']);
  });
});

describe('UPN rules', () => {
  it('accept a temporary UPN whose check letter counts its last letter', () => {
    // people/upn.ts works the letter out; the rules must agree with the details page.
    const child = baselineChild();
    ids(child).UPN = 'P20112345678A';
    const upnRules = ['1510', '1530', '1540', '1550'].map(ruleFor);
    const failures = upnRules.flatMap((r) => r.check(child, context2026)).map((f) => f.code);
    // The check letter of 20112345678A is not P, so only 1510 fails: the shape is right.
    expect(failures).toEqual(['1510']);
  });

  it('report a short UPN under the character rules, not the check letter', () => {
    const child = baselineChild();
    ids(child).UPN = 'P2011';
    const failures = ['1510', '1530', '1540', '1550'].flatMap((code) => ruleFor(code).check(child, context2026).map((f) => f.code));
    expect(failures).toEqual(['1540', '1550']);
  });
});
