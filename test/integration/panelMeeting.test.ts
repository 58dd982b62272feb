import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { stateAt } from '../../src/domain/standards/obligation';
import { auditLog } from '../../src/platform/audit/auditTables';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { pdfText } from '../support/pdfText';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { cliContext } from '../../src/cli/cliContext';
import { allocatedCase, importEvent, makeUser, registerChild, world, type TestWorld } from '../factories';

const day = (name: string, date: string) => {
  const [y, m, d] = date.split('-');
  return { [`${name}-day`]: d, [`${name}-month`]: m, [`${name}-year`]: y };
};

/**
 * The Resource and Care Panel's meeting end to end (issue 8; resource-and-care-panel-policy.txt
 * 1.5-1.8, I.9, I.16-I.20, 1.7 g, Appendix A Part B). The panel on Thursday 9 April 2026 comes
 * after Easter (Good Friday 3 April, Easter Monday 6 April): referrals were due by Thursday 2 April.
 * A return set for Thursday 7 May crosses the early May bank holiday (Monday 4 May).
 */
describe.each(engines())('a Resource and Care Panel meeting on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-03-20T10:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  it('schedules, holds and records a meeting: declarations, each kind of decision with its refusals, the finance log, a return overdue and extended', async () => {
    const s = t.services;
    t.clock.set('2026-03-20T10:00:00Z');
    const chair = await makeUser(s, { roles: ['panel-chair'] });
    const admin = await makeUser(s, { roles: ['business-support'] });
    const head = await makeUser(s, { roles: ['head-of-service'] });
    const finance = await makeUser(s, { roles: ['finance-officer'] });
    const { worker, child: a } = await allocatedCase(s);
    const [b, c, d, e] = [await registerChild(s, worker), await registerChild(s, worker), await registerChild(s, worker), await registerChild(s, worker)];

    // The administrator schedules the next 8 weeks of Thursdays (1.5); a social worker cannot.
    await expect(s.panel.meetings.scheduleAhead(worker)).rejects.toBeInstanceOf(ForbiddenError);
    const made = await s.panel.meetings.scheduleAhead(admin);
    expect(made.map((m) => m.date)).toEqual(['2026-03-26', '2026-04-02', '2026-04-09', '2026-04-16', '2026-04-23', '2026-04-30', '2026-05-07', '2026-05-14']);
    expect(await s.panel.meetings.scheduleAhead(admin)).toEqual([]);
    expect(await problems(s.panel.meetings.schedule(admin, day('date', '2026-04-09')))).toEqual(['date-day: A meeting is already scheduled on 2026-04-09']);
    expect(await problems(s.panel.meetings.schedule(admin, day('date', '2026-04-06')))).toEqual(['date-day: The panel meets on a working day: that date is a weekend or a bank holiday']);
    expect(await problems(s.panel.meetings.schedule(admin, { ...day('date', '2026-04-08'), venue: 'x'.repeat(201) }))).toEqual(['venue: The venue must be 200 characters or fewer']);
    const meetingId = made[2]!.meetingId;
    const nextId = made[3]!.meetingId;

    // Referrals for 9 April: A, D and E sent on time, B after the deadline, C never signed off.
    t.clock.set('2026-04-09T11:00:00Z');
    const refer = async (personId: string, referralId: string, sentOn: string | null) => {
      await importEvent(s, personId, 'panel.referral_made', '2026-03-30T09:00:00Z', { referralId, panelDate: '2026-04-09', criterion: 'care_needed', ask: 'A foster placement' });
      if (sentOn) await importEvent(s, personId, 'panel.referral_submitted', `${sentOn}T15:00:00Z`, { referralId, panelDate: '2026-04-09', criterion: 'care_needed', ask: 'A foster placement', weeklyPence: 85_000, totalPence: 2_210_000, periodWeeks: 26, summary: 'Ready' });
    };
    const ids = { a: crypto.randomUUID(), b: crypto.randomUUID(), c: crypto.randomUUID(), d: crypto.randomUUID(), e: crypto.randomUUID() };
    await refer(a.id, ids.a, '2026-04-02');
    await refer(b.id, ids.b, '2026-04-07');
    await refer(c.id, ids.c, null);
    await refer(d.id, ids.d, '2026-04-01');
    await refer(e.id, ids.e, '2026-03-31');
    let page = await s.panel.meeting(chair, meetingId);
    const status = (p: typeof page) => Object.fromEntries(p.items.map((i) => [i.personId, i.status]));
    expect(status(page)).toEqual({ [a.id]: 'ready', [b.id]: 'late', [c.id]: 'not_signed', [d.id]: 'ready', [e.id]: 'ready' });

    // The chair for the day and attendance (1.7); declarations (1.8).
    expect(await problems(s.panel.meetings.setChair(admin, meetingId, { userId: worker.actor.userId, capacity: 'chair' }))).toEqual([expect.stringMatching(/^capacity: .* cannot chair/)]);
    await expect(s.panel.meetings.setChair(chair, meetingId, { userId: chair.actor.userId, capacity: 'chair' })).resolves.toBeTruthy();
    await s.panel.meetings.attended(admin, meetingId, { userId: chair.actor.userId, panelRole: 'chair' });
    await s.panel.meetings.attended(admin, meetingId, { userId: head.actor.userId, panelRole: 'head_of_service' });
    await s.panel.meetings.attended(admin, meetingId, { externalName: 'Pat Green', panelRole: 'housing' });
    expect(await problems(s.panel.meetings.attended(admin, meetingId, { externalName: 'pat green', panelRole: 'housing' }))).toEqual(['userId: pat green is already recorded as present']);
    await expect(s.panel.meetings.attended(finance, meetingId, { externalName: 'Someone', panelRole: 'other' })).rejects.toBeInstanceOf(ForbiddenError);
    await s.panel.declare(admin, meetingId, { memberId: chair.actor.userId, personId: d.id, involvement: 'Was the team manager on the case in 2024' });
    expect(await problems(s.panel.declare(admin, meetingId, { memberId: 'external:nobody', personId: d.id, involvement: 'x' }))).toEqual(['memberId: Record the member as present first']);
    await s.panel.step(admin, meetingId, { itemKey: ids.a, step: 'introductions' });

    // Decisions: only the chair of this meeting, not declared, with the sheet complete.
    const sheet = { decision1: 'Approve the foster placement for 26 weeks', rationale: 'No family member can care for A safely yet', resource: 'In-house foster placement', budget: 'social_care_placements', weekly: '850', total: '22,100.00' };
    const decide = (who: typeof chair, body: Record<string, unknown>) => s.panel.decisions.decide(who, meetingId, body);
    await expect(decide(admin, { itemKey: ids.a, decision: 'approved', ...sheet })).rejects.toThrow(/Only the chair of the panel/);
    await expect(decide(head, { itemKey: ids.a, decision: 'approved', ...sheet })).rejects.toThrow(/Only the chair of this meeting, Test /);
    await expect(decide(chair, { itemKey: ids.d, decision: 'approved', ...sheet })).rejects.toThrow(/declared an involvement/);
    expect(await problems(decide(chair, { itemKey: ids.a, decision: 'approved', ...sheet, rationale: '' }))).toEqual(['rationale: Enter the rationale for the recommendations and decisions made']);
    expect(await problems(decide(chair, { itemKey: ids.a, decision: 'approved', ...sheet, weekly: 'lots', decision1: '' }))).toEqual(['decision1: Enter at least one decision the panel agreed', 'weekly: The weekly cost must be an amount in pounds and pence, like 1450.00']);
    expect(await problems(decide(chair, { itemKey: ids.a, decision: 'approved', ...sheet, total: '100' }))).toEqual(['total: The total cost for the period must be at least the weekly cost']);
    expect(await problems(decide(chair, { itemKey: ids.a, decision: 'approved', ...sheet, total: '50000' }))).toEqual(['total: The total cost is for the period up to a year: it cannot be more than 52 weeks at the weekly cost']);
    expect(await problems(decide(chair, { itemKey: ids.c, decision: 'approved', ...sheet }))).toEqual(['decision: The referral is not signed off as ready to proceed (I.13): the chair may defer or decline it']);
    expect(await problems(decide(chair, { itemKey: ids.b, decision: 'deferred', ...sheet, ...day('deferredTo', '2026-04-17'), deferredReason: 'Health assessment awaited' }))).toEqual(['deferredTo-day: There is no panel meeting scheduled on 2026-04-17: defer to a scheduled meeting']);

    await decide(chair, { itemKey: ids.a, decision: 'approved', ...sheet, ...day('returnDate', '2026-05-07') });
    await decide(chair, { itemKey: ids.e, decision: 'alternative_approved', decision1: 'Staying Together support instead of residential care', rationale: 'In-house first (1.4 b)', resource: 'Staying Together', budget: 'staying_together', weekly: '400.50', total: '4806' });
    await decide(chair, { itemKey: ids.b, decision: 'deferred', decision1: 'Bring back with the health assessment', rationale: 'Late referral without the health view', ...day('deferredTo', '2026-04-16'), deferredReason: 'Health assessment awaited' });
    await decide(chair, { itemKey: ids.c, decision: 'declined', decision1: 'Decline: not signed off', rationale: 'The service manager has not agreed the referral' });
    expect(await problems(decide(chair, { itemKey: ids.a, decision: 'approved', ...sheet }))).toEqual(['decision: The panel’s decision on this case is recorded: a decision is not changed, record a correction with the reason']);

    // Every decision and every refusal of one is audited on the child's record.
    const audited = async (outcome: 'allowed' | 'denied') => (await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'child.panel_decision_recorded'), eq(auditLog.outcome, outcome), eq(auditLog.personId, a.id)))).length;
    expect([await audited('allowed'), await audited('denied')]).toEqual([1, 2]);

    // The decision is on the child's record at once, after the presentation (I.18).
    const recordOfA = (await s.people.streamOf(a.id)).filter((x) => x.type.startsWith('panel.') && !x.type.startsWith('panel.referral'));
    expect(recordOfA.map((x) => x.type)).toEqual(['panel.considered', 'panel.decision_made']);
    expect(recordOfA[0]!.data).toMatchObject({ meetingId, reason: 'care_needed', itemKey: ids.a });
    expect(recordOfA[1]!.data).toMatchObject({ meetingId, referralId: ids.a, decision: 'approved', weeklyPence: 85_000, totalPence: 2_210_000, returnDate: '2026-05-07', chairName: chair.actor.displayName });

    // A correction is a new decision with its reason; the first is kept but no longer counts.
    const first = recordOfA[1]!.id;
    expect(await problems(decide(chair, { itemKey: ids.a, decision: 'approved', ...sheet, weekly: '900', total: '23400', corrects: first }))).toEqual(['correctionReason: Enter why the decision is corrected']);
    await decide(chair, { itemKey: ids.a, decision: 'approved', ...sheet, weekly: '900', total: '23400', ...day('returnDate', '2026-05-07'), corrects: first, correctionReason: 'The carer’s fee was £900 a week' });
    page = await s.panel.meeting(chair, meetingId);
    expect(page.actionLog.map((l) => [l.personId, l.decision])).toEqual([[e.id, 'alternative_approved'], [b.id, 'deferred'], [c.id, 'declined'], [a.id, 'approved']]);
    expect(page.corrected.map((x) => x.eventId)).toEqual([first]);

    // The finance log, by hand: weekly £900.00 + £400.50 = £1,300.50; projected £23,400.00 + £4,806.00 = £28,206.00.
    const log = await s.panel.finance(finance);
    expect(log.log.overall).toEqual({ weeklyPence: 130_050, totalPence: 2_820_600, count: 2 });
    expect(log.log.byBudget.map((x) => [x.budget, x.totals.totalPence])).toEqual([['social_care_placements', 2_340_000], ['staying_together', 480_600]]);
    expect(log.log.rows.map((r) => r.childName).sort()).toEqual([a, e].map((x) => `${x.details.givenNames} ${x.details.familyName}`).sort());
    await expect(s.panel.signOffFinance(finance, meetingId)).rejects.toBeInstanceOf(ForbiddenError);
    // A service manager holds the chair's permission as a possible vice chair, but did not chair this meeting (1.7 g).
    const viceChair = await makeUser(s, { roles: ['service-manager'] });
    await expect(s.panel.signOffFinance(viceChair, meetingId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(s.panel.cancel(viceChair, nextId, { reason: 'No quorum' })).rejects.toBeInstanceOf(ForbiddenError);
    await s.panel.signOffFinance(chair, meetingId);
    expect(await problems(s.panel.signOffFinance(chair, meetingId))).toEqual([`signOff: ${chair.actor.displayName} has already signed off these figures`]);
    expect((await s.panel.meetings.meeting(meetingId)).financeSignOff).toMatchObject({ weeklyPence: 130_050, totalPence: 2_820_600, decisions: 2 });
    const csv = await s.panel.financeCsv(finance);
    expect(csv.split('\n')[0]).toBe('Meeting date,Child,Resource,Budget,Decision,Weekly cost (£),Total cost (£),Signed off by,Decision reference');
    expect(csv).toContain('2026-04-09,');
    expect(csv).toContain(',900.00,23400.00,');

    // The deferred request is on the next meeting's agenda (I.19 c).
    t.clock.set('2026-04-10T09:00:00Z');
    // It comes back as the referral itself, for the date it was deferred to, not twice.
    expect((await s.panel.meeting(chair, nextId)).items.map((i) => [i.personId, i.kind, i.status])).toEqual([[b.id, 'referral', 'ready']]);

    // The return to panel becomes overdue the day after 7 May, and is flagged with the 1.20 warning.
    t.clock.set('2026-05-08T09:00:00Z');
    // The standing decision is the correction: its return is the one owed (the first decision's was cancelled by it).
    const correction = (await s.people.streamOf(a.id)).filter((x) => x.type === 'panel.decision_made').at(-1)!.id;
    const obligations = async (ruleId: string) => (await s.standards.forPerson(a.id)).filter((o) => o.obligation.ruleId === ruleId);
    const returnOf = async (ruleId: string) => (await obligations(ruleId)).find((o) => o.obligation.startEventId === correction) ?? (await obligations(ruleId)).at(-1);
    const open = await returnOf('panel.return-to-panel');
    expect([open!.obligation.dueDate, stateAt(open!.obligation, t.clock.now())]).toEqual(['2026-05-07', 'overdue']);
    const schedule = await s.panel.schedule(chair);
    // B's deferred request, due back on 16 April and never presented, is overdue too.
    expect(schedule.overdue.map((r) => [r.personId, r.rule, r.dueDate])).toEqual([[b.id, 'Deferred request', '2026-04-16'], [a.id, 'Return to panel', '2026-05-07']]);
    expect(schedule.returnWarning).toMatch(/funding for the resource being ended/);

    // The chair extends it (1.20 "unless otherwise agreed by the panel chair"); no one else may.
    const extension = { decisionEventId: correction, ...day('returnDate', '2026-05-21'), reason: 'Carer on leave: review after the half term' };
    await expect(s.panel.decisions.extend(admin, a.id, extension)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(s.panel.decisions.extend(chair, a.id, { ...extension, ...day('returnDate', '2026-05-01') }))).toEqual(['returnDate-day: The new date to return to panel must be in the future']);
    expect(await problems(s.panel.decisions.extend(chair, a.id, { ...extension, decisionEventId: first }))).toEqual(['decisionEventId: Select a decision on this child’s record that set a return to panel']);
    // An extension is to a later day on which the panel could meet.
    expect(await problems(s.panel.decisions.extend(chair, a.id, { ...extension, ...day('returnDate', '2026-05-25') }))).toEqual(['returnDate-day: The panel meets on working days: choose a weekday that is not a bank holiday']);
    await s.panel.decisions.extend(chair, a.id, extension);
    expect(await problems(s.panel.decisions.extend(chair, a.id, { ...extension, ...day('returnDate', '2026-05-14') }))).toEqual(['returnDate-day: The return is due on 2026-05-21: an extension is to a later date']);
    // A head of service who is not the Chair of the Panel may agree one too (1.7 c); a service manager may not.
    const sm = await makeUser(s, { roles: ['service-manager'] });
    await expect(s.panel.decisions.extend(sm, a.id, extension)).rejects.toBeInstanceOf(ForbiddenError);
    // Extended after it fell due, the first return stays missed in the figures; the new date is counted from now on.
    expect((await returnOf('panel.return-to-panel'))!.obligation.outcome).toBe('missed');
    const extended = await returnOf('panel.return-to-panel-extended');
    expect([extended!.obligation.dueDate, stateAt(extended!.obligation, t.clock.now())]).toEqual(['2026-05-21', 'due']);
    expect((await s.panel.schedule(chair)).overdue.map((r) => r.personId)).toEqual([b.id]);

    // The pages: the chair's meeting page, the finance log for the finance officer, refusals.
    const client = new Client(app);
    await client.signIn(chair.actor.username, chair.password);
    const html = await client.get(`/panel/meetings/${meetingId}`);
    expect(html.statusCode).toBe(200);
    expect(mainText(html.body)).toContain('Approve the foster placement for 26 weeks');
    expect((await client.get('/panel/meetings/not-a-uuid')).statusCode).toBe(404);
    const decisionPdf = await client.get(`/panel/meetings/${meetingId}/decisions/${correction}/pdf`);
    expect(decisionPdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(decisionPdf.rawPayload);
    expect(text).toContain('Resource and Care Panel Decisions');
    expect(text).toContain('1. Approve the foster placement for 26 weeks');
    expect(text).toContain('[X] Resource approved');
    const financeClient = new Client(app);
    await financeClient.signIn(finance.actor.username, finance.password);
    expect(mainText((await financeClient.get('/panel/finance')).body)).toContain('£1,300.50 a week');
    expect((await financeClient.get('/panel/finance.csv')).headers['content-type']).toMatch(/text\/csv/);
    const social = new Client(app);
    await social.signIn(worker.actor.username, worker.password);
    expect((await social.get('/panel')).statusCode).toBe(403);
  });

  it('refuses the decision to a chair who signed the referral off, declared or not (1.8)', async () => {
    const s = t.services;
    // The meeting of Thursday 30 April, scheduled by the first test (meetings are the authority's, shared by the tests).
    t.clock.set('2026-04-20T10:00:00Z');
    const admin = await makeUser(s, { roles: ['business-support'] });
    const head = await makeUser(s, { roles: ['head-of-service'] });
    const { worker, child } = await allocatedCase(s);
    const meeting = (await s.panel.meetings.meetings({ from: '2026-04-30', to: '2026-04-30' }))[0]!;
    const referralId = crypto.randomUUID();
    const data = { referralId, panelDate: '2026-04-30', criterion: 'support_package', ask: 'Respite', weeklyPence: 120_000, totalPence: 1_200_000, periodWeeks: 10, summary: 'Ready' };
    await s.people.importEvents(cliContext(), [
      { personId: child.id, type: 'panel.referral_made', occurredAt: new Date('2026-04-20T09:00:00Z'), data, recordedBy: worker.actor },
      { personId: child.id, type: 'panel.referral_signed', occurredAt: new Date('2026-04-21T09:00:00Z'), data: { referralId, as: 'service_manager', name: head.actor.displayName }, recordedBy: head.actor },
      { personId: child.id, type: 'panel.referral_submitted', occurredAt: new Date('2026-04-21T09:00:00Z'), data, recordedBy: head.actor },
    ]);
    await s.panel.meetings.setChair(admin, meeting.meetingId, { userId: head.actor.userId, capacity: 'head_of_service' });
    t.clock.set('2026-04-30T15:00:00Z');
    await expect(s.panel.decisions.decide(head, meeting.meetingId, { itemKey: referralId, decision: 'declined', decision1: 'Decline', rationale: 'Not needed' })).rejects.toThrow(/You signed this referral off/);
  });
});
