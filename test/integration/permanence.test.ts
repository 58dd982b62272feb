import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, makeUser, world, type TestWorld } from '../factories';
import { approvedCarer } from '../support/approvedCarers';

const at = (occurredOn: string, occurredTime: string) => ({ occurredOn, occurredTime, problems: [] });

/**
 * Permanence planning for a child who came into care under police protection on Christmas Eve 2026
 * (practice-standards.txt, Section 3: Permanency Planning Meetings 2-6).
 */
describe.each(engines())('permanence planning on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-12-24T18:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  const rule = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);

  it('holds the emergency PPM within 2 weeks, chaired by a service manager, and the next within 3 months until permanence is achieved', async () => {
    const { worker, manager, child } = await allocatedCase(t.services);
    const serviceManager = await makeUser(t.services, { roles: ['service-manager'] });
    t.clock.set('2026-12-24T18:00:00Z');
    await t.services.inCare.start(worker, child.id, { legalStatus: 'L1', reason: 'The police brought you somewhere safe tonight.', familyAndFriends: 'no', previousPermanence: 'none', setting: 'in_house_fostering', carerId: await approvedCarer(t.services, worker, 'Emergency carers') }, at('2026-12-24', '15:00'));
    // An emergency admission: a PPM within 2 weeks, by Thursday 7 January.
    expect((await rule(child.id, 'ppm.emergency'))?.obligation.dueDate).toBe('2027-01-07');

    t.clock.set('2027-01-06T09:00:00Z');
    await t.services.permanence.need(worker, child.id, { basis: 'need_identified', summary: 'Mother in custody for a long sentence; no family able to care.' });
    expect(await problems(t.services.permanence.need(worker, child.id, { basis: 'need_identified', summary: 'again' }))).toEqual(['basis: Permanence planning is already under way']);
    t.clock.set('2027-01-06T15:00:00Z');
    const meeting = { chairId: worker.actor.userId, reason: 'emergency', option: 'long_term_fostering', decisions: 'Long-term fostering with a view to a special guardianship assessment of the aunt.', attended: ['social_worker', 'iro', 'carers'] };
    expect(await problems(t.services.permanence.meeting(worker, child.id, meeting, at('2027-01-06', '10:00')))).toEqual([
      'chairId: A Permanency Planning Meeting is chaired by a service manager (standard 6): select them from the list',
    ]);
    // Planning for independence is for young people over 15½; this child was born in 2015.
    expect(await problems(t.services.permanence.meeting(worker, child.id, { ...meeting, chairId: serviceManager.actor.userId, option: 'independence' }, at('2027-01-06', '10:00')))).toEqual([
      'option: Planning for independence is an option for young people over 15½',
    ]);
    await t.services.permanence.meeting(worker, child.id, { ...meeting, chairId: serviceManager.actor.userId }, at('2027-01-06', '10:00'));
    expect((await rule(child.id, 'ppm.emergency'))?.state).toBe('met');
    expect((await rule(child.id, 'ppm.three-monthly'))?.obligation.dueDate).toBe('2027-04-06');

    const view = await t.services.permanence.view(worker, child.id);
    expect([view.state.planning, view.state.plan?.option, view.state.meetings[0]?.attended, view.state.meetings[0]?.chair]).toEqual([true, 'long_term_fostering', ['social_worker', 'iro', 'carers'], serviceManager.actor.displayName]);
    await expect(t.services.permanence.achieved(worker, child.id, { summary: 'SGO made' })).rejects.toBeInstanceOf(ForbiddenError);
    t.clock.set('2027-03-01T12:00:00Z');
    expect(await problems(t.services.permanence.achieved(manager, child.id, { summary: '' }))).toEqual(['summary: Enter how permanence was achieved']);
    await t.services.permanence.achieved(manager, child.id, { summary: 'Long-term fostering match approved at panel.' });
    expect((await rule(child.id, 'ppm.three-monthly'))?.obligation.outcome).toBe('cancelled');
  });

  it('shows the page and answers bad input with what to fix', async () => {
    const { worker, child } = await allocatedCase(t.services);
    t.clock.set('2026-12-24T18:00:00Z');
    const client = new Client(app);
    await client.signIn(worker.actor.username, worker.password);
    expect(mainText((await client.get(`/people/${child.id}/permanence`)).body)).toContain('is not looked after');
    await t.services.inCare.start(worker, child.id, { legalStatus: 'C2', reason: 'Care order.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'in_house_fostering', carerId: await approvedCarer(t.services, worker, 'Carers') }, at('2026-12-24', '15:00'));
    const refused = await client.post(`/people/${child.id}/permanence/meetings`, { option: 'moon' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Select the permanence option decided');
  });
});
