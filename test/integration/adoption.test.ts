import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { parseSsda903Csv } from '../../src/domain/returns/ssda903/ssda903Csv';
import { childIdOf } from '../../src/modules/returns/returnSubjects';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, childInput, makeTeam, makeUser, registerChild, uniqueName, world, type TestWorld } from '../factories';
import { approvedCarer } from '../support/approvedCarers';

const at = (occurredOn: string, occurredTime = '10:00') => ({ occurredOn, occurredTime, problems: [] });

/**
 * A baby's adoption from an interim care order in January 2026 to an adoption order on Christmas Eve
 * 2026, with approved adopters, through the Easter and May bank holidays (practice-standards.txt,
 * Section 2: Parallel Planning for Adoption 8-9; Section 3: Permanency Planning Meetings 5; Section 4:
 * Reviews for Children in Care 60; specialist-service-statement.txt 7.4).
 */
describe.each(engines())('adoption on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-01-12T12:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  const rule = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);
  const outcome = async (personId: string, ruleId: string) => {
    const r = await rule(personId, ruleId);
    return [r?.obligation.dueDate, r?.obligation.outcome];
  };

  async function people() {
    const { worker, manager, child, teamId } = await allocatedCase(t.services);
    const fpt = await makeTeam(t.services, `Family Placement ${uniqueName()}`, 'family-placement');
    const assessor = await makeUser(t.services, { roles: ['social-worker'], teamIds: [fpt] });
    const fptManager = await makeUser(t.services, { roles: ['team-manager'], teamIds: [fpt] });
    const adm = await makeUser(t.services, { roles: ['agency-decision-maker'] });
    const iro = await makeUser(t.services, { roles: ['iro'] });
    const registered = await t.services.people.register(assessor, { ...childInput({ kind: 'adult', dateOfBirth: '1986-05-01', givenNames: 'Sarah', familyName: `Whitfield${uniqueName()}` }), confirmNotDuplicate: true });
    if (registered.outcome !== 'registered') throw new Error('adult not registered');
    return { worker, manager, child, teamId, fpt, assessor, fptManager, adm, iro, adopterId: registered.record.id };
  }

  it('plans, decides, matches, places, reviews and adopts, each step refused until what it needs is recorded', async () => {
    const { worker, manager, child, assessor, fptManager, adm, iro, adopterId } = await people();
    const s = t.services;
    t.clock.set('2026-01-12T12:00:00Z');
    // The prospective adopters registered on Monday 5 January, before the child came into care (the clock only moves forward).
    expect(await problems(s.adopters.register(assessor, adopterId, { household: 'Sarah and James Whitfield', workerId: 'nobody' }, at('2026-01-05')))).toEqual(['workerId: Select the assessing social worker from the list']);
    await s.adopters.register(assessor, adopterId, { household: 'Sarah and James Whitfield', secondApplicant: 'James Whitfield', children: 'None', workerId: assessor.actor.userId }, at('2026-01-05'));
    await s.inCare.start(worker, child.id, { legalStatus: 'C1', reason: 'Interim care order at the first hearing.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'in_house_fostering', carerId: await approvedCarer(t.services, worker, 'Pat and Chris Lowe') }, at('2026-01-12'));

    t.clock.set('2026-01-20T12:00:00Z');
    expect(await problems(s.adoption.planningStep(worker, child.id, 'cprCompleted', at('2026-01-20')))).toEqual(['cprCompleted: Child Permanence Report completed by the social worker: record that parallel planning for adoption is agreed first']);
    expect(await problems(s.adoption.startParallelPlanning(worker, child.id, { summary: '' }, at('2026-01-20')))).toEqual(['summary: Enter why parallel planning for adoption is being used']);
    // Nothing on the plan before the child came into care on Monday 12 January (the weekend before included).
    expect(await problems(s.adoption.startParallelPlanning(worker, child.id, { summary: 'No prospect of return to mother.' }, at('2026-01-10')))).toEqual([
      expect.stringMatching(/^occurredOn: This cannot be before the child came into care on 12 January 2026/),
    ]);
    expect(await problems(s.adoption.planningStep(worker, child.id, 'birthCertificates', at('2026-01-11')))).toEqual([expect.stringMatching(/^occurredOn: This cannot be before the child came into care on 12 January 2026/)]);
    await s.adoption.startParallelPlanning(worker, child.id, { summary: 'No prospect of return to mother; no family carers.' }, at('2026-01-20'));
    await s.adoption.planningStep(worker, child.id, 'birthCertificates', at('2026-01-20', '11:00'));

    // The court sets the Final Evidence and Care Plan date: Friday 10 April 2026.
    t.clock.set('2026-02-02T12:00:00Z');
    expect(await problems(s.adoption.finalEvidenceDate(worker, child.id, { 'finalEvidenceOn-day': '31', 'finalEvidenceOn-month': '2', 'finalEvidenceOn-year': '2026' }))).toEqual(['finalEvidenceOn-day: The Final Evidence and Care Plan date must be a real date']);
    await s.adoption.finalEvidenceDate(worker, child.id, { 'finalEvidenceOn-day': '10', 'finalEvidenceOn-month': '4', 'finalEvidenceOn-year': '2026' });
    // 1 week before is Good Friday: the page plans for Thursday 2 April.
    expect((await s.adoption.view(worker, child.id)).timetable.map((r) => r.workingDay)).toEqual(['2026-03-13', '2026-03-27', '2026-03-27', '2026-04-02']);

    // The ADM decides on the CPR: not before it reaches them.
    t.clock.set('2026-03-12T12:00:00Z');
    expect(await problems(s.adoption.shouldBePlaced(adm, child.id, { decision: 'agreed', summary: 'Adoption is in her interests.' }, at('2026-03-12')))).toEqual([
      'decision: The agency decision maker decides on the Child Permanence Report: record that the final CPR was sent to the ADM first',
    ]);
    await s.adoption.planningStep(worker, child.id, 'cprCompleted', at('2026-03-12'));
    t.clock.set('2026-03-30T12:00:00Z');
    await s.adoption.planningStep(worker, child.id, 'cprFinalised', at('2026-03-27'));
    // Sent on Monday 30 March: the Friday before was the last day 2 weeks ahead.
    await s.adoption.planningStep(worker, child.id, 'cprToAdm', at('2026-03-30'));
    t.clock.set('2026-04-02T12:00:00Z');
    await s.adoption.planningStep(worker, child.id, 'evidenceToManager', at('2026-04-02'));
    await expect(s.adoption.shouldBePlaced(worker, child.id, { decision: 'agreed', summary: 'x' }, at('2026-04-01'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(s.adoption.shouldBePlaced(adm, child.id, { decision: 'agreed', summary: 'Too early' }, at('2026-03-29')))).toEqual([
      'occurredOn: The decision cannot be before the CPR was sent to the ADM, 30 March 2026 at 10:00am: check the date and time',
    ]);
    await s.adoption.shouldBePlaced(adm, child.id, { decision: 'agreed', summary: 'Adoption is in her interests: no family member can care for her.' }, at('2026-04-01'));
    t.clock.set('2026-04-10T16:00:00Z');
    await s.adoption.planningStep(worker, child.id, 'evidenceFiled', at('2026-04-10', '15:00'));
    expect(await outcome(child.id, 'adoption.cpr-completed')).toEqual(['2026-03-13', 'met']);
    expect(await outcome(child.id, 'adoption.cpr-sent-to-adm')).toEqual(['2026-03-27', 'met_late']);
    expect(await outcome(child.id, 'adoption.final-evidence-to-manager')).toEqual(['2026-04-03', 'met']);

    // No placement without the authority to place and the match.
    t.clock.set('2026-04-14T16:00:00Z');
    expect(await problems(s.adoption.place(worker, child.id, { withCurrentCarers: 'no' }, at('2026-04-14')))).toEqual([
      "withCurrentCarers: The child cannot be placed for adoption without a placement order or the parents' consent (section 19): record one first",
    ]);
    // The placement order cannot be dated before the ADM's decision on Wednesday 1 April (Good Friday and Easter Monday between).
    expect(await problems(s.adoption.placementOrder(worker, child.id, { summary: 'Placement order' }, at('2026-03-31')))).toEqual([
      'occurredOn: The placement order cannot be before the agency decision maker decided the child should be placed for adoption, on 1 April 2026: check the date',
    ]);
    // The placement order on Tuesday 14 April: reviews due 3 and 6 months after it until she is placed.
    await s.adoption.placementOrder(worker, child.id, { summary: 'Placement order made at the final hearing.' }, at('2026-04-14', '14:00'));
    expect(await outcome(child.id, 'adoption.placement-order-review-3-months')).toEqual(['2026-07-14', 'open']);
    expect(await problems(s.adoption.placementOrder(worker, child.id, {}, at('2026-04-14', '15:00')))).toEqual(['summary: The placement order is already recorded']);

    // Prospective adopters (registered on 5 January): assessment signed off by the team manager, then panel, then the ADM.
    t.clock.set('2026-04-16T12:00:00Z');
    expect(await problems(s.adopters.decide(adm, adopterId, { decision: 'agreed', summary: 'Approve' }, at('2026-04-16')))).toEqual([
      "decision: Adopters cannot be approved without the adoption panel's recommendation: record the panel's recommendation first",
    ]);
    await expect(s.adopters.assessment(assessor, adopterId, { summary: 'Recommend approval for one child aged 0-4.' }, at('2026-04-02'))).rejects.toBeInstanceOf(ForbiddenError);
    await s.adopters.assessment(fptManager, adopterId, { summary: 'Recommend approval for one child aged 0-4.' }, at('2026-04-02'));
    // The panel's recommendation is recorded by the panel adviser (a team manager); the ADM approves.
    await s.adopters.panel(fptManager, adopterId, { recommendation: 'recommended', summary: 'Unanimous: warm, reflective applicants.' }, at('2026-04-16'));
    expect(await problems(s.adoption.matchPanel(fptManager, child.id, { adopterId, recommendation: 'recommended', summary: 'Good match.' }, at('2026-04-16', '11:00')))).toEqual([
      'adopterId: The prospective adopters are not approved: a match is with approved adopters only',
    ]);
    t.clock.set('2026-04-23T12:00:00Z');
    await s.adopters.decide(adm, adopterId, { decision: 'agreed', summary: 'Approved for one child aged 0 to 4.' }, at('2026-04-23'));
    expect((await s.adoption.approvedAdopters(fptManager)).map((a) => a.name)).toContain('Sarah and James Whitfield');
    // Only households the reader may see are offered: restricted, the Whitfields are hidden from another team's worker.
    await s.people.restrict(fptManager, adopterId, 'The applicant works in children’s services');
    expect((await s.adoption.approvedAdopters(worker)).map((a) => a.id)).not.toContain(adopterId);
    expect((await s.adoption.approvedAdopters(fptManager)).map((a) => a.id)).toContain(adopterId);

    // The match: the ADM cannot decide before the panel has recommended.
    t.clock.set('2026-05-12T12:00:00Z');
    expect(await problems(s.adoption.matchDecision(adm, child.id, { decision: 'agreed', summary: 'Agreed' }, at('2026-05-12')))).toEqual([
      "decision: The agency decision maker decides a match on the adoption panel's recommendation: record the panel's recommendation first",
    ]);
    // Not before the authority to place: the placement order on Tuesday 14 April.
    expect(await problems(s.adoption.matchPanel(fptManager, child.id, { adopterId, recommendation: 'recommended', summary: 'Good match.' }, at('2026-04-13')))).toEqual([
      "occurredOn: The panel cannot be before the authority to place (the placement order or the parents' consent) on 14 April 2026: check the date",
    ]);
    await s.adoption.matchPanel(fptManager, child.id, { adopterId, recommendation: 'recommended', summary: 'The Whitfields can meet her needs.' }, at('2026-05-07'));
    expect(await problems(s.adoption.place(worker, child.id, { withCurrentCarers: 'no' }, at('2026-05-12')))).toEqual([
      'withCurrentCarers: The child cannot be placed for adoption without a match recommended by the adoption panel and agreed by the agency decision maker',
    ]);
    await s.adoption.matchDecision(adm, child.id, { decision: 'agreed', summary: 'Match agreed.' }, at('2026-05-12'));
    // While the agreed match stands, the panel cannot consider another.
    expect(await problems(s.adoption.matchPanel(fptManager, child.id, { adopterId, recommendation: 'recommended', summary: 'Again.' }, at('2026-05-12', '11:00')))).toEqual([
      'adopterId: A match with Sarah and James Whitfield is agreed: record that it has ended before the panel considers another',
    ]);

    // Placed Friday 22 May 2026 (the spring bank holiday Monday 25 May makes no difference to 4 weeks).
    t.clock.set('2026-05-22T16:00:00Z');
    expect(await problems(s.adoption.place(worker, child.id, { withCurrentCarers: 'no' }, at('2026-05-11')))).toEqual([
      'occurredOn: The placement cannot be before the decisions and the authority to place it follows, the latest on 12 May 2026: check the date',
    ]);
    await s.adoption.place(worker, child.id, { withCurrentCarers: 'no', summary: 'Introductions went well.' }, at('2026-05-22'));
    const placed = (await s.people.streamOf(child.id)).find((e) => e.type === 'adoption.placed');
    // The child's chronology says "Placed for adoption" without the adopters' names; their record's id is in the data.
    expect(placed?.data.summary).toBe('Placed for adoption: Introductions went well.');
    // Once placed, the ADM's should-be-placed decision cannot be recorded again.
    expect(await problems(s.adoption.shouldBePlaced(adm, child.id, { decision: 'not_agreed', summary: 'Changed' }, at('2026-05-22', '11:00')))).toEqual([
      'decision: The child is placed for adoption: the decision can no longer change (record a disruption first if the placement has ended)',
    ]);
    // What the SSDA903 return reads: the should-be-placed decision and the match.
    expect(placed?.data).toMatchObject({ decisionOn: '2026-04-01', matchedOn: '2026-05-12', withCurrentCarers: false, carer: 'Sarah and James Whitfield', adopterId });
    expect(await outcome(child.id, 'adoption.first-review')).toEqual(['2026-06-19', 'open']);
    // The adopters' record shows the child matched and placed with them.
    expect((await s.adopters.view(assessor, await s.people.record(assessor, adopterId))).matches.map((m) => [m.id, m.stage])).toEqual([[child.id, 'Placed for adoption']]);
    expect(await outcome(child.id, 'adoption.placement-order-review-3-months')).toEqual(['2026-07-14', 'cancelled']);

    // The IRO holds the first review on Thursday 18 June; the second is due 3 months after it.
    t.clock.set('2026-06-18T16:00:00Z');
    await s.cicReviews.hold(iro, child.id, { decisions: 'Placement meeting her needs; adoption application to be made.', childParticipation: 'attended', lastBeforeEighteen: 'no' }, at('2026-06-18'));
    expect(await outcome(child.id, 'adoption.first-review')).toEqual(['2026-06-19', 'met']);
    expect(await outcome(child.id, 'adoption.second-review')).toEqual(['2026-09-18', 'open']);

    // The adoption order on Christmas Eve: not before the placement; it ends the period of care.
    t.clock.set('2026-12-24T16:00:00Z');
    expect(await problems(s.adoption.adoptionOrder(worker, child.id, { court: '', consentDispensed: 'yes' }, at('2026-12-24')))).toEqual(['court: Enter the court that made the adoption order']);
    expect(await problems(s.adoption.adoptionOrder(worker, child.id, { court: 'Wealdmoor Family Court', consentDispensed: 'yes' }, at('2026-05-21')))).toEqual([
      'occurredOn: The adoption order cannot be before the child was placed for adoption on 22 May 2026: check the date',
    ]);
    // Not on the day of placement, nor before she has lived with the adopters for 10 weeks (s42(2)): the earliest is Friday 31 July.
    expect(await problems(s.adoption.adoptionOrder(worker, child.id, { court: 'Wealdmoor Family Court', consentDispensed: 'yes' }, at('2026-05-22', '17:00')))).toEqual([
      'occurredOn: An adoption order cannot be made until the child has lived with the adopters for 10 weeks (Adoption and Children Act 2002 s42(2)): placed on 22 May 2026, the earliest is 31 July 2026. Check the date',
    ]);
    expect(await problems(s.adoption.adoptionOrder(worker, child.id, { court: 'Wealdmoor Family Court', consentDispensed: 'yes' }, at('2026-07-30')))).toHaveLength(1);
    await s.adoption.adoptionOrder(worker, child.id, { court: 'Wealdmoor Family Court', consentDispensed: 'yes' }, at('2026-12-24'));
    // After the order there is no disruption to record.
    expect(await problems(s.adoption.disrupt(worker, child.id, { summary: 'Broke down' }, at('2026-12-24', '16:30')))).toEqual([
      'summary: The adoption order is recorded: the child is adopted, and an adoptive placement that breaks down after the order is not a disruption',
    ]);
    const view = await s.adoption.view(manager, child.id);
    expect([view.stage, view.journey.inCare]).toEqual(['Adopted', false]);
    expect(await outcome(child.id, 'adoption.second-review')).toEqual(['2026-09-18', 'missed']);

    // The SSDA903 return for the year to 31 March 2027, from what the adoption service wrote: the AD1 row
    // with the ADM's decision and the match, placed_for_adoption, and the episode ending E12 (consent dispensed).
    const performance = await makeUser(s, { roles: ['performance-officer'] });
    await s.returns.setLaCode(performance, '873');
    const files = s.returns.ssda903Files(await s.returns.build(performance, { year: '2027' }));
    const CHILD = childIdOf(await s.people.record(manager, child.id));
    expect(parseSsda903Csv('ad1', files.ad1).rows.filter((r) => r.CHILD === CHILD).map((r) => [r.DATE_INT, r.DATE_MATCH, r.FOSTER_CARE])).toEqual([['2026-04-01', '2026-05-12', '0']]);
    expect(parseSsda903Csv('placed_for_adoption', files.placed_for_adoption).rows.filter((r) => r.CHILD === CHILD).map((r) => r.DATE_PLACED)).toEqual(['2026-04-01']);
    const episodes = parseSsda903Csv('episodes', files.episodes).rows.filter((r) => r.CHILD === CHILD);
    expect([episodes.at(-1)?.DEC, episodes.at(-1)?.REC]).toEqual(['2026-12-24', 'E12']);
  });

  it('records post-adoption support and section 51 counselling, allocated by the team manager', async () => {
    const { assessor, fptManager, adopterId } = await people();
    const s = t.services;
    t.clock.set('2026-12-29T12:00:00Z');
    expect(await problems(s.adopters.request(assessor, adopterId, 'support', { from: 'Sarah Whitfield', summary: 'Therapy' }, at('2026-12-24')))).toEqual(['needs: Select the support asked for']);
    await s.adopters.request(assessor, adopterId, 'support', { from: 'Sarah Whitfield', needs: ['therapeutic', 'education'], summary: 'Help with sleep and school transition.' }, at('2026-12-24'));
    await s.adopters.request(assessor, adopterId, 's51', { from: 'Mark Ellis (born Mark Dunn)', summary: 'Wants to know about his birth mother.' }, at('2026-12-29', '09:00'));
    const [support, s51] = (await s.adopters.view(assessor, await s.people.record(assessor, adopterId))).requests;
    await expect(s.adopters.allocate(assessor, adopterId, 's51', { requestId: s51!.id, workerId: assessor.actor.userId })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(s.adopters.close(assessor, adopterId, 's51', { requestId: s51!.id, outcome: 'counselled', summary: 'Done' }))).toEqual(['requestId: Allocate the request to a worker before recording its outcome']);
    await s.adopters.allocate(fptManager, adopterId, 's51', { requestId: s51!.id, workerId: assessor.actor.userId });
    await s.adopters.close(assessor, adopterId, 's51', { requestId: s51!.id, outcome: 'counselled_records_shared', summary: 'Two sessions; birth records information given.' });
    const list = await s.adoptionList.list(fptManager);
    expect(list.requests.map((r) => r.id)).toEqual(expect.arrayContaining([support!.id]));
    expect(list.requests.map((r) => r.id)).not.toContain(s51!.id);
  });

  it('shows the pages, answers bad input with what to fix, and refuses those who may not', async () => {
    const { worker, child, adm, fptManager } = await people();
    t.clock.set('2027-01-04T12:00:00Z');
    await t.services.inCare.start(worker, child.id, { legalStatus: 'C1', reason: 'ICO.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'in_house_fostering', carerId: await approvedCarer(t.services, worker, 'Carers') }, at('2026-03-02'));
    // A placement for adoption is recorded on the Adoption page, with its checks: not as any work from the Record work form.
    expect(await problems(t.services.recordWork.record(worker, child.id, { type: 'adoption.placed', occurredOn: '2026-03-02', occurredTime: '11:00', data: {} }))).toContain('type: Select what was done from the list');
    const client = new Client(app);
    await client.signIn(worker.actor.username, worker.password);
    const page = await client.get(`/people/${child.id}/adoption`);
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toContain('Not on an adoption plan');
    const refused = await client.post(`/people/${child.id}/adoption/parallel-planning`, { summary: '', 'planningOn-day': '2', 'planningOn-month': '3', 'planningOn-year': '2026', planningTime: '09:00' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Enter why parallel planning for adoption is being used');
    const placedTooSoon = await client.post(`/people/${child.id}/adoption/placed`, { withCurrentCarers: 'no', 'placeOn-day': '2', 'placeOn-month': '3', 'placeOn-year': '2026', placeTime: '11:00' });
    expect(placedTooSoon.statusCode).toBe(400);
    expect(mainText(placedTooSoon.body)).toContain("without the agency decision maker's decision that they should be placed");
    // A social worker is not the ADM; someone outside the Family Placement Team's readers has no adoption list.
    expect((await client.post(`/people/${child.id}/adoption/should-be-placed`, { decision: 'agreed', summary: 'x' })).statusCode).toBe(403);
    const familyTime = await makeUser(t.services, { roles: ['family-time-worker'] });
    const other = new Client(app);
    await other.signIn(familyTime.actor.username, familyTime.password);
    expect((await other.get('/adoption')).statusCode).toBe(403);
    const admClient = new Client(app);
    await admClient.signIn(adm.actor.username, adm.password);
    expect(mainText((await admClient.get(`/people/${child.id}/adoption`)).body)).toContain('Agency decision maker: should the child be placed for adoption?');
    const fpt = new Client(app);
    await fpt.signIn(fptManager.actor.username, fptManager.password);
    const list = await fpt.get('/adoption');
    expect(list.statusCode).toBe(200);
    expect(mainText(list.body)).toContain('Children with an adoption plan');
  });

  it("keeps the adopters' records to the Family Placement Team: registration allocates them, others are refused", async () => {
    const { worker, manager, fpt, assessor, fptManager, iro, adopterId } = await people();
    const s = t.services;
    // Tuesday 5 January 2027, after the Christmas and New Year bank holidays.
    t.clock.set('2027-01-05T12:00:00Z');
    const lado = await makeUser(s, { roles: ['lado'] });
    const refused = async (p: Promise<unknown>) => {
      const error = await p.then(() => null, (e: unknown) => e);
      expect(error instanceof ForbiddenError || error instanceof NotFoundError).toBe(true);
    };
    const household = { household: 'Priya and Dev Shah', workerId: assessor.actor.userId };
    // Another team's social worker, the IRO and the LADO cannot register adopters on a record no one holds yet.
    for (const who of [worker, iro, lado]) await refused(s.adopters.register(who, adopterId, household, at('2027-01-05')));
    await s.adopters.register(assessor, adopterId, household, at('2027-01-05'));
    const record = await s.people.record(assessor, adopterId);
    expect([record.allocatedTeamId, record.allocatedWorkerId]).toEqual([fpt, assessor.actor.userId]);
    for (const who of [worker, iro, lado]) await refused(s.adopters.withdraw(who, adopterId, { summary: 'Withdrawn' }));
    for (const who of [worker, iro]) await refused(s.adopters.request(who, adopterId, 'support', { from: 'Priya Shah', needs: ['therapeutic'], summary: 'Help' }, at('2027-01-05')));
    // The sign-off is for a manager of the team that holds the record, not any manager.
    await refused(s.adopters.assessment(manager, adopterId, { summary: 'Recommend approval.' }, at('2027-01-05', '11:00')));
    await s.adopters.assessment(fptManager, adopterId, { summary: 'Recommend approval for two siblings.' }, at('2027-01-05', '11:00'));
    // A support request on the held record: another team's manager may not allocate it, nor its worker close it.
    await s.adopters.request(assessor, adopterId, 'support', { from: 'Priya Shah', needs: ['therapeutic'], summary: 'Life story work.' }, at('2027-01-05', '11:30'));
    const [request] = (await s.adopters.view(assessor, await s.people.record(assessor, adopterId))).requests;
    await refused(s.adopters.allocate(manager, adopterId, 'support', { requestId: request!.id, workerId: assessor.actor.userId }));
    await s.adopters.allocate(fptManager, adopterId, 'support', { requestId: request!.id, workerId: assessor.actor.userId });
    await refused(s.adopters.close(worker, adopterId, 'support', { requestId: request!.id, outcome: 'advice_given', summary: 'Done' }));
  });

  it("checks the worker's caseload limit when registration or a request allocates the record: beyond it only with the manager's reason (issue 12; 5.2)", async () => {
    const { fpt, assessor, fptManager, adopterId } = await people();
    const s = t.services;
    // Wednesday 6 January 2027, after the Christmas and New Year bank holidays.
    t.clock.set('2027-01-06T12:00:00Z');
    // The Family Placement Team sets the worker's maximum at 1 (5.2: "the minimum and maximum number of carers and assessments per worker"), and they hold one.
    await s.workforce.recordProfile(fptManager, assessor.actor.userId, { practitioner: 'qualified_social_worker', fte: '1', caseloadMaximum: '1' });
    const held = await registerChild(s, fptManager);
    await s.people.allocate(fptManager, held.id, { teamId: fpt, workerId: assessor.actor.userId });
    const overBy = (weighted: number) =>
      `overLimitReason: Test ${assessor.actor.username}'s weighted caseload is ${weighted} against a caseload limit of 1: this case (weighted 1) would take it to ${weighted + 1}, ${weighted} ${weighted === 1 ? 'case' : 'cases'} over. Allocate to someone else, or enter the manager’s reason for allocating beyond the limit`;

    // Registration allocates the adopters' record to the assessing worker: refused without the reason, nothing saved.
    const household = { household: 'Tom and Ana Reyes', workerId: assessor.actor.userId };
    expect(await problems(s.adopters.register(assessor, adopterId, household, at('2027-01-06')))).toEqual([overBy(1)]);
    expect((await s.people.streamOf(adopterId)).some((e) => e.type === 'adoption.adopter_registered')).toBe(false);
    await s.adopters.register(assessor, adopterId, { ...household, overLimitReason: 'Adopted their first child with us; continuity agreed by the team manager.' }, at('2027-01-06'));
    const [registered] = await s.people.ofTypes(adopterId, ['child.allocated']);
    expect(registered?.data).toMatchObject({ workerId: assessor.actor.userId, overLimitReason: 'Adopted their first child with us; continuity agreed by the team manager.', caseloadWhenAllocated: { weighted: 2, maximum: 1 } });

    // An adopted adult's request for section 51 counselling, on a record no one holds: its allocation allocates the record too.
    const adult = await s.people.register(assessor, { ...childInput({ kind: 'adult', dateOfBirth: '1979-02-11', givenNames: 'Mark', familyName: `Ellis${uniqueName()}` }), confirmNotDuplicate: true });
    if (adult.outcome !== 'registered') throw new Error('adult not registered');
    await s.adopters.request(assessor, adult.record.id, 's51', { from: 'Mark Ellis', summary: 'Wants to know about his birth mother.' }, at('2027-01-06', '11:00'));
    const [request] = (await s.adopters.view(assessor, await s.people.record(assessor, adult.record.id))).requests;
    expect(await problems(s.adopters.allocate(fptManager, adult.record.id, 's51', { requestId: request!.id, workerId: assessor.actor.userId }))).toEqual([overBy(2)]);
    expect((await s.people.find(adult.record.id))?.allocatedWorkerId).toBeNull();
    // On the page: the message beside the reason box.
    const client = new Client(app);
    await client.signIn(fptManager.actor.username, fptManager.password);
    await client.get(`/people/${adult.record.id}/adoption`);
    const refused = await client.post(`/people/${adult.record.id}/adoption/s51/allocated`, { requestId: request!.id, workerId: assessor.actor.userId });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('weighted caseload is 2 against a caseload limit of 1');
    await s.adopters.allocate(fptManager, adult.record.id, 's51', { requestId: request!.id, workerId: assessor.actor.userId, overLimitReason: 'Two short counselling sessions; no other worker trained in section 51 work.' });
    expect((await s.people.find(adult.record.id))?.allocatedWorkerId).toBe(assessor.actor.userId);
    expect((await s.workforce.staffMember(fptManager, assessor.actor.userId)).row).toMatchObject({ cases: 3, weighted: 3, status: 'over_limit' });
  });
});
