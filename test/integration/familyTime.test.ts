import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemsByField } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, childInput, importEvent, makeUser, world, type TestWorld } from '../factories';

/**
 * Family time overseen by the Family Time team (resource-service-policy.txt 2.2), around the clocks
 * going forward on Sunday 29 March 2026: from Monday 30 March, 10:00 in London is 09:00 UTC.
 */
describe.each(engines())('family time on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;
  let zara: Awaited<ReturnType<typeof makeUser>>;
  let omar: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-03-26T09:00:00Z');
    app = await testApp(t);
    zara = await makeUser(t.services, { roles: ['family-time-worker'] });
    omar = await makeUser(t.services, { roles: ['family-time-worker'] });
  });
  afterAll(() => app.close());

  /** A child with a parent on their record, and in care under a care plan if asked. */
  const childWithParent = async (inCare: boolean) => {
    const c = await allocatedCase(t.services);
    const parent = await t.services.people.register(c.worker, childInput({ kind: 'adult', givenNames: 'Tina', dateOfBirth: '1985-04-01', ethnicity: null, firstLanguage: null }));
    if (parent.outcome !== 'registered') throw new Error('expected the parent to be added');
    await t.services.people.recordRelationship(c.worker, c.child.id, { relatedPersonId: parent.record.id, type: 'parent', parentalResponsibility: true, professionalRole: null, startDate: '2015-03-27' });
    let carePlanId: string | null = null;
    if (inCare) {
      await importEvent(t.services, c.child.id, 'cic.started', '2026-01-05T10:00:00Z', { legalStatus: 'C2' });
      const [plan] = await importEvent(t.services, c.child.id, 'cic.care_plan_completed', '2026-01-15T10:00:00Z', { outcomes: 'Stay with carers' });
      carePlanId = plan?.id ?? null;
    }
    return { ...c, parentId: parent.record.id, carePlanId };
  };
  const booking = (parentId: string, workerId: string, over: Record<string, unknown> = {}) => ({ workerId, venue: 'Primrose Hill family centre', date: '2026-03-30', startTime: '10:00', endTime: '11:30', attendees: [parentId], level: 'supervised', reason: 'assessment', assessment: 'Parenting assessment', planSays: 'Fortnightly, supervised, at the family centre', ...over });

  it('books, refuses a double booking across children, records after the session and cancels', async () => {
    t.clock.set('2026-03-26T09:00:00Z');
    const a = await childWithParent(true);
    const b = await childWithParent(false);
    await t.services.familyTime.book(zara, a.child.id, booking(a.parentId, zara.actor.userId));
    const view = await t.services.familyTime.view(a.worker, a.child.id);
    const session = view.sessions[0]!;
    expect([session.startsAt.toISOString(), session.endsAt.toISOString(), session.plan.kind, session.attendees[0]?.relationship]).toEqual(['2026-03-30T09:00:00.000Z', '2026-03-30T10:30:00.000Z', 'care_plan', 'Parent']);
    expect([a.carePlanId !== null, session.plan.eventId]).toEqual([true, a.carePlanId]);

    expect(await problemsByField(t.services.familyTime.book(zara, b.child.id, booking(b.parentId, zara.actor.userId, { startTime: '11:00', endTime: '12:00', reason: 'safeguarding', assessment: '' })))).toEqual({
      startTime: `${zara.actor.displayName} is already booked from 30 March 2026 at 10:00am to 11:30: choose another time or worker`,
    });
    await t.services.familyTime.book(zara, b.child.id, booking(b.parentId, zara.actor.userId, { startTime: '11:30', endTime: '12:30', reason: 'safeguarding', assessment: '' }));
    await t.services.familyTime.book(omar, b.child.id, booking(b.parentId, omar.actor.userId, { date: '2026-03-31', reason: 'safeguarding', assessment: '' }));

    expect(await problemsByField(t.services.familyTime.record(zara, a.child.id, { sessionId: session.sessionId, attendance: 'all', observations: 'Warm' }))).toEqual({ sessionId: 'The session cannot be recorded before it started, at 30 March 2026 at 10:00am' });

    // 11:45 on Monday: the first session has ended and waits for its record; the second is under way.
    t.clock.set('2026-03-30T10:45:00Z');
    const diary = await t.services.familyTime.diary(zara);
    expect(diary.overdue.filter((s) => s.personId === a.child.id).map((s) => s.sessionId)).toEqual([session.sessionId]);
    expect(diary.days.find((d) => d.day === '2026-03-30')?.workers.find((w) => w.worker === zara.actor.displayName)?.sessions.map((s) => s.personId)).toEqual([b.child.id]);
    expect(diary.days.find((d) => d.day === '2026-03-31')?.workers.map((w) => w.worker)).toContain(omar.actor.displayName);

    const record = (over: Record<string, unknown>) => problemsByField(t.services.familyTime.record(zara, a.child.id, { sessionId: session.sessionId, attendance: 'all', observations: 'Tina brought photos; Mason was relaxed and affectionate.', ...over }));
    expect(await record({ observations: '' })).toEqual({ observations: 'Enter what was observed during the family time' });
    expect(await record({ attendance: 'family_absent' })).toEqual({ absentIds: 'Select who did not attend' });
    expect(await record({ concerns: 'yes' })).toEqual({ concernDetails: 'Describe the concerns, and who has been told' });
    await t.services.familyTime.record(zara, a.child.id, { sessionId: session.sessionId, attendance: 'ended_early', observations: 'Tina left after 40 minutes, upset. Mason was quiet afterwards.', concerns: 'yes', concernDetails: 'Tina smelled of alcohol; told the social worker the same day.' });
    const recorded = (await t.services.familyTime.view(a.worker, a.child.id)).sessions[0]!;
    expect([recorded.status, recorded.recorded?.attendance, recorded.recorded?.concerns]).toEqual(['recorded', 'ended_early', 'Tina smelled of alcohol; told the social worker the same day.']);
    expect((await t.services.familyTime.diary(zara)).overdue.some((s) => s.personId === a.child.id)).toBe(false);

    // A session where the child did not come needs no observations.
    const other = (await t.services.familyTime.view(zara, b.child.id)).sessions.find((s) => s.date === '2026-03-31')!;
    await t.services.familyTime.cancel(omar, b.child.id, { sessionId: other.sessionId, by: 'family', reason: 'Father unwell' });
    expect((await t.services.familyTime.view(zara, b.child.id)).sessions.find((s) => s.sessionId === other.sessionId)?.cancelled?.reason).toBe('Father unwell');
    t.clock.set('2026-03-30T12:00:00Z');
    const held = (await t.services.familyTime.view(zara, b.child.id)).sessions.find((s) => s.date === '2026-03-30')!;
    await t.services.familyTime.record(zara, b.child.id, { sessionId: held.sessionId, attendance: 'child_absent' });
  });

  it('refuses bad bookings and those outside the Family Time team', async () => {
    t.clock.set('2026-03-26T09:00:00Z');
    const a = await childWithParent(false);
    const book = (over: Record<string, unknown>) => problemsByField(t.services.familyTime.book(zara, a.child.id, booking(a.parentId, zara.actor.userId, { date: '2026-04-20', ...over })));
    expect(await book({ endTime: '09:00' })).toEqual({ endTime: 'The end time must be after the start time' });
    expect(await book({ date: '2026-03-25' })).toEqual({ date: 'The date of the session must be today or in the future' });
    expect(await book({ date: '2026-03-29', startTime: '01:30', endTime: '03:00' })).toEqual({ startTime: 'There was no 01:30 on that day: the clocks went forward. Choose another time' });
    expect(await book({ attendees: [] })).toEqual({ attendees: 'Select at least one family member who will attend' });
    expect(await book({ attendees: [a.worker.actor.userId] })).toEqual({ attendees: 'Select family members from the child’s relationships' });
    expect(await book({ assessment: '' })).toEqual({ assessment: 'Say which agreed assessment, for example a parenting assessment' });
    expect(await book({ workerId: a.worker.actor.userId })).toEqual({ workerId: 'Select a Family Time worker from the list' });
    expect(await book({ startTime: '25:00' })).toEqual({ startTime: 'The start time must be a real time on the 24-hour clock, like 09:30 or 14:30' });
    await expect(t.services.familyTime.book(a.worker, a.child.id, booking(a.parentId, zara.actor.userId, { date: '2026-04-20' }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(t.services.familyTime.diary(a.worker)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('shows the child’s page to those who read the record and the diary to the team', async () => {
    t.clock.set('2026-03-26T09:00:00Z');
    const a = await childWithParent(true);
    await t.services.familyTime.book(zara, a.child.id, booking(a.parentId, zara.actor.userId, { date: '2026-04-21' }));
    const team = new Client(app);
    await team.signIn(zara.actor.username, zara.password);
    const page = await team.get(`/people/${a.child.id}/family-time`);
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toContain('Book family time');
    expect(mainText(page.body)).toContain('Fortnightly, supervised, at the family centre');
    const refused = await team.post(`/people/${a.child.id}/family-time/book`, { workerId: zara.actor.userId, venue: '', startTime: '10:00', endTime: '11:00' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Enter where the family time will be');
    const diary = await team.get('/family-time');
    expect(diary.statusCode).toBe(200);
    expect(mainText(diary.body)).toContain(a.child.details.givenNames);

    const social = new Client(app);
    await social.signIn(a.worker.actor.username, a.worker.password);
    const readOnly = await social.get(`/people/${a.child.id}/family-time`);
    expect([readOnly.statusCode, mainText(readOnly.body).includes('Primrose Hill family centre'), mainText(readOnly.body).includes('Book family time')]).toEqual([200, true, false]);
    expect((await social.get('/family-time')).statusCode).toBe(403);
    expect((await social.post(`/people/${a.child.id}/family-time/book`, { venue: 'x' })).statusCode).toBe(403);

    // Once it has started, the team can record it (and not before).
    t.clock.set('2026-04-21T12:00:00Z');
    await team.signIn(zara.actor.username, zara.password); // a new day, a new session
    const held = mainText((await team.get(`/people/${a.child.id}/family-time`)).body);
    expect([held.includes('Record a session'), held.includes('Not yet recorded')]).toEqual([true, true]);
    const noObservations = await team.post(`/people/${a.child.id}/family-time/record`, { sessionId: (await t.services.familyTime.view(zara, a.child.id)).sessions[0]!.sessionId, attendance: 'all' });
    expect([noObservations.statusCode, mainText(noObservations.body).includes('Enter what was observed during the family time')]).toEqual([400, true]);
  });
});
