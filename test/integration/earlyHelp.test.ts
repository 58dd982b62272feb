import { beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { allocatedCase, importEvent, makeTeam, makeUser, world, type TestWorld } from '../factories';

/**
 * Early help's step-up (practice-standards.txt, Section 1: Integrated Early Help 12-16, and
 * Appendix 2: Early Help Step Up Procedure): the worker's limited-change check, the Early Help
 * Manager's oversight, the Duty Manager's 48-hour review of a Hub decision, the final meeting and feedback.
 */
describe.each(engines())('early help step-up on %s', (engine) => {
  let t: TestWorld;
  let dutyManager: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-12-18T16:00:00Z');
    dutyManager = await makeUser(t.services, { roles: ['team-manager'], teamIds: [await makeTeam(t.services, 'MASH')] });
  });

  const rule = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);
  const at = (occurredOn: string, occurredTime: string) => ({ occurredOn, occurredTime });

  it("gives the Duty Manager the Hub's requests with their 48 hours, over a weekend, and records the review with its recommendation", async () => {
    const { worker, child } = await allocatedCase(t.services);
    await importEvent(t.services, child.id, 'early_help.received', '2026-12-14T10:00:00Z');
    // Asked on Friday 18 December at 16:00: 48 hours, weekend or not, is Sunday 20 December at 16:00.
    t.clock.set('2026-12-18T16:30:00Z');
    await t.services.recordWork.record(worker, child.id, { type: 'early_help.hub_review_requested', ...at('2026-12-18', '16:00'), data: {}, summary: 'Third referral for neglect in a year; mother not engaging with the Early Help plan.' });
    expect((await rule(child.id, 'early-help.hub-decision-review'))?.obligation.deadline.toISOString()).toBe('2026-12-20T16:00:00.000Z');

    t.clock.set('2026-12-21T09:00:00Z');
    const waiting = await t.services.hubReviews.waiting(dutyManager);
    expect(waiting.find((r) => r.personId === child.id)).toMatchObject({ overdue: true, why: expect.stringContaining('Third referral') });
    // Only a Duty Manager reviews it: the worker may not.
    await expect(t.services.hubReviews.review(worker, child.id, { recommendation: 'child_and_family_assessment', rationale: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.hubReviews.review(dutyManager, child.id, { recommendation: 'maybe', rationale: ' ' }))).toEqual([
      'recommendation: Select the action you recommend',
      'rationale: Enter the decision and the action required, as your management oversight',
    ]);
    await t.services.hubReviews.review(dutyManager, child.id, { recommendation: 'child_and_family_assessment', rationale: 'Pattern of neglect: step up to a Child and Family Assessment today.' });
    expect((await rule(child.id, 'early-help.hub-decision-review'))?.state).toBe('met_late');
    expect((await rule(child.id, 'early-help.hub-decision-review-recorded'))?.state).toBe('met_late');
    expect((await t.services.hubReviews.waiting(dutyManager)).some((r) => r.personId === child.id)).toBe(false);
    expect(await problems(t.services.hubReviews.review(dutyManager, child.id, { recommendation: 'other', rationale: 'Again' }))).toEqual([
      'recommendation: No request from the Early Help Hub is waiting for a review for this child',
    ]);
    // Record work no longer offers the review: it is the Duty Manager's, from the front door.
    expect(await problems(t.services.recordWork.record(worker, child.id, { type: 'early_help.hub_decision_reviewed', ...at('2026-12-21', '08:00'), data: {} }))).toEqual(['type: Select what was done from the list']);
  });

  it('meets the review within 48 hours when it is made on Saturday', async () => {
    const { worker, child } = await allocatedCase(t.services);
    await importEvent(t.services, child.id, 'early_help.received', '2026-12-14T10:00:00Z');
    t.clock.set('2026-12-18T16:30:00Z');
    await t.services.recordWork.record(worker, child.id, { type: 'early_help.hub_review_requested', ...at('2026-12-18', '16:00'), data: {} });
    t.clock.set('2026-12-19T11:00:00Z');
    await t.services.hubReviews.review(dutyManager, child.id, { recommendation: 'early_help_continues', rationale: 'The plan is working; keep the allocation.' });
    expect((await rule(child.id, 'early-help.hub-decision-review'))?.state).toBe('met');
  });

  it("records the worker's limited-change check, the Early Help Manager's oversight after it, the final meeting and the family's feedback", async () => {
    const { worker, manager, child } = await allocatedCase(t.services);
    await importEvent(t.services, child.id, 'early_help.received', '2026-10-01T10:00:00Z');
    t.clock.set('2026-12-18T16:30:00Z');
    const oversight = { concernReason: 'No engagement with the plan for six weeks.', nextStep: 'marf_with_duty_worker', attributableToParenting: true, views: 'School and health visitor share the worry; mother says she is too tired to engage.' };
    expect(await problems(t.services.recordWork.record(manager, child.id, { type: 'early_help.step_up_oversight_recorded', ...at('2026-12-18', '10:00'), data: oversight }))).toEqual([
      expect.stringContaining('comes before any early help worker confirmed limited change over 6 weeks'),
    ]);
    expect(await problems(t.services.recordWork.record(worker, child.id, { type: 'early_help.limited_change_confirmed', ...at('2026-12-17', '10:00'), data: { concern: 'sometimes' } }))).toEqual([
      'data.concern: concern must be one of high_risks_continuing, risk_increased, no_engagement',
    ]);
    await t.services.recordWork.record(worker, child.id, { type: 'early_help.limited_change_confirmed', ...at('2026-12-17', '10:00'), data: { concern: 'no_engagement' } });
    expect(await problems(t.services.recordWork.record(manager, child.id, { type: 'early_help.step_up_oversight_recorded', ...at('2026-12-18', '10:00'), data: { ...oversight, views: ' ' } }))).toEqual([
      'data.views: views are needed: the multi-agency and family views',
    ]);
    await t.services.recordWork.record(manager, child.id, { type: 'early_help.step_up_oversight_recorded', ...at('2026-12-18', '10:00'), data: oversight });
    await t.services.recordWork.record(worker, child.id, { type: 'early_help.final_meeting_held', ...at('2026-12-18', '14:00'), data: { safetyPlanAgreed: true } });
    await t.services.recordWork.record(worker, child.id, { type: 'early_help.closing_feedback_recorded', ...at('2026-12-18', '15:00'), data: {}, summary: 'Mother: "The routines chart helped." Closing summary attached.' });
    expect((await t.services.people.streamOf(child.id)).slice(-4).map((e) => e.type)).toEqual([
      'early_help.limited_change_confirmed',
      'early_help.step_up_oversight_recorded',
      'early_help.final_meeting_held',
      'early_help.closing_feedback_recorded',
    ]);
  });
});
