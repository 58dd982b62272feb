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
    expect(await problems(t.services.strategy.hold(manager, child.id, { ...attendees, section47ThresholdMet: 'no' }, at('2026-05-22', '16:00'), noDate))).toEqual([
      'hold: Record the referral to the Police Enquiry Centre first: police attendance is organised once it is made',
    ]);

    t.clock.set('2026-05-22T16:00:00Z');
    await t.services.strategy.trigger(manager, child.id);
    expect(await state(child.id, 'strategy.workflow-triggered')).toBe('met');
    // The PEC referral at 16:45, within the hour of the 16:30 decision; not before the decision.
    expect(await problems(t.services.strategy.policeReferral(worker, child.id, at('2026-05-22', '16:00')))).toEqual([
      'occurredOn: The referral cannot be before 22 May 2026 at 4:30pm: check the date and time',
    ]);
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
    // The reasons stay with the meeting: they are not the Section 47 enquiry's management oversight, which is still owed.
    expect(stream.some((e) => e.type === 'oversight.recorded')).toBe(false);
    expect((await t.services.standards.forPerson(child.id)).find((o) => o.obligation.ruleId === 's47.management-oversight')?.state).toBe('due');
    const held = stream.find((e) => e.type === 'strategy.discussion_held');
    expect(held?.data).toMatchObject({ delayReason: expect.stringContaining('Police could not attend'), section47ThresholdMet: true, reviewMeetingOn: '2026-06-09', attendees: [{ agency: 'police', name: 'DC Sarah Hale', attended: true }, { agency: 'health', name: 'Health visitor (apologies)', attended: false }, { agency: 'social_care', name: 'Sam Patel', attended: true }] });

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
    // Typed in on 4 June: the date it was received counts, not the day it was typed.
    t.clock.set('2026-06-04T12:00:00Z');
    const received = (on: string) => ({ occurredOn: on, occurredTime: '10:00', problems: [], fields: { date: 'receivedOn', time: 'receivedTime' } });
    await t.services.strategy.amendment(worker, child.id, { agency: 'Police', amendment: 'The disclosure was to the class teacher, not the head.' }, received('2026-06-03'));
    await t.services.strategy.amendment(worker, child.id, { agency: 'Health', amendment: 'Add: the health visitor saw bruising in April.' }, received('2026-06-04'));
    expect(await problems(t.services.strategy.amendment(worker, child.id, { agency: 'School', amendment: 'x' }, received('2026-05-26')))).toEqual([
      'receivedOn: The amendment cannot be before the minutes were distributed, 27 May 2026 at 9:30am: check the date and time',
    ]);
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
    expect(mainText((await asManager.get(`/people/${child.id}/strategy`)).body)).toContain('Decide to hold a strategy discussion');
    const refused = await asManager.post(`/people/${child.id}/strategy/decision`, { information: '', 'occurredOn-day': '', 'occurredOn-month': '', 'occurredOn-year': '', occurredTime: '' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Enter the new information that prompts a strategy discussion');
    const trigger = await asManager.post(`/people/${child.id}/strategy/trigger`, {});
    expect(mainText(trigger.body)).toContain('No strategy discussion has been decided: record the decision to hold one first');

    // The minutes uploaded (Strategy Discussions 6): kept on the record as a document, listed on the page.
    const empty = await asWorker.postFile(`/people/${child.id}/strategy/documents`, { kind: 'strategy_minutes' }, { field: 'document', filename: 'minutes.docx', content: Buffer.alloc(0) });
    expect([empty.statusCode, mainText(empty.body).includes('minutes.docx is empty: choose the file again')]).toEqual([400, true]);
    const uploaded = await asWorker.postFile(`/people/${child.id}/strategy/documents`, { kind: 'strategy_minutes', description: 'Minutes, 18 December' }, { field: 'document', filename: 'minutes.docx', content: Buffer.from('minutes') });
    expect(uploaded.statusCode).toBe(302);
    expect(mainText((await asWorker.get(`/people/${child.id}/strategy`)).body)).toMatch(/minutes\.docx ?: Minutes, 18 December, attached .* by /);
  });
});
