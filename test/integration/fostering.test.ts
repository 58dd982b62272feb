import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { ForbiddenError, ValidationError } from '../../src/platform/errors';
import { Client, mainText, testApp } from '../support/testApp';
import { makeTeam, makeUser, registerChild, world, type TestWorld } from '../factories';

/** A date's three boxes, as a GOV.UK date input posts them. */
const day = (name: string, date: string) => {
  const [y, m, d] = date.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y };
};
/** How a change was refused: its error's class and message (a refusal of the actor is a ForbiddenError, of the input a ValidationError). */
async function refusal(promise: Promise<unknown>): Promise<[string, string]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ForbiddenError) return ['ForbiddenError', error.message];
    if (error instanceof ValidationError) return ['ValidationError', error.problems.map((p) => `${p.field}: ${p.message}`).join('; ')];
    throw error;
  }
  throw new Error('expected the change to be refused');
}
const terms = { termsChildren: '2', termsAgeFrom: '0', termsAgeTo: '10', termsGender: 'any', termsCareTypes: ['short_term', 'respite'] };

/**
 * Fostering recruitment (practice-standards.txt, Section 3 Family Placement (Fostering) 1-20):
 * an enquiry through application, checks, training, assessment, panel and the agency decision
 * maker to approval, the Foster Care Agreement and the first annual review falling due; a late
 * assessment; a qualifying determination; a connected person's temporary approval.
 */
describe.each(engines())('fostering recruitment on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;
  let fpt: string;
  let staff: Record<'sw' | 'tm' | 'panelAdmin' | 'adm' | 'outsider' | 'head', Awaited<ReturnType<typeof makeUser>>>;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-03-02T10:00:00Z');
    app = await testApp(t);
    fpt = await makeTeam(t.services, undefined, 'family-placement');
    const other = await makeTeam(t.services);
    staff = {
      sw: await makeUser(t.services, { roles: ['social-worker'], teamIds: [fpt] }),
      tm: await makeUser(t.services, { roles: ['team-manager'], teamIds: [fpt] }),
      panelAdmin: await makeUser(t.services, { roles: ['business-support'], teamIds: [fpt] }),
      adm: await makeUser(t.services, { roles: ['agency-decision-maker'] }),
      outsider: await makeUser(t.services, { roles: ['social-worker'], teamIds: [other] }),
      head: await makeUser(t.services, { roles: ['head-of-service'] }),
    };
  });
  afterAll(() => app.close());

  async function enquiry(on: string, givenNames = 'Amara', familyName = `Okoye${Math.random().toString(36).slice(2, 7)}`) {
    const result = await t.services.fostering.newEnquiry(staff.sw, { givenNames, familyName, source: 'website', interest: 'mainstream', ...day('enquiryOn', on) });
    if (result.outcome !== 'recorded') throw new Error('expected the enquiry to be recorded');
    return result.personId;
  }
  /** Household, application, worker, checks and training: ready for the assessment. */
  async function readyForAssessment(personId: string, applicationOn: string) {
    await t.services.fostering.addMember(staff.sw, personId, { memberName: 'Daniel Okoye', relationship: 'second_applicant' });
    await t.services.fostering.completeApplication(staff.sw, personId, { applicationKind: 'mainstream', ...day('applicationOn', applicationOn) });
    await t.services.fostering.allocateWorker(staff.tm, personId, { workerId: staff.sw.actor.userId, limitedExperience: 'no' });
    const s = (await t.services.fostering.view(staff.sw, personId)).s;
    for (const m of s.household.filter((h) => h.applicant)) {
      for (const check of ['dbs', 'health', 'references', 'local_authority']) {
        await t.services.fostering.recordCheck(staff.sw, personId, { checkMemberId: m.memberId, check, checkOutcome: 'satisfactory', ...day('checkOn', applicationOn) });
      }
    }
    await t.services.fostering.training(staff.sw, personId, { course: 'skills_to_foster', attendees: s.household.filter((h) => h.applicant).map((h) => h.memberId), ...day('trainingOn', applicationOn) });
    return s;
  }
  /** The household's page as someone sees it: every stage renders without a fault. */
  async function pageAs(who: keyof typeof staff, personId: string) {
    const client = new Client(app);
    await client.signIn(staff[who].actor.username, staff[who].password);
    const response = await client.get(`/people/${personId}/fostering`);
    expect(response.statusCode).toBe(200);
    // Several forms on one page: no two elements share an id (a label must find its own box).
    const ids = [...response.body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    return mainText(response.body);
  }
  const ruleState = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((o) => o.obligation.ruleId === ruleId).map((o) => [o.obligation.dueDate, o.state]);

  it('takes an application through checks, assessment, panel and the agency decision maker to approval and the agreement', async () => {
    t.clock.set('2026-03-02T10:00:00Z');
    const personId = await enquiry('2026-02-27');
    const record = await t.services.people.find(personId);
    expect(record?.allocatedTeamId).toBe(fpt); // held by the Family Placement Team (7.4.3)
    await t.services.fostering.respond(staff.sw, personId, { how: 'initial_visit', ...day('respondOn', '2026-03-02') });

    // The household: children and an adult child living elsewhere (Family Placement 6); a child's relationship for an adult is refused.
    t.clock.set('2026-03-31T15:00:00+01:00');
    expect(await problems(t.services.fostering.addMember(staff.sw, personId, { memberName: 'Tobi Okoye', relationship: 'birth_child', ...day('memberDob', '2000-01-01') }))).toEqual(['memberDob: This is someone 18 or over: choose an adult’s relationship, or check the date of birth']);
    await t.services.fostering.addMember(staff.sw, personId, { memberName: 'Tobi Okoye', relationship: 'birth_child', ...day('memberDob', '2015-06-01') });
    await t.services.fostering.addMember(staff.sw, personId, { memberName: 'Ruth Okoye', relationship: 'adult_child_elsewhere', ...day('memberDob', '1998-02-11') });
    expect(await problems(t.services.fostering.completeApplication(staff.sw, personId, { ...day('applicationOn', '2026-04-01') }))).toEqual([
      'applicationOn-day: Date the completed application was received must be today or in the past',
      'applicationKind: Select the kind of application',
    ]);
    // Completed application on Tuesday 31 March 2026: the assessment is due 6 months later, across Easter and the August bank holiday.
    await readyForAssessment(personId, '2026-03-31');
    expect(await ruleState(personId, 'fostering.assessment')).toEqual([['2026-09-30', 'due']]);
    expect(await pageAs('sw', personId)).toContain('Enhanced DBS (criminal records) check');
    expect(await pageAs('tm', personId)).toContain('Being assessed');

    // A social worker cannot allocate the assessment: the Team Manager does (7.4.3).
    expect(await refusal(t.services.fostering.allocateWorker(staff.sw, personId, { workerId: staff.sw.actor.userId, limitedExperience: 'no' }))).toEqual(['ForbiddenError', 'You do not have permission to change this record']);
    // A worker of limited experience needs someone overseeing (Family Placement 5).
    expect(await problems(t.services.fostering.allocateWorker(staff.tm, personId, { workerId: staff.sw.actor.userId, limitedExperience: 'yes' }))).toEqual([
      'overseerId: Select who oversees the assessment: a worker with limited experience is overseen by an experienced practitioner or manager (Family Placement 5)',
    ]);
    expect(await problems(t.services.fostering.feedback(staff.sw, personId, {}))).toEqual(['feedbackOn-day: Enter date the applicant was told', 'feedbackSummary: Enter what the applicant was told about their progress']);
    t.clock.set('2026-06-01T10:00:00+01:00');
    await t.services.fostering.feedback(staff.sw, personId, { feedbackSummary: 'Checks back; home visits 4 to 6 next.', workNeeded: 'Ecomap and safer caring plan', ...day('feedbackOn', '2026-06-01') });

    // No panel or approval before an assessment, a report and a recommendation.
    expect(await problems(t.services.fostering.panel(staff.panelAdmin, personId, { panelRecommendation: 'approve', attended: 'yes', panelReasons: 'x', ...terms, ...day('panelOn', '2026-06-01') }))).toEqual(['panelRecommendation: The panel considers a completed assessment: complete the assessment first']);
    expect(await problems(t.services.fostering.admDecision(staff.adm, personId, { decision: 'approve', decisionReasons: 'Good', ...terms, ...day('decisionOn', '2026-06-01') }))).toEqual(['decision: The assessment must be completed and presented to the Fostering Panel before a decision']);

    t.clock.set('2026-08-14T16:00:00+01:00');
    await t.services.fostering.completeAssessment(staff.sw, personId, { assessmentRecommendation: 'approve', assessmentSummary: 'Warm, reflective couple.', ...terms, ...day('assessmentOn', '2026-08-12') });
    expect(await ruleState(personId, 'fostering.assessment')).toEqual([['2026-09-30', 'met']]);
    // The Team Manager quality assures the assessment before the panel (7.4.3); the assessing worker cannot.
    expect(await problems(t.services.fostering.panel(staff.panelAdmin, personId, { panelRecommendation: 'approve', attended: 'yes', panelReasons: 'x', ...terms, ...day('panelOn', '2026-08-14') }))).toEqual([
      'panelRecommendation: The Team Manager signs off the assessment before the panel considers it (specialist-service-statement.txt 7.4.3)',
    ]);
    expect(await refusal(t.services.fostering.signOff(staff.sw, personId, {}))).toEqual(['ForbiddenError', 'You do not have permission to change this record']);
    expect(await pageAs('tm', personId)).toContain('Sign off the assessment for the panel');
    await t.services.fostering.signOff(staff.tm, personId, { signOffComments: 'Evidence of safer caring is strong.' });
    expect(await problems(t.services.fostering.signOff(staff.tm, personId, {}))).toEqual(['signOffComments: The assessment has already been signed off']);
    expect(await problems(t.services.fostering.panel(staff.panelAdmin, personId, { panelRecommendation: 'approve', attended: 'yes', panelReasons: 'x', ...terms, ...day('panelOn', '2026-08-14') }))).toEqual([
      'panelRecommendation: The applicant must have the assessment report before the panel makes a recommendation (Family Placement 12): record that it was shared first',
    ]);
    // Report given on Friday 14 August; the panel on Tuesday 1 September, after the summer bank holiday: 18 days.
    await t.services.fostering.shareReport(staff.sw, personId, day('sharedOn', '2026-08-14'));
    expect(await problems(t.services.fostering.invite(staff.sw, personId, day('panelDate', '2026-09-01')))).toEqual(['supporter: Tell the applicant they can bring a supporter, and tick the box (Family Placement 14)']);
    await t.services.fostering.invite(staff.sw, personId, { supporter: 'yes', ...day('panelDate', '2026-09-01') });

    t.clock.set('2026-09-01T15:00:00+01:00');
    // Comments come after the report was shared, and not from the future.
    expect(await problems(t.services.fostering.comments(staff.sw, personId, { applicantComments: 'x', ...day('commentsOn', '2026-08-13') }))).toEqual(['commentsOn: The applicant’s comments cannot be before the report was shared with them, on 14 August 2026: check the date']);
    expect(await problems(t.services.fostering.comments(staff.sw, personId, { applicantComments: 'x', ...day('commentsOn', '2026-09-02') }))).toEqual(['commentsOn-day: Date the comments were received must be today or in the past']);
    await t.services.fostering.comments(staff.sw, personId, { applicantComments: 'Tobi’s school is St Mark’s, not St Luke’s.', ...day('commentsOn', '2026-08-20') });
    // Only the panel's members record its recommendation.
    expect(await refusal(t.services.fostering.panel(staff.sw, personId, { panelRecommendation: 'approve', attended: 'yes', panelReasons: 'x', ...terms, ...day('panelOn', '2026-09-01') }))).toEqual(['ForbiddenError', 'You do not have permission to change this record']);
    expect(await problems(t.services.fostering.panel(staff.panelAdmin, personId, { panelRecommendation: 'approve', attended: 'yes', panelReasons: 'Unanimous.', ...terms, termsAgeFrom: '11', ...day('panelOn', '2026-09-01') }))).toEqual(['termsAgeTo: The oldest age must be the same as or more than the youngest age']);
    expect(await pageAs('panelAdmin', personId)).toContain('The panel’s recommendation');
    await t.services.fostering.panel(staff.panelAdmin, personId, { panelRecommendation: 'approve', attended: 'yes', panelReasons: 'Unanimous.', ...terms, ...day('panelOn', '2026-09-01') });
    expect(await pageAs('adm', personId)).toContain('Record the decision');
    expect(await ruleState(personId, 'fostering.report-before-panel')).toEqual([['2026-08-18', 'met']]);

    // The decision maker approves: the approval carries the terms (the CARERS part reads it).
    t.clock.set('2026-09-04T11:00:00+01:00');
    expect(await refusal(t.services.fostering.admDecision(staff.sw, personId, { decision: 'approve', decisionReasons: 'x', ...terms, ...day('decisionOn', '2026-09-04') }))).toEqual(['ForbiddenError', 'You do not have permission to change this record']);
    expect(await problems(t.services.fostering.admDecision(staff.adm, personId, { decision: 'approve', decisionReasons: 'x', ...terms, ...day('decisionOn', '2026-08-31') }))).toEqual(['decisionOn: The decision cannot be before the Fostering Panel’s recommendation, on 1 September 2026: check the date']);
    await t.services.fostering.admDecision(staff.adm, personId, { decision: 'approve', decisionReasons: 'I agree with the panel.', ...terms, ...day('decisionOn', '2026-09-04') });
    const approved = (await t.services.people.streamOf(personId)).filter((e) => e.type === 'fostering.carer_approved');
    expect(approved.map((e) => e.data)).toEqual([expect.objectContaining({ approvalKind: 'mainstream', panelOn: '2026-09-01', decisionOn: '2026-09-04', terms: { children: 2, ageFrom: 0, ageTo: 10, gender: 'any', careTypes: ['short_term', 'respite'] } })]);
    expect(await problems(t.services.fostering.admDecision(staff.adm, personId, { decision: 'approve', decisionReasons: 'again', ...terms, ...day('decisionOn', '2026-09-04') }))).toEqual(['decision: The agency decision maker has already decided on this application']);
    expect(await problems(t.services.fostering.agreement(staff.sw, personId, { responsibilities: 'yes', ...day('agreementOn', '2026-09-04') }))).toEqual(['handbookGiven: Give the carer the Foster Carer Handbook and tick the box (Family Placement 19)']);
    await t.services.fostering.agreement(staff.sw, personId, { responsibilities: 'yes', handbookGiven: 'yes', ...day('agreementOn', '2026-09-04') });
    const view = await t.services.fostering.view(staff.sw, personId);
    expect(view.s.stage).toBe('approved');
    expect(await pageAs('sw', personId)).toContain('Foster Care Agreement signed 4 September 2026');
    expect(view.termsText.agreement).toBe('2 children, aged 0 to 10, any gender: Short-term, Short breaks (respite)');
    // The first annual review falls due a year after approval (Family Placement 27): the carers' part records it.
    expect(await ruleState(personId, 'fostering.carer-review')).toEqual([['2027-09-04', 'due']]);
    // Every step is audited with its record, under the action of who recorded it; a refused one too.
    const auditor = await makeUser(t.services, { roles: ['auditor'] });
    const log = (await t.services.audit.search(auditor, { personId, username: null, from: null, to: null, page: 1 })).rows;
    const actions = (username: string) => log.filter((r) => r.username === username && r.outcome === 'allowed').map((r) => r.action);
    expect(actions(staff.panelAdmin.actor.username)).toContain('fostering.panel_recorded');
    expect(actions(staff.adm.actor.username)).toContain('fostering.decision_recorded');
    expect(actions(staff.sw.actor.username)).toContain('fostering.recorded');
    expect(log.some((r) => r.username === staff.sw.actor.username && r.action === 'fostering.panel_recorded' && r.outcome === 'denied')).toBe(true);
    // Nobody can record an approval, a panel or the report through the general "Record work" form: only these pages write them, with their data.
    const before = (await t.services.people.streamOf(personId)).length;
    for (const type of ['fostering.carer_approved', 'fostering.panel_considered', 'fostering.report_shared']) {
      expect(await refusal(t.services.recordWork.record(staff.sw, personId, { type, occurredOn: '2026-09-04', occurredTime: '10:00', data: {} }))).toEqual(['ValidationError', 'type: Select what was done from the list']);
    }
    const client = new Client(app);
    await client.signIn(staff.sw.actor.username, staff.sw.password);
    expect(mainText((await client.get(`/people/${personId}/work/new`)).body)).not.toContain('Fostering Panel considered');
    const posted = await client.post(`/people/${personId}/work/new`, { type: 'fostering.panel_considered', shownFor: 'fostering.panel_considered', ...day('occurredOn', '2026-09-04'), occurredTime: '10:00' });
    expect(posted.statusCode).toBe(400);
    expect(mainText(posted.body)).toContain('Select what was done from the list');
    expect((await t.services.people.streamOf(personId)).length).toBe(before);
  });

  it('shows a late assessment as overdue, and completes it only with the reason for the delay', async () => {
    t.clock.set('2025-12-20T10:00:00Z');
    const personId = await enquiry('2025-12-01', 'Priya');
    t.clock.set('2025-12-24T15:00:00Z');
    // Christmas Eve 2025: due Wednesday 24 June 2026.
    await readyForAssessment(personId, '2025-12-24');
    t.clock.set('2026-07-01T10:00:00+01:00');
    expect(await ruleState(personId, 'fostering.assessment')).toEqual([['2026-06-24', 'overdue']]);
    const list = await t.services.fostering.list(staff.sw);
    expect(list.applications.find((r) => r.personId === personId)).toMatchObject({ overdue: true, assessmentDue: '2026-06-24' });
    expect(await problems(t.services.fostering.completeAssessment(staff.sw, personId, { assessmentRecommendation: 'not_approve', assessmentSummary: 'Concerns about capacity.', ...day('assessmentOn', '2026-07-01') }))).toEqual([
      'lateReason: The assessment was due by 24 June 2026 (6 months from the completed application): enter the unforeseen circumstances that delayed it (Family Placement 10)',
    ]);
    await t.services.fostering.completeAssessment(staff.tm, personId, { assessmentRecommendation: 'not_approve', assessmentSummary: 'Concerns about capacity.', lateReason: 'Second applicant in hospital for 6 weeks.', ...day('assessmentOn', '2026-07-01') });
    expect(await ruleState(personId, 'fostering.assessment')).toEqual([['2026-06-24', 'met_late']]);

    // Not approved only after a qualifying determination and the 28 days (Family Placement 16).
    await t.services.fostering.shareReport(staff.sw, personId, day('sharedOn', '2026-07-01'));
    // The manager who wrote the assessment does not sign it off: another manager does.
    expect(await problems(t.services.fostering.signOff(staff.tm, personId, {}))).toEqual(['signOffComments: You completed this assessment: another manager signs it off']);
    await t.services.fostering.signOff(staff.head, personId, {});
    t.clock.set('2026-07-21T15:00:00+01:00');
    await t.services.fostering.panel(staff.panelAdmin, personId, { panelRecommendation: 'not_approve', attended: 'no', panelReasons: 'Not enough evidence of capacity.', ...day('panelOn', '2026-07-21') });
    expect(await ruleState(personId, 'fostering.report-before-panel')).toEqual([['2026-07-07', 'met']]);
    expect(await problems(t.services.fostering.admDecision(staff.adm, personId, { decision: 'not_approve', decisionReasons: 'x', ...day('decisionOn', '2026-07-21') }))).toEqual([
      'decision: Give a qualifying determination first: the applicant has 28 days to make representations or apply to the IRM (Family Placement 16)',
    ]);
    await t.services.fostering.admDecision(staff.adm, personId, { decision: 'qualifying_determination', decisionReasons: 'Capacity.', ...day('decisionOn', '2026-07-21') });
    expect(await pageAs('adm', personId)).toContain('Record the decision');
    expect(await problems(t.services.fostering.admDecision(staff.adm, personId, { decision: 'not_approve', decisionReasons: 'x', ...day('decisionOn', '2026-07-21') }))).toEqual(['decision: The applicant has until 18 August 2026 to make representations or apply to the IRM']);
    t.clock.set('2026-08-10T10:00:00+01:00');
    expect(await problems(t.services.fostering.qualifyingResponse(staff.sw, personId, { route: 'irm', ...day('responseOn', '2026-07-20') }))).toEqual(['responseOn: The applicant’s response cannot be before the qualifying determination, on 21 July 2026: check the date']);
    await t.services.fostering.qualifyingResponse(staff.sw, personId, { route: 'irm', ...day('responseOn', '2026-08-10') });
    expect(await problems(t.services.fostering.admDecision(staff.adm, personId, { decision: 'approve', decisionReasons: 'x', ...terms, ...day('decisionOn', '2026-08-10') }))).toEqual(['decision: Record the Independent Review Mechanism panel’s recommendation first']);
    t.clock.set('2026-10-02T10:00:00+01:00');
    expect(await problems(t.services.fostering.irm(staff.sw, personId, { irmRecommendation: 'not_approve', ...day('irmOn', '2026-08-07') }))).toEqual(['irmOn: The IRM panel’s recommendation cannot be before the application to the Independent Review Mechanism, on 10 August 2026: check the date']);
    await t.services.fostering.irm(staff.sw, personId, { irmRecommendation: 'not_approve', ...day('irmOn', '2026-09-30') });
    // Neither the Fostering Panel nor the IRM panel recommended approval: no approval; and no decision dated before the IRM panel's recommendation.
    expect(await problems(t.services.fostering.admDecision(staff.adm, personId, { decision: 'approve', decisionReasons: 'x', ...terms, ...day('decisionOn', '2026-10-02') }))).toEqual(['decision: Both the Fostering Panel and the Independent Review Mechanism panel recommended not to approve']);
    expect(await problems(t.services.fostering.admDecision(staff.adm, personId, { decision: 'not_approve', decisionReasons: 'x', ...day('decisionOn', '2026-09-29') }))).toEqual(['decisionOn: The decision cannot be before the Independent Review Mechanism panel’s recommendation, on 30 September 2026: check the date']);
    await t.services.fostering.admDecision(staff.adm, personId, { decision: 'not_approve', decisionReasons: 'Having considered the IRM panel’s recommendation.', ...day('decisionOn', '2026-10-02') });
    expect((await t.services.fostering.view(staff.sw, personId)).s.stage).toBe('not_approved');
    expect(await pageAs('sw', personId)).toContain('Not approved');
    expect((await t.services.people.streamOf(personId)).some((e) => e.type === 'fostering.carer_approved')).toBe(false);
  });

  it("approves a connected person temporarily for a named child after a positive viability assessment, and lets it lapse", async () => {
    t.clock.set('2026-04-01T10:00:00+01:00');
    const child = await registerChild(t.services, staff.head, { dateOfBirth: '2020-05-10' });
    const personId = await enquiry('2026-04-01', 'Grace');
    await t.services.people.recordRelationship(staff.head, child.id, { relatedPersonId: personId, type: 'grandparent', parentalResponsibility: false, professionalRole: null, startDate: '2020-05-10' });
    expect(await problems(t.services.fostering.temporaryApproval(staff.adm, personId, { temporaryChildId: child.id, temporaryReasons: 'Needs a home tonight.', ...day('temporaryOn', '2026-04-02') }))).toEqual([
      'temporaryOn-day: Date of the temporary approval must be today or in the past',
    ]);
    expect(await problems(t.services.fostering.temporaryApproval(staff.adm, personId, { temporaryChildId: child.id, temporaryReasons: 'Needs a home tonight.', ...day('temporaryOn', '2026-04-01') }))).toEqual(['temporaryChildId: Record a viability assessment for this child first']);
    await t.services.fostering.viability(staff.sw, personId, { viabilityChildId: child.id, viabilityOutcome: 'positive', viabilitySummary: 'Strong bond; home suitable.', ...day('viabilityOn', '2026-04-01') });
    const childName = `${child.details.givenNames} ${child.details.familyName}`;
    expect(await problems(t.services.fostering.temporaryApproval(staff.adm, personId, { temporaryChildId: child.id, temporaryReasons: 'Needs a home tonight.', ...day('temporaryOn', '2026-03-31') }))).toEqual([`temporaryOn: The temporary approval cannot be before the viability assessment for ${childName}, on 1 April 2026: check the date`]);
    await t.services.fostering.temporaryApproval(staff.adm, personId, { temporaryChildId: child.id, temporaryReasons: 'Needs a home tonight.', ...day('temporaryOn', '2026-04-01') });
    expect(await pageAs('adm', personId)).toContain('Temporary approval until');
    const approval = (await t.services.people.streamOf(personId)).find((e) => e.type === 'fostering.carer_approved');
    expect(approval?.data).toMatchObject({ approvalKind: 'temporary_connected_person', until: '2026-07-22', terms: { children: 1, ageFrom: 5, ageTo: 6, gender: 'any', careTypes: ['family_and_friends'], namedChildIds: [child.id] } });
    // An extension is for finishing the full assessment, and at most 8 weeks.
    expect(await problems(t.services.fostering.extendTemporary(staff.adm, personId, { extendReason: 'x', ...day('extendUntil', '2026-08-01') }))).toEqual(['extendUntil: An extension is for completing the full assessment: record the connected person’s completed application first']);
    // The full assessment as a connected person begins; the nominated officer extends once, by at most 8 weeks (reg 25).
    t.clock.set('2026-05-01T10:00:00+01:00');
    await t.services.fostering.completeApplication(staff.sw, personId, { applicationKind: 'connected_person', childIds: child.id, ...day('applicationOn', '2026-05-01') });
    expect((await t.services.fostering.view(staff.sw, personId)).s.stage).toBe('application');
    t.clock.set('2026-07-20T10:00:00+01:00');
    expect(await problems(t.services.fostering.extendTemporary(staff.adm, personId, { extendReason: 'Medical awaited.', ...day('extendUntil', '2026-09-17') }))).toEqual(['extendUntil: The new end date must be after 22 July 2026 and no later than 16 September 2026 (8 weeks more)']);
    await t.services.fostering.extendTemporary(staff.adm, personId, { extendReason: 'Medical awaited.', ...day('extendUntil', '2026-09-16') });
    expect(await problems(t.services.fostering.extendTemporary(staff.adm, personId, { extendReason: 'Again.', ...day('extendUntil', '2026-09-16') }))).toEqual(['extendUntil: A temporary approval can be extended only once, by up to 8 weeks (reg 25)']);
    t.clock.set('2026-08-01T10:00:00+01:00');
    expect(await problems(t.services.fostering.temporaryLapsed(staff.sw, personId))).toEqual(['lapsed: The temporary approval runs until 16 September 2026']);
    t.clock.set('2026-09-17T10:00:00+01:00');
    expect(await pageAs('sw', personId)).toContain('Record the temporary approval as lapsed');
    await t.services.fostering.temporaryLapsed(staff.sw, personId);
    const ended = (await t.services.people.streamOf(personId)).filter((e) => e.type === 'fostering.approval_ended');
    expect(ended.map((e) => e.data.reason)).toEqual(['temporary_approval_lapsed']);
    // The full assessment goes on.
    expect((await t.services.fostering.view(staff.sw, personId)).s.stage).toBe('application');
  });

  it('shows the pages, refuses bad input with a GOV.UK error, and refuses those without access', async () => {
    t.clock.set('2026-05-05T10:00:00+01:00');
    const personId = await enquiry('2026-05-05', 'Lena');
    const client = new Client(app);
    await client.signIn(staff.sw.actor.username, staff.sw.password);
    const list = await client.get('/fostering');
    expect(list.statusCode).toBe(200);
    expect(mainText(list.body)).toContain('Fostering enquiries and applications');
    const page = await client.get(`/people/${personId}/fostering`);
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toContain('Enquiry');
    const bad = await client.post(`/people/${personId}/fostering/respond`, { how: 'initial_visit' });
    expect(bad.statusCode).toBe(400);
    expect(mainText(bad.body)).toContain('There is a problem');
    expect(mainText(bad.body)).toContain('Enter date of the response');
    const newBad = await client.post('/fostering/enquiries', { givenNames: 'X' });
    expect(newBad.statusCode).toBe(400);
    expect(mainText(newBad.body)).toContain('Enter the enquirer’s family name');
    // Someone already in Hearth with the same name is shown first; a different person is added only when the worker says so.
    const record = await t.services.people.find(personId);
    const again = { givenNames: 'Nia', familyName: record!.details.familyName, source: 'phone', interest: 'mainstream', ...day('enquiryOn', '2026-05-05'), ...day('dateOfBirth', '1984-02-29') };
    expect((await client.post('/fostering/enquiries', again)).statusCode).toBe(302);
    const duplicates = await client.post('/fostering/enquiries', again);
    expect(duplicates.statusCode).toBe(200);
    expect(mainText(duplicates.body)).toContain('Someone with this name is already recorded');
    const confirmed = await client.post('/fostering/enquiries', { ...again, confirmNotDuplicate: 'yes' });
    expect(confirmed.statusCode).toBe(302);
    expect(confirmed.headers.location).toMatch(/^\/people\/[0-9a-f-]+\/fostering$/);

    // Someone outside the Family Placement Team may read the list but not record on the household.
    const outsider = new Client(app);
    await outsider.signIn(staff.outsider.actor.username, staff.outsider.password);
    expect((await outsider.post(`/people/${personId}/fostering/respond`, { how: 'initial_visit', ...day('respondOn', '2026-05-05') })).statusCode).toBe(403);
    // Those who record work across teams (a conference chair, the LADO, a reviewing officer) record none of the Family Placement Team's steps: refused and audited.
    const qa = await makeTeam(t.services);
    const across = {
      cpChair: await makeUser(t.services, { roles: ['cp-chair'], teamIds: [qa] }),
      lado: await makeUser(t.services, { roles: ['lado'], teamIds: [qa] }),
      iro: await makeUser(t.services, { roles: ['iro'], teamIds: [qa] }),
    };
    const eventsBefore = (await t.services.people.streamOf(personId)).length;
    for (const [who, user] of Object.entries(across)) {
      const c = new Client(app);
      await c.signIn(user.actor.username, user.password);
      await c.get('/');
      const refused = await c.post(`/people/${personId}/fostering/respond`, { how: 'initial_visit', ...day('respondOn', '2026-05-05') });
      expect([who, refused.statusCode]).toEqual([who, 403]);
      expect(await refusal(t.services.fostering.feedback(user, personId, { feedbackSummary: 'x', ...day('feedbackOn', '2026-05-05') }))).toEqual(['ForbiddenError', who === 'iro' ? 'Only the Family Placement Team holding this household’s record records its fostering application' : 'You do not have permission to record the Family Placement Team’s work']);
    }
    expect((await t.services.people.streamOf(personId)).length).toBe(eventsBefore);
    // The reviewing officer reads the household's page, and is offered none of the forms the steps would refuse.
    expect((await t.services.fostering.view(across.iro, personId)).may).toEqual({ work: false, allocate: false, panel: false, decide: false, signOff: false });
    expect((await t.services.fostering.view(staff.sw, personId)).may.work).toBe(true);
    const auditor0 = await makeUser(t.services, { roles: ['auditor'] });
    for (const user of Object.values(across)) {
      const rows = (await t.services.audit.search(auditor0, { personId, username: user.actor.username, from: null, to: null, page: 1 })).rows;
      expect(rows.filter((r) => r.action === 'fostering.recorded').map((r) => r.outcome)).toEqual(['denied', 'denied']);
    }
    // The panel's administrator opens the household to record the panel, but not the team's lists; a personal adviser sees neither.
    const admin = new Client(app);
    await admin.signIn(staff.panelAdmin.actor.username, staff.panelAdmin.password);
    expect((await admin.get('/fostering')).statusCode).toBe(403);
    expect((await admin.get(`/people/${personId}/fostering`)).statusCode).toBe(200);
    const pa = await makeUser(t.services, { roles: ['personal-adviser'] });
    const adviser = new Client(app);
    await adviser.signIn(pa.actor.username, pa.password);
    expect((await adviser.get(`/people/${personId}/fostering`)).statusCode).toBe(403);
    const auditor = await makeUser(t.services, { roles: ['auditor'] });
    const refusals = (await t.services.audit.search(auditor, { personId, username: pa.actor.username, from: null, to: null, page: 1 })).rows;
    expect(refusals.map((r) => [r.action, r.outcome])).toEqual([['child.viewed', 'denied']]);
  });

  it("checks the assessing social worker's caseload limit: beyond it only with the manager's reason (issue 12; 5.2)", async () => {
    // Tuesday 1 September 2026, after the August bank holiday.
    t.clock.set('2026-09-01T10:00:00+01:00');
    const assessor = await makeUser(t.services, { roles: ['social-worker'], teamIds: [fpt] });
    // The Family Placement Team sets the worker's maximum at 1 (5.2: "the minimum and maximum number of carers and assessments per worker"), and they hold one.
    await t.services.workforce.recordProfile(staff.tm, assessor.actor.userId, { practitioner: 'qualified_social_worker', fte: '1', caseloadMaximum: '1' });
    const held = await registerChild(t.services, staff.tm);
    await t.services.people.allocate(staff.tm, held.id, { teamId: fpt, workerId: assessor.actor.userId });
    const personId = await enquiry('2026-08-27');
    await t.services.fostering.completeApplication(staff.sw, personId, { applicationKind: 'mainstream', ...day('applicationOn', '2026-08-28') });

    expect(await problems(t.services.fostering.allocateWorker(staff.tm, personId, { workerId: assessor.actor.userId, limitedExperience: 'no' }))).toEqual([
      `overLimitReason: Test ${assessor.actor.username}'s weighted caseload is 1 against a caseload limit of 1: this case (weighted 1) would take it to 2, 1 case over. Allocate to someone else, or enter the manager’s reason for allocating beyond the limit`,
    ]);
    expect((await t.services.fostering.view(staff.tm, personId)).s.assessingWorker).toBeNull();
    // On the household's page: the message beside the reason box, nothing saved.
    const client = new Client(app);
    await client.signIn(staff.tm.actor.username, staff.tm.password);
    await client.get(`/people/${personId}/fostering`);
    const refused = await client.post(`/people/${personId}/fostering/worker`, { workerId: assessor.actor.userId, limitedExperience: 'no' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#overLimitReason"');
    const accepted = await client.post(`/people/${personId}/fostering/worker`, { workerId: assessor.actor.userId, limitedExperience: 'no', overLimitReason: 'The only assessor with connected person experience; a case closes this month.' });
    expect(accepted.statusCode).toBe(302);
    const [allocated] = (await t.services.people.ofTypes(personId, ['child.allocated'])).slice(-1);
    expect(allocated?.data).toMatchObject({ workerId: assessor.actor.userId, overLimitReason: 'The only assessor with connected person experience; a case closes this month.', caseloadWhenAllocated: { weighted: 2, maximum: 1 } });
  });
});
