import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, world, type TestWorld } from '../factories';

const at = (occurredOn: string, occurredTime: string, key?: string) => ({ occurredOn, occurredTime, problems: [], ...(key ? { fields: { date: `${key}On`, time: `${key}Time` } } : {}) });

/**
 * Missing episodes (practice-standards.txt, Section 3: Children in Care 42; resource-service-policy.txt
 * 5.3) around the Easter weekend of 2027: Good Friday 26 March, Easter Monday 29 March.
 */
describe.each(engines())('missing episodes on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2027-03-26T12:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  const rule = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);
  const missingFrom = { kind: 'missing', from: 'Oak Lodge children’s home', reported: 'yes', policeReference: 'TVP-2703-118' };

  it('records an episode, the return and the interview within 24 hours, and flags repeated episodes', async () => {
    const { worker, child } = await allocatedCase(t.services);
    t.clock.set('2027-03-26T12:00:00Z');
    expect(await problems(t.services.missing.started(worker, child.id, { ...missingFrom, policeReference: '' }, at('2027-03-25', '21:00')))).toEqual([
      'policeReference: Enter the police reference, or say it was not reported',
    ]);
    await t.services.missing.started(worker, child.id, missingFrom, at('2027-03-25', '21:00'));
    expect(await problems(t.services.missing.started(worker, child.id, missingFrom, at('2027-03-25', '22:00')))).toEqual(['kind: The child is already recorded as missing: record their return first']);
    expect(await problems(t.services.missing.returned(worker, child.id, { whereFound: "A friend's flat" }, at('2027-03-25', '20:00', 'returned')))).toEqual([
      expect.stringMatching(/^returnedOn: The return cannot be before the child went missing, 25 March 2027 at 9:00pm/),
    ]);
    await t.services.missing.returned(worker, child.id, { whereFound: "A friend's flat in Ashbury" }, at('2027-03-26', '02:00', 'returned'));
    // 24 hours, Good Friday or not: 2am (GMT) on Saturday 27 March.
    expect((await rule(child.id, 'cic.return-interview'))?.obligation.deadline.toISOString()).toBe('2027-03-27T02:00:00.000Z');

    // On the Emergency Duty Team's list for the Resources Duty Team that morning, though returned.
    t.clock.set('2027-03-26T09:00:00Z');
    const list = await t.services.missing.morningList(worker);
    expect(list.rows.filter((r) => r.personId === child.id).map((r) => [r.stillMissing, r.episode.whereFound])).toEqual([[false, "A friend's flat in Ashbury"]]);

    t.clock.set('2027-03-27T10:00:00Z');
    await t.services.missing.returnInterview(worker, child.id, { summary: 'Went to a party; was given alcohol by older boys. Referral to the exploitation hub.' }, at('2027-03-27', '09:00', 'interview'));
    expect((await rule(child.id, 'cic.return-interview'))?.state).toBe('met_late');
    expect(await problems(t.services.missing.returnInterview(worker, child.id, { summary: 'again' }, at('2027-03-27', '09:30', 'interview')))).toEqual([
      'summary: There is no return from missing waiting for its interview',
    ]);

    // Two more episodes within 90 days: repeated.
    for (const [start, end] of [['2027-04-02', '2027-04-03'], ['2027-04-10', '2027-04-11']] as const) {
      t.clock.set(`${end}T12:00:00Z`);
      await t.services.missing.started(worker, child.id, { ...missingFrom, reported: 'no', policeReference: '' }, at(start, '22:00'));
      await t.services.missing.returned(worker, child.id, { whereFound: 'Returned to Oak Lodge by herself' }, at(end, '08:00', 'returned'));
    }
    const view = await t.services.missing.view(worker, child.id);
    expect([view.episodes.length, view.repeated, view.episodes[2]?.policeReference]).toEqual([3, 3, 'TVP-2703-118']);
  });

  it('lists children still missing on the morning list and shows the page', async () => {
    const { worker, child } = await allocatedCase(t.services);
    t.clock.set('2027-04-20T07:00:00Z');
    await t.services.missing.started(worker, child.id, { kind: 'absent', from: 'School', reported: 'no' }, at('2027-04-19', '15:30'));
    // Another child missing for 100 days is on the list still.
    const long = await allocatedCase(t.services);
    await t.services.missing.started(long.worker, long.child.id, { kind: 'missing', from: 'Foster home', reported: 'yes', policeReference: 'TVP-OLD' }, at('2027-01-10', '22:00'));
    const client = new Client(app);
    await client.signIn(worker.actor.username, worker.password);
    const list = mainText((await client.get('/missing-overnight')).body);
    expect(list).toContain(child.details.givenNames);
    expect(list).toContain(long.child.details.givenNames);
    expect(list).toContain('Still missing');
    const page = mainText((await client.get(`/people/${child.id}/missing`)).body);
    expect(page).toContain('has been absent since 19 April 2027 at 3:30pm');
    const refused = await client.post(`/people/${child.id}/missing/returned`, { whereFound: '' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Enter where the child was found or returned to');
  });
});
