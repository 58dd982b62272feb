import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, importEvent, makeUser, world, type TestWorld } from '../factories';
import { approvedCarer } from '../support/approvedCarers';

const at = (occurredOn: string, occurredTime: string, key?: string) => ({ occurredOn, occurredTime, problems: [], ...(key ? { fields: { date: `${key}On`, time: `${key}Time` } } : {}) });

/**
 * A child looked after from Thursday 24 December 2026 through the first and second reviews
 * (practice-standards.txt, Section 4: Reviews for Children in Care 43-59), the clocks crossing
 * Christmas, the substitute Boxing Day and New Year's Day.
 */
describe.each(engines())('reviews of a child in care on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-12-24T18:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  const rule = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);

  async function lookedAfter() {
    const c = await allocatedCase(t.services);
    t.clock.set('2026-12-24T18:00:00Z');
    await t.services.inCare.start(c.worker, c.child.id, { legalStatus: 'C1', reason: 'The court decided you should live with foster carers for now.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'in_house_fostering', carerId: await approvedCarer(t.services, c.worker, 'Sue Carter') }, at('2026-12-24', '15:00'));
    return c;
  }

  it('prepares, holds and follows up the first review, by whom each belongs to, then times the second', async () => {
    const { worker, manager, child } = await lookedAfter();
    const iro = await makeUser(t.services, { roles: ['iro'] });
    // 20 working days from Thursday 24 December: Tuesday 26 January (25, 28 December and 1 January not counted).
    expect((await rule(child.id, 'cic.first-review'))?.obligation.dueDate).toBe('2027-01-26');

    t.clock.set('2027-01-06T12:00:00Z');
    await t.services.cicReviews.prepare(worker, child.id, 'setup', at('2027-01-06', '10:00', 'setup'));
    expect(await problems(t.services.cicReviews.prepare(worker, child.id, 'setup', at('2027-01-06', '11:00', 'setup')))).toEqual([
      'setup: Set-up and invite form sent to the CIC admin team: already recorded for the next review',
    ]);
    await expect(t.services.cicReviews.prepare(worker, child.id, 'sawChild', at('2027-01-06', '10:00', 'sawChild'))).rejects.toBeInstanceOf(ForbiddenError);
    t.clock.set('2027-01-11T12:00:00Z');
    await t.services.cicReviews.prepare(worker, child.id, 'invitations', at('2027-01-11', '10:00', 'invitations'));
    t.clock.set('2027-01-19T12:00:00Z');
    await t.services.cicReviews.prepare(worker, child.id, 'report', at('2027-01-19', '10:00', 'report'));
    await expect(t.services.cicReviews.prepare(worker, child.id, 'signedOff', at('2027-01-19', '11:00', 'signedOff'))).rejects.toBeInstanceOf(ForbiddenError);
    await t.services.cicReviews.prepare(manager, child.id, 'signedOff', at('2027-01-19', '11:00', 'signedOff'));
    t.clock.set('2027-01-21T12:00:00Z');
    await t.services.cicReviews.prepare(iro, child.id, 'sawChild', at('2027-01-21', '10:00', 'sawChild'));

    // Only an IRO records the review.
    t.clock.set('2027-01-22T15:00:00Z');
    const review = { childParticipation: 'attended', decisions: 'Placement with Sue Carter to continue; contact with mother twice a week, supervised; PEP to address reading.', lastBeforeEighteen: 'no' };
    await expect(t.services.cicReviews.hold(worker, child.id, review, at('2027-01-22', '10:00'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.cicReviews.hold(iro, child.id, { childParticipation: 'maybe' }, at('2027-01-22', '10:00')))).toEqual([
      'decisions: Enter the decisions and recommendations of the review',
      'childParticipation: Select how the child took part',
      "lastBeforeEighteen: Select whether this is the young person's last review before they are 18",
    ]);
    await t.services.cicReviews.hold(iro, child.id, review, at('2027-01-22', '10:00'));
    expect((await rule(child.id, 'cic.first-review'))?.state).toBe('met');
    // Set-up form 15 days before (by 7 January): met; invitations 10 working days before (by Friday 8 January): late on the 11th.
    expect((await rule(child.id, 'cic.review-setup-form'))?.state).toBe('met');
    expect((await rule(child.id, 'cic.first-review-invitations'))?.state).toBe('met_late');
    expect((await rule(child.id, 'cic.review-report-to-iro'))?.state).toBe('met');
    expect((await rule(child.id, 'cic.iro-sees-child'))?.state).toBe('met');
    expect(await problems(t.services.cicReviews.hold(iro, child.id, review, at('2027-01-22', '09:00')))).toEqual([
      'occurredOn: The review cannot be on or before the last one, 22 January 2027 at 10:00am: check the date and time',
    ]);

    // Decisions within 5 working days (Friday 29 January); the IRO's audit form; the manager's disagreement.
    expect((await rule(child.id, 'cic.review-decisions'))?.obligation.dueDate).toBe('2027-01-29');
    t.clock.set('2027-01-27T12:00:00Z');
    await t.services.cicReviews.followUp(iro, child.id, 'decisions', {}, at('2027-01-27', '10:00', 'decisions'));
    expect((await rule(child.id, 'cic.review-decisions'))?.state).toBe('met');
    expect(await problems(t.services.cicReviews.followUp(iro, child.id, 'audit', {}, at('2027-01-27', '11:00', 'audit')))).toEqual([
      "planMeetsNeeds: Select whether the care plan meets the child's current needs",
      "childsViews: Select whether the child's wishes and feelings were given due consideration",
    ]);
    await t.services.cicReviews.followUp(iro, child.id, 'audit', { planMeetsNeeds: 'yes', childsViews: 'yes' }, at('2027-01-27', '11:00', 'audit'));
    await expect(t.services.cicReviews.disagree(worker, child.id, { disagreement: 'Contact too frequent' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.cicReviews.disagree(manager, child.id, { disagreement: ' ' }))).toEqual(['disagreement: Enter which actions and decisions you do not agree with, and why']);
    await t.services.cicReviews.disagree(manager, child.id, { disagreement: 'Twice-weekly supervised contact cannot be staffed; propose weekly.' });
    expect((await rule(child.id, 'cic.review-decisions-disputed'))?.state).toBe('met');

    // The second review within 91 days of the first: Friday 23 April; held on Tuesday 20 April, with the outline permanency plan.
    expect((await rule(child.id, 'cic.second-review'))?.obligation.dueDate).toBe('2027-04-23');
    t.clock.set('2027-04-12T12:00:00Z');
    await t.services.cicReviews.prepare(worker, child.id, 'permanency', at('2027-04-12', '10:00', 'permanency'));
    t.clock.set('2027-04-20T15:00:00Z');
    await t.services.cicReviews.hold(iro, child.id, { ...review, decisions: 'Permanence plan: long-term fostering with Sue Carter.' }, at('2027-04-20', '10:00'));
    expect((await rule(child.id, 'cic.second-review'))?.state).toBe('met');
    expect((await rule(child.id, 'cic.outline-permanency-plan'))?.state).toBe('met');
    const view = await t.services.cicReviews.view(worker, child.id);
    // After the second review, its own follow-up starts afresh.
    expect([view.state.reviews.length, view.state.reviews[1]?.chair, view.state.preparation.size, [...view.state.followUp.keys()]]).toEqual([2, iro.actor.displayName, 0, []]);
  });

  it('flags an early review for a change of care plan, adjourns a review, and takes a dispute through its stages', async () => {
    const { worker, child } = await lookedAfter();
    const iro = await makeUser(t.services, { roles: ['iro'] });
    t.clock.set('2027-01-12T12:00:00Z');
    expect(await problems(t.services.cicReviews.notify(worker, child.id, { change: 'moon', detail: '' }))).toEqual(['change: Select the change', 'detail: Enter what changed']);
    await t.services.cicReviews.notify(worker, child.id, { change: 'care_plan', detail: 'Proposal to move to a kinship placement with the aunt.' });
    expect((await t.services.cicReviews.view(worker, child.id)).earlyReview).toBe(true);

    // Adjourned on Friday 22 January: completed within 20 working days (Friday 19 February).
    t.clock.set('2027-01-22T15:00:00Z');
    await t.services.cicReviews.adjourn(iro, child.id, { reason: 'The mother was not told of the review: IRO Handbook criteria met.' }, at('2027-01-22', '10:00', 'adjourned'));
    expect((await rule(child.id, 'cic.adjourned-review'))?.obligation.dueDate).toBe('2027-02-19');
    expect(await problems(t.services.cicReviews.adjourn(iro, child.id, { reason: 'again' }, at('2027-01-22', '11:00', 'adjourned')))).toEqual(['reason: The review is already adjourned: record it when it is completed']);

    // Dispute resolution moves on, never back; only the IRO raises it.
    await expect(t.services.cicReviews.dispute(worker, child.id, { stage: 'informal', concern: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.cicReviews.dispute(iro, child.id, { stage: 'cafcass', concern: 'PEP not held' }))).toEqual(['stage: A dispute starts with an informal discussion or a formal challenge']);
    await t.services.cicReviews.dispute(iro, child.id, { stage: 'informal', concern: 'PEP not held in 20 days' });
    const [open] = (await t.services.cicReviews.view(iro, child.id)).state.disputes;
    await t.services.cicReviews.dispute(iro, child.id, { stage: 'formal', concern: 'PEP still not held', disputeId: open!.id });
    expect(await problems(t.services.cicReviews.dispute(iro, child.id, { stage: 'informal', concern: 'back', disputeId: open!.id }))).toEqual([
      'stage: The dispute is already at the "Formal challenge on the Dispute Resolution Process form, to the team manager" stage: it can only move on',
    ]);
    expect(await problems(t.services.cicReviews.resolve(iro, child.id, { disputeId: 'not-a-dispute', outcome: 'Done' }))).toEqual(['disputeId: Select an open dispute']);
    expect(await problems(t.services.cicReviews.resolve(iro, child.id, { disputeId: open!.id, outcome: '' }))).toEqual(['outcome: Enter how it was resolved']);
    await t.services.cicReviews.resolve(iro, child.id, { disputeId: open!.id, outcome: 'PEP held on 2 February.' });
    expect((await t.services.cicReviews.view(iro, child.id)).state.disputes).toMatchObject([{ stage: 'formal', resolved: { outcome: 'PEP held on 2 February.' } }]);
  });

  it('shows the page with the review form only to an IRO', async () => {
    const { worker, child } = await lookedAfter();
    const iro = await makeUser(t.services, { roles: ['iro'] });
    const asWorker = new Client(app);
    await asWorker.signIn(worker.actor.username, worker.password);
    const page = mainText((await asWorker.get(`/people/${child.id}/reviews`)).body);
    expect(page).toContain('The review is recorded by the independent reviewing officer who chairs it');
    expect(page).toContain('First child in care review within 20 working days');
    expect((await asWorker.post(`/people/${child.id}/reviews/held`, { decisions: 'x' })).statusCode).toBe(403);
    const asIro = new Client(app);
    await asIro.signIn(iro.actor.username, iro.password);
    expect(mainText((await asIro.get(`/people/${child.id}/reviews`)).body)).toContain('Record the review');
    const refused = await asIro.post(`/people/${child.id}/reviews/held`, { 'occurredOn-day': '31', 'occurredOn-month': '2', 'occurredOn-year': '2027', occurredTime: '10:00' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Enter the decisions and recommendations of the review');
  });

  it('reviews short breaks within 3 months of the first day, by the IRO (Reviews for Children in Short Breaks 61-62)', async () => {
    const { worker, child } = await allocatedCase(t.services);
    const iro = await makeUser(t.services, { roles: ['iro'] });
    await importEvent(t.services, child.id, 'short_breaks.started', '2026-11-30T10:00:00Z');
    t.clock.set('2027-02-25T12:00:00Z');
    const view = await t.services.cicReviews.view(iro, child.id);
    expect(view.shortBreaksClocks.find((c) => c.ruleId === 'short-breaks.first-review')?.dueDate).toBe('2027-02-28');
    await expect(t.services.cicReviews.shortBreaksReview(worker, child.id, { shortBreaksDecisions: 'x' }, at('2027-02-24', '10:00', 'shortBreaks'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.cicReviews.shortBreaksReview(iro, child.id, { shortBreaksDecisions: '' }, at('2027-02-24', '10:00', 'shortBreaks')))).toEqual(['shortBreaksDecisions: Enter the decisions of the review']);
    await t.services.cicReviews.shortBreaksReview(iro, child.id, { shortBreaksDecisions: 'Short breaks at Oak Lodge continue, two nights a month.' }, at('2027-02-24', '10:00', 'shortBreaks'));
    const after = await t.services.cicReviews.view(iro, child.id);
    expect([after.state.shortBreaks?.reviews.length, after.shortBreaksClocks.find((c) => c.ruleId === 'short-breaks.review')?.dueDate]).toEqual([1, '2027-08-24']);
  });
});
