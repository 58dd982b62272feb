import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { allocatedCase, childInput, makeTeam, makeUser, registerChild, uniqueName, validNhsNumber, world, type TestWorld } from '../factories';

async function eventCount(t: TestWorld, personId: string): Promise<number> {
  const result = (await t.db.execute(sql`select count(*)::int as n from events where person_id = ${personId}`)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n);
}

describe.each(engines())('records on %s', (engine) => {
  let t: TestWorld;
  beforeAll(async () => {
    t = world((await testDatabase(engine)).db);
  });
  beforeEach(() => t.clock.set('2026-06-15T10:00:00Z'));

  it('registers a child as an event and a projection, with a Hearth ID', async () => {
    const worker = await makeUser(t.services, { roles: ['social-worker'] });
    const nhsNumber = validNhsNumber();
    const child = await registerChild(t.services, worker, { nhsNumber: `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}` });
    expect(child.hearthId).toBeGreaterThanOrEqual(100001);
    expect(child.details.nhsNumber).toBe(nhsNumber);
    const history = await t.services.people.history(worker, child.id);
    expect(history.events.map((e) => e.type)).toEqual(['child.registered']);
    expect(history.events[0]?.recordedByName).toBe(worker.actor.displayName);
  });

  it('keeps the old value and the reason when a field is corrected', async () => {
    const { worker, child } = await allocatedCase(t.services);
    t.clock.set('2026-06-16T09:00:00Z');
    await t.services.people.correct(worker, child.id, { changes: { dateOfBirth: '2015-03-28', familyName: child.details.familyName }, reason: 'Birth certificate seen' });
    const after = await t.services.people.find(child.id);
    expect(after?.details.dateOfBirth).toBe('2015-03-28');
    const history = await t.services.people.history(worker, child.id);
    const correction = history.events.find((e) => e.type === 'person.details_corrected');
    // Only the field that changed is recorded, with what it was.
    expect(correction?.data).toEqual({ changes: [{ field: 'dateOfBirth', from: '2015-03-27', to: '2015-03-28' }] });
    expect(correction?.reason).toBe('Birth certificate seen');
    expect(correction?.recordedAt.toISOString()).toBe('2026-06-16T09:00:00.000Z');
  });

  it('still finds a person by the name they had before a correction', async () => {
    const { worker, child } = await allocatedCase(t.services);
    const oldFamilyName = child.details.familyName;
    await t.services.people.correct(worker, child.id, { changes: { familyName: uniqueName() }, reason: 'Name changed by deed poll' });
    const found = await t.services.people.search(worker, { q: oldFamilyName, dateOfBirth: null, kind: null, page: 1, pageSize: 20 });
    expect(found.records.map((r) => r.id)).toContain(child.id);
  });

  it('finds names with accents and non-English letters whatever the database locale', async () => {
    const worker = await makeUser(t.services, { roles: ['social-worker'] });
    const suffix = uniqueName().toLowerCase();
    const siobhan = await registerChild(t.services, worker, { givenNames: 'Siobhán', familyName: `Ó Súilleabháin${suffix}` });
    const emre = await registerChild(t.services, worker, { givenNames: 'Şükrü', familyName: `Öztürk${suffix}` });
    const found = async (q: string) => (await t.services.people.search(worker, { q, dateOfBirth: null, kind: null, page: 1, pageSize: 20 })).records.map((r) => r.id);
    expect(await found(`suilleabhain${suffix}`)).toEqual([siobhan.id]);
    expect(await found(`ÖZTÜRK${suffix}`)).toEqual([emre.id]);
    expect(await found(`sukru ozturk${suffix}`)).toEqual([emre.id]);
    const again = await t.services.people.register(worker, childInput({ givenNames: 'sukru', familyName: `OZTURK${suffix}`, dateOfBirth: emre.details.dateOfBirth }));
    expect(again.outcome).toBe('possible-duplicates');
  });

  it('refuses a correction that changes nothing, and saves nothing', async () => {
    const { worker, child } = await allocatedCase(t.services);
    const before = await eventCount(t, child.id);
    await expect(t.services.people.correct(worker, child.id, { changes: { givenNames: child.details.givenNames }, reason: 'No change' })).rejects.toThrow(ValidationError);
    expect(await eventCount(t, child.id)).toBe(before);
  });

  it('refuses an invalid NHS number, a future birth date and a field that does not apply, naming each field', async () => {
    const worker = await makeUser(t.services, { roles: ['social-worker'] });
    const attempt = t.services.people.register(worker, childInput({ nhsNumber: '9434765918', dateOfBirth: '2026-06-16', organisation: 'Somewhere' }));
    const error = (await attempt.catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.problems.map((p) => p.field).sort()).toEqual(['dateOfBirth', 'nhsNumber', 'organisation']);
  });

  it('accepts a date of birth of today but not tomorrow (London dates)', async () => {
    const worker = await makeUser(t.services, { roles: ['social-worker'] });
    // 23:30 UTC on 15 June is 00:30 on 16 June in London (BST): 16 June is today.
    t.clock.set('2026-06-15T23:30:00Z');
    const child = await registerChild(t.services, worker, { dateOfBirth: '2026-06-16' });
    expect(child.details.dateOfBirth).toBe('2026-06-16');
    await expect(t.services.people.register(worker, childInput({ dateOfBirth: '2026-06-17' }))).rejects.toThrow(ValidationError);
  });

  it('warns of a likely duplicate (same name and date of birth) until the user confirms', async () => {
    const worker = await makeUser(t.services, { roles: ['social-worker'] });
    const first = await registerChild(t.services, worker);
    const again = childInput({ givenNames: first.details.givenNames.toUpperCase(), familyName: first.details.familyName, dateOfBirth: first.details.dateOfBirth });
    const result = await t.services.people.register(worker, again);
    expect(result.outcome).toBe('possible-duplicates');
    if (result.outcome === 'possible-duplicates') expect(result.duplicates.map((d) => d.id)).toEqual([first.id]);
    const confirmed = await t.services.people.register(worker, { ...again, confirmNotDuplicate: true });
    expect(confirmed.outcome).toBe('registered');
  });

  it('hides an entry recorded in error, closes up the address history, and keeps it in the history', async () => {
    const { worker, child } = await allocatedCase(t.services);
    const address = (line1: string, startDate: string) => ({ line1, line2: null, town: 'Wealdmoor', postcode: 'WM1 4AB', startDate });
    await t.services.people.recordAddress(worker, child.id, address('1 First Street', '2020-01-01'));
    const [wrong] = await t.services.people.recordAddress(worker, child.id, address('2 Wrong Street', '2024-01-01'));
    await t.services.people.recordAddress(worker, child.id, address('3 Third Street', '2025-01-01'));
    let sheet = await t.services.people.frontSheet(worker, child.id);
    expect(sheet.addresses.map((a) => [a.line1, a.endDate])).toEqual([['1 First Street', '2024-01-01'], ['2 Wrong Street', '2025-01-01'], ['3 Third Street', null]]);

    await t.services.people.markInError(worker, child.id, { eventId: wrong!.id, reason: 'Typed on the wrong record' });
    sheet = await t.services.people.frontSheet(worker, child.id);
    expect(sheet.addresses.map((a) => [a.line1, a.endDate])).toEqual([['1 First Street', '2025-01-01'], ['3 Third Street', null]]);
    const history = await t.services.people.history(worker, child.id);
    expect(history.events.some((e) => e.id === wrong!.id)).toBe(true);
    expect(history.inError.get(wrong!.id)?.reason).toBe('Typed on the wrong record');
    await expect(t.services.people.markInError(worker, child.id, { eventId: wrong!.id, reason: 'again' })).rejects.toThrow('already marked');
  });

  it('derives legal status history from the children in care events', async () => {
    const { worker, child } = await allocatedCase(t.services);
    const { cliContext } = await import('../../src/cli/cliContext');
    await t.services.people.importEvents(cliContext(), [
      { personId: child.id, type: 'cic.started', occurredAt: new Date('2026-01-05T10:00:00Z'), data: { legalStatus: 'V2' } },
      { personId: child.id, type: 'cic.legal_status_changed', occurredAt: new Date('2026-02-10T10:00:00Z'), data: { legalStatus: 'C1' } },
    ]);
    const sheet = await t.services.people.frontSheet(worker, child.id);
    expect(sheet.legalStatuses.map((s) => [s.status, s.startDate, s.endDate])).toEqual([['V2', '2026-01-05', '2026-02-10'], ['C1', '2026-02-10', null]]);
    expect(sheet.currentLegalStatus?.status).toBe('C1');
  });

  it('ends a warning, and refuses to end it twice', async () => {
    const { worker, child } = await allocatedCase(t.services);
    const [warning] = await t.services.people.recordWarning(worker, child.id, { category: 'risk-to-staff', detail: 'Visit in pairs', startDate: '2026-06-01' });
    await t.services.people.endWarning(worker, child.id, warning!.id, { endDate: '2026-06-10', reason: 'Risk assessed as past' });
    const sheet = await t.services.people.frontSheet(worker, child.id);
    expect(sheet.activeWarnings).toEqual([]);
    expect(sheet.warnings[0]?.endDate).toBe('2026-06-10');
    await expect(t.services.people.endWarning(worker, child.id, warning!.id, { endDate: '2026-06-11', reason: null })).rejects.toThrow(ValidationError);
  });

  it('records relationships both ways and refuses parental responsibility where it cannot be', async () => {
    const { worker, child } = await allocatedCase(t.services);
    const mum = await t.services.people.register(worker, { ...childInput({ kind: 'adult', dateOfBirth: '1990-01-01' }), confirmNotDuplicate: true });
    if (mum.outcome !== 'registered') throw new Error('mum not registered');
    await t.services.people.recordRelationship(worker, child.id, { relatedPersonId: mum.record.id, type: 'parent', parentalResponsibility: true, professionalRole: null, startDate: '2015-03-27' });
    const childSheet = await t.services.people.frontSheet(worker, child.id);
    expect(childSheet.relationships.map((r) => [r.label, r.person.id, r.parentalResponsibility])).toEqual([['Parent', mum.record.id, true]]);
    const mumSheet = await t.services.people.frontSheet(worker, mum.record.id);
    expect(mumSheet.relationships.map((r) => [r.label, r.person.id])).toEqual([['Child', child.id]]);
    await expect(
      t.services.people.recordRelationship(worker, child.id, { relatedPersonId: mum.record.id, type: 'sibling', parentalResponsibility: true, professionalRole: null, startDate: '2015-03-27' }),
    ).rejects.toThrow(ValidationError);
  });

  it('makes the record and the audit log append-only in the database itself', async () => {
    const { child } = await allocatedCase(t.services);
    await expect(t.db.execute(sql`update events set type = 'x' where person_id = ${child.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from events where person_id = ${child.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`update audit_log set action = 'x' where person_id = ${child.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log where person_id = ${child.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await eventCount(t, child.id)).toBeGreaterThan(0);
  });

  it('lets only a manager of the team allocate, and only to a worker in that team', async () => {
    const { teamId, manager, worker, child } = await allocatedCase(t.services);
    const otherTeam = await makeTeam(t.services);
    const stranger = await makeUser(t.services, { roles: ['social-worker'], teamIds: [otherTeam] });
    await expect(t.services.people.allocate(worker, child.id, { teamId, workerId: null })).rejects.toThrow('permission');
    await expect(t.services.people.allocate(manager, child.id, { teamId, workerId: stranger.actor.userId })).rejects.toThrow(ValidationError);
    await t.services.people.allocate(manager, child.id, { teamId: otherTeam, workerId: stranger.actor.userId });
    const moved = await t.services.people.find(child.id);
    expect([moved?.allocatedTeamId, moved?.allocatedWorkerId]).toEqual([otherTeam, stranger.actor.userId]);
  });
});
