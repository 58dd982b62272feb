import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems, problemsByField } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { importEvent, makeTeam, makeUser, registerChild, uniqueName, world, type TestWorld } from '../factories';

const at = (occurredOn: string, occurredTime = '10:00') => ({ occurredOn, occurredTime, problems: [] });
const dateBoxes = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: String(year) };
};
/** A youth justice form's date boxes and time, as the page sends them. */
const yosWhen = (name: string, date: string, time = '10:00') => ({ ...dateBoxes(`${name}On`, date), [`${name}Time`]: time });

/**
 * Workforce (issue 12; specialist-service-statement.txt 5.2-5.3, 7.1.3; practice-standards.txt,
 * Section 2: Child in Need Plans and Reviews 9): caseloads weighted by complexity against each
 * worker's limit, allocation beyond it only with a manager's reason, a newly qualified worker's
 * protected caseload, transfers with the receiving manager chairing the review, team capacity.
 * Easter 2026 (Good Friday 3 April, Easter Monday 6 April) runs through the dates.
 */
describe.each(engines())('workforce on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    // Thursday 2 April 2026, the day before Good Friday.
    t = world((await testDatabase(engine)).db, '2026-04-02T14:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());
  beforeEach(() => t.clock.set('2026-04-02T14:00:00Z'));

  async function team(specialism: string | null = null) {
    const teamId = await makeTeam(t.services, `Team ${uniqueName()}`, specialism);
    const manager = await makeUser(t.services, { roles: ['team-manager'], teamIds: [teamId] });
    const worker = await makeUser(t.services, { roles: ['social-worker'], teamIds: [teamId] });
    return { teamId, manager, worker };
  }
  const child = async (by: Awaited<ReturnType<typeof team>>['manager']) => registerChild(t.services, by);
  const signedIn = async (user: { actor: { username: string }; password: string }) => {
    const client = new Client(app);
    await client.signIn(user.actor.username, user.password);
    return client;
  };

  it('refuses an allocation over the worker’s weighted limit without a manager’s reason, on the service and the page, then accepts it with one', async () => {
    const s = t.services;
    const { teamId, manager, worker } = await team();
    // Three days a week: 0.6 FTE with a maximum the manager set at 4 (a new starter's first weeks).
    await s.workforce.recordProfile(manager, worker.actor.userId, { practitioner: 'qualified_social_worker', fte: '0.6', caseloadMaximum: '4', reason: '' });
    const [first, second, third, fourth] = [await child(manager), await child(manager), await child(manager), await child(manager)];
    // One case is complex (1.5): with two standard cases the caseload weighs 3.5.
    await s.workforce.assessComplexity(manager, first.id, { weight: 'complex', reason: 'Three siblings, two schools, domestic abuse' });
    for (const c of [first, second, third]) await s.people.allocate(manager, c.id, { teamId, workerId: worker.actor.userId });

    expect(await problems(s.people.allocate(manager, fourth.id, { teamId, workerId: worker.actor.userId }))).toEqual([
      `overLimitReason: Test ${worker.actor.username}'s weighted caseload is 3.5 against a caseload limit of 4: this case (weighted 1) would take it to 4.5, 0.5 cases over. Allocate to someone else, or enter the manager’s reason for allocating beyond the limit`,
    ]);
    expect((await s.people.find(fourth.id))?.allocatedWorkerId).toBeNull();

    // On the person page's form too: the message beside the reason box, nothing saved.
    const client = await signedIn(manager);
    await client.get(`/people/${fourth.id}/allocate`);
    const refused = await client.post(`/people/${fourth.id}/allocate`, { allocation: `${teamId}|${worker.actor.userId}` });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('weighted caseload is 3.5 against a caseload limit of 4');
    const accepted = await client.post(`/people/${fourth.id}/allocate`, { allocation: `${teamId}|${worker.actor.userId}`, overLimitReason: 'Sibling of a child she already holds; the family asked for one worker.' });
    expect(accepted.statusCode).toBe(302);
    const [allocated] = await s.people.ofTypes(fourth.id, ['child.allocated']);
    expect(allocated?.data).toMatchObject({ workerId: worker.actor.userId, overLimitReason: 'Sibling of a child she already holds; the family asked for one worker.', caseloadWhenAllocated: { weighted: 4.5, maximum: 4, protected: false } });
    expect(mainText((await client.get(`/people/${fourth.id}/history`)).body)).toContain("Allocated beyond the worker's caseload limit: Sibling of a child she already holds");

    // The team's capacity: 4 cases weighing 4.5 against 4, over the limit.
    const page = mainText((await client.get('/workforce')).body);
    expect(page).toMatch(new RegExp(`Test ${worker.actor.username} Qualified social worker 0.6 4 4.5 Up to 4 set by a manager -0.5 Over limit`));
    // A worker with no room and no profile-set limit: a team-only allocation is never refused.
    const fifth = await child(manager);
    await s.people.allocate(manager, fifth.id, { teamId, workerId: null });
  });

  it('protects a newly qualified social worker’s caseload in the assessed and supported year, and lifts it after', async () => {
    const s = t.services;
    const { teamId, manager, worker } = await team();
    // Two days a week (0.4 FTE): the protected caseload is 15 x 0.4 = 6; the year ends on Good Friday.
    await s.workforce.recordProfile(manager, worker.actor.userId, { practitioner: 'newly_qualified_social_worker', fte: '0.4', ...dateBoxes('inductionEndsOn', '2026-03-06'), ...dateBoxes('asyeEndsOn', '2026-04-03') });
    const children = [await child(manager), await child(manager), await child(manager), await child(manager)];
    await s.workforce.assessComplexity(manager, children[0]!.id, { weight: 'high', reason: 'Care proceedings' });
    await s.workforce.assessComplexity(manager, children[1]!.id, { weight: 'high', reason: 'Child protection plan, four agencies' });
    for (const c of children.slice(0, 3)) await s.people.allocate(manager, c.id, { teamId, workerId: worker.actor.userId });
    // 2 + 2 + 1 = 5 of 6: one more standard case fits, a high one would not.
    await s.workforce.assessComplexity(manager, children[3]!.id, { weight: 'high', reason: 'Unborn baby, pre-birth assessment' });
    expect((await problems(s.people.allocate(manager, children[3]!.id, { teamId, workerId: worker.actor.userId })))[0]).toContain(
      'weighted caseload is 5 against a protected caseload limit (newly qualified, in the assessed and supported year) of 6: this case (weighted 2) would take it to 7, 1 case over',
    );
    const view = await s.workforce.staffMember(manager, worker.actor.userId);
    expect(view.row).toMatchObject({ practitioner: 'Newly qualified social worker (assessed and supported year)', weighted: 5, limit: { maximum: 6, protected: true, basis: 'protected' }, status: 'within', headroom: 1 });
    expect(view.supervision).toBe('fortnightly');

    // Easter Monday 6 April: the year ended on Good Friday, so the qualified worker's 20 to 25 x 0.4 = 8 to 10 applies.
    t.clock.set('2026-04-06T09:00:00+01:00');
    await s.people.allocate(manager, children[3]!.id, { teamId, workerId: worker.actor.userId });
    expect((await s.workforce.staffMember(manager, worker.actor.userId)).row).toMatchObject({ weighted: 7, limit: { minimum: 8, maximum: 10, protected: false }, status: 'under_minimum' });
  });

  it('transfers a case at the transfer meeting and has the receiving team’s manager chair the review; the sending manager is refused', async () => {
    const s = t.services;
    const sending = await team('assessment');
    const receiving = await team('child-protection');
    const kid = await child(sending.manager);
    t.clock.set('2026-03-30T10:00:00+01:00');
    await s.people.allocate(sending.manager, kid.id, { teamId: sending.teamId, workerId: sending.worker.actor.userId });
    await s.cinPlan.start(sending.worker, kid.id, { from: 'assessment' }, at('2026-03-30', '09:30'));
    t.clock.set('2026-04-02T16:00:00+01:00');

    const sendingClient = await signedIn(sending.manager);
    const receivingClient = await signedIn(receiving.manager);
    // The receiving team's manager does not hold the case yet: the transfer is the sending team's to record.
    await receivingClient.get(`/people/${kid.id}/transfer`);
    expect((await receivingClient.post(`/people/${kid.id}/transfer/meeting`, {})).statusCode).toBe(403);

    await sendingClient.get(`/people/${kid.id}/transfer`);
    const bad = await sendingClient.post(`/people/${kid.id}/transfer/meeting`, { receiving: `${sending.teamId}|`, ...dateBoxes('meetingOn', '2026-04-02'), meetingTime: '14:00', attended: '', meetingSummary: '' });
    expect(bad.statusCode).toBe(400);
    expect(mainText(bad.body)).toContain('Enter who attended the transfer meeting');
    expect(mainText(bad.body)).toContain('Enter what the transfer meeting agreed');
    expect(await problems(s.transfers.transfer(sending.manager, kid.id, { receiving: `${sending.teamId}|`, ...dateBoxes('meetingOn', '2026-04-02'), meetingTime: '14:00', attended: 'Both managers', meetingSummary: 'Handover' }))).toEqual([
      'receiving: The case is already held by this team: to change its worker, allocate it instead. A transfer moves a case to another team',
    ]);
    // Dated before the case came to the sending team: refused.
    expect((await problems(s.transfers.transfer(sending.manager, kid.id, { receiving: `${receiving.teamId}|${receiving.worker.actor.userId}`, ...dateBoxes('meetingOn', '2026-03-27'), meetingTime: '14:00', attended: 'x', meetingSummary: 'y' })))[0]).toMatch(/^meetingOn: The transfer meeting cannot be before the case was allocated to the sending team, on 30 March 2026/);

    const done = await sendingClient.post(`/people/${kid.id}/transfer/meeting`, {
      receiving: `${receiving.teamId}|${receiving.worker.actor.userId}`,
      ...dateBoxes('meetingOn', '2026-04-02'),
      meetingTime: '14:00',
      attended: 'Sending and receiving managers, both social workers',
      meetingSummary: 'Child protection plan made at the initial conference: the case moves to the Child Protection and Court Service.',
    });
    expect(done.statusCode).toBe(302);
    const record = await s.people.find(kid.id);
    expect([record?.allocatedTeamId, record?.allocatedWorkerId]).toEqual([receiving.teamId, receiving.worker.actor.userId]);
    const [meeting] = await s.people.ofTypes(kid.id, ['case.transfer_meeting_held']);
    const [allocation] = (await s.people.ofTypes(kid.id, ['child.allocated'])).slice(-1);
    expect(meeting?.data).toMatchObject({ from: { teamId: sending.teamId, workerId: sending.worker.actor.userId }, to: { teamId: receiving.teamId, workerId: receiving.worker.actor.userId } });
    expect(allocation?.data.transferId).toBe(meeting?.data.transferId);

    // After Easter, Tuesday 7 April: the sending manager may not chair the review, nor a worker of the receiving team.
    t.clock.set('2026-04-07T15:00:00+01:00');
    const review = { ...dateBoxes('reviewOn', '2026-04-07'), reviewTime: '11:00', attended: 'Mother, school nurse, both social workers', reviewSummary: 'Plan reviewed; the new worker visits weekly.' };
    await expect(s.transfers.review(sending.manager, kid.id, review)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(s.transfers.review(receiving.worker, kid.id, review)).rejects.toThrow(/chaired by a manager of Team \w+, the team receiving the case/);
    // Five days on, both sign in again (sessions end when idle).
    await sendingClient.signIn(sending.manager.actor.username, sending.manager.password);
    await receivingClient.signIn(receiving.manager.actor.username, receiving.manager.password);
    const page = mainText((await sendingClient.get(`/people/${kid.id}/transfer`)).body);
    expect(page).toContain('Review not held');
    expect(page).toContain('The transfer review is chaired by a manager of');
    expect((await sendingClient.post(`/people/${kid.id}/transfer/review`, review)).statusCode).toBe(403);
    const auditor = await makeUser(s, { roles: ['auditor'] });
    const log = await s.audit.search(auditor, { personId: kid.id, username: sending.manager.actor.username, from: null, to: null, page: 1 });
    expect(log.rows.filter((r) => r.action === 'child.transfer_reviewed' && r.outcome === 'denied').length).toBeGreaterThanOrEqual(2);

    // The receiving manager: not before the meeting, then recorded; on a child in need plan it is the plan's review too.
    expect((await problems(s.transfers.review(receiving.manager, kid.id, { ...review, ...dateBoxes('reviewOn', '2026-04-01') })))[0]).toMatch(/^reviewOn: The transfer review cannot be before the transfer meeting, held 2 April 2026/);
    expect(await problemsByField(s.transfers.review(receiving.manager, kid.id, { ...review, attended: ' ' }))).toEqual({ attended: 'Enter who attended the transfer review' });
    await receivingClient.get(`/people/${kid.id}/transfer`);
    expect((await receivingClient.post(`/people/${kid.id}/transfer/review`, review)).statusCode).toBe(302);
    const [held] = await s.people.ofTypes(kid.id, ['case.transfer_review_held']);
    expect(held?.data).toMatchObject({ chairId: receiving.manager.actor.userId, transferId: meeting?.data.transferId });
    const [cinReview] = await s.people.ofTypes(kid.id, ['cin.review_held']);
    expect(cinReview?.data).toMatchObject({ chairWasManager: true, chair: receiving.manager.actor.displayName });
    const history = mainText((await receivingClient.get(`/people/${kid.id}/transfer`)).body);
    expect(history).toMatch(/Transfer history .*2 April 2026 at 2:00pm.*From Team \w+ \(Test user\.\w+\) to Team \w+ \(Test user\.\w+\) 7 April 2026 at 11:00am, chaired by Test user\.\w+/);
    expect(await problems(s.transfers.review(receiving.manager, kid.id, review))).toEqual(['reviewSummary: There is no transfer waiting for its review']);
  });

  it('checks the receiving worker’s limit in the transfer too', async () => {
    const s = t.services;
    const sending = await team();
    const receiving = await team();
    await s.workforce.recordProfile(receiving.manager, receiving.worker.actor.userId, { practitioner: 'qualified_social_worker', fte: '1', caseloadMaximum: '1' });
    const held = await child(receiving.manager);
    await s.people.allocate(receiving.manager, held.id, { teamId: receiving.teamId, workerId: receiving.worker.actor.userId });
    const kid = await child(sending.manager);
    await s.people.allocate(sending.manager, kid.id, { teamId: sending.teamId, workerId: sending.worker.actor.userId });
    const input = { receiving: `${receiving.teamId}|${receiving.worker.actor.userId}`, ...dateBoxes('meetingOn', '2026-04-02'), meetingTime: '15:00', attended: 'Both managers', meetingSummary: 'Handover agreed' };
    expect((await problems(s.transfers.transfer(sending.manager, kid.id, input)))[0]).toMatch(/^overLimitReason: .* weighted caseload is 1 against a caseload limit of 1: this case \(weighted 1\) would take it to 2/);
    expect((await s.people.find(kid.id))?.allocatedTeamId).toBe(sending.teamId);
    await s.transfers.transfer(sending.manager, kid.id, { ...input, overLimitReason: 'Agreed at the transfer meeting: a case closes next week.' });
    const [allocation] = (await s.people.ofTypes(kid.id, ['child.allocated'])).slice(-1);
    expect(allocation?.data).toMatchObject({ teamId: receiving.teamId, overLimitReason: 'Agreed at the transfer meeting: a case closes next week.' });
  });

  it('shows team capacity to managers, with the ratio and the front door, and refuses social workers (audited)', async () => {
    const s = t.services;
    const duty = await team('assessment');
    const extra = [];
    for (let i = 0; i < 7; i++) extra.push(await makeUser(s, { roles: ['social-worker'], teamIds: [duty.teamId] }));
    const kid = await child(duty.manager);
    await s.people.allocate(duty.manager, kid.id, { teamId: duty.teamId, workerId: duty.worker.actor.userId });
    await s.cinPlan.start(duty.worker, kid.id, { from: 'assessment' }, at('2026-04-02', '09:00'));

    const client = await signedIn(duty.manager);
    const page = await client.get('/workforce');
    expect(page.statusCode).toBe(200);
    const text = mainText(page.body);
    // Eight practitioners to one manager: above 7 to 1 (5.3).
    expect(text).toMatch(/8 practitioners to 1 manager: 8 to 1\. Above 7 to 1/);
    expect(text).toContain("The front door's capacity");
    expect(text).toMatch(/Children in need cases held by the duty teams \d+/);
    expect(text).toMatch(/Qualified social workers with room for a new referral \d+: /);
    expect(text).toContain(`Test ${duty.worker.actor.username} Qualified social worker No profile recorded 1 1 1 20 to 25 24 Under minimum`);

    // A social worker has no workforce:read: refused and audited.
    const worker = await signedIn(duty.worker);
    expect((await worker.get('/workforce')).statusCode).toBe(403);
    expect((await worker.get(`/workforce/staff/${duty.worker.actor.userId}`)).statusCode).toBe(403);
    // A manager of another team may not see this worker's caseload.
    const other = await team();
    const otherClient = await signedIn(other.manager);
    expect((await otherClient.get(`/workforce/staff/${duty.worker.actor.userId}`)).statusCode).toBe(403);
    const auditor = await makeUser(s, { roles: ['auditor'] });
    const denied = async (username: string) => (await s.audit.search(auditor, { personId: null, username, from: null, to: null, page: 1 })).rows.filter((r) => r.outcome === 'denied').map((r) => r.action);
    expect(await denied(duty.worker.actor.username)).toEqual(expect.arrayContaining(['workforce.capacity_viewed', 'workforce.staff_viewed']));
    expect(await denied(other.manager.actor.username)).toContain('workforce.staff_viewed');
    // The head of service sees every team.
    const head = await makeUser(s, { roles: ['head-of-service'] });
    expect((await s.workforce.capacity(head)).teams.some((v) => v.team.id === duty.teamId)).toBe(true);
    expect((await s.workforce.capacity(other.manager)).teams.map((v) => v.team.id)).toEqual([other.teamId]);
  });

  it('records profiles as new versions with a reason, and says what is wrong with bad input', async () => {
    const s = t.services;
    const { manager, worker, teamId } = await team();
    const client = await signedIn(manager);
    await client.get(`/workforce/staff/${worker.actor.userId}`);
    const bad = await client.post(`/workforce/staff/${worker.actor.userId}/profile`, { fte: 'two', caseloadMinimum: '22', caseloadMaximum: '18' });
    expect(bad.statusCode).toBe(400);
    const text = mainText(bad.body);
    expect(text).toContain('Select what kind of practitioner they are');
    expect(text).toContain('Full-time equivalent must be a number, like 0.8');
    expect(text).toContain('The maximum caseload must be at least the minimum');

    expect(await problemsByField(s.workforce.recordProfile(manager, worker.actor.userId, { practitioner: 'newly_qualified_social_worker', fte: '1.5' }))).toEqual({
      fte: 'Full-time equivalent must be between 0.1 and 1',
      'asyeEndsOn-day': 'Enter the date their assessed and supported year ends: a newly qualified social worker has a protected caseload until then (5.2)',
    });
    expect(await problemsByField(s.workforce.recordProfile(manager, worker.actor.userId, { practitioner: 'qualified_social_worker', fte: '1', ...dateBoxes('asyeEndsOn', '2026-09-01'), 'effectiveOn-day': '31', 'effectiveOn-month': '2', 'effectiveOn-year': '2026' }))).toEqual({
      'effectiveOn-day': 'The date the profile takes effect must be a real date',
      'asyeEndsOn-day': 'Only a newly qualified social worker has an assessed and supported year: leave the date empty, or choose newly qualified social worker',
    });

    const saved = await client.post(`/workforce/staff/${worker.actor.userId}/profile`, { practitioner: 'newly_qualified_social_worker', fte: '1', ...dateBoxes('inductionEndsOn', '2026-05-29'), ...dateBoxes('asyeEndsOn', '2027-03-26'), lineManagerId: manager.actor.userId });
    expect(saved.statusCode).toBe(302);
    // Replacing it needs a reason; the same again changes nothing.
    expect(await problemsByField(s.workforce.recordProfile(manager, worker.actor.userId, { practitioner: 'newly_qualified_social_worker', fte: '0.8', asyeEndsOn: '2027-03-26' }))).toEqual({ reason: 'Enter why this replaces the profile recorded from 2 April 2026' });
    expect(await problems(s.workforce.recordProfile(manager, worker.actor.userId, { practitioner: 'newly_qualified_social_worker', fte: '1', inductionEndsOn: '2026-05-29', asyeEndsOn: '2027-03-26', lineManagerId: manager.actor.userId, reason: 'again' }))).toEqual(['practitioner: Nothing has changed from the profile in force on 2 April 2026']);
    // Four days a week from Tuesday 5 May (after the early May bank holiday), agreed now.
    await s.workforce.recordProfile(manager, worker.actor.userId, { practitioner: 'newly_qualified_social_worker', fte: '0.8', inductionEndsOn: '2026-05-29', asyeEndsOn: '2027-03-26', lineManagerId: manager.actor.userId, effectiveOn: '2026-05-05', reason: 'Flexible working agreed: four days a week' });
    const view = await s.workforce.staffMember(manager, worker.actor.userId);
    expect(view.row.fte).toBe(1);
    expect(view.supervision).toBe('weekly');
    expect(view.history.map((p) => [p.fte, p.reason])).toEqual([[0.8, 'Flexible working agreed: four days a week'], [1, null]]);
    const page = mainText((await client.get(`/workforce/staff/${worker.actor.userId}`)).body);
    expect(page).toContain('5 May 2026 Newly qualified social worker (assessed and supported year), 0.8 FTE. Induction to 29 May 2026. Assessed and supported year to 26 March 2027.');

    // A worker's own profile is their line manager's to record; a manager of another team is refused; both audited.
    await expect(s.workforce.recordProfile(manager, manager.actor.userId, { practitioner: 'manager', fte: '1' })).rejects.toThrow('Your own workforce profile is recorded by your line manager');
    const other = await team();
    await expect(s.workforce.recordProfile(other.manager, worker.actor.userId, { practitioner: 'qualified_social_worker', fte: '1', reason: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    // Complexity: a choice and a reason, by a manager of the team that holds the case.
    const kid = await child(manager);
    await s.people.allocate(manager, kid.id, { teamId, workerId: worker.actor.userId });
    expect(await problemsByField(s.workforce.assessComplexity(manager, kid.id, { weight: 'enormous', reason: '' }))).toEqual({ weight: 'Select how complex the case is', reason: 'Enter why the case has this weight, like "three children, two schools and proceedings"' });
    await expect(s.workforce.assessComplexity(worker, kid.id, { weight: 'high', reason: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(s.workforce.assessComplexity(other.manager, kid.id, { weight: 'high', reason: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    await client.get(`/people/${kid.id}/complexity`);
    expect((await client.post(`/people/${kid.id}/complexity`, { weight: 'complex', reason: 'Parental mental health and a sibling in care' })).statusCode).toBe(302);
    expect(mainText((await client.get(`/workforce/staff/${worker.actor.userId}`)).body)).toContain('Complex (counts as 1.5 cases) Parental mental health and a sibling in care');
  });
  it('counts only open cases in the team totals and the front door, as in each worker’s caseload; a newly qualified worker past the assessed year is a qualified one on duty', async () => {
    const s = t.services;
    const duty = await team('assessment');
    // A newly qualified worker whose assessed and supported year ended on Good Friday, and one still in it.
    const pastYear = await makeUser(s, { roles: ['social-worker'], teamIds: [duty.teamId] });
    const inYear = await makeUser(s, { roles: ['social-worker'], teamIds: [duty.teamId] });
    await s.workforce.recordProfile(duty.manager, pastYear.actor.userId, { practitioner: 'newly_qualified_social_worker', fte: '1', ...dateBoxes('inductionEndsOn', '2026-01-09'), ...dateBoxes('asyeEndsOn', '2026-04-03') });
    await s.workforce.recordProfile(duty.manager, inYear.actor.userId, { practitioner: 'newly_qualified_social_worker', fte: '1', ...dateBoxes('inductionEndsOn', '2026-05-29'), ...dateBoxes('asyeEndsOn', '2027-03-26') });
    const [open, closed, teamOnly, teamOnlyClosed] = [await child(duty.manager), await child(duty.manager), await child(duty.manager), await child(duty.manager)];
    for (const c of [open, closed]) await s.people.allocate(duty.manager, c.id, { teamId: duty.teamId, workerId: duty.worker.actor.userId });
    for (const c of [teamOnly, teamOnlyClosed]) await s.people.allocate(duty.manager, c.id, { teamId: duty.teamId, workerId: null });
    // Two cases closed on Good Friday, still allocated on the record.
    for (const c of [closed, teamOnlyClosed]) await importEvent(s, c.id, 'closure.completed', '2026-04-03T10:00:00+01:00', { closureReason: 'no_longer_in_need' });
    expect((await s.people.find(closed.id))?.allocatedWorkerId).toBe(duty.worker.actor.userId);

    // Tuesday 7 April, after Easter Monday.
    t.clock.set('2026-04-07T09:00:00+01:00');
    const { teams, frontDoor } = await s.workforce.capacity(duty.manager);
    const view = teams.find((v) => v.team.id === duty.teamId)!;
    expect(view.workers.find((w) => w.id === duty.worker.actor.userId)).toMatchObject({ cases: 1, weighted: 1 });
    // The team: the worker's open case and the open one without a named worker; the closed ones in neither.
    expect([view.cases, view.noNamedWorker]).toEqual([2, 1]);
    expect(frontDoor).toMatchObject({ casesHeld: 2, noNamedWorker: 1 });
    // On duty (7.1.3): the qualified worker and the newly qualified one past the year; not the one in it (a protected caseload).
    expect(frontDoor!.qualifiedNames).toEqual(expect.arrayContaining([duty.worker.actor.displayName, pastYear.actor.displayName]));
    expect(frontDoor!.qualifiedNames).not.toContain(inYear.actor.displayName);
    expect(frontDoor!.qualifiedAvailable).toBe(2);
  });

  it('shows a restricted case on a worker’s page by its weight only, without the reasons written about the child', async () => {
    const s = t.services;
    const first = await team();
    const second = await team();
    // The worker is in both teams: the first team's manager oversees them, the second team holds the restricted case.
    const worker = await makeUser(s, { roles: ['social-worker'], teamIds: [first.teamId, second.teamId] });
    await s.workforce.recordProfile(second.manager, worker.actor.userId, { practitioner: 'qualified_social_worker', fte: '1', caseloadMaximum: '1' });
    const [held, secret] = [await child(second.manager), await child(second.manager)];
    await s.people.allocate(second.manager, held.id, { teamId: second.teamId, workerId: worker.actor.userId });
    await s.workforce.assessComplexity(second.manager, secret.id, { weight: 'high', reason: 'Mother is a member of staff in the council' });
    await s.people.allocate(second.manager, secret.id, { teamId: second.teamId, workerId: worker.actor.userId, overLimitReason: 'Only worker not known to the family through work' });
    await s.people.restrict(second.manager, secret.id, 'Child of a member of staff');

    const hidden = (await s.workforce.staffMember(first.manager, worker.actor.userId)).cases.find((c) => c.personId === secret.id);
    expect(hidden).toMatchObject({ name: null, weight: 2, complexity: { level: 'high', reason: null }, overLimit: { reason: null } });
    const seen = (await s.workforce.staffMember(second.manager, worker.actor.userId)).cases.find((c) => c.personId === secret.id);
    expect(seen).toMatchObject({ weight: 2, complexity: { reason: 'Mother is a member of staff in the council' }, overLimit: { reason: 'Only worker not known to the family through work' } });

    const page = mainText((await (await signedIn(first.manager)).get(`/workforce/staff/${worker.actor.userId}`)).body);
    expect(page).toContain('Restricted record');
    expect(page).toContain('High complexity (counts as 2 cases)');
    expect(page).toContain('Allocated beyond the limit');
    expect(page).not.toContain('Mother is a member of staff');
    expect(page).not.toContain('Only worker not known to the family');
    expect(mainText((await (await signedIn(second.manager)).get(`/workforce/staff/${worker.actor.userId}`)).body)).toContain('Mother is a member of staff in the council');
  });

  it('counts a youth justice officer’s open Youth Offending Service cases as their caseload, by the latest allocation, until the case closes', async () => {
    const s = t.services;
    const social = await team();
    const yos = await makeTeam(s, `Youth Offending ${uniqueName()}`, 'youth-offending');
    const yosManager = await makeUser(s, { roles: ['team-manager', 'youth-justice-officer'], teamIds: [yos] });
    const officer = await makeUser(s, { roles: ['youth-justice-officer'], teamIds: [yos] });
    // The child stays allocated to the social care team; the YOS case manager holds the youth justice case.
    const kid = await registerChild(s, social.manager, { dateOfBirth: '2011-06-01' });
    await s.people.allocate(social.manager, kid.id, { teamId: social.teamId, workerId: social.worker.actor.userId });
    await s.youthJustice.referral(officer, kid.id, { source: 'police', route: 'out_of_court', offence: 'Criminal damage', previousDisposal: 'no', ...yosWhen('referral', '2026-04-02', '09:00') });
    const caseloadOf = async (userId: string) => (await s.workforce.capacity(yosManager)).teams.find((v) => v.team.id === yos)!.workers.find((w) => w.id === userId)!;
    // Referred, not yet allocated: nobody's case.
    expect((await caseloadOf(officer.actor.userId)).cases).toBe(0);
    await s.youthJustice.allocate(yosManager, kid.id, { caseManagerId: officer.actor.userId, ...yosWhen('allocation', '2026-04-02', '10:00') });
    expect(await caseloadOf(officer.actor.userId)).toMatchObject({ cases: 1, weighted: 1 });
    expect(await caseloadOf(yosManager.actor.userId)).toMatchObject({ cases: 0 });
    // The service's total agrees with its workers' figures.
    expect((await s.workforce.capacity(yosManager)).teams.find((v) => v.team.id === yos)).toMatchObject({ cases: 1, noNamedWorker: 0 });
    const page = await s.workforce.staffMember(yosManager, officer.actor.userId);
    expect(page.cases).toEqual([expect.objectContaining({ personId: kid.id, team: expect.stringMatching(/^Youth Offending .* \(case manager\)$/) })]);
    // The social worker's caseload is unchanged: the record's allocation is theirs.
    expect((await s.workforce.staffMember(social.manager, social.worker.actor.userId)).row.cases).toBe(1);

    // Allocated again on Tuesday 7 April, after Easter: the new case manager's, no longer the first's.
    t.clock.set('2026-04-07T11:00:00+01:00');
    await s.youthJustice.allocate(yosManager, kid.id, { caseManagerId: yosManager.actor.userId, ...yosWhen('allocation', '2026-04-07', '10:00') });
    expect((await caseloadOf(officer.actor.userId)).cases).toBe(0);
    expect((await caseloadOf(yosManager.actor.userId)).cases).toBe(1);
    // Closed to the service: held by no one.
    await s.youthJustice.end(yosManager, kid.id, { reason: 'completed', ...yosWhen('ended', '2026-04-07', '10:30') });
    await s.youthJustice.close(yosManager, kid.id, yosWhen('closed', '2026-04-07', '10:45'));
    expect((await caseloadOf(yosManager.actor.userId)).cases).toBe(0);
    expect((await s.workforce.capacity(yosManager)).teams.find((v) => v.team.id === yos)?.cases).toBe(0);
  });
});
