import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, testDatabase } from '../support/testDatabase';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, makeUser, uniqueName, validNhsNumber, world, type TestWorld } from '../factories';

function childForm(overrides: Record<string, string | string[]> = {}) {
  return {
    kind: 'child',
    givenNames: uniqueName(),
    familyName: uniqueName(),
    'dateOfBirth-day': '27',
    'dateOfBirth-month': '3',
    'dateOfBirth-year': '2015',
    gender: 'F',
    ethnicity: 'WBRI',
    uasc: 'no',
    ...overrides,
  };
}

describe.each(engines())('pages on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;
  let client: Client;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, new Date());
    app = await testApp(t);
    const worker = await makeUser(t.services, { roles: ['social-worker'] });
    client = new Client(app);
    await client.signIn(worker.actor.username, worker.password);
  });
  afterAll(() => app.close());

  it('adds a child from the form and shows their front sheet', async () => {
    await client.get('/people/new?kind=child');
    const form = childForm({ nhsNumber: validNhsNumber(), line1: '1 High Street', town: 'Wealdmoor', postcode: 'wm14ab', 'startDate-day': '1', 'startDate-month': '1', 'startDate-year': '2020' });
    const response = await client.post('/people/new', form);
    expect(response.statusCode).toBe(302);
    const sheet = await client.get(response.headers.location as string);
    const text = mainText(sheet.body);
    expect(text).toContain(`${form.givenNames} ${form.familyName}`);
    expect(text).toContain('27 March 2015');
    expect(text).toContain('1 High Street, Wealdmoor, WM1 4AB');
    expect(sheet.body).toContain('has been added with Hearth ID');
  });

  it('shows the GOV.UK error summary naming each field to fix, and saves nothing', async () => {
    const familyName = uniqueName();
    await client.get('/people/new?kind=child');
    const response = await client.post('/people/new', childForm({ givenNames: '', familyName, nhsNumber: '943 476 5918', 'dateOfBirth-day': '31', 'dateOfBirth-month': '4', upn: 'A12' }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toMatch(/<title>Error: /);
    const text = mainText(response.body);
    expect(text).toContain('Enter the given names');
    expect(text).toContain('NHS number is not valid');
    expect(text).toContain('Date of birth must be a real date');
    expect(text).toContain('Unique pupil number must be 13 characters');
    expect(response.body).toContain('href="#dateOfBirth-day"');
    // What was typed is kept for correcting.
    expect(response.body).toContain(`value="${familyName}"`);
    const search = await client.get(`/people?q=${familyName}`);
    expect(mainText(search.body)).toContain('0 people found');
  });

  it('refuses over-long fields and a birth date in the future with a message', async () => {
    await client.get('/people/new?kind=child');
    const response = await client.post('/people/new', childForm({ givenNames: 'A'.repeat(101), 'dateOfBirth-year': '2999' }));
    const text = mainText(response.body);
    expect(text).toContain('Given names must be 100 characters or fewer');
    expect(text).toContain('Date of birth must be today or in the past');
  });

  it('asks for confirmation when a person with the same name and date of birth exists', async () => {
    const form = childForm();
    await client.get('/people/new?kind=child');
    await client.post('/people/new', form);
    await client.get('/people/new?kind=child');
    const again = await client.post('/people/new', form);
    expect(again.statusCode).toBe(409);
    expect(mainText(again.body)).toContain('This may be someone already on Hearth');
    const confirmed = await client.post('/people/new', { ...form, confirmNotDuplicate: 'yes' });
    expect(confirmed.statusCode).toBe(302);
  });

  it('corrects a field with a reason and shows the old value in the history', async () => {
    const { worker, child } = await allocatedCase(t.services);
    const own = new Client(app);
    await own.signIn(worker.actor.username, worker.password);
    await own.get(`/people/${child.id}/correct`);
    const withoutReason = await own.post(`/people/${child.id}/correct`, { givenNames: child.details.givenNames, familyName: child.details.familyName, 'dateOfBirth-day': '27', 'dateOfBirth-month': '3', 'dateOfBirth-year': '2015', firstLanguage: 'Polish', uasc: 'no', reason: '' });
    expect(withoutReason.statusCode).toBe(400);
    expect(mainText(withoutReason.body)).toContain('Enter the reason for the correction');
    const saved = await own.post(`/people/${child.id}/correct`, { givenNames: child.details.givenNames, familyName: child.details.familyName, 'dateOfBirth-day': '27', 'dateOfBirth-month': '3', 'dateOfBirth-year': '2015', firstLanguage: 'Polish', gender: 'F', ethnicity: 'WBRI', uasc: 'no', reason: 'Interpreter confirmed at visit' });
    expect(saved.statusCode).toBe(302);
    const history = mainText((await own.get(`/people/${child.id}/history`)).body);
    expect(history).toContain('Details corrected');
    expect(history).toContain('First language: English → Polish');
    expect(history).toContain('Reason: Interpreter confirmed at visit');
  });

  it('finds people by part of a name, by date of birth, by NHS number and by Hearth ID', async () => {
    const { worker, child } = await allocatedCase(t.services);
    const nhs = validNhsNumber();
    await t.services.people.correct(worker, child.id, { changes: { nhsNumber: nhs }, reason: 'Added from health records' });
    const part = child.details.familyName.slice(1, 6).toLowerCase();
    const ids = (html: string) => [...html.matchAll(/href="\/people\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(ids((await client.get(`/people?q=${part}`)).body)).toContain(child.id);
    expect(ids((await client.get(`/people?q=${child.details.givenNames.slice(0, 3)}+${part}`)).body)).toContain(child.id);
    expect(ids((await client.get(`/people?q=${nhs.slice(0, 3)}+${nhs.slice(3, 6)}+${nhs.slice(6)}`)).body)).toEqual([child.id]);
    expect(ids((await client.get(`/people?q=${child.hearthId}`)).body)).toEqual([child.id]);
    const byDate = await client.get(`/people?q=${part}&dateOfBirth-day=27&dateOfBirth-month=3&dateOfBirth-year=2015`);
    expect(ids(byDate.body)).toContain(child.id);
    const wrongDate = await client.get(`/people?q=${part}&dateOfBirth-day=28&dateOfBirth-month=3&dateOfBirth-year=2015`);
    expect(ids(wrongDate.body)).not.toContain(child.id);
    const badDate = await client.get('/people?q=x&dateOfBirth-day=30&dateOfBirth-month=2&dateOfBirth-year=2015');
    expect(badDate.statusCode).toBe(400);
    expect(mainText(badDate.body)).toContain('Date of birth must be a real date');
  });

  it('answers a record that does not exist, or a malformed id, with a not found page', async () => {
    expect((await client.get('/people/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d')).statusCode).toBe(404);
    expect((await client.get('/people/not-an-id')).statusCode).toBe(404);
    expect((await client.get('/no/such/page')).statusCode).toBe(404);
  });
});
