import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, world, type TestWorld } from '../factories';

const at = (occurredOn: string, occurredTime: string) => ({ occurredOn, occurredTime, problems: [] });
const noDate = { value: null, problem: null };
const attendees = { 'attendee-police-name': 'DC Sarah Hale', 'attendee-police-attended': 'yes', 'attendee-social_care-name': 'Sam Patel', 'attendee-social_care-attended': 'yes', 'attendee-health-name': 'Health visitor (apologies)' };

/**
 * A strategy discussion on an open case (practice-standards.txt, Section 2: Strategy Discussions
 * 1-8), over the late May bank holiday 2026: Monday 25 May is a bank holiday.
 */
describe.each(engines())('the strategy discussion on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-05-22T15:30:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  const state = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1)?.state;

  it('takes the decision on new information, the trigger, the police referral, the meeting and its outcome, each against its clock', async () => {
    const { worker, manager, child } = await allocatedCase(t.services);
    // New information on Friday 22 May at 15:00 (BST); the manager decides at 16:30.
    t.clock.set('2026-05-22T15:30:00Z');
    await expect(t.services.strategy.decide(worker, child.id, { information: 'Police report a disclosure at school' }, at('2026-05-22', '15:00'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.strategy.decide(manager, child.id, { information: ' ' }, at('2026-05-23', '15:00')))).toEqual([
      'occurredOn: Date it happened must be today or in the past',
      'information: Enter the new information that prompts a strategy discussion',
    ]);
    await t.services.strategy.decide(manager, child.id, { information: 'Police report a disclosure at school of being hit with a belt' }, at('2026-05-22', '15:00'));
    expect(await problems(t.services.strategy.actionsCirculated(manager, child.id))).toEqual(['actions: Record the strategy meeting first']);

    t.clock.set('2026-05-22T16:00:00Z');
    await t.services.strategy.trigger(manager, child.id);
    expect(await state(child.id, 'strategy.workflow-triggered')).toBe('met');
    // The PEC referral at 16:45, within the hour of the 16:30 decision.
    await t.services.strategy.policeReferral(worker, child.id, at('2026-05-22', '16:45'));
    expect(await state(child.id, 'strategy.police-referral')).toBe('met');

    // The meeting on Tuesday 26 May, after the weekend and the bank holiday: later than 24 hours, so the delay needs reasons.
    t.clock.set('2026-05-26T11:00:00Z');
    expect(await problems(t.services.strategy.hold(manager, child.id, { 'attendee-health-attended': 'yes' }, at('2026-05-26', '10:00'), noDate))).toEqual([
      'section47ThresholdMet: Select whether the threshold for a Section 47 enquiry was met',
      'attendee-health-name: Enter who came from Health',
      'attendee-police-name: Enter who was invited from the police',
      "attendee-social_care-name: Enter who was invited from children's social care",
      'delayReason: The meeting was more than 24 hours after the new information: enter why the delay was accepted',
    ]);
    await t.services.strategy.hold(manager, child.id, { ...attendees, section47ThresholdMet: 'yes', delayReason: 'Police could not attend until after the bank holiday; a safety plan was in place.' }, at('2026-05-26', '10:00'), { value: '2026-06-09', problem: null });
    expect(await state(child.id, 'strategy.meeting-held')).toBe('met_late');
    const stream = await t.services.people.streamOf(child.id);
    expect(stream.at(-1)).toMatchObject({ type: 'oversight.recorded', data: { summary: expect.stringContaining('Police could not attend') } });
    const held = stream.find((e) => e.type === 'strategy.discussion_held');
    expect(held?.data).toMatchObject({ section47ThresholdMet: true, reviewMeetingOn: '2026-06-09', attendees: [{ agency: 'police', name: 'DC Sarah Hale', attended: true }, { agency: 'health', name: 'Health visitor (apologies)', attended: false }, { agency: 'social_care', name: 'Sam Patel', attended: true }] });

    await t.services.strategy.actionsCirculated(manager, child.id);
    expect(await state(child.id, 'strategy.actions-circulated')).toBe('met');
    // Minutes at 09:30 the next day, within 24 hours; the Child Protection Admin Team advised then too: late (the same day as the meeting).
    t.clock.set('2026-05-27T08:30:00Z');
    await t.services.strategy.minutesDistributed(worker, child.id);
    expect(await state(child.id, 'strategy.minutes')).toBe('met');
    await t.services.strategy.cpAdminAdvised(worker, child.id);
    expect(await state(child.id, 'strategy.cp-admin-advised')).toBe('met_late');
    expect(await problems(t.services.strategy.minutesDistributed(worker, child.id))).toEqual(['minutes: The minutes have already been distributed: send changes as amendments']);

    // Amendments within 5 working days of Wednesday 27 May: by Wednesday 3 June; one on Thursday 4 June is marked late.
    t.clock.set('2026-06-03T15:00:00Z');
    await t.services.strategy.amendment(worker, child.id, { agency: 'Police', summary: 'The disclosure was to the class teacher, not the head.' });
    t.clock.set('2026-06-04T09:00:00Z');
    await t.services.strategy.amendment(worker, child.id, { agency: 'Health', summary: 'Add: the health visitor saw bruising in April.' });
    const view = await t.services.strategy.view(worker, child.id);
    expect([view.amendmentsClose, view.state?.amendments.map((a) => a.inTime)]).toEqual(['2026-06-03', [true, false]]);
  });

  it('shows the page, with a form only for those who may use it, and its refusals with what to fix', async () => {
    const { worker, manager, child } = await allocatedCase(t.services);
    const asWorker = new Client(app);
    await asWorker.signIn(worker.actor.username, worker.password);
    const page = mainText((await asWorker.get(`/people/${child.id}/strategy`)).body);
    expect(page).toContain('No strategy discussion has been decided');
    expect(page).not.toContain('Decide to hold a strategy discussion');
    expect((await asWorker.post(`/people/${child.id}/strategy/decision`, { information: 'x' })).statusCode).toBe(403);
    const asManager = new Client(app);
    await asManager.signIn(manager.actor.username, manager.password);
    await asManager.get(`/people/${child.id}/strategy`);
    const refused = await asManager.post(`/people/${child.id}/strategy/decision`, { information: '', 'occurredOn-day': '', 'occurredOn-month': '', 'occurredOn-year': '', occurredTime: '' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Enter the new information that prompts a strategy discussion');
    const trigger = await asManager.post(`/people/${child.id}/strategy/trigger`, {});
    expect(mainText(trigger.body)).toContain('No strategy discussion has been decided: record the decision to hold one first');
  });
});
