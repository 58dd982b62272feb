import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, testDatabase } from '../support/testDatabase';
import { Client, mainText, testApp } from '../support/testApp';
import { makeTeam, makeUser, world, type TestWorld } from '../factories';

/** A date's three boxes, as a GOV.UK date input posts them. */
const day = (name: string, date: string) => {
  const [y, m, d] = date.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y };
};
/** When a carer's step happened, as the foster carer's page reads its date and time boxes. */
const at = (occurredOn: string, occurredTime: string, key: string) => ({ occurredOn, occurredTime, problems: [], fields: { date: `${key}On`, time: `${key}Time` } });
const termsForm = { termsChildren: '2', termsAgeFrom: '0', termsAgeTo: '10', termsGender: 'any', termsCareTypes: ['short_term', 'respite'] };

/**
 * Issue 11, "Tests": an application through panel to approval and first annual review, end to end
 * (practice-standards.txt, Section 3 "Family Placement (Fostering)" 1-31). The recruitment (the
 * enquiry, the application with its household, the checks, preparation training, the assessment,
 * the report shared at least two weeks before the Fostering Panel, the panel's recommendation and
 * the agency decision maker's approval) hands over to the approved carer's record (the supervising
 * social worker, monthly visits, the written views, the review report and the first annual review
 * chaired by an Independent Reviewing Officer). Dates cross Easter 2026 and 2027, the May, August
 * and Christmas bank holidays.
 */
describe.each(engines())('a foster carer from enquiry to the first annual review on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-01-05T10:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  it('takes a household from enquiry through panel and approval to the first annual review by an IRO', async () => {
    const s = t.services;
    const fpt = await makeTeam(s, undefined, 'family-placement');
    const qa = await makeTeam(s);
    const assessor = await makeUser(s, { roles: ['social-worker'], teamIds: [fpt] });
    const ssw = await makeUser(s, { roles: ['social-worker'], teamIds: [fpt] });
    const manager = await makeUser(s, { roles: ['team-manager'], teamIds: [fpt] });
    const panelAdmin = await makeUser(s, { roles: ['business-support'], teamIds: [fpt] });
    const adm = await makeUser(s, { roles: ['agency-decision-maker'] });
    const iro = await makeUser(s, { roles: ['iro'], teamIds: [qa] });
    const rules = async (personId: string) => {
      const rows = await s.standards.forPerson(personId);
      return (ruleId: string) => rows.filter((o) => o.obligation.ruleId === ruleId).map((o) => [o.obligation.dueDate, o.state]);
    };

    // Enquiry on Friday 2 January 2026, after the New Year bank holiday; answered on Monday 5 January (Family Placement 1).
    const enquired = await s.fostering.newEnquiry(assessor, { givenNames: 'Amara', familyName: 'Okonkwo-Hale', source: 'phone', interest: 'mainstream', ...day('enquiryOn', '2026-01-02') });
    if (enquired.outcome !== 'recorded') throw new Error('expected the enquiry to be recorded');
    const carer = enquired.personId;
    await s.fostering.respond(assessor, carer, { how: 'initial_visit', ...day('respondOn', '2026-01-05') });

    // The household (Family Placement 6), the completed application on Monday 5 January: the assessment is due in 6 months.
    await s.fostering.addMember(assessor, carer, { memberName: 'Daniel Okonkwo-Hale', relationship: 'second_applicant' });
    await s.fostering.addMember(assessor, carer, { memberName: 'Tobi Okonkwo-Hale', relationship: 'birth_child', ...day('memberDob', '2016-06-01') });
    await s.fostering.completeApplication(assessor, carer, { applicationKind: 'mainstream', ...day('applicationOn', '2026-01-05') });
    await s.fostering.allocateWorker(manager, carer, { workerId: assessor.actor.userId, limitedExperience: 'no' });
    expect((await rules(carer))('fostering.assessment')).toEqual([['2026-07-05', 'due']]);

    // The statutory checks (Family Placement 8) and Skills to Foster (7), in January and February.
    t.clock.set('2026-02-20T10:00:00Z');
    const household = (await s.fostering.view(assessor, carer)).s.household;
    for (const member of household.filter((h) => h.applicant)) {
      for (const check of ['dbs', 'health', 'references', 'local_authority']) {
        await s.fostering.recordCheck(assessor, carer, { checkMemberId: member.memberId, check, checkOutcome: 'satisfactory', ...day('checkOn', '2026-02-16') });
      }
    }
    await s.fostering.training(assessor, carer, { course: 'skills_to_foster', attendees: household.filter((h) => h.applicant).map((h) => h.memberId), ...day('trainingOn', '2026-02-14') });
    await s.fostering.feedback(assessor, carer, { feedbackSummary: 'Checks back; home visits next.', ...day('feedbackOn', '2026-02-20') });

    // The assessment completed on Thursday 2 April 2026, the day before Good Friday, and the report given to the
    // applicants that day: the panel on Thursday 16 April, after Easter Monday, is 14 days later (Family Placement 10-13).
    t.clock.set('2026-04-07T10:00:00+01:00');
    await s.fostering.completeAssessment(assessor, carer, { assessmentRecommendation: 'approve', assessmentSummary: 'Warm, reflective couple; strong safer caring plan.', ...termsForm, ...day('assessmentOn', '2026-04-02') });
    await s.fostering.signOff(manager, carer, { signOffComments: 'Ready for panel.' });
    await s.fostering.shareReport(assessor, carer, day('sharedOn', '2026-04-02'));
    await s.fostering.comments(assessor, carer, { applicantComments: 'Tobi’s school is St Mark’s.', ...day('commentsOn', '2026-04-07') });
    await s.fostering.invite(assessor, carer, { supporter: 'yes', ...day('panelDate', '2026-04-16') });

    t.clock.set('2026-04-16T15:00:00+01:00');
    await s.fostering.panel(panelAdmin, carer, { panelRecommendation: 'approve', attended: 'yes', panelReasons: 'Unanimous.', ...termsForm, ...day('panelOn', '2026-04-16') });
    // The agency decision maker approves on Tuesday 21 April (Family Placement 15): the approval the carer's record reads.
    t.clock.set('2026-04-21T14:00:00+01:00');
    await s.fostering.admDecision(adm, carer, { decision: 'approve', decisionReasons: 'I agree with the panel.', ...termsForm, ...day('decisionOn', '2026-04-21') });
    await s.fostering.agreement(assessor, carer, { responsibilities: 'yes', handbookGiven: 'yes', ...day('agreementOn', '2026-04-21') });
    expect((await s.people.streamOf(carer)).filter((e) => e.type === 'fostering.carer_approved').map((e) => e.data)).toEqual([
      expect.objectContaining({ approvalKind: 'mainstream', panelOn: '2026-04-16', decisionOn: '2026-04-21', terms: { children: 2, ageFrom: 0, ageTo: 10, gender: 'any', careTypes: ['short_term', 'respite'] } }),
    ]);
    let state = await rules(carer);
    expect(state('fostering.assessment')).toEqual([['2026-07-05', 'met']]);
    expect(state('fostering.report-before-panel')).toEqual([['2026-04-02', 'met']]);
    expect(state('fostering.supervising-visit')).toEqual([['2026-05-21', 'due']]);
    expect(state('fostering.carer-review')).toEqual([['2027-04-21', 'due']]);
    expect((await s.fostering.view(assessor, carer)).s.stage).toBe('approved');

    // The approved carer's record: the Team Manager allocates the supervising social worker (Family Placement 22).
    let view = await s.fosterCarers.view(ssw, carer);
    expect(view.approved).toBe(true);
    await s.fosterCarers.allocateSupervisingWorker(manager, carer, { workerId: ssw.actor.userId });
    expect((await s.people.find(carer))?.allocatedWorkerId).toBe(ssw.actor.userId);

    // Visits at least monthly (Family Placement 22), one unannounced (39), each within a calendar month of the last: the
    // day after the May bank holiday; the Friday before the August bank holiday, the day the next visit falls due;
    // before Christmas; and the Tuesday after Easter Monday 2027.
    const visits = ['2026-05-05', '2026-06-02', '2026-07-01', '2026-07-31', '2026-08-28', '2026-09-25', '2026-10-23', '2026-11-20', '2026-12-18', '2027-01-15', '2027-02-12', '2027-03-12', '2027-03-30', '2027-04-13'];
    for (const [i, on] of visits.entries()) {
      t.clock.set(`${on}T16:00:00Z`);
      await s.fosterCarers.visit(ssw, carer, { unannounced: i === 3 ? 'yes' : 'no', summary: `Supervision visit ${i + 1}.` }, at(on, '10:00', 'visit'));
    }

    // The first annual review: the written views (29), the report shared with the carers on Tuesday 30 March 2027,
    // the day after Easter Monday, and the review chaired by an IRO on Thursday 15 April 2027 (27, 30).
    t.clock.set('2027-04-15T15:00:00+01:00');
    for (const source of ['carers', 'household', 'ssw']) {
      await s.fosterCarers.views(ssw, carer, { source, received: 'yes', views: `Written views of ${source}.` });
    }
    await s.fosterCarers.reportShared(ssw, carer, {}, at('2027-03-30', '11:00', 'report'));
    await s.fosterCarers.review(iro, carer, { recommendation: 'continue', feedback: 'Good support from the SSW.', suitability: 'They continue to be suitable.', actionPlan: 'Attachment training this year.' }, at('2027-04-15', '10:00', 'review'));

    state = await rules(carer);
    expect(state('fostering.supervising-visit')).toEqual([
      ['2026-05-21', 'met'], ['2026-06-05', 'met'], ['2026-07-02', 'met'], ['2026-08-01', 'met'], ['2026-08-31', 'met'], ['2026-09-28', 'met'], ['2026-10-25', 'met'],
      ['2026-11-23', 'met'], ['2026-12-20', 'met'], ['2027-01-18', 'met'], ['2027-02-15', 'met'], ['2027-03-12', 'met'], ['2027-04-12', 'met'], ['2027-04-30', 'met'],
      ['2027-05-13', 'due'],
    ]);
    expect(state('fostering.carer-review')).toEqual([['2027-04-21', 'met'], ['2028-04-15', 'due']]);
    expect(state('fostering.review-reports-shared')).toEqual([['2027-04-15', 'met']]);
    expect(state('fostering.assessment')).toEqual([['2026-07-05', 'met']]);

    view = await s.fosterCarers.view(ssw, carer);
    if (!view.approved) throw new Error('expected an approved carer');
    expect(view.reviews[0]).toMatchObject({ first: true, chairName: iro.actor.displayName });

    // Both pages show the household as it is now.
    const client = new Client(app);
    await client.signIn(ssw.actor.username, ssw.password);
    const recruitment = await client.get(`/people/${carer}/fostering`);
    expect(recruitment.statusCode).toBe(200);
    expect(mainText(recruitment.body)).toContain('Approved foster carer');
    const carerPage = await client.get(`/people/${carer}/foster-carer`);
    expect(carerPage.statusCode).toBe(200);
  });
});
