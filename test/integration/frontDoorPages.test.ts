import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, testDatabase } from '../support/testDatabase';
import { Client, mainText, testApp } from '../support/testApp';
import { makeTeam, makeUser, registerChild, world, type TestWorld } from '../factories';

describe.each(engines())('the front door pages on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;
  let duty: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-08-21T13:30:00Z');
    app = await testApp(t);
    duty = await makeUser(t.services, { roles: ['social-worker'], teamIds: [await makeTeam(t.services)] });
  });
  afterAll(() => app.close());

  async function signedIn(user = duty) {
    const client = new Client(app);
    await client.signIn(user.actor.username, user.password);
    return client;
  }

  async function newDraft(client: Client): Promise<string> {
    await client.get('/front-door');
    const started = await client.post('/front-door/contacts/new', {});
    expect(started.statusCode).toBe(302);
    return String(started.headers.location);
  }

  it('adds a new child from the draft and comes back to it with the child added and what was typed kept', async () => {
    const client = await signedIn();
    const draft = await newDraft(client);
    await client.get(draft);
    const going = await client.post(draft, { action: 'new-child', referrerName: 'Nurse Joy', childIds: '', adultIds: '' });
    expect(going.headers.location).toBe(`/people/new?kind=child&returnTo=${encodeURIComponent(draft)}`);
    const form = await client.get(String(going.headers.location));
    expect(form.body).toContain(`name="returnTo" value="${draft}"`);
    const added = await client.post('/people/new', { kind: 'child', givenNames: 'Ruby', familyName: 'Okonjo', 'dateOfBirth-day': '3', 'dateOfBirth-month': '4', 'dateOfBirth-year': '2019', gender: 'F', uasc: 'no', returnTo: draft, confirmNotDuplicate: 'yes' });
    expect(added.statusCode).toBe(302);
    expect(String(added.headers.location)).toMatch(new RegExp(`^${draft}\\?added=[0-9a-f-]{36}$`));
    await client.get(String(added.headers.location));
    const back = mainText((await client.get(draft)).body);
    expect(back).toContain('Ruby Okonjo');
    expect((await client.get(draft)).body).toContain('value="Nurse Joy"');
  });

  it('never sends anyone elsewhere after adding a person: an outside returnTo is ignored', async () => {
    const client = await signedIn();
    await client.get('/people/new?kind=child&returnTo=https://evil.example/');
    const added = await client.post('/people/new', { kind: 'child', givenNames: 'Sol', familyName: 'Varga', 'dateOfBirth-day': '9', 'dateOfBirth-month': '1', 'dateOfBirth-year': '2018', gender: 'M', uasc: 'no', returnTo: 'https://evil.example/', confirmNotDuplicate: 'yes' });
    expect(String(added.headers.location)).toMatch(/^\/people\/[0-9a-f-]{36}$/);
  });

  it('autosaves a draft without leaving the page, and keeps a draft to the person who started it', async () => {
    const client = await signedIn();
    const draft = await newDraft(client);
    await client.get(draft);
    const saved = await client.post(draft, { action: 'autosave', concerns: 'Typed, then the laptop closed', childIds: '', adultIds: '' });
    expect(saved.statusCode).toBe(204);
    expect((await client.get(draft)).body).toContain('Typed, then the laptop closed');
    const front = mainText((await client.get('/front-door')).body);
    expect(front).toContain('Your drafts');

    const other = await signedIn(await makeUser(t.services, { roles: ['social-worker'] }));
    const refused = await other.get(draft);
    expect(refused.statusCode).toBe(403);
    expect(mainText(refused.body)).toContain('This draft belongs to someone else');
  });

  it('shows every problem of a submitted contact at once, linked to its box, and refuses a second submission', async () => {
    const child = await registerChild(t.services, duty);
    const client = await signedIn();
    const draft = await newDraft(client);
    await client.get(draft);
    const refused = await client.post(draft, { action: 'submit', 'receivedOn-day': '32', 'receivedOn-month': '8', 'receivedOn-year': '2026', receivedTime: '10:00', childIds: '', adultIds: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#receivedOn-day"');
    expect(mainText(refused.body)).toContain('Date the contact was received must be a real date');
    expect(mainText(refused.body)).toContain('Select how the contact came in');

    const form = { 'receivedOn-day': '21', 'receivedOn-month': '8', 'receivedOn-year': '2026', receivedTime: '9:15', source: 'public', referrerName: 'A neighbour', referrerAgency: 'acquaintance', referrerRelationship: 'Neighbour', concerns: 'Shouting and a child crying late at night', childIds: child.id, adultIds: '' };
    const recorded = await client.post(draft, { ...form, action: 'submit' });
    expect(recorded.statusCode).toBe(302);
    const contact = await client.get(String(recorded.headers.location));
    expect(mainText(contact.body)).toContain('Shouting and a child crying late at night');
    const again = await client.post(draft, { ...form, action: 'submit' });
    expect(again.statusCode).toBe(409);
    expect(mainText(again.body)).toContain('This form has already been submitted');
    expect((await t.services.people.streamOf(child.id)).filter((e) => e.type === 'contact.received')).toHaveLength(1);
  });

  it("asks the Duty Manager the child's primary need, as it looks now, for an assessment, answering what is missing in the GOV.UK way (issue 10)", async () => {
    const team = await makeTeam(t.services);
    const manager = await makeUser(t.services, { roles: ['assistant-team-manager'], teamIds: [team] });
    const child = await registerChild(t.services, duty);
    const writer = await signedIn();
    const draft = await newDraft(writer);
    await writer.get(draft);
    const form = { 'receivedOn-day': '21', 'receivedOn-month': '8', 'receivedOn-year': '2026', receivedTime: '11:15', source: 'marf', referrerName: 'Paul Grainger', referrerAgency: 'school', referrerRelationship: 'Teacher', concerns: 'Left alone overnight', childIds: child.id, adultIds: '' };
    const contactUrl = String((await writer.post(draft, { ...form, action: 'submit' })).headers.location);

    const client = await signedIn(manager);
    const page = await client.get(contactUrl);
    expect(mainText(page.body)).toContain("The child's primary need, as it looks now");
    expect(mainText(page.body)).toContain("Family in acute stress");
    // "Not stated" is not a need to choose.
    expect(page.body).not.toContain('value="not_stated"');

    const missing = await client.post(`${contactUrl}/decision`, { outcome: 'assessment', reason: 'Assess the care at home', teamId: team });
    expect(missing.statusCode).toBe(400);
    expect(mainText(missing.body)).toContain("Select the child's primary need, as it looks now");
    expect(missing.body).toContain('href="#primaryNeed"');
    expect(missing.body).toMatch(/id="primaryNeed"/);
    // What was typed is kept.
    expect(missing.body).toContain('Assess the care at home');

    const decided = await client.post(`${contactUrl}/decision`, { outcome: 'assessment', reason: 'Assess the care at home', teamId: team, primaryNeed: 'acute_stress' });
    expect(decided.statusCode).toBe(302);
    expect((await t.services.people.streamOf(child.id)).find((e) => e.type === 'threshold.decided')?.data).toMatchObject({ outcome: 'assessment', primaryNeed: 'acute_stress' });
  });

  it('attaches a document to a contact, lets it be downloaded by those who may see the children, and refuses what cannot be attached with what to do', async () => {
    const child = await registerChild(t.services, duty);
    const client = await signedIn();
    const draft = await newDraft(client);
    await client.get(draft);
    const form = { 'receivedOn-day': '21', 'receivedOn-month': '8', 'receivedOn-year': '2026', receivedTime: '10:15', source: 'marf', referrerName: 'Paul Grainger', referrerAgency: 'school', referrerRelationship: 'Teacher', concerns: 'Bruise on the cheek', childIds: child.id, adultIds: '' };
    const contactUrl = String((await client.post(draft, { ...form, action: 'submit' })).headers.location);
    await client.get(contactUrl);

    const marf = Buffer.from('%PDF-1.4\n% The MARF from Riverside Primary School\n');
    const attached = await client.postFile(`${contactUrl}/documents`, { description: 'MARF from the school' }, { field: 'document', filename: 'MARF Riverside.pdf', content: marf });
    expect(attached.statusCode).toBe(302);
    const page = await client.get(contactUrl);
    expect(mainText(page.body)).toContain('MARF Riverside.pdf (1 KB): MARF from the school');
    const link = /href="([^"]+\/documents\/[0-9a-f-]{36})"/.exec(page.body)?.[1] as string;
    const download = await client.get(link);
    expect([download.statusCode, download.headers['content-type'], download.headers['content-disposition']]).toEqual([200, 'application/pdf', "attachment; filename*=UTF-8''MARF%20Riverside.pdf"]);
    expect(download.rawPayload.equals(marf)).toBe(true);
    // The child's history says so, and the download was audited as a read of the child's record.
    expect((await t.services.people.streamOf(child.id)).at(-1)).toMatchObject({ type: 'contact.document_attached', data: { filename: 'MARF Riverside.pdf' } });
    const reads = (await t.db.execute(sql`select count(*)::int as n from audit_log where action = 'contact.document_viewed' and person_id = ${child.id} and outcome = 'allowed'`)) as unknown as { rows: { n: number }[] };
    expect(reads.rows[0]?.n).toBe(1);

    // Refused, each with what to do: no file, a program, an empty file, too large; nothing attached.
    const problems = async (file: { filename: string; content: Buffer } | null) => {
      const refused = await client.postFile(`${contactUrl}/documents`, { description: '' }, file && { field: 'document', ...file });
      expect(refused.statusCode).toBe(400);
      return mainText(refused.body);
    };
    expect(await problems(null)).toContain('Choose a file to attach');
    expect(await problems({ filename: 'invoice.exe', content: Buffer.from('MZ') })).toContain('invoice.exe cannot be attached: attach a PDF, Word');
    expect(await problems({ filename: 'blank.pdf', content: Buffer.alloc(0) })).toContain('blank.pdf is empty: choose the file again');
    expect(await problems({ filename: 'scan.pdf', content: Buffer.alloc(10 * 1024 * 1024 + 10, 1) })).toContain('scan.pdf is larger than 10 MB');
    expect((await t.services.contactDocuments.list(contactUrl.split('/').at(-1) as string)).map((d) => d.filename)).toEqual(['MARF Riverside.pdf']);
    // Without the form's token nothing is attached.
    expect((await client.postFile(`${contactUrl}/documents`, {}, { field: 'document', filename: 'x.pdf', content: marf }, { csrf: 'forged' })).statusCode).toBe(403);
    // Nor can an attached document be changed or removed, even in the database.
    const refusal = (error: { cause?: { message?: string }; message: string }) => error.cause?.message ?? error.message;
    expect(await t.db.execute(sql`delete from documents`).then(() => 'deleted', refusal)).toMatch(/documents is append-only/);
    // Someone who may not see the child may not download it.
    await t.services.people.restrict(await makeUser(t.services, { roles: ['head-of-service'] }), child.id, 'Family member works in the service');
    expect((await client.get(link)).statusCode).toBe(403);
  });
});
