import { beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '../../src/domain/calendar/localDate';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { allocatedCase, makeTeam, makeUser, world, type TestWorld } from '../factories';

const search = (q: string) => ({ q, dateOfBirth: null, kind: null, page: 1, pageSize: 20 });

describe.each(engines())('access and audit on %s', (engine) => {
  let t: TestWorld;
  beforeAll(async () => {
    t = world((await testDatabase(engine)).db);
  });

  it('hides a restricted child from search and refuses the record to anyone not allowed, auditing the refusal', async () => {
    const { teamId, manager, worker, child } = await allocatedCase(t.services);
    const colleague = await makeUser(t.services, { roles: ['social-worker'], teamIds: [teamId] });
    const elsewhere = await makeUser(t.services, { roles: ['social-worker'], teamIds: [await makeTeam(t.services)] });
    const head = await makeUser(t.services, { roles: ['head-of-service'] });
    await t.services.people.restrict(manager, child.id, 'Child of a member of staff');

    const name = child.details.familyName;
    const seenBy = async (who: typeof worker) => (await t.services.people.search(who, search(name))).records.map((r) => r.id);
    expect(await seenBy(worker)).toEqual([child.id]); // the allocated worker
    expect(await seenBy(manager)).toEqual([child.id]); // the team's manager
    expect(await seenBy(head)).toEqual([child.id]); // the head of service
    expect(await seenBy(colleague)).toEqual([]); // same team, but neither allocated nor a manager
    expect(await seenBy(elsewhere)).toEqual([]);

    await expect(t.services.people.frontSheet(elsewhere, child.id)).rejects.toThrow(ForbiddenError);
    const log = await t.services.audit.search(await makeUser(t.services, { roles: ['auditor'] }), { personId: child.id, username: elsewhere.actor.username, from: null, to: null, page: 1 });
    expect(log.rows.map((r) => [r.action, r.outcome])).toContainEqual(['child.viewed', 'denied']);

    await t.services.people.grantAccess(manager, child.id, elsewhere.actor.username);
    expect(await seenBy(elsewhere)).toEqual([child.id]);
    const sheet = await t.services.people.frontSheet(manager, child.id);
    await t.services.people.revokeAccess(manager, child.id, sheet.grants[0]!.id);
    expect(await seenBy(elsewhere)).toEqual([]);
  });

  it('lets an administrator manage users but not see children', async () => {
    const { child } = await allocatedCase(t.services);
    const admin = await makeUser(t.services, { roles: ['administrator'] });
    await expect(t.services.people.frontSheet(admin, child.id)).rejects.toThrow(ForbiddenError);
    await expect(t.services.people.register(admin, { kind: 'child' } as never)).rejects.toThrow(ForbiddenError);
  });

  it('stops a social worker in another team from correcting an allocated child', async () => {
    const { child } = await allocatedCase(t.services);
    const elsewhere = await makeUser(t.services, { roles: ['social-worker'], teamIds: [await makeTeam(t.services)] });
    await expect(t.services.people.correct(elsewhere, child.id, { changes: { firstLanguage: 'Welsh' }, reason: 'x' })).rejects.toThrow(ForbiddenError);
  });

  it('records every view and change, with who, when and from where, and lets auditors search by child, user and date', async () => {
    const { worker, child } = await allocatedCase(t.services);
    t.clock.set('2026-07-01T08:00:00Z');
    await t.services.people.frontSheet(worker, child.id);
    t.clock.set('2026-07-02T08:00:00Z');
    await t.services.people.correct(worker, child.id, { changes: { firstLanguage: 'Polish' }, reason: 'Interpreter confirmed' });
    const auditor = await makeUser(t.services, { roles: ['auditor'] });

    const byChild = await t.services.audit.search(auditor, { personId: child.id, username: null, from: null, to: null, page: 1 });
    const actions = byChild.rows.map((r) => r.action);
    expect(actions).toContain('child.viewed');
    expect(actions).toContain('child.corrected');
    const corrected = byChild.rows.find((r) => r.action === 'child.corrected');
    expect([corrected?.username, corrected?.ipAddress, corrected?.outcome]).toEqual([worker.actor.username, '127.0.0.1', 'allowed']);

    const byUser = await t.services.audit.search(auditor, { personId: null, username: worker.actor.username.toUpperCase(), from: null, to: null, page: 1 });
    expect(byUser.rows.length).toBeGreaterThanOrEqual(2);
    expect(byUser.rows.every((r) => r.username === worker.actor.username)).toBe(true);

    // Audit rows carry the database's own time (now()), so the date filter is checked on today's
    // London date. The searches themselves are audited too: they are the rows about the search.
    const today = londonDate(new Date());
    const recordRows = (rows: { action: string }[]) => rows.filter((r) => r.action !== 'audit.searched');
    const onDate = await t.services.audit.search(auditor, { personId: child.id, username: null, from: today, to: today, page: 1 });
    expect(recordRows(onDate.rows).length).toBe(recordRows(byChild.rows).length);
    expect(onDate.rows.map((r) => r.action)).toContain('audit.searched');
    const before = await t.services.audit.search(auditor, { personId: child.id, username: null, from: '2000-01-01', to: '2000-01-02', page: 1 });
    expect(before.rows).toEqual([]);
    await expect(t.services.audit.search(worker, { personId: null, username: null, from: null, to: null, page: 1 })).rejects.toThrow(ForbiddenError);
  });
});
