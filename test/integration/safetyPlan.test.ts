import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, importEvent, world, type TestWorld } from '../factories';

const danger =
  'Social workers are worried that when Dad drinks alcohol he shouts and has pushed Mum while Ruby was in the room. If nothing changes, Ruby could be hurt and will keep feeling scared at home.';
const goal = 'Everyone needs to see that Ruby is looked after by a sober adult, and that arguments never happen in front of her.';

const fullPlan = (extra: Record<string, string> = {}) => ({
  kind: 'full',
  'danger-1': danger,
  'goal-1': goal,
  'scaleWho-1-1': 'Mum',
  'scaleScore-1-1': '6',
  'scaleWhy-1-1': 'Dad has not drunk at home for a month.',
  'scaleWho-1-2': 'Social worker',
  'scaleScore-1-2': '4',
  'scaleWhy-1-2': 'It is early days.',
  'scaleWho-1-3': '',
  'scaleScore-1-3': '',
  'scaleWhy-1-3': '',
  prevention: 'Grandma collects Ruby from school on Fridays, when Dad gets paid.',
  redFlags: 'Dad comes home after 9pm or smells of alcohol.',
  response: 'Mum takes Ruby to Grandma and rings the social worker or 999.',
  goingWell: 'Tea together at 5, Dad reads Ruby a story.',
  childCanSay: 'Ruby gives her teacher the blue safety star.',
  networkCommunication: 'A family WhatsApp group and the safety journal.',
  'memberName-1': 'Joan Hale',
  'memberContact-1': '07700 900123',
  'memberRole-1': 'Grandma: collects Ruby on Fridays',
  'memberName-2': 'Miss Patel',
  'memberContact-2': 'Oakfield Primary, 0118 496 0000',
  'memberRole-2': 'Class teacher: looks after the safety star',
  'memberName-3': '',
  'memberContact-3': '',
  'memberRole-3': '',
  ...extra,
});

/**
 * A child's safety plan (practice-standards.txt, Section 2: Safety Planning 1-10), after an initial
 * conference on Tuesday 15 December 2026 made a child protection plan: concluded within three
 * months (standard 5), every version kept, signed by the network, printed for the family.
 */
describe.each(engines())('the safety plan on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-12-18T15:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  const audited = async (personId: string, action: string) =>
    ((await t.db.execute(sql`select count(*)::int as n from audit_log where action = ${action} and person_id = ${personId} and outcome = 'allowed'`)) as unknown as { rows: { n: number }[] }).rows[0]?.n;
  const rule = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);

  it('keeps every version, has the network sign the current one, and concludes it only when complete and signed', async () => {
    const { worker, child } = await allocatedCase(t.services);
    t.clock.set('2026-12-18T15:00:00Z');
    await importEvent(t.services, child.id, 'cp.conference_held', '2026-12-15T10:00:00Z', { kind: 'initial', planMade: true, category: 'emotional' });
    // Three months from the initial conference (Safety Planning 5): Monday 15 March 2027.
    expect((await rule(child.id, 'safety-plan.concluded'))?.obligation.dueDate).toBe('2027-03-15');

    expect(await problems(t.services.safetyPlan.record(worker, child.id, { kind: 'interim' }))).toEqual([
      'networkMeetingOn-day: Enter the date of the network meeting',
      'immediateSafety: Enter who is doing what, and when, to keep the children safe now (Safety Planning 4)',
    ]);
    await t.services.safetyPlan.record(worker, child.id, { kind: 'interim', immediateSafety: 'Dad stays at his brother’s until the network meets.', 'networkMeetingOn-day': '8', 'networkMeetingOn-month': '1', 'networkMeetingOn-year': '2027' });
    expect(await problems(t.services.safetyPlan.conclude(worker, child.id))).toContain('conclude: An interim safety plan cannot be concluded: write the full safety plan with the network');

    expect(
      await problems(t.services.safetyPlan.record(worker, child.id, fullPlan({ 'goal-1': '', 'scaleScore-1-2': '11', 'memberRole-2': '', 'danger-2': '', 'goal-2': 'Ruby goes to school every day' }))),
    ).toEqual([
      'scaleScore-1-2: Scaling 2 of danger statement 1 must be a whole number from 0 (the danger) to 10 (the safety goal)',
      'goal-1: Enter the safety goal for danger statement 1: what the family need to do or change',
      'danger-2: Enter danger statement 2: the harmful adult behaviour and its impact on the child',
      "memberRole-2: Enter Miss Patel's role in the safety plan",
    ]);
    t.clock.set('2027-01-08T15:00:00Z');
    await t.services.safetyPlan.record(worker, child.id, fullPlan());
    expect(await problems(t.services.safetyPlan.conclude(worker, child.id))).toEqual(['conclude: Every member of the network signs their copy of this version first: not yet Joan Hale, Miss Patel']);

    expect(await problems(t.services.safetyPlan.sign(worker, child.id, { member: 'Uncle Bob', 'signedOn-day': '8', 'signedOn-month': '1', 'signedOn-year': '2027' }))).toEqual([
      'member: Select who signed from the network',
    ]);
    expect(await problems(t.services.safetyPlan.sign(worker, child.id, { member: 'Joan Hale', 'signedOn-day': '9', 'signedOn-month': '1', 'signedOn-year': '2027' }))).toEqual([
      'signedOn-day: The date they signed must be today or in the past',
    ]);
    await t.services.safetyPlan.sign(worker, child.id, { member: 'Joan Hale', 'signedOn-day': '8', 'signedOn-month': '1', 'signedOn-year': '2027' });
    expect(await problems(t.services.safetyPlan.sign(worker, child.id, { member: 'Joan Hale', 'signedOn-day': '8', 'signedOn-month': '1', 'signedOn-year': '2027' }))).toEqual([
      'member: Joan Hale has already signed this version',
    ]);

    // A revision is a new version: its network signs again.
    t.clock.set('2027-02-01T10:00:00Z');
    await t.services.safetyPlan.record(worker, child.id, fullPlan({ 'scaleScore-1-2': '6', 'scaleWhy-1-2': 'Two months without an incident.' }));
    for (const member of ['Joan Hale', 'Miss Patel']) await t.services.safetyPlan.sign(worker, child.id, { member, 'signedOn-day': '1', 'signedOn-month': '2', 'signedOn-year': '2027' });
    await t.services.safetyPlan.conclude(worker, child.id);
    expect((await rule(child.id, 'safety-plan.concluded'))?.state).toBe('met');
    expect(await problems(t.services.safetyPlan.conclude(worker, child.id))).toEqual(['conclude: This version of the safety plan is already concluded']);

    const view = await t.services.safetyPlan.view(worker, child.id);
    expect(view.state.versions.map((v) => [v.version, v.content.kind])).toEqual([
      [1, 'interim'],
      [2, 'full'],
      [3, 'full'],
    ]);
    expect(view.state.versions[1]?.content.dangers[0]?.scaling[1]).toEqual({ who: 'Social worker', score: 4, why: 'It is early days.' });
    expect(view.network.map((m) => [m.name, m.signed?.signedOn])).toEqual([
      ['Joan Hale', '2027-02-01'],
      ['Miss Patel', '2027-02-01'],
    ]);
  });

  it("prints the family's version in plain words, and keeps the words and pictures on the record", async () => {
    const { worker, child } = await allocatedCase(t.services);
    t.clock.set('2027-02-01T10:00:00Z');
    const client = new Client(app);
    await client.signIn(worker.actor.username, worker.password);
    expect((await client.get(`/people/${child.id}/safety-plan/family`)).statusCode).toBe(404);
    expect(mainText((await client.get(`/people/${child.id}/safety-plan`)).body)).toContain('has no safety plan yet');

    const refused = await client.post(`/people/${child.id}/safety-plan/versions`, fullPlan({ 'memberContact-1': '' }));
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Enter how to contact Joan Hale');
    expect(refused.body).toContain(danger.slice(0, 40));
    expect((await client.post(`/people/${child.id}/safety-plan/versions`, fullPlan())).statusCode).toBe(302);

    const family = await client.get(`/people/${child.id}/safety-plan/family`);
    expect(family.statusCode).toBe(200);
    const text = mainText(family.body);
    const { givenNames } = child.details;
    for (const expected of [
      `${givenNames}'s safety plan`,
      'What we are worried about',
      danger,
      'What we need to see',
      goal,
      'Mum: 6 out of 10.',
      'Social worker: 4 out of 10.',
      'Warning signs to look out for',
      'Dad comes home after 9pm or smells of alcohol.',
      'What we will do if we see a warning sign',
      'Mum takes Ruby to Grandma and rings the social worker or 999.',
      `How ${givenNames} can tell us the plan is not working`,
      'Ruby gives her teacher the blue safety star.',
      'Joan Hale',
      'Grandma: collects Ruby on Fridays',
      'Oakfield Primary, 0118 496 0000',
      'By signing, I agree',
    ]) {
      expect(text).toContain(expected);
    }
    // Plain words: none of the practice's own terms reach the family's copy.
    for (const jargon of ['Danger statement', 'Safety goal', 'Red flags', 'Prevention plan', 'Response plan', 'Scaling']) expect(text).not.toContain(jargon);
    // Each opening is a read of the record, the one that found no plan yet too.
    expect(await audited(child.id, 'child.safety_plan_printed')).toBe(2);

    const attached = await client.postFile(`/people/${child.id}/safety-plan/documents`, { kind: 'words_and_pictures', description: 'Ruby’s words and pictures' }, { field: 'document', filename: 'words-and-pictures.pdf', content: Buffer.from('%PDF-1.4 words and pictures') });
    expect(attached.statusCode).toBe(302);
    const refusedFile = await client.postFile(`/people/${child.id}/safety-plan/documents`, { kind: 'words_and_pictures' }, { field: 'document', filename: 'run-me.exe', content: Buffer.from('MZ') });
    expect(refusedFile.statusCode).toBe(400);
    expect(mainText(refusedFile.body)).toContain('run-me.exe cannot be attached');
    const page = await client.get(`/people/${child.id}/safety-plan`);
    const link = /href="(\/people\/[^"]+\/documents\/[^"]+)"/.exec(page.body)?.[1];
    expect(link).toBeDefined();
    const download = await client.get(link!);
    expect([download.statusCode, download.headers['content-disposition'], download.body]).toEqual([200, "attachment; filename*=UTF-8''words-and-pictures.pdf", '%PDF-1.4 words and pictures']);
    expect(await audited(child.id, 'child.document_viewed')).toBe(1);
  });
});
