import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemsByField } from '../support/refusals';
import { pdfText } from '../support/pdfText';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, importEvent, makeTeam, makeUser, registerChild, world, type TestWorld } from '../factories';
import { formValuesOf } from '../../src/modules/panelReferral/panelReferralRoutes';


/** A referral with every section complete, as the API (or a test) sends it. */
const complete = (over: Record<string, unknown> = {}) => ({
  panelDate: '2026-05-28', criterion: 'continued_placement', worker: 'Dana Worker', team: 'Children in Care',
  children: [{ name: 'Ola Da Silva', dateOfBirth: '2014-02-03', relationship: 'Self' }],
  family: [{ name: 'Maria Da Silva', dateOfBirth: '1988-09-10', relationship: 'Mother' }],
  network: [{ name: 'Rosa Lima', role: 'Aunt' }],
  familyNetworkMeeting: 'yes', safetyPlan: 'yes',
  mainIssues: 'Ola was taken into police protection after her mother was arrested.', ask: 'Agree the continued placement with foster carers for 12 weeks.',
  alternatives: 'Aunt assessed and cannot care full time; Staying Together offered support at home.',
  parentsViews: 'Mother wants Ola home.', childsWishes: 'Ola wants to see her mum every week.',
  weekly: '1,250.00', period: '12', periodUnit: 'weeks',
  pastHarm: 'Neglect.', futureDanger: 'Left alone at night.', complicatingFactors: '', existingStrengths: 'Aunt visits daily.', existingSafety: '', nextSteps: 'Family network meeting.',
  dangerStatements: 'Ola may be left alone at night.', safetyGoals: 'An adult is always with Ola at night.',
  scaling: [{ name: 'Maria Da Silva', role: 'Mother', score: '6', reasons: 'Aunt helps' }],
  ...over,
});

/**
 * Referrals to the Resource and Care Panel end to end (resource-and-care-panel-policy.txt I.9-I.13,
 * Appendix A Part A): written from the record, signed by the worker, team manager and service
 * manager in turn, ready and sent to the administrator with the service manager's sign-off, late
 * after three working days before the panel. Panel of Thursday 28 May 2026: Monday 25 May is the
 * late May bank holiday, so referrals are due by Friday 22 May.
 */
describe.each(engines())('referrals to the Resource and Care Panel on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-05-18T08:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  const setUp = async () => {
    const c = await allocatedCase(t.services);
    const serviceManager = await makeUser(t.services, { roles: ['service-manager'], teamIds: [c.teamId] });
    const otherTeam = await makeTeam(t.services);
    const stranger = await makeUser(t.services, { roles: ['social-worker'], teamIds: [otherTeam] });
    // Looked after under police protection on Friday 15 May, since the last panel (Thursday 14 May).
    await importEvent(t.services, c.child.id, 'cic.started', '2026-05-15T21:00:00Z', { legalStatus: 'L1' });
    return { ...c, serviceManager, stranger };
  };
  const status = async (ctx: Parameters<typeof t.services.panelReferrals.referral>[0], personId: string, id: string) => (await t.services.panelReferrals.referral(ctx, personId, id)).referral;

  it('goes through the three sign-offs to ready, refusing them out of order, by the wrong person, incomplete or after a change', async () => {
    t.clock.set('2026-05-18T08:00:00Z');
    const { worker, manager, serviceManager, stranger, child } = await setUp();
    const s = t.services.panelReferrals;
    const view = await s.view(worker, child.id);
    expect(view.reasons.map((r) => [r.criterion, r.paragraph])).toEqual([['newly_looked_after', '1.1 c)'], ['continued_placement', '1.1 b)']]);
    expect([view.panelDate, view.deadline, view.prefill.worker, view.prefill.criterion]).toEqual(['2026-05-21', '2026-05-18', worker.actor.displayName, 'newly_looked_after']);
    expect(view.prefill.children[0]).toMatchObject({ dateOfBirth: child.details.dateOfBirth, relationship: 'Self' });

    // Bad input: not a Thursday, a period over a year, a cost that is not money, a score over 10.
    expect(await problemsByField(s.make(worker, child.id, complete({ panelDate: '2026-05-27', period: '53', weekly: 'lots', scaling: [{ name: 'Mum', score: '11' }] })))).toEqual({
      'panelDate-day': 'The panel meets on Thursdays (1.5): choose a Thursday',
      weekly: 'The weekly cost must be an amount in pounds and pence, like 1450.00',
      period: 'The projected period can be at most one year (52 weeks): cost the first year only (Appendix A)',
      'scaling-0-score': 'Scaling 1 must be a whole number from 0 to 10',
    });
    expect(await problemsByField(s.make(worker, child.id, complete({ panelDate: '2026-05-14', period: '13', periodUnit: 'months' })))).toEqual({ 'panelDate-day': 'The panel date must be in the future', period: 'The projected period can be at most one year (12 months): cost the first year only (Appendix A)' });
    await expect(s.make(stranger, child.id, complete())).rejects.toBeInstanceOf(ForbiddenError);

    const id = await s.make(worker, child.id, complete({ mainIssues: '' }));
    let r = await status(worker, child.id, id);
    expect([r.status, r.missing, r.weeklyPence, r.totalPence, r.deadline]).toEqual(['draft', ['mainIssues'], 125000, 1_500_000, '2026-05-22']);

    expect(await problemsByField(s.sign(manager, child.id, id, { as: 'team_manager' }))).toEqual({ as: "The referral is signed in order: worker, team manager, service manager. It needs the worker's signature first" });
    await expect(s.sign(stranger, child.id, id, { as: 'worker' })).rejects.toBeInstanceOf(ForbiddenError);
    await s.sign(worker, child.id, id, { as: 'worker' });
    await expect(s.sign(manager, child.id, id, { as: 'service_manager' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(s.sign(worker, child.id, id, { as: 'team_manager' })).rejects.toBeInstanceOf(ForbiddenError);
    await s.sign(manager, child.id, id, { as: 'team_manager' });
    expect(await problemsByField(s.sign(serviceManager, child.id, id, { as: 'service_manager' }))).toEqual({ as: 'The referral is not complete: one section is empty. It can be signed off as ready to proceed only when every section is complete' });
    expect((await status(worker, child.id, id)).status).toBe('signed_by_team_manager');

    // A change after signing needs a reason, and clears the signatures.
    expect(await problemsByField(s.change(worker, child.id, id, complete()))).toEqual({ changeReason: 'The referral has been signed: say why it is being changed, as the signatures will be cleared' });
    expect(await s.change(worker, child.id, id, complete({ changeReason: 'Summary added' }))).toBe('The referral has been changed. The signatures of the worker and team manager have been cleared: it must be signed again.');
    r = await status(worker, child.id, id);
    expect([r.status, r.signatures, r.missing, r.cleared.length, r.versions]).toEqual(['draft', [], [], 1, 2]);

    await s.sign(worker, child.id, id, { as: 'worker' });
    await s.sign(manager, child.id, id, { as: 'team_manager' });
    t.clock.set('2026-05-22T15:00:00Z'); // Friday 22 May, the last day
    expect(await s.sign(serviceManager, child.id, id, { as: 'service_manager' })).toBe('Signed off as ready to proceed and sent to the panel administrator for the panel on 2026-05-28.');
    r = await status(worker, child.id, id);
    expect([r.status, r.late, r.signatures.map((x) => x.as), r.submittedAt?.toISOString()]).toEqual(['ready', false, ['worker', 'team_manager', 'service_manager'], '2026-05-22T15:00:00.000Z']);
    const submitted = (await t.services.people.streamOf(child.id)).filter((e) => e.type === 'panel.referral_submitted');
    expect(submitted.map((e) => e.data)).toEqual([expect.objectContaining({ referralId: id, panelDate: '2026-05-28', criterion: 'continued_placement', ask: 'Agree the continued placement with foster carers for 12 weeks.', weeklyPence: 125000, totalPence: 1_500_000, periodWeeks: 12 })]);
    expect(await problemsByField(s.sign(serviceManager, child.id, id, { as: 'service_manager' }))).toEqual({ as: 'The referral is already signed by the service manager' });
  });

  it('marks a referral late past three working days before the panel (after the late May bank holiday), and withdraws one with a reason', async () => {
    t.clock.set('2026-05-18T08:00:00Z');
    const { worker, manager, serviceManager, child } = await setUp();
    const s = t.services.panelReferrals;
    const id = await s.make(worker, child.id, complete());
    await s.sign(worker, child.id, id, { as: 'worker' });
    t.clock.set('2026-05-22T20:00:00Z'); // 21:00 Friday in London: still on time
    expect((await status(worker, child.id, id)).late).toBe(false);
    t.clock.set('2026-05-26T08:00:00Z'); // Tuesday, after the bank holiday
    expect((await status(worker, child.id, id)).late).toBe(true);
    await s.sign(manager, child.id, id, { as: 'team_manager' });
    expect(await s.sign(serviceManager, child.id, id, { as: 'service_manager' })).toMatch(/It is late: it was due by 2026-05-22/);
    expect((await status(worker, child.id, id))).toMatchObject({ status: 'ready', late: true });

    const other = await s.make(worker, child.id, complete({ panelDate: '2026-06-04' }));
    expect(await problemsByField(s.withdraw(worker, child.id, other, { reason: ' ' }))).toEqual({ reason: 'Enter why the referral is withdrawn' });
    await s.withdraw(worker, child.id, other, { reason: 'Ola returned home with a safety plan' });
    expect(await status(worker, child.id, other)).toMatchObject({ status: 'withdrawn', withdrawn: { reason: 'Ola returned home with a safety plan' } });
    expect(await problemsByField(s.sign(worker, child.id, other, { as: 'worker' }))).toEqual({ as: 'This referral has been withdrawn' });
    expect(await problemsByField(s.change(worker, child.id, other, complete({ panelDate: '2026-06-04' })))).toEqual({ changeReason: 'This referral has been withdrawn: it cannot be changed' });
  });

  it('has its pages, the printable form and a PDF with its content; others cannot write it', async () => {
    t.clock.set('2026-05-18T08:00:00Z');
    const { worker, manager, stranger, child } = await setUp();
    const browser = new Client(app);
    await browser.signIn(worker.actor.username, worker.password);
    let page = await browser.get(`/people/${child.id}/panel-referral`);
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toContain('Became looked after on 15 May 2026, since the last panel');
    // Prefilled from the record: the allocated worker, the child's name, the criterion Hearth sees.
    expect(page.body).toContain(`value="${worker.actor.displayName}"`);
    expect(page.body).toContain(`value="${child.details.givenNames} ${child.details.familyName}"`);
    expect(page.body).toMatch(/<option value="newly_looked_after" selected>/);
    const form: Record<string, string> = {
      'panelDate-day': '28', 'panelDate-month': '5', 'panelDate-year': '2026', criterion: 'newly_looked_after', worker: 'Dana Worker', team: 'CIC',
      'children-0-name': 'Ola Da Silva', 'children-0-dateOfBirth': '3/2/2014', 'family-0-name': 'Maria Da Silva', 'family-0-dateOfBirth': '10/9/1988', 'family-0-relationship': 'Mother',
      'network-0-name': 'Rosa Lima', 'network-0-role': 'Aunt', familyNetworkMeeting: 'no', safetyPlan: 'yes', whyNot: 'Booked for 1 June.',
      mainIssues: 'Police protection on 15 May after mother arrested.', ask: 'Agree foster placement while the network is built.', alternatives: 'Aunt cannot care full time.',
      parentsViews: 'Mother agrees.', childsWishes: 'Ola wants to go home.', weekly: '450', period: '3', periodUnit: 'months',
      pastHarm: 'Neglect', existingStrengths: 'Aunt', nextSteps: 'Network meeting', dangerStatements: 'Left alone at night', safetyGoals: 'Adult at home every night',
      'scaling-0-name': 'Maria Da Silva', 'scaling-0-role': 'Mother', 'scaling-0-score': '5', 'scaling-0-reasons': 'Things are calmer',
    };
    const bad = await browser.post(`/people/${child.id}/panel-referral`, { ...form, period: '60', periodUnit: 'weeks' });
    expect(bad.statusCode).toBe(400);
    expect(mainText(bad.body)).toContain('The projected period can be at most one year (52 weeks)');
    const saved = await browser.post(`/people/${child.id}/panel-referral`, form);
    expect(saved.statusCode).toBe(302);
    const url = String(saved.headers.location);
    page = await browser.get(url);
    expect(mainText(page.body)).toContain('Sign as the worker');
    expect(mainText(page.body)).toContain('Why it is being changed');
    expect(page.body).toContain('value="Police protection on 15 May after mother arrested."'.replace('value=', '>').replace(/"$/, '<').replace('>"', '>'));
    expect(mainText(page.body)).toContain('£450.00');
    const id = url.split('/').at(-1)!;
    expect((await status(worker, child.id, id)).content.family[0]).toEqual({ name: 'Maria Da Silva', dateOfBirth: '1988-09-10', relationship: 'Mother' });
    expect((await status(worker, child.id, id)).totalPence).toBe(Math.round(45000 * 13));
    await browser.post(`${url}/sign`, { as: 'worker' });
    expect((await status(worker, child.id, id)).status).toBe('signed_by_worker');

    const print = await browser.get(`${url}/print`);
    expect(print.statusCode).toBe(200);
    for (const text of ['Resource and Care Panel Referral', 'Police protection on 15 May after mother arrested.', 'Maria Da Silva', 'Signs of Safety Case Summary', 'Things are calmer']) expect(mainText(print.body)).toContain(text);
    const pdf = await browser.get(`${url}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toMatch(/^inline; filename="panel-referral-\d+-2026-05-28\.pdf"$/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    for (const phrase of ['Resource and Care Panel Referral', 'Police protection on 15 May after mother arrested.', 'Maria Da Silva', 'Left alone at night', 'Things are calmer', 'Signed in Hearth']) expect(text).toContain(phrase);
    expect((await browser.get(`/people/${child.id}/panel-referral/not-a-uuid/pdf`)).statusCode).toBe(404);
    expect((await browser.get(`/people/${child.id}/panel-referral/${crypto.randomUUID()}`)).statusCode).toBe(404);

    // A social worker of another team can read the record but not write or sign its referral; a team manager cannot sign as service manager.
    const other = new Client(app);
    await other.signIn(stranger.actor.username, stranger.password);
    await other.get(`/people/${child.id}/panel-referral`);
    expect((await other.post(`/people/${child.id}/panel-referral`, form)).statusCode).toBe(403);
    expect((await other.post(`${url}/sign`, { as: 'team_manager' })).statusCode).toBe(403);
    const tm = new Client(app);
    await tm.signIn(manager.actor.username, manager.password);
    expect(mainText((await tm.get(url)).body)).toContain('Sign as the team manager');
    expect((await tm.post(`${url}/sign`, { as: 'service_manager' })).statusCode).toBe(403);
  });

  it("lists the returns the panel asked for from the child's OPEN returns: the chair's extension, and an earlier one a later decision did not close", async () => {
    t.clock.set('2026-05-18T08:00:00Z');
    const { worker, child } = await setUp();
    const s = t.services.panelReferrals;
    // Funding approved on 12 March with a return by Thursday 14 May; the chair extended it on 13 May to 11 June (1.20).
    await importEvent(t.services, child.id, 'panel.decision_made', '2026-03-12T15:00:00Z', { meetingId: crypto.randomUUID(), referralId: null, decision: 'approved', returnDate: '2026-05-14', chairName: 'Chair' });
    const decision = (await t.services.people.streamOf(child.id)).find((e) => e.type === 'panel.decision_made')!;
    await importEvent(t.services, child.id, 'panel.return_extended', '2026-05-13T10:00:00Z', { decisionEventId: decision.id, returnDate: '2026-06-11', reason: 'Awaiting the health assessment' });
    let reasons = (await s.view(worker, child.id)).reasons.filter((r) => r.criterion === 'panel_request');
    expect(reasons.map((r) => [r.paragraph, r.dueBy, r.text])).toEqual([['1.1 f), 1.20', '2026-06-11', 'The chair extended the return to panel to 11 June 2026']]);

    // Another child: a later decision with no return date leaves the earlier return open, now overdue.
    const other = await setUp();
    await importEvent(t.services, other.child.id, 'panel.decision_made', '2026-03-12T15:00:00Z', { meetingId: crypto.randomUUID(), referralId: null, decision: 'approved', returnDate: '2026-05-14', chairName: 'Chair' });
    await importEvent(t.services, other.child.id, 'panel.decision_made', '2026-04-16T15:00:00Z', { meetingId: crypto.randomUUID(), referralId: null, decision: 'approved', chairName: 'Chair' });
    reasons = (await s.view(other.worker, other.child.id)).reasons.filter((r) => r.criterion === 'panel_request');
    expect(reasons.map((r) => [r.dueBy, r.text])).toEqual([['2026-05-14', 'The panel asked to see the case again by 14 May 2026: overdue. Funding for the resource may end if it is not brought back (1.20)']]);
  });

  it('is signed only once the child is allocated: until then no one holds the case and no team manager manages it', async () => {
    t.clock.set('2026-05-18T08:00:00Z');
    const { worker } = await setUp();
    const child = await registerChild(t.services, worker);
    const s = t.services.panelReferrals;
    const id = await s.make(worker, child.id, complete());
    const anyone = await makeUser(t.services, { roles: ['social-worker'], teamIds: [await makeTeam(t.services)] });
    for (const who of [worker, anyone]) expect(await problemsByField(s.sign(who, child.id, id, { as: 'worker' }))).toEqual({ as: 'The child is not allocated to a team: allocate the child first, then the worker, team manager and service manager can sign the referral' });
    expect((await status(worker, child.id, id)).signatures).toEqual([]);
  });

  it('keeps a period in months as typed, so it can be saved again; refuses text too long or a cost given twice, never cutting it off', async () => {
    t.clock.set('2026-05-18T08:00:00Z');
    const { worker, child } = await setUp();
    const s = t.services.panelReferrals;
    const id = await s.make(worker, child.id, complete({ period: '5', periodUnit: 'months' }));
    let r = await status(worker, child.id, id);
    expect([r.content.period, r.periodWeeks, r.totalPence]).toEqual([{ amount: 5, unit: 'months' }, 21.67, Math.round(125000 * 21.67)]);
    const values = formValuesOf(r.content);
    expect([values.period, values.periodUnit]).toEqual(['5', 'months']);
    expect(await s.change(worker, child.id, id, { ...values, mainIssues: 'Updated.' })).toBe('The referral has been saved as a draft.');
    r = await status(worker, child.id, id);
    expect([r.content.period, r.versions]).toEqual([{ amount: 5, unit: 'months' }, 2]);

    const long = 'x'.repeat(201);
    expect(await problemsByField(s.make(worker, child.id, complete({
      family: [{ name: long, dateOfBirth: '1988-09-10', relationship: long }], network: [{ name: 'Rosa Lima', role: long }],
      scaling: [{ name: long, role: 'Mother', score: '6', reasons: 'y'.repeat(2001) }], weekly: ['1,250.00', '1,500.00'],
    })))).toEqual({
      weekly: 'The weekly cost must be given once, as text',
      'family-0-name': 'The name of family member 1 must be 200 characters or fewer',
      'family-0-relationship': 'The relationship of family member 1 must be 200 characters or fewer',
      'network-0-role': 'The role of network member 1 must be 200 characters or fewer',
      'scaling-0-name': 'The name for scaling 1 must be 200 characters or fewer',
      'scaling-0-reasons': 'The reasons for scaling 1 must be 2,000 characters or fewer',
    });
  });

  it('stays open after the panel defers it (I.19 c) for the information asked for, and comes back for the new date; an approval closes it', async () => {
    t.clock.set('2026-05-18T08:00:00Z');
    const { worker, manager, serviceManager, child } = await setUp();
    const s = t.services.panelReferrals;
    const id = await s.make(worker, child.id, complete());
    for (const [who, as] of [[worker, 'worker'], [manager, 'team_manager'], [serviceManager, 'service_manager']] as const) await s.sign(who, child.id, id, { as });
    await importEvent(t.services, child.id, 'panel.decision_made', '2026-05-28T15:00:00Z', { meetingId: crypto.randomUUID(), referralId: id, decision: 'deferred', deferredTo: '2026-06-11', deferredReason: 'Health to confirm joint funding', chairName: 'Chair' });
    t.clock.set('2026-05-29T08:00:00Z');
    let view = await s.referral(worker, child.id, id);
    expect([view.referral.status, view.referral.panelDate, view.referral.deferred?.reason, view.may.write]).toEqual(['ready', '2026-06-11', 'Health to confirm joint funding', true]);
    expect(await s.change(worker, child.id, id, complete({ panelDate: '2026-06-11', ask: 'Agree the placement, jointly funded with health.', changeReason: 'Health funding agreed' }))).toBe('The referral has been changed. The signatures of the worker and team manager and service manager have been cleared: it must be signed again and is no longer ready for panel.');
    view = await s.referral(worker, child.id, id);
    expect([view.referral.status, view.referral.signatures, view.referral.deadline, view.next, view.may.sign]).toEqual(['draft', [], '2026-06-08', 'worker', true]);
    await s.sign(worker, child.id, id, { as: 'worker' });
    await importEvent(t.services, child.id, 'panel.decision_made', '2026-06-11T15:00:00Z', { meetingId: crypto.randomUUID(), referralId: id, decision: 'approved', chairName: 'Chair' });
    expect(await problemsByField(s.change(worker, child.id, id, complete({ panelDate: '2026-06-18', changeReason: 'x' })))).toEqual({ changeReason: 'This referral has been decided: it cannot be changed' });
  });

  // Last: the meetings it schedules are the panel's schedule for every later referral in this database.
  it("goes only to the panel's scheduled, not cancelled meetings, never a bank holiday; moving only the date keeps the signatures", async () => {
    t.clock.set('2025-12-15T09:00:00Z'); // Monday; Christmas Day and New Year's Day are Thursdays
    const { worker, manager, child } = await setUp();
    const s = t.services.panelReferrals;
    const chair = await makeUser(t.services, { roles: ['panel-chair'] });
    const day = (d: string) => ({ 'date-day': String(Number(d.slice(8))), 'date-month': String(Number(d.slice(5, 7))), 'date-year': d.slice(0, 4) });
    const ids: Record<string, string> = {};
    for (const d of ['2025-12-18', '2026-01-08', '2026-01-15']) ids[d] = (await t.services.panel.meetings.schedule(chair, day(d))).meetingId;
    await t.services.panel.meetings.setChair(chair, ids['2026-01-08']!, { userId: chair.actor.userId, capacity: 'chair' });
    await t.services.panel.meetings.cancel(chair, ids['2026-01-08']!, { reason: 'Not quorate over the holidays' }, false);

    // The next meeting with papers still open: 18 December's are due today, three working days before.
    expect((await s.view(worker, child.id)).panelDate).toBe('2025-12-18');
    t.clock.set('2025-12-16T09:00:00Z');
    expect((await s.view(worker, child.id)).panelDate).toBe('2026-01-15'); // not 25 December, 1 or 8 January
    const refused = async (panelDate: string) => (await problemsByField(s.make(worker, child.id, complete({ panelDate }))))['panelDate-day'];
    expect(await refused('2025-12-25')).toBe('Thursday 25 December 2025 is a bank holiday: the panel does not meet. Choose another panel date: the next is on Thursday 15 January 2026');
    expect(await refused('2026-01-01')).toMatch(/^Thursday 1 January 2026 is a bank holiday/);
    expect(await refused('2026-01-08')).toBe('The panel meeting on Thursday 8 January 2026 was cancelled (1.6): choose another panel date: the next is on Thursday 15 January 2026');
    expect(await refused('2025-12-31')).toBe('The panel meets on Thursdays (1.5): choose a Thursday');
    expect(await refused('2026-01-02')).toBe('The panel meets on Thursdays (1.5): choose a Thursday');
    // A week the administrator scheduled on another day: that day is the week's panel.
    await t.services.panel.meetings.schedule(chair, day('2026-02-04'));
    expect(await refused('2026-02-05')).toBe('There is no panel meeting on Thursday 5 February 2026: that week the panel meets on Wednesday 4 February 2026');

    // Beyond the schedule: any working Thursday. Then the 15 January meeting moves: only the date changes, the signatures stand.
    await s.make(worker, child.id, complete({ panelDate: '2026-01-22' }));
    const id = await s.make(worker, child.id, complete({ panelDate: '2026-01-15' }));
    await s.sign(worker, child.id, id, { as: 'worker' });
    await s.sign(manager, child.id, id, { as: 'team_manager' });
    expect(await problemsByField(s.change(worker, child.id, id, complete({ panelDate: '2026-01-22' })))).toEqual({ changeReason: 'The referral has been signed: say why the panel date is being moved' });
    expect(await s.change(worker, child.id, id, complete({ panelDate: '2026-01-22', changeReason: 'The panel of 15 January was moved' }))).toBe('The panel date has been moved to 2026-01-22. The signatures stand.');
    const r = await status(worker, child.id, id);
    expect([r.status, r.panelDate, r.signatures.map((x) => x.as), r.cleared, r.versions]).toEqual(['signed_by_team_manager', '2026-01-22', ['worker', 'team_manager'], [], 2]);
    const changed = (await t.services.people.streamOf(child.id)).filter((e) => e.type === 'panel.referral_changed').at(-1)!;
    expect(changed.reason).toBe('The panel of 15 January was moved');
  });
});
