import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, childInput, makeUser, world, type TestWorld } from '../factories';
import { approvedCarer } from '../support/approvedCarers';

const at = (occurredOn: string, occurredTime: string, fields?: { date: string; time: string }) => ({ occurredOn, occurredTime, problems: [], ...(fields ? { fields } : {}) });
const consent = (parentId: string, day = '24') => ({ consentParent: parentId, 'consentSignedOn-day': day, 'consentSignedOn-month': '12', 'consentSignedOn-year': '2026' });

/**
 * A child accommodated under section 20 on Christmas Eve, Thursday 24 December 2026 (practice-standards.txt,
 * Section 3: Children in Care 17-23; Section 4: Reviews for Children in Care): the clocks of coming into
 * care cross Christmas Day, the substitute Boxing Day (Monday 28 December) and New Year's Day.
 */
describe.each(engines())('a child becoming looked after on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  // The authority's own foster carers and a connected person are chosen from the register of approved carers (issue 11).
  let carters = '';
  let auntLisa = '';
  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-12-24T18:00:00Z');
    app = await testApp(t);
    const registrar = await makeUser(t.services, { roles: ['social-worker'] });
    carters = await approvedCarer(t.services, registrar, 'Sue and Dev Carter');
    auntLisa = await approvedCarer(t.services, registrar, 'Aunt Lisa', { careTypes: ['family_and_friends'] });
    start.carerId = carters;
  });
  afterAll(() => app.close());

  const rule = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);

  async function caseWithMother() {
    const c = await allocatedCase(t.services);
    const mother = await t.services.people.register(c.worker, childInput({ kind: 'adult', givenNames: 'Kerry', dateOfBirth: '1991-02-01', ethnicity: null, firstLanguage: null }));
    if (mother.outcome !== 'registered') throw new Error('mother not registered');
    await t.services.people.recordRelationship(c.worker, c.child.id, { relatedPersonId: mother.record.id, type: 'parent', parentalResponsibility: true, professionalRole: null, startDate: '2015-03-27' });
    return { ...c, motherId: mother.record.id };
  }
  const start = { legalStatus: 'V2', reason: 'Mum is in hospital and there is no one else to look after you for now.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'in_house_fostering', carerId: '' as string };

  it('records section 20 with the signed consent, the first placement and the steps of coming into care against their clocks', async () => {
    const { worker, manager, child, motherId } = await caseWithMother();
    t.clock.set('2026-12-24T18:00:00Z');
    expect(await problems(t.services.inCare.start(worker, child.id, { legalStatus: 'V2', familyAndFriends: 'maybe' }, at('2026-12-24', '15:00')))).toEqual([
      'reason: Enter why the child comes into care, as explained to them',
      'familyAndFriends: Select whether family and friends placements were explored',
      'consentParent: Select the parent with parental responsibility who signed the consent',
      'consentSignedOn-day: Enter the date the consent was signed',
      'previousPermanence: Select whether the child had been adopted, or lived with someone under a special guardianship or child arrangements order, before this',
      'setting: Select the kind of placement',
      'carer: Enter the carers or the home the child is placed with',
    ]);
    await t.services.inCare.start(worker, child.id, { ...start, ...consent(motherId) }, at('2026-12-24', '15:00'));
    expect(await problems(t.services.inCare.start(worker, child.id, { ...start, ...consent(motherId) }, at('2026-12-24', '16:00')))).toEqual([
      'legalStatus: The child is already looked after: record a change of legal status instead',
    ]);

    // The clocks, from Thursday 24 December at 3pm.
    const due = async (id: string) => (await rule(child.id, id))?.obligation.dueDate;
    expect(await due('cic.placement-arrangements-form')).toBe('2026-12-24');
    expect(await due('cic.placement-planning-meeting')).toBe('2027-01-05'); // 5 working days: 29, 30, 31 December, 4 and 5 January
    expect(await due('cic.care-plan')).toBe('2027-01-12'); // 10 working days
    expect(await due('cic.pep-meeting')).toBe('2027-01-13'); // 20 days
    expect(await due('cic.health-assessment')).toBe('2027-01-21'); // 28 days
    expect((await rule(child.id, 'cic.notification'))?.obligation.deadline.toISOString()).toBe('2026-12-25T15:00:00.000Z');

    // The notification on Tuesday 29 December is late; the IRO is due a working day after it.
    t.clock.set('2026-12-29T12:00:00Z');
    await t.services.inCare.arrivalStep(worker, child.id, 'notification', at('2026-12-29', '10:00', { date: 'notificationOn', time: 'notificationTime' }));
    expect((await rule(child.id, 'cic.notification'))?.state).toBe('met_late');
    expect(await problems(t.services.inCare.arrivalStep(worker, child.id, 'notification', at('2026-12-29', '11:00', { date: 'notificationOn', time: 'notificationTime' })))).toEqual([
      'notification: Child in care notification sent: already recorded for this period of care',
    ]);
    expect(await problems(t.services.inCare.arrivalStep(worker, child.id, 'arrangements', at('2026-12-23', '11:00', { date: 'arrangementsOn', time: 'arrangementsTime' })))).toEqual([
      expect.stringMatching(/^arrangementsOn: This cannot be before the child came into care on 24 December 2026/),
    ]);
    const iro = await makeUser(t.services, { roles: ['iro'] });
    expect(await problems(t.services.inCare.appointIro(worker, child.id, { iroId: 'nobody' }, at('2026-12-29', '11:00', { date: 'iroOn', time: 'iroTime' })))).toEqual([
      'iroId: Select the independent reviewing officer from the list',
    ]);
    await t.services.inCare.appointIro(worker, child.id, { iroId: iro.actor.userId }, at('2026-12-29', '11:00', { date: 'iroOn', time: 'iroTime' }));
    expect((await rule(child.id, 'cic.iro-appointed'))?.state).toBe('met');

    // The care plan: outcomes and objectives for the child, family and carers (Children in Care 18).
    t.clock.set('2027-01-11T12:00:00Z');
    expect(await problems(t.services.inCare.carePlan(worker, child.id, { outcomes: 'Home with mum when she is well' }))).toEqual([
      'forChild: Enter the objectives for work with the child',
      'forFamily: Enter the objectives for work with the birth family',
      'forCarers: Enter the objectives for work with the carers',
    ]);
    await t.services.inCare.carePlan(worker, child.id, { outcomes: 'Home with mum when she is well', forChild: 'Keep school and friends', forFamily: "Mum's discharge plan", forCarers: 'School run and contact' });
    expect((await rule(child.id, 'cic.care-plan'))?.state).toBe('met');
    expect(await problems(t.services.inCare.informationGiven(worker, child.id, {}))).toEqual(['given: Select the information given to the child']);
    await t.services.inCare.informationGiven(worker, child.id, { given: ['advocacy', 'complaints'] });

    // An interim care order: not dated inside the section 20 period's start, not the same status; no consent asked.
    const statusAt = (d: string) => at(d, '10:00', { date: 'statusOn', time: 'statusTime' });
    expect(await problems(t.services.inCare.changeStatus(worker, child.id, { legalStatus: 'C1' }, statusAt('2026-12-23')))).toEqual([
      'statusOn: A new legal status starts after the current one began: a change dated before it would overlap it. Check the date',
    ]);
    expect(await problems(t.services.inCare.changeStatus(worker, child.id, { legalStatus: 'V2', ...consent(motherId) }, statusAt('2027-01-05')))).toEqual(['legalStatus: That is the current legal status: choose the new one']);
    await t.services.inCare.changeStatus(worker, child.id, { legalStatus: 'C1', summary: 'Interim care order granted at Reading Family Court' }, statusAt('2027-01-05'));

    // A placement move ends the current placement and opens a new placement planning meeting. It is
    // asked for, agreed by the head of service, and made with the Virtual School consulted and the child told (src/modules/placements/).
    const moveAt = (d: string) => at(d, '14:00', { date: 'moveOn', time: 'moveTime' });
    const aunt = { setting: 'connected_person', carerId: auntLisa, ending: 'care_plan', why: 'Aunt approved as a connected person' };
    const head = await makeUser(t.services, { roles: ['head-of-service'] });
    t.clock.set('2027-01-07T12:00:00Z');
    await t.services.placements.requestMove(worker, child.id, { reason: 'Aunt Lisa is approved as a connected person carer', urgent: 'no' });
    await t.services.placements.authoriseMove(head, child.id, { by: 'head_of_service', alternatives: 'Staying with the Carters was considered; the plan is family.' });
    await t.services.placements.virtualSchoolConsulted(worker, child.id, { advice: 'Same school: transport arranged.' });
    await t.services.placements.childTold(worker, child.id, { how: 'Sue and the social worker tell her together on Sunday.' });
    expect(await problems(t.services.placements.move(worker, child.id, aunt, moveAt('2026-12-20')))).toEqual([
      expect.stringMatching(/^moveOn: The move must be after the current placement began on 24 December 2026/),
    ]);
    const planningAt = (d: string) => at(d, '10:00', { date: 'planningOn', time: 'planningTime' });
    await t.services.inCare.arrivalStep(worker, child.id, 'planning', planningAt('2026-12-30'));
    // An IRO may record work on any team's records, but a placement is the case holder's or the Resource Service's.
    await expect(t.services.placements.move(iro, child.id, aunt, moveAt('2027-01-08'))).rejects.toBeInstanceOf(ForbiddenError);
    t.clock.set('2027-01-08T18:00:00Z');
    await t.services.placements.move(worker, child.id, aunt, moveAt('2027-01-08'));
    t.clock.set('2027-01-11T12:00:00Z');
    // The new placement has its own planning meeting.
    await t.services.inCare.arrivalStep(worker, child.id, 'planning', planningAt('2027-01-11'));
    expect((await rule(child.id, 'cic.placement-planning-meeting'))?.state).toBe('met');
    expect((await rule(child.id, 'cic.placement-planning-meeting'))?.obligation.dueDate).toBe('2027-01-15');
    // Then weekly visits, four of them (Children in Care 36): the first by Friday 15 January.
    expect((await rule(child.id, 'cic.visit-after-move'))?.obligation.dueDate).toBe('2027-01-15');

    const view = await t.services.inCare.view(worker, child.id);
    expect(view.state.statuses.map((s) => [s.status, s.to !== null, s.consent?.parent ?? null])).toEqual([
      ['V2', true, expect.stringContaining('Kerry')],
      ['C1', false, null],
    ]);
    expect(view.state.placements.map((p) => [p.carer, p.endReason])).toEqual([
      ['Sue and Dev Carter', 'care_plan'],
      ['Aunt Lisa', null],
    ]);
    expect(view.state.informationGiven).toEqual({ advocacy: true, independentVisitor: false, complaints: true });
    // A change to the visiting schedule: with the aunt as a temporary carer, weekly visits until the first review (Children in Care 33).
    const scheduleAt = (d: string) => at(d, '15:00', { date: 'scheduleOn', time: 'scheduleTime' });
    expect(await problems(t.services.inCare.scheduleChange(worker, child.id, { change: 'interim_ended', rationale: 'x' }, scheduleAt('2027-01-08')))).toEqual([
      'change: The child is not with a temporary carer or at home under an interim care order',
    ]);
    await t.services.inCare.scheduleChange(worker, child.id, { change: 'interim_started', rationale: 'Aunt Lisa temporarily approved under regulation 24.' }, scheduleAt('2027-01-08'));
    expect((await rule(child.id, 'cic.interim-placement-weekly-visit'))?.obligation.dueDate).toBe('2027-01-15');
    // The visit schedule in force, and the move that changed it.
    expect(view.visitsDue.map((v) => v.title)).toEqual(expect.arrayContaining(['Child in care seen at least every 6 weeks', 'Child in care visited once a week for four weeks after a placement move']));
    const after = await t.services.inCare.view(worker, child.id);
    expect(after.scheduleChanges.map((c) => c.why)).toEqual(['Moved to Aunt Lisa: Aunt approved as a connected person', 'Aunt Lisa temporarily approved under regulation 24.']);
    // The front sheet's legal status history reads the same events.
    expect((await t.services.people.frontSheet(worker, child.id)).legalStatuses.map((s: { status: string }) => s.status)).toEqual(['V2', 'C1']);

    // The end of care is a manager's; a return to care says where the child was since, and does not overlap.
    const endAt = (d: string) => at(d, '10:00', { date: 'endOn', time: 'endTime' });
    const ending = { reason: 'home', summary: 'Mum discharged and well; care order discharged.' };
    await expect(t.services.inCare.end(worker, child.id, ending, endAt('2027-01-11'))).rejects.toBeInstanceOf(ForbiddenError);
    await t.services.inCare.end(manager, child.id, ending, endAt('2027-01-11'));
    expect((await rule(child.id, 'cic.health-assessment'))?.obligation.outcome).toBe('cancelled');
    expect(await problems(t.services.inCare.start(worker, child.id, { ...start, legalStatus: 'L1' }, at('2027-01-11', '11:00')))).toEqual([
      'gapReason: The child was looked after before: say where they were and why they come back into care',
    ]);
    expect(await problems(t.services.inCare.start(worker, child.id, { ...start, legalStatus: 'L1', gapReason: 'At home with mum' }, at('2027-01-10', '11:00')))).toEqual([
      'occurredOn: This overlaps the last period of care, which ended later: check the date',
    ]);
  });

  it('asks whether the child left care before through adoption or an order, with its date and council, for the SSDA903 return', async () => {
    const { worker, child } = await allocatedCase(t.services);
    t.clock.set('2026-12-24T18:00:00Z');
    const careOrder = { ...start, legalStatus: 'C2', reason: 'The court made a care order: your special guardian cannot look after you any more.' };
    const { previousPermanence: _, ...unanswered } = careOrder;
    expect(await problems(t.services.inCare.start(worker, child.id, unanswered, at('2026-12-24', '15:00')))).toEqual([
      'previousPermanence: Select whether the child had been adopted, or lived with someone under a special guardianship or child arrangements order, before this',
    ]);
    expect(await problems(t.services.inCare.start(worker, child.id, { ...careOrder, previousPermanence: 'special_guardianship' }, at('2026-12-24', '15:00')))).toEqual([
      'previousPermanenceOn-year: Enter the year the order was made, and the month and day if you know them',
      'previousPermanenceAuthority: Enter the council that arranged the order, or its DfE code',
    ]);
    const order = { previousPermanence: 'special_guardianship', 'previousPermanenceOn-month': '3', 'previousPermanenceOn-year': '2019', previousPermanenceAuthority: 'Leeds City Council' };
    expect(await problems(t.services.inCare.start(worker, child.id, { ...careOrder, ...order, 'previousPermanenceOn-year': '2027' }, at('2026-12-24', '15:00')))).toEqual([
      'previousPermanenceOn-year: The date the order was made must be in the past',
    ]);
    expect(await problems(t.services.inCare.start(worker, child.id, { ...careOrder, ...order, 'previousPermanenceOn-month': '12', 'previousPermanenceOn-year': '2026' }, at('2026-12-24', '15:00')))).toEqual([
      'previousPermanenceOn-day: The order was made close to when the child came into care on 24 December 2026: enter the day it was made',
    ]);
    await t.services.inCare.start(worker, child.id, { ...careOrder, ...order, 'previousPermanenceOn-day': '' }, at('2026-12-24', '15:00'));
    const started = (await t.services.people.streamOf(child.id)).filter((e) => e.type === 'cic.started');
    expect(started.map((e) => e.data.previousPermanence)).toEqual([{ option: 'special_guardianship', on: '2019-03', authority: 'Leeds City Council' }]);
    expect((await t.services.inCare.view(worker, child.id)).previousPermanence).toBe('Special guardianship order made in March 2019, arranged by Leeds City Council');
  });

  it('shows the question on the page, with a GOV.UK error when it is not answered', async () => {
    const { worker, child } = await allocatedCase(t.services);
    t.clock.set('2026-12-24T18:00:00Z');
    const client = new Client(app);
    await client.signIn(worker.actor.username, worker.password);
    const form = mainText((await client.get(`/people/${child.id}/in-care`)).body);
    expect(form).toContain('Before this, had the child been adopted, or lived with someone under a special guardianship or child arrangements order?');
    const when = { 'occurredOn-day': '24', 'occurredOn-month': '12', 'occurredOn-year': '2026', occurredTime: '15:00' };
    const { previousPermanence: _, ...unanswered } = start;
    const refused = await client.post(`/people/${child.id}/in-care/start`, { ...when, ...unanswered, legalStatus: 'C2' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#previousPermanence"');
    const order = await client.post(`/people/${child.id}/in-care/start`, { ...when, ...start, legalStatus: 'C2', previousPermanence: 'adopted', previousPermanenceAuthority: '873' });
    expect(order.statusCode).toBe(400);
    expect(order.body).toContain('href="#previousPermanenceOn-year"');
    expect(mainText(order.body)).toContain('Enter the year the order was made');
    const saved = await client.post(`/people/${child.id}/in-care/start`, { ...when, ...start, legalStatus: 'C2', previousPermanence: 'adopted', 'previousPermanenceOn-year': '2016', previousPermanenceAuthority: '873' });
    expect(saved.statusCode).toBe(302);
    expect(mainText((await client.get(`/people/${child.id}/in-care`)).body)).toContain('Adopted: adoption order made in 2016, arranged by 873');
  });

  it('shows the page, refuses bad input with what to fix, and keeps the signed consent as a document', async () => {
    const { worker, child, motherId } = await caseWithMother();
    t.clock.set('2026-12-24T18:00:00Z');
    const client = new Client(app);
    await client.signIn(worker.actor.username, worker.password);
    expect(mainText((await client.get(`/people/${child.id}/in-care`)).body)).toContain('is not looked after');
    const refused = await client.post(`/people/${child.id}/in-care/start`, { 'occurredOn-day': '24', 'occurredOn-month': '12', 'occurredOn-year': '2026', occurredTime: '15:00', legalStatus: 'XX', carer: 'Sue Carter' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Select the legal status');
    const saved = await client.post(`/people/${child.id}/in-care/start`, { 'occurredOn-day': '24', 'occurredOn-month': '12', 'occurredOn-year': '2026', occurredTime: '15:00', ...start, ...consent(motherId) });
    expect(saved.statusCode).toBe(302);
    const page = mainText((await client.get(`/people/${child.id}/in-care`)).body);
    for (const expected of ['Accommodated under section 20, with parental consent', 'Sue and Dev Carter', 'Child in care notification sent within 24 hours', 'Signed by Kerry']) expect(page).toContain(expected);
    const upload = await client.postFile(`/people/${child.id}/in-care/documents`, { kind: 'section_20_consent' }, { field: 'document', filename: 'consent.pdf', content: Buffer.from('%PDF-1.4 consent') });
    expect(upload.statusCode).toBe(302);
    expect(mainText((await client.get(`/people/${child.id}/in-care`)).body)).toContain('consent.pdf');
  });
});
