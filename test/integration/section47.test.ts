import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, importEvent, world, type TestWorld } from '../factories';

const at = (occurredOn: string, occurredTime: string) => ({ occurredOn, occurredTime, problems: [] });

/**
 * A Section 47 enquiry (practice-standards.txt, Section 2: Section 47 Enquiries 1-6) after a
 * strategy meeting on Friday 18 December 2026, over Christmas: 25 and 28 December are bank holidays.
 */
describe.each(engines())('the Section 47 enquiry on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-12-18T17:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  const state = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);

  async function thresholdMet() {
    const c = await allocatedCase(t.services);
    await importEvent(t.services, c.child.id, 'strategy.discussion_decided', '2026-12-18T10:00:00Z');
    await importEvent(t.services, c.child.id, 'strategy.discussion_held', '2026-12-18T16:00:00Z', { section47ThresholdMet: true });
    return c;
  }

  it('is started by a manager, and takes the visit, the safety plan as a case note, the checks, the completion and the oversight, each against its clock', async () => {
    const { worker, manager, child } = await thresholdMet();
    expect(await problems(t.services.section47.visit(worker, child.id, { seenAlone: 'yes' }, at('2026-12-18', '17:00')))).toEqual(['visit: Start the Section 47 enquiry first']);
    await expect(t.services.section47.start(worker, child.id)).rejects.toBeInstanceOf(ForbiddenError);

    t.clock.set('2026-12-19T10:00:00Z');
    await t.services.section47.start(manager, child.id);
    expect((await state(child.id, 's47.workflow-triggered'))?.state).toBe('met');
    t.clock.set('2026-12-19T12:30:00Z');
    expect(await problems(t.services.section47.complete(worker, child.id, { outcome: 'initial_conference', recommendation: 'x' }))).toEqual([
      'complete: Record the visit to the child first: the enquiry cannot be completed without the child having been seen',
    ]);
    // Dated before the strategy meeting that started the enquiry: refused, not left to leave the clock open.
    expect(await problems(t.services.section47.visit(worker, child.id, { seenAlone: 'yes' }, at('2026-12-18', '09:00')))).toEqual([
      'occurredOn: This cannot be before the strategy meeting that found the threshold met, 18 December 2026 at 4:00pm: check the date and time',
    ]);
    expect(await problems(t.services.section47.visit(worker, child.id, { seenAlone: 'no' }, at('2026-12-19', '11:00')))).toEqual([
      'whyNotSeenAlone: Say why the child was not seen alone (for example, the parents did not consent)',
    ]);
    await t.services.section47.visit(worker, child.id, { seenAlone: 'no', whyNotSeenAlone: 'Father refused consent; seen with mother present.' }, at('2026-12-19', '11:00'));
    expect((await state(child.id, 's47.child-visited'))?.state).toBe('met');
    await t.services.section47.agencyChecks(worker, child.id, { agencies: 'GP: no concerns. School: two absences this term.' }, at('2026-12-19', '12:00'));
    expect((await state(child.id, 's47.agency-checks'))?.state).toBe('met');

    // The safety plan on Monday 21 December: more than 24 hours after Friday's meeting.
    t.clock.set('2026-12-21T10:00:00Z');
    await t.services.section47.safetyPlan(worker, child.id, { plan: 'Father to stay with his brother; mother to keep the children at home.', present: 'Mother, father, social worker' }, { ...at('2026-12-21', '09:00'), fields: { date: 'agreedOn', time: 'agreedTime' } });
    expect((await state(child.id, 's47.safety-plan'))?.state).toBe('met_late');
    expect((await t.services.caseRecord.view(worker, child.id)).notes[0]?.event.data).toMatchObject({ facts: expect.stringContaining('Father to stay with his brother'), present: 'Mother, father, social worker' });

    // Completed within 5 working days of Friday 18 December: Tuesday 29 December, Christmas Day and the substitute Boxing Day not counted.
    expect((await state(child.id, 's47.complete'))?.obligation.dueDate).toBe('2026-12-29');
    t.clock.set('2026-12-29T15:00:00Z');
    expect(await problems(t.services.section47.complete(worker, child.id, { outcome: 'maybe', recommendation: '' }))).toEqual([
      'outcome: Select the recommended next step',
      'recommendation: Enter the recommendation and why',
    ]);
    await t.services.section47.complete(worker, child.id, { outcome: 'initial_conference', recommendation: 'Risk of physical harm from father remains: initial conference.' });
    expect((await state(child.id, 's47.complete'))?.state).toBe('met');

    // Oversight by a manager of the team; not the worker, and the refusal is audited.
    await expect(t.services.section47.oversight(worker, child.id, { oversight: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    t.clock.set('2026-12-30T09:00:00Z');
    await t.services.section47.oversight(manager, child.id, { oversight: 'Agree with the recommendation; conference to be convened.' });
    expect((await state(child.id, 's47.management-oversight'))?.state).toBe('met_late');
    const view = await t.services.section47.view(worker, child.id);
    expect([view.state?.completed?.outcome, view.state?.oversight?.summary, view.may.oversight]).toEqual(['initial_conference', 'Agree with the recommendation; conference to be convened.', false]);
  });

  it('shows the page, refuses a child with no threshold met, and answers bad input with what to fix', async () => {
    const { manager, child } = await allocatedCase(t.services);
    const client = new Client(app);
    await client.signIn(manager.actor.username, manager.password);
    expect(mainText((await client.get(`/people/${child.id}/section-47`)).body)).toContain('No strategy meeting has found the threshold for a Section 47 enquiry met');
    expect(await problems(t.services.section47.start(manager, child.id))).toEqual([
      'start: No strategy meeting has found the threshold for a Section 47 enquiry met: record the strategy discussion first',
    ]);
    const met = await thresholdMet();
    const asWorker = new Client(app);
    await asWorker.signIn(met.worker.actor.username, met.worker.password);
    expect((await asWorker.post(`/people/${met.child.id}/section-47/start`, {})).statusCode).toBe(403);
  });
});
