import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionMatrix, permissions } from '../../src/domain/access/permissions';
import { roles, type Role } from '../../src/domain/access/roles';
import { setUpRouteDeclarations } from '../../src/platform/http/routes';
import { auditActionLabels } from '../../src/modules/audit/auditActions';
import { engines, testDatabase } from '../support/testDatabase';
import { Client, testApp } from '../support/testApp';
import { makeTeam, makeUser, world, type TestWorld } from '../factories';

const someId = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';

/** A concrete URL for a route pattern. */
function urlOf(pattern: string): string {
  return pattern.replace(/:[A-Za-z]+/g, someId).replace('*', 'hearth.css');
}

describe('route declarations', () => {
  it('refuses to register a route that does not declare its permission and audit action', async () => {
    const app = Fastify();
    setUpRouteDeclarations(app);
    expect(() => app.get('/undeclared', async () => 'open')).toThrow(/must declare its permission and audit action/);
    expect(() => app.route({ method: 'GET', url: '/half', config: { permission: 'child:read' }, handler: async () => 'x' })).toThrow(/must declare/);
    await app.close();
  });
});

describe.each(engines())('every route on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;
  const clients = new Map<Role, Client>();

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, new Date());
    app = await testApp(t);
    const teamId = await makeTeam(t.services);
    for (const role of roles) {
      const user = await makeUser(t.services, { roles: [role], teamIds: [teamId] });
      const client = new Client(app);
      await client.signIn(user.actor.username, user.password);
      clients.set(role, client);
    }
  });
  afterAll(() => app.close());

  it('declares a known permission and an audit action for each one', () => {
    const known = new Set<string>([...permissions, 'public', 'authenticated']);
    expect(app.routeTable.length).toBeGreaterThan(30);
    for (const route of app.routeTable) {
      expect(known.has(String(route.permission)), `${route.method} ${route.url}`).toBe(true);
      expect(route.audit, `${route.method} ${route.url}`).toMatch(/^(none|[a-z_]+\.[a-z_]+)$/);
    }
    // Every route that shows or changes someone's record, or records anything, names the audit action it writes.
    const touchesRecords = (r: { method: string; url: string; permission: unknown }) =>
      String(r.permission).startsWith('child:') && (r.url.includes(':id') || r.method === 'POST' || r.url === '/people' || r.url === '/api/v1/children');
    for (const route of app.routeTable.filter(touchesRecords)) {
      expect(route.audit, `${route.method} ${route.url}`).not.toBe('none');
    }
    // Recording practice work: its own permission, a view audited on GET and the work on POST.
    const work = app.routeTable.filter((r) => r.url === '/people/:id/work/new').map((r) => [r.method, r.permission, r.audit]);
    expect(work).toEqual(expect.arrayContaining([['GET', 'work:record', 'child.viewed'], ['POST', 'work:record', 'child.work_recorded']]));
    // And the audit log can say in words what each one means.
    for (const route of app.routeTable.filter((r) => r.audit !== 'none')) {
      expect(auditActionLabels[String(route.audit)], `label for ${route.audit}`).toBeTruthy();
    }
  });

  it('sends anyone not signed in to sign in (pages) or answers 401 (API), for every route that is not public', async () => {
    const anonymous = new Client(app);
    const guarded = app.routeTable.filter((r) => r.permission !== 'public' && r.method !== 'HEAD');
    expect(guarded.length).toBeGreaterThan(25);
    for (const route of guarded) {
      const url = urlOf(route.url);
      const response = route.method === 'GET' ? await anonymous.get(url) : await anonymous.post(url, {});
      if (url.startsWith('/api/')) {
        expect(response.statusCode, `${route.method} ${url}`).toBe(401);
        expect(response.json().errors[0].field).toBe('authorization');
      } else {
        expect(response.statusCode, `${route.method} ${url}`).toBe(302);
        expect(response.headers.location, `${route.method} ${url}`).toMatch(/^\/sign-in\?/);
      }
    }
  });

  it('refuses each permission to every role the matrix does not give it to', async () => {
    const checked = app.routeTable.filter((r) => r.permission !== 'public' && r.permission !== 'authenticated' && r.method !== 'HEAD');
    let refusals = 0;
    for (const route of checked) {
      const without = roles.filter((role) => !permissionMatrix[role].includes(route.permission as never));
      for (const role of without) {
        const client = clients.get(role) as Client;
        const url = urlOf(route.url);
        const response = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
        expect(response.statusCode, `${role} ${route.method} ${url}`).toBe(403);
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(100);
  });

  it('never answers a form or API call with empty or nonsense input with a server error', async () => {
    const client = clients.get('head-of-service') as Client;
    const admin = clients.get('administrator') as Client;
    for (const route of app.routeTable.filter((r) => r.method === 'POST')) {
      const who = route.permission === 'user:manage' || route.permission === 'token:manage' ? admin : client;
      await who.get('/');
      const url = urlOf(route.url);
      const forms: Record<string, string>[] = [{}, { givenNames: 'x'.repeat(5000), 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': 'abcd', reason: '' }];
      for (const form of forms) {
        const response = url.startsWith('/api/') ? await who.json('POST', url, '{"not json', { 'x-csrf-token': who.csrf }) : await who.post(url, form);
        expect(response.statusCode, `${route.method} ${url} ${response.body.slice(0, 200)}`).toBeLessThan(500);
      }
    }
  });

  it('answers health and readiness checks without signing in', async () => {
    const anonymous = new Client(app);
    expect((await anonymous.get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await anonymous.get('/readyz')).json()).toEqual({ status: 'ready', database: 'reachable' });
  });
});
