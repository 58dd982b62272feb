import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../records/events';
import { approvalRefusal, assessmentDueOn, defaultRenewal, missingBeforeAssessment, recruitmentOf, renewalState, reportNoticeDays, temporaryApprovalRefusal, temporaryExtensionRefusal } from './recruitment';
import { describeTerms, termsOf, termsSchema } from './terms';

let n = 0;
const ev = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++n}`, type, occurredAt: new Date(at), recordedByName: 'Lucy Barnes', data });
const terms = { children: 2, ageFrom: 0, ageTo: 10, gender: 'any', careTypes: ['short_term'] };

/** An application ready for its assessment: household, worker, every check and the training. */
function ready(applicationAt = '2026-03-31T11:00:00+01:00'): WorkflowEvent[] {
  return [
    ev('fostering.enquiry_received', '2026-02-27T10:00:00Z', { source: 'phone', interest: 'mainstream' }),
    ev('fostering.household_member_added', '2026-03-02T10:00:00Z', { memberId: 'm2', name: 'Daniel', relationship: 'second_applicant' }),
    ev('fostering.household_member_added', '2026-03-02T10:00:00Z', { memberId: 'm3', name: 'Ruth', relationship: 'adult_child_elsewhere' }),
    ev('fostering.household_member_added', '2026-03-02T10:00:00Z', { memberId: 'm4', name: 'Ben', relationship: 'adult_in_household' }),
    ev('fostering.application_completed', applicationAt, { kind: 'mainstream' }),
    ev('fostering.assessing_worker_allocated', applicationAt, { workerId: 'w1', workerName: 'Lucy Barnes', limitedExperience: false }),
    ...['applicant', 'm2', 'm4'].map((m) => ev('fostering.check_recorded', applicationAt, { memberId: m, check: 'dbs', completedOn: '2026-03-31', outcome: 'satisfactory' })),
    ...['applicant', 'm2'].flatMap((m) => ['health', 'references', 'local_authority'].map((check) => ev('fostering.check_recorded', applicationAt, { memberId: m, check, completedOn: '2026-03-31', outcome: 'satisfactory' }))),
    ev('fostering.training_attended', '2026-04-20T10:00:00+01:00', { course: 'skills_to_foster', attendees: ['Amara', 'Daniel'] }),
  ];
}

describe('fostering recruitment (Family Placement 1-20)', () => {
  it('is due 6 months from the completed application, keeping the day of the month (standard 10)', () => {
    expect(assessmentDueOn('2026-03-31')).toBe('2026-09-30');
    expect(assessmentDueOn('2025-12-24')).toBe('2026-06-24');
    expect(assessmentDueOn('2026-08-31')).toBe('2027-02-28');
  });

  it('asks for every check of every adult in the household and the training before the assessment (standards 5-8)', () => {
    const events = ready();
    expect(missingBeforeAssessment(recruitmentOf(events, 'Amara'))).toEqual([]);
    // Without Ben's DBS (an adult living in the household) or the training; Ruth lives elsewhere and needs none.
    const withoutBen = events.filter((e) => !(e.data.memberId === 'm4' && e.data.check === 'dbs') && e.type !== 'fostering.training_attended');
    expect(missingBeforeAssessment(recruitmentOf(withoutBen, 'Amara'))).toEqual([
      'Record the DBS check for Ben (Family Placement 8)',
      'Record the preparation training the applicants attended (Family Placement 7)',
    ]);
    const overseen = [...events, ev('fostering.assessing_worker_allocated', '2026-04-01T10:00:00Z', { workerId: 'w2', workerName: 'New Worker', limitedExperience: true })];
    expect(missingBeforeAssessment(recruitmentOf(overseen, 'Amara'))).toEqual(['Name the experienced practitioner or manager overseeing the assessment (Family Placement 5)']);
  });

  it('follows the stages, and approves only on a panel recommendation made since the assessment (standards 11-15)', () => {
    const events = ready();
    expect(recruitmentOf(events, 'Amara').stage).toBe('assessment');
    events.push({ ...ev('fostering.assessment_completed', '2026-08-12T12:00:00+01:00', { recommendation: 'approve', terms }), recordedBy: 'w1' });
    let s = recruitmentOf(events, 'Amara');
    expect(s.stage).toBe('awaiting_panel');
    expect([s.assessment?.byId, s.signedOff]).toEqual(['w1', null]);
    events.push({ ...ev('fostering.assessment_signed_off', '2026-08-13T12:00:00+01:00', { comments: 'Ready' }), recordedByName: 'Owen Parry' });
    expect(recruitmentOf(events, 'Amara').signedOff).toEqual({ on: '2026-08-13', byName: 'Owen Parry', comments: 'Ready' });
    expect(approvalRefusal(s, '2026-08-12')).toMatch(/Record the Fostering Panel’s recommendation first/);
    events.push(ev('fostering.report_shared', '2026-08-14T16:00:00+01:00', { about: 'assessment' }), ev('fostering.panel_considered', '2026-09-01T12:00:00+01:00', { about: 'application', recommendation: 'defer', attended: true }));
    s = recruitmentOf(events, 'Amara');
    expect(s.stage).toBe('awaiting_panel');
    expect(approvalRefusal(s, '2026-09-01')).toMatch(/deferred/);
    // An annual review's panel (the carers' part) is not the application's.
    events.push(ev('fostering.panel_considered', '2026-10-06T12:00:00+01:00', { about: 'carer_review', recommendation: 'continue' }));
    expect(recruitmentOf(events, 'Amara').panel?.on).toBe('2026-09-01');
    events.push(ev('fostering.panel_considered', '2026-10-06T12:00:00+01:00', { about: 'application', recommendation: 'approve', terms, attended: true }));
    s = recruitmentOf(events, 'Amara');
    expect(s.stage).toBe('awaiting_decision');
    expect(approvalRefusal(s, '2026-10-06')).toBeNull();
    events.push(ev('fostering.adm_decided', '2026-10-09T12:00:00+01:00', { decision: 'approve', terms }), ev('fostering.carer_approved', '2026-10-09T12:00:00+01:00', { terms, approvalKind: 'mainstream', decisionOn: '2026-10-09' }));
    s = recruitmentOf(events, 'Amara');
    expect(s.stage).toBe('approved');
    expect(approvalRefusal(s, '2026-10-09')).toBe('The agency decision maker has already decided on this application');
    expect(s.approval?.terms).toEqual(terms);
  });

  it('gives 28 days after a qualifying determination, then follows the route chosen (standard 16)', () => {
    const events = [...ready(), ev('fostering.assessment_completed', '2026-08-12T12:00:00+01:00', { recommendation: 'not_approve' }), ev('fostering.report_shared', '2026-08-14T12:00:00+01:00', { about: 'assessment' }), ev('fostering.panel_considered', '2026-09-01T12:00:00+01:00', { about: 'application', recommendation: 'not_approve' })];
    events.push(ev('fostering.adm_decided', '2026-09-04T12:00:00+01:00', { decision: 'qualifying_determination', responseBy: '2026-10-02' }));
    let s = recruitmentOf(events, 'Amara');
    expect(s.stage).toBe('qualifying_determination');
    expect(approvalRefusal(s, '2026-10-02')).toBe('The applicant has until 2026-10-02 to make representations or apply to the IRM: record their response, or wait until then');
    events.push(ev('fostering.qualifying_determination_response', '2026-09-20T12:00:00+01:00', { route: 'representations' }));
    s = recruitmentOf(events, 'Amara');
    expect(approvalRefusal(s, '2026-09-21')).toBe('Record the Fostering Panel’s reconsideration of the representations first');
    events.push(ev('fostering.panel_considered', '2026-10-06T12:00:00+01:00', { about: 'application', recommendation: 'approve', terms }));
    expect(approvalRefusal(recruitmentOf(events, 'Amara'), '2026-10-06')).toBeNull();
  });

  it('takes no panel without a real recommendation on the application as the panel: no approval on it (standards 11-15)', () => {
    const assessed = [...ready(), ev('fostering.assessment_completed', '2026-08-12T12:00:00+01:00', { recommendation: 'approve', terms }), ev('fostering.report_shared', '2026-08-14T12:00:00+01:00', { about: 'assessment' })];
    // A panel event written with no data (the general "Record work" form), or with no recommendation, is not the application's panel.
    for (const data of [{}, { recommendation: 'approve' }, { about: 'application' }, { about: 'application', recommendation: 'maybe' }]) {
      const s = recruitmentOf([...assessed, ev('fostering.panel_considered', '2026-09-01T12:00:00+01:00', data)], 'Amara');
      expect([s.panel, s.stage]).toEqual([null, 'awaiting_panel']);
      expect(approvalRefusal(s, '2026-09-04')).toMatch(/Record the Fostering Panel’s recommendation first/);
    }
    // A report shared with no data is not the assessment's report.
    expect(recruitmentOf([...assessed.slice(0, -1), ev('fostering.report_shared', '2026-08-14T12:00:00+01:00')], 'Amara').reportShared).toBeNull();
    // A panel that recommended not approving: no approval without a qualifying determination and the IRM panel recommending approval.
    const refused = [...assessed, ev('fostering.panel_considered', '2026-09-01T12:00:00+01:00', { about: 'application', recommendation: 'not_approve' })];
    expect(approvalRefusal(recruitmentOf(refused, 'Amara'), '2026-09-04')).toBe('The Fostering Panel recommended not to approve: the agency decision maker gives a qualifying determination, and approves only on the Independent Review Mechanism panel’s recommendation or the Fostering Panel’s reconsideration');
    refused.push(ev('fostering.adm_decided', '2026-09-04T12:00:00+01:00', { decision: 'qualifying_determination', responseBy: '2026-10-02' }));
    expect(approvalRefusal(recruitmentOf(refused, 'Amara'), '2026-10-05')).toBe('The Fostering Panel recommended not to approve: the agency decision maker gives a qualifying determination, and approves only on the Independent Review Mechanism panel’s recommendation or the Fostering Panel’s reconsideration');
    refused.push(ev('fostering.qualifying_determination_response', '2026-09-20T12:00:00+01:00', { route: 'irm' }));
    expect(approvalRefusal(recruitmentOf(refused, 'Amara'), '2026-09-21')).toBe('Record the Independent Review Mechanism panel’s recommendation first');
    expect(approvalRefusal(recruitmentOf([...refused, ev('fostering.irm_recommendation', '2026-11-10T12:00:00Z', { recommendation: 'not_approve' })], 'Amara'), '2026-11-11')).toBe('Both the Fostering Panel and the Independent Review Mechanism panel recommended not to approve');
    expect(approvalRefusal(recruitmentOf([...refused, ev('fostering.irm_recommendation', '2026-11-10T12:00:00Z', { recommendation: 'approve' })], 'Amara'), '2026-11-11')).toBeNull();
  });

  it('reads a withdrawal, and a new application starts again', () => {
    const events = [...ready('2025-01-10T12:00:00Z'), ev('fostering.application_withdrawn', '2025-03-01T12:00:00Z', { reason: 'Moving house' })];
    expect(recruitmentOf(events, 'Amara').stage).toBe('withdrawn');
    events.push(ev('fostering.application_completed', '2026-01-05T12:00:00Z', { kind: 'mainstream' }));
    const s = recruitmentOf(events, 'Amara');
    expect(s.stage).toBe('assessment');
    expect(s.application?.on).toBe('2026-01-05');
  });

  it('renews a DBS check every 3 years and shows renewals due and overdue (standard 8)', () => {
    expect(defaultRenewal('dbs', '2023-02-28')).toBe('2026-02-28');
    expect(defaultRenewal('references', '2023-02-28')).toBeNull();
    const check = { eventId: 'x', memberId: 'applicant', check: 'dbs' as const, completedOn: '2023-12-28', outcome: 'satisfactory', renewOn: '2026-12-28', notes: null };
    expect(renewalState(check, '2026-06-01')).toBe('current');
    expect(renewalState(check, '2026-10-01')).toBe('due_soon');
    expect(renewalState(check, '2026-12-29')).toBe('overdue');
  });

  it('counts the days the applicant had the report before the panel (standard 13)', () => {
    // Given Friday 14 August 2026, panel Tuesday 1 September after the summer bank holiday: 18 days.
    expect(reportNoticeDays('2026-08-14', '2026-09-01')).toBe(18);
    expect(reportNoticeDays('2026-03-25', '2026-04-07')).toBe(13); // across Easter 2026: short by a day
  });

  it('approves a connected person temporarily for 16 weeks only after a positive viability, and extends once (regs 24-25)', () => {
    const base = [ev('fostering.viability_assessed', '2026-04-01T10:00:00+01:00', { childId: 'c1', childName: 'Mia', outcome: 'negative' })];
    expect(temporaryApprovalRefusal(recruitmentOf(base, 'Grace'), 'c1')).toBe('The latest viability assessment for this child was not positive');
    expect(temporaryApprovalRefusal(recruitmentOf(base, 'Grace'), 'c2')).toBe('Record a viability assessment for this child first');
    const events = [...base, ev('fostering.viability_assessed', '2026-04-02T10:00:00+01:00', { childId: 'c1', childName: 'Mia', outcome: 'positive' })];
    expect(temporaryApprovalRefusal(recruitmentOf(events, 'Grace'), 'c1')).toBeNull();
    events.push(ev('fostering.carer_approved', '2026-04-02T12:00:00+01:00', { terms: { ...terms, children: 1, careTypes: ['family_and_friends'], namedChildIds: ['c1'] }, approvalKind: 'temporary_connected_person' }));
    let s = recruitmentOf(events, 'Grace');
    expect(s.stage).toBe('temporarily_approved');
    expect(s.temporary?.expiresOn).toBe('2026-07-23');
    expect(temporaryExtensionRefusal(s)).toMatch(/record the connected person’s completed application first/);
    events.push(ev('fostering.application_completed', '2026-04-10T12:00:00+01:00', { kind: 'connected_person', childIds: ['c1'] }));
    s = recruitmentOf(events, 'Grace');
    expect(s.stage).toBe('application');
    expect(temporaryExtensionRefusal(s)).toBeNull();
    events.push(ev('fostering.temporary_approval_extended', '2026-07-20T12:00:00+01:00', { until: '2026-09-17' }));
    s = recruitmentOf(events, 'Grace');
    expect(s.temporary).toMatchObject({ expiresOn: '2026-09-17', extended: true });
    expect(temporaryExtensionRefusal(s)).toBe('A temporary approval can be extended only once, by up to 8 weeks (reg 25)');
  });
});

describe('terms of approval (Family Placement 18)', () => {
  it('checks the number, ages, gender and types of care', () => {
    expect(termsOf(terms)).toEqual(terms);
    expect(termsOf({ ...terms, children: 7 })).toBeNull();
    const problems = termsSchema.safeParse({ children: 0, ageFrom: 12, ageTo: 5, gender: 'x', careTypes: [] });
    expect(problems.success ? [] : problems.error.issues.map((i) => i.message)).toEqual([
      'The number of children must be between 1 and 6',
      'Select the gender of children the carer is approved for',
      'Select at least one type of care',
    ]);
    expect(termsSchema.safeParse({ ...terms, ageFrom: 12, ageTo: 5 }).error?.issues.map((i) => i.message)).toEqual(['The oldest age must be the same as or more than the youngest age']);
  });

  it('reads the terms in words', () => {
    expect(describeTerms({ children: 1, ageFrom: 5, ageTo: 5, gender: 'female', careTypes: ['family_and_friends'], namedChildIds: ['c1'] }, () => 'Mia Hart')).toBe('1 child, aged 5, girls: Family and friends (connected person); named child: Mia Hart');
  });
});
