import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../src/cli/cliContext';
import { emptyContactDraft } from '../../src/modules/frontDoor/frontDoorSchemas';
import { engines, testDatabase } from '../support/testDatabase';
import { Client, testApp } from '../support/testApp';
import { makeTeam, makeUser, registerChild, world, type TestWorld } from '../factories';

describe.each(engines())('the front door JSON API on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;
  let duty: Awaited<ReturnType<typeof makeUser>>;
  const as = async (user: Awaited<ReturnType<typeof makeUser>>) => {
    const token = await t.services.userAdmin.issueToken(cliContext(), user.actor.userId, 'contacts API tests');
    const client = new Client(app);
    return (url: string) => client.json('GET', url, undefined, { authorization: `Bearer ${token}` });
  };

  beforeAll(async () => {
    // Friday 21 August 2026, 14:30 in London.
    t = world((await testDatabase(engine)).db, '2026-08-21T13:30:00Z');
    app = await testApp(t);
    duty = await makeUser(t.services, { roles: ['team-manager'], teamIds: [await makeTeam(t.services)] });
  });
  afterAll(() => app.close());

  async function contact(received = { day: '21', month: '8', year: '2026' }) {
    const child = await registerChild(t.services, duty);
    const draft = await t.services.frontDoor.startContact(duty);
    const { contactId } = await t.services.frontDoor.submitContact(duty, draft.id, {
      ...emptyContactDraft,
      receivedOn: received,
      receivedTime: '13:00',
      source: 'marf',
      referrerName: 'Paul Grainger',
      referrerOrganisation: 'Riverside Primary School',
      referrerAgency: 'school',
      referrerRelationship: 'Teacher',
      concerns: 'A bruise on the cheek, explained differently twice.',
      children: [{ personId: child.id }],
    });
    return { child, contactId };
  }

  it('lists the contacts awaiting a decision with their 24 hours, and gives one with its enquiries and documents', async () => {
    const { child, contactId } = await contact();
    await t.services.contactDocuments.attach(duty, contactId, { filename: 'marf.pdf', content: Buffer.from('%PDF-1.4 the MARF'), truncated: false }, { description: 'The MARF' });
    const get = await as(duty);
    const queue = await get('/api/v1/contacts');
    expect(queue.statusCode).toBe(200);
    const listed = queue.json().awaiting.find((c: { id: string }) => c.id === contactId);
    // Received Friday 13:00 in London (BST): decided within 24 hours, by Saturday 13:00 (hours run over the weekend).
    expect(listed).toMatchObject({ children: [{ id: child.id, name: expect.any(String) }], decisionDue: { deadline: '2026-08-22T12:00:00.000Z', overdue: false }, referrer: { name: 'Paul Grainger' } });

    const one = await get(`/api/v1/contacts/${contactId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: contactId, source: 'marf', concerns: expect.stringContaining('bruise'), decision: null, documents: [{ filename: 'marf.pdf', description: 'The MARF' }] });
    const file = await get(one.json().documents[0].href);
    expect([file.statusCode, file.headers['content-type'], file.body]).toEqual([200, 'application/pdf', '%PDF-1.4 the MARF']);
  });

  it('answers a bad id, an unknown contact and a reader without the front door with a clear refusal', async () => {
    const get = await as(duty);
    expect((await get('/api/v1/contacts/not-an-id')).json().errors[0].message).toBe("id must be a contact's id (a UUID)");
    const missing = await get('/api/v1/contacts/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d');
    expect([missing.statusCode, missing.json().errors[0].message]).toEqual([404, 'The contact was not found. Check the link, or search again.']);
    const iro = await as(await makeUser(t.services, { roles: ['iro'] }));
    expect((await iro('/api/v1/contacts')).statusCode).toBe(403);
  });

  it("hides a restricted child's name, and the referrer of a contact only about restricted children", async () => {
    const { child, contactId } = await contact();
    await t.services.people.restrict(await makeUser(t.services, { roles: ['head-of-service'] }), child.id, 'A relative works at the front door');
    const outsider = await as(await makeUser(t.services, { roles: ['social-worker'], teamIds: [await makeTeam(t.services)] }));
    const listed = (await outsider('/api/v1/contacts')).json().awaiting.find((c: { id: string }) => c.id === contactId);
    expect(listed).toMatchObject({ children: [{ id: child.id, name: null }], referrer: null });
    expect((await outsider(`/api/v1/contacts/${contactId}`)).statusCode).toBe(403);
  });
});
