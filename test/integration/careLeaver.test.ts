import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { makeProvider, makeTeam, makeUser, registerChild, world, type TestWorld } from '../factories';
import { approvedCarer } from '../support/approvedCarers';

const at = (occurredOn: string, occurredTime: string, key?: string) => ({ occurredOn, occurredTime, problems: [], ...(key ? { fields: { date: `${key}On`, time: `${key}Time` } } : {}) });

/**
 * A young person born on 20 January 2010, looked after from 14 under a care order, leaving care at
 * 16 for independent living: their care leaver status on each birthday from 16 to 22
 * (practice-standards.txt, Section 3: Care Leavers, Definition of a care leaver).
 */
describe.each(engines())("a young person's journey from 16 to 21 on %s", (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2024-03-01T12:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  it('works out the status at each birthday with its reasons, and records the leaving care work', async () => {
    t.clock.set('2024-03-01T12:00:00Z');
    const teamId = await makeTeam(t.services);
    const manager = await makeUser(t.services, { roles: ['team-manager'], teamIds: [teamId] });
    const worker = await makeUser(t.services, { roles: ['social-worker'], teamIds: [teamId] });
    const pa = await makeUser(t.services, { roles: ['personal-adviser'], teamIds: [teamId] });
    const child = await registerChild(t.services, worker, { dateOfBirth: '2010-01-20' });
    await t.services.people.allocate(manager, child.id, { teamId, workerId: worker.actor.userId });
    await t.services.inCare.start(worker, child.id, { legalStatus: 'C2', reason: 'The court made a care order.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'in_house_fostering', carerId: await approvedCarer(t.services, worker, 'Ann Lee') }, at('2024-02-26', '14:00'));
    const statusOn = async (date: string) => {
      t.clock.set(`${date}T12:00:00Z`);
      return (await t.services.careLeaver.view(pa, child.id)).status?.status;
    };

    expect(await statusOn('2025-06-01')).toBe('looked_after');
    expect(await statusOn('2026-01-20')).toBe('eligible'); // 16th birthday, in care 99 weeks since 14
    expect(await problems(t.services.careLeaver.allocateAdviser(manager, child.id, { paId: worker.actor.userId }))).toEqual(['paId: Select the personal adviser from the list']);
    await t.services.careLeaver.allocateAdviser(manager, child.id, { paId: pa.actor.userId });
    expect((await t.services.standards.forPerson(child.id)).find((o) => o.obligation.ruleId === 'care-leaver.pa-allocated')?.state).toBe('met');
    t.clock.set('2026-10-05T12:00:00Z');
    await t.services.inCare.end(manager, child.id, { reason: 'independent_living', summary: 'Moved to supported lodgings by choice.' }, at('2026-10-05', '10:00', 'end'));
    expect(await statusOn('2027-01-20')).toBe('relevant'); // 17th birthday, left care after 16

    expect(await problems(t.services.careLeaver.updateCircumstances(pa, child.id, { age: '17', activity: 'neet', accommodation: 'supported', suitable: 'yes', inTouch: 'yes' }))).toEqual(['neetPlan: Enter the NEET action plan (Care Leavers 7)']);
    expect(await problems(t.services.careLeaver.updateCircumstances(pa, child.id, { age: '16' }))).toEqual([
      'age: Select the birthday this update is for',
      'activity: Select what the young person is doing',
      'accommodation: Select where the young person lives',
      'suitable: Select whether the accommodation is suitable',
      'inTouch: Select whether the young person is in touch',
    ]);
    await t.services.careLeaver.updateCircumstances(pa, child.id, { age: '17', activity: 'education', accommodation: 'supported', suitable: 'yes', inTouch: 'yes' });

    expect(await statusOn('2028-01-20')).toBe('former_relevant'); // 18th
    expect(await statusOn('2030-01-20')).toBe('former_relevant'); // 20th
    expect(await problems(t.services.careLeaver.returnedForSupport(pa, child.id, { request: 'Help with rent' }))).toEqual([
      'request: A return for support is for a former relevant young person aged 21 to 25 whose support has ended',
    ]);
    // Working, not learning, at 20: support ends at 21 unless they come back.
    await t.services.careLeaver.updateCircumstances(pa, child.id, { age: '20', activity: 'employment', accommodation: 'independent', suitable: 'yes', inTouch: 'yes' });
    expect(await statusOn('2031-01-20')).toBe('support_ended'); // 21st
    t.clock.set('2032-02-01T12:00:00Z');
    await t.services.careLeaver.returnedForSupport(pa, child.id, { request: 'Lost her job and tenancy; wants help with housing and a college place.' });
    const view = await t.services.careLeaver.view(pa, child.id);
    expect(view.status?.status).toBe('returning');
    expect(view.history.map((h) => [h.on, h.status])).toEqual([
      ['2024-02-26', 'looked_after'],
      ['2026-01-20', 'eligible'],
      ['2026-10-05', 'relevant'],
      ['2028-01-20', 'former_relevant'],
      ['2031-01-20', 'support_ended'],
      ['2032-02-01', 'returning'],
    ]);
    expect(view.history[1]?.reasons).toContain('Looked after for 99 weeks since their 14th birthday (2024-01-20), not counting short breaks: 13 weeks make them eligible');
  });

  it('keeps a pathway plan, its copy to the young person, and triple planning for an unaccompanied young person; shows the page', async () => {
    t.clock.set('2026-03-01T12:00:00Z');
    const teamId = await makeTeam(t.services);
    const manager = await makeUser(t.services, { roles: ['team-manager'], teamIds: [teamId] });
    const worker = await makeUser(t.services, { roles: ['social-worker'], teamIds: [teamId] });
    const child = await registerChild(t.services, worker, { dateOfBirth: '2009-05-01', uasc: true, immigrationStatus: 'asylum-claim-pending' });
    await t.services.people.allocate(manager, child.id, { teamId, workerId: worker.actor.userId });
    const lodgings = await makeProvider(t.services, { name: 'Riverside Lodgings', type: 'supported_accommodation', ageFrom: '16', ageTo: '21', inspectedOn: '2025-02-01' });
    await t.services.inCare.start(worker, child.id, { legalStatus: 'V2', reason: 'Arrived alone in the UK.', familyAndFriends: 'no', previousPermanence: 'none', setting: 'supported_accommodation', providerId: lodgings.id }, at('2025-06-01', '14:00'));
    const plan = { views: 'Wants to stay in Wealdmoor and study engineering.', independence: 'Supported lodgings until 18.', wellbeing: 'Sleep poor; CAMHS referral.', eet: 'ESOL at college.', finance: 'Allowance; bank account opened.' };
    expect(await problems(t.services.careLeaver.pathwayPlan(worker, child.id, plan))).toEqual(['tripleplanning: Enter the triple planning: for staying in the UK, for a return, and for the meantime (Care Leavers 24)']);
    expect(await problems(t.services.careLeaver.pathwayPlanShared(worker, child.id))).toEqual(['shared: There is no pathway plan to give yet']);
    await t.services.careLeaver.pathwayPlan(worker, child.id, { ...plan, tripleplanning: 'Stay: asylum claim with solicitor. Return: family tracing. Meantime: college and lodgings.' });
    await t.services.careLeaver.pathwayPlanShared(worker, child.id);
    const client = new Client(app);
    await client.signIn(worker.actor.username, worker.password);
    const page = mainText((await client.get(`/people/${child.id}/care-leaver`)).body);
    expect(page).toContain('Status: Eligible child');
    expect(page).toContain('given to the young person');
    const refused = await client.post(`/people/${child.id}/care-leaver/circumstances`, { age: '19' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Select what the young person is doing');
  });

  it("tells the Transitions Team of a disabled young person by their 14th birthday, and records a need ruled out only with why", async () => {
    t.clock.set('2026-03-01T12:00:00Z');
    const teamId = await makeTeam(t.services, undefined, 'disabled-children');
    const manager = await makeUser(t.services, { roles: ['team-manager'], teamIds: [teamId] });
    const worker = await makeUser(t.services, { roles: ['social-worker'], teamIds: [teamId] });
    const child = await registerChild(t.services, worker, { dateOfBirth: '2012-06-20' });
    await t.services.people.allocate(manager, child.id, { teamId, workerId: worker.actor.userId });
    const home = await makeProvider(t.services, { name: 'Oak Lodge', type: 'childrens_home' });
    await t.services.inCare.start(worker, child.id, { legalStatus: 'C2', reason: 'Care order.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'residential', providerId: home.id }, at('2026-02-20', '14:00'));
    const view = await t.services.careLeaver.view(worker, child.id);
    expect(view.transitions.find((c) => c.ruleId === 'cwd.transitions-notification')?.dueDate).toBe('2026-06-20'); // by the 14th birthday
    expect(await problems(t.services.careLeaver.transitions(worker, child.id, 'ruledOut', {}))).toEqual(['note: Enter why the young person is not likely to need adult services']);
    // Too long is refused, not cut short.
    expect(await problems(t.services.careLeaver.transitions(worker, child.id, 'ruledOut', { note: 'x'.repeat(2001) }))).toEqual(['note: The note must be 2000 characters or fewer']);
    await t.services.careLeaver.transitions(worker, child.id, 'notified', {});
    expect((await t.services.careLeaver.view(worker, child.id)).transitions.find((c) => c.ruleId === 'cwd.transitions-notification')?.state).toBe('met');
    expect(await problems(t.services.careLeaver.transitions(worker, child.id, 'notified', {}))).toEqual(['notified: Already recorded']);
  });
});
