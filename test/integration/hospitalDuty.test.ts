import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { importEvent, makeTeam, makeUser, registerChild, uniqueName, world, type TestWorld } from '../factories';

/** A form's date boxes and time, named as the hospital duty forms name them. */
const when = (key: string, date: string, time: string) => {
  const [year, month, day] = date.split('-');
  return { [`${key}On-day`]: String(Number(day)), [`${key}On-month`]: String(Number(month)), [`${key}On-year`]: year as string, [`${key}Time`]: time };
};
const on = (key: string, date: string, time: string) => ({ occurredOn: date, occurredTime: time, problems: [], fields: { date: `${key}On`, time: `${key}Time` } });
const referral = (date: string, time: string, more: Record<string, string> = {}) => ({ ...when('received', date, time), ward: 'Dolphin Ward', admitted: 'yes', homeAuthority: 'this_authority', reason: 'Admitted with prolonged seizures; parents exhausted', referrer: 'Staff Nurse J. Patel', ...more });

/**
 * The hospital duty service (issue 12; specialist-service-statement.txt 7.3.3 bullets 2-6): a referral
 * from the hospital for a child found on Hearth or registered with it, the ward visit the same day
 * (met, and missed over Good Friday), another authority's child passed on and handed over within 24
 * hours (on time, and late over Christmas), this authority's child handed on, refusals and access.
 */
describe.each(engines())('the hospital duty service on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-04-03T20:00:00+01:00');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  const clock = async (personId: string, ruleId: string, startEventId?: string) => {
    const r = (await t.services.standards.forPerson(personId)).filter((o) => o.obligation.ruleId === ruleId && (!startEventId || o.obligation.startEventId === startEventId)).at(-1);
    return r ? [r.obligation.dueDate ?? r.obligation.deadline.toISOString(), r.state] : null;
  };
  const eventOf = async (personId: string, referralId: string) => (await t.services.people.streamOf(personId)).find((e) => e.type === 'cwd.hospital_referral_received' && e.data.referralId === referralId)!.id;

  async function rota() {
    const teamId = await makeTeam(t.services, `Disabled Children ${uniqueName()}`, 'disabled-children');
    const duty = await makeUser(t.services, { roles: ['social-worker'], teamIds: [teamId] });
    const manager = await makeUser(t.services, { roles: ['team-manager'], teamIds: [teamId] });
    return { teamId, duty, manager };
  }

  it('visits an admitted child on the ward the same day: met on Good Friday, missed for a child admitted the evening before', async () => {
    t.clock.set('2026-04-03T20:00:00+01:00');
    const { duty } = await rota();
    const s = t.services;
    // A child already on Hearth (held by another team), found and chosen.
    const known = await registerChild(s, duty, { dateOfBirth: '2015-06-01' });
    const first = await s.hospitalDuty.record(duty, { personId: known.id, ...referral('2026-04-03', '18:30') });
    if (first.outcome !== 'recorded') throw new Error('expected the referral to be recorded');
    const firstEvent = await eventOf(known.id, first.referralId);
    expect(await clock(known.id, 'cwd.hospital-ward-visit', firstEvent)).toEqual(['2026-04-03', 'due']);
    await s.hospitalDuty.wardVisit(duty, known.id, first.referralId, { note: 'Saw Mia with her mother; short breaks to be reviewed' }, on('visit', '2026-04-03', '19:45'));
    expect(await clock(known.id, 'cwd.hospital-ward-visit', firstEvent)).toEqual(['2026-04-03', 'met']);

    // A child not on Hearth, registered with the referral: admitted at 21:00 on Maundy Thursday, seen the next morning.
    const given = uniqueName();
    const family = uniqueName();
    const added = await s.hospitalDuty.record(duty, { givenNames: given, familyName: family, 'dateOfBirth-day': '14', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2012', gender: 'M', ...referral('2026-04-02', '21:00', { ward: 'Children’s High Dependency Unit' }) });
    if (added.outcome !== 'recorded') throw new Error('expected the child to be registered');
    expect(added.name).toBe(`${given} ${family}`);
    await s.hospitalDuty.wardVisit(duty, added.personId, added.referralId, { note: 'Seen on the ward the next morning' }, on('visit', '2026-04-03', '09:00'));
    expect(await clock(added.personId, 'cwd.hospital-ward-visit')).toEqual(['2026-04-02', 'met_late']);

    // The same name and date of birth again: shown the child already on Hearth first, then added only when confirmed.
    const again = await s.hospitalDuty.record(duty, { givenNames: given, familyName: family, 'dateOfBirth-day': '14', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2012', gender: 'M', ...referral('2026-04-03', '19:00') });
    expect(again).toMatchObject({ outcome: 'possible-duplicates', duplicates: [{ id: added.personId }] });

    const list = await s.hospitalDutyList.list(duty);
    expect(list.admitted.find((r) => r.referralId === first.referralId)).toMatchObject({ today: true, visit: { state: 'met' } });
    expect(list.admitted.find((r) => r.referralId === added.referralId)).toMatchObject({ today: false, visit: { state: 'met_late' } });
    expect(list.ours.map((r) => r.referralId)).toEqual(expect.arrayContaining([first.referralId, added.referralId]));
  });

  it("passes another authority's child on the same day, with the hand-over within 24 hours: on time for Somerset, late for Wiltshire over Christmas", async () => {
    t.clock.set('2026-04-05T12:00:00+01:00');
    const { duty } = await rota();
    const s = t.services;
    const somerset = await registerChild(s, duty, { dateOfBirth: '2016-09-09' });
    const r1 = await s.hospitalDuty.record(duty, { personId: somerset.id, ...referral('2026-04-04', '10:00', { homeAuthority: 'somerset', admitted: 'no', ward: 'Children’s Emergency Department' }) });
    if (r1.outcome !== 'recorded') throw new Error('not recorded');
    expect(await problems(s.hospitalDuty.handover(duty, somerset.id, r1.referralId, { acceptedBy: 'Somerset duty team' }, on('handover', '2026-04-04', '12:00')))).toEqual(['acceptedBy: Record that the referral was passed on to Somerset first']);
    expect(await problems(s.hospitalDuty.wardVisit(duty, somerset.id, r1.referralId, { note: 'x' }, on('visit', '2026-04-04', '12:00')))).toEqual(['note: The child was not admitted: a ward visit is for a child admitted to hospital (7.3.3)']);
    expect(await problems(s.hospitalDuty.takeOn(duty, somerset.id, r1.referralId, { route: 'front_door' }, on('taken', '2026-04-04', '12:00')))).toEqual(['route: The child lives in Somerset: pass the referral on to them instead']);
    expect(await problems(s.hospitalDuty.passOn(duty, somerset.id, r1.referralId, { contact: '' }, on('passed', '2026-04-04', '09:00')))).toEqual([
      'contact: Enter who at the home authority the referral was passed to: their name and team',
    ]);
    expect(await problems(s.hospitalDuty.passOn(duty, somerset.id, r1.referralId, { contact: 'Somerset Children’s Services duty desk' }, on('passed', '2026-04-04', '09:00')))).toEqual([
      expect.stringMatching(/^passedOn: This cannot be before the referral was received, 4 April 2026/),
    ]);
    await s.hospitalDuty.passOn(duty, somerset.id, r1.referralId, { contact: 'A. Hughes, Somerset Children’s Services duty desk' }, on('passed', '2026-04-04', '10:30'));
    expect(await problems(s.hospitalDuty.handover(duty, somerset.id, r1.referralId, { acceptedBy: 'A. Hughes' }, on('handover', '2026-04-04', '10:15')))).toEqual([expect.stringMatching(/^handoverOn: The hand-over cannot be before the referral was passed on/)]);
    // Easter Sunday, 09:00: within 24 hours of Saturday 10:00.
    await s.hospitalDuty.handover(duty, somerset.id, r1.referralId, { acceptedBy: 'A. Hughes, Somerset duty team manager' }, on('handover', '2026-04-05', '09:00'));
    expect(await clock(somerset.id, 'cwd.hospital-referral-passed-on')).toEqual(['2026-04-04', 'met']);
    expect(await clock(somerset.id, 'cwd.hospital-handover')).toEqual(['2026-04-05T09:00:00.000Z', 'met']);
    expect(await problems(s.hospitalDuty.handover(duty, somerset.id, r1.referralId, { acceptedBy: 'again' }, on('handover', '2026-04-05', '10:00')))).toEqual(['acceptedBy: Somerset has already taken case responsibility']);

    // Christmas Eve, 16:00: passed on on Christmas Day (late), accepted on Boxing Day (after the 24 hours).
    t.clock.set('2026-12-24T17:00:00Z');
    const wiltshire = await registerChild(s, duty, { dateOfBirth: '2014-03-03' });
    const r2 = await s.hospitalDuty.record(duty, { personId: wiltshire.id, ...referral('2026-12-24', '16:00', { homeAuthority: 'wiltshire' }) });
    if (r2.outcome !== 'recorded') throw new Error('not recorded');
    t.clock.set('2026-12-26T12:00:00Z');
    const before = await s.hospitalDutyList.list(duty);
    expect(before.otherAuthorities.find((r) => r.referralId === r2.referralId)).toMatchObject({ authorityName: 'Wiltshire', passOn: { state: 'overdue' }, handover: { state: 'overdue' }, overdue: true });
    await s.hospitalDuty.passOn(duty, wiltshire.id, r2.referralId, { contact: 'Wiltshire emergency duty service' }, on('passed', '2026-12-25', '09:00'));
    await s.hospitalDuty.handover(duty, wiltshire.id, r2.referralId, { acceptedBy: 'Wiltshire MASH' }, on('handover', '2026-12-26', '10:00'));
    expect(await clock(wiltshire.id, 'cwd.hospital-referral-passed-on')).toEqual(['2026-12-24', 'met_late']);
    expect(await clock(wiltshire.id, 'cwd.hospital-handover')).toEqual(['2026-12-25T16:00:00.000Z', 'met_late']);

    // Another authority is named; without its name the referral is refused.
    expect(await problems(s.hospitalDuty.record(duty, { personId: wiltshire.id, ...referral('2026-12-26', '11:00', { homeAuthority: 'other' }) }))).toEqual(['homeAuthorityName: Enter the name of the local authority where the child lives']);
    const devon = await s.hospitalDuty.record(duty, { personId: wiltshire.id, ...referral('2026-12-26', '11:00', { homeAuthority: 'other', homeAuthorityName: 'Devon County Council', admitted: 'no' }) });
    if (devon.outcome !== 'recorded') throw new Error('not recorded');
    expect((await s.hospitalDuty.referral(duty, wiltshire.id, devon.referralId)).referral).toMatchObject({ authorityName: 'Devon County Council', outOfArea: true, next: 'pass_on' });
  });

  it("hands this authority's child to the front door or the team, and refuses bad input with what to do", async () => {
    t.clock.set('2026-05-04T12:00:00+01:00');
    const { duty } = await rota();
    const s = t.services;
    const child = await registerChild(s, duty, { dateOfBirth: '2019-01-20' });
    expect(await problems(s.hospitalDuty.record(duty, { personId: child.id, ...when('received', '2026-05-05', '09:00') }))).toEqual([
      'receivedOn: Date it happened must be today or in the past',
      'ward: Enter the ward the child is on, or the department that referred',
      'admitted: Select whether the child has been admitted to hospital',
      'homeAuthority: Select where the child lives: this authority, Somerset, Wiltshire or another authority',
      'reason: Enter why the hospital referred the child',
    ]);
    expect(await problems(s.hospitalDuty.record(duty, { givenNames: '', familyName: 'Smith', 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2020', ...referral('2026-05-04', '08:00') }))).toEqual([
      "dateOfBirth-day: The child's date of birth must be a real date",
      "givenNames: Enter the child's given names",
      "gender: Select the child's sex",
    ]);
    expect(await problems(s.hospitalDuty.record(duty, { givenNames: 'Baby', familyName: uniqueName(), 'dateOfBirth-day': '5', 'dateOfBirth-month': '5', 'dateOfBirth-year': '2026', gender: 'F', ...referral('2026-05-04', '08:00') }))).toEqual(['dateOfBirth-day: The date of birth must be on or before the date of the referral']);
    await expect(s.hospitalDuty.record(duty, { personId: 'not-a-child', ...referral('2026-05-04', '08:00') })).rejects.toBeInstanceOf(NotFoundError);
    // A repeated personId field (a list, not one id) is not a child found on Hearth: it must not register a new child.
    const listed = uniqueName();
    const newChild = { givenNames: listed, familyName: uniqueName(), 'dateOfBirth-day': '1', 'dateOfBirth-month': '1', 'dateOfBirth-year': '2019', gender: 'F' };
    await expect(s.hospitalDuty.record(duty, { personId: [child.id, child.id], ...newChild, ...referral('2026-05-04', '08:00') })).rejects.toBeInstanceOf(NotFoundError);
    const client = new Client(app);
    await client.signIn(duty.actor.username, duty.password);
    expect((await client.get('/hospital-duty/new')).statusCode).toBe(200);
    expect((await client.post('/hospital-duty/referrals', { personId: [child.id, child.id], ...newChild, ...referral('2026-05-04', '08:00') })).statusCode).toBe(404);
    expect((await s.people.search(duty, { q: listed, dateOfBirth: null, kind: 'child', page: 1, pageSize: 10 })).records).toEqual([]);

    const r = await s.hospitalDuty.record(duty, { personId: child.id, ...referral('2026-05-04', '08:00', { admitted: 'no', ward: 'Outpatients' }) });
    if (r.outcome !== 'recorded') throw new Error('not recorded');
    expect(await problems(s.hospitalDuty.passOn(duty, child.id, r.referralId, { contact: 'x' }, on('passed', '2026-05-04', '09:00')))).toEqual(['contact: The child lives in this authority: hand the referral to the front door or the team instead']);
    expect(await problems(s.hospitalDuty.takeOn(duty, child.id, r.referralId, { route: 'somewhere' }, on('taken', '2026-05-04', '09:00')))).toEqual(['route: Select where the referral goes: the front door or the team']);
    await s.hospitalDuty.takeOn(duty, child.id, r.referralId, { route: 'disabled_childrens_team', note: 'New referral to the team: short breaks assessment' }, on('taken', '2026-05-04', '09:00'));
    expect(await problems(s.hospitalDuty.takeOn(duty, child.id, r.referralId, { route: 'front_door' }, on('taken', '2026-05-04', '10:00')))).toEqual(['route: The referral has already been handed on']);
    await expect(s.hospitalDuty.wardVisit(duty, child.id, '00000000-0000-4000-8000-000000000000', { note: 'x' }, on('visit', '2026-05-04', '09:00'))).rejects.toBeInstanceOf(NotFoundError);
    const view = await s.hospitalDuty.referral(duty, child.id, r.referralId);
    expect(view.referral).toMatchObject({ next: 'done', takenOn: { route: 'disabled_childrens_team' } });
    expect(view.may).toEqual({ wardVisit: false, passOn: false, handover: false, takeOn: false });
    expect(view.referral.clocks).toEqual([]);
  });

  it('keeps a referral recorded without a referralId or contactId (before them, or imported) workable, known by its own event', async () => {
    t.clock.set('2026-04-03T12:00:00+01:00');
    const { duty } = await rota();
    const s = t.services;
    const child = await registerChild(s, duty, { dateOfBirth: '2013-10-10' });
    // Admitted from Wiltshire at 09:00 on Good Friday, 3 April 2026: visit and pass on the same day, hand-over by Saturday 09:00.
    await importEvent(s, child.id, 'cwd.hospital_referral_received', '2026-04-03T09:00:00+01:00', { hospital: 'Wealdmoor General Hospital', ward: 'Dolphin Ward', admitted: true, homeAuthority: 'wiltshire', outOfArea: true, reason: 'Imported referral' });
    const eventId = (await s.people.streamOf(child.id)).find((e) => e.type === 'cwd.hospital_referral_received')!.id;
    const [r] = (await s.hospitalDuty.ofChild(duty, child.id)).referrals;
    expect(r).toMatchObject({ referralId: eventId, eventId, authorityName: 'Wiltshire', next: 'ward_visit' });
    expect(await clock(child.id, 'cwd.hospital-ward-visit')).toEqual(['2026-04-03', 'due']);

    await s.hospitalDuty.wardVisit(duty, child.id, eventId, { note: 'Seen with grandmother' }, on('visit', '2026-04-03', '11:00'));
    await s.hospitalDuty.passOn(duty, child.id, eventId, { contact: 'Wiltshire MASH duty desk' }, on('passed', '2026-04-03', '11:30'));
    expect((await s.people.streamOf(child.id)).filter((e) => e.type === 'cwd.ward_visited').map((e) => e.data.referralId)).toEqual([eventId]);
    expect(await clock(child.id, 'cwd.hospital-ward-visit')).toEqual(['2026-04-03', 'met']);
    expect(await clock(child.id, 'cwd.hospital-referral-passed-on')).toEqual(['2026-04-03', 'met']);
    expect(await clock(child.id, 'cwd.hospital-handover')).toEqual(['2026-04-04T08:00:00.000Z', 'due']);
    expect((await s.hospitalDuty.referral(duty, child.id, eventId)).referral).toMatchObject({ next: 'handover', wardVisit: { note: 'Seen with grandmother' } });
  });

  it('refuses and audits those without hospital_duty:record, and serves the pages and their refusals on the form', async () => {
    t.clock.set('2026-06-10T15:00:00+01:00');
    const { duty, manager } = await rota();
    const s = t.services;
    const child = await registerChild(s, duty, { dateOfBirth: '2017-07-07' });
    const earlyHelpTeam = await makeTeam(s, `Early Help ${uniqueName()}`, 'early-help');
    const earlyHelp = await makeUser(s, { roles: ['early-help-worker'], teamIds: [earlyHelpTeam] });
    await expect(s.hospitalDutyList.list(earlyHelp)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(s.hospitalDuty.record(earlyHelp, { personId: child.id, ...referral('2026-06-10', '14:00') })).rejects.toBeInstanceOf(ForbiddenError);

    const dutyClient = new Client(app);
    await dutyClient.signIn(duty.actor.username, duty.password);
    const search = await dutyClient.get(`/hospital-duty/new?q=${encodeURIComponent(child.details.familyName)}`);
    expect(search.statusCode).toBe(200);
    expect(mainText(search.body)).toContain(`${child.details.givenNames} ${child.details.familyName}`);
    expect((await dutyClient.get('/hospital-duty/new?q=%21%21%21')).statusCode).toBe(400);
    const form = await dutyClient.get(`/hospital-duty/new?personId=${child.id}`);
    expect(mainText(form.body)).toContain('Choose another child');
    const refused = await dutyClient.post('/hospital-duty/referrals', { personId: child.id, ...referral('2026-06-10', '14:00', { ward: '' }) });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Enter the ward the child is on, or the department that referred');
    const saved = await dutyClient.post('/hospital-duty/referrals', { personId: child.id, ...referral('2026-06-10', '14:00', { homeAuthority: 'somerset' }) });
    expect(saved.statusCode).toBe(302);
    const page = String(saved.headers.location);
    expect(page).toMatch(new RegExp(`^/people/${child.id}/hospital-duty/[0-9a-f-]{36}$`));
    expect(mainText((await dutyClient.get(page)).body)).toContain('Passed on to Somerset');
    const badStep = await dutyClient.post(`${page}/ward-visit`, { ...when('visit', '2026-06-10', '13:00'), note: '' });
    expect(badStep.statusCode).toBe(400);
    expect(mainText(badStep.body)).toContain('Enter who was seen on the ward and what was agreed');
    expect((await dutyClient.post(`${page}/ward-visit`, { ...when('visit', '2026-06-10', '14:40'), note: 'Seen with father' })).statusCode).toBe(302);
    const list = mainText((await dutyClient.get('/hospital-duty')).body);
    expect(list).toContain(`${child.details.givenNames} ${child.details.familyName}`);
    expect(list).toContain('Children of other authorities');
    expect((await dutyClient.get(`/people/${child.id}/hospital-duty`)).statusCode).toBe(200);

    const ehClient = new Client(app);
    await ehClient.signIn(earlyHelp.actor.username, earlyHelp.password);
    for (const url of ['/hospital-duty', '/hospital-duty/new', page, `/people/${child.id}/hospital-duty`]) expect((await ehClient.get(url)).statusCode, url).toBe(403);
    expect((await ehClient.post('/hospital-duty/referrals', { personId: child.id })).statusCode).toBe(403);

    // A restricted record: the duty social worker who may not see it cannot record on it.
    const restricted = await registerChild(s, duty, { dateOfBirth: '2016-01-01' });
    await s.people.allocate(manager, restricted.id, { teamId: (await makeTeam(s)) as string, workerId: null });
    const otherManager = await makeUser(s, { roles: ['head-of-service'] });
    await s.people.restrict(otherManager, restricted.id, 'A relative of a member of staff');
    await expect(s.hospitalDuty.record(duty, { personId: restricted.id, ...referral('2026-06-10', '14:30') })).rejects.toBeInstanceOf(ForbiddenError);

    const auditor = await makeUser(s, { roles: ['auditor'] });
    const ehRows = (await s.audit.search(auditor, { personId: null, username: earlyHelp.actor.username, from: null, to: null, page: 1 })).rows.map((r) => [r.action, r.outcome]);
    expect(ehRows).toEqual(expect.arrayContaining([['hospital_duty.list_viewed', 'denied'], ['hospital_duty.recorded', 'denied'], ['child.viewed', 'denied']]));
    const onChild = (await s.audit.search(auditor, { personId: child.id, username: null, from: null, to: null, page: 1 })).rows.map((r) => [r.action, r.username, r.outcome]);
    expect(onChild).toEqual(expect.arrayContaining([['hospital_duty.recorded', duty.actor.username, 'allowed'], ['child.viewed', duty.actor.username, 'allowed']]));
    expect((await s.audit.search(auditor, { personId: restricted.id, username: null, from: null, to: null, page: 1 })).rows.map((r) => [r.action, r.username, r.outcome])).toContainEqual(['hospital_duty.recorded', duty.actor.username, 'denied']);
  });
});
