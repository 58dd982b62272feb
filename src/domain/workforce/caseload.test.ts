import { describe, expect, it } from 'vitest';
import { caseWeight, caseloadLimitOn, caseloadStatus, frontDoorConcerns, headroom, overLimitRefusal, practitionerOfRoles, practitionerRatio, ratioPlace, roundCases, workerCaseload } from './caseload';
import type { WorkforceProfile } from './profile';

const base: Pick<WorkforceProfile, 'practitioner' | 'fte' | 'caseloadMinimum' | 'caseloadMaximum' | 'asyeEndsOn'> = {
  practitioner: 'qualified_social_worker',
  fte: 1,
  caseloadMinimum: null,
  caseloadMaximum: null,
  asyeEndsOn: null,
};

describe('case weights (specialist-service-statement.txt 5.2: "the relative complexity of cases")', () => {
  it('counts standard as 1, complex as 1.5, high as 2, and an unassessed case as 1', () => {
    expect(caseWeight({ data: { weight: 'standard' } })).toBe(1);
    expect(caseWeight({ data: { weight: 'complex' } })).toBe(1.5);
    expect(caseWeight({ data: { weight: 'high' } })).toBe(2);
    expect(caseWeight(null)).toBe(1);
    expect(caseWeight({ data: { weight: 'enormous' } })).toBe(1);
  });

  it('adds up without floating-point noise', () => {
    expect(roundCases(0.1 + 0.2)).toBe(0.3);
    expect(roundCases([1, 1.5, 2, 1.5, 1, 1, 2].reduce((a, b) => a + b, 0))).toBe(10);
  });
});

describe('caseloadLimitOn (5.2)', () => {
  it('gives a full-time qualified social worker 20 to 25, and a part-time one the same per FTE', () => {
    expect(caseloadLimitOn(base, '2026-11-20')).toEqual({ minimum: 20, maximum: 25, basis: 'service', protected: false });
    expect(caseloadLimitOn({ ...base, fte: 0.6 }, '2026-11-20')).toMatchObject({ minimum: 12, maximum: 15 });
    expect(caseloadLimitOn({ ...base, fte: 0.7 }, '2026-11-20')).toMatchObject({ minimum: 14, maximum: 17.5 });
  });

  it('protects a newly qualified worker in the assessed and supported year (15 per FTE, no minimum), and not after it', () => {
    const nqsw = { ...base, practitioner: 'newly_qualified_social_worker' as const, asyeEndsOn: '2027-09-06' };
    expect(caseloadLimitOn(nqsw, '2026-11-20')).toEqual({ minimum: null, maximum: 15, basis: 'protected', protected: true });
    expect(caseloadLimitOn({ ...nqsw, fte: 0.8 }, '2027-09-06')).toMatchObject({ maximum: 12, protected: true });
    expect(caseloadLimitOn(nqsw, '2027-09-07')).toEqual({ minimum: 20, maximum: 25, basis: 'service', protected: false });
  });

  it('lets a manager’s figures override the default, as set (not scaled again by hours)', () => {
    expect(caseloadLimitOn({ ...base, fte: 0.5, caseloadMaximum: 14 }, '2026-11-20')).toEqual({ minimum: 10, maximum: 14, basis: 'manager', protected: false });
    expect(caseloadLimitOn({ ...base, practitioner: 'personal_adviser', caseloadMinimum: 18, caseloadMaximum: 22 }, '2026-11-20')).toMatchObject({ minimum: 18, maximum: 22, basis: 'manager' });
    // A maximum below the default minimum leaves no minimum; a minimum above the default maximum raises it.
    expect(caseloadLimitOn({ ...base, fte: 0.6, caseloadMaximum: 4 }, '2026-11-20')).toMatchObject({ minimum: null, maximum: 4 });
    expect(caseloadLimitOn({ ...base, caseloadMinimum: 28 }, '2026-11-20')).toMatchObject({ minimum: 28, maximum: 28 });
  });

  it('gives family support practitioners the social workers’ numbers, and no default limit to others', () => {
    expect(caseloadLimitOn({ ...base, practitioner: 'family_support_practitioner' }, '2026-11-20')).toMatchObject({ minimum: 20, maximum: 25 });
    for (const practitioner of ['personal_adviser', 'early_help_worker', 'manager', 'youth_justice_officer'] as const) {
      expect(caseloadLimitOn({ ...base, practitioner }, '2026-11-20')).toEqual({ minimum: null, maximum: null, basis: 'none', protected: false });
    }
  });
});

describe('caseloadStatus and headroom', () => {
  const limit = { minimum: 20, maximum: 25 };
  it('says under minimum, within, at the limit (less than one case of room) and over', () => {
    expect(caseloadStatus(12, limit)).toBe('under_minimum');
    expect(caseloadStatus(20, limit)).toBe('within');
    expect(caseloadStatus(24, limit)).toBe('within');
    expect(caseloadStatus(24.5, limit)).toBe('at_limit');
    expect(caseloadStatus(25, limit)).toBe('at_limit');
    expect(caseloadStatus(25.5, limit)).toBe('over_limit');
    expect(caseloadStatus(9, { minimum: null, maximum: null })).toBe('no_limit');
    expect(caseloadStatus(3, { minimum: null, maximum: 15 })).toBe('within');
  });

  it('gives the room left, negative when over', () => {
    expect(headroom(18.5, limit)).toBe(6.5);
    expect(headroom(27, limit)).toBe(-2);
    expect(headroom(4, { maximum: null })).toBeNull();
  });
});

describe('overLimitRefusal: allocation beyond the limit needs a manager’s reason (issue 12)', () => {
  const worker = (weighted: number, maximum: number | null, isProtected = false) => ({ name: 'Sam Patel', weighted, limit: { minimum: null, maximum, basis: 'service' as const, protected: isProtected } });

  it('allows an allocation up to the limit exactly', () => {
    expect(overLimitRefusal(worker(24, 25), 1)).toBeNull();
    expect(overLimitRefusal(worker(23.5, 25), 1.5)).toBeNull();
    expect(overLimitRefusal(worker(40, null), 2)).toBeNull();
  });

  it('says the weighted caseload, the limit and how far over', () => {
    expect(overLimitRefusal(worker(24.5, 25), 1.5)).toBe(
      "Sam Patel's weighted caseload is 24.5 against a caseload limit of 25: this case (weighted 1.5) would take it to 26, 1 case over. Allocate to someone else, or enter the manager’s reason for allocating beyond the limit",
    );
    expect(overLimitRefusal(worker(14, 15, true), 2)).toContain('protected caseload limit (newly qualified, in the assessed and supported year) of 15: this case (weighted 2) would take it to 16, 1 case over');
    expect(overLimitRefusal(worker(26, 25), 1)).toContain('would take it to 27, 2 cases over');
  });
});

describe('practitionerRatio (5.3: about 6 practitioners to each manager)', () => {
  it('flags a team clearly above it, or with no manager', () => {
    expect(practitionerRatio(6, 1)).toEqual({ ratio: 6, flagged: false });
    expect(practitionerRatio(7, 1)).toEqual({ ratio: 7, flagged: false });
    expect(practitionerRatio(15, 2)).toEqual({ ratio: 7.5, flagged: true });
    expect(practitionerRatio(3, 0)).toEqual({ ratio: null, flagged: true });
    expect(practitionerRatio(0, 0)).toEqual({ ratio: null, flagged: false });
  });
});

describe('frontDoorConcerns (7.1.3)', () => {
  it('asks for two qualified social workers with room, decisions within 24 hours, and room for what is waiting', () => {
    expect(frontDoorConcerns({ qualifiedAvailable: 3, awaitingDecision: 4, awaitingDecisionOverdue: 0, headroom: 9.5 })).toEqual([]);
    expect(frontDoorConcerns({ qualifiedAvailable: 1, awaitingDecision: 6, awaitingDecisionOverdue: 2, headroom: 3 })).toEqual([
      'Only 1 qualified social worker has room for a new referral: the duty rota needs at least 2 per session (7.1.3)',
      '2 children are past the 24 hours for a threshold decision',
      'The duty teams have room for 3 more standard cases and 6 children are awaiting a threshold decision: consider transferring children in need cases on (7.1.3)',
    ]);
  });
});

describe('workerCaseload: a worker’s weighted caseload against their limit', () => {
  it('assumes a social worker with no profile is a full-time qualified social worker', () => {
    // Sam holds 18 cases: 12 standard, 4 complex, 2 high = 12 + 6 + 4 = 22.
    const weights = [...Array(12).fill(1), ...Array(4).fill(1.5), 2, 2];
    expect(workerCaseload(null, ['social-worker'], weights, '2026-11-20')).toMatchObject({ recorded: false, cases: 18, weighted: 22, status: 'within', headroom: 3, limit: { minimum: 20, maximum: 25 } });
  });

  it('protects a newly qualified worker on their recorded profile, and shows a part-timer over their limit', () => {
    const nqsw = { practitioner: 'newly_qualified_social_worker' as const, fte: 1, caseloadMinimum: null, caseloadMaximum: null, inductionEndsOn: '2026-10-02', asyeEndsOn: '2027-06-30', lineManagerId: null };
    expect(workerCaseload(nqsw, ['social-worker'], [1, 1, 1.5, 1, 2, 1, 1, 1.5], '2026-11-20')).toMatchObject({ recorded: true, weighted: 10, status: 'within', headroom: 5, limit: { protected: true, maximum: 15 } });
    const partTime = { ...nqsw, practitioner: 'qualified_social_worker' as const, fte: 0.6, inductionEndsOn: null, asyeEndsOn: null };
    expect(workerCaseload(partTime, ['social-worker'], [...Array(14).fill(1), 1.5, 2], '2026-11-20')).toMatchObject({ cases: 16, weighted: 17.5, status: 'over_limit', headroom: -2.5, limit: { minimum: 12, maximum: 15 } });
  });

  it('gives managers and personal advisers no limit unless one is set', () => {
    expect(workerCaseload(null, ['team-manager'], [1, 1], '2026-11-20')).toMatchObject({ status: 'no_limit', headroom: null, profile: { practitioner: 'manager' } });
    expect(workerCaseload(null, ['personal-adviser'], [1], '2026-11-20').status).toBe('no_limit');
    expect(practitionerOfRoles(['team-manager', 'youth-justice-officer'])).toBe('manager');
  });
});

describe('ratioPlace (5.3)', () => {
  it('counts team and deputy managers as managers, practitioners by case-work role, and leaves out service managers and administration', () => {
    expect(ratioPlace(['team-manager'])).toBe('manager');
    expect(ratioPlace(['assistant-team-manager'])).toBe('manager');
    expect(ratioPlace(['social-worker'])).toBe('practitioner');
    expect(ratioPlace(['occupational-therapist'])).toBe('practitioner');
    expect(ratioPlace(['service-manager'])).toBeNull();
    expect(ratioPlace(['business-support'])).toBeNull();
  });
});
