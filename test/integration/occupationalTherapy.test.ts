import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText } from '../support/testApp';
import { allocatedCase, registerChild, uniqueName, type TestWorld } from '../factories';
import { at, latestClock, specialistTeam, worldWithApp } from '../factories/specialistService';

/**
 * Occupational Therapy (practice-standards.txt, Section 1: Occupational Therapy 1-7; issue 12): a
 * referral received on Christmas Eve 2026 through prioritisation, the waiting list letter, allocation
 * and the offer of the initial assessment, the first home visit's consent forms, the assessment over
 * Easter 2027, the person summary and the intervention, on both engines. 2026-27 bank holidays: Friday
 * 25 December, Monday 28 December (Boxing Day's substitute), Friday 1 January, Good Friday 26 March and
 * Easter Monday 29 March 2027.
 */
describe.each(engines())('occupational therapy on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ t, app } = await worldWithApp(engine, '2026-12-24T12:00:00Z'));
  });
  afterAll(() => app.close());

  const clockOf = (personId: string, ruleId: string) => latestClock(t.services, personId, ruleId);
  const team = () =>
    specialistTeam(
      t.services,
      { name: 'Disabled Children', specialism: 'disabled-children' },
      { ot: 'occupational-therapist', colleague: 'occupational-therapist', manager: 'team-manager', socialWorker: 'social-worker' },
      { auditor: 'auditor' },
    );

  it('takes a referral through prioritisation, the waiting list letter, allocation and the offer, counting over Christmas and Easter', async () => {
    const { ot, colleague } = await team();
    const s = t.services.occupationalTherapy;
    const child = await registerChild(t.services, ot, { dateOfBirth: '2018-05-14' });

    t.clock.set('2026-12-24T12:00:00Z');
    expect(await problems(s.prioritise(ot, child.id, { priority: '1', reasons: 'x' }, at('2026-12-24')))).toEqual(['priority: There is no open Occupational Therapy referral: record the referral first']);
    expect(await problems(s.referral(ot, child.id, { referrer: '', needs: '' }, at('2026-12-24', '25:00')))).toEqual([
      'occurredTime: Time it happened must be a real time on the 24-hour clock, like 09:30 or 14:30',
      'referrer: Enter who made the referral (name, and organisation or relationship to the child)',
      'needs: Enter what the referral asks for: the child’s needs at home',
    ]);
    expect(await problems(s.referral(ot, child.id, { referrer: 'Dr Osei, community paediatrician', needs: 'Cannot manage the stairs' }, at('2026-12-25')))).toEqual(['occurredOn: Date it happened must be today or in the past']);
    // Thursday 24 December: prioritised within 5 working days is Tuesday 5 January 2027 (25 and 28 December and 1 January are bank holidays).
    await s.referral(ot, child.id, { referrer: 'Dr Osei, community paediatrician', needs: 'Ethan cannot manage the stairs or get in and out of the bath.' }, at('2026-12-24', '10:00'));
    expect(await clockOf(child.id, 'ot.referral-prioritised')).toEqual(['2027-01-05', 'open']);
    expect(await problems(s.referral(ot, child.id, { referrer: 'School', needs: 'Seating' }, at('2026-12-24', '11:00')))).toEqual([
      'referrer: There is already an open Occupational Therapy referral, received 24 December 2026: record the new request on it, or close it first',
    ]);

    // Nothing out of order: no letter, allocation or offer before the priority.
    expect(await problems(s.letter(ot, child.id, { sentTo: 'Mr and Mrs Roberts' }, at('2026-12-24')))).toEqual(['sentTo: Prioritise the referral first: the waiting list letter follows the prioritisation (Occupational Therapy 3)']);
    expect(await problems(s.allocate(ot, child.id, { workerId: ot.actor.userId }, at('2026-12-24')))).toEqual(['workerId: Prioritise the referral (Priority 1 or 2) before allocating it']);
    expect(await problems(s.offer(ot, child.id, { how: 'Telephone' }, at('2026-12-24')))).toEqual([
      'how: Allocate the referral to an occupational therapist first: the initial assessment is offered after allocation (Occupational Therapy 4)',
    ]);
    expect(await problems(s.visit(ot, child.id, {}, at('2026-12-24')))).toEqual(['workingHoursExplained: Record the offer of the initial assessment first']);

    // Prioritised on Thursday 31 December: bad input first, and not before the referral.
    t.clock.set('2026-12-31T16:00:00Z');
    expect(await problems(s.prioritise(ot, child.id, { priority: '3', reasons: '' }, at('2026-12-31', '15:00')))).toEqual(['priority: Select Priority 1 or Priority 2', 'reasons: Enter the reasons for the priority']);
    expect(await problems(s.prioritise(ot, child.id, { priority: '2', reasons: 'Safe at home with help; no risk of falls today.' }, at('2026-12-23')))).toEqual([
      'occurredOn: Referral prioritised cannot be before the referral was received, 24 December 2026 at 10:00am: check the date and time',
    ]);
    await s.prioritise(ot, child.id, { priority: '2', reasons: 'Safe at home with help; no risk of falls today.' }, at('2026-12-31', '15:00'));
    expect(await clockOf(child.id, 'ot.referral-prioritised')).toEqual(['2027-01-05', 'met']);
    // The waiting list letter within 5 working days of prioritisation: 4-8 January, Friday 8 January 2027.
    expect(await clockOf(child.id, 'ot.waiting-list-letter')).toEqual(['2027-01-08', 'open']);

    // Sent on Monday 11 January: late.
    t.clock.set('2027-01-11T12:00:00Z');
    await s.letter(ot, child.id, { sentTo: 'Sarah and Gareth Roberts' }, at('2027-01-11', '09:00'));
    expect(await clockOf(child.id, 'ot.waiting-list-letter')).toEqual(['2027-01-08', 'met_late']);
    expect(await problems(s.letter(ot, child.id, { sentTo: 'again' }, at('2027-01-11', '10:00')))).toEqual(['sentTo: The waiting list letter was sent on 11 January 2027']);

    // Allocated on Tuesday 12 January: the offer is due within 5 (calendar) days, Sunday 17 January.
    t.clock.set('2027-01-12T12:00:00Z');
    expect(await problems(s.allocate(ot, child.id, { workerId: 'someone' }, at('2027-01-12')))).toEqual(['workerId: Select an occupational therapist from the list']);
    await s.allocate(ot, child.id, { workerId: colleague.actor.userId }, at('2027-01-12'));
    expect(await clockOf(child.id, 'ot.assessment-offered')).toEqual(['2027-01-17', 'open']);
    expect(await problems(s.allocate(ot, child.id, { workerId: colleague.actor.userId }, at('2027-01-12', '11:00')))).toEqual([`workerId: The referral is already allocated to ${colleague.actor.displayName}`]);
    expect(await problems(s.prioritise(ot, child.id, { priority: '1', reasons: 'Worse' }, at('2027-01-12', '11:00')))).toEqual([
      `priority: The referral was allocated to ${colleague.actor.displayName} on 12 January 2027: its priority is settled`,
    ]);
    t.clock.set('2027-01-15T12:00:00Z');
    await s.offer(colleague, child.id, { how: 'Telephone to Sarah Roberts', offerNotes: 'Visit booked for 20 January.' }, at('2027-01-15'));
    expect(await clockOf(child.id, 'ot.assessment-offered')).toEqual(['2027-01-17', 'met']);

    // The first home visit (5): both explanations and both consent forms, a declined form with its reason.
    t.clock.set('2027-01-20T15:00:00Z');
    expect(await problems(s.visit(colleague, child.id, { consentToShare: 'signed', photographConsent: 'maybe' }, at('2027-01-20', '11:00')))).toEqual([
      'workingHoursExplained: Explain the team’s working hours at the first home visit, then confirm it here (Occupational Therapy 5)',
      'contactDetailsGiven: Give the family the team’s contact details at the first home visit, then confirm it here (Occupational Therapy 5)',
      'photographConsent: Select whether the taking photographs form was signed or declined',
    ]);
    const visit = { workingHoursExplained: 'yes', contactDetailsGiven: 'yes', consentToShare: 'signed', photographConsent: 'declined' };
    expect(await problems(s.visit(colleague, child.id, visit, at('2027-01-20', '11:00')))).toEqual(['declinedReason: Enter why the consent form was not signed, and what was agreed instead']);
    expect(await problems(s.assess(colleague, child.id, { findings: 'x' }, at('2027-01-20')))).toEqual(['findings: Record the first home visit, with the consent forms, first (Occupational Therapy 5)']);
    await s.visit(colleague, child.id, { ...visit, declinedReason: 'Parents do not want photographs taken; measurements drawn instead.' }, at('2027-01-20', '11:00'));
    const visited = (await t.services.people.streamOf(child.id)).find((e) => e.type === 'ot.home_visited')!;
    expect(visited.data).toMatchObject({ workingHoursExplained: true, contactDetailsGiven: true, consentToShare: 'signed', photographConsent: 'declined' });

    // The assessment on Thursday 25 March 2027: the person summary within 5 working days is Monday 5 April (Good Friday and Easter Monday skipped).
    t.clock.set('2027-03-25T17:00:00Z');
    expect(await problems(s.intervention(colleague, child.id, { intervention: 'Stair rail' }, at('2027-03-25')))).toEqual(['intervention: Record the completed assessment first: the intervention proposed comes from it (Occupational Therapy 7)']);
    await s.assess(colleague, child.id, { findings: 'Needs a second stair rail, a bath lift and a toilet frame.' }, at('2027-03-25', '14:00'));
    expect(await clockOf(child.id, 'ot.person-summary')).toEqual(['2027-04-05', 'open']);
    t.clock.set('2027-04-01T12:00:00Z');
    await s.personSummary(colleague, child.id, { added: 'Equipment needs: stair rail, bath lift, toilet frame. Ethan is anxious with new people.' }, at('2027-04-01'));
    expect(await clockOf(child.id, 'ot.person-summary')).toEqual(['2027-04-05', 'met']);
    expect(await problems(s.intervention(colleague, child.id, { intervention: 'Stair rail and bath lift', agreedWith: 'Ethan and his parents', communication: '', interpreter: 'maybe' }, at('2027-04-01')))).toEqual([
      'communication: Enter how it was explained: the family’s preferred way of communicating (Occupational Therapy 8)',
      'interpreter: Select whether an interpreter was used',
    ]);
    await s.intervention(colleague, child.id, { intervention: 'Stair rail and bath lift', agreedWith: 'Ethan and his parents', communication: 'Spoken, with pictures for Ethan', interpreter: 'no' }, at('2027-04-01', '11:00'));

    const view = await s.view(colleague, child.id);
    expect(view.stage).toBe('Intervention agreed');
    expect(view.clocks.map((c) => [c.ruleId, c.state])).toEqual([
      ['ot.referral-prioritised', 'met'],
      ['ot.waiting-list-letter', 'met_late'],
      ['ot.assessment-offered', 'met'],
      ['ot.person-summary', 'met'],
    ]);
    await s.close(colleague, child.id, { closeReason: 'intervention_completed', closingSummary: 'Equipment fitted and working.' }, at('2027-04-01', '12:00'));
    expect(await problems(s.assess(colleague, child.id, { findings: 'x' }, at('2027-04-01', '13:00')))).toEqual(['findings: There is no open Occupational Therapy referral: record the referral first']);
    // The closed referral stays on the page; a new one starts afresh.
    const client = new Client(app);
    await client.signIn(colleague.actor.username, colleague.password);
    expect(mainText((await client.get(`/people/${child.id}/occupational-therapy`)).body)).toMatch(/Last referral[\s\S]*Intervention completed\. Equipment fitted and working\.[\s\S]*Record a referral/);
    await s.referral(colleague, child.id, { referrer: 'Sarah Roberts (mother)', needs: 'A new wheelchair does not fit the front door.' }, at('2027-04-01', '12:30'));
    expect(mainText((await client.get(`/people/${child.id}/occupational-therapy`)).body)).toMatch(/Awaiting prioritisation[\s\S]*Earlier referrals 24 December 2026 from Dr Osei, community paediatrician: closed 1 April 2027 \(Intervention completed\)/);
  });

  it('keeps the duty inbox and the lists: queries with their clocks, prioritisation due, the waiting list by priority then age', async () => {
    const { ot } = await team();
    const s = t.services.occupationalTherapy;
    const [a, b, c, d] = await Promise.all([0, 1, 2, 3].map(() => registerChild(t.services, ot)));
    t.clock.set('2026-12-24T18:00:00Z');
    // A query on Christmas Eve: acknowledged and answered by Tuesday 5 January.
    await s.query(ot, a!.id, { from: 'Mrs Khan (mother)', channel: 'email', query: 'When will someone visit about the bath?' }, at('2026-12-24', '16:00'));
    await s.referral(ot, b!.id, { referrer: 'School nurse', needs: 'Seating in class' }, at('2026-12-21', '09:00'));
    await s.referral(ot, c!.id, { referrer: 'GP', needs: 'Hoist' }, at('2026-12-22', '09:00'));
    await s.referral(ot, d!.id, { referrer: 'Health visitor', needs: 'Feeding chair' }, at('2026-12-23', '09:00'));
    await s.prioritise(ot, b!.id, { priority: '2', reasons: 'Managing at school for now' }, at('2026-12-23', '10:00'));
    await s.prioritise(ot, c!.id, { priority: '1', reasons: 'Carers lifting him: risk of injury' }, at('2026-12-23', '11:00'));

    t.clock.set('2027-01-06T12:00:00Z');
    const list = await t.services.occupationalTherapyList.list(ot);
    const mine = <T extends { personId: string }>(rows: T[]) => rows.filter((r) => [a, b, c, d].some((x) => x!.id === r.personId));
    expect(mine(list.inbox).map((q) => [q.personId, q.clock?.dueDate, q.clock?.state])).toEqual([[a!.id, '2027-01-05', 'overdue']]);
    // Wednesday 23 December: prioritise by 4 January 2027 (24, 29, 30, 31 December and 4 January).
    expect(mine(list.awaiting).map((r) => [r.personId, r.clock?.dueDate])).toEqual([[d!.id, '2027-01-04']]);
    expect(mine(list.waiting).map((r) => [r.personId, r.priority])).toEqual([[c!.id, 1], [b!.id, 2]]);
    // Letters from Wednesday 23 December are due Monday 4 January 2027, and are overdue.
    expect(mine(list.waiting).map((r) => [r.clock?.dueDate, r.clock?.state])).toEqual([['2027-01-04', 'overdue'], ['2027-01-04', 'overdue']]);

    const query = (await s.view(ot, a!.id)).queries[0]!;
    expect(await problems(s.respond(ot, a!.id, { queryId: query.queryId, response: 'Phoned back' }, at('2026-12-24', '15:00')))).toEqual([
      'occurredOn: The response cannot be before the query was received, 24 December 2026 at 4:00pm: check the date and time',
    ]);
    await s.respond(ot, a!.id, { queryId: query.queryId, response: 'Phoned Mrs Khan: the referral is on the waiting list.' }, at('2027-01-06', '09:00'));
    expect(await clockOf(a!.id, 'ot.query-response')).toEqual(['2027-01-05', 'met_late']);
    expect(await problems(s.respond(ot, a!.id, { queryId: query.queryId, response: 'Again' }, at('2027-01-06', '10:00')))).toEqual(['queryId: This query has already been answered']);
    expect(mine((await t.services.occupationalTherapyList.list(ot)).inbox)).toEqual([]);
  });

  it('refuses those without the permission (403, audited), and a restricted record the therapist may not see', async () => {
    const { ot, socialWorker, manager, auditor } = await team();
    t.clock.set('2027-01-06T12:00:00Z');
    const child = await registerChild(t.services, ot);
    await t.services.occupationalTherapy.referral(ot, child.id, { referrer: 'Dr Osei', needs: 'Bath lift' }, at('2027-01-05'));

    const therapist = new Client(app);
    await therapist.signIn(ot.actor.username, ot.password);
    expect(mainText((await therapist.get('/occupational-therapy')).body)).toContain(`${child.details.givenNames} ${child.details.familyName}`);
    const page = await therapist.get(`/people/${child.id}/occupational-therapy`);
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toMatch(/Awaiting prioritisation[\s\S]*New Occupational Therapy referral prioritised within 5 working days/);
    // Bad input is shown on the form, not a failure.
    const refused = await therapist.post(`/people/${child.id}/occupational-therapy/prioritise`, { priority: '', reasons: '', 'prioritiseOn-day': '6', 'prioritiseOn-month': '1', 'prioritiseOn-year': '2027', prioritiseTime: '09:00' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Select Priority 1 or Priority 2');
    const saved = await therapist.post(`/people/${child.id}/occupational-therapy/prioritise`, { priority: '1', reasons: 'Falls risk', 'prioritiseOn-day': '6', 'prioritiseOn-month': '1', 'prioritiseOn-year': '2027', prioritiseTime: '09:00' });
    expect(saved.statusCode).toBe(302);

    // A social worker reads the child's page but may neither see the lists nor record.
    const worker = new Client(app);
    await worker.signIn(socialWorker.actor.username, socialWorker.password);
    expect((await worker.get('/occupational-therapy')).statusCode).toBe(403);
    expect((await worker.get(`/people/${child.id}/occupational-therapy`)).statusCode).toBe(200);
    expect((await worker.post(`/people/${child.id}/occupational-therapy/letter`, { sentTo: 'Parents' })).statusCode).toBe(403);
    await expect(t.services.occupationalTherapy.letter(socialWorker, child.id, { sentTo: 'Parents' }, at('2027-01-06'))).rejects.toBeInstanceOf(ForbiddenError);
    // The team manager reads the lists, and may not record.
    const boss = new Client(app);
    await boss.signIn(manager.actor.username, manager.password);
    expect((await boss.get('/occupational-therapy')).statusCode).toBe(200);
    expect((await boss.get('/occupational-therapy/new')).statusCode).toBe(403);

    const log = await t.services.audit.search(auditor, { personId: null, username: socialWorker.actor.username, from: null, to: null, page: 1 });
    expect(log.rows.map((r) => [r.action, r.outcome])).toEqual(expect.arrayContaining([['ot.list_viewed', 'denied'], ['child.ot_recorded', 'denied'], ['child.viewed', 'allowed']]));

    // A restricted record: the therapist, not allocated nor given access, is refused, and the refusal audited on the record.
    const restricted = await allocatedCase(t.services);
    await t.services.people.restrict(restricted.manager, restricted.child.id, 'A member of staff’s relative');
    await expect(t.services.occupationalTherapy.referral(ot, restricted.child.id, { referrer: 'GP', needs: 'Hoist' }, at('2027-01-06'))).rejects.toBeInstanceOf(ForbiddenError);
    const onRecord = await t.services.audit.search(auditor, { personId: restricted.child.id, username: ot.actor.username, from: null, to: null, page: 1 });
    expect(onRecord.rows.map((r) => [r.action, r.outcome])).toContainEqual(['child.ot_recorded', 'denied']);
  });

  it('records a referral for a child new to Hearth from the list, checking the whole form before adding anyone', async () => {
    const { ot } = await team();
    t.clock.set('2027-01-06T12:00:00Z');
    const client = new Client(app);
    await client.signIn(ot.actor.username, ot.password);
    expect((await client.get('/occupational-therapy/new?q=%25%25')).statusCode).toBe(200);
    const familyName = uniqueName();
    const form = { kind: 'referral', givenNames: 'Maisie', familyName, 'dateOfBirth-day': '3', 'dateOfBirth-month': '9', 'dateOfBirth-year': '2019', 'newOn-day': '6', 'newOn-month': '1', 'newOn-year': '2027', newTime: '09:15', from: '', asks: '' };
    const refused = await client.post('/occupational-therapy/new', form);
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Enter who made the referral');
    expect((await t.services.people.search(ot, { q: `Maisie ${familyName}`, dateOfBirth: null, kind: 'child', page: 1, pageSize: 5 })).total).toBe(0);
    const saved = await client.post('/occupational-therapy/new', { ...form, from: 'Health visitor, Kingsford clinic', asks: 'Feeding chair and a car seat assessment' });
    expect(saved.statusCode).toBe(302);
    const personId = String(saved.headers.location).split('/')[2]!;
    expect((await t.services.occupationalTherapy.view(ot, personId)).stage).toBe('Awaiting prioritisation');
    // Occupational Therapy is for children: not recorded on an adult's record.
    const adult = await t.services.people.register(ot, { kind: 'adult', givenNames: 'Pat', familyName: uniqueName(), dateOfBirth: '1980-01-01', confirmNotDuplicate: true });
    if (adult.outcome !== 'registered') throw new Error('adult not registered');
    expect(await problems(t.services.occupationalTherapy.referral(ot, adult.record.id, { referrer: 'GP', needs: 'Hoist' }, at('2027-01-06', '09:00')))).toEqual(["referrer: Occupational Therapy work is recorded on a child's record"]);
    // The same child again: the likely duplicate is shown first.
    const again = await client.post('/occupational-therapy/new', { ...form, from: 'GP', asks: 'Hoist' });
    expect(mainText(again.body)).toContain('A child with this name and date of birth is already recorded');

    // A referral dated before the child was born (Monday 4 January 2027, after the New Year bank holiday; born the 6th) is refused on the form, adding no one.
    const unborn = uniqueName();
    const early = await client.post('/occupational-therapy/new', { ...form, familyName: unborn, 'dateOfBirth-day': '6', 'dateOfBirth-month': '1', 'dateOfBirth-year': '2027', 'newOn-day': '4', from: 'Midwife', asks: 'Specialist seating' });
    expect(early.statusCode).toBe(400);
    expect(mainText(early.body)).toContain('The date of birth must be on or before the date of the referral');
    expect(await problems(t.services.occupationalTherapyList.recordForNewChild(ot, { ...form, kind: 'query', channel: 'telephone', familyName: unborn, 'dateOfBirth-day': '6', 'dateOfBirth-month': '1', 'dateOfBirth-year': '2027', from: 'Midwife', asks: 'Bath seat' }, at('2027-01-04', '09:00')))).toEqual([
      'dateOfBirth-day: The date of birth must be on or before the date of the query',
    ]);
    expect((await t.services.people.search(ot, { q: unborn, dateOfBirth: null, kind: 'child', page: 1, pageSize: 5 })).total).toBe(0);
  });
});
