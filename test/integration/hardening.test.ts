import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../src/cli/cliContext';
import { ForbiddenError, ValidationError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, childInput, makeTeam, makeUser, registerChild, world, type TestWorld } from '../factories';

/** Each test here guards against a defect a security review found, named by what it protects. */
describe.each(engines())('hardening on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, new Date());
    app = await testApp(t);
  });
  afterAll(() => app.close());

  async function adultRelatedTo(worker: Awaited<ReturnType<typeof makeUser>>, childId: string) {
    const adult = await t.services.people.register(worker, { ...childInput({ kind: 'adult', dateOfBirth: '1985-01-01' }), confirmNotDuplicate: true });
    if (adult.outcome !== 'registered') throw new Error('adult not registered');
    await t.services.people.recordRelationship(worker, adult.record.id, { relatedPersonId: childId, type: 'parent', parentalResponsibility: false, professionalRole: null, startDate: '2015-03-27' });
    return adult.record;
  }

  it("does not show a restricted child's name through another person's history, front sheet or API", async () => {
    const { worker, manager, child } = await allocatedCase(t.services);
    const adult = await adultRelatedTo(worker, child.id);
    await t.services.people.restrict(manager, child.id, 'Staff relative');
    const outsider = await makeUser(t.services, { roles: ['iro'] });
    const name = child.details.familyName;

    const browser = new Client(app);
    await browser.signIn(outsider.actor.username, outsider.password);
    expect(mainText((await browser.get(`/people/${adult.id}`)).body)).not.toContain(name);
    expect(mainText((await browser.get(`/people/${adult.id}/history`)).body)).not.toContain(name);
    const token = await t.services.userAdmin.issueToken(cliContext(), outsider.actor.userId, 'test');
    // The adult is not a child, so the children API has no history for them; a sibling's does.
    const sibling = await registerChild(t.services, worker);
    await t.services.people.recordRelationship(worker, sibling.id, { relatedPersonId: child.id, type: 'sibling', parentalResponsibility: false, professionalRole: null, startDate: '2016-01-01' });
    const history = await app.inject({ method: 'GET', url: `/api/v1/children/${sibling.id}/history`, headers: { authorization: `Bearer ${token}` } });
    expect(history.body).not.toContain(child.id);
    expect(history.body).not.toContain(name);
    expect(history.json().events[0].data).toMatchObject({ relatedPersonId: null, restrictedPersonWithheld: true });
  });

  it("refuses a relationship that would change a child's record to someone who may not change it, and audits the refusal on the child", async () => {
    const { child } = await allocatedCase(t.services);
    const elsewhere = await makeUser(t.services, { roles: ['social-worker'], teamIds: [await makeTeam(t.services)] });
    await expect(adultRelatedTo(elsewhere, child.id)).rejects.toThrow(ForbiddenError);
    const auditor = await makeUser(t.services, { roles: ['auditor'] });
    const log = await t.services.audit.search(auditor, { personId: child.id, username: elsewhere.actor.username, from: null, to: null, page: 1 });
    expect(log.rows.map((r) => [r.action, r.outcome])).toContainEqual(['child.relationship_recorded', 'denied']);
  });

  it('audits a relationship on both records', async () => {
    const { worker, child } = await allocatedCase(t.services);
    const adult = await adultRelatedTo(worker, child.id);
    const auditor = await makeUser(t.services, { roles: ['auditor'] });
    const onChild = await t.services.audit.search(auditor, { personId: child.id, username: null, from: null, to: null, page: 1 });
    expect(onChild.rows.some((r) => r.action === 'child.relationship_recorded' && (r.details as { changedFrom?: string })?.changedFrom === adult.id)).toBe(true);
  });

  it('does not undo a restriction when the form is sent twice', async () => {
    const { manager, child } = await allocatedCase(t.services);
    const browser = new Client(app);
    await browser.signIn(manager.actor.username, manager.password);
    await browser.get(`/people/${child.id}/restriction`);
    const form = { action: 'restrict', reason: 'Staff relative' };
    expect((await browser.post(`/people/${child.id}/restriction`, form)).statusCode).toBe(302);
    const again = await browser.post(`/people/${child.id}/restriction`, form);
    expect(again.statusCode).toBe(400);
    expect(mainText(again.body)).toContain('The record is already restricted');
    expect((await t.services.people.find(child.id))?.restricted).toBe(true);
  });

  it('stops an administrator changing their own roles', async () => {
    const admin = await makeUser(t.services, { roles: ['administrator'] });
    await expect(t.services.userAdmin.changeAccess(admin, admin.actor.userId, { roles: ['administrator', 'head-of-service'], teamIds: [] })).rejects.toThrow('cannot change your own roles');
  });

  it("gives an auditor a restricted record's Hearth ID but not its name", async () => {
    const { manager, child } = await allocatedCase(t.services);
    await t.services.people.restrict(manager, child.id, 'Staff relative');
    expect(await t.services.people.identity(child.hearthId)).toMatchObject({ name: 'Restricted record' });
    expect(await t.services.people.identities([child.id])).toEqual({ [child.id]: { hearthId: child.hearthId, name: 'Restricted record' } });
  });

  it('audits the likely duplicates shown when adding a person, as a search', async () => {
    const worker = await makeUser(t.services, { roles: ['social-worker'] });
    const first = await registerChild(t.services, worker);
    await t.services.people.register(worker, childInput({ givenNames: first.details.givenNames, familyName: first.details.familyName, dateOfBirth: first.details.dateOfBirth }));
    const auditor = await makeUser(t.services, { roles: ['auditor'] });
    const log = await t.services.audit.search(auditor, { personId: null, username: worker.actor.username, from: null, to: null, page: 1 });
    const shown = log.rows.find((r) => r.action === 'child.searched');
    expect((shown?.details as { shown?: string[] })?.shown).toEqual([first.id]);
  });

  it('answers awkward input with 400, not a server error', async () => {
    const { worker, child } = await allocatedCase(t.services);
    const browser = new Client(app);
    await browser.signIn(worker.actor.username, worker.password);
    expect((await browser.get(`/people/${child.id}/relationships/new?q=a&q=b`)).statusCode).toBe(200);
    expect((await browser.get(`/people/${child.id}/history?before=999999999999999.1`)).statusCode).toBe(400);
    const search = await browser.get('/people?q=%25%25');
    expect(search.statusCode).toBe(400);
    expect(mainText(search.body)).toContain('Search by a name, an NHS number or a Hearth ID');
    const token = await t.services.userAdmin.issueToken(cliContext(), worker.actor.userId, 'test');
    const api = (url: string, body?: unknown) =>
      app.inject({ method: body ? 'POST' : 'GET', url, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { payload: JSON.stringify(body) } : {}) });
    expect((await api(`/api/v1/children/${child.id}/history?before=999999999999999.1`)).statusCode).toBe(400);
    const unknownField = await api('/api/v1/children', { givenNames: 'A', familyName: 'B', dateOfBirth: '2015-01-01', nhsNumbr: '9434765919' });
    expect(unknownField.statusCode).toBe(400);
    expect(JSON.stringify(unknownField.json().errors)).toContain('nhsNumbr');

    const auditor = await makeUser(t.services, { roles: ['auditor'] });
    const auditing = new Client(app);
    await auditing.signIn(auditor.actor.username, auditor.password);
    expect((await auditing.get('/audit?to-day=31&to-month=12&to-year=9999')).statusCode).toBe(200);
    expect((await auditing.get('/audit?username=x&page=abc')).statusCode).toBe(400);
  });

  it('counts every failed sign-in sent at the same moment before any is let through', async () => {
    const user = await makeUser(t.services, { roles: ['social-worker'] });
    const where = { ipAddress: null, method: null, path: null };
    const attempts = await Promise.all([
      ...Array.from({ length: 12 }, () => t.services.signIn.signIn(user.actor.username, 'wrong password', where)),
      t.services.signIn.signIn(user.actor.username, user.password, where),
    ]);
    const result = (await t.db.execute(sql`select outcome, count(*)::int as n from sign_in_attempts where username = ${user.actor.username} group by outcome`)) as unknown as { rows: { outcome: string; n: number }[] };
    const counts = Object.fromEntries(result.rows.map((r) => [r.outcome, r.n]));
    // However the attempts interleave, no more than 5 failures are checked before the lock, and
    // a correct password that arrives after them is refused too.
    expect(counts.failed).toBeLessThanOrEqual(5);
    expect(attempts.filter((a) => a.outcome === 'signed-in').length).toBeLessThanOrEqual(1);
    expect((await t.services.signIn.signIn(user.actor.username, user.password, where)).outcome).toBe(counts.failed === 5 ? 'locked' : 'signed-in');
  });

  it('ends the sessions of a user whose password is reset', async () => {
    const user = await makeUser(t.services, { roles: ['social-worker'] });
    const browser = new Client(app);
    await browser.signIn(user.actor.username, user.password);
    expect((await browser.get('/')).statusCode).toBe(200);
    await t.services.userAdmin.resetPassword(cliContext(), user.actor.userId, 'a completely new password');
    expect((await browser.get('/')).statusCode).toBe(302);
  });

  it('limits sign-in attempts by address, whatever headers are sent', async () => {
    const limited = await testApp(t, { HEARTH_SIGN_IN_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await limited.inject({ method: 'POST', url: '/sign-in', headers: { authorization: `x${i}`, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'username=a&password=b' });
        statuses.push(response.statusCode);
      }
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('refuses a correction body with a field that does not exist', async () => {
    const { worker, child } = await allocatedCase(t.services);
    await expect(t.services.people.correct(worker, child.id, { changes: { givenNames: 'X' }, reason: 'x', extra: true } as never)).rejects.toThrow(ValidationError);
  });
});
