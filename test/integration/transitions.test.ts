import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { importEvent, makeTeam, makeUser, registerChild, uniqueName, world, type TestWorld } from '../factories';

/** A dated step's form: its date and time, named as the child's Transitions page names them. */
const on = (key: string, date: string, time = '10:00') => ({ occurredOn: date, occurredTime: time, problems: [], fields: { date: `${key}On`, time: `${key}Time` } });
const boxes = (name: string, date: string) => {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year as string };
};

/**
 * Children with Disabilities transitions (issue 12; practice-standards.txt, Section 1: Children with
 * Disabilities 5, 16 and note 2, 20-26): the clocks from the birthdays (Easter Monday, the summer bank
 * holiday, a Saturday), the referral for the Self-Directed Assessment at 16 in care and 17 otherwise,
 * the monthly tracking meeting written on each child, the 75-nights-away cohort, refusals and access.
 */
describe.each(engines())('children with disabilities transitions on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-01-05T12:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  const obligation = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);
  const clock = async (personId: string, ruleId: string) => {
    const r = await obligation(personId, ruleId);
    return r ? [r.obligation.dueDate, r.state] : null;
  };

  /** A Disabled Children's Team with its manager and a social worker, and a child it holds, known to it from a child in need plan. */
  async function team() {
    const teamId = await makeTeam(t.services, `Disabled Children ${uniqueName()}`, 'disabled-children');
    const manager = await makeUser(t.services, { roles: ['team-manager'], teamIds: [teamId] });
    const worker = await makeUser(t.services, { roles: ['social-worker'], teamIds: [teamId] });
    const child = async (dateOfBirth: string, history: [string, string, Record<string, unknown>?][] = [['cin.plan_started', '2026-01-05T10:00:00Z']]) => {
      const record = await registerChild(t.services, worker, { dateOfBirth, givenNames: uniqueName(), familyName: uniqueName() });
      await t.services.people.allocate(manager, record.id, { teamId, workerId: worker.actor.userId });
      for (const [type, at, data] of history) await importEvent(t.services, record.id, type, at, data ?? {});
      return record;
    };
    return { teamId, manager, worker, child };
  }

  it('counts the notification to the 14th birthday on Easter Monday, and the assessment and referral to the 16th in care and the 17th otherwise', async () => {
    t.clock.set('2026-01-05T12:00:00Z');
    const { worker, manager, child } = await team();
    // 14 on Easter Monday, 6 April 2026: the notification is due that day, a bank holiday not moved.
    const easter = await child('2012-04-06');
    // 17 on Saturday 26 December 2026, not in care: the assessment and the referral are due that Saturday.
    const boxingDay = await child('2009-12-26');
    // In care, 16 on the summer bank holiday, Monday 31 August 2026.
    const inCare = await child('2010-08-31', [['cic.started', '2025-11-03T10:00:00Z', { legalStatus: 'V2' }]]);
    const s = t.services;

    expect(await clock(easter.id, 'cwd.transitions-notification')).toEqual(['2026-04-06', 'due']);
    expect(await clock(boxingDay.id, 'cwd.transitions-referral')).toEqual(['2026-12-26', 'due']);
    expect(await clock(boxingDay.id, 'cwd.transitions-assessment')).toEqual(['2026-12-26', 'due']);
    expect(await clock(boxingDay.id, 'cwd.transitions-referral-in-care')).toBeNull();
    expect(await clock(inCare.id, 'cwd.transitions-referral-in-care')).toEqual(['2026-08-31', 'due']);
    expect(await clock(inCare.id, 'cwd.transitions-assessment-in-care')).toEqual(['2026-08-31', 'due']);
    expect(await clock(inCare.id, 'cwd.transitions-referral')).toEqual(['2027-08-31', 'due']);

    // Notified the day after Easter Monday: late. The tracking meeting is then due a month on, Thursday 7 May.
    t.clock.set('2026-04-07T12:00:00+01:00');
    await s.transitions.likely(worker, easter.id, { reason: 'Complex health needs and a learning disability' }, on('likely', '2026-03-02'));
    await s.transitions.notified(worker, easter.id, { note: 'Emailed the Transitions Team duty inbox' }, on('notified', '2026-04-07', '09:00'));
    expect(await clock(easter.id, 'cwd.transitions-notification')).toEqual(['2026-04-06', 'met_late']);
    expect(await clock(easter.id, 'cwd.transitions-tracking-meeting')).toEqual(['2026-05-07', 'due']);

    // In care: the referral for the Self-Directed Assessment on Tuesday 1 September, the day after the 16th birthday, is late for 16 and meets 17.
    t.clock.set('2026-09-01T12:00:00+01:00');
    await s.transitions.assessment(worker, inCare.id, { route: 'child_and_family' }, on('assessment', '2026-08-28'));
    await s.transitions.referral(worker, inCare.id, {}, on('referral', '2026-09-01', '09:30'));
    expect(await clock(inCare.id, 'cwd.transitions-referral-in-care')).toEqual(['2026-08-31', 'met_late']);
    expect(await clock(inCare.id, 'cwd.transitions-referral')).toEqual(['2027-08-31', 'met']);
    expect(await clock(inCare.id, 'cwd.transitions-assessment-in-care')).toEqual(['2026-08-31', 'met']);

    // Not in care: referred on Monday 28 December (a bank holiday), two days after the Saturday birthday.
    t.clock.set('2026-12-29T12:00:00Z');
    expect(await clock(boxingDay.id, 'cwd.transitions-referral')).toEqual(['2026-12-26', 'overdue']);
    await s.transitions.referral(worker, boxingDay.id, { note: 'Referral form sent' }, on('referral', '2026-12-28'));
    expect(await clock(boxingDay.id, 'cwd.transitions-referral')).toEqual(['2026-12-26', 'met_late']);

    // The list shows each child with their age and clocks.
    const list = await s.transitionsList.list(manager);
    const row = (id: string) => list.tracking.find((r) => r.id === id);
    expect(row(easter.id)).toMatchObject({ age: '14 years 8 months', notified: expect.anything(), clocks: { notification: { state: 'met_late' } } });
    expect(row(inCare.id)).toMatchObject({ inCare: true, transitionAge: 16, clocks: { referral: { ruleId: 'cwd.transitions-referral-in-care', state: 'met_late' } } });
    expect(row(boxingDay.id)).toMatchObject({ transitionAge: 17, age: '17 years', clocks: { referral: { ruleId: 'cwd.transitions-referral', state: 'met_late' }, assessment: { state: 'overdue' } } });
  });

  it('asks for the notification now for a child who came to the team after 14, and leaves out children under 13 and a half', async () => {
    t.clock.set('2026-02-02T12:00:00Z');
    const { manager, child } = await team();
    const late = await child('2011-06-01', [['cin.plan_started', '2026-02-02T10:00:00Z']]);
    const young = await child('2012-09-01');
    expect(await clock(late.id, 'cwd.transitions-notification')).toBeNull();
    const list = await t.services.transitionsList.list(manager);
    expect(list.tracking.find((r) => r.id === late.id)).toMatchObject({ notifyNow: true, overdue: true, age: '14 years 8 months' });
    expect(list.tracking.find((r) => r.id === young.id)).toBeUndefined();
  });

  it('records the monthly tracking meeting as an event on each child discussed, refusing a meeting without children or notes', async () => {
    t.clock.set('2026-03-10T12:00:00Z');
    const { manager, worker, child } = await team();
    const a = await child('2012-01-15');
    const b = await child('2011-11-20');
    const s = t.services;
    await s.transitions.notified(worker, a.id, {}, on('notified', '2026-03-02'));
    const nameOf = async (id: string) => {
      const r = await s.people.find(id);
      return `${r!.details.givenNames} ${r!.details.familyName}`;
    };

    expect(await problems(s.transitionsList.recordMeeting(manager, { ...boxes('meetingOn', '2026-03-09'), meetingTime: '14:00' }))).toEqual(['children: Select the children discussed at the meeting']);
    expect(await problems(s.transitionsList.recordMeeting(manager, { ...boxes('meetingOn', '2026-03-11'), meetingTime: '14:00', children: [a.id, b.id], [`note-${a.id}`]: 'Notified on 2 March' }))).toEqual([
      'meetingOn: Date it happened must be today or in the past',
      `note-${b.id}: Enter what was shared about ${await nameOf(b.id)} at the meeting`,
    ]);
    expect(await problems(s.transitionsList.recordMeeting(manager, { meetingTime: '14:00', children: 'not-an-id' }))).toEqual(['children: Select the children discussed from the list']);

    // Monday 9 March 2026: both children, a note each.
    const { meetingId } = await s.transitionsList.recordMeeting(manager, { ...boxes('meetingOn', '2026-03-09'), meetingTime: '14:00', attendees: 'DCT managers, Transitions Team', children: [a.id, b.id], [`note-${a.id}`]: 'Notification shared; EHCP review in May', [`note-${b.id}`]: 'Likely to need supported living' });
    for (const id of [a.id, b.id]) {
      const events = (await s.people.streamOf(id)).filter((e) => e.type === 'transitions.tracking_meeting_discussed');
      expect(events.map((e) => [e.data.meetingId, e.occurredAt.toISOString()])).toEqual([[meetingId, '2026-03-09T14:00:00.000Z']]);
    }
    expect((await s.people.streamOf(b.id)).find((e) => e.type === 'transitions.tracking_meeting_discussed')?.data.note).toBe('Likely to need supported living');
    expect(await clock(a.id, 'cwd.transitions-tracking-meeting')).toEqual(['2026-04-02', 'met']);

    // The same child at a meeting on the same day twice is refused; the list says this month's was held.
    expect(await problems(s.transitionsList.recordMeeting(manager, { ...boxes('meetingOn', '2026-03-09'), meetingTime: '16:00', children: [a.id], [`note-${a.id}`]: 'Again' }))).toEqual([`note-${a.id}: ${await nameOf(a.id)} was already discussed at a tracking meeting on 9 March 2026`]);
    const list = await s.transitionsList.list(manager);
    expect(list.meeting.heldThisMonth).toBe(true);
    t.clock.set('2026-04-01T09:00:00+01:00');
    expect((await s.transitionsList.list(manager)).meeting).toMatchObject({ heldThisMonth: false, monthName: 'April 2026' });

    // A child another team holds is not the tracking meeting's; a worker who does not hold the case cannot write on it.
    const other = await makeTeam(s, `Assessment ${uniqueName()}`, 'assessment');
    const outsider = await makeUser(s, { roles: ['social-worker'], teamIds: [other] });
    const theirs = await registerChild(s, outsider, { dateOfBirth: '2011-01-01' });
    await s.people.allocate(await makeUser(s, { roles: ['team-manager'], teamIds: [other] }), theirs.id, { teamId: other, workerId: outsider.actor.userId });
    expect(await problems(s.transitionsList.recordMeeting(manager, { ...boxes('meetingOn', '2026-03-31'), meetingTime: '10:00', children: [theirs.id], [`note-${theirs.id}`]: 'x' }))).toEqual([
      `children: ${await nameOf(theirs.id)} is not held by the Disabled Children's Team: the tracking meeting is about its children`,
    ]);
    await expect(s.transitionsList.recordMeeting(outsider, { ...boxes('meetingOn', '2026-03-31'), meetingTime: '10:00', children: [a.id], [`note-${a.id}`]: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("does not name a restricted child the worker may not see when refusing the tracking meeting", async () => {
    t.clock.set('2026-03-10T12:00:00Z');
    const { teamId, manager, worker } = await team();
    const s = t.services;
    // One restricted child held by the Disabled Children's Team for another worker, one held by another team:
    // the team's social worker has not been granted access to either.
    const colleague = await makeUser(s, { roles: ['social-worker'], teamIds: [teamId] });
    const ours = await registerChild(s, colleague, { dateOfBirth: '2012-01-15', givenNames: uniqueName(), familyName: uniqueName() });
    await s.people.allocate(manager, ours.id, { teamId, workerId: colleague.actor.userId });
    await s.people.restrict(manager, ours.id, 'A relative of a member of staff');
    const other = await makeTeam(s, `Assessment ${uniqueName()}`, 'assessment');
    const otherManager = await makeUser(s, { roles: ['team-manager'], teamIds: [other] });
    const theirs = await registerChild(s, otherManager, { dateOfBirth: '2011-01-01', givenNames: uniqueName(), familyName: uniqueName() });
    await s.people.allocate(otherManager, theirs.id, { teamId: other, workerId: null });
    await s.people.restrict(otherManager, theirs.id, 'A relative of a member of staff');

    const client = new Client(app);
    await client.signIn(worker.actor.username, worker.password);
    expect((await client.get('/transitions')).statusCode).toBe(200);
    for (const child of [ours, theirs]) {
      expect(await problems(s.transitionsList.recordMeeting(worker, { ...boxes('meetingOn', '2026-03-09'), meetingTime: '14:00', children: [child.id] }))).toEqual(['children: Select the children discussed from the list']);
      const refused = await client.post('/transitions/tracking-meetings', { ...boxes('meetingOn', '2026-03-09'), meetingTime: '14:00', children: child.id, [`note-${child.id}`]: 'x' });
      expect(refused.statusCode).toBe(400);
      expect(mainText(refused.body)).toContain('Select the children discussed from the list');
      expect(refused.body).not.toContain(child.details.givenNames);
      expect(refused.body).not.toContain(child.details.familyName);
    }
  });

  it('keeps the steps in order, and refuses bad input with what to do', async () => {
    t.clock.set('2026-06-15T12:00:00+01:00');
    const { worker, child } = await team();
    const c = await child('2010-02-14');
    const s = t.services;
    expect(await problems(s.transitions.ehcpReview(worker, c.id, {}, on('ehcpReview', '2026-06-01')))).toEqual(['note: The Transitions Team attends the annual EHCP reviews from the point of notification (21): record the notification first']);
    expect(await problems(s.transitions.sda(worker, c.id, {}, on('sda', '2026-06-01')))).toEqual(['note: The Self-Directed Assessment follows the referral to the Transitions Team (25): record the referral first']);
    expect(await problems(s.transitions.forum(worker, c.id, { responsibility: 'adult_social_care', summary: 'x' }, on('forum', '2026-06-01')))).toEqual(['responsibility: The Forum discusses the child after the Self-Directed Assessment (26): record its completion first']);
    expect(await problems(s.transitions.ruledOut(worker, c.id, { reason: '  ' }, on('ruledOut', '2026-06-01')))).toEqual(['reason: Enter why the child is not likely to need adult services']);
    expect(await problems(s.transitions.assessment(worker, c.id, { route: 'nonsense' }, on('assessment', '2026-06-01')))).toEqual(['route: Select which assessment was triggered']);
    expect(await problems(s.transitions.notified(worker, c.id, {}, { occurredOn: null, occurredTime: '', problems: [{ field: 'notifiedOn-day', message: 'Enter date it happened' }], fields: { date: 'notifiedOn', time: 'notifiedTime' } }))).toEqual(['notifiedOn-day: Enter date it happened']);

    await s.transitions.notified(worker, c.id, {}, on('notified', '2026-02-10'));
    expect(await problems(s.transitions.notified(worker, c.id, {}, on('notified', '2026-02-11')))).toEqual(['note: The Transitions Team was notified on 10 February 2026']);
    expect(await problems(s.transitions.ehcpReview(worker, c.id, {}, on('ehcpReview', '2026-02-09')))).toEqual([expect.stringMatching(/^ehcpReviewOn: This cannot be before the Transitions Team was notified, 10 February 2026/)]);
    await s.transitions.ehcpReview(worker, c.id, { note: 'Year 11 annual review at Oakfield School' }, on('ehcpReview', '2026-05-20'));
    await s.transitions.referral(worker, c.id, {}, on('referral', '2026-03-01'));
    await s.transitions.sda(worker, c.id, {}, on('sda', '2026-05-28'));
    expect(await problems(s.transitions.forum(worker, c.id, { responsibility: 'the parents', summary: '' }, on('forum', '2026-06-10')))).toEqual([
      'responsibility: Select who the Forum agreed is responsible for finances and services',
      "summary: Enter the Forum's decision: the finances and services agreed",
    ]);
    await s.transitions.forum(worker, c.id, { responsibility: 'joint', summary: 'Supported living from 18, jointly funded with health' }, on('forum', '2026-06-10'));
    const view = await s.transitions.view(worker, c.id);
    expect(view.stage).toBe('Forum decided');
    expect(view.transition.forum).toMatchObject({ responsibility: 'joint', note: 'Supported living from 18, jointly funded with health' });
    expect(view.may).toMatchObject({ forum: false, sda: false, ehcpReview: true });
  });

  it('refuses "likely to need adult services" after a ruling out, which cancelled the notification and referral clocks for good (20, 25)', async () => {
    t.clock.set('2026-03-10T12:00:00Z');
    const { worker, child } = await team();
    const s = t.services;
    // 14 on Easter Monday, 6 April 2026; likely on Monday 2 March, ruled out on Friday 6 March.
    const c = await child('2012-04-06');
    await s.transitions.likely(worker, c.id, { reason: 'Complex health needs' }, on('likely', '2026-03-02'));
    expect(await problems(s.transitions.ruledOut(worker, c.id, { reason: 'Needs met by universal services' }, on('ruledOut', '2026-02-27')))).toEqual([
      expect.stringMatching(/^ruledOutOn: This cannot be before the decision that the child is likely to need adult services, recorded 2 March 2026/),
    ]);
    await s.transitions.ruledOut(worker, c.id, { reason: 'Needs met by universal services' }, on('ruledOut', '2026-03-06'));
    expect(await clock(c.id, 'cwd.transitions-notification')).toEqual(['2026-04-06', 'cancelled']);
    expect(await clock(c.id, 'cwd.transitions-referral')).toEqual(['2029-04-06', 'cancelled']);

    const [refusal] = await problems(s.transitions.likely(worker, c.id, { reason: 'Condition deteriorated' }, on('likely', '2026-03-09')));
    expect(refusal).toMatch(/^reason: Recorded as not likely to need adult services on 6 March 2026, which ended the Transitions Team's notification and referral clocks \(20, 25\): it cannot be changed to likely here/);
    expect(await problems(s.transitions.notified(worker, c.id, {}, on('notified', '2026-03-09')))).toEqual([expect.stringMatching(/^note: Recorded as not likely to need adult services on 6 March 2026/)]);
    const view = await s.transitions.view(worker, c.id);
    expect(view.stage).toBe('Not likely to need adult services');
    expect(view.may).toMatchObject({ likely: false, ruledOut: false, notified: false });
    expect((await s.people.streamOf(c.id)).filter((e) => e.type === 'transitions.need_identified')).toHaveLength(1);
  });

  it('wires the 75-nights-away cohort into the 4-weekly visits, refusing a child in care and a count under 75 (16, note 2)', async () => {
    t.clock.set('2026-04-20T12:00:00+01:00');
    const { worker, manager, child } = await team();
    const c = await child('2013-05-02', [['cin.plan_started', '2026-01-05T10:00:00Z'], ['cin.visit', '2026-04-03T11:00:00+01:00']]);
    const inCare = await child('2013-06-02', [['cic.started', '2026-01-05T10:00:00Z', { legalStatus: 'V2' }]]);
    const s = t.services;
    expect(await problems(s.transitions.nightsAwayJoined(worker, c.id, { nights: '60' }, on('nightsAwayJoined', '2026-04-06')))).toEqual([
      'basis: Select why the child spends 75 or more nights a year away from home',
      'nights: The cohort is children spending 75 or more nights a year away from home: 60 is fewer',
    ]);
    expect(await problems(s.transitions.nightsAwayJoined(worker, inCare.id, { basis: 'respite' }, on('nightsAwayJoined', '2026-04-06')))).toEqual(['basis: The child is in care: children in care of the team are already seen every 4 weeks (16)']);
    expect(await problems(s.transitions.nightsAwayLeft(worker, c.id, { reason: 'x' }, on('nightsAwayLeft', '2026-04-06')))).toEqual(['reason: The child is not in the 75-nights-away cohort']);

    // Joined on Easter Monday; the last visit was on Good Friday: the next is due 4 weeks on, Friday 1 May.
    await s.transitions.nightsAwayJoined(worker, c.id, { basis: 'residential_school', nights: '190' }, on('nightsAwayJoined', '2026-04-06'));
    expect(await clock(c.id, 'cwd.nights-away-visit')).toEqual(['2026-05-01', 'due']);
    const list = await s.transitionsList.list(manager);
    expect(list.cohort.find((r) => r.id === c.id)).toMatchObject({ basis: 'A jointly funded residential school', nights: 190, visit: { state: 'due' } });
    expect(await problems(s.transitions.nightsAwayJoined(worker, c.id, { basis: 'respite' }, on('nightsAwayJoined', '2026-04-07')))).toEqual(['basis: Already in the 75-nights-away cohort since 6 April 2026']);

    t.clock.set('2026-05-04T12:00:00+01:00');
    expect(await clock(c.id, 'cwd.nights-away-visit')).toEqual(['2026-05-01', 'overdue']);
    expect(await problems(s.transitions.nightsAwayLeft(worker, c.id, { reason: '' }, on('nightsAwayLeft', '2026-05-04', '09:00')))).toEqual(['reason: Enter why the child is no longer spending 75 or more nights a year away from home']);
    await s.transitions.nightsAwayLeft(worker, c.id, { reason: 'Left the residential school at Easter' }, on('nightsAwayLeft', '2026-05-04', '09:00'));
    expect(await clock(c.id, 'cwd.nights-away-visit')).toEqual(['2026-05-01', 'overdue']);
    expect((await s.transitionsList.list(manager)).cohort.find((r) => r.id === c.id)).toBeUndefined();
  });

  it('serves the pages to those who may see them, refusing and auditing the rest', async () => {
    t.clock.set('2026-07-01T12:00:00+01:00');
    const { manager, worker, child } = await team();
    const c = await child('2012-03-03');
    const s = t.services;
    const managerClient = new Client(app);
    await managerClient.signIn(manager.actor.username, manager.password);
    const list = await managerClient.get('/transitions');
    expect(list.statusCode).toBe(200);
    expect(mainText(list.body)).toContain(`${c.details.givenNames} ${c.details.familyName}`);
    expect(mainText(list.body)).toContain('No tracking meeting has been recorded for July 2026');

    // A meeting with no child chosen comes back with the problem on the form, not a server error.
    const refused = await managerClient.post('/transitions/tracking-meetings', { ...boxes('meetingOn', '2026-07-01'), meetingTime: '09:00' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Select the children discussed at the meeting');
    const saved = await managerClient.post('/transitions/tracking-meetings', { ...boxes('meetingOn', '2026-07-01'), meetingTime: '09:00', children: c.id, [`note-${c.id}`]: 'Not yet decided: discuss with family' });
    expect(saved.statusCode).toBe(302);
    expect(mainText((await managerClient.get('/transitions')).body)).toContain("This month's tracking meeting was held on 1 July 2026");

    const workerClient = new Client(app);
    await workerClient.signIn(worker.actor.username, worker.password);
    const childPage = await workerClient.get(`/people/${c.id}/transitions`);
    expect(childPage.statusCode).toBe(200);
    expect(mainText(childPage.body)).toContain('Not yet decided');
    const bad = await workerClient.post(`/people/${c.id}/transitions/ruled-out`, { ...boxes('ruledOutOn', '2026-06-30'), ruledOutTime: '25:00', reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(mainText(bad.body)).toMatch(/Enter why the child is not likely to need adult services/);
    expect(mainText(bad.body)).toMatch(/must be a real time/);
    const ok = await workerClient.post(`/people/${c.id}/transitions/likely`, { ...boxes('likelyOn', '2026-06-30'), likelyTime: '11:00', reason: 'Profound and multiple learning disabilities' });
    expect(ok.statusCode).toBe(302);

    // Someone without transitions:read (an early help worker) is refused the list, and the refusal audited;
    // a social worker of another team may read the child's page but not record on it.
    const outsiderTeam = await makeTeam(s, `Early Help ${uniqueName()}`, 'early-help');
    const earlyHelp = await makeUser(s, { roles: ['early-help-worker'], teamIds: [outsiderTeam] });
    const ehClient = new Client(app);
    await ehClient.signIn(earlyHelp.actor.username, earlyHelp.password);
    expect((await ehClient.get('/transitions')).statusCode).toBe(403);
    expect((await ehClient.post('/transitions/tracking-meetings', { children: c.id })).statusCode).toBe(403);
    const otherSw = await makeUser(s, { roles: ['social-worker'], teamIds: [outsiderTeam] });
    const swClient = new Client(app);
    await swClient.signIn(otherSw.actor.username, otherSw.password);
    expect((await swClient.get(`/people/${c.id}/transitions`)).statusCode).toBe(200);
    expect((await swClient.post(`/people/${c.id}/transitions/notified`, { ...boxes('notifiedOn', '2026-06-30'), notifiedTime: '10:00' })).statusCode).toBe(403);

    const auditor = await makeUser(s, { roles: ['auditor'] });
    const denied = await s.audit.search(auditor, { personId: null, username: earlyHelp.actor.username, from: null, to: null, page: 1 });
    expect(denied.rows.map((r) => [r.action, r.outcome])).toEqual(expect.arrayContaining([['transitions.list_viewed', 'denied'], ['transitions.tracking_meeting_recorded', 'denied']]));
    const onChild = await s.audit.search(auditor, { personId: c.id, username: null, from: null, to: null, page: 1 });
    expect(onChild.rows.map((r) => [r.action, r.username, r.outcome])).toEqual(
      expect.arrayContaining([
        ['child.transitions_recorded', otherSw.actor.username, 'denied'],
        ['child.transitions_recorded', worker.actor.username, 'allowed'],
        ['transitions.tracking_meeting_recorded', manager.actor.username, 'allowed'],
        ['child.viewed', worker.actor.username, 'allowed'],
      ]),
    );
  });
});
