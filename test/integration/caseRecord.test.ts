import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemsByField as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, importEvent, makeUser, world, type TestWorld } from '../factories';


const at = (occurredOn: string, occurredTime: string) => ({ occurredOn, occurredTime, problems: [] });

describe.each(engines())('the case record on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    // Wednesday 2 September 2026, 11:00 in London: Monday 31 August was the summer bank holiday.
    t = world((await testDatabase(engine)).db, '2026-09-02T10:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  const rule = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);

  it('records a case note with its facts apart from opinions, says when it was recorded late, and puts a significant one in the chronology', async () => {
    const { worker, child } = await allocatedCase(t.services);
    await importEvent(t.services, child.id, 'cin.plan_started', '2026-06-01T10:00:00+01:00');
    expect(await problems(t.services.caseRecord.recordNote(worker, child.id, { noteType: 'nonsense', significant: 'no' }, at('2026-09-03', '10:00')))).toEqual({
      occurredOn: 'Date it happened must be today or in the past',
      noteType: 'Select the kind of note',
      present: 'Enter who was present, or "no one else"',
      facts: 'Enter what happened: the facts',
    });
    // A visit on Friday 28 August recorded today, Wednesday: 2 working days later (the bank holiday not counted), in time.
    await t.services.caseRecord.recordNote(worker, child.id, { noteType: 'home_visit', present: 'Mia and her mother', facts: 'Mother said her partner has moved back in.', opinions: 'Mother seemed anxious.', childsWords: 'He shouts at night', significant: 'yes' }, at('2026-08-28', '16:00'));
    // One from Wednesday 26 August: recorded 4 working days later.
    await t.services.caseRecord.recordNote(worker, child.id, { noteType: 'phone_call', present: 'Mother', facts: 'Called to rearrange the visit.', significant: 'no' }, at('2026-08-26', '09:00'));
    const view = await t.services.caseRecord.view(worker, child.id);
    expect(view.notes.map((n) => [n.event.data.noteType, n.late])).toEqual([['phone_call', 4], ['home_visit', null]]);
    expect(view.notes[1]?.event.data).toMatchObject({ facts: 'Mother said her partner has moved back in.', opinions: 'Mother seemed anxious.', childsWords: 'He shouts at night', significant: true });
    expect(view.chronology.map((e) => [e.on, e.kind, e.detail])).toContainEqual(['2026-08-28', 'added', 'Mother said her partner has moved back in.']);
    // The significant event opens the case summary's 5 working days: Friday 28 August + 5, past the bank holiday, is Monday 7 September.
    expect((await rule(child.id, 'recording.case-summary-significant-event'))?.obligation.dueDate).toBe('2026-09-07');
    await t.services.caseRecord.updateSummary(worker, child.id, { summary: 'Mia (9) lives with her mother; partner returned.' });
    // A note on the wrong child's record is marked recorded in error: it leaves the page, and the
    // significant event recorded with the other note can be taken out of the chronology the same way.
    const phoneCall = view.notes[0]?.event.id as string;
    await t.services.people.markInError(worker, child.id, { eventId: phoneCall, reason: 'Recorded on the wrong child' });
    const significant = (await t.services.people.streamOf(child.id)).find((e) => e.type === 'case.significant_event_occurred');
    await t.services.people.markInError(worker, child.id, { eventId: significant!.id, reason: 'Not significant after all' });
    const after = await t.services.caseRecord.view(worker, child.id);
    expect(after.notes.map((n) => n.event.data.noteType)).toEqual(['home_visit']);
    expect(after.chronology.filter((e) => e.kind === 'added')).toEqual([]);
    expect((await rule(child.id, 'recording.case-summary-significant-event'))?.state).toBe('met');
  });

  it('says "no significant incident" for quiet quarters, and the worker records the chronology reviewed', async () => {
    const { worker, child } = await allocatedCase(t.services);
    await importEvent(t.services, child.id, 'contact.received', '2026-01-12T10:00:00Z');
    await importEvent(t.services, child.id, 'cin.visit', '2026-05-01T10:00:00+01:00');
    const view = await t.services.caseRecord.view(worker, child.id);
    // 12 April to 11 July had only a routine visit; the quarter from 12 July has not ended yet.
    expect(view.chronology.filter((e) => e.kind === 'none').map((e) => [e.on, e.until])).toEqual([['2026-04-12', '2026-07-11']]);
    await t.services.caseRecord.reviewChronology(worker, child.id);
    expect((await t.services.caseRecord.view(worker, child.id)).lastReviewed?.recordedByName).toBe(worker.actor.displayName);
  });

  it('has supervision recorded by a manager of the team and signed by the worker it was with, and oversight by managers only', async () => {
    const { manager, worker, child } = await allocatedCase(t.services);
    await expect(t.services.caseRecord.recordSupervision(worker, child.id, { discussion: 'x', actions: 'y' }, at('2026-09-01', '14:00'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(t.services.caseRecord.recordOversight(worker, child.id, { oversight: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    const auditor = await makeUser(t.services, { roles: ['auditor'] });
    const refusals = (await t.services.audit.search(auditor, { personId: child.id, username: null, from: null, to: null, page: 1 })).rows.filter((r) => r.outcome === 'denied').map((r) => r.action);
    expect(refusals).toEqual(expect.arrayContaining(['child.supervision_recorded', 'child.oversight_recorded']));
    // Supervision on Tuesday 25 August, recorded today: 5 working days later (Monday 31 August not counted), within the standard.
    const [supervision] = await t.services.caseRecord.recordSupervision(manager, child.id, { discussion: 'Partner back in the home; risk of domestic abuse.', actions: 'Sam to visit unannounced by Friday.' }, at('2026-08-25', '14:00'));
    expect((await rule(child.id, 'recording.supervision'))?.state).toBe('met');
    await expect(t.services.caseRecord.signSupervision(manager, child.id, supervision!.id)).rejects.toBeInstanceOf(ForbiddenError);
    await t.services.caseRecord.signSupervision(worker, child.id, supervision!.id);
    expect(await problems(t.services.caseRecord.signSupervision(worker, child.id, supervision!.id))).toEqual({ supervision: 'You have already signed this supervision record' });
    const view = await t.services.caseRecord.view(worker, child.id);
    expect(view.supervision[0]?.signedBy?.recordedByName).toBe(worker.actor.displayName);
    await t.services.caseRecord.recordOversight(manager, child.id, { oversight: 'Agree the plan; review in 4 weeks.' });
    expect((await t.services.caseRecord.view(worker, child.id)).oversight[0]?.event.data.detail).toBe('Agree the plan; review in 4 weeks.');
  });

  it("shows a child's case closure with each standard's clock from the manager's decision, across the bank holiday", async () => {
    const { manager, child } = await allocatedCase(t.services);
    await importEvent(t.services, child.id, 'cin.plan_started', '2026-06-01T10:00:00+01:00');
    // Decided on Friday 28 August: the workflow is allocated within 2 working days, by Wednesday 2 September.
    await t.services.recordWork.record(manager, child.id, { type: 'closure.decided', occurredOn: '2026-08-28', occurredTime: '15:00', data: { outcome: 'close' } });
    const client = new Client(app);
    await client.signIn(manager.actor.username, manager.password);
    const text = mainText((await client.get(`/people/${child.id}/workflows/closure`)).body);
    expect(text).toContain('Case closure workflow triggered and allocated within 2 working days of the decision 2 September 2026');
    expect(text).toContain('Management decision to close the case or step it down to Early Help (starts it)');
    expect((await client.get(`/people/${child.id}/workflows/nonsense`)).statusCode).toBe(404);
    expect((await client.get(`/people/${child.id}/workflows/early-help`)).statusCode).toBe(200);
  });

  it('shows the case record and chronology pages, with every problem of a note at once', async () => {
    const { worker, child } = await allocatedCase(t.services);
    const client = new Client(app);
    await client.signIn(worker.actor.username, worker.password);
    expect((await client.get(`/people/${child.id}/case-record`)).statusCode).toBe(200);
    const refused = await client.post(`/people/${child.id}/case-record/notes`, { noteType: 'home_visit', 'occurredOn-day': '2', 'occurredOn-month': '9', 'occurredOn-year': '2026', occurredTime: '', present: '', facts: '' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Enter the time it happened');
    expect(mainText(refused.body)).toContain('Enter what happened: the facts');
    const saved = await client.post(`/people/${child.id}/case-record/significant-events`, { 'occurredOn-day': '1', 'occurredOn-month': '9', 'occurredOn-year': '2026', occurredTime: '09:00', detail: 'Moved school' });
    expect(saved.statusCode).toBe(302);
    expect(mainText((await client.get(`/people/${child.id}/chronology`)).body)).toContain('Moved school');
    const added = (await t.services.people.streamOf(child.id)).find((e) => e.type === 'case.significant_event_occurred');
    expect((await client.get(`/people/${child.id}/chronology`)).body).toContain(`/people/${child.id}/in-error/${added!.id}`);
    expect((await client.get(`/people/${child.id}/in-error/${added!.id}`)).statusCode).toBe(200);
  });

  it("warns on the case record when a child on a plan has had two, then three, visits without their bedroom being seen", async () => {
    const { worker, child } = await allocatedCase(t.services);
    await importEvent(t.services, child.id, 'cp.conference_held', '2026-07-01T10:00:00+01:00', { kind: 'initial', planMade: true, category: 'neglect' });
    await importEvent(t.services, child.id, 'cp.visit', '2026-07-10T10:00:00+01:00', { bedroomSeen: true });
    await importEvent(t.services, child.id, 'cp.visit', '2026-07-24T10:00:00+01:00', { bedroomSeen: false });
    expect((await t.services.caseRecord.view(worker, child.id)).bedrooms).toMatchObject({ visitsWithout: 1, state: 'ok' });
    await importEvent(t.services, child.id, 'cp.visit', '2026-08-07T10:00:00+01:00', { bedroomSeen: false });
    const client = new Client(app);
    await client.signIn(worker.actor.username, worker.password);
    expect(mainText((await client.get(`/people/${child.id}/case-record`)).body)).toContain("The child's bedroom was not seen at the last two visits: see it at the next one");
    await importEvent(t.services, child.id, 'cp.visit', '2026-08-21T10:00:00+01:00', {});
    expect(mainText((await client.get(`/people/${child.id}/case-record`)).body)).toContain("The child's bedroom has not been seen at the last 3 visits");
  });
});
