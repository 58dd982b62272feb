import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEvent } from '../../src/modules/people/describeEvent';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { childInput, importEvent, makeTeam, makeUser, registerChild, world, type TestWorld } from '../factories';

const at = (occurredOn: string, occurredTime: string, key: string) => ({ occurredOn, occurredTime, problems: [], fields: { date: `${key}On`, time: `${key}Time` } });
const terms = { children: 2, ageFrom: 5, ageTo: 11, gender: 'any', careTypes: ['short_term', 'respite'] };
/** The carer's page as an approved carer's: fails the test (not returns early) when it is not. */
function approvedView<V extends { approved: boolean }>(view: V): Extract<V, { approved: true }> {
  expect(view.approved).toBe(true);
  if (!view.approved) throw new Error('expected an approved carer');
  return view as Extract<V, { approved: true }>;
}
const allViews = ['carers', 'household', 'ssw', 'children', 'childrens_social_workers', 'childrens_iros'];

/**
 * An approved foster carer from approval to their first annual review (issue 11, "Tests";
 * practice-standards.txt, Section 3 "Family Placement (Fostering)" 17-42): the supervising social
 * worker allocated, monthly visits (one unannounced, one late over the May bank holiday), children
 * placed within the terms and one outside them only with a head of service's exemption, the review
 * chaired by an IRO with everyone's written views, the Fostering Panel and the agency decision maker
 * changing the terms, and the approval ending. The approval is the recruitment part's event.
 */
describe.each(engines())('an approved foster carer on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-03-30T09:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  it('from approval through visits, placements within the terms, and the first annual review to a change of terms', async () => {
    const s = t.services;
    t.clock.set('2026-03-30T09:00:00Z');
    const fpt = await makeTeam(s, undefined, 'family-placement');
    const cic = await makeTeam(s);
    const qa = await makeTeam(s);
    const manager = await makeUser(s, { roles: ['team-manager'], teamIds: [fpt] });
    const ssw = await makeUser(s, { roles: ['social-worker'], teamIds: [fpt] });
    const iro = await makeUser(s, { roles: ['iro'], teamIds: [qa] });
    const adm = await makeUser(s, { roles: ['agency-decision-maker'] });
    const head = await makeUser(s, { roles: ['head-of-service'] });
    const officer = await makeUser(s, { roles: ['placements-officer'] });
    const cicManager = await makeUser(s, { roles: ['team-manager'], teamIds: [cic] });
    const worker = await makeUser(s, { roles: ['social-worker'], teamIds: [cic] });
    const registered = await s.people.register(ssw, childInput({ kind: 'adult', givenNames: 'Joan', familyName: 'Okafor', dateOfBirth: '1968-05-02', gender: 'F' }));
    if (registered.outcome !== 'registered') throw new Error('carer not registered');
    const carer = registered.record.id;

    // Approved on Thursday 2 April 2026, the day before Good Friday (the recruitment part's event).
    await importEvent(s, carer, 'fostering.carer_approved', '2026-04-02T15:00:00Z', { terms, approvalKind: 'mainstream', panelOn: '2026-03-17', decisionOn: '2026-04-02', summary: 'Approved for two children aged 5 to 11' });
    let view = approvedView(await s.fosterCarers.view(ssw, carer));
    expect(view.termsText).toBe('2 children, aged 5 to 11, any gender: Short-term, Short breaks (respite)');
    expect(view.clocks.map((c) => [c.ruleId, c.dueDate, c.state])).toEqual([
      ['fostering.supervising-visit', '2026-05-02', 'due'],
      ['fostering.carer-review', '2027-04-02', 'due'],
    ]);

    // The team manager allocates the supervising social worker from the Family Placement Team.
    expect(await problems(s.fosterCarers.allocateSupervisingWorker(manager, carer, { workerId: worker.actor.userId }))).toEqual(['workerId: Select the supervising social worker from the list: a member of the Family Placement Team']);
    await expect(s.fosterCarers.allocateSupervisingWorker(ssw, carer, { workerId: ssw.actor.userId })).rejects.toThrow(ForbiddenError);
    await s.fosterCarers.allocateSupervisingWorker(manager, carer, { workerId: ssw.actor.userId });

    // Visits: an unannounced one on Good Friday; the next due 3 May is made on Tuesday 5 May, after the bank holiday: late.
    t.clock.set('2026-04-07T09:00:00Z');
    expect(await problems(s.fosterCarers.visit(ssw, carer, {}, at('2026-04-03', '10:00', 'visit')))).toEqual([
      'unannounced: Select whether the visit was unannounced',
      'summary: Enter what was seen and discussed at the visit',
    ]);
    expect(await problems(s.fosterCarers.visit(ssw, carer, { unannounced: 'no', summary: 'Before approval' }, at('2026-04-01', '10:00', 'visit')))).toEqual(['visitOn: A visit cannot be before the approval, on 2 April 2026 at 4:00pm: check the date and time']);
    await s.fosterCarers.visit(ssw, carer, { unannounced: 'yes', summary: 'Unannounced: house calm, children’s rooms ready.' }, at('2026-04-03', '10:00', 'visit'));
    t.clock.set('2026-05-05T16:00:00Z');
    await s.fosterCarers.visit(ssw, carer, { unannounced: 'no', summary: 'Supervision: Kayden settling; training plan agreed.' }, at('2026-05-05', '14:00', 'visit'));
    const visits = (await s.standards.forPerson(carer)).filter((o) => o.obligation.ruleId === 'fostering.supervising-visit').map((o) => [o.obligation.dueDate, o.state]);
    expect(visits).toEqual([['2026-05-02', 'met'], ['2026-05-03', 'met_late'], ['2026-06-05', 'due']]);

    // Children placed: within the terms; outside the age range only with a head of service's exemption; never a third.
    const kayden = await registerChild(s, worker, { givenNames: 'Kayden', familyName: 'Campbell', dateOfBirth: '2015-04-06', gender: 'M' });
    const mia = await registerChild(s, worker, { givenNames: 'Mia', familyName: 'Shore', dateOfBirth: '2013-01-10', gender: 'F' });
    const third = await registerChild(s, worker, { givenNames: 'Leo', familyName: 'Shore', dateOfBirth: '2018-01-10', gender: 'M' });
    for (const child of [kayden, mia, third]) await s.people.allocate(cicManager, child.id, { teamId: cic, workerId: worker.actor.userId });
    const intoCare = (carerId: string) => ({ legalStatus: 'C2', reason: 'The court made a care order.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'in_house_fostering', carerId });
    t.clock.set('2026-05-20T12:00:00Z');
    await s.inCare.start(worker, kayden.id, intoCare(carer), at('2026-05-20', '11:00', 'occurred'));
    const placement = (await s.people.streamOf(kayden.id)).find((e) => e.type === 'cic.placement_started');
    expect(placement?.data).toMatchObject({ carerId: carer, carer: 'Joan Okafor' });
    expect(await problems(s.inCare.start(worker, mia.id, intoCare(carer), at('2026-05-20', '11:30', 'occurred')))).toEqual([
      "carerId: Mia Shore is outside Joan Okafor's terms of approval (age: approved for children aged 5 to 11, and Mia Shore is 13). A head of service must record an exemption on the carer's record first (Family Placement 18)",
    ]);
    // The register for matching: one place free, and none for a 13-year-old.
    let register = await s.fosterCarers.register(officer, {});
    expect(register.carers.find((c) => c.id === carer)).toMatchObject({ placed: 1, vacancies: 1, ssw: ssw.actor.displayName });
    expect((await s.fosterCarers.register(officer, { age: 13 })).carers.some((c) => c.id === carer)).toBe(false);
    expect((await s.fosterCarers.register(officer, { age: 9, gender: 'F', vacancies: true })).carers.some((c) => c.id === carer)).toBe(true);

    // The exemption: the head of service's, for this child and the age range.
    await expect(s.fosterCarers.exemption(ssw, carer, { hearthId: String(mia.hearthId), outside: ['age'], exemptionReason: 'Sibling-like bond' })).rejects.toThrow(ForbiddenError);
    expect(await problems(s.fosterCarers.exemption(head, carer, { hearthId: '999999', outside: [], exemptionReason: '' }))).toEqual([
      'hearthId: No child you may open has that Hearth number: check it on the child’s record',
      'outside: Select the terms of approval the placement is outside',
      'exemptionReason: Enter why the placement is in the child’s interests and how the carers will be supported',
    ]);
    await s.fosterCarers.exemption(head, carer, { hearthId: String(mia.hearthId), outside: 'age', exemptionReason: 'Mia’s school friend is placed here; a short-term bridge while a long-term carer is found.' });
    await s.inCare.start(worker, mia.id, intoCare(carer), at('2026-05-20', '11:30', 'occurred'));
    expect((await s.people.streamOf(mia.id)).find((e) => e.type === 'cic.placement_started')?.data.termsExemptionId).toBeTruthy();
    expect(await problems(s.inCare.start(worker, third.id, intoCare(carer), at('2026-05-20', '12:00', 'occurred')))).toEqual([
      "carerId: Leo Shore is outside Joan Okafor's terms of approval (number: approved for 2 children and 2 are placed now). A head of service must record an exemption on the carer's record first (Family Placement 18)",
    ]);
    register = await s.fosterCarers.register(officer, {});
    expect(register.carers.find((c) => c.id === carer)).toMatchObject({ placed: 2, vacancies: 0 });
    // The child's placements page names the carer's record and offers the approved carers with their places.
    const placements = await s.placements.view(worker, kayden.id);
    expect(placements.current?.details.carerId).toBe(carer);
    expect(placements.carers.find((c) => c.id === carer)).toMatchObject({ name: 'Joan Okafor', vacancies: 0 });

    // Training, payment level, support; a complaint means a review is needed (Family Placement 33).
    t.clock.set('2026-06-01T12:00:00Z');
    await s.fosterCarers.training(ssw, carer, { course: 'Training, Support and Development standards workbook', hours: '12' }, at('2026-05-25', '13:00', 'training'));
    expect(await problems(s.fosterCarers.training(ssw, carer, { course: 'First aid', hours: 'six' }, at('2026-05-26', '13:00', 'training')))).toEqual(['hours: The hours must be a whole number, like 1']);
    await s.fosterCarers.paymentLevel(ssw, carer, { level: 'level_2', levelReason: 'TSD standards completed.' });
    await s.fosterCarers.support(ssw, carer, { kind: 'out_of_hours', detail: 'Emergency Duty Service number given; fostering out of hours line.' });
    await s.fosterCarers.reviewRequired(ssw, carer, { concern: 'complaint', concernSummary: 'Mia’s mother complained about contact arrangements.' });

    // The first annual review: the IRO cannot hold it until everyone's written views are in.
    t.clock.set('2027-03-24T16:00:00Z');
    await expect(s.fosterCarers.review(ssw, carer, {}, at('2027-03-24', '10:00', 'review'))).rejects.toThrow(ForbiddenError);
    const review = { recommendation: 'change_terms', feedback: 'Good support from Rebecca; want more respite.', suitability: 'Continue to be suitable.', actionPlan: 'Attachment training; respite weekend each quarter.', termsChildren: '3', termsAgeFrom: '5', termsAgeTo: '13', termsGender: 'any', termsCareTypes: ['short_term', 'respite'] };
    expect(await problems(s.fosterCarers.review(iro, carer, review, at('2027-03-24', '10:00', 'review')))).toEqual([
      "recommendation: Record the written views of the foster carers, other members of the fostering household, the supervising social worker, children placed now or during the review period, the children's social workers, the children's Independent Reviewing Officers first (Family Placement 29)",
    ]);
    for (const source of allViews) await s.fosterCarers.views(ssw, carer, { source, received: source === 'household' ? 'no' : 'yes', views: source === 'household' ? 'No other members of the household.' : `Written views of ${source}.` });
    expect(await problems(s.fosterCarers.views(ssw, carer, { source: 'nobody', received: 'yes', views: '' }))).toEqual([
      'source: Select whose views these are',
      'views: Enter their written views, or why there are none (for example, no other members of the household)',
    ]);
    await s.fosterCarers.reportShared(ssw, carer, {}, at('2027-03-19', '09:00', 'report'));
    expect(await problems(s.fosterCarers.review(iro, carer, { ...review, termsChildren: '9' }, at('2027-03-24', '10:00', 'review')))).toEqual(['termsChildren: The number of children must be between 1 and 6']);
    await s.fosterCarers.review(iro, carer, review, at('2027-03-24', '10:00', 'review'));
    view = approvedView(await s.fosterCarers.view(ssw, carer));
    expect(view.reviews[0]).toMatchObject({ first: true, afterConcern: true, chairName: iro.actor.displayName, panelReason: 'it recommends a change in the terms of approval', panelAt: null });
    expect(view.reviewRequired).toEqual([]);
    const rows = await s.standards.forPerson(carer);
    const state = (ruleId: string) => rows.filter((o) => o.obligation.ruleId === ruleId).map((o) => [o.obligation.dueDate, o.state]);
    expect(state('fostering.carer-review')).toEqual([['2027-04-02', 'met'], ['2028-03-24', 'due']]);
    expect(state('fostering.review-reports-shared')).toEqual([['2027-03-24', 'met']]);

    const asManager = new Client(app);
    await asManager.signIn(manager.actor.username, manager.password);
    const panelPage = await asManager.get(`/people/${carer}/foster-carer`);
    expect(panelPage.statusCode).toBe(200);
    expect(mainText(panelPage.body)).toContain("The carers' review (waiting since 24 March 2027)");
    expect(mainText(panelPage.body)).toContain('because it recommends a change in the terms of approval');

    // The Fostering Panel: the first review and a change of terms go to it, the carers invited (Family Placement 14, 32).
    t.clock.set('2027-04-13T15:00:00Z');
    const panel = { about: 'carer_review', recommendation: 'change_terms', carersInvited: 'no', minutes: 'Strong review; capacity for a third child.', termsChildren: '3', termsAgeFrom: '5', termsAgeTo: '13', termsGender: 'any', termsCareTypes: ['short_term', 'respite'] };
    expect(await problems(s.fosterCarers.panel(manager, carer, panel, at('2027-04-13', '10:00', 'panel')))).toEqual(['carersInvited: Invite the carers to the panel, with a supporter if they wish, before it considers them (Family Placement 14, 32-33)']);
    await expect(s.fosterCarers.panel(iro, carer, { ...panel, carersInvited: 'yes' }, at('2027-04-13', '10:00', 'panel'))).rejects.toThrow(ForbiddenError);
    await s.fosterCarers.panel(manager, carer, { ...panel, carersInvited: 'yes' }, at('2027-04-13', '10:00', 'panel'));
    expect((await s.standards.forPerson(carer)).filter((o) => o.obligation.ruleId === 'fostering.report-before-panel').map((o) => o.state)).toEqual(['met']);

    const asAdm = new Client(app);
    await asAdm.signIn(adm.actor.username, adm.password);
    const decisionPage = mainText((await asAdm.get(`/people/${carer}/foster-carer`)).body);
    expect(decisionPage).toContain('changing the terms to 3 children, aged 5 to 13');
    expect(decisionPage).toContain('Record the decision');
    const refusedDecision = await asAdm.post(`/people/${carer}/foster-carer/decision`, { decision: 'agree' });
    expect(refusedDecision.statusCode).toBe(400);
    expect(mainText(refusedDecision.body)).toContain('Enter the reasons for the decision (Family Placement 15)');

    // The agency decision maker agrees: the terms change, and a place opens.
    expect(await problems(s.fosterCarers.decide(adm, carer, { decision: 'agree' }))).toEqual(['carersAgree: Select whether the carers agree to the change of terms', 'reason: Enter the reasons for the decision (Family Placement 15)']);
    // The carers asked for the change: not a qualifying determination (Family Placement 16 footnote 4).
    await s.fosterCarers.decide(adm, carer, { decision: 'agree', carersAgree: 'yes', reason: 'Agree with the panel: the review shows capacity and the training is done.' });
    view = approvedView(await s.fosterCarers.view(ssw, carer));
    expect(view.termsText).toBe('3 children, aged 5 to 13, any gender: Short-term, Short breaks (respite)');
    expect(view.vacancies).toBe(1);
    expect(view.reviews[0]?.panelAt).toBeTruthy();
    expect(await problems(s.fosterCarers.decide(adm, carer, { decision: 'agree', reason: 'Again' }))).toEqual(['decision: There is no panel recommendation to change the terms or end the approval waiting for a decision']);
    const changed = (await s.people.streamOf(carer)).find((e) => e.type === 'fostering.terms_changed')!;
    expect(changed.data).toMatchObject({ terms: { children: 3, ageFrom: 5, ageTo: 13 }, decisionOn: '2027-04-13' });
    expect(describeEvent(changed).title).toBe('Terms of approval changed');

    // The carer resigns: the clocks stop, the register drops them, and no child can be placed with them.
    t.clock.set('2027-06-01T12:00:00Z');
    await s.fosterCarers.end(ssw, carer, { ending: 'resigned', endSummary: 'Retiring from fostering.' }, at('2027-06-01', '10:00', 'end'));
    expect((await s.fosterCarers.register(officer, {})).carers.some((c) => c.id === carer)).toBe(false);
    expect(await problems(s.fosterCarers.visit(ssw, carer, { unannounced: 'no', summary: 'x' }, at('2027-06-01', '11:00', 'visit')))).toEqual(['unannounced: The approval has ended']);
    expect(await problems(s.inCare.start(worker, third.id, intoCare(carer), at('2027-06-01', '11:00', 'occurred')))).toEqual(['carerId: Select an approved foster carer from the list: these carers are not approved now']);
    const open = (await s.standards.forPerson(carer)).filter((o) => o.obligation.outcome === 'open' && o.obligation.ruleId.startsWith('fostering.'));
    expect(open).toEqual([]);
  });

  it("ends an approval only on the agency decision maker's decision after the panel recommends it", async () => {
    const s = t.services;
    t.clock.set('2026-12-29T12:00:00Z');
    const fpt = await makeTeam(s, undefined, 'family-placement');
    const manager = await makeUser(s, { roles: ['team-manager'], teamIds: [fpt] });
    const ssw = await makeUser(s, { roles: ['social-worker'], teamIds: [fpt] });
    const adm = await makeUser(s, { roles: ['agency-decision-maker'] });
    const registered = await s.people.register(ssw, childInput({ kind: 'adult', givenNames: 'Sam', familyName: 'Hart', dateOfBirth: '1970-01-01', gender: 'M' }));
    if (registered.outcome !== 'registered') throw new Error('carer not registered');
    const carer = registered.record.id;
    await importEvent(s, carer, 'fostering.carer_approved', '2026-01-05T11:00:00Z', { terms, approvalKind: 'mainstream', decisionOn: '2026-01-05', summary: 'Approved' });
    expect(await problems(s.fosterCarers.decide(adm, carer, { decision: 'agree', reason: 'x' }))).toEqual(['decision: There is no panel recommendation to change the terms or end the approval waiting for a decision']);
    const panel = { about: 'termination', recommendation: 'change_terms', carersInvited: 'yes', minutes: 'Standards of care not met after support.' };
    // Not before the report is shared with the carers (Family Placement 12).
    expect(await problems(s.fosterCarers.panel(manager, carer, { ...panel, recommendation: 'terminate' }, at('2026-12-28', '10:00', 'panel')))).toEqual(['about: Share the report with the carers before the panel considers them, at least two weeks before (Family Placement 12-13)']);
    await s.fosterCarers.reportShared(ssw, carer, {}, at('2026-12-21', '10:00', 'report'));
    expect(await problems(s.fosterCarers.panel(manager, carer, { ...panel, ...{ termsChildren: '1', termsAgeFrom: '5', termsAgeTo: '11', termsGender: 'any', termsCareTypes: 'short_term' } }, at('2026-12-28', '10:00', 'panel')))).toEqual(['recommendation: A panel on termination recommends continuing or ending the approval']);
    await s.fosterCarers.panel(manager, carer, { ...panel, recommendation: 'terminate' }, at('2026-12-28', '10:00', 'panel'));
    // The report was not shared two weeks before this panel (Family Placement 13).
    expect((await s.standards.forPerson(carer)).filter((o) => o.obligation.ruleId === 'fostering.report-before-panel').map((o) => o.state)).toEqual(['met_late']);
    // Ending the approval is first a qualifying determination: 28 days for representations or the IRM (Family Placement 16 footnote 4).
    await s.fosterCarers.decide(adm, carer, { decision: 'agree', reason: 'Standards of care not met after support.' });
    let pending = approvedView(await s.fosterCarers.view(ssw, carer));
    expect(pending.ended).toBeNull();
    expect(pending.state?.qualifying?.respondBy).toBe('2027-01-26');
    expect(await problems(s.fosterCarers.decide(adm, carer, { decision: 'agree', reason: 'x' }))).toEqual(['route: Select whether the carers made representations, applied to the Independent Review Mechanism, or neither within 28 days']);
    expect(await problems(s.fosterCarers.decide(adm, carer, { decision: 'agree', route: 'none', reason: 'x' }))).toEqual(['route: The carers have until 26 January 2027 to make representations or apply to the Independent Review Mechanism (Family Placement 16)']);
    t.clock.set('2027-01-27T12:00:00Z');
    await s.fosterCarers.decide(adm, carer, { decision: 'agree', route: 'none', reason: 'The carers were given written notice and told of the Independent Review Mechanism; no representations were made.' });
    pending = approvedView(await s.fosterCarers.view(ssw, carer));
    expect(pending.state?.qualifying).toBeNull();
    const view = await s.fosterCarers.view(ssw, carer);
    expect(view.approved && view.ended).toMatchObject({ reason: 'terminated' });
  });

  it('shows the carer record and the register, refuses bad input with a GOV.UK error, and refuses staff without fostering access', async () => {
    const s = t.services;
    t.clock.set('2026-09-01T09:00:00Z');
    const fpt = await makeTeam(s, undefined, 'family-placement');
    const ssw = await makeUser(s, { roles: ['social-worker'], teamIds: [fpt] });
    const familyTime = await makeUser(s, { roles: ['family-time-worker'] });
    const registered = await s.people.register(ssw, childInput({ kind: 'adult', givenNames: 'Pat', familyName: 'Lowe', dateOfBirth: '1975-02-02', gender: 'F' }));
    if (registered.outcome !== 'registered') throw new Error('carer not registered');
    const carer = registered.record.id;
    await importEvent(s, carer, 'fostering.carer_approved', '2025-08-28T11:00:00Z', { terms: { ...terms, children: 1, ageFrom: 0, ageTo: 4 }, approvalKind: 'mainstream', decisionOn: '2025-08-28', summary: 'Approved' });
    const client = new Client(app);
    await client.signIn(ssw.actor.username, ssw.password);
    const page = await client.get(`/people/${carer}/foster-carer`);
    expect(page.statusCode).toBe(200);
    const text = mainText(page.body);
    expect(text).toContain('1 child, aged 0 to 4, any gender');
    expect(text).toContain('Foster carer visited by their supervising social worker at least monthly');
    expect(text).toContain('Overdue');
    const refused = await client.post(`/people/${carer}/foster-carer/visit`, { 'visitOn-day': '31', 'visitOn-month': '8', 'visitOn-year': '2026', visitTime: '10:00' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Select whether the visit was unannounced');
    const list = await client.get('/foster-carers?age=2&vacancies=yes');
    expect(list.statusCode).toBe(200);
    expect(mainText(list.body)).toContain('Pat Lowe');
    const badAge = await client.get('/foster-carers?age=abc');
    expect(mainText(badAge.body)).toContain('Enter the child’s age as a number from 0 to 20');

    const outsider = new Client(app);
    await outsider.signIn(familyTime.actor.username, familyTime.password);
    expect((await outsider.get(`/people/${carer}/foster-carer`)).statusCode).toBe(403);
    expect((await outsider.get('/foster-carers')).statusCode).toBe(403);
    expect((await outsider.post(`/people/${carer}/foster-carer/visit`, { unannounced: 'no', summary: 'x' })).statusCode).toBe(403);
  });

  it("refuses a typed name, an expired temporary approval, a second placement made at once, and exemptions that do not fit; the ADM may not agree; only the team ends an approval, by resignation", async () => {
    const s = t.services;
    t.clock.set('2026-04-01T09:00:00Z');
    const fpt = await makeTeam(s, undefined, 'family-placement');
    const cic = await makeTeam(s);
    const manager = await makeUser(s, { roles: ['team-manager'], teamIds: [fpt] });
    const ssw = await makeUser(s, { roles: ['social-worker'], teamIds: [fpt] });
    const adm = await makeUser(s, { roles: ['agency-decision-maker'] });
    const head = await makeUser(s, { roles: ['head-of-service'] });
    const cpChair = await makeUser(s, { roles: ['cp-chair'] });
    const lado = await makeUser(s, { roles: ['lado'] });
    const cicManager = await makeUser(s, { roles: ['team-manager'], teamIds: [cic] });
    const worker = await makeUser(s, { roles: ['social-worker'], teamIds: [cic] });
    const adult = async (givenNames: string, familyName: string) => {
      const r = await s.people.register(ssw, childInput({ kind: 'adult', givenNames, familyName, dateOfBirth: '1972-03-03', gender: 'F' }));
      if (r.outcome !== 'registered') throw new Error('not registered');
      return r.record.id;
    };
    const child = async (givenNames: string, dateOfBirth = '2017-06-01') => {
      const c = await registerChild(s, worker, { givenNames, familyName: 'Nwosu', dateOfBirth, gender: 'F' });
      await s.people.allocate(cicManager, c.id, { teamId: cic, workerId: worker.actor.userId });
      return c;
    };
    const into = (extra: Record<string, unknown>) => ({ legalStatus: 'C2', reason: 'Care order.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'in_house_fostering', ...extra });

    // 1.1: the authority's own carers and connected persons are chosen from the register, never typed in.
    const single = await adult('Grace', 'Bello');
    await importEvent(s, single, 'fostering.carer_approved', '2026-01-05T11:00:00Z', { terms: { ...terms, children: 1 }, approvalKind: 'mainstream', decisionOn: '2026-01-05', summary: 'Approved' });
    await s.fosterCarers.allocateSupervisingWorker(manager, single, { workerId: ssw.actor.userId });
    const ada = await child('Ada');
    const bea = await child('Bea');
    expect(await problems(s.inCare.start(worker, ada.id, into({ carer: 'Grace Bello' }), at('2026-03-31', '10:00', 'occurred')))).toEqual(['carerId: Select the approved foster carer from the list']);
    expect(await problems(s.inCare.start(worker, ada.id, into({ setting: 'connected_person', carer: 'Aunt Grace' }), at('2026-03-31', '10:00', 'occurred')))).toEqual(['carerId: Select the approved foster carer from the list']);

    // 1.7: two placements with a carer approved for one child, made at the same moment: one is refused.
    const results = await Promise.allSettled([
      s.inCare.start(worker, ada.id, into({ carerId: single }), at('2026-03-31', '10:00', 'occurred')),
      s.inCare.start(worker, bea.id, into({ carerId: single }), at('2026-03-31', '10:00', 'occurred')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusedOne = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refusedOne.reason.problems[0].message).toContain('number: approved for 1 child and 1 is placed now');

    // The placement is checked on the day it started: Ada's placement, recorded now, is dated 31 March (1 April was the day it was recorded).
    const placedWithGrace = (await s.fosterCarers.register(manager, {})).carers.find((c) => c.id === single);
    expect(placedWithGrace).toMatchObject({ placed: 1, vacancies: 0 });

    // 1.6: an exemption only for the terms the child is outside, and only under the terms in force when agreed.
    const other = results[0]!.status === 'fulfilled' ? bea : ada;
    expect(await problems(s.fosterCarers.exemption(head, single, { hearthId: String(other.hearthId), outside: ['number', 'age'], exemptionReason: 'Sisters.' }))).toEqual([
      'outside: Ada Nwosu is not outside the terms on age: select only the terms the placement is outside (number)'.replace('Ada', other === ada ? 'Ada' : 'Bea'),
    ]);
    await s.fosterCarers.exemption(head, single, { hearthId: String(other.hearthId), outside: 'number', exemptionReason: 'Sisters: kept together.' });
    // The terms change (panel and ADM): the exemption was for the old terms, and no longer covers her.
    await s.fosterCarers.reportShared(ssw, single, {}, at('2026-03-16', '10:00', 'report'));
    await s.fosterCarers.panel(manager, single, { about: 'change_of_terms', recommendation: 'change_terms', carersInvited: 'yes', minutes: 'Older children only.', termsChildren: '1', termsAgeFrom: '0', termsAgeTo: '11', termsGender: 'any', termsCareTypes: ['short_term'] }, at('2026-03-31', '09:00', 'panel'));
    await s.fosterCarers.decide(adm, single, { decision: 'agree', carersAgree: 'yes', reason: 'Agreed.' });
    expect(await problems(s.inCare.start(worker, other.id, into({ carerId: single }), at('2026-04-01', '08:00', 'occurred')))).toEqual([
      `carerId: ${other === ada ? 'Ada' : 'Bea'} Nwosu is outside Grace Bello's terms of approval (number: approved for 1 child and 1 is placed now). A head of service must record an exemption on the carer's record first (Family Placement 18)`,
    ]);
    // 1.5: the agency decision maker does not agree with ending the approval: nothing waits, and the carers stay approved.
    t.clock.set('2026-04-01T14:00:00Z');
    await s.fosterCarers.reportShared(ssw, single, {}, at('2026-04-01', '11:20', 'report'));
    await s.fosterCarers.panel(manager, single, { about: 'termination', recommendation: 'terminate', carersInvited: 'yes', minutes: 'Concerns.' }, at('2026-04-01', '11:30', 'panel'));
    expect(await problems(s.fosterCarers.panel(manager, single, { about: 'termination', recommendation: 'terminate', carersInvited: 'yes', minutes: 'Again.' }, at('2026-04-01', '11:40', 'panel')))).toEqual(['about: Share the report with the carers before the panel considers them, at least two weeks before (Family Placement 12-13)']);
    await s.fosterCarers.decide(adm, single, { decision: 'not_agree', reason: 'Support and training first.' });
    let view = approvedView(await s.fosterCarers.view(ssw, single));
    expect(view.awaitingDecision).toBeNull();
    expect(view.ended).toBeNull();
    expect(await problems(s.fosterCarers.decide(adm, single, { decision: 'agree', reason: 'Changed my mind' }))).toEqual(['decision: There is no panel recommendation to change the terms or end the approval waiting for a decision']);

    // A recommendation to change terms that names none cannot be agreed (refused, not a 500).
    t.clock.set('2026-04-01T15:00:00Z');
    await importEvent(s, single, 'fostering.panel_considered', '2026-04-01T14:30:00Z', { about: 'change_of_terms', recommendation: 'change_terms', carersInvited: true, summary: 'Imported without terms' });
    expect(await problems(s.fosterCarers.decide(adm, single, { decision: 'agree', carersAgree: 'yes', reason: 'Agreed.' }))).toEqual(['decision: The panel did not say the new terms of approval: ask the Fostering Panel to recommend the terms before agreeing a change']);

    // 1.4: a conference chair or the LADO may not end an approval; the team ends it only on resignation.
    for (const who of [cpChair, lado]) await expect(s.fosterCarers.end(who, single, { ending: 'resigned', endSummary: 'x' }, at('2026-04-01', '09:00', 'end'))).rejects.toThrow(ForbiddenError);
    await expect(s.fosterCarers.view(lado, single)).rejects.toThrow(ForbiddenError);
    expect(await problems(s.fosterCarers.end(ssw, single, { ending: 'other', endSummary: 'Moving away.' }, at('2026-04-01', '09:00', 'end')))).toEqual([
      'ending: Select why the approval ends: the carers resigned, or a temporary approval lapsed. Any other ending goes to the Fostering Panel',
    ]);
    expect(await problems(s.fosterCarers.end(ssw, single, { ending: 'temporary_approval_lapsed', endSummary: 'x' }, at('2026-04-01', '09:00', 'end')))).toEqual(['ending: This is not a temporary approval: it cannot lapse']);

    // 1.2: a connected person's temporary approval ends after 16 weeks and its one extension.
    const aunt = await adult('Ngozi', 'Nwosu');
    const dee = await child('Dee', '2019-02-02');
    await importEvent(s, aunt, 'fostering.carer_approved', '2025-12-01T11:00:00Z', { terms: { children: 1, ageFrom: 6, ageTo: 8, gender: 'any', careTypes: ['family_and_friends'], namedChildIds: [dee.id] }, approvalKind: 'temporary_connected_person', decisionOn: '2025-12-01', until: '2026-03-23', summary: 'Temporary approval' });
    await importEvent(s, aunt, 'fostering.temporary_approval_extended', '2026-03-16T11:00:00Z', { until: '2026-03-30', reason: 'Assessment nearly done', summary: 'Extended' });
    expect(await problems(s.inCare.start(worker, dee.id, into({ setting: 'connected_person', carerId: aunt }), at('2026-03-31', '10:00', 'occurred')))).toEqual(['carerId: Select an approved foster carer from the list: these carers are not approved now']);
    expect((await s.fosterCarers.register(manager, {})).carers.some((c) => c.id === aunt)).toBe(false);
    expect(await problems(s.fosterCarers.visit(ssw, aunt, { unannounced: 'no', summary: 'x' }, at('2026-03-31', '10:00', 'visit')))).toEqual(['unannounced: The temporary approval ended on 30 March 2026: record that it lapsed']);
    await s.fosterCarers.end(ssw, aunt, { ending: 'temporary_approval_lapsed', endSummary: 'The full assessment was not finished in time.' }, at('2026-03-31', '10:00', 'end'));
    view = approvedView(await s.fosterCarers.view(ssw, aunt));
    expect(view.ended).toMatchObject({ reason: 'temporary_approval_lapsed' });
  });

  it('checks a placement recorded late against the terms on the day it started, not the day it was recorded', async () => {
    const s = t.services;
    const fpt = await makeTeam(s, undefined, 'family-placement');
    const cic = await makeTeam(s);
    const ssw = await makeUser(s, { roles: ['social-worker'], teamIds: [fpt] });
    const cicManager = await makeUser(s, { roles: ['team-manager'], teamIds: [cic] });
    const worker = await makeUser(s, { roles: ['social-worker'], teamIds: [cic] });
    const r = await s.people.register(ssw, childInput({ kind: 'adult', givenNames: 'Ruth', familyName: 'Ames', dateOfBirth: '1966-01-01', gender: 'F' }));
    if (r.outcome !== 'registered') throw new Error('not registered');
    await importEvent(s, r.record.id, 'fostering.carer_approved', '2026-01-05T11:00:00Z', { terms: { ...terms, ageFrom: 5, ageTo: 10 }, approvalKind: 'mainstream', decisionOn: '2026-01-05', summary: 'Approved' });
    // Kayden turns 11 on Easter Monday, 6 April 2026: placed on Good Friday at 10, recorded on the Tuesday after.
    const kayden = await registerChild(s, worker, { givenNames: 'Kayden', familyName: 'Ames', dateOfBirth: '2015-04-06', gender: 'M' });
    await s.people.allocate(cicManager, kayden.id, { teamId: cic, workerId: worker.actor.userId });
    t.clock.set('2026-04-07T09:00:00Z');
    await s.inCare.start(worker, kayden.id, { legalStatus: 'C2', reason: 'Care order.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'in_house_fostering', carerId: r.record.id }, at('2026-04-03', '19:00', 'occurred'));
    expect((await s.people.streamOf(kayden.id)).find((e) => e.type === 'cic.placement_started')?.data).toMatchObject({ carerId: r.record.id });
  });

  it("checks the supervising social worker's caseload limit: beyond it only with the manager's reason (issue 12; 5.2)", async () => {
    const s = t.services;
    // Tuesday 7 April 2026, after Easter.
    t.clock.set('2026-04-07T10:00:00Z');
    const fpt = await makeTeam(s, undefined, 'family-placement');
    const manager = await makeUser(s, { roles: ['team-manager'], teamIds: [fpt] });
    const ssw = await makeUser(s, { roles: ['social-worker'], teamIds: [fpt] });
    // The Family Placement Team sets the worker's maximum at 1 (5.2: "the minimum and maximum number of carers and assessments per worker"), and they hold one.
    await s.workforce.recordProfile(manager, ssw.actor.userId, { practitioner: 'qualified_social_worker', fte: '1', caseloadMaximum: '1' });
    const held = await registerChild(s, manager);
    await s.people.allocate(manager, held.id, { teamId: fpt, workerId: ssw.actor.userId });
    const r = await s.people.register(manager, childInput({ kind: 'adult', givenNames: 'Mina', familyName: 'Osei', dateOfBirth: '1975-03-03', gender: 'F' }));
    if (r.outcome !== 'registered') throw new Error('not registered');
    const carer = r.record.id;
    await importEvent(s, carer, 'fostering.carer_approved', '2026-04-02T15:00:00Z', { terms, approvalKind: 'mainstream', decisionOn: '2026-04-02', summary: 'Approved' });

    expect(await problems(s.fosterCarers.allocateSupervisingWorker(manager, carer, { workerId: ssw.actor.userId }))).toEqual([
      `overLimitReason: Test ${ssw.actor.username}'s weighted caseload is 1 against a caseload limit of 1: this case (weighted 1) would take it to 2, 1 case over. Allocate to someone else, or enter the manager’s reason for allocating beyond the limit`,
    ]);
    expect((await s.people.find(carer))?.allocatedWorkerId).toBeNull();
    // On the carer's page: the message beside the reason box, nothing saved.
    const client = new Client(app);
    await client.signIn(manager.actor.username, manager.password);
    await client.get(`/people/${carer}/foster-carer`);
    const refused = await client.post(`/people/${carer}/foster-carer/supervising-worker`, { workerId: ssw.actor.userId });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#overLimitReason"');
    expect(mainText(refused.body)).toContain('weighted caseload is 1 against a caseload limit of 1');
    const accepted = await client.post(`/people/${carer}/foster-carer/supervising-worker`, { workerId: ssw.actor.userId, overLimitReason: 'Supervised the carers through their assessment; a case transfers out next week.' });
    expect(accepted.statusCode).toBe(302);
    const [allocated] = (await s.people.ofTypes(carer, ['child.allocated'])).slice(-1);
    expect(allocated?.data).toMatchObject({ workerId: ssw.actor.userId, overLimitReason: 'Supervised the carers through their assessment; a case transfers out next week.', caseloadWhenAllocated: { weighted: 2, maximum: 1, protected: false } });
    // The carer now counts in the worker's caseload.
    expect((await s.workforce.staffMember(manager, ssw.actor.userId)).row).toMatchObject({ cases: 2, weighted: 2, status: 'over_limit' });
  });
});
