import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, importEvent, makeUser, world, type TestWorld } from '../factories';
import { approvedCarer } from '../support/approvedCarers';

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
    await t.services.inCare.start(worker, child.id, { legalStatus: 'C2', reason: 'Care order.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'in_house_fostering', carerId: await approvedCarer(t.services, worker, 'Carers') }, at('occurred', '2026-12-24'));
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

  it('records the health and wellbeing for the year and why an SDQ could not be done, refusing incomplete answers, for the SSDA903 OC2 table (issue 10)', async () => {
    const { worker, child } = await allocatedCase(t.services);
    // In care since Christmas Eve 2026, as history (the In care page's own form is tested in inCare.test.ts).
    t.clock.set('2026-12-25T18:00:00Z');
    await importEvent(t.services, child.id, 'cic.started', '2026-12-24T16:00:00Z', { legalStatus: 'C2' });
    await importEvent(t.services, child.id, 'cic.placement_started', '2026-12-24T18:00:00Z', { setting: 'in_house_fostering', carer: 'Carers' });
    // A year on: looked after since before 1 April 2027, so in the OC2 table of the year to 31 March 2028. Born 27 March 2015: 12 on 31 March 2028.
    t.clock.set('2028-02-01T12:00:00Z');
    expect(await problems(t.services.health.record(worker, child.id, 'wellbeing', {}, at('wellbeing', '2028-01-20')))).toEqual([
      "immunisationsUpToDate: Select whether the child's immunisations are up to date",
      'substanceMisuse: Select whether a substance misuse problem was identified during the year',
      'convicted: Select whether the child was convicted, or given a final warning or reprimand, during the year',
    ]);
    expect(await problems(t.services.health.record(worker, child.id, 'wellbeing', { immunisationsUpToDate: 'yes', substanceMisuse: 'identified', convicted: 'no' }, at('wellbeing', '2028-01-20')))).toEqual([
      'intervention: Select whether the child received an intervention for substance misuse, was offered one and refused it, or was not offered one',
    ]);
    await t.services.health.record(worker, child.id, 'wellbeing', { immunisationsUpToDate: 'no', substanceMisuse: 'identified', intervention: 'offered_refused', convicted: 'no', summary: 'Referred to the young people’s service; did not go.' }, at('wellbeing', '2028-01-20'));
    // 12 all year: their age is no reason for no SDQ.
    expect(await problems(t.services.health.record(worker, child.id, 'sdqNotDone', { reason: 'age' }, at('sdqNotDone', '2028-01-21')))).toEqual([
      'reason: The child is aged 4 to 16 all this year, so their age is not why: select another reason',
    ]);
    expect(await problems(t.services.health.record(worker, child.id, 'sdqNotDone', {}, at('sdqNotDone', '2028-01-21')))).toEqual(['reason: Select why the SDQ could not be done']);
    await t.services.health.record(worker, child.id, 'sdqNotDone', { reason: 'carer_refused' }, at('sdqNotDone', '2028-01-21'));

    const view = await t.services.health.view(worker, child.id);
    expect(view.schedule.outcomes?.lines).toEqual(['Immunisations not up to date', 'A substance misuse problem identified: offered an intervention and refused it', 'No conviction, final warning or reprimand during the year']);
    expect(view.schedule.sdq.notDone?.reason).toBe('The carer refused to complete it');
    const stored = (await t.services.people.streamOf(child.id)).filter((e) => e.type === 'cic.health_outcomes_recorded').map((e) => e.data);
    expect(stored).toEqual([{ immunisationsUpToDate: false, substanceMisuse: 'identified', intervention: 'offered_refused', convicted: false, summary: 'Referred to the young people’s service; did not go.' }]);

    // The return's OC2 row, in DfE codes the worker never saw, and none of the OC2 rules that asked for them fails.
    const returns = await t.services.returns.forChild(worker, child.id);
    expect(returns.rows.tables?.oc2[0]).toMatchObject({ IMMUNISATIONS: '0', SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0', INTERVENTION_OFFERED: '1', CONVICTED: '0', SDQ_SCORE: null, SDQ_REASON: 'SDQ2' });
    expect(returns.failures.map((f) => f.code).filter((c) => ['182', '186', '191', '192', '159', '543', '544'].includes(c))).toEqual([]);

    const client = new Client(app);
    await client.signIn(worker.actor.username, worker.password);
    const page = mainText((await client.get(`/people/${child.id}/health-education`)).body);
    expect(page).toContain('Immunisations not up to date; A substance misuse problem identified: offered an intervention and refused it');
    expect(page).toContain('Could not be done on 21 January 2028: The carer refused to complete it');
    expect(page).not.toMatch(/SDQ2|SDQ_REASON/);
    const refused = await client.post(`/people/${child.id}/health-education/wellbeing`, { immunisationsUpToDate: 'yes', substanceMisuse: 'none' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Select whether the child was convicted, or given a final warning or reprimand, during the year');
    const saved = await client.post(`/people/${child.id}/health-education/sdq-not-done`, { reason: 'other', summary: 'Moved placement twice that month.', 'sdqNotDoneOn-day': '25', 'sdqNotDoneOn-month': '1', 'sdqNotDoneOn-year': '2028', sdqNotDoneTime: '10:00' });
    expect(saved.statusCode).toBe(302);
  });
});
