import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, importEvent, makeProvider, makeUser, world, type TestWorld } from '../factories';
import { approvedCarer } from '../support/approvedCarers';

const at = (occurredOn: string, occurredTime: string, name?: string) => ({ occurredOn, occurredTime, problems: [], ...(name ? { fields: { date: `${name}On`, time: `${name}Time` } } : {}) });
const day = (name: string, date: string) => {
  const [y, m, d] = date.split('-');
  return { [`${name}-day`]: d, [`${name}-month`]: m, [`${name}-year`]: y };
};

/**
 * The Resource Service end to end (issue 7; resource-service-policy.txt 1.1-1.2; placement-stability-
 * guidance.txt): a provider's rating history with a downgrade opening an action plan and the monthly
 * Regulation 44 reports; the Good-or-better rule at placement, with the head of service's exception
 * the only way round it; a move made only once agreed; a Notice to Quit refused, then accepted after
 * a stability meeting. Dates cross the August bank holiday (Monday 31 August 2026).
 */
describe.each(engines())('the Resource Service on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-06-15T10:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  const rule = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);
  const register = { name: 'Hillcrest House', type: 'childrens_home', address: '4 Hill Road, Ashbury', postcode: 'WM3 4NP', places: '4', vacancies: '1', ageFrom: '10', ageTo: '17', needsMet: ['missing', 'exploitation'], contactName: 'Dee Marsh', contactRole: 'Registered Manager' };

  it("keeps a provider's Ofsted history: a downgrade opens an action plan that is tracked, and each month's Regulation 44 report is expected", async () => {
    t.clock.set('2026-06-15T10:00:00Z');
    const officer = await makeUser(t.services, { roles: ['placements-officer'] });
    const worker = await makeUser(t.services, { roles: ['social-worker'] });
    await expect(t.services.providers.register(worker, register)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.providers.register(officer, { ...register, postcode: 'nowhere', ageFrom: '17', ageTo: '10', urn: '12' }))).toEqual([
      'urn: The Ofsted unique reference number must be 6 to 8 digits, or SC and 6 digits, like SC123456',
      'postcode: Enter a real postcode, like WM5 7QR',
      'ageTo: The oldest age taken must be the same as or more than the youngest',
    ]);
    expect(await problems(t.services.providers.register(officer, { ...register, vacancies: '5' }))).toEqual(['vacancies: There cannot be more vacancies than places']);
    const id = await t.services.providers.register(officer, { ...register, urn: 'SC123456' });

    const inspect = (date: string, rating: string, extra: Record<string, string> = {}) => t.services.providers.recordInspection(officer, id, { ...day('inspectedOn', date), rating, ...extra });
    expect(await problems(inspect('2026-06-16', 'good'))).toEqual(['inspectedOn-day: The date of the inspection must be today or in the past']);
    expect(await problems(inspect('2025-05-01', 'good', { actions: 'x'.repeat(4001) }))).toEqual(['actions: The actions agreed with the provider must be 4000 characters or fewer']);
    await inspect('2025-05-01', 'good');
    expect(await problems(inspect('2025-05-01', 'outstanding'))).toEqual(['inspectedOn-day: An inspection on that date is already recorded']);
    let provider = await inspect('2026-05-20', 'requires_improvement');
    expect(provider.rating).toBe('requires_improvement');
    expect(provider.inspections.map((i) => [i.inspectedOn, i.downgrade])).toEqual([['2025-05-01', false], ['2026-05-20', true]]);
    // The downgrade opened an action plan, to be reviewed a month from today unless the form says when.
    expect(provider.actionPlans).toHaveLength(1);
    expect(provider.actionPlans[0]).toMatchObject({ reviewBy: '2026-07-15', closedOn: null, actions: 'Actions to be agreed with the provider after the downgrade' });
    // An earlier report entered late is history: it changes neither the rating nor opens a plan.
    provider = await inspect('2024-03-01', 'outstanding');
    expect(provider.rating).toBe('requires_improvement');
    expect(provider.actionPlans).toHaveLength(1);

    // Three months on: July and August's Regulation 44 reports were due; the plan is past its review.
    t.clock.set('2026-09-10T10:00:00Z');
    let list = await t.services.providers.list(officer);
    let summary = list.providers.find((p) => p.id === id)!;
    expect(summary.missingReg44).toEqual(['2026-07', '2026-08']);
    expect(summary.plansOverdue).toHaveLength(1);
    expect(summary.goodOrBetter).toBe(false);
    expect(await problems(t.services.providers.reg44Received(officer, id, { month: '2026-10', visitor: 'A. Visitor' }))).toEqual(['month: The month of the visit must be this month or earlier']);
    expect(await problems(t.services.providers.reg44Received(officer, id, { month: 'July', visitor: '' }))).toEqual(['month: Enter the month the visit was in, like 2026-10', 'visitor: Enter the independent visitor’s name']);
    await t.services.providers.reg44Received(officer, id, { month: '2026-07', visitor: 'Ann Visitor', concerns: 'Night staffing thin at weekends' });
    expect(await problems(t.services.providers.reg44Received(officer, id, { month: '2026-07', visitor: 'Ann Visitor' }))).toEqual(['month: The report for 2026-07 is already recorded']);
    await t.services.providers.updateActionPlan(officer, id, { actionPlanId: provider.actionPlans[0]!.id, progress: 'Second waking night staff recruited.', ...day('nextReviewBy', '2026-10-10') });
    list = await t.services.providers.list(officer);
    summary = list.providers.find((p) => p.id === id)!;
    expect(summary.missingReg44).toEqual(['2026-08']);
    expect(summary.plansOverdue).toHaveLength(0);
    expect(await problems(t.services.providers.closeActionPlan(officer, id, { actionPlanId: 'nope', reason: 'Done' }))).toEqual(['actionPlanId: There is no open action plan like that for this provider']);

    // A change of details applies every field it names, the kind and a cleared reference too.
    const changed = await t.services.providers.changeDetails(officer, id, { ...register, type: 'residential_school', urn: '', places: '6' });
    expect([changed.type, changed.urn, changed.places]).toEqual(['residential_school', null, 6]);

    // Nothing on a provider's record is rewritten: the database refuses.
    await expect(t.db.execute(sql`UPDATE provider_events SET type = 'provider.closed' WHERE provider_id = ${id}`)).rejects.toThrow();
  });

  it("refuses a placement with a provider below Good until the head of service records an exception for this child and provider", async () => {
    t.clock.set('2026-08-20T10:00:00Z');
    const { worker, child } = await allocatedCase(t.services);
    const head = await makeUser(t.services, { roles: ['head-of-service'] });
    const good = await makeProvider(t.services, { name: 'Elm Lodge', type: 'childrens_home', rating: 'good' });
    const weak = await makeProvider(t.services, { name: 'Brook House', type: 'childrens_home', rating: 'requires_improvement' });
    const start = { legalStatus: 'C2', reason: 'A care order was made today.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'residential' };
    const when = at('2026-08-20', '09:00');
    expect(await problems(t.services.inCare.start(worker, child.id, start, when))).toEqual(['providerId: Select the provider: a placement the Resource Service commissions names its provider']);
    expect(await problems(t.services.inCare.start(worker, child.id, { ...start, providerId: weak.id }, when))).toEqual([
      'providerId: Brook House is rated Requires improvement to be good: only providers rated Good or better may be used (resource-service-policy.txt 1.1). A head of service must record an exception for this child first',
    ]);
    expect(await problems(t.services.inCare.start(worker, child.id, { ...start, setting: 'independent_fostering', providerId: good.id }, when))).toEqual(['setting: Elm Lodge is a children\'s home (private or voluntary): choose the kind of placement that matches it']);
    // Only the head of service may record the exception, for a provider that needs one, with why.
    await expect(t.services.placements.ratingException(worker, child.id, { providerId: weak.id, reason: 'Only home with a vacancy near school' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.placements.ratingException(head, child.id, { providerId: good.id, reason: 'x' }))).toEqual(['providerId: Elm Lodge is rated Good: no exception is needed']);
    expect(await problems(t.services.placements.ratingException(head, child.id, { providerId: weak.id }))).toEqual(['reason: Enter why this provider is the right placement despite its rating, and how the risks are managed']);
    await t.services.placements.ratingException(head, child.id, { providerId: weak.id, reason: 'The only home able to keep her at her school; weekly Resource Service visits while the action plan runs.' });
    await t.services.inCare.start(worker, child.id, { ...start, providerId: weak.id }, when);
    const view = await t.services.placements.view(worker, child.id);
    expect(view.current?.provider?.name).toBe('Brook House');
    expect(view.current?.details.ratingExceptionId).toBeTruthy();
    // The exception is used up: another placement there would need another.
    expect(view.exceptions).toEqual([]);
  });

  it("moves a child only once the head of service has agreed, with the Virtual School consulted and the child told; never two placements at once", async () => {
    t.clock.set('2026-08-01T10:00:00Z');
    const { worker, child } = await allocatedCase(t.services);
    const head = await makeUser(t.services, { roles: ['head-of-service'] });
    const iro = await makeUser(t.services, { roles: ['iro'] });
    const first = await makeProvider(t.services, { name: 'First Foster Agency', type: 'independent_fostering_agency' });
    const next = await makeProvider(t.services, { name: 'Second Foster Agency', type: 'independent_fostering_agency', rating: 'outstanding' });
    await t.services.inCare.start(worker, child.id, { legalStatus: 'C2', reason: 'Care order.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'independent_fostering', providerId: first.id, carer: 'Jo and Sam Price' }, at('2026-08-01', '09:00'));
    // A second placement while one is current is a move, not a new placement.
    expect(await problems(t.services.placements.start(worker, child.id, { setting: 'in_house_fostering', carer: 'Someone' }, at('2026-08-02', '09:00', 'start')))).toEqual(['setting: The child has a placement now: record a move instead']);

    const moveForm = { setting: 'independent_fostering', providerId: next.id, carer: 'Lee and Kim Ward', ending: 'breakdown', why: 'The carers could not manage her going missing at night.' };
    const moveAt = at('2026-08-28', '16:00', 'move');
    t.clock.set('2026-08-26T10:00:00Z');
    expect(await problems(t.services.placements.move(worker, child.id, moveForm, moveAt))).toEqual(expect.arrayContaining(['setting: A placement move needs the agreement of the head of service or the Placement Stability Panel: ask for the move and have it agreed first']));
    expect(await problems(t.services.placements.requestMove(worker, child.id, { reason: 'Missing every weekend', urgent: 'yes' }))).toEqual(['safeguardingReason: An urgent move is only for an immediate safeguarding issue: say what it is']);
    await t.services.placements.requestMove(worker, child.id, { reason: 'Missing every weekend; the carers have asked for support we cannot give in time.', urgent: 'no' });
    expect(await problems(t.services.placements.requestMove(worker, child.id, { reason: 'Again', urgent: 'no' }))).toEqual(['reason: A move has already been asked for: it waits for agreement or to be made']);
    await expect(t.services.placements.authoriseMove(worker, child.id, { by: 'head_of_service', alternatives: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.placements.authoriseMove(head, child.id, { by: 'head_of_service' }))).toEqual(['alternatives: Enter the alternative placement options considered: a move is not agreed until they are understood']);
    t.clock.set('2026-08-27T10:00:00Z');
    await t.services.placements.authoriseMove(head, child.id, { by: 'head_of_service', alternatives: 'Support package for the Prices considered; in-house carers have no vacancy.' });
    t.clock.set('2026-08-28T18:00:00Z');
    expect(await problems(t.services.placements.move(worker, child.id, moveForm, moveAt))).toEqual(['setting: Consult the Virtual School on the move first (placement-stability-guidance.txt)']);
    await t.services.placements.virtualSchoolConsulted(worker, child.id, { advice: 'Keep her at Ashbury Academy; transport agreed.' });
    expect(await problems(t.services.placements.move(worker, child.id, moveForm, moveAt))).toEqual(['setting: Record how and when the child is told about the move first (placement-stability-guidance.txt)']);
    await t.services.placements.childTold(worker, child.id, { how: 'Her social worker and Jo tell her together on Thursday after school.' });
    await expect(t.services.placements.move(iro, child.id, moveForm, moveAt)).rejects.toBeInstanceOf(ForbiddenError);
    await t.services.placements.move(worker, child.id, moveForm, moveAt);

    // Friday 28 August: the placement planning meeting is due within 5 working days, Monday 7 September (31 August is a bank holiday).
    expect((await rule(child.id, 'cic.placement-planning-meeting'))?.obligation.dueDate).toBe('2026-09-07');
    const view = await t.services.placements.view(worker, child.id);
    expect(view.current?.provider?.name).toBe('Second Foster Agency');
    expect(view.placements.map((p) => [p.carer, p.endReason])).toEqual([['Lee and Kim Ward', null], ['Jo and Sam Price', 'breakdown']]);
    // The move is used: the next needs its own agreement.
    expect(view.agreedMove).toBeNull();
    // The placement broke down: it waits for its disruption review, with the causes.
    expect(view.awaitingReview.map((p) => p.carer)).toEqual(['Jo and Sam Price']);
    const placementId = view.awaitingReview[0]!.placementId;
    t.clock.set('2026-09-03T18:00:00Z');
    expect(await problems(t.services.stability.disruptionReview(worker, child.id, { placementId, learning: 'Match missing-from-home risks first.' }, at('2026-09-03', '10:00', 'review')))).toEqual(['causes: Select at least one cause']);
    await t.services.stability.disruptionReview(worker, child.id, { placementId, causes: ['missing', 'support'], learning: 'Match missing-from-home risks first.' }, at('2026-09-03', '10:00', 'review'));
    expect((await t.services.placements.view(worker, child.id)).awaitingReview).toEqual([]);

    // The planning meeting confirms delegated authority, with the initial support plan completed at it.
    await t.services.stability.planningMeeting(worker, child.id, { attendees: 'Social worker, Lee and Kim Ward, supervising social worker, Virtual School', delegatedAuthority: 'Haircuts, school trips, sleepovers with checked friends.', placementPlan: 'Settle, keep school, family time Saturdays.', supportNeeds: 'Weekend outreach for the first month.' }, at('2026-09-03', '11:00', 'planning'));
    expect((await rule(child.id, 'cic.placement-planning-meeting'))?.state).toBe('met');
    expect((await rule(child.id, 'stability.initial-support-plan'))?.state).toBe('met');
    // Ending the placement and starting another is still a move: it needs its own agreement. A placement
    // ends on a Notice to Quit only once one was accepted; nor can a placement start before care began.
    expect(await problems(t.services.placements.end(worker, child.id, { ending: 'notice_to_quit', why: 'They gave notice' }, at('2026-09-03', '12:00', 'end')))).toEqual([
      'ending: A placement ends on a Notice to Quit only once the notice is recorded and accepted after a placement stability meeting',
    ]);
    await t.services.placements.end(worker, child.id, { ending: 'other', why: 'Admitted to hospital' }, at('2026-09-03', '12:00', 'end'));
    // The authority's own foster carers are chosen from the register (issue 11).
    const respite = await approvedCarer(t.services, worker, 'Respite carers');
    expect(await problems(t.services.placements.start(worker, child.id, { setting: 'in_house_fostering', carerId: respite }, at('2026-07-01', '12:00', 'start')))).toEqual([
      'setting: A placement move needs the agreement of the head of service or the Placement Stability Panel: ask for the move and have it agreed first',
    ]);
    expect((await t.services.placements.view(worker, child.id)).current).toBeNull();
    await t.services.placements.requestMove(worker, child.id, { reason: 'Back from hospital: the Wards cannot manage her care needs now', urgent: 'no' });
    await t.services.placements.authoriseMove(head, child.id, { by: 'stability_panel', alternatives: 'Return to the Wards with a care package was considered by the panel.' });
    await t.services.placements.virtualSchoolConsulted(worker, child.id, { advice: 'Hospital teaching until she is settled.' });
    await t.services.placements.childTold(worker, child.id, { how: 'On the ward, with the nurse she trusts.' });
    t.clock.set('2026-09-10T18:00:00Z');
    await t.services.placements.start(worker, child.id, { setting: 'in_house_fostering', carerId: respite }, at('2026-09-10', '12:00', 'start'));
    const after = await t.services.placements.view(worker, child.id);
    expect([after.current?.carer, after.current?.details.move, after.agreedMove]).toEqual(['Respite carers', true, null]);

  });

  it('refuses to accept a Notice to Quit until a placement stability meeting has been held, then accepts it; records quality visits', async () => {
    t.clock.set('2026-09-01T10:00:00Z');
    const { worker, child } = await allocatedCase(t.services);
    const home = await makeProvider(t.services, { name: 'Willow Court', type: 'childrens_home' });
    const officer = await makeUser(t.services, { roles: ['placements-officer'] });
    await t.services.inCare.start(worker, child.id, { legalStatus: 'C2', reason: 'Care order.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'residential', providerId: home.id }, at('2026-09-01', '09:00'));
    t.clock.set('2026-10-05T18:00:00Z');
    await t.services.stability.noticeReceived(worker, child.id, { reason: 'Assaults on staff', ...day('noticeEndsOn', '2026-11-02') }, at('2026-10-05', '09:00', 'notice'));
    expect(await problems(t.services.stability.noticeReceived(worker, child.id, { reason: 'Again', ...day('noticeEndsOn', '2026-11-02') }, at('2026-10-05', '10:00', 'notice')))).toEqual(['reason: A Notice to Quit is already waiting']);
    const accept = { options: 'Extra staffing and CAMHS outreach explored; the home cannot keep her safely.' };
    // Only the Resource Service accepts a notice, and not before a stability meeting.
    await expect(t.services.stability.noticeAccepted(worker, child.id, accept, at('2026-10-05', '12:00', 'accept'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.stability.noticeAccepted(officer, child.id, accept, at('2026-10-05', '12:00', 'accept')))).toEqual([
      'options: A Notice to Quit cannot be accepted until a Placement Stability Meeting has been held to explore every option for keeping the placement (resource-service-policy.txt 1.1): record the meeting first',
    ]);
    const meeting = { attendees: ['social_worker', 'iro', 'provider', 'resource_service'], concerns: 'Three assaults on staff in a week.', agreed: 'Two weeks of extra staffing, then review.' };
    expect(await problems(t.services.stability.stabilityMeeting(worker, child.id, meeting, at('2026-10-05', '14:00', 'meeting')))).toEqual(['supportPlanReview: Enter the review of the support plan: the plan must be reviewed at every meeting']);
    await t.services.stability.stabilityMeeting(worker, child.id, { ...meeting, supportPlanReview: 'Outreach increased to daily.' }, at('2026-10-05', '14:00', 'meeting'));
    await t.services.stability.noticeAccepted(officer, child.id, accept, at('2026-10-05', '16:00', 'accept'));
    expect((await rule(child.id, 'placements.notice-to-quit'))?.state).toBe('met');
    expect((await rule(child.id, 'stability.support-plan-reviewed'))?.state).toBe('met');

    // Quality visits are the Resource Service's, every six months from the start for a children's home.
    expect((await rule(child.id, 'placements.quality-assurance-visit'))?.obligation.dueDate).toBe('2027-03-01');
    await expect(t.services.stability.qualityVisit(worker, child.id, { findings: 'Fine' }, at('2026-10-05', '10:00', 'visit'))).rejects.toBeInstanceOf(ForbiddenError);
    await t.services.stability.qualityVisit(officer, child.id, { findings: 'Room is homely; staff know her plan.', documentsHeld: ['review_minutes', 'placement_plan'] }, at('2026-10-05', '10:00', 'visit'));
    const visit = (await t.services.placements.view(officer, child.id)).state.qualityVisits.at(-1)!;
    expect(visit.data.documentsMissing).toEqual(['pep', 'ehcp']);
    expect((await rule(child.id, 'placements.quality-assurance-visit'))?.obligation.dueDate).toBe('2027-04-05');
  });

  it('shows the pages to those who may see them, and a refused form with what to fix', async () => {
    t.clock.set('2026-09-10T10:00:00Z');
    const { worker, child } = await allocatedCase(t.services);
    const officer = await makeUser(t.services, { roles: ['placements-officer'] });
    const provider = await makeProvider(t.services, { name: 'Page Test House', rating: 'inadequate' });
    const client = new Client(app);
    await client.signIn(officer.actor.username, officer.password);
    const list = mainText((await client.get('/providers?belowGood=yes')).body);
    expect(list).toContain('Page Test House');
    const page = await client.get(`/providers/${provider.id}`);
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toContain('a child may be placed here only with a head of service');
    // Brook House's page names the child placed there by exception earlier in this file.
    const brook = (await t.services.providers.all()).find((p) => p.name === 'Brook House')!;
    expect(mainText((await client.get(`/providers/${brook.id}`)).body)).toMatch(/Children placed here now\s+\S+ \S+\s*, since 20 August 2026/);
    const refused = await client.post(`/providers/${provider.id}/inspections`, { rating: 'good' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Enter the date of the inspection');
    expect((await client.get(`/people/${child.id}/placements`)).statusCode).toBe(200);
    expect((await client.get('/providers/not-a-provider')).statusCode).toBe(404);
    // A placement imported from an old system with a provider Hearth does not know does not break the reports.
    await importEvent(t.services, child.id, 'cic.started', '2026-09-01T10:00:00Z', { legalStatus: 'C2' });
    await importEvent(t.services, child.id, 'cic.placement_started', '2026-09-01T10:00:00Z', { setting: 'residential', providerId: 'old-system-7' });
    // The reports name the child placed with Brook House by exception, earlier in this file.
    const reports = mainText((await client.get('/resources')).body);
    expect(reports).toContain('Placed with providers below Good');
    expect(reports).toMatch(/Brook House\s+Requires improvement to be good\s+.*Agreed by the head of service/);

    const social = new Client(app);
    await social.signIn(worker.actor.username, worker.password);
    expect((await social.get('/providers')).statusCode).toBe(403);
    expect((await social.get('/resources')).statusCode).toBe(403);
    expect((await social.post(`/providers/${provider.id}/reg44`, { month: '2026-08', visitor: 'X' })).statusCode).toBe(403);
    expect((await social.get(`/people/${child.id}/placements`)).statusCode).toBe(200);
  });
});
