import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, importEvent, makeTeam, makeUser, registerChild, world, type TestWorld } from '../factories';

const at = (occurredOn: string, occurredTime: string) => ({ occurredOn, occurredTime, problems: [] });

/**
 * A child in need plan started on Thursday 17 December 2026 (practice-standards.txt, Section 2:
 * Child in Need Plans and Reviews), its clocks crossing Christmas Day, the substitute Boxing Day
 * (Monday 28 December) and New Year's Day.
 */
describe.each(engines())('child in need plans on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-12-30T15:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  const rule = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);
  const review = (chairId: string, extra: Record<string, unknown> = {}) => ({
    chairId,
    attended: 'Mother, class teacher, school nurse',
    apologies: 'Health visitor',
    progress: 'Morning routine kept; school attendance up to 94%.',
    amendments: 'Family support worker sessions reduced to fortnightly: routine is holding.',
    ...extra,
  });

  it('starts the plan, times visits and reviews, and has a manager chair the first review and sign off its record within two weeks', async () => {
    const { worker, manager, child } = await allocatedCase(t.services);
    t.clock.set('2026-12-30T15:00:00Z');
    expect(await problems(t.services.cinPlan.review(worker, child.id, review(manager.actor.userId), at('2026-12-22', '10:00')))).toEqual([
      'progress: The child is not on a child in need plan: start one first',
    ]);
    expect(await problems(t.services.cinPlan.start(worker, child.id, { from: 'other' }, at('2026-12-17', '10:00')))).toEqual(['reason: Enter the decision the plan follows']);
    expect(await problems(t.services.cinPlan.start(worker, child.id, { from: 'section_47' }, at('2027-01-05', '10:00')))).toEqual([
      'occurredOn: Date it happened must be today or in the past',
    ]);
    await t.services.cinPlan.start(worker, child.id, { from: 'section_47' }, at('2026-12-17', '10:00'));
    expect(await problems(t.services.cinPlan.start(worker, child.id, { from: 'assessment' }, at('2026-12-18', '10:00')))).toEqual(['from: The child is already on a child in need plan']);

    // 15 working days from Thursday 17 December: Tuesday 12 January, with 25 and 28 December and 1 January not counted.
    expect((await rule(child.id, 'cin.visit'))?.obligation.dueDate).toBe('2027-01-12');
    // Six weeks, calendar: Thursday 28 January.
    expect((await rule(child.id, 'cin.review'))?.obligation.dueDate).toBe('2027-01-28');

    // The first review is chaired by a manager (standard 10); not before the plan started.
    expect(await problems(t.services.cinPlan.review(worker, child.id, review(worker.actor.userId), at('2026-12-22', '10:00')))).toEqual([
      'chairId: The first child in need review of a plan is chaired by a manager: choose the manager who chaired it',
    ]);
    expect(await problems(t.services.cinPlan.review(worker, child.id, review(manager.actor.userId), at('2026-12-16', '10:00')))).toEqual([
      expect.stringMatching(/^occurredOn: A review of this plan cannot be before it started on /),
    ]);
    expect(await problems(t.services.cinPlan.review(worker, child.id, review('someone-else', { attended: '' }), at('2026-12-22', '10:00')))).toEqual(['attended: Enter who attended']);
    await t.services.cinPlan.review(worker, child.id, review(manager.actor.userId), at('2026-12-22', '10:00'));
    expect((await rule(child.id, 'cin.review'))?.obligation.dueDate).toBe('2027-02-02');

    // Signed off on Tuesday 5 January, two weeks to the day from Tuesday 22 December; a worker may not.
    t.clock.set('2027-01-05T09:00:00Z');
    await expect(t.services.cinPlan.signOff(worker, child.id)).rejects.toBeInstanceOf(ForbiddenError);
    await t.services.cinPlan.signOff(manager, child.id);
    expect((await rule(child.id, 'cin.review-record'))?.state).toBe('met');
    expect((await rule(child.id, 'cin.plan-amendments-signed-off'))?.state).toBe('met');
    expect(await problems(t.services.cinPlan.signOff(manager, child.id))).toEqual(['signOff: No review record is waiting to be signed off']);

    // Another visiting schedule is for the Disabled Children's Team's children only.
    expect(await problems(t.services.cinPlan.agreeSchedule(manager, child.id, { arrangement: 'stable', rationale: 'Settled' }))).toEqual([
      "arrangement: Only the Disabled Children's Team's children have another visiting schedule: for other children in need the 15 working day minimum stands",
    ]);

    // Closing needs a last review chaired by a manager; a worker cannot end the plan.
    t.clock.set('2027-01-20T15:00:00Z');
    const ending = { reason: 'closed', summary: 'Routines established; family agree to close.' };
    await expect(t.services.cinPlan.end(worker, child.id, ending, at('2027-01-20', '12:00'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.cinPlan.end(manager, child.id, ending, at('2027-01-20', '12:00')))).toEqual([
      'reason: Before a plan closes or steps down, record its last review, chaired by a manager (Child in Need Plans and Reviews 10)',
    ]);
    expect(await problems(t.services.cinPlan.review(worker, child.id, review(worker.actor.userId, { last: 'yes' }), at('2027-01-20', '10:00')))).toEqual([
      'chairId: The last child in need review of a plan is chaired by a manager: choose the manager who chaired it',
    ]);
    await t.services.cinPlan.review(worker, child.id, review(manager.actor.userId, { last: 'yes' }), at('2027-01-20', '10:00'));
    await t.services.cinPlan.end(manager, child.id, ending, at('2027-01-20', '12:00'));
    // A new plan is not dated inside the last one.
    expect(await problems(t.services.cinPlan.start(worker, child.id, { from: 'assessment' }, at('2027-01-19', '10:00')))).toEqual([
      expect.stringMatching(/^occurredOn: A new plan cannot start before the last one ended, on 20 January 2027/),
    ]);
    const view = await t.services.cinPlan.view(manager, child.id);
    expect(view.plan).toMatchObject({ onPlan: false, ended: { reason: 'closed' } });
    expect(view.plan.reviews.map((r) => [r.chairWasManager, r.last, r.signedOff !== null])).toEqual([
      [true, false, true],
      [true, true, false],
    ]);
    // No visit by Tuesday 12 January: missed, not cancelled, by the plan ending after it; the next review is cancelled.
    expect((await rule(child.id, 'cin.visit'))?.obligation.outcome).toBe('missed');
    expect((await rule(child.id, 'cin.review'))?.obligation.outcome).toBe('cancelled');
  });

  it("lets the Team Manager agree a disabled child's 4-weekly visits and 3-monthly reviews, recorded as management oversight", async () => {
    const teamId = await makeTeam(t.services, undefined, 'disabled-children');
    const manager = await makeUser(t.services, { roles: ['team-manager'], teamIds: [teamId] });
    const worker = await makeUser(t.services, { roles: ['social-worker'], teamIds: [teamId] });
    const child = await registerChild(t.services, worker);
    await t.services.people.allocate(manager, child.id, { teamId, workerId: worker.actor.userId });
    t.clock.set('2027-01-06T10:00:00Z');
    await t.services.cinPlan.start(worker, child.id, { from: 'assessment' }, at('2026-12-17', '10:00'));
    await importEvent(t.services, child.id, 'cin.visit', '2026-12-23T11:00:00Z', { seenAlone: true });
    expect(await problems(t.services.cinPlan.agreeSchedule(manager, child.id, { arrangement: 'stable', rationale: '' }))).toEqual(['rationale: Enter why the schedule suits the child']);
    await expect(t.services.cinPlan.agreeSchedule(worker, child.id, { arrangement: 'stable', rationale: 'Stable package of care' })).rejects.toBeInstanceOf(ForbiddenError);
    // Nor through Record work: the schedule is the Team Manager's to agree.
    await expect(t.services.recordWork.record(worker, child.id, { type: 'cwd.visiting_frequency_agreed', occurredOn: '2027-01-06', occurredTime: '09:00', data: { arrangement: 'stable' } })).rejects.toBeInstanceOf(ForbiddenError);
    await t.services.cinPlan.agreeSchedule(manager, child.id, { arrangement: 'overnight_short_breaks', rationale: 'Overnight short breaks at Oak Lodge keep the family stable' });
    expect(await problems(t.services.cinPlan.agreeSchedule(manager, child.id, { arrangement: 'stable', rationale: 'Again' }))).toEqual(['arrangement: A visiting schedule has already been agreed for this plan']);

    // Four weeks from the last visit (Wednesday 23 December): Wednesday 20 January; the 15 working day rule ends.
    expect((await rule(child.id, 'cwd.cin-visit-agreed'))?.obligation.dueDate).toBe('2027-01-20');
    expect((await rule(child.id, 'cin.visit'))?.state).toBe('cancelled');
    expect((await rule(child.id, 'cwd.cin-review-agreed'))?.obligation.dueDate).toBe('2027-03-17');
    expect((await t.services.standards.forPerson(child.id)).filter((r) => r.obligation.ruleId === 'oversight.cin-plan').map((r) => r.state)).toEqual(['met', 'due']);
    const view = await t.services.cinPlan.view(manager, child.id);
    expect(view.plan.arrangement).toMatchObject({ value: 'overnight_short_breaks' });
    expect(view.disabledChildren).toBe(true);
  });

  it('shows the page, answers bad input with what to fix, and lets only a manager end the plan', async () => {
    const { worker, manager, child } = await allocatedCase(t.services);
    t.clock.set('2027-01-06T10:00:00Z');
    const asWorker = new Client(app);
    await asWorker.signIn(worker.actor.username, worker.password);
    await importEvent(t.services, child.id, 'assessment.allocated', '2026-11-16T10:00:00Z');
    await importEvent(t.services, child.id, 'assessment.completed', '2027-01-04T10:00:00Z', { outcome: 'child_in_need' });
    const before = await asWorker.get(`/people/${child.id}/cin-plan`);
    expect(mainText(before.body)).toContain('is not on a child in need plan');
    // The assessment's outcome is offered as what the plan follows.
    expect(before.body).toMatch(/value="assessment" checked/);
    const refused = await asWorker.post(`/people/${child.id}/cin-plan/start`, { 'occurredOn-day': '31', 'occurredOn-month': '2', 'occurredOn-year': '2027', occurredTime: '10:00' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toMatch(/Select what the plan follows/);
    const started = await asWorker.post(`/people/${child.id}/cin-plan/start`, { 'occurredOn-day': '4', 'occurredOn-month': '1', 'occurredOn-year': '2027', occurredTime: '10:00', from: 'assessment' });
    expect(started.statusCode).toBe(302);
    const page = mainText((await asWorker.get(`/people/${child.id}/cin-plan`)).body);
    expect(page).toContain('Child in need visit at least every 15 working days');
    expect(page).toContain('A Child and Family Assessment recommended it');
    expect(page).not.toContain('End the plan');
    expect((await asWorker.post(`/people/${child.id}/cin-plan/end`, { reason: 'moved_away', summary: 'Moved' })).statusCode).toBe(403);
    const asManager = new Client(app);
    await asManager.signIn(manager.actor.username, manager.password);
    expect(mainText((await asManager.get(`/people/${child.id}/cin-plan`)).body)).toContain('End the plan');
    const ended = await asManager.post(`/people/${child.id}/cin-plan/end`, { 'occurredOn-day': '6', 'occurredOn-month': '1', 'occurredOn-year': '2027', occurredTime: '09:00', reason: 'moved_away', summary: 'Family moved to Reading.' });
    expect(ended.statusCode).toBe(302);
    expect((await t.services.cinPlan.view(manager, child.id)).plan.ended).toMatchObject({ reason: 'moved_away' });
  });
});
