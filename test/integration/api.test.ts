import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../src/cli/cliContext';
import { engines, testDatabase } from '../support/testDatabase';
import { Client, testApp } from '../support/testApp';
import { allocatedCase, makeUser, uniqueName, validNhsNumber, world, type TestWorld } from '../factories';

function childBody<T extends Record<string, unknown>>(overrides: T = {} as T) {
  return { givenNames: uniqueName(), familyName: uniqueName(), dateOfBirth: '2016-02-29', gender: 'M', ethnicity: 'BAFR', ...overrides };
}

describe.each(engines())('the JSON API on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;
  let api: (method: 'GET' | 'POST', url: string, body?: unknown) => ReturnType<Client['json']>;
  let token: string;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, new Date());
    app = await testApp(t);
    const worker = await makeUser(t.services, { roles: ['team-manager'] });
    token = await t.services.userAdmin.issueToken(cliContext(), worker.actor.userId, 'API tests');
    const client = new Client(app);
    api = (method, url, body) => client.json(method, url, body, { authorization: `Bearer ${token}` });
  });
  afterAll(() => app.close());

  it('adds a child, finds them, reads them and corrects them', async () => {
    const body = childBody({ nhsNumber: validNhsNumber() });
    const created = await api('POST', '/api/v1/children', body);
    expect(created.statusCode).toBe(201);
    const child = created.json();
    expect(created.headers.location).toBe(`/api/v1/children/${child.id}`);
    expect([child.givenNames, child.dateOfBirth]).toEqual([body.givenNames, '2016-02-29']);

    const found = await api('GET', `/api/v1/children?q=${body.familyName}&pageSize=5`);
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ total: 1, page: 1, pageSize: 5, children: [{ id: child.id }] });

    const read = await api('GET', `/api/v1/children/${child.id}`);
    expect(read.json()).toMatchObject({ id: child.id, details: { ethnicity: 'BAFR', nhsNumber: body.nhsNumber }, allocation: { worker: null } });

    const corrected = await api('POST', `/api/v1/children/${child.id}/corrections`, { changes: { dateOfBirth: '2016-03-01' }, reason: 'Passport seen' });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json().correction).toMatchObject({ type: 'person.details_corrected', reason: 'Passport seen', data: { changes: [{ field: 'dateOfBirth', from: '2016-02-29', to: '2016-03-01' }] } });
    expect(corrected.json().child.dateOfBirth).toBe('2016-03-01');

    const history = await api('GET', `/api/v1/children/${child.id}/history`);
    expect(history.json().events.map((e: { type: string }) => e.type)).toEqual(['person.details_corrected', 'child.registered']);
  });

  it('pages through search results', async () => {
    const familyName = uniqueName();
    for (let i = 0; i < 3; i++) await api('POST', '/api/v1/children', childBody({ familyName, dateOfBirth: `2015-01-0${i + 1}` }));
    const first = (await api('GET', `/api/v1/children?q=${familyName}&pageSize=2&page=1`)).json();
    const second = (await api('GET', `/api/v1/children?q=${familyName}&pageSize=2&page=2`)).json();
    expect([first.total, first.children.length, second.children.length]).toEqual([3, 2, 1]);
    const ids = [...first.children, ...second.children].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('answers bad input with 400 and a list of problems naming each field, all at once', async () => {
    const response = await api('POST', '/api/v1/children', { familyName: '', dateOfBirth: '2015-02-30', nhsNumber: '9434765918', upn: 'A123', gender: 'X', extra: 1 });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['givenNames', 'familyName', 'dateOfBirth', 'nhsNumber', 'upn', 'gender']));
    for (const error of response.json().errors) expect(error.message.length).toBeGreaterThan(10);
  });

  it('answers a malformed body, a wrong content type, an unknown id and a malformed id clearly', async () => {
    const malformed = await api('POST', '/api/v1/children', '{"givenNames": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('body');
    const notJson = await app.inject({ method: 'POST', url: '/api/v1/children', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(notJson.statusCode).toBe(415);
    expect((await api('GET', '/api/v1/children/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d')).statusCode).toBe(404);
    const badId = await api('GET', '/api/v1/children/42');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0].field).toBe('params.id');
    const badCorrection = await api('POST', '/api/v1/children/42/corrections', { changes: {}, reason: 'x' });
    expect(badCorrection.statusCode).toBe(400);
    expect((await api('GET', '/api/v1/children?page=0')).statusCode).toBe(400);
  });

  it('answers 409 with the likely duplicates until told they are a different child', async () => {
    const body = childBody();
    await api('POST', '/api/v1/children', body);
    const again = await api('POST', '/api/v1/children', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().duplicates).toHaveLength(1);
    expect((await api('POST', '/api/v1/children', { ...body, confirmNotDuplicate: true })).statusCode).toBe(201);
  });

  it('refuses a correction with no reason or no change, and a correction to a field that does not exist', async () => {
    const child = (await api('POST', '/api/v1/children', childBody())).json();
    const noReason = await api('POST', `/api/v1/children/${child.id}/corrections`, { changes: { firstLanguage: 'Welsh' } });
    expect(noReason.json().errors.map((e: { field: string }) => e.field)).toContain('reason');
    const noChange = await api('POST', `/api/v1/children/${child.id}/corrections`, { changes: { givenNames: child.givenNames }, reason: 'x' });
    expect(noChange.json().errors[0].message).toContain('Nothing was changed');
    const unknownField = await api('POST', `/api/v1/children/${child.id}/corrections`, { changes: { shoeSize: 9 }, reason: 'x' });
    expect(unknownField.statusCode).toBe(400);
  });

  it('gives a token the permissions of its user, and none once revoked', async () => {
    const admin = await makeUser(t.services, { roles: ['administrator'] });
    const adminToken = await t.services.userAdmin.issueToken(cliContext(), admin.actor.userId, 'admin script');
    const asAdmin = await app.inject({ method: 'GET', url: '/api/v1/children?q=a', headers: { authorization: `Bearer ${adminToken}` } });
    expect(asAdmin.statusCode).toBe(403);
    const tokens = await t.services.userAdmin.tokensOf(admin.actor.userId);
    await t.services.userAdmin.revokeToken(cliContext(), tokens[0]!.id);
    const revoked = await app.inject({ method: 'GET', url: '/api/v1/children?q=a', headers: { authorization: `Bearer ${adminToken}` } });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().errors[0].message).toContain('revoked');
  });

  it('hides a restricted child from the API as from the pages', async () => {
    const { manager, child } = await allocatedCase(t.services);
    await t.services.people.restrict(manager, child.id, 'Staff relative');
    const outsider = await makeUser(t.services, { roles: ['social-worker'] });
    const outsiderToken = await t.services.userAdmin.issueToken(cliContext(), outsider.actor.userId, 'outsider');
    const headers = { authorization: `Bearer ${outsiderToken}` };
    const search = await app.inject({ method: 'GET', url: `/api/v1/children?q=${child.details.familyName}`, headers });
    expect(search.json().total).toBe(0);
    expect((await app.inject({ method: 'GET', url: `/api/v1/children/${child.id}`, headers })).statusCode).toBe(403);
  });

  it('needs the session CSRF token for changes made with a session cookie', async () => {
    const worker = await makeUser(t.services, { roles: ['social-worker'] });
    const browser = new Client(app);
    await browser.signIn(worker.actor.username, worker.password);
    expect((await browser.json('POST', '/api/v1/children', childBody())).statusCode).toBe(403);
    await browser.get('/');
    expect((await browser.json('POST', '/api/v1/children', childBody(), { 'x-csrf-token': browser.csrf })).statusCode).toBe(201);
  });

  it('describes itself in an OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/children', '/api/v1/children/{id}', '/api/v1/children/{id}/corrections', '/api/v1/children/{id}/history']));
    expect(doc.paths['/api/v1/children'].post.requestBody).toBeDefined();
    expect(Object.keys(doc.paths).some((p) => !p.startsWith('/api/'))).toBe(false);
  });
});
