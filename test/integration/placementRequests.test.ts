import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchedRequestOf, openRequestsOf } from '../../src/domain/placements/requests';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, importEvent, makeUser, registerChild, unique, world, type TestWorld } from '../factories';

const when = (date: string, time: string, key: string) => ({ occurredOn: date, occurredTime: time, problems: [], fields: { date: `${key}On`, time: `${key}Time` } });
const dateParts = (name: string, date: string) => {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: day!, [`${name}-month`]: month!, [`${name}-year`]: year! };
};
const noRisks = Object.fromEntries(['exploitation', 'missing', 'self_harm', 'violence', 'substance_misuse', 'offending'].map((r) => [`risk_${r}`, 'none']));
const requestBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'under_18',
  reason: 'Mum has been admitted to hospital; no family can care for Ella.',
  outlinePlan: 'Short-term foster care near school while Mum recovers; return home.',
  providerTypes: ['in_house_fostering', 'independent_fostering_agency'],
  ...dateParts('neededFrom', '2027-03-05'),
  familyAndFriends: 'Aunt in Scotland assessed: cannot care.',
  needs: ['emotional_behavioural'],
  interests: 'Swimming, drawing',
  school: 'Kingsford Primary',
  schoolPostcode: 'TS2 4AB',
  homePostcode: 'TS1 1AA',
  complexNeeds: 'yes',
  riskOfDisruption: 'no',
  hasEhcp: 'no',
  ...overrides,
});

/**
 * Placement requests and matching (issue 7; resource-service-policy.txt 2.1, 3.1 and 1.1;
 * resource-and-care-panel-policy.txt 1.4 b), on Monday 1 March 2027.
 */
describe.each(engines())('placement requests on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;
  let officer: Awaited<ReturnType<typeof makeUser>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2027-03-01T10:00:00Z');
    app = await testApp(t);
    const s = t.services;
    officer = await makeUser(s, { roles: ['placements-officer'] });
    await s.providers.importCentres(officer, [
      { outcode: 'TS1', latitude: 54.57, longitude: -1.23 },
      { outcode: 'TS2', latitude: 54.58, longitude: -1.25 },
      { outcode: 'TS9', latitude: 54.9, longitude: -1.9 },
    ]);
    const register = (name: string, type: string, postcode: string, extra: Record<string, unknown> = {}) =>
      s.providers.register(officer, { name, type, address: '1 High Street', postcode, places: '3', vacancies: '1', ageFrom: '0', ageTo: '17', needsMet: ['emotional_behavioural'], contactName: 'Pat Lee', contactRole: 'Manager', ...extra });
    const tag = unique();
    ids.inHouse = await register(`Own carers ${tag}`, 'in_house_fostering', 'TS1 2AA');
    ids.near = await register(`Near Agency ${tag}`, 'independent_fostering_agency', 'TS2 1AA');
    ids.far = await register(`Far Agency ${tag}`, 'independent_fostering_agency', 'TS9 1AA');
    ids.weak = await register(`Weak Agency ${tag}`, 'independent_fostering_agency', 'TS1 3AA');
    for (const id of [ids.inHouse, ids.near, ids.far]) await s.providers.recordInspection(officer, id!, { ...dateParts('inspectedOn', '2027-01-10'), rating: 'good' });
    await s.providers.recordInspection(officer, ids.weak!, { ...dateParts('inspectedOn', '2027-01-10'), rating: 'requires_improvement' });
  });
  afterAll(() => app.close());

  it('takes a request from the worker through the manager, the queue and matching, in-house first, with a site visit for complex needs', async () => {
    const s = t.services;
    const { worker, manager, child } = await allocatedCase(s);
    const pr = s.placementRequests;

    // Bad input, named by field.
    expect(await problems(pr.make(worker, child.id, requestBody({ reason: '', providerTypes: [], homePostcode: 'nowhere', complexNeeds: undefined, 'neededFrom-day': '' })))).toEqual([
      'neededFrom-day: The date the placement is needed from must include a day',
      'providerTypes: Select the kinds of placement sought',
      'reason: Enter why accommodation is needed',
      'homePostcode: The home postcode must be a real postcode, like WM5 7QR',
      'complexNeeds: Select whether the child has complex needs',
    ]);
    expect(await problems(pr.make(worker, child.id, requestBody({ 'neededFrom-day': '20', 'neededFrom-month': '2' })))).toEqual(['neededFrom-day: The date the placement is needed from must be today or later']);
    // A placements officer does not make the request: the case holder does.
    await expect(pr.make(officer, child.id, requestBody())).rejects.toBeInstanceOf(ForbiddenError);

    const requestId = await pr.make(worker, child.id, requestBody());
    expect(await problems(pr.make(worker, child.id, requestBody()))).toEqual(['kind: There is already an open placement request for this child: withdraw it before making another']);

    // In the queue as awaiting authorisation; the Resource Service cannot take it yet.
    let queue = await pr.queue(officer);
    expect(queue.rows.find((r) => r.requestId === requestId)?.status).toBe('awaiting_authorisation');
    expect(await problems(pr.matching.allocate(officer, child.id, requestId, { officerId: 'self' }))).toEqual(['officerId: This cannot be done now: the request is awaiting manager authorisation']);

    // Only a manager of the case authorises, and only with the documents uploaded.
    await expect(pr.authorise(officer, child.id, requestId, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(pr.authorise(worker, child.id, requestId, {})).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(pr.authorise(manager, child.id, requestId, {}))).toEqual([
      "documents: Upload An assessment of the child's needs to the record before the request goes to the Resource Service (resource-service-policy.txt 3.1)",
    ]);
    await importEvent(s, child.id, 'assessment.completed', '2027-02-10T10:00:00Z', { summary: 'Assessment signed off' });
    await pr.authorise(manager, child.id, requestId, { comments: 'Agreed: short-term foster care.' });

    queue = await pr.queue(officer);
    expect(queue.rows.find((r) => r.requestId === requestId)).toMatchObject({ status: 'authorised', allocatedTo: null, neededFrom: '2027-03-05', age: 11 });

    // A social worker cannot match.
    await expect(pr.matching.allocate(worker, child.id, requestId, { officerId: 'self' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(pr.matching.allocate(officer, child.id, requestId, { officerId: 'someone' }))).toEqual(['officerId: Select yourself or a placements officer from the list']);
    await pr.matching.allocate(officer, child.id, requestId, { officerId: 'self' });

    // Candidates: Good or better by default, distances from home and school; below Good only when asked.
    let view = await pr.matching.view(officer, child.id, requestId);
    const names = view.candidates.map((c) => c.provider.id);
    expect(names).toContain(ids.near);
    expect(names).not.toContain(ids.weak);
    const near = view.candidates.find((c) => c.provider.id === ids.near)!;
    expect([near.milesFromHome !== null, near.milesFromSchool !== null, near.passes]).toEqual([true, true, true]);
    const asked = await pr.matching.view(officer, child.id, requestId, { filter: 'yes', types: ['independent_fostering_agency'], belowGood: 'yes', maxMiles: '5' });
    expect(asked.candidates.find((c) => c.provider.id === ids.weak)?.needsException).toBe(true);
    expect(asked.candidates.find((c) => c.provider.id === ids.far)?.checks.find((c) => c.filter === 'distance')).toMatchObject({ passes: false });

    // In-house first: no external provider is shortlisted until every in-house one is considered.
    expect((await problems(pr.matching.consider(officer, child.id, requestId, { providerId: ids.near, decision: 'shortlisted', reason: 'Near school' })))[0]).toMatch(/^decision: In-house options are considered first \(resource-and-care-panel-policy.txt 1.4 b\): shortlist or reject .*Own carers/);
    expect(await problems(pr.matching.consider(officer, child.id, requestId, { providerId: ids.inHouse, decision: 'rejected', reason: '' }))).toEqual(['reason: Enter the reason for the decision']);
    expect(view.inHouseToConsider.map((p) => p.id)).toContain(ids.inHouse);
    for (const p of view.inHouseToConsider) await pr.matching.consider(officer, child.id, requestId, { providerId: p.id, decision: 'rejected', reason: 'No in-house carers free for a child with these needs' });
    await pr.matching.consider(officer, child.id, requestId, { providerId: ids.near, decision: 'shortlisted', reason: 'Two miles from school; carers experienced with anxiety' });
    await pr.matching.consider(officer, child.id, requestId, { providerId: ids.far, decision: 'rejected', reason: 'Too far from school and Mum' });

    // Complex needs: the match waits for a site visit.
    expect(await problems(pr.matching.match(officer, child.id, requestId, { providerId: ids.far, rationale: 'x' }))).toEqual(['providerId: Select a shortlisted provider: shortlist it, with the reason, before matching']);
    expect((await problems(pr.matching.match(officer, child.id, requestId, { providerId: ids.near, rationale: 'Near school' })))[0]).toMatch(/complex needs: record a site visit to Near Agency .* before finalising the match/);
    expect(await problems(pr.matching.siteVisit(officer, child.id, requestId, { providerId: ids.far, notes: 'Fine' }, when('2027-03-01', '09:00', 'visit')))).toEqual(['providerId: Select a shortlisted provider']);
    expect((await problems(pr.matching.siteVisit(officer, child.id, requestId, { providerId: ids.near, notes: 'Fine' }, when('2027-03-01', '09:00', 'visit'))))[0]).toMatch(/^visitOn: The visit cannot be before the request was made, 1 March 2027 at 10:00am/);
    t.clock.set('2027-03-02T17:00:00Z');
    await pr.matching.siteVisit(officer, child.id, requestId, { providerId: ids.near, notes: 'Carers can meet her needs; own room, 2 miles from school' }, when('2027-03-02', '11:00', 'visit'));
    await pr.matching.profileShared(officer, child.id, requestId, { providerId: ids.near, notes: 'Ella liked that they have a dog' }, when('2027-03-02', '14:30', 'profile'));
    expect(await problems(pr.matching.introduction(officer, child.id, requestId, { providerId: ids.near, kind: 'party', notes: 'x' }, when('2027-03-02', '16:40', 'intro')))).toEqual(['kind: Select the kind of introduction']);
    await pr.matching.introduction(officer, child.id, requestId, { providerId: ids.near, kind: 'call_or_visit', notes: 'Tea with the carers after school' }, when('2027-03-02', '16:45', 'intro'));
    await pr.matching.match(officer, child.id, requestId, { providerId: ids.near, rationale: 'Near school, experienced carers, Ella positive' });

    const stream = await s.people.streamOf(child.id);
    expect(matchedRequestOf(stream, requestId)).toMatchObject({ requestId, providerId: ids.near, complexNeeds: true, homePostcode: 'TS1 1AA', schoolPostcode: 'TS2 4AB' });
    expect(openRequestsOf(stream).map((r) => r.status)).toEqual(['matched']);
    // The visit and the profile are tied to the placement to be made from this request.
    expect(stream.filter((e) => e.type === 'placements.site_visited' || e.type === 'placements.carer_profile_shared').map((e) => e.data.placementId)).toEqual([requestId, requestId]);
    view = await pr.matching.view(officer, child.id, requestId);
    expect(view.request.options.map((o) => [o.providerId === ids.near ? 'near' : 'other', o.decision]).filter(([who]) => who === 'near')).toEqual([['near', 'shortlisted']]);
    queue = await pr.queue(officer);
    expect(queue.rows.find((r) => r.requestId === requestId)).toMatchObject({ status: 'matched', allocatedTo: officer.actor.displayName, daysWaiting: 1 });

    // The placement is made from the match: with the matched provider only, and the request is then placed.
    const start = { legalStatus: 'C1', reason: 'An interim care order was made today.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'independent_fostering', requestId, carer: 'Jo and Pat Near' };
    const placedAt = when('2027-03-02', '18:00', 'occurred');
    t.clock.set('2027-03-02T19:00:00Z');
    expect(await problems(s.inCare.start(worker, child.id, { ...start, providerId: ids.far }, { ...placedAt, fields: undefined }))).toEqual([
      expect.stringMatching(/^providerId: The request was matched to Near Agency .*: choose it, or record the placement without the request$/),
    ]);
    await s.inCare.start(worker, child.id, { ...start, providerId: ids.near }, { ...placedAt, fields: undefined });
    const placed = await s.people.streamOf(child.id);
    expect(openRequestsOf(placed)).toEqual([]);
    expect(placed.find((e) => e.type === 'cic.placement_started')?.data).toMatchObject({ requestId, providerId: ids.near, complexNeeds: true });
    // The site visit and the carer profile came before the placement (resource-service-policy.txt 1.1; placement-stability-guidance.txt).
    const obligations = await s.standards.forPerson(child.id);
    expect(obligations.find((o) => o.obligation.ruleId === 'placements.site-visit')?.state).toBe('met');
    expect(obligations.find((o) => o.obligation.ruleId === 'stability.carer-profile-shared')?.state).toBe('met');
    t.clock.set('2027-03-01T10:00:00Z');
  });

  it('asks for the risk assessment from 12, and keeps the 18+ request for young people of 18', async () => {
    const s = t.services;
    const { worker, manager, teamId } = await allocatedCase(s);
    const teen = await registerChild(s, worker, { dateOfBirth: '2013-06-01' });
    await s.people.allocate(manager, teen.id, { teamId, workerId: worker.actor.userId });
    const risks = await problems(s.placementRequests.make(worker, teen.id, requestBody()));
    expect(risks).toContain('risk_exploitation: Select the level of risk of exploitation (sexual or criminal)');
    expect(await problems(s.placementRequests.make(worker, teen.id, requestBody({ ...noRisks, risk_missing: 'high' })))).toEqual(['risk_missing_management: Enter how the risk of going missing is managed']);
    await s.placementRequests.make(worker, teen.id, requestBody({ ...noRisks, risk_missing: 'high', risk_missing_management: 'Carers report after 30 minutes; return interviews' }));

    const sixteen = await registerChild(s, worker, { dateOfBirth: '2010-06-01' });
    await s.people.allocate(manager, sixteen.id, { teamId, workerId: worker.actor.userId });
    expect(await problems(s.placementRequests.make(worker, sixteen.id, requestBody({ ...noRisks, kind: 'supported_accommodation_18_plus' })))).toEqual([
      'kind: The 18+ Supported Accommodation Request is for young people of 18 or over: this young person is 16 on the date needed. Use the Decision to Seek Accommodation',
    ]);
    // A 16-year-old needs their pathway plan uploaded or completed before the request is authorised.
    const requestId = await s.placementRequests.make(worker, sixteen.id, requestBody({ ...noRisks, providerTypes: ['supported_accommodation'], familyAndFriends: 'None' }));
    await importEvent(s, sixteen.id, 'assessment.completed', '2027-02-10T10:00:00Z');
    expect(await problems(s.placementRequests.authorise(manager, sixteen.id, requestId, {}))).toEqual([
      'documents: Upload Pathway plan to the record before the request goes to the Resource Service (resource-service-policy.txt 3.1)',
    ]);
    await s.placementRequests.withdraw(worker, sixteen.id, requestId, { reason: 'Staying with her aunt' });
    expect(await problems(s.placementRequests.authorise(manager, sixteen.id, requestId, {}))).toEqual(['comments: This cannot be done now: the request is withdrawn']);
  });

  it('keeps a restricted record from those who may not see it, and runs the duty rota', async () => {
    const s = t.services;
    const { worker, manager, child } = await allocatedCase(s);
    const requestId = await s.placementRequests.make(worker, child.id, requestBody());
    await s.people.restrict(manager, child.id, 'A relative of a member of staff');
    await expect(s.placementRequests.matching.view(officer, child.id, requestId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(s.placementRequests.matching.allocate(officer, child.id, requestId, { officerId: 'self' })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await s.placementRequests.queue(officer)).rows.some((r) => r.personId === child.id)).toBe(false);
    expect((await s.placementRequests.queue(manager)).rows.some((r) => r.personId === child.id)).toBe(true);

    // The duty rota: set by the Resource Service, for a working day, to a placements officer.
    await expect(s.placementRequests.rota.set(worker, { onDate: '2027-03-01', officerId: officer.actor.userId })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(s.placementRequests.rota.set(officer, { onDate: '2027-03-06', officerId: officer.actor.userId }))).toEqual(['onDate: Select a working day from today to 4 weeks ahead']);
    expect(await problems(s.placementRequests.rota.set(officer, { onDate: '2027-03-01', officerId: worker.actor.userId }))).toEqual(['officerId: Select an active placements officer from the list']);
    await s.placementRequests.rota.set(officer, { onDate: '2027-03-01', officerId: officer.actor.userId });
    const rota = await s.placementRequests.rota.view(officer);
    expect(rota.days[0]).toMatchObject({ onDate: '2027-03-01', duty: { officerName: officer.actor.displayName } });
    expect(rota.days.map((d) => d.onDate)).not.toContain('2027-03-06');
    expect((await s.placementRequests.queue(officer)).duty?.officerName).toBe(officer.actor.displayName);
  });

  it('shows the pages, and refuses bad input and the wrong people', async () => {
    const s = t.services;
    const { worker, manager, child } = await allocatedCase(s);
    const client = new Client(app);
    await client.signIn(worker.actor.username, worker.password);
    const page = mainText((await client.get(`/people/${child.id}/placement-requests`)).body);
    expect(page).toContain('Make a placement request');
    const refused = await client.post(`/people/${child.id}/placement-requests/new`, { kind: 'under_18', reason: '' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Enter why accommodation is needed');
    expect((await client.get('/placement-requests')).statusCode).toBe(403);

    const requestId = await s.placementRequests.make(worker, child.id, requestBody());
    const waiting = mainText((await client.get(`/people/${child.id}/placement-requests`)).body);
    expect(waiting).toContain('Documents for the Resource Service');
    expect(waiting).toContain("An assessment of the child's needs: missing");
    await importEvent(s, child.id, 'assessment.completed', '2027-02-10T10:00:00Z');
    await s.placementRequests.authorise(manager, child.id, requestId, {});
    const resource = new Client(app);
    await resource.signIn(officer.actor.username, officer.password);
    const queue = mainText((await resource.get('/placement-requests')).body);
    expect(queue).toContain(child.details.givenNames);
    const matching = await resource.get(`/people/${child.id}/placement-requests/${requestId}`);
    expect(matching.statusCode).toBe(200);
    expect(mainText(matching.body)).toContain('Allocate the request');
    expect((await resource.post(`/people/${child.id}/placement-requests/${requestId}/allocate`, { officerId: 'self' })).statusCode).toBe(302);
    const bad = await resource.post(`/people/${child.id}/placement-requests/${requestId}/options`, { providerId: ids.near!, decision: 'shortlisted', reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(mainText(bad.body)).toContain('Enter the reason for the decision');
    expect((await resource.get('/placement-requests/rota')).statusCode).toBe(200);
    // The worker cannot allocate.
    expect((await client.post(`/people/${child.id}/placement-requests/${requestId}/allocate`, { officerId: 'self' })).statusCode).toBe(403);
  });
});
