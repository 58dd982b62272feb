import type { FastifyInstance } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/platform/audit/auditTables';
import type { Database } from '../../src/platform/db/database';
import { ForbiddenError } from '../../src/platform/errors';
import { staffEventStore } from '../../src/platform/events/staffEventStore';
import { makeTeam, makeUser, registerChild, world, type TestWorld } from '../factories';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { engines, testDatabase } from '../support/testDatabase';

const dateBoxes = (name: string, date: string) => {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! };
};
const held = (date: string, time: string) => ({ ...dateBoxes('occurredOn', date), occurredTime: time });
const contractForm = (supervisorId: string, frequency: string, agreedOn: string, extra: Record<string, string> = {}) => ({
  supervisorId,
  frequency,
  covers: 'Case discussion, reflection and learning, wellbeing and workload, the assessed and supported year.',
  ...dateBoxes('agreedOn', agreedOn),
  ...extra,
});

/**
 * Supervision of staff (issue 12; specialist-service-statement.txt 5.4): a contract at the
 * frequency the profile asks for or more, a session with a case discussed (written on the child's
 * record as case supervision), signed by both, then changed only by an amendment with a reason;
 * what is due and overdue; a line manager's observation and audit; and who may see any of it.
 */
describe.each(engines())('supervision of staff on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;
  let database: Database;

  beforeAll(async () => {
    database = await testDatabase(engine);
    t = world(database.db, '2026-03-20T09:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  async function cast() {
    t.clock.set('2026-03-20T09:00:00Z');
    const [teamA, teamB] = [await makeTeam(t.services), await makeTeam(t.services)];
    const worker = await makeUser(t.services, { roles: ['social-worker'], teamIds: [teamA, teamB] });
    const supervisor = await makeUser(t.services, { roles: ['assistant-team-manager'], teamIds: [teamA] });
    const lineManager = await makeUser(t.services, { roles: ['service-manager'], teamIds: [teamA] });
    const colleague = await makeUser(t.services, { roles: ['social-worker'], teamIds: [teamA] });
    const otherManager = await makeUser(t.services, { roles: ['team-manager'], teamIds: [teamB] });
    const auditor = await makeUser(t.services, { roles: ['auditor'] });
    const child = await registerChild(t.services, worker);
    await t.services.people.allocate(supervisor, child.id, { teamId: teamA, workerId: worker.actor.userId });
    const otherChild = await registerChild(t.services, worker);
    await t.services.people.allocate(otherManager, otherChild.id, { teamId: teamB, workerId: worker.actor.userId });
    // Newly qualified: induction to Friday 27 March 2026, then the assessed and supported year.
    await staffEventStore.append(t.db, [{
      userId: worker.actor.userId,
      type: 'workforce.profile_recorded',
      occurredAt: new Date('2026-01-05T09:00:00Z'),
      data: { practitioner: 'newly_qualified_social_worker', fte: 1, caseloadMinimum: null, caseloadMaximum: null, inductionEndsOn: '2026-03-27', asyeEndsOn: '2027-01-04', lineManagerId: null },
    }], null, t.clock.now());
    return { worker, supervisor, lineManager, colleague, otherManager, auditor, child, otherChild };
  }

  const denials = async (username: string, action: string) =>
    (await t.db.select().from(auditLog).where(and(eq(auditLog.username, username), eq(auditLog.action, action), eq(auditLog.outcome, 'denied')))).length;

  it('records a contract and a session signed by both; a change is refused, an amendment with its reason accepted; the case discussion is on the child’s record', async () => {
    const { worker, supervisor, child } = await cast();
    const w = worker.actor.userId;
    const me = supervisor.actor.userId;

    // Monday 23 March: still in induction, so weekly supervision, and no less.
    t.clock.set('2026-03-23T11:00:00Z');
    expect(await problems(t.services.supervision.agreeContract(supervisor, w, contractForm(me, 'fortnightly', '2026-03-23')))).toEqual([
      `frequency: Test ${worker.actor.username} is in their induction period on 23 March 2026: supervision is weekly (5.4). A contract may agree more frequent supervision, never less than weekly`,
    ]);
    expect(await problems(t.services.supervision.agreeContract(supervisor, w, { ...dateBoxes('agreedOn', '2026-03-24') }))).toEqual([
      'supervisorId: Select the supervisor',
      'frequency: Select how often supervision will be held',
      'covers: Enter what supervision will cover, like "case discussion, reflection and learning, wellbeing and workload, development"',
      'agreedOn-day: Date the contract was agreed must be today or in the past',
    ]);
    const contractId = await t.services.supervision.agreeContract(supervisor, w, contractForm(me, 'weekly', '2026-03-23'));
    await t.services.supervision.sign(worker, w, { kind: 'contract', id: contractId });
    await t.services.supervision.sign(supervisor, w, { kind: 'contract', id: contractId });
    expect(await problems(t.services.supervision.sign(worker, w, { kind: 'contract', id: contractId }))).toEqual(['sign: You have already signed this supervision contract']);
    // The first session is due from the contract: a week later, Monday 30 March.
    expect((await t.services.supervision.staffRecord(worker, w)).next).toMatchObject({ dueOn: '2026-03-30', state: 'due', lastHeldOn: null });

    // The supervisor records the session through the pages, with the child discussed.
    t.clock.set('2026-03-30T15:00:00Z');
    const browser = new Client(app);
    await browser.signIn(supervisor.actor.username, supervisor.password);
    const form = await browser.get(`/supervision/staff/${w}/sessions/new`);
    expect(form.statusCode).toBe(200);
    expect(mainText(form.body)).toContain(`${child.details.givenNames} ${child.details.familyName}`);
    const refused = await browser.post(`/supervision/staff/${w}/sessions`, { ...held('2026-03-30', '10:00'), caseIds: child.id, [`discussion-${child.id}`]: 'Mum’s drinking has increased since Christmas.', reflections: '', wellbeing: 'Coping; asked for help with the court statement.' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Enter the reflection and learning from the session: every session includes it (5.4)');
    expect(mainText(refused.body)).toContain('Enter the actions agreed for the child, with who does them');
    const saved = await browser.post(`/supervision/staff/${w}/sessions`, {
      ...held('2026-03-30', '10:00'),
      caseIds: child.id,
      [`discussion-${child.id}`]: 'Mum’s drinking has increased since Christmas; the school reports the children late most days.',
      [`actions-${child.id}`]: 'Worker to visit with the substance misuse worker and update the safety plan.',
      ...dateBoxes(`actionsBy-${child.id}`, '2026-04-10'),
      reflections: 'Reflected on how anxious the visit made her, and on starting from what the children say.',
      wellbeing: 'Coping; asked for help with her first court statement.',
      action1: 'Book a place on the court skills course',
      owner1: 'supervisee',
      ...dateBoxes('dueOn1', '2026-04-30'),
    });
    expect(saved.statusCode).toBe(302);
    const sessionId = String(saved.headers.location).split('/').at(-1) as string;
    const page = await browser.get(`/supervision/sessions/${sessionId}`);
    expect(mainText(page.body)).toContain('Worker to visit with the substance misuse worker and update the safety plan. (by 10 April 2026)');
    expect(mainText(page.body)).toContain('Not signed yet');

    // On the child's case record: case supervision, waiting for the worker's signature; recorded in time.
    const caseRecord = await t.services.caseRecord.view(worker, child.id);
    const entry = caseRecord.supervision.find((s) => s.event.data.sessionId === sessionId);
    expect(entry?.event.data).toMatchObject({ workerId: w, supervisorId: me, actionsBy: '2026-04-10' });
    expect(entry?.signedBy).toBeNull();
    const recording = (await t.services.standards.forPerson(child.id, worker.actor)).find((o) => o.obligation.ruleId === 'recording.supervision');
    expect(recording?.state).toBe('met');

    // Both sign, each as themselves, once; the worker's signature signs the child's entry too.
    await t.services.supervision.sign(supervisor, w, { kind: 'session', id: sessionId });
    expect(await problems(t.services.supervision.sign(supervisor, w, { kind: 'session', id: sessionId }))).toEqual(['sign: You have already signed this supervision record']);
    const signedPage = await browser.post(`/supervision/sessions/${sessionId}/sign`, {});
    expect(signedPage.statusCode).toBe(400);
    const workerBrowser = new Client(app);
    await workerBrowser.signIn(worker.actor.username, worker.password);
    expect((await workerBrowser.get(`/supervision/sessions/${sessionId}`)).statusCode).toBe(200);
    expect((await workerBrowser.post(`/supervision/sessions/${sessionId}/sign`, {})).statusCode).toBe(302);
    expect((await t.services.caseRecord.view(worker, child.id)).supervision.find((s) => s.event.data.sessionId === sessionId)?.signedBy).not.toBeNull();
    expect((await t.services.supervision.session(worker, sessionId)).session.signedByBoth).toBe(true);

    // A signed record is not changed: the database refuses, and a change without its reason is refused.
    await expect(t.db.execute(sql`update staff_events set data = '{}'::jsonb where id = ${sessionId}`)).rejects.toThrow();
    expect(await problems(t.services.supervision.amend(worker, sessionId, { part: 'wellbeing', text: 'Coping; a day of leave agreed.', reason: '' }))).toEqual([
      'reason: Enter why the record is amended: a supervision record is changed only by an amendment with its reason',
    ]);
    expect(await problems(t.services.supervision.amend(worker, sessionId, { part: 'wellbeing', text: 'Coping; asked for help with her first court statement.', reason: 'No change' }))).toEqual([
      'text: The wellbeing and workload already says that: enter the changed text',
    ]);
    await t.services.supervision.amend(worker, sessionId, { part: 'wellbeing', text: 'Coping; asked for help with her first court statement. A day of leave agreed for 3 April.', reason: 'The leave we agreed was left out.' });
    let view = await t.services.supervision.session(supervisor, sessionId);
    expect(view.session.signedByBoth).toBe(false);
    expect(view.session.wellbeing).toBe('Coping; asked for help with her first court statement.');
    expect(view.session.current.wellbeing).toContain('A day of leave agreed for 3 April.');
    expect(view.amendments[0]).toMatchObject({ reason: 'The leave we agreed was left out.', signAs: 'supervisor' });
    await t.services.supervision.sign(supervisor, w, { kind: 'amendment', id: view.amendments[0]!.id });
    await t.services.supervision.sign(worker, w, { kind: 'amendment', id: view.amendments[0]!.id });
    view = await t.services.supervision.session(supervisor, sessionId);
    expect(view.session.signedByBoth).toBe(true);

    // After induction, a new contract (with its reason) at fortnightly; an amendment is signed only after the session it amends.
    t.clock.set('2026-03-31T09:00:00Z');
    expect(await problems(t.services.supervision.agreeContract(supervisor, w, contractForm(me, 'fortnightly', '2026-03-31')))).toEqual([
      'reason: Enter why this contract replaces the one agreed on 23 March 2026 with Test ' + supervisor.actor.username,
    ]);
    await t.services.supervision.agreeContract(supervisor, w, contractForm(me, 'fortnightly', '2026-03-31', { reason: 'Induction completed on 27 March: the assessed and supported year.' }));
    const nextDay = new Client(app);
    await nextDay.signIn(worker.actor.username, worker.password);
    const staffPage = mainText((await nextDay.get(`/supervision/staff/${w}`)).body);
    expect(staffPage).toContain(`Supervisor Test ${supervisor.actor.username} Frequency agreed Fortnightly`);
    expect(staffPage).toContain(`What the profile asks for today Test ${worker.actor.username} is in their assessed and supported year in employment on`);
    expect(staffPage).toContain('Why it replaced the last contract Induction completed on 27 March: the assessed and supported year.');
    expect(staffPage).toContain('Sign the contract as supervisee');
    t.clock.set('2026-04-02T15:00:00Z');
    const second = await t.services.supervision.recordSession(supervisor, w, { ...held('2026-04-02', '14:00'), reflections: 'Reflected on the strategy discussion.', wellbeing: 'Busy week.' });
    await t.services.supervision.amend(supervisor, second, { part: 'other', text: 'The strategy discussion was for the Brown children, not the Green children.', reason: 'Wrong family named' });
    const amendmentId = (await t.services.supervision.session(worker, second)).amendments[0]!.id;
    expect(await problems(t.services.supervision.sign(worker, w, { kind: 'amendment', id: amendmentId }))).toEqual(['sign: Sign the session record first, then its amendment']);

    // What is due: fortnightly from the last session, Thursday 16 April; overdue from Friday 17 April.
    t.clock.set('2026-04-16T12:00:00Z');
    expect((await t.services.supervision.home(worker)).my.next).toMatchObject({ dueOn: '2026-04-16', state: 'due', frequency: 'fortnightly', lastHeldOn: '2026-04-02' });
    t.clock.set('2026-04-17T12:00:00Z');
    const home = await t.services.supervision.home(supervisor);
    const row = home.supervising.find((s) => s.member.id === w);
    expect(row?.next).toMatchObject({ dueOn: '2026-04-16', state: 'overdue', daysOverdue: 1 });
    // The new contract, the second session and its amendment wait for both signatures.
    expect(home.waitingForMe.filter((x) => x.staffId === w).map((x) => x.kind)).toEqual(['contract', 'session', 'amendment']);
    expect((await t.services.supervision.home(worker)).waitingForMe.map((x) => x.kind)).toEqual(['contract', 'session', 'amendment']);
  });

  it('a line manager observes a session and audits the records; the supervisor does neither', async () => {
    const { worker, supervisor, lineManager } = await cast();
    const w = worker.actor.userId;
    t.clock.set('2026-03-23T11:00:00Z');
    await t.services.supervision.agreeContract(supervisor, w, contractForm(supervisor.actor.userId, 'weekly', '2026-03-23'));
    t.clock.set('2026-03-30T15:00:00Z');
    const first = await t.services.supervision.recordSession(supervisor, w, { ...held('2026-03-30', '10:00'), reflections: 'Reflected on a difficult home visit.', wellbeing: 'Well.' });
    t.clock.set('2026-04-07T15:00:00Z');
    // Held on Tuesday 7 April, a day after its due date (Easter Monday, 6 April: a bank holiday does not move it).
    await t.services.supervision.recordSession(supervisor, w, { ...held('2026-04-07', '10:00'), reflections: 'Reflected on using scaling questions.', wellbeing: 'Well.' });

    await expect(t.services.supervision.observe(supervisor, w, first, { feedback: 'Good.' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.supervision.observe(lineManager, w, first, { feedback: '' }))).toEqual(['feedback: Enter the feedback given to the supervisor after observing the session']);
    await t.services.supervision.observe(lineManager, w, first, { feedback: 'A warm, reflective session; direction on the case was clear.', learning: 'Set actions with dates in the session itself.' });

    t.clock.set('2026-04-22T09:00:00Z');
    expect(await problems(t.services.supervision.auditRecords(lineManager, w, { ...dateBoxes('periodFrom', '2026-04-22'), ...dateBoxes('periodTo', '2026-03-23') }))).toEqual([
      'quality: Select the quality of the supervision records',
      'comments: Enter your comments on the quality of the records: reflection, case direction, actions and timescales, wellbeing',
      'periodTo-day: End of the period audited must be on or after its start',
    ]);
    await t.services.supervision.auditRecords(lineManager, w, { ...dateBoxes('periodFrom', '2026-03-23'), ...dateBoxes('periodTo', '2026-04-21'), quality: 'requires_improvement', comments: 'Reflective, but the sessions slipped over Easter.' });
    const record = await t.services.supervision.staffRecord(lineManager, w);
    // Owed: due 30 March (held on time), due 6 April (held 7 April, late), and due 14 April from the
    // second session (weekly as agreed, though the profile now asks only fortnightly), not held, nor
    // the one due a week after it, Tuesday 21 April (past due when audited on the 22nd).
    expect(record.audits[0]).toMatchObject({ held: 2, due: 4, onTime: 1, late: 1, missed: 2, onTimePercent: 25, quality: 'requires_improvement' });
    expect(record.observations[0]).toMatchObject({ observerName: lineManager.actor.displayName, feedback: 'A warm, reflective session; direction on the case was clear.' });
    // The line manager's list shows them, and their record with the audit form; the supervisor (an assistant team manager) audits nothing.
    expect((await t.services.supervision.home(lineManager)).lineManaged.some((s) => s.member.id === w)).toBe(true);
    const browser = new Client(app);
    await browser.signIn(lineManager.actor.username, lineManager.password);
    expect(mainText((await browser.get('/supervision')).body)).toContain(`${worker.actor.displayName} Test ${supervisor.actor.username}`);
    const staffPage = await browser.get(`/supervision/staff/${w}`);
    expect(staffPage.statusCode).toBe(200);
    expect(mainText(staffPage.body)).toContain('Sessions held: 2. Owed: 4; on time 1, late 1, not held 2 (25% on time)');
    const badAudit = await browser.post(`/supervision/staff/${w}/audits`, { ...dateBoxes('periodFrom', '2026-03-23'), ...dateBoxes('periodTo', '2026-04-21'), quality: 'good' });
    expect(badAudit.statusCode).toBe(400);
    expect(mainText(badAudit.body)).toContain('Enter your comments on the quality of the records');
    expect((await browser.get(`/supervision/staff/${w}/contract`)).statusCode).toBe(200);
    expect((await browser.get(`/supervision/sessions/${first}`)).statusCode).toBe(200);
    await expect(t.services.supervision.auditRecords(supervisor, w, { ...dateBoxes('periodFrom', '2026-03-23'), ...dateBoxes('periodTo', '2026-04-21'), quality: 'good', comments: 'Fine.' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('a team manager who is both supervisor and line manager neither observes nor audits while supervising, sessions held in the period or not', async () => {
    const { worker, supervisor, lineManager } = await cast();
    const w = worker.actor.userId;
    const teamManager = await makeUser(t.services, { roles: ['team-manager'], teamIds: [worker.actor.teamIds[0]!] });
    const tm = teamManager.actor.userId;
    t.clock.set('2026-03-23T11:00:00Z');
    await t.services.supervision.agreeContract(teamManager, w, contractForm(tm, 'weekly', '2026-03-23'));
    t.clock.set('2026-03-30T15:00:00Z');
    const first = await t.services.supervision.recordSession(teamManager, w, { ...held('2026-03-30', '10:00'), reflections: 'Reflected on a difficult home visit.', wellbeing: 'Well.' });

    // A line manager of the worker (a team manager in their team), yet the supervisor: observes nothing they held.
    t.clock.set('2026-04-22T09:00:00Z');
    expect((await t.services.supervision.home(teamManager)).lineManaged.some((s) => s.member.id === w)).toBe(true);
    await expect(t.services.supervision.observe(teamManager, w, first, { feedback: 'Good.' })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await t.services.supervision.staffRecord(teamManager, w)).may).toMatchObject({ audit: false, recordSession: true });
    const auditOf = (from: string, to: string) => ({ ...dateBoxes('periodFrom', from), ...dateBoxes('periodTo', to), quality: 'good', comments: 'Fine.' });
    // Sessions held in the period: refused.
    await expect(t.services.supervision.auditRecords(teamManager, w, auditOf('2026-03-23', '2026-04-21'))).rejects.toBeInstanceOf(ForbiddenError);
    // None held in it (over Easter, 1 to 21 April), but the supervisor all through it: refused too, and audited.
    await expect(t.services.supervision.auditRecords(teamManager, w, auditOf('2026-04-01', '2026-04-21'))).rejects.toThrow(
      `You are ${worker.actor.displayName}’s supervisor on a contract in force in this period: the records are audited by a line manager who is not their supervisor.`,
    );
    expect(await denials(teamManager.actor.username, 'supervision.audited')).toBe(2);
    expect(await denials(teamManager.actor.username, 'supervision.observed')).toBe(1);
    // Another line manager audits it: weekly from 30 March, 6, 13 and 20 April all fell due and none was held.
    await t.services.supervision.auditRecords(lineManager, w, auditOf('2026-04-01', '2026-04-21'));
    expect((await t.services.supervision.staffRecord(lineManager, w)).audits[0]).toMatchObject({ held: 0, due: 3, onTime: 0, missed: 3, onTimePercent: 0 });

    // Once another manager supervises (a new contract from Thursday 23 April), the team manager audits
    // a period after it, but not one reaching back into their own contract.
    t.clock.set('2026-04-23T09:00:00Z');
    await t.services.supervision.agreeContract(teamManager, w, contractForm(supervisor.actor.userId, 'fortnightly', '2026-04-23', { reason: 'The assistant team manager supervises from now.' }));
    t.clock.set('2026-05-05T09:00:00Z');
    await expect(t.services.supervision.auditRecords(teamManager, w, auditOf('2026-04-22', '2026-05-04'))).rejects.toBeInstanceOf(ForbiddenError);
    await t.services.supervision.auditRecords(teamManager, w, auditOf('2026-04-23', '2026-05-04'));
    expect((await t.services.supervision.staffRecord(teamManager, w)).audits[0]).toMatchObject({ auditorId: tm, from: '2026-04-23', to: '2026-05-04' });
  });

  it('a child named twice, or in capitals, in a posted session gets one case discussion, on their record', async () => {
    const { worker, supervisor, child } = await cast();
    const w = worker.actor.userId;
    t.clock.set('2026-03-23T11:00:00Z');
    await t.services.supervision.agreeContract(supervisor, w, contractForm(supervisor.actor.userId, 'weekly', '2026-03-23'));
    t.clock.set('2026-03-31T15:00:00Z');
    const upper = child.id.toUpperCase();
    const sessionId = await t.services.supervision.recordSession(supervisor, w, {
      ...held('2026-03-31', '10:00'),
      reflections: 'Reflected.',
      wellbeing: 'Well.',
      caseIds: [upper, child.id, upper],
      [`discussion-${upper}`]: 'Discussed the school’s concerns.',
      [`actions-${upper}`]: 'Worker to meet the school.',
      ...dateBoxes(`actionsBy-${upper}`, '2026-04-07'),
    });
    const view = await t.services.supervision.session(supervisor, sessionId);
    expect(view.session.cases).toEqual([{ personId: child.id, actionsBy: '2026-04-07' }]);
    expect(view.cases).toEqual([expect.objectContaining({ personId: child.id, restricted: false, discussion: 'Discussed the school’s concerns.' })]);
    const entries = (await t.services.caseRecord.view(worker, child.id)).supervision.filter((s) => s.event.data.sessionId === sessionId);
    expect(entries.length).toBe(1);
  });

  it('a social worker cannot see another worker’s supervision or record sessions; a supervisor records only children they may record on', async () => {
    const { worker, supervisor, colleague, otherManager, child, otherChild } = await cast();
    const w = worker.actor.userId;
    t.clock.set('2026-03-23T11:00:00Z');
    await t.services.supervision.agreeContract(supervisor, w, contractForm(supervisor.actor.userId, 'weekly', '2026-03-23'));
    t.clock.set('2026-03-30T15:00:00Z');
    const sessionId = await t.services.supervision.recordSession(supervisor, w, { ...held('2026-03-30', '10:00'), reflections: 'Reflected.', wellbeing: 'Well.' });

    const browser = new Client(app);
    await browser.signIn(colleague.actor.username, colleague.password);
    expect((await browser.get('/supervision')).statusCode).toBe(200);
    expect((await browser.get(`/supervision/staff/${w}`)).statusCode).toBe(403);
    expect((await browser.get(`/supervision/sessions/${sessionId}`)).statusCode).toBe(403);
    expect(await denials(colleague.actor.username, 'supervision.viewed')).toBe(2);
    await browser.get('/supervision');
    expect((await browser.post(`/supervision/staff/${w}/sessions`, { ...held('2026-03-30', '11:00'), reflections: 'x', wellbeing: 'y' })).statusCode).toBe(403);
    expect(await denials(colleague.actor.username, 'supervision.session_recorded')).toBe(1);
    await expect(t.services.supervision.sign(colleague, w, { kind: 'session', id: sessionId })).rejects.toBeInstanceOf(ForbiddenError);

    // A manager who is not the supervisor records no session; the refusal is audited.
    await expect(t.services.supervision.recordSession(otherManager, w, { ...held('2026-03-30', '11:00'), reflections: 'x', wellbeing: 'y' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await denials(otherManager.actor.username, 'supervision.session_recorded')).toBe(1);

    // The supervisor may not record case supervision on a child held in a team they do not manage: refused and audited on that child.
    const withOther = { ...held('2026-03-30', '12:00'), reflections: 'Reflected.', wellbeing: 'Well.', caseIds: [child.id, otherChild.id] };
    for (const c of [child, otherChild]) Object.assign(withOther, { [`discussion-${c.id}`]: 'Discussed.', [`actions-${c.id}`]: 'Visit.', ...dateBoxes(`actionsBy-${c.id}`, '2026-04-03') });
    await expect(t.services.supervision.recordSession(supervisor, w, withOther)).rejects.toBeInstanceOf(ForbiddenError);
    const onChild = await t.db.select().from(auditLog).where(and(eq(auditLog.personId, otherChild.id), eq(auditLog.action, 'child.supervision_recorded'), eq(auditLog.outcome, 'denied')));
    expect(onChild.length).toBe(1);
    // Nothing was written: neither the session nor the other child's entry.
    expect((await t.services.supervision.staffRecord(worker, w)).sessions.length).toBe(1);

    // Bad input says what to fix, on every field at once.
    expect(await problems(t.services.supervision.recordSession(supervisor, w, { caseIds: child.id, [`discussion-${child.id}`]: 'Discussed.', action1: 'Training', ...dateBoxes('dueOn1', '2026-03-01') }))).toEqual([
      'occurredOn-day: Enter the date the session was held',
      'reflections: Enter the reflection and learning from the session: every session includes it (5.4)',
      'wellbeing: Enter what was discussed about wellbeing and workload',
      `actions-${child.id}: Enter the actions agreed for the child, with who does them`,
      `actionsBy-${child.id}-day: Enter the date the actions for the child are due by`,
      'owner1: Select who does the action',
    ]);
    expect(await problems(t.services.supervision.recordSession(supervisor, w, { ...held('2026-03-20', '10:00'), reflections: 'Reflected.', wellbeing: 'Well.' }))).toEqual([
      'occurredOn-day: No supervision contract was in force on 20 March 2026: the first was agreed on 23 March 2026',
    ]);
  });
});
