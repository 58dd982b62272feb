import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../src/cli/cliContext';
import { engines, testDatabase } from '../support/testDatabase';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, makeUser, world, type TestWorld } from '../factories';

describe.each(engines())('signing in on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-03-02T09:00:00Z');
    app = await testApp(t, { HEARTH_SESSION_IDLE_MINUTES: '30' });
  });
  afterAll(() => app.close());

  it('signs in with the right password, shows the caseload, and signs out', async () => {
    const user = await makeUser(t.services, { roles: ['social-worker'] });
    const client = new Client(app);
    const signedIn = await client.signIn(user.actor.username, user.password);
    expect(signedIn.statusCode).toBe(302);
    expect(signedIn.headers.location).toBe('/');
    expect(mainText((await client.get('/')).body)).toContain('My caseload');
    const out = await client.post('/sign-out', {});
    expect(out.headers.location).toBe('/sign-in?signed-out=1');
    expect((await client.get('/')).headers.location).toMatch(/^\/sign-in\?required=1/);
  });

  it('refuses a wrong password with a message that does not say which was wrong', async () => {
    const user = await makeUser(t.services, { roles: ['social-worker'] });
    const client = new Client(app);
    const response = await client.signIn(user.actor.username, 'not the password');
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('govuk-error-summary');
    expect(mainText(response.body)).toContain('The username or password is not right');
    const unknown = await client.signIn('nobody.at.all', 'whatever');
    expect(mainText(unknown.body)).toContain('The username or password is not right');
  });

  it('locks the account after 5 failed attempts in 15 minutes, even against the right password, until the window passes', async () => {
    const user = await makeUser(t.services, { roles: ['social-worker'] });
    const client = new Client(app);
    t.clock.set('2026-03-02T10:00:00Z');
    for (let i = 0; i < 4; i++) expect((await client.signIn(user.actor.username, 'wrong')).statusCode).toBe(401);
    t.clock.set('2026-03-02T10:14:00Z');
    const fifth = await client.signIn(user.actor.username, 'wrong');
    expect(fifth.statusCode).toBe(429);
    expect(mainText(fifth.body)).toContain('This account is locked');
    expect((await client.signIn(user.actor.username, user.password)).statusCode).toBe(429);
    // The first failure leaves the 15-minute window at 10:15: the lock ends then.
    t.clock.set('2026-03-02T10:15:01Z');
    expect((await client.signIn(user.actor.username, user.password)).statusCode).toBe(302);
  });

  it('lets an administrator unlock a locked account', async () => {
    const user = await makeUser(t.services, { roles: ['social-worker'] });
    const client = new Client(app);
    t.clock.set('2026-03-03T10:00:00Z');
    for (let i = 0; i < 5; i++) await client.signIn(user.actor.username, 'wrong');
    expect((await client.signIn(user.actor.username, user.password)).statusCode).toBe(429);
    await t.services.userAdmin.unlock(cliContext(), user.actor.userId);
    expect((await client.signIn(user.actor.username, user.password)).statusCode).toBe(302);
  });

  it('signs out a session left idle for longer than the timeout, and says so', async () => {
    const user = await makeUser(t.services, { roles: ['social-worker'] });
    const client = new Client(app);
    t.clock.set('2026-03-04T09:00:00Z');
    await client.signIn(user.actor.username, user.password);
    t.clock.set('2026-03-04T09:29:00Z');
    expect((await client.get('/')).statusCode).toBe(200);
    t.clock.set('2026-03-04T09:59:30Z'); // 30.5 minutes after the last request
    const expired = await client.get('/people');
    expect(expired.statusCode).toBe(302);
    expect(expired.headers.location).toBe('/sign-in?expired=1&next=%2Fpeople');
    expect(mainText((await client.get(expired.headers.location as string)).body)).toContain('You were signed out because Hearth was not used for a while');
  });

  it('refuses a form with a wrong CSRF token, saving nothing', async () => {
    const { worker, child } = await allocatedCase(t.services);
    const client = new Client(app);
    t.clock.set('2026-03-05T09:00:00Z');
    await client.signIn(worker.actor.username, worker.password);
    await client.get(`/people/${child.id}/correct`);
    const forged = await client.post(`/people/${child.id}/correct`, { givenNames: 'Forged', familyName: child.details.familyName, reason: 'x' }, { csrf: 'not-the-token' });
    expect(forged.statusCode).toBe(403);
    expect(mainText(forged.body)).toContain('This form has expired');
    expect((await t.services.people.find(child.id))?.details.givenNames).toBe(child.details.givenNames);
  });

  it('sends security headers, with a Content Security Policy nonce for the one inline script', async () => {
    const response = await new Client(app).get('/sign-in');
    const csp = String(response.headers['content-security-policy']);
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(response.body).toContain(`<script nonce="${nonce}">`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
  });

  it('does not send someone elsewhere after signing in', async () => {
    const user = await makeUser(t.services, { roles: ['social-worker'] });
    const client = new Client(app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { username: user.actor.username, password: user.password, next: '//evil.example/' });
    expect(response.headers.location).toBe('/');
  });
});
