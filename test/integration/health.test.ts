import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, makeUser, world, type TestWorld } from '../factories';

const at = (key: string, occurredOn: string) => ({ occurredOn, occurredTime: '10:00', problems: [], fields: { date: `${key}On`, time: `${key}Time` } });

/** Health and education of a child in care from Christmas Eve 2026 (practice-standards.txt, Section 3: Children in Care 24-25, 40). */
describe.each(engines())('health and education in care on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-12-24T18:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  it('records assessments, the SDQ, checks and PEPs against their clocks, and dues the next assessment by age', async () => {
    const { worker, child } = await allocatedCase(t.services);
    t.clock.set('2026-12-24T18:00:00Z');
    await t.services.inCare.start(worker, child.id, { legalStatus: 'C2', reason: 'Care order.', familyAndFriends: 'yes', setting: 'in_house_fostering', carer: 'Carers' }, at('occurred', '2026-12-24'));
    // The initial health assessment within 28 days: by Thursday 21 January.
    t.clock.set('2027-01-20T12:00:00Z');
    expect(await problems(t.services.health.record(worker, child.id, 'assessment', { kind: 'annual' }, at('assessment', '2027-01-20')))).toEqual([
      'kind: Select whether it was the initial or a review health assessment',
    ]);
    await t.services.health.record(worker, child.id, 'assessment', { kind: 'initial' }, at('assessment', '2027-01-20'));
    expect((await t.services.standards.forPerson(child.id)).find((o) => o.obligation.ruleId === 'cic.health-assessment')?.state).toBe('met');
    expect(await problems(t.services.health.record(worker, child.id, 'sdq', { score: '41' }, at('sdq', '2027-01-20')))).toEqual(['score: Enter the total difficulties score, a whole number from 0 to 40']);
    await t.services.health.record(worker, child.id, 'check', { kind: 'dental' }, at('check', '2027-01-15'));
    await t.services.health.record(worker, child.id, 'pep', { epepUpToDate: 'yes' }, at('pep', '2027-01-12'));
    // Born 27 March 2015 (the factories' date), so 11 at the assessment: the next in 12 months.
    const view = await t.services.health.view(worker, child.id);
    expect([view.schedule.nextAssessment?.due, view.schedule.checks.dental !== null, view.peps.map((p) => p.upToDate)]).toEqual(['2028-01-20', true, [true]]);
    expect((await t.services.standards.forPerson(child.id)).filter((o) => o.obligation.ruleId === 'cic.pep-meeting-termly').at(-1)?.obligation.dueDate).toBe('2027-05-12');
    // An IRO from elsewhere may not record the child's health.
    const iro = await makeUser(t.services, { roles: ['iro'] });
    await expect(t.services.health.record(iro, child.id, 'check', { kind: 'optician' }, at('check', '2027-01-15'))).rejects.toBeInstanceOf(ForbiddenError);
    const client = new Client(app);
    await client.signIn(worker.actor.username, worker.password);
    const page = mainText((await client.get(`/people/${child.id}/health-education`)).body);
    expect(page).toContain('20 January 2028 (Once a year from 5 to 18)');
    const refused = await client.post(`/people/${child.id}/health-education/check`, { kind: 'x' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Select the check');
  });
});
