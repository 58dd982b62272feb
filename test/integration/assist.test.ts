import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText } from '../support/testApp';
import { registerChild, uniqueName, type TestWorld } from '../factories';
import { at, latestClock, specialistTeam, worldWithApp } from '../factories/specialistService';

const dateBoxes = (name: string, date: string) => {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! };
};

/**
 * ASSIST (practice-standards.txt, Section 1: ASSIST 1-5; issue 12), on both engines: a MARF through
 * the Early Help Hub, allocation, the letter and the contact over Easter 2026 (Good Friday 3 April and
 * Easter Monday 6 April), a contact answered in 2 working days, and a parent programme's information
 * 6 weeks before it starts.
 */
describe.each(engines())('ASSIST on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ t, app } = await worldWithApp(engine, '2026-03-30T12:00:00Z'));
  });
  afterAll(() => app.close());

  const clockOf = (personId: string, ruleId: string) => latestClock(t.services, personId, ruleId);
  const team = () =>
    specialistTeam(t.services, { name: 'ASSIST', specialism: 'assist' }, { practitioner: 'early-help-worker', manager: 'team-manager' }, { therapist: 'occupational-therapist', socialWorker: 'social-worker', auditor: 'auditor' });

  it('takes a MARF through the Early Help Hub, allocation, the letter and contact, across Easter', async () => {
    const { practitioner } = await team();
    const s = t.services.assist;
    const child = await registerChild(t.services, practitioner, { dateOfBirth: '2017-02-11' });

    t.clock.set('2026-03-30T12:00:00Z');
    expect(await problems(s.hub(practitioner, child.id, { decision: 'allocate_to_assist', hubSummary: 'x' }, at('2026-03-30')))).toEqual(['decision: There is no open ASSIST referral: record the MARF first']);
    expect(await problems(s.marf(practitioner, child.id, { referrer: '', support: 'college', reason: '' }, at('2026-03-30')))).toEqual([
      'referrer: Enter who made the referral (name and agency)',
      'support: Select the support the referral asks for',
      'reason: Enter the difficulties the referral describes, from an autism perspective',
    ]);
    // Received by Duty, Triage and Assessment on Monday 30 March: the next weekly Hub by Monday 6 April (Easter Monday: calendar days).
    await s.marf(practitioner, child.id, { referrer: 'Mrs Moss, SENCo, Thornleigh Primary', support: 'school', reason: 'Meltdowns at lunchtime; struggles with changes of routine.' }, at('2026-03-30', '09:00'));
    expect(await clockOf(child.id, 'assist.hub-discussion')).toEqual(['2026-04-06', 'open']);
    expect(await problems(s.allocate(practitioner, child.id, at('2026-03-30')))).toEqual([
      'allocateOn: Record the Early Help Hub discussion first: the Hub allocates to ASSIST after discussing the referral (ASSIST 3)',
    ]);
    expect(await problems(s.letter(practitioner, child.id, { outcome: 'waiting_list' }, at('2026-03-30')))).toEqual([
      'outcome: Record the allocation to ASSIST first: ASSIST writes to the family once it receives the referral (ASSIST 4)',
    ]);

    // The Hub on Thursday 2 April: allocation within 2 working days is Wednesday 8 April (Good Friday and Easter Monday skipped).
    t.clock.set('2026-04-02T16:00:00+01:00');
    expect(await problems(s.hub(practitioner, child.id, { decision: 'allocate_to_assist', hubSummary: 'For ASSIST school support.' }, at('2026-03-29')))).toEqual([
      'occurredOn: Discussed at the Early Help Hub cannot be before the MARF was received, 30 March 2026 at 9:00am: check the date and time',
    ]);
    await s.hub(practitioner, child.id, { decision: 'allocate_to_assist', hubSummary: 'For ASSIST school support.' }, at('2026-04-02', '14:00'));
    expect(await clockOf(child.id, 'assist.hub-discussion')).toEqual(['2026-04-06', 'met']);
    expect(await clockOf(child.id, 'assist.allocated')).toEqual(['2026-04-08', 'open']);

    // Allocated on Tuesday 7 April: ASSIST writes by Thursday 9 April.
    t.clock.set('2026-04-07T12:00:00+01:00');
    await s.allocate(practitioner, child.id, at('2026-04-07', '11:00'));
    expect(await clockOf(child.id, 'assist.allocated')).toEqual(['2026-04-08', 'met']);
    expect(await clockOf(child.id, 'assist.family-written-to')).toEqual(['2026-04-09', 'open']);
    t.clock.set('2026-04-09T17:00:00+01:00');
    expect(await problems(s.letter(practitioner, child.id, { outcome: 'soon' }, at('2026-04-09')))).toEqual(['outcome: Select what the letter told the family']);
    await s.letter(practitioner, child.id, { outcome: 'contact_to_follow' }, at('2026-04-09', '16:00'));
    expect(await clockOf(child.id, 'assist.family-written-to')).toEqual(['2026-04-09', 'met']);
    // Contact within the next 5 working days: Thursday 16 April. Made on Friday 17 April: late.
    expect(await clockOf(child.id, 'assist.family-contacted')).toEqual(['2026-04-16', 'open']);
    t.clock.set('2026-04-17T12:00:00+01:00');
    await s.contact(practitioner, child.id, { contactSummary: 'Phoned mother: home visit booked for 22 April.' }, at('2026-04-17', '10:00'));
    expect(await clockOf(child.id, 'assist.family-contacted')).toEqual(['2026-04-16', 'met_late']);

    // Closing: the family told how to use the service again (5).
    expect(await problems(s.close(practitioner, child.id, { closeReason: 'work_completed', closingSummary: 'Strategies in place at school.' }, at('2026-04-17', '11:00')))).toEqual([
      'accessInformationGiven: Give the family information on how to use ASSIST again (contacts and parent programmes), then confirm it here (ASSIST 5)',
    ]);
    await s.close(practitioner, child.id, { closeReason: 'work_completed', closingSummary: 'Strategies in place at school.', accessInformationGiven: 'yes' }, at('2026-04-17', '11:00'));
    expect((await s.view(practitioner, child.id)).stage).toBe('Closed');
  });

  it('closes a referral the Hub decides is not for ASSIST, cancelling its allocation clock', async () => {
    const { practitioner } = await team();
    const s = t.services.assist;
    const child = await registerChild(t.services, practitioner);
    t.clock.set('2026-04-02T16:00:00+01:00');
    await s.marf(practitioner, child.id, { referrer: 'GP', support: 'family', reason: 'Sleep' }, at('2026-03-31'));
    await s.hub(practitioner, child.id, { decision: 'not_for_assist', hubSummary: 'To the sleep clinic instead.' }, at('2026-04-02', '14:00'));
    expect(await clockOf(child.id, 'assist.allocated')).toEqual(['2026-04-08', 'cancelled']);
    expect((await s.view(practitioner, child.id)).current?.closed?.reason).toBe('not_for_assist');
  });

  it('answers contacts in 2 working days and sends programme information 6 weeks before the start; the lists show what is due', async () => {
    const { practitioner } = await team();
    const s = t.services.assist;
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => registerChild(t.services, practitioner)));

    // A contact on Thursday 2 April at 4pm: answered by Wednesday 8 April.
    t.clock.set('2026-04-02T17:00:00+01:00');
    expect(await problems(s.enquiry(practitioner, a!.id, { from: 'Mrs Hale (mother)', channel: 'pigeon', topic: 'workshop', question: '' }, at('2026-04-02', '16:00')))).toEqual([
      'channel: Select how they made contact',
      'question: Enter what they asked',
    ]);
    await s.enquiry(practitioner, a!.id, { from: 'Mrs Hale (mother)', channel: 'telephone', topic: 'workshop', question: 'When is the next sleep workshop?' }, at('2026-04-02', '16:00'));
    expect(await clockOf(a!.id, 'assist.enquiry-response')).toEqual(['2026-04-08', 'open']);

    // Parent programmes: asked on Friday 20 February for Cygnet starting Monday 13 April, information due Monday 2 March.
    t.clock.set('2026-03-03T12:00:00Z');
    expect(await problems(s.programme(practitioner, b!.id, { route: 'diagnosis', programme: 'Cygnet (summer term)', ...dateBoxes('programmeStartsOn', '2026-03-20') }, at('2026-02-20')))).toEqual([
      'programmeStartsOn-day: Information is sent 6 weeks before a programme starts (ASSIST 2): choose the next programme starting on or after 3 April 2026',
    ]);
    expect(await problems(s.programme(practitioner, b!.id, { route: 'diagnosis', programme: '', ...dateBoxes('programmeStartsOn', '2026-02-31') }, at('2026-02-20')))).toEqual([
      'programmeStartsOn-day: The date the programme starts must be a real date',
      'programme: Enter the parent programme, for example "Cygnet, spring term"',
    ]);
    await s.programme(practitioner, b!.id, { route: 'diagnosis', programme: 'Cygnet (summer term)', ...dateBoxes('programmeStartsOn', '2026-04-13') }, at('2026-02-20'));
    expect(await clockOf(b!.id, 'assist.programme-information')).toEqual(['2026-03-02', 'open']);
    expect(await problems(s.programme(practitioner, b!.id, { route: 'self_referral', programme: 'Early Bird', ...dateBoxes('programmeStartsOn', '2026-06-01') }, at('2026-03-01')))).toEqual([
      'programme: The family already has a place on Cygnet (summer term), starting 13 April 2026: withdraw it first if they want another',
    ]);
    await s.programme(practitioner, c!.id, { route: 'self_referral', programme: 'Cygnet (summer term)', ...dateBoxes('programmeStartsOn', '2026-04-13') }, at('2026-02-25'));

    t.clock.set('2026-04-07T12:00:00+01:00');
    const list = await t.services.assistList.list(practitioner);
    const mine = <T extends { personId: string }>(rows: T[]) => rows.filter((r) => [a, b, c].some((x) => x!.id === r.personId));
    expect(mine(list.contacts).map((r) => [r.personId, r.clock?.dueDate, r.clock?.state])).toEqual([[a!.id, '2026-04-08', 'due']]);
    const cygnet = list.programmes.find((p) => p.startsOn === '2026-04-13' && p.programme === 'Cygnet (summer term)')!;
    expect(cygnet.informationBy).toBe('2026-03-02');
    expect(mine(cygnet.families).map((f) => [f.personId, f.clock?.state])).toEqual(expect.arrayContaining([[b!.id, 'overdue'], [c!.id, 'overdue']]));

    const requestId = (await s.view(practitioner, b!.id)).programmes[0]!.requestId;
    expect(await problems(s.information(practitioner, b!.id, { requestId }, at('2026-02-19')))).toEqual([
      'occurredOn: The information cannot be sent before the place was asked for, 20 February 2026 at 10:00am: check the date and time',
    ]);
    await s.information(practitioner, b!.id, { requestId }, at('2026-03-03'));
    expect(await clockOf(b!.id, 'assist.programme-information')).toEqual(['2026-03-02', 'met_late']);
    const other = (await s.view(practitioner, c!.id)).programmes[0]!.requestId;
    await s.withdraw(practitioner, c!.id, { withdrawRequestId: other, withdrawReason: 'Started a course at the hospital instead.' });
    expect(await clockOf(c!.id, 'assist.programme-information')).toEqual(['2026-03-02', 'missed']);

    const enquiryId = (await s.view(practitioner, a!.id)).enquiries[0]!.enquiryId;
    await s.respond(practitioner, a!.id, { enquiryId, response: 'Sent the dates of the May sleep workshop.' }, at('2026-04-07', '09:00'));
    expect(await clockOf(a!.id, 'assist.enquiry-response')).toEqual(['2026-04-08', 'met']);
    expect(mine((await t.services.assistList.list(practitioner)).contacts)).toEqual([]);
  });

  it('refuses those without the permission (403, audited), shows bad input on the form, and lists for managers', async () => {
    const { practitioner, manager, therapist, socialWorker, auditor } = await team();
    t.clock.set('2026-04-07T12:00:00+01:00');
    const child = await registerChild(t.services, practitioner);
    await t.services.assist.marf(practitioner, child.id, { referrer: 'Health visitor', support: 'family', reason: 'Routines at home' }, at('2026-04-07', '09:00'));

    const client = new Client(app);
    await client.signIn(practitioner.actor.username, practitioner.password);
    const list = await client.get('/assist');
    expect(mainText(list.body)).toMatch(new RegExp(`Awaiting the Early Help Hub[\\s\\S]*${child.details.familyName}`));
    const refused = await client.post(`/people/${child.id}/assist/hub`, { decision: '', hubSummary: '', 'hubOn-day': '7', 'hubOn-month': '4', 'hubOn-year': '2026', hubTime: '11:00' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain("Select the Early Help Hub's decision");
    expect((await client.post(`/people/${child.id}/assist/hub`, { decision: 'allocate_to_assist', hubSummary: 'For ASSIST', 'hubOn-day': '7', 'hubOn-month': '4', 'hubOn-year': '2026', hubTime: '11:00' })).statusCode).toBe(302);

    const boss = new Client(app);
    await boss.signIn(manager.actor.username, manager.password);
    expect((await boss.get('/assist')).statusCode).toBe(200);
    expect((await boss.post(`/people/${child.id}/assist/allocated`, { 'allocateOn-day': '7', 'allocateOn-month': '4', 'allocateOn-year': '2026', allocateTime: '11:30' })).statusCode).toBe(403);
    const ot = new Client(app);
    await ot.signIn(therapist.actor.username, therapist.password);
    expect((await ot.get('/assist')).statusCode).toBe(403);
    await expect(t.services.assist.allocate(socialWorker, child.id, at('2026-04-07', '11:30'))).rejects.toBeInstanceOf(ForbiddenError);

    const managerLog = await t.services.audit.search(auditor, { personId: null, username: manager.actor.username, from: null, to: null, page: 1 });
    expect(managerLog.rows.map((r) => [r.action, r.outcome])).toEqual(expect.arrayContaining([['assist.list_viewed', 'allowed'], ['child.assist_recorded', 'denied']]));
    const otLog = await t.services.audit.search(auditor, { personId: null, username: therapist.actor.username, from: null, to: null, page: 1 });
    expect(otLog.rows.map((r) => [r.action, r.outcome])).toContainEqual(['assist.list_viewed', 'denied']);
  });

  it('records a contact for a child new to Hearth, checking the whole form before adding anyone, and finds a child already known', async () => {
    const { practitioner } = await team();
    t.clock.set('2026-04-07T12:00:00+01:00');
    const known = await registerChild(t.services, practitioner);
    const client = new Client(app);
    await client.signIn(practitioner.actor.username, practitioner.password);
    const found = await client.get(`/assist/new?q=${known.hearthId}`);
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain(`/people/${known.id}/assist`);
    const familyName = uniqueName();
    const form = { kind: 'enquiry', givenNames: 'Alfie', familyName, ...dateBoxes('dateOfBirth', '2016-10-02'), ...dateBoxes('newOn', '2026-04-07'), newTime: '09:00', from: 'Lisa (mother)', channel: 'email', topic: '', asks: '' };
    const refused = await client.post('/assist/new', form);
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toMatch(/Select what they asked for[\s\S]*Enter what they asked/);
    expect((await t.services.people.search(practitioner, { q: `Alfie ${familyName}`, dateOfBirth: null, kind: 'child', page: 1, pageSize: 5 })).total).toBe(0);
    const saved = await client.post('/assist/new', { ...form, topic: 'information', asks: 'Where can we get help with school transport?' });
    expect(saved.statusCode).toBe(302);
    const personId = String(saved.headers.location).split('/')[2]!;
    const view = await t.services.assist.view(practitioner, personId);
    expect(view.enquiries.map((q) => [q.from, q.topic, q.clock?.dueDate])).toEqual([['Lisa (mother)', 'information', '2026-04-09']]);

    // A contact dated before the child was born (Maundy Thursday, 2 April 2026; born Tuesday 7 April) is refused on the form, adding no one; a MARF too.
    const unborn = uniqueName();
    const early = await client.post('/assist/new', { ...form, familyName: unborn, ...dateBoxes('dateOfBirth', '2026-04-07'), ...dateBoxes('newOn', '2026-04-02'), topic: 'information', asks: 'Antenatal support' });
    expect(early.statusCode).toBe(400);
    expect(mainText(early.body)).toContain('The date of birth must be on or before the date of the contact');
    const marf = await client.post('/assist/new', { kind: 'marf', givenNames: 'Alfie', familyName: unborn, ...dateBoxes('dateOfBirth', '2026-04-07'), ...dateBoxes('newOn', '2026-04-02'), newTime: '09:00', from: 'Midwife', support: 'family', asks: 'Parenting support' });
    expect(marf.statusCode).toBe(400);
    expect(mainText(marf.body)).toContain('The date of birth must be on or before the date of the referral');
    expect((await t.services.people.search(practitioner, { q: unborn, dateOfBirth: null, kind: 'child', page: 1, pageSize: 5 })).total).toBe(0);
  });
});
