import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/access/roles';
import { engines, testDatabase } from '../support/testDatabase';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, childInput, importEvent, makeTeam, makeUser, world, type TestWorld } from '../factories';

/** The Record work form's boxes for a London date and time, with what else is given. */
function work(type: string, date: string, time: string, extra: Record<string, string> = {}) {
  const [year, month, day] = date.split('-') as [string, string, string];
  return { type, shownFor: type, 'occurredOn-day': String(Number(day)), 'occurredOn-month': String(Number(month)), 'occurredOn-year': year, occurredTime: time, ...extra };
}

/** The Record links on a page, as they are written in its HTML. */
const recordLinks = (html: string) => [...html.matchAll(/href="(\/people\/[^"]+\/work\/new\?[^"]+)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&'));

describe.each(engines())('recording practice work on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    // Monday 15 June 2026, 11:00 in London.
    t = world((await testDatabase(engine)).db, '2026-06-15T10:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  const imported = (personId: string, type: string, occurredAt: string, data: Record<string, unknown> = {}) => importEvent(t.services, personId, type, occurredAt, data);
  const eventCount = async (personId: string) => (await t.services.people.streamOf(personId)).length;
  const obligations = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId);

  async function signedIn(user: { actor: { username: string }; password: string }) {
    const client = new Client(app);
    await client.signIn(user.actor.username, user.password);
    return client;
  }

  async function auditOf(personId: string, action: string) {
    const auditor = await makeUser(t.services, { roles: ['auditor'] });
    const log = await t.services.audit.search(auditor, { personId, username: null, from: null, to: null, page: 1 });
    return log.rows.filter((r) => r.action === action);
  }

  it("records a visit from My work's Record link, and the visit meets the standard on time", async () => {
    const { worker, child } = await allocatedCase(t.services);
    // Plan agreed Monday 8 June: the first visit is due within 15 working days, by Monday 29 June.
    await imported(child.id, 'cin.plan_started', '2026-06-08T10:00:00+01:00');
    const client = await signedIn(worker);
    const home = await client.get('/');
    const link = recordLinks(home.body).find((href) => href.includes(child.id) && href.includes('rule=cin.visit'));
    expect(link).toBe(`/people/${child.id}/work/new?type=cin.visit&rule=cin.visit`);
    // Screen readers hear which child and which standard each Record link is for.
    expect(home.body).toContain(`Record<span class="govuk-visually-hidden">: Child in need visit at least every 15 working days, for ${child.details.givenNames} ${child.details.familyName}</span>`);

    const form = await client.get(link as string);
    expect(form.statusCode).toBe(200);
    const text = mainText(form.body);
    expect(text).toContain('Record work');
    expect(text).toContain('This meets the standard Child in need visit at least every 15 working days');
    expect(text).toContain('It is due by 29 June 2026');
    expect(form.body).toMatch(/<option value="cin.visit" selected>Child in need visit<\/option>/);
    expect(form.body).not.toContain('value="child.registered"');

    const saved = await client.post(`/people/${child.id}/work/new`, work('cin.visit', '2026-06-15', '09:30', { rule: 'cin.visit', summary: 'Seen at home, and alone in her room' }));
    expect(saved.statusCode).toBe(302);
    expect(saved.headers.location).toBe(`/people/${child.id}`);
    const sheet = await client.get(`/people/${child.id}`);
    expect(sheet.body).toContain('Child in need visit on 15 June 2026 at 9:30am has been recorded. It met the standard &quot;Child in need visit at least every 15 working days&quot; on time.');
    // Recording it the same day also meets the standard for recording visits.
    expect(sheet.body).toContain('It met the standard &quot;Child in need visit recorded within 48 hours&quot; on time.');
    expect(mainText(sheet.body)).toContain('Seen at home, and alone in her room');

    const visits = await obligations(child.id, 'cin.visit');
    expect(visits.map((v) => [v.obligation.dueDate, v.state])).toEqual([
      ['2026-06-29', 'met'],
      ['2026-07-06', 'due'],
    ]);
    const [event] = (await t.services.people.streamOf(child.id)).filter((e) => e.type === 'cin.visit');
    expect(event?.occurredAt.toISOString()).toBe('2026-06-15T08:30:00.000Z');
    expect(event?.recordedByName).toBe(worker.actor.displayName);
    const audited = await auditOf(child.id, 'child.work_recorded');
    expect(audited.map((r) => [r.outcome, r.username])).toEqual([['allowed', worker.actor.username]]);
    expect((await auditOf(child.id, 'child.viewed')).some((r) => (r.details as { for?: string } | null)?.for === `/people/${child.id}/work/new`)).toBe(true);
  });

  it('records a late visit with its reason, and the front sheet shows the reason beside the late standard', async () => {
    const { worker, child } = await allocatedCase(t.services);
    // Plan agreed Friday 1 May: the first visit was due by Tuesday 26 May (4 and 25 May are bank holidays).
    await imported(child.id, 'cin.plan_started', '2026-05-01T10:00:00+01:00');
    const client = await signedIn(worker);
    const sheet = await client.get(`/people/${child.id}`);
    expect(recordLinks(sheet.body)).toContain(`/people/${child.id}/work/new?type=cin.visit&rule=cin.visit`);
    expect(mainText(sheet.body)).toContain('Record work');
    const form = await client.get(`/people/${child.id}/work/new?type=cin.visit&rule=cin.visit`);
    expect(form.body).toContain('It was due by <strong>26 May 2026</strong>: if it was done after that, say why below');
    const saved = await client.post(`/people/${child.id}/work/new`, work('cin.visit', '2026-06-12', '14:00', { rule: 'cin.visit', lateReason: 'The family were away for three weeks' }));
    expect(saved.statusCode).toBe(302);
    const after = await client.get(`/people/${child.id}`);
    expect(after.body).toContain('It met the standard &quot;Child in need visit at least every 15 working days&quot; late: it was due by 26 May 2026.');
    expect(mainText(after.body)).toContain('Reason given: The family were away for three weeks');
    const [late] = await obligations(child.id, 'cin.visit');
    expect([late?.state, late?.obligation.lateReason]).toEqual(['met_late', 'The family were away for three weeks']);
  });

  it('presets what the standard says (a review conference) and asks the event type its own questions', async () => {
    const { worker, child } = await allocatedCase(t.services);
    await imported(child.id, 'cp.conference_held', '2026-03-02T10:00:00Z', { kind: 'initial', planMade: true });
    // A conference's decision is its chair's alone: the worker is refused, and the refusal audited.
    const asWorker = await signedIn(worker);
    const offered = await asWorker.get(`/people/${child.id}/work/new`);
    expect(offered.body).not.toContain('value="cp.conference_held"');
    expect(offered.body).toContain('value="cp.visit"');
    const refused = await asWorker.post(`/people/${child.id}/work/new`, work('cp.conference_held', '2026-06-01', '10:00', { 'data.kind': 'review', 'data.planContinues': 'yes' }));
    expect([refused.statusCode, mainText(refused.body).includes("Only the conference's chair records its decision")]).toEqual([403, true]);
    const client = await signedIn(await makeUser(t.services, { roles: ['cp-chair'] }));
    const form = await client.get(`/people/${child.id}/work/new?type=cp.conference_held&rule=cp.first-review-conference`);
    expect(form.body).toContain('value="cp.conference_held"');
    expect(form.body).toMatch(/<input class="govuk-radios__input" id="data-kind-2" name="data.kind" type="radio" value="review" checked>/);
    expect(mainText(form.body)).toContain('Category of abuse (optional)');
    expect(mainText(form.body)).toContain('Does the child protection plan continue? (optional)');
    const saved = await client.post(`/people/${child.id}/work/new`, work('cp.conference_held', '2026-06-01', '10:00', { 'data.kind': 'review', 'data.planContinues': 'yes', rule: 'cp.first-review-conference' }));
    expect(saved.statusCode).toBe(302);
    const conference = (await t.services.people.streamOf(child.id)).at(-1);
    expect(conference?.data).toEqual({ kind: 'review', planContinues: true });
    expect((await obligations(child.id, 'cp.first-review-conference'))[0]?.state).toBe('met');
  });

  it('refuses every kind of bad input with a 400 page naming the field to fix, and saves nothing', async () => {
    const { child } = await allocatedCase(t.services);
    await imported(child.id, 'cin.plan_started', '2026-06-01T10:00:00+01:00');
    await imported(child.id, 'care_leaver.pa_allocated', '2026-06-01T10:00:00+01:00');
    // A conference chair, who may record both a visit and a conference's decision.
    const client = await signedIn(await makeUser(t.services, { roles: ['cp-chair'] }));
    const before = await eventCount(child.id);
    const cases: [Record<string, string>, string, string][] = [
      [work('', '2026-06-12', '10:00'), 'Select what was done', '#type'],
      [work('no.such_work', '2026-06-12', '10:00'), 'Select what was done from the list', '#type'],
      [work('child.registered', '2026-06-12', '10:00'), 'Select what was done from the list', '#type'],
      [work('cin.visit', '2026-02-31', '10:00'), 'Date it happened must be a real date', '#occurredOn-day'],
      [{ ...work('cin.visit', '2026-06-12', '10:00'), 'occurredOn-month': '' }, 'Date it happened must include a month', '#occurredOn-month'],
      [work('cin.visit', '2026-06-12', ''), 'Enter the time it happened, like 14:30', '#occurredTime'],
      [work('cin.visit', '2026-06-12', '25:10'), 'Time it happened must be a real time on the 24-hour clock', '#occurredTime'],
      [work('cin.visit', '2026-06-16', '10:00'), 'Date it happened must be today or in the past', '#occurredOn-day'],
      [work('cin.visit', '2026-06-15', '11:30'), 'Time it happened must be in the past: it is 11:00 now', '#occurredTime'],
      [work('cin.visit', '2026-03-29', '01:30'), 'There was no 01:30 on 29 March 2026: the clocks went forward', '#occurredTime'],
      [work('cp.conference_held', '2026-06-12', '10:00'), 'Select the kind of conference', '#data-kind'],
      [work('cp.conference_held', '2026-06-12', '10:00', { 'data.kind': 'annual' }), 'Select the kind of conference from the list', '#data-kind'],
      [work('cp.conference_held', '2026-06-12', '10:00', { 'data.kind': 'initial', 'data.planMade': 'perhaps' }), 'Answer yes or no: Was a child protection plan made?', '#data-planMade'],
      [work('care_leaver.circumstances_updated', '2026-06-12', '10:00', { 'data.age': '30' }), 'Age of the young person must be between 17 and 21', '#data-age'],
      [work('care_leaver.circumstances_updated', '2026-06-12', '10:00', { 'data.age': 'seventeen' }), 'Age of the young person must be a whole number', '#data-age'],
      [work('cin.visit', '2026-06-12', '10:00', { summary: 'x'.repeat(2001) }), 'What happened must be 2000 characters or fewer', '#summary'],
      [work('cin.visit', '2026-06-12', '10:00', { lateReason: 'x'.repeat(501) }), 'Why it was late must be 500 characters or fewer', '#lateReason'],
      // Another kind of work chosen than the page asked about: its own questions are asked first.
      [{ ...work('cin.visit', '2026-06-12', '10:00'), shownFor: 'cp.visit' }, 'Answer the questions about "Child in need visit", then save', '#data-seenAlone'],
      // A placement is recorded on its own pages, where the provider's rating and the agreement to a move are checked (issue 7).
      [work('cic.placement_started', '2026-06-12', '10:00', { 'data.setting': 'residential', 'data.providerId': 'anything' }), 'Select what was done from the list', '#type'],
    ];
    for (const [form, message, anchor] of cases) {
      await client.get(`/people/${child.id}/work/new`);
      const refused = await client.post(`/people/${child.id}/work/new`, form);
      expect(refused.statusCode, message).toBe(400);
      expect(refused.body, message).toContain('govuk-error-summary');
      expect(refused.body).toMatch(/<title>Error: Record work: /);
      expect(mainText(refused.body), message).toContain(message);
      expect(refused.body, message).toContain(`href="${anchor}"`);
    }
    expect(await eventCount(child.id)).toBe(before);
  });

  it('shows every problem at once, in the order of the page, and keeps what was typed', async () => {
    const { child } = await allocatedCase(t.services);
    const client = await signedIn(await makeUser(t.services, { roles: ['cp-chair'] }));
    await client.get(`/people/${child.id}/work/new`);
    const refused = await client.post(`/people/${child.id}/work/new`, { ...work('cp.conference_held', '2026-02-31', 'noon'), summary: 'Conference at the school', 'data.category': 'bogus' });
    expect(refused.statusCode).toBe(400);
    const summary = /<div class="govuk-error-summary__body">[\s\S]*?<\/div>/.exec(refused.body)?.[0] ?? '';
    const anchors = [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(anchors).toEqual(['occurredOn-day', 'occurredTime', 'data-kind', 'data-category']);
    expect(refused.body).toContain('Conference at the school');
    expect(refused.body).toContain('value="noon"');
  });

  it('refuses work out of order, saying what to record first or which date to check', async () => {
    const { worker, child } = await allocatedCase(t.services);
    const client = await signedIn(worker);
    const before = await eventCount(child.id);
    await client.get(`/people/${child.id}/work/new`);
    const review = await client.post(`/people/${child.id}/work/new`, work('cic.pep_meeting_held', '2026-06-10', '10:00'));
    expect(review.statusCode).toBe(400);
    expect(mainText(review.body)).toContain(
      'Personal Education Plan meeting held on 10 June 2026 at 10:00am is not during a period in care. Record when it started (Became looked after) first, or check the date',
    );
    expect(review.body).toContain('href="#occurredOn-day"');
    const casework = await client.post(`/people/${child.id}/work/new`, work('closure.casework_recorded', '2026-06-10', '10:00'));
    expect(mainText(casework.body)).toContain('comes before any management decision to close the case or step it down to early help. Record that first, or check the date');
    await imported(child.id, 'cin.plan_started', '2026-05-01T10:00:00+01:00');
    await imported(child.id, 'cin.plan_ended', '2026-06-01T10:00:00+01:00');
    const afterEnd = await client.post(`/people/${child.id}/work/new`, work('cin.visit', '2026-06-10', '10:00'));
    expect(mainText(afterEnd.body)).toContain('Child in need visit on 10 June 2026 at 10:00am is after the end of a child in need plan (Child in need plan ended)');
    expect(await eventCount(child.id)).toBe(before + 2);
    // Before the plan ended it was during it: accepted.
    expect((await client.post(`/people/${child.id}/work/new`, work('cin.visit', '2026-05-20', '10:00'))).statusCode).toBe(302);
  });

  it("refuses, and audits as denied, someone who may not record on the child's record", async () => {
    const { child } = await allocatedCase(t.services);
    const otherTeam = await makeTeam(t.services);
    const refused: [string, Role, string[]][] = [
      ['a social worker of another team', 'social-worker', [otherTeam]],
      ['a panel chair', 'panel-chair', []],
      ['an administrator', 'administrator', []],
      ['a placements officer', 'placements-officer', []],
    ];
    const usernames: string[] = [];
    for (const [who, role, teamIds] of refused) {
      const user = await makeUser(t.services, { roles: [role], teamIds });
      usernames.push(user.actor.username);
      const client = await signedIn(user);
      const page = await client.get(`/people/${child.id}/work/new`);
      expect(page.statusCode, who).toBe(403);
      await client.get('/');
      const post = await client.post(`/people/${child.id}/work/new`, work('cin.visit', '2026-06-12', '10:00'));
      expect(post.statusCode, who).toBe(403);
      const sheet = await client.get(`/people/${child.id}`);
      if (sheet.statusCode === 200) {
        expect(mainText(sheet.body), who).not.toContain('Record work');
        expect(recordLinks(sheet.body), who).toEqual([]);
      }
    }
    const auditor = await makeUser(t.services, { roles: ['auditor'] });
    for (const username of usernames) {
      const rows = (await t.services.audit.search(auditor, { personId: null, username, from: null, to: null, page: 1 })).rows;
      const denied = rows.filter((r) => r.outcome === 'denied' && r.action === 'child.work_recorded' && r.path === `/people/${child.id}/work/new`);
      expect(denied, username).toHaveLength(1);
    }
    // The social worker's refusal came from the record itself: it names the child.
    expect((await auditOf(child.id, 'child.work_recorded')).map((r) => r.outcome)).toEqual(['denied']);
    expect(await eventCount(child.id)).toBe(2);
  });

  it('sends an IRO from another team to the reviews page to record the review they chaired', async () => {
    const { child } = await allocatedCase(t.services);
    await imported(child.id, 'cic.started', '2026-05-01T16:00:00+01:00', { legalStatus: 'C2' });
    const iro = await makeUser(t.services, { roles: ['iro'], teamIds: [await makeTeam(t.services)] });
    const client = await signedIn(iro);
    const sheet = await client.get(`/people/${child.id}`);
    // The review is recorded on its own page, with its decisions: the standard links there, not to Record work.
    expect(recordLinks(sheet.body).some((href) => href.includes('type=cic.review_held'))).toBe(false);
    expect(sheet.body).toContain(`href="/people/${child.id}/reviews"`);
    await client.get(`/people/${child.id}/reviews`);
    const saved = await client.post(`/people/${child.id}/reviews/held`, { 'occurredOn-day': '27', 'occurredOn-month': '5', 'occurredOn-year': '2026', occurredTime: '10:00', childParticipation: 'attended', decisions: 'Placement to continue; contact with mother fortnightly.', lastBeforeEighteen: 'no' });
    expect(saved.statusCode).toBe(302);
    expect((await obligations(child.id, 'cic.first-review'))[0]?.state).toBe('met');
  });

  it('keeps a restricted record to those who may see it', async () => {
    const { teamId, manager, worker, child } = await allocatedCase(t.services);
    await imported(child.id, 'cin.plan_started', '2026-06-08T10:00:00+01:00');
    await t.services.people.restrict(manager, child.id, 'A member of staff is related to the family');
    const colleague = await makeUser(t.services, { roles: ['social-worker'], teamIds: [teamId] });
    const outsider = await signedIn(colleague);
    expect((await outsider.get(`/people/${child.id}/work/new`)).statusCode).toBe(403);
    await outsider.get('/');
    expect((await outsider.post(`/people/${child.id}/work/new`, work('cin.visit', '2026-06-12', '10:00'))).statusCode).toBe(403);
    expect((await auditOf(child.id, 'child.work_recorded')).map((r) => r.outcome)).toEqual(['denied']);

    const allocated = await signedIn(worker);
    const home = await allocated.get('/');
    expect(recordLinks(home.body)).toContain(`/people/${child.id}/work/new?type=cin.visit&rule=cin.visit`);
    await allocated.get(`/people/${child.id}/work/new?type=cin.visit&rule=cin.visit`);
    expect((await allocated.post(`/people/${child.id}/work/new`, work('cin.visit', '2026-06-12', '10:00'))).statusCode).toBe(302);
  });

  it('answers a record that does not exist, or a professional, with a page and not an error', async () => {
    const { worker } = await allocatedCase(t.services);
    const client = await signedIn(worker);
    expect((await client.get('/people/not-an-id/work/new')).statusCode).toBe(404);
    expect((await client.get('/people/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d/work/new')).statusCode).toBe(404);
    const professional = await t.services.people.register(
      worker,
      childInput({ kind: 'professional', dateOfBirth: null, gender: null, ethnicity: null, firstLanguage: null, organisation: 'Wealdmoor Primary School', professionalRole: 'teacher' }),
    );
    if (professional.outcome !== 'registered') throw new Error('expected the professional to be added');
    const page = await client.get(`/people/${professional.record.id}/work/new`);
    expect(page.statusCode).toBe(400);
    expect(mainText(page.body)).toContain("Practice work is recorded on the child's or adult's own record, not a professional's");
  });
});
