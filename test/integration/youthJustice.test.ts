import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { obligationsCommand } from '../../src/cli/standardsCommands';
import type { Database } from '../../src/platform/db/database';
import { ForbiddenError, NotFoundError } from '../../src/platform/errors';
import { youthJusticeScenes } from '../../src/modules/demo/demoYouthJustice';
import { makeTeam, makeUser, registerChild, unique, world, type TestWorld } from '../factories';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { engines, testDatabase } from '../support/testDatabase';

/** A form's date boxes and time, as the page sends them. */
const when = (name: string, date: string, time = '10:00') => {
  const [year, month, day] = date.split('-');
  return { [`${name}On-day`]: String(Number(day)), [`${name}On-month`]: String(Number(month)), [`${name}On-year`]: year!, [`${name}Time`]: time };
};
const dateBoxes = (name: string, date: string) => {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! };
};

/**
 * The Youth Offending Service (practice-standards.txt, Section 1: Youth Offending Service 1-22;
 * issue 12): an out-of-court referral and a referral order through assessment, plan and review, a
 * Detention and Training Order through release at 18, each step refused until what it needs is
 * recorded, across Easter, the May bank holidays and a weekend release; who may see any of it; and
 * the three performance indicators from a known set of children.
 */
describe.each(engines())('the Youth Offending Service on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;
  let database: Database;

  beforeAll(async () => {
    database = await testDatabase(engine);
    t = world(database.db, '2026-03-30T09:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  /** A child of a social care team, a social worker of another team who may open the record, the YOS and the head of service. */
  async function cast(dateOfBirth = '2011-06-01') {
    const s = t.services;
    const yos = await makeTeam(s, `Youth Offending ${unique()}`, 'youth-offending');
    const officer = await makeUser(s, { roles: ['youth-justice-officer'], teamIds: [yos] });
    const yosManager = await makeUser(s, { roles: ['team-manager', 'youth-justice-officer'], teamIds: [yos] });
    const team = await makeTeam(s);
    const sw = await makeUser(s, { roles: ['social-worker'], teamIds: [team] });
    const manager = await makeUser(s, { roles: ['team-manager'], teamIds: [team] });
    const otherTeam = await makeTeam(s);
    const otherSw = await makeUser(s, { roles: ['social-worker'], teamIds: [otherTeam] });
    const otherManager = await makeUser(s, { roles: ['team-manager'], teamIds: [otherTeam] });
    const head = await makeUser(s, { roles: ['head-of-service'] });
    const auditor = await makeUser(s, { roles: ['auditor'] });
    const child = await registerChild(s, sw, { dateOfBirth, externalId: unique('YJ-') });
    await s.people.allocate(manager, child.id, { teamId: team, workerId: sw.actor.userId });
    return { yos, officer, yosManager, team, sw, manager, otherTeam, otherSw, otherManager, head, auditor, child };
  }

  const rule = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId, (await cachedOfficer()).actor)).filter((r) => r.obligation.ruleId === ruleId);
  const outcomes = async (personId: string, ruleId: string) => (await rule(personId, ruleId)).map((r) => [r.obligation.dueDate, r.obligation.outcome]);
  let officerForReads: Awaited<ReturnType<typeof makeUser>> | null = null;
  const cachedOfficer = async () => (officerForReads ??= await makeUser(t.services, { roles: ['youth-justice-officer'] }));

  it('takes an out-of-court referral through assessment and plan across Easter, each step refused until what it needs is recorded', async () => {
    const { officer, child } = await cast();
    const s = t.services;
    const yj = s.youthJustice;
    t.clock.set('2026-04-01T12:00:00+01:00');
    expect(await problems(yj.allocate(officer, child.id, { caseManagerId: officer.actor.userId, ...when('allocation', '2026-04-01') }))).toEqual(['caseManagerId: The child is not open to the Youth Offending Service: record the referral first']);
    expect(await problems(yj.assessment(officer, child.id, when('assessment', '2026-04-01')))).toEqual(['assessment: The child is not open to the Youth Offending Service: record the referral first']);
    expect(await problems(yj.referral(officer, child.id, { ...when('referral', '2026-04-01') }))).toEqual([
      'source: Select who referred the child',
      'route: Select whether the referral is out of court or through the court',
      'offence: Enter the offence or behaviour the referral is about',
      'previousDisposal: Select whether the child has had a caution or conviction before, recorded elsewhere',
    ]);
    // Wednesday 1 April 2026: an out-of-court referral from the police.
    await yj.referral(officer, child.id, { source: 'police', route: 'out_of_court', offence: 'Criminal damage to a bus shelter', previousDisposal: 'no', ...when('referral', '2026-04-01', '10:00') });
    expect(await problems(yj.referral(officer, child.id, { source: 'police', route: 'out_of_court', offence: 'Again', previousDisposal: 'no', ...when('referral', '2026-04-01', '11:00') }))).toEqual([
      'source: The child is already open to the Youth Offending Service (since 1 April 2026): record a new offence as a re-offence or a sentence on the open case, or close it first',
    ]);
    expect(await problems(yj.assessment(officer, child.id, when('assessment', '2026-04-01', '11:00')))).toEqual([
      'assessment: Allocate the case to a Youth Offending Service case manager first: the assessment is theirs (within 5 working days of allocation)',
    ]);
    expect(await problems(yj.allocate(officer, child.id, { caseManagerId: 'nobody', ...when('allocation', '2026-04-01') }))).toEqual(['caseManagerId: Select the case manager from the list of youth justice officers']);
    expect(await problems(yj.allocate(officer, child.id, { caseManagerId: officer.actor.userId, ...when('allocation', '2026-03-31') }))).toEqual([
      'allocationOn: The allocation cannot be before the referral, 1 April 2026 at 10:00am: check the date and time',
    ]);
    // Allocated on Thursday 2 April: Good Friday and Easter Monday do not count, so the assessment is due Monday 13 April (1).
    t.clock.set('2026-04-02T15:00:00+01:00');
    await yj.allocate(officer, child.id, { caseManagerId: officer.actor.userId, ...when('allocation', '2026-04-02', '14:00') });
    expect(await outcomes(child.id, 'yos.assessment')).toEqual([['2026-04-13', 'open']]);
    // 16 weeks from the referral: Wednesday 22 July (5).
    expect(await outcomes(child.id, 'yos.intervention-length')).toEqual([['2026-07-22', 'open']]);
    expect(await problems(yj.plan(officer, child.id, when('plan', '2026-04-02', '14:30')))).toEqual([
      'plan: Record the AssetPlus assessment for the out-of-court work first: the intervention plan is made from it',
    ]);

    // A youth caution on Thursday 9 April replaces the 16 weeks' count: Thursday 30 July.
    t.clock.set('2026-04-09T15:00:00+01:00');
    expect(await problems(yj.disposal(officer, child.id, { disposal: 'telling_off', ...when('disposal', '2026-04-09') }))).toEqual(['disposal: Select the out-of-court disposal']);
    await yj.disposal(officer, child.id, { disposal: 'youth_caution', ...when('disposal', '2026-04-09', '11:00') });
    expect(await outcomes(child.id, 'yos.intervention-length')).toEqual([['2026-07-22', 'cancelled'], ['2026-07-30', 'open']]);

    // Assessed on Monday 13 April, the last day: met. The plan within 5 working days, by Monday 20 April: recorded on the 21st, late.
    t.clock.set('2026-04-21T17:00:00+01:00');
    expect(await problems(yj.assessment(officer, child.id, when('assessment', '2026-04-02', '13:00')))).toEqual([
      'assessmentOn: This cannot be before the allocation, 2 April 2026 at 2:00pm: check the date and time',
    ]);
    await yj.assessment(officer, child.id, { summary: 'Low risk; peer influence; engaged with his mother.', ...when('assessment', '2026-04-13', '16:00') });
    expect(await problems(yj.plan(officer, child.id, { summary: 'x'.repeat(2001), ...when('plan', '2026-04-21', '15:00') }))).toEqual(['plan-summary: Notes must be 2000 characters or fewer']);
    await yj.plan(officer, child.id, { summary: 'Reparation at the bus depot; victim awareness sessions.', ...when('plan', '2026-04-21', '15:00') });
    expect(await outcomes(child.id, 'yos.assessment')).toEqual([['2026-04-13', 'met']]);
    expect(await outcomes(child.id, 'yos.intervention-plan')).toEqual([['2026-04-20', 'met_late']]);
    // An out-of-court plan is reviewed when needed; the 3-monthly reviews (14) are for court orders.
    await yj.review(officer, child.id, { summary: 'Going well.', ...when('review', '2026-04-21', '16:00') });
    expect(await rule(child.id, 'yos.plan-review')).toEqual([]);

    // Closed only after the intervention ends; the 16 weeks met on Monday 27 July.
    t.clock.set('2026-07-28T10:00:00+01:00');
    expect(await problems(yj.close(officer, child.id, when('closed', '2026-07-27')))).toEqual(['closed: Record the end of the intervention first']);
    expect(await problems(yj.end(officer, child.id, { ...when('ended', '2026-07-27') }))).toEqual(['reason: Select why the intervention ended']);
    await yj.end(officer, child.id, { reason: 'completed', ...when('ended', '2026-07-27', '12:00') });
    await yj.close(officer, child.id, when('closed', '2026-07-27', '13:00'));
    expect(await outcomes(child.id, 'yos.intervention-length')).toEqual([['2026-07-22', 'cancelled'], ['2026-07-30', 'met']]);
    const view = await yj.view(officer, child.id);
    expect(view.y.open).toBe(false);
    expect(view.y.formalOutcomes.map((o) => o.what)).toEqual(['Youth caution']);
    // A further offence after the caution is recorded as a re-offence, even with the case closed.
    expect(await problems(yj.reoffence(officer, child.id, { furtherOffence: 'Shoplifting', ...when('reoffence', '2026-04-08') }))).toEqual([
      'reoffenceOn: A re-offence follows the first caution or conviction (youth caution), 9 April 2026 at 11:00am: check the date and time',
    ]);
    await yj.reoffence(officer, child.id, { furtherOffence: 'Shoplifting', ...when('reoffence', '2026-07-27', '18:00') });
  });

  it('supervises a referral order: AssetPlus within 5 working days of sentence, the plan within 20, reviews every 3 months (May bank holidays)', async () => {
    t.clock.set('2026-04-30T08:00:00+01:00');
    const { officer, child } = await cast();
    const yj = t.services.youthJustice;
    t.clock.set('2026-04-30T15:00:00+01:00');
    await yj.referral(officer, child.id, { source: 'court', route: 'court', offence: 'Theft from a shop', previousDisposal: 'no', ...when('referral', '2026-04-30', '09:00') });
    expect(await problems(yj.disposal(officer, child.id, { disposal: 'youth_caution', ...when('disposal', '2026-04-30') }))).toEqual([
      'disposal: This referral came by the court route: record a sentence, not an out-of-court disposal, or record a new out-of-court referral once this case is closed',
    ]);
    await yj.report(officer, child.id, { reportCourt: 'youth_court', proposal: 'A referral order: supervision and reparation; no risk to the public that needs custody.', ...when('report', '2026-04-30', '09:30') });
    await yj.allocate(officer, child.id, { caseManagerId: officer.actor.userId, ...when('allocation', '2026-04-30', '10:00') });
    expect(await problems(yj.sentence(officer, child.id, { order: 'referral_order', ...when('sentence', '2026-04-30', '12:00') }))).toEqual(['court: Select the court that sentenced the child']);
    // Sentenced on Thursday 30 April: 1 May (1), the 4 May bank holiday, 5-7 May (4): supervised under AssetPlus by Friday 8 May.
    await yj.sentence(officer, child.id, { order: 'referral_order', court: 'youth_court', ...when('sentence', '2026-04-30', '12:00') });
    expect(await outcomes(child.id, 'yos.order-assessment')).toEqual([['2026-05-08', 'open']]);
    t.clock.set('2026-05-08T17:00:00+01:00');
    await yj.assessment(officer, child.id, when('assessment', '2026-05-08', '16:00'));
    expect(await outcomes(child.id, 'yos.order-assessment')).toEqual([['2026-05-08', 'met']]);
    // The referral order plan within 20 working days of Friday 8 May, the 25 May bank holiday skipped: Monday 8 June.
    expect(await outcomes(child.id, 'yos.referral-order-plan')).toEqual([['2026-06-08', 'open']]);
    t.clock.set('2026-06-08T17:00:00+01:00');
    await yj.plan(officer, child.id, { summary: 'Youth offender panel contract agreed.', ...when('plan', '2026-06-08', '15:00') });
    expect(await outcomes(child.id, 'yos.referral-order-plan')).toEqual([['2026-06-08', 'met']]);
    // Reviewed every 3 months: by Tuesday 8 September, then Tuesday 8 December.
    expect(await outcomes(child.id, 'yos.plan-review')).toEqual([['2026-09-08', 'open']]);
    t.clock.set('2026-09-08T17:00:00+01:00');
    await yj.review(officer, child.id, when('review', '2026-09-08', '11:00'));
    expect(await outcomes(child.id, 'yos.plan-review')).toEqual([['2026-09-08', 'met'], ['2026-12-08', 'open']]);
    t.clock.set('2026-12-10T10:00:00Z');
    const states = (await t.services.standards.forPerson(child.id, officer.actor)).filter((r) => r.obligation.ruleId === 'yos.plan-review').map((r) => r.state);
    expect(states).toEqual(['met', 'overdue']);

    // A case with nothing overdue yet, referred this morning (Thursday 10 December).
    const { child: fresh } = await cast();
    await yj.referral(officer, fresh.id, { source: 'police', route: 'out_of_court', offence: 'Graffiti on a bus shelter', previousDisposal: 'no', ...when('referral', '2026-12-10', '09:00') });

    // The service's caseload: the child with the overdue review, before those with nothing overdue.
    const { rows } = await yj.caseload(officer);
    const mine = rows.find((r) => r.id === child.id);
    expect(mine).toMatchObject({ caseManager: officer.actor.displayName, work: 'Referral order', overdue: 1 });
    expect(mine?.next?.ruleId).toBe('yos.plan-review');
    expect(rows.find((r) => r.id === fresh.id)).toMatchObject({ overdue: 0 });
    const firstWithout = rows.findIndex((r) => r.overdue === 0);
    expect(firstWithout).toBeGreaterThanOrEqual(0);
    expect(rows.findIndex((r) => r.id === child.id)).toBeLessThan(firstWithout);
  });

  it('follows a Detention and Training Order through custody to a release at 18, refusing the release until accommodation and ETE are in place or the reason is given', async () => {
    // Born 15 September 2008: 17 when sentenced, 18 before the release.
    t.clock.set('2026-04-02T08:00:00+01:00');
    const { officer, child } = await cast('2008-09-15');
    const yj = t.services.youthJustice;
    t.clock.set('2026-04-02T15:00:00+01:00');
    expect(await problems(yj.contact(officer, child.id, when('contact', '2026-04-02')))).toEqual([
      'contact: This is recorded while the young person is in custody on a Detention and Training Order: record the sentence first',
    ]);
    await yj.referral(officer, child.id, { source: 'court', route: 'court', offence: 'Robbery', previousDisposal: 'no', ...when('referral', '2026-04-02', '09:00') });
    await yj.allocate(officer, child.id, { caseManagerId: officer.actor.userId, ...when('allocation', '2026-04-02', '09:30') });
    expect(await problems(yj.sentence(officer, child.id, { order: 'detention_and_training_order', court: 'crown_court', ...when('sentence', '2026-04-02', '12:00') }))).toEqual(['expectedReleaseOn-day: Enter the expected release date']);
    expect(await problems(yj.sentence(officer, child.id, { order: 'detention_and_training_order', court: 'crown_court', ...dateBoxes('expectedReleaseOn', '2029-04-02'), ...when('sentence', '2026-04-02', '12:00') }))).toEqual([
      'expectedReleaseOn-day: The expected release date must be within 24 months of the sentence (the longest Detention and Training Order): check the year',
    ]);
    // Sentenced on Thursday 2 April, the day before Good Friday; release expected on Saturday 31 October.
    await yj.sentence(officer, child.id, { order: 'detention_and_training_order', court: 'crown_court', ...dateBoxes('expectedReleaseOn', '2026-10-31'), ...when('sentence', '2026-04-02', '12:00') });
    // Contact within 5 working days (Monday 13 April), sentence planning and resettlement planning within 10 (Monday 20 April).
    expect(await outcomes(child.id, 'yos.custody-contact')).toEqual([['2026-04-13', 'open']]);
    expect(await outcomes(child.id, 'yos.sentence-planning')).toEqual([['2026-04-20', 'open']]);
    expect(await outcomes(child.id, 'yos.resettlement-planning')).toEqual([['2026-04-20', 'open']]);
    expect(await problems(yj.sentence(officer, child.id, { order: 'referral_order', court: 'youth_court', ...when('sentence', '2026-04-02', '13:00') }))).toEqual([
      'order: The young person is in custody on a Detention and Training Order since 2 April 2026: record the release before a new sentence',
    ]);
    t.clock.set('2026-04-21T17:00:00+01:00');
    expect(await problems(yj.sentencePlanReview(officer, child.id, when('sentencePlanReview', '2026-04-21')))).toEqual(['sentencePlanReview: Record the sentence planning meeting first: its reviews follow it']);
    await yj.contact(officer, child.id, { summary: 'Visited at the YOI.', ...when('contact', '2026-04-10', '14:00') });
    await yj.sentencePlanning(officer, child.id, when('sentencePlanning', '2026-04-21', '10:00'));
    await yj.resettlement(officer, child.id, when('resettlement', '2026-04-21', '11:00'));
    await yj.assessment(officer, child.id, when('assessment', '2026-04-08', '15:00'));
    expect(await outcomes(child.id, 'yos.custody-contact')).toEqual([['2026-04-13', 'met']]);
    expect(await outcomes(child.id, 'yos.sentence-planning')).toEqual([['2026-04-20', 'met_late']]);
    expect(await outcomes(child.id, 'yos.resettlement-planning')).toEqual([['2026-04-20', 'met_late']]);
    expect(await outcomes(child.id, 'yos.order-assessment')).toEqual([['2026-04-13', 'met']]);
    // Sentence plan reviews every 3 months from Tuesday 21 April: by 21 July.
    t.clock.set('2026-07-20T17:00:00+01:00');
    await yj.sentencePlanReview(officer, child.id, when('sentencePlanReview', '2026-07-20', '10:00'));
    expect(await outcomes(child.id, 'yos.sentence-plan-review')).toEqual([['2026-07-21', 'met'], ['2026-10-20', 'open']]);

    // He turns 18 on 15 September: the transfer to the National Probation Service is due a month before the release, by 30 September.
    t.clock.set('2026-09-29T17:00:00+01:00');
    const before = await yj.view(officer, child.id);
    expect(before.releasePlan).toMatchObject({ releaseOn: '2026-10-31', turns18: true, transferBy: '2026-09-30', transferOverdue: false });
    expect(before.missingForRelease).toEqual(['suitable accommodation', 'education, training or employment', 'the transfer to the National Probation Service']);
    const client = new Client(app);
    await client.signIn(officer.actor.username, officer.password);
    const custodyPage = mainText((await client.get(`/people/${child.id}/youth-justice`)).body);
    expect(custodyPage).toContain('Turns 18 in custody: finalise by 30 September 2026');
    expect(custodyPage).toContain('Before the release on licence, record: suitable accommodation, education, training or employment, the transfer to the National Probation Service');
    expect(custodyPage).toContain('31 October 2026 (in 32 days)');
    // The clock runs from the sentence that set the release date, before the deadline (22): not only once released.
    expect(await outcomes(child.id, 'yos.probation-transfer')).toEqual([['2026-09-30', 'open']]);
        await yj.probationTransfer(officer, child.id, when('transfer', '2026-09-29', '16:00'));
    await yj.sentencePlanReview(officer, child.id, when('sentencePlanReview', '2026-09-29', '10:00'));

    t.clock.set('2026-10-31T12:00:00Z');
    expect(await problems(yj.release(officer, child.id, when('release', '2026-10-31', '09:00')))).toEqual([
      'notInPlaceReason: Record suitable accommodation and education, training or employment before the release on licence (Youth Offending Service 21), or give the reason they are not in place',
    ]);
    expect(await problems(yj.inPlace(officer, child.id, 'accommodation', when('accommodation', '2026-10-23')))).toEqual(['accommodation: Enter the accommodation the young person will live in on release']);
    await yj.inPlace(officer, child.id, 'accommodation', { accommodation: 'Supported lodgings, 4 Mill Lane', ...when('accommodation', '2026-10-23', '15:00') });
    expect(await problems(yj.release(officer, child.id, when('release', '2026-10-31', '09:00')))).toEqual([
      'notInPlaceReason: Record education, training or employment before the release on licence (Youth Offending Service 21), or give the reason it is not in place',
    ]);
    // Released on Saturday 31 October without a college place: the reason is given, and the standard is missed.
    await yj.release(officer, child.id, { notInPlaceReason: 'College place confirmed only for January; a job search agreed with probation.', ...when('release', '2026-10-31', '09:00') });
    expect(await outcomes(child.id, 'yos.release-accommodation')).toEqual([['2026-10-31', 'met']]);
    expect(await outcomes(child.id, 'yos.release-ete')).toEqual([['2026-10-31', 'missed']]);
    expect(await outcomes(child.id, 'yos.probation-transfer')).toEqual([['2026-09-30', 'met']]);
    // The release ended the sentence plan reviews (the next was due 29 December).
    expect(await outcomes(child.id, 'yos.sentence-plan-review')).toEqual([['2026-07-21', 'met'], ['2026-10-20', 'met'], ['2026-12-29', 'cancelled']]);
    const released = (await t.services.people.streamOf(child.id)).find((e) => e.type === 'yos.released');
    expect(released?.data.turned18InCustody).toBe(true);
    expect(await problems(yj.contact(officer, child.id, when('contact', '2026-10-31', '10:00')))).toEqual([
      'contact: This is recorded while the young person is in custody on a Detention and Training Order: record the sentence first',
    ]);
    t.clock.set('2026-11-03T12:00:00Z');
    await yj.end(officer, child.id, { reason: 'transferred', summary: 'Licence supervised by the Probation Service.', ...when('ended', '2026-11-02') });
    await yj.close(officer, child.id, when('closed', '2026-11-03'));
    expect((await yj.view(officer, child.id)).y.open).toBe(false);
    // Signed in again: the session from September has long expired.
    await client.signIn(officer.actor.username, officer.password);
    const closedPage = await client.get(`/people/${child.id}/youth-justice`);
    expect(closedPage.statusCode).toBe(200);
    expect(mainText(closedPage.body)).toContain('Closed 3 November 2026');
    expect(mainText(closedPage.body)).toContain('Released on licence. Not in place: College place confirmed only for January');
  });

  it("restricts a child's youth justice records to the service and those working with the child, and audits every read", async () => {
    t.clock.set('2026-04-30T08:00:00+01:00');
    const { officer, sw, manager, otherSw, otherManager, head, auditor, child, team } = await cast();
    const s = t.services;
    const yj = s.youthJustice;
    t.clock.set('2026-05-01T12:00:00+01:00');
    await yj.referral(officer, child.id, { source: 'children_social_care', route: 'out_of_court', offence: 'Assault on a peer at school', previousDisposal: 'no', ...when('referral', '2026-04-30', '10:00') });
    await yj.allocate(officer, child.id, { caseManagerId: officer.actor.userId, ...when('allocation', '2026-05-01', '10:00') });
    const yosEvents = (await s.people.streamOf(child.id)).filter((e) => e.type.startsWith('yos.'));
    expect(yosEvents).toHaveLength(2);

    // Recording is the service's: a social worker may not, and Record work refuses yos.* for everyone.
    await expect(yj.assessment(sw, child.id, when('assessment', '2026-05-01', '11:00'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(s.recordWork.record(sw, child.id, { type: 'yos.assessment_completed', occurredOn: '2026-05-01', occurredTime: '11:00', data: { order: 'out_of_court' } }))).toEqual(['type: Select what was done from the list']);

    // A social worker of another team who may open the record sees none of it.
    const sheet = await s.people.frontSheet(otherSw, child.id);
    expect(sheet.recent.some((e) => e.type.startsWith('yos.'))).toBe(false);
    expect(sheet.may.youthJustice).toBe(false);
    expect((await s.people.history(otherSw, child.id)).events.some((e) => e.type.startsWith('yos.'))).toBe(false);
    expect((await s.caseRecord.view(otherSw, child.id)).chronology.some((c) => JSON.stringify(c).includes('Youth Offending'))).toBe(false);
    await expect(s.people.entryEvent(otherSw, child.id, yosEvents[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await s.standards.forPerson(child.id, otherSw.actor)).some((r) => r.obligation.ruleId.startsWith('yos.'))).toBe(false);
    expect((await s.standards.openFor([child.id], otherSw.actor)).some((r) => r.obligation.ruleId.startsWith('yos.'))).toBe(false);
    await expect(yj.view(otherSw, child.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(yj.caseload(sw)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(yj.indicators(head)).rejects.toBeInstanceOf(ForbiddenError);

    // The allocated social worker, their manager, the YOS and the head of service do.
    for (const reader of [sw, manager, officer, head]) {
      expect((await s.people.frontSheet(reader, child.id)).recent.filter((e) => e.type.startsWith('yos.')).length, reader.actor.username).toBe(2);
      expect((await s.standards.forPerson(child.id, reader.actor)).some((r) => r.obligation.ruleId === 'yos.assessment'), reader.actor.username).toBe(true);
    }
    expect((await s.people.history(sw, child.id)).events.filter((e) => e.type.startsWith('yos.'))).toHaveLength(2);
    expect((await s.people.entryEvent(sw, child.id, yosEvents[0]!.id)).id).toBe(yosEvents[0]!.id);
    const swView = await yj.view(sw, child.id);
    expect(swView.may.record).toBe(false);
    expect(swView.clocks.map((c) => c.ruleId)).toEqual(['yos.assessment', 'yos.intervention-length']);
    // The counts of My work and the team page: the assessment, due within 10 working days, counted for the allocated worker only.
    const hidden = (await s.standards.openCounts([child.id], otherSw.actor)).get(child.id) ?? { overdue: 0, dueSoon: 0 };
    const seen = (await s.standards.openCounts([child.id], sw.actor)).get(child.id) ?? { overdue: 0, dueSoon: 0 };
    expect(seen.dueSoon).toBe(hidden.dueSoon + 1);
    expect((await s.standards.openCounts([child.id])).get(child.id)?.dueSoon ?? 0).toBe(hidden.dueSoon);

    // Compliance and its drill-down: the youth justice standards for the service and the head of service only.
    const ruleIds = async (reader?: typeof head.actor) => new Set((await s.standards.compliance('2026-04-01', '2026-05-31', reader)).map((r) => r.ruleId));
    expect([...(await ruleIds(otherManager.actor))].some((id) => id.startsWith('yos.'))).toBe(false);
    expect((await s.standards.ofRuleInPeriod('yos.assessment', '2026-05-01', '2026-05-31', 500, head.actor)).some((r) => r.obligation.personId === child.id)).toBe(true);
    expect(await s.standards.ofRuleInPeriod('yos.assessment', '2026-05-01', '2026-05-31', 500, otherManager.actor)).toEqual([]);
    expect(await s.standards.complianceOfRule('yos.assessment', '2026-05-01', '2026-05-31', otherManager.actor)).toEqual([]);

    // The obligations command leaves them out.
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
    try {
      expect(await obligationsCommand(['--child', child.externalId as string, '--at', '2026-05-01T12:00:00Z', '--json'], (run) => run(database))).toBe(0);
    } finally {
      log.mockRestore();
    }
    expect(printed.join('\n')).not.toContain('yos.');

    // The pages: the button and the page for those who may see; 403 and nothing of it for the other team's worker; the API too.
    const otherClient = new Client(app);
    await otherClient.signIn(otherSw.actor.username, otherSw.password);
    const otherSheet = await otherClient.get(`/people/${child.id}`);
    expect(otherSheet.statusCode).toBe(200);
    expect(mainText(otherSheet.body)).not.toMatch(/Youth Offending|Youth justice|Assault on a peer/);
    expect((await otherClient.get(`/people/${child.id}/youth-justice`)).statusCode).toBe(403);
    expect((await otherClient.get(`/people/${child.id}/history`)).body).not.toContain('Youth Offending');
    expect((await otherClient.get(`/people/${child.id}/chronology`)).body).not.toContain('Youth Offending');
    expect((await otherClient.get('/youth-justice')).statusCode).toBe(403);
    const api = await otherClient.json('GET', `/api/v1/children/${child.id}/history`);
    expect(api.statusCode).toBe(200);
    expect(api.body).not.toContain('yos.');
    const swClient = new Client(app);
    await swClient.signIn(sw.actor.username, sw.password);
    const swSheet = await swClient.get(`/people/${child.id}`);
    expect(mainText(swSheet.body)).toContain('Referral received by the Youth Offending Service');
    expect(swSheet.body).toContain(`/people/${child.id}/youth-justice`);
    const swPage = await swClient.get(`/people/${child.id}/youth-justice`);
    expect(swPage.statusCode).toBe(200);
    expect(mainText(swPage.body)).toContain('Assault on a peer at school');
    expect(swPage.body).not.toContain('Record the referral');
    expect((await swClient.json('GET', `/api/v1/children/${child.id}/history`)).body).toContain('yos.referral_received');
    const myWork = await swClient.get('/');
    expect(mainText(myWork.body)).toContain('Youth Justice Board approved assessment within 5 working days of allocation');
    // The team page's figures for the social worker: the allocated team's manager counts the youth justice
    // assessment among those due soon; another team's manager, who does not see the child's youth justice records, does not.
    const teamFigures = async (reader: typeof manager) => {
      const client = new Client(app);
      await client.signIn(reader.actor.username, reader.password);
      const page = await client.get(`/teams/${team}`);
      expect(page.statusCode).toBe(200);
      const row = [...page.body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).find((r) => r.includes(sw.actor.displayName));
      const cells = [...(row ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.trim());
      // Name, job title, roles, children allocated, standards overdue, due in 10 working days.
      return { children: Number(cells[3]), overdue: Number(cells[4]), dueSoon: Number(cells[5]) };
    };
    expect(await teamFigures(manager)).toEqual({ children: 1, overdue: seen.overdue, dueSoon: seen.dueSoon });
    expect(await teamFigures(otherManager)).toEqual({ children: 1, overdue: hidden.overdue, dueSoon: hidden.dueSoon });
    expect(seen.dueSoon).toBeGreaterThan(hidden.dueSoon);
    // Posting a step as the social worker is refused.
    const refusedPost = await swClient.post(`/people/${child.id}/youth-justice/assessment`, when('assessment', '2026-05-01', '11:30'));
    expect(refusedPost.statusCode).toBe(403);

    // Every read is audited as a read of the youth justice records; the other team's refusal too.
    const log2 = async (username: string) => (await s.audit.search(auditor, { personId: child.id, username, from: null, to: null, page: 1 })).rows.filter((r) => r.action === 'youth_justice.viewed');
    expect((await log2(sw.actor.username)).filter((r) => r.outcome === 'allowed').length).toBeGreaterThanOrEqual(4);
    expect((await log2(otherSw.actor.username)).map((r) => r.outcome)).toContain('denied');
    expect((await log2(otherSw.actor.username)).filter((r) => r.outcome === 'allowed')).toEqual([]);
  });

  it('serves the pages to the service: the caseload, the child page with its forms and refusals, and the indicators', async () => {
    t.clock.set('2026-06-01T08:00:00+01:00');
    const { officer, yosManager, child } = await cast();
    t.clock.set('2026-06-01T12:00:00+01:00');
    const client = new Client(app);
    await client.signIn(officer.actor.username, officer.password);
    const blank = await client.get(`/people/${child.id}/youth-justice`);
    expect(blank.statusCode).toBe(200);
    expect(mainText(blank.body)).toContain('has not been open to the Youth Offending Service');
    const refused = await client.post(`/people/${child.id}/youth-justice/referral`, { ...when('referral', '2026-06-01', '09:00') });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Select who referred the child');
    expect(refused.body).toContain('href="#source"');
    const saved = await client.post(`/people/${child.id}/youth-justice/referral`, { source: 'police', route: 'out_of_court', offence: 'Graffiti', previousDisposal: 'no', ...when('referral', '2026-06-01', '09:00') });
    expect(saved.statusCode).toBe(302);
    const outOfOrder = await client.post(`/people/${child.id}/youth-justice/plan`, when('plan', '2026-06-01', '10:00'));
    expect(outOfOrder.statusCode).toBe(400);
    expect(mainText(outOfOrder.body)).toContain('Allocate the case to a Youth Offending Service case manager first');
    expect(outOfOrder.body).toContain('href="#plan"');
    expect(outOfOrder.body).toContain('id="plan"');
    const allocated = await client.post(`/people/${child.id}/youth-justice/allocation`, { caseManagerId: yosManager.actor.userId, ...when('allocation', '2026-06-01', '10:00') });
    expect(allocated.statusCode).toBe(302);
    const page = mainText((await client.get(`/people/${child.id}/youth-justice`)).body);
    expect(page).toContain('The case manager has been allocated');
    expect(page).toContain(`${yosManager.actor.displayName} since 1 June 2026`);
    expect(page).toContain('Youth Justice Board approved assessment within 5 working days of allocation');
    expect((await client.get('/youth-justice')).statusCode).toBe(200);
    expect(mainText((await client.get('/youth-justice')).body)).toContain(child.details.familyName);
    const indicators = await client.get('/youth-justice/indicators?year=2026');
    expect(indicators.statusCode).toBe(200);
    expect(mainText(indicators.body)).toContain('First-time entrants');
    expect((await client.get('/youth-justice/indicators?year=nonsense')).statusCode).toBe(404);
  });

  it('counts first-time entrants, re-offending and custody from a known set of children', async () => {
    const s = t.services;
    t.clock.set('2022-11-01T12:00:00Z');
    const { officer } = await cast();
    const yj = s.youthJustice;
    t.clock.set('2025-01-10T12:00:00Z');
    const child = async () => (await registerChild(s, officer, { dateOfBirth: '2008-03-01' })).id;
    const [a, b, c, d, e] = [await child(), await child(), await child(), await child(), await child()];
    const open = async (id: string, route: 'out_of_court' | 'court', on: string, previousDisposal = 'no') => {
      await yj.referral(officer, id, { source: 'police', route, offence: 'An offence', previousDisposal, ...when('referral', on, '09:00') });
      await yj.allocate(officer, id, { caseManagerId: officer.actor.userId, ...when('allocation', on, '10:00') });
    };
    // A: youth caution 10 February 2023, re-offended 20 November 2023.
    await open(a, 'out_of_court', '2023-02-01');
    await yj.disposal(officer, a, { disposal: 'youth_caution', ...when('disposal', '2023-02-10') });
    await yj.reoffence(officer, a, { furtherOffence: 'Theft', ...when('reoffence', '2023-11-20') });
    // B: a conditional caution in March 2023, with a caution elsewhere before: not a first-time entrant.
    await open(b, 'out_of_court', '2023-03-01', 'yes');
    await yj.disposal(officer, b, { disposal: 'youth_conditional_caution', ...when('disposal', '2023-03-15') });
    // C: a Detention and Training Order on 5 June 2023; a re-offence on 1 July 2024, more than 12 months on.
    await open(c, 'court', '2023-06-01');
    await yj.sentence(officer, c, { order: 'detention_and_training_order', court: 'youth_court', ...dateBoxes('expectedReleaseOn', '2023-12-04'), ...when('sentence', '2023-06-05', '12:00') });
    await yj.reoffence(officer, c, { furtherOffence: 'Burglary', ...when('reoffence', '2024-07-01') });
    // D: a community resolution only: no re-offence can follow it.
    await open(d, 'out_of_court', '2023-04-03');
    await yj.disposal(officer, d, { disposal: 'community_resolution', ...when('disposal', '2023-04-10') });
    expect(await problems(yj.reoffence(officer, d, { furtherOffence: 'Theft', ...when('reoffence', '2023-06-01') }))).toEqual([
      'furtherOffence: A re-offence follows a youth caution, a conditional caution or a conviction: record the earlier disposal or sentence first',
    ]);
    // E: a caution in December 2022 (a first-time entrant then), closed; a youth rehabilitation order in September 2023; two re-offences within 12 months.
    await open(e, 'out_of_court', '2022-12-01');
    await yj.disposal(officer, e, { disposal: 'youth_caution', ...when('disposal', '2022-12-20') });
    await yj.end(officer, e, { reason: 'completed', ...when('ended', '2023-01-10') });
    await yj.close(officer, e, when('closed', '2023-01-11'));
    await open(e, 'court', '2023-08-01');
    await yj.sentence(officer, e, { order: 'youth_rehabilitation_order', court: 'youth_court', ...when('sentence', '2023-09-04', '12:00') });
    await yj.reoffence(officer, e, { furtherOffence: 'Criminal damage', ...when('reoffence', '2024-01-15') });
    await yj.reoffence(officer, e, { furtherOffence: 'Theft', ...when('reoffence', '2024-03-01') });

    const mine = new Set([a, b, c, d, e]);
    const of = <T extends { personId: string }>(list: T[]) => list.filter((x) => mine.has(x.personId));
    const y2023 = await yj.indicators(officer, 2023);
    expect(y2023.figures.firstTimeEntrants.count).toBe(2);
    expect(of(y2023.firstTimeEntrants).map((x) => [x.personId, x.on])).toEqual([[a, '2023-02-10'], [c, '2023-06-05']]);
    expect(y2023.figures.reoffending).toMatchObject({ cohort: 4, reoffenders: 2, rate: 50, reoffences: 3, followUpEnds: '2024-12-31', complete: true });
    expect(of(y2023.reoffending).map((x) => [x.personId, x.reoffences])).toEqual([[a, 1], [b, 0], [c, 0], [e, 2]]);
    expect(y2023.figures.custody.count).toBe(1);
    expect(y2023.custody[0]).toMatchObject({ personId: c, on: '2023-06-05', visible: true });
    const y2022 = await yj.indicators(officer, 2022);
    expect([y2022.figures.firstTimeEntrants.count, y2022.figures.reoffending.cohort, y2022.figures.reoffending.reoffenders, y2022.figures.custody.count]).toEqual([1, 1, 0, 0]);

    const client = new Client(app);
    await client.signIn(officer.actor.username, officer.password);
    const page = mainText((await client.get('/youth-justice/indicators?year=2023')).body);
    expect(page).toContain('2 of 4 (50%)');
    expect(page).toContain('3 re-offences in all');
  });

  it('seeds the demonstration scene: an out-of-court case at 14 weeks, late plans and reviews, a release coming, and figures for the indicators', async () => {
    const s = t.services;
    const kwame = await makeUser(s, { roles: ['team-manager', 'youth-justice-officer'] });
    const ellie = await makeUser(s, { roles: ['youth-justice-officer'] });
    const socialWorker = await makeUser(s, { roles: ['social-worker'] });
    t.clock.set('2026-01-05T12:00:00Z');
    // The demonstration's children, as a test's own: its families by surname.
    const of = async (given: string, familyName: string, dateOfBirth: string) => [(await registerChild(s, socialWorker, { givenNames: given, familyName, dateOfBirth })).id];
    const childrenOf = new Map([
      ['Okonkwo', await of('Chidi', 'Okonkwo', '2012-02-14')],
      ['Yilmaz', await of('Emre', 'Yilmaz', '2013-01-20')],
      ['Walker', await of('Mason', 'Walker', '2010-03-02')],
      ['Mwangi', await of('Amani', 'Mwangi', '2009-02-10')],
      ['Doherty', await of('Shannon', 'Doherty', '2012-05-30')],
    ]);
    const now = new Date('2026-11-20T12:00:00Z');
    const at = (daysAgo: number, hour = 10) => new Date(Date.parse('2026-11-20T00:00:00Z') - daysAgo * 86_400_000 + hour * 3_600_000);
    const ids = await youthJusticeScenes(s, { caseManager: ellie, manager: kwame }, childrenOf, (d) => t.clock.set(d), at);
    t.clock.set(now);
    expect(ids).toHaveLength(5);
    const { rows } = await s.youthJustice.caseload(ellie);
    const scene = rows.filter((r) => ids.includes(r.id));
    // Shannon's case is closed; Emre's plan and Mason's review are overdue; Amani is in custody.
    expect(scene).toHaveLength(4);
    expect(scene.filter((r) => r.inCustody).map((r) => r.name)).toEqual([expect.stringContaining('Amani')]);
    expect(scene.filter((r) => r.overdue > 0).map((r) => r.next?.ruleId).sort()).toEqual(['yos.plan-review', 'yos.referral-order-plan']);
    const chidi = await s.youthJustice.view(ellie, childrenOf.get('Okonkwo')![0]!);
    // The caution 98 days (14 weeks) ago: the 16 weeks end in 14 days.
    expect(chidi.clocks.find((c) => c.ruleId === 'yos.intervention-length')).toMatchObject({ dueDate: '2026-12-04', state: 'due' });
    const figures = await s.youthJustice.indicators(ellie, 2026);
    const mine = <T extends { personId: string }>(list: T[]) => list.filter((c) => ids.includes(c.personId));
    // Mason had a caution elsewhere: the other four are first-time entrants this year.
    expect(mine(figures.firstTimeEntrants)).toHaveLength(4);
    expect(mine(figures.reoffending).filter((c) => c.reoffences > 0)).toHaveLength(2);
    expect(mine(figures.custody)).toHaveLength(1);
  });
});
