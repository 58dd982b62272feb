import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, importEvent, makeUser, registerChild, world, type TestWorld } from '../factories';

const at = (occurredOn: string, occurredTime: string) => ({ occurredOn, occurredTime, problems: [] });
/** Done at 09:00 on the day (before the clock's time in these tests). */
const on = (occurredOn: string) => at(occurredOn, '09:00');

/**
 * An initial child protection conference after a strategy meeting on Friday 4 December 2026, over
 * Christmas (25 and 28 December, and 1 January 2027, are bank holidays), then a review that ends
 * the plan (practice-standards.txt, Section 4: Child Protection Conferences).
 */
describe.each(engines())('child protection conferences on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;
  let chair: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-12-15T10:00:00Z');
    app = await testApp(t);
    chair = await makeUser(t.services, { roles: ['cp-chair'] });
  });
  afterAll(() => app.close());

  const rule = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);

  async function enquiryRecommendingConference() {
    const c = await allocatedCase(t.services);
    await importEvent(t.services, c.child.id, 'strategy.discussion_decided', '2026-12-04T09:00:00Z');
    await importEvent(t.services, c.child.id, 'strategy.discussion_held', '2026-12-04T10:00:00Z', { section47ThresholdMet: true });
    await importEvent(t.services, c.child.id, 's47.started', '2026-12-04T12:00:00Z');
    await importEvent(t.services, c.child.id, 's47.completed', '2026-12-09T12:00:00Z', { outcome: 'initial_conference' });
    return c;
  }

  it('prepares and records an initial conference that makes a plan, by its chair, within 15 working days, and what follows it', async () => {
    const { worker, child } = await enquiryRecommendingConference();
    // 15 working days from Friday 4 December: Tuesday 29 December, Christmas Day and the substitute Boxing Day not counted.
    expect((await rule(child.id, 'cp.icpc'))?.obligation.dueDate).toBe('2026-12-29');

    t.clock.set('2026-12-15T10:00:00Z');
    expect(await problems(t.services.conference.prepare(worker, child.id, 'setup', {}, on('2026-12-15')))).toEqual(['invitees: Enter the invite list']);
    await t.services.conference.prepare(worker, child.id, 'setup', { invitees: 'Mother, father, school DSL, health visitor, police' }, on('2026-12-15'));
    expect(await problems(t.services.conference.prepare(worker, child.id, 'setup', { invitees: 'again' }, on('2026-12-15')))).toEqual([
      'setup: Set-up form and invite list sent to the Child Protection Admin Team: already recorded for the next conference',
    ]);
    t.clock.set('2026-12-18T10:00:00Z');
    await t.services.conference.prepare(worker, child.id, 'invites', {}, on('2026-12-18'));
    await t.services.conference.prepare(worker, child.id, 'report', {}, on('2026-12-18'));
    await t.services.conference.prepare(worker, child.id, 'shared', { sharedWith: 'Mother and father' }, on('2026-12-18'));
    await expect(t.services.conference.prepare(worker, child.id, 'conversation', {}, on('2026-12-18'))).rejects.toBeInstanceOf(ForbiddenError);
    t.clock.set('2026-12-22T10:00:00Z');
    await t.services.conference.prepare(chair, child.id, 'conversation', {}, on('2026-12-22'));

    // Only the chair records the decision.
    t.clock.set('2026-12-29T15:00:00Z');
    await expect(t.services.conference.hold(worker, child.id, { agencies: ['social_care', 'police', 'health'], planMade: 'no' }, at('2026-12-29', '10:00'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.conference.hold(chair, child.id, { agencies: ['social_care', 'police'], planMade: 'yes' }, at('2026-12-29', '10:00')))).toEqual([
      "proceedReason: The conference was not quorate (children's social care and at least two other agencies): enter the chair's reason for proceeding",
      'category: Select the category of abuse: a plan needs one',
      'leadSocialWorker: Select the lead social worker: a plan needs one',
      'coreGroup: Enter the core group members: a plan needs a core group',
    ]);
    await t.services.conference.hold(
      chair,
      child.id,
      { agencies: ['social_care', 'police', 'health'], planMade: 'yes', category: 'neglect', leadSocialWorker: worker.actor.userId, coreGroup: 'Mother, father, school DSL, health visitor', dissent: 'Father disagreed with the category.' },
      at('2026-12-29', '10:00'),
    );
    const view = await t.services.conference.view(worker, child.id);
    expect([view.state.onPlan, view.state.category, view.state.last?.leadSocialWorker, view.kind]).toEqual([true, 'neglect', worker.actor.displayName, 'review']);
    expect((await rule(child.id, 'cp.icpc'))?.state).toBe('met');
    expect((await rule(child.id, 'cp.conference-setup-form'))?.state).toBe('met');
    expect((await rule(child.id, 'cp.chair-early-conversation'))?.state).toBe('met');

    // The decision circulated on Thursday 31 December: a day late (1 working day, Wednesday 30th).
    t.clock.set('2026-12-31T10:00:00Z');
    // Dated before the conference it follows: refused, as it would have belonged to an earlier one.
    expect(await problems(t.services.conference.followUp(worker, child.id, 'circulated', {}, on('2026-12-28')))).toEqual([
      'occurredOn: This is dated before the last conference, 29 December 2026 at 10:00am: it belonged to that one, so check the date and time',
    ]);
    await t.services.conference.followUp(worker, child.id, 'circulated', {}, on('2026-12-31'));
    expect((await rule(child.id, 'cp.decision-circulated'))?.state).toBe('met_late');
    // The signed record within 10 working days of Tuesday 29 December, 1 January not counted: by Wednesday 13 January.
    expect((await rule(child.id, 'cp.conference-minutes'))?.obligation.dueDate).toBe('2027-01-13');
    await expect(t.services.conference.followUp(worker, child.id, 'minutes', {}, on('2026-12-31'))).rejects.toBeInstanceOf(ForbiddenError);
    t.clock.set('2027-01-12T10:00:00Z');
    // The record is signed by the chair who chaired it, not another chair.
    const otherChair = await makeUser(t.services, { roles: ['cp-chair'] });
    expect(await problems(t.services.conference.followUp(otherChair, child.id, 'minutes', {}, on('2027-01-12')))).toEqual([
      `minutes: Only ${chair.actor.displayName}, who chaired this conference, can record signing its record`,
    ]);
    await t.services.conference.followUp(chair, child.id, 'minutes', {}, on('2027-01-12'));
    expect((await rule(child.id, 'cp.conference-minutes'))?.state).toBe('met');
    // The chair's quality audit form (Child Protection Conferences 27).
    expect(await problems(t.services.conference.followUp(chair, child.id, 'checklist', { childParticipation: 'maybe' }, null))).toEqual([
      'reportsOnTime: Select whether the reports came in time',
      'reportsShared: Select whether the reports were shared with the family before the conference',
      'childParticipation: Select how they took part',
      'parentParticipation: Select how they took part',
      'multiAgencyInput: Select how good the multi-agency input was',
    ]);
    const audit = { reportsOnTime: 'no', reportsShared: 'yes', childParticipation: 'views_shared', parentParticipation: 'attended', multiAgencyInput: 'good', notes: 'Health report arrived on the morning.' };
    expect(await problems(t.services.conference.followUp(otherChair, child.id, 'checklist', audit, null))).toEqual([
      `checklist: Only ${chair.actor.displayName}, who chaired this conference, can record its quality audit`,
    ]);
    await t.services.conference.followUp(chair, child.id, 'checklist', audit, null);
    expect((await t.services.people.streamOf(child.id)).at(-1)?.data).toMatchObject({ reportsOnTime: false, reportsShared: true, childParticipation: 'views_shared', quorate: true, summary: 'Health report arrived on the morning.' });

    // A review that ends the plan ends it: the plan ended is recorded with it. Not dated before the last conference.
    t.clock.set('2027-03-20T12:00:00Z');
    expect(await problems(t.services.conference.hold(chair, child.id, { agencies: ['social_care', 'police', 'education'], planContinues: 'no' }, at('2026-12-20', '10:00')))).toEqual([
      'occurredOn: The conference cannot be on or before the last one, 29 December 2026 at 10:00am: check the date and time',
    ]);
    await t.services.conference.hold(chair, child.id, { agencies: ['social_care', 'police', 'education'], planContinues: 'no' }, at('2027-03-19', '10:00'));
    expect((await rule(child.id, 'cp.first-review-conference'))?.state).toBe('met');
    const after = await t.services.conference.view(worker, child.id);
    expect([after.state.onPlan, after.state.last?.kind, after.kind]).toEqual([false, 'review', 'initial']);
    expect((await t.services.people.streamOf(child.id)).slice(-2).map((e) => e.type)).toEqual(['cp.conference_held', 'cp.plan_ended']);
    // Record work no longer ends a plan by itself.
    expect(await problems(t.services.recordWork.record(worker, child.id, { type: 'cp.plan_ended', occurredOn: '2027-03-19', occurredTime: '11:00', data: {} }))).toEqual(['type: Select what was done from the list']);
  });

  it("shows the page, with the chair's form only to a chair, and proceeds inquorate with the chair's reason", async () => {
    const { worker, child } = await enquiryRecommendingConference();
    const asWorker = new Client(app);
    await asWorker.signIn(worker.actor.username, worker.password);
    const page = mainText((await asWorker.get(`/people/${child.id}/conference`)).body);
    expect(page).toContain('The conference\'s decision is recorded by its chair');
    expect((await asWorker.post(`/people/${child.id}/conference/held`, { planMade: 'no' })).statusCode).toBe(403);
    const asChair = new Client(app);
    await asChair.signIn(chair.actor.username, chair.password);
    expect(mainText((await asChair.get(`/people/${child.id}/conference`)).body)).toContain('Record the initial conference');
    t.clock.set('2026-12-29T15:00:00Z');
    const refused = await asChair.post(`/people/${child.id}/conference/held`, { 'occurredOn-day': '29', 'occurredOn-month': '12', 'occurredOn-year': '2026', occurredTime: '10:00', agencies: ['social_care'] });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Select whether a child protection plan was made');
    // As the browser sends it: the empty category, lead and core group boxes with no plan are no problem.
    const saved = await asChair.post(`/people/${child.id}/conference/held`, {
      'occurredOn-day': '29', 'occurredOn-month': '12', 'occurredOn-year': '2026', occurredTime: '10:00',
      agencies: ['social_care', 'health'], planMade: 'no', category: '', leadSocialWorker: '', coreGroup: '', dissent: '',
      proceedReason: 'Police sent apologies and a written report; the parents attended and a decision was needed.',
    });
    expect(saved.statusCode).toBe(302);
    expect((await t.services.conference.view(worker, child.id)).state.last).toMatchObject({ quorate: false, planMade: false, proceedReason: expect.stringContaining('written report') });
  });

  it("opens the agencies' written consultation when an inquorate review ends the plan", async () => {
    const { child } = await enquiryRecommendingConference();
    await importEvent(t.services, child.id, 'cp.conference_held', '2026-12-29T10:00:00Z', { kind: 'initial', planMade: true, category: 'neglect' });
    t.clock.set('2027-03-20T12:00:00Z');
    await t.services.conference.hold(chair, child.id, { agencies: ['social_care', 'health'], planContinues: 'no', proceedReason: 'Police unable to attend; written report received.' }, at('2027-03-19', '10:00'));
    expect((await t.services.people.streamOf(child.id)).slice(-3).map((e) => e.type)).toEqual(['cp.conference_held', 'cp.inquorate_discontinuation_decided', 'cp.plan_ended']);
    // The chair seeks the agencies' views within 10 working days of Friday 19 March 2027: Good Friday
    // (26 March) and Easter Monday (29 March) not counted, by Tuesday 6 April.
    expect((await rule(child.id, 'cp.inquorate-views-sought'))?.obligation.dueDate).toBe('2027-04-06');
  });

  it('holds one conference for siblings, each with their own decision, category and plan', async () => {
    const { worker, manager, child, teamId } = await enquiryRecommendingConference();
    const sister = await registerChild(t.services, worker);
    const brother = await registerChild(t.services, worker);
    for (const sibling of [sister, brother]) {
      await t.services.people.allocate(manager, sibling.id, { teamId, workerId: worker.actor.userId });
      await t.services.people.recordRelationship(worker, child.id, { relatedPersonId: sibling.id, type: 'sibling', parentalResponsibility: false, professionalRole: null, startDate: '2020-01-01' });
    }
    // The brother is already on a plan: his next conference is a review, not this initial one.
    await importEvent(t.services, brother.id, 'cp.conference_held', '2026-10-01T10:00:00Z', { kind: 'initial', planMade: true, category: 'neglect' });
    t.clock.set('2026-12-22T15:00:00Z');
    const view = await t.services.conference.view(chair, child.id);
    expect(view.siblings.map((x) => x.id).sort()).toEqual([sister.id, brother.id].sort());
    const sisterName = view.siblings.find((x) => x.id === sister.id)!.name;
    const brotherName = view.siblings.find((x) => x.id === brother.id)!.name;
    const base = { agencies: ['social_care', 'police', 'education'], planMade: 'yes', category: 'physical', leadSocialWorker: worker.actor.userId, coreGroup: 'Mother, school DSL, police' };
    expect(await problems(t.services.conference.hold(chair, child.id, { ...base, siblings: [sister.id, brother.id], [`planMade-${brother.id}`]: 'yes', [`category-${brother.id}`]: 'neglect' }, at('2026-12-22', '10:00')))).toEqual([
      `planMade-${sister.id}: Select whether a child protection plan was made for ${sisterName}`,
      `siblings: ${brotherName}'s next conference is a review: record it from their own page`,
    ]);
    expect(await problems(t.services.conference.hold(chair, child.id, { ...base, siblings: [sister.id], [`planMade-${sister.id}`]: 'yes' }, at('2026-12-22', '10:00')))).toEqual([
      `category-${sister.id}: Select the category of abuse for ${sisterName}: a plan needs one`,
    ]);
    expect(await problems(t.services.conference.hold(chair, child.id, { ...base, siblings: ['not-a-sibling'] }, at('2026-12-22', '10:00')))).toEqual(['siblings: Choose the siblings from the list']);
    await t.services.conference.hold(chair, child.id, { ...base, siblings: [sister.id], [`planMade-${sister.id}`]: 'yes', [`category-${sister.id}`]: 'emotional' }, at('2026-12-22', '10:00'));

    const [mine, hers] = await Promise.all([t.services.conference.view(worker, child.id), t.services.conference.view(worker, sister.id)]);
    expect([mine.state.category, hers.state.category, hers.state.onPlan, hers.state.last?.leadSocialWorker]).toEqual(['physical', 'emotional', true, worker.actor.displayName]);
    // Each child has their own obligations: the first core group within 10 working days of Tuesday 22 December, 25 and 28 December and 1 January not counted.
    for (const id of [child.id, sister.id]) expect((await rule(id, 'cp.first-core-group'))?.obligation.dueDate).toBe('2027-01-08');
    expect((await t.services.people.streamOf(sister.id)).at(-1)?.data).toMatchObject({ withSiblings: [child.id], conferenceId: expect.any(String) });
  });
});
