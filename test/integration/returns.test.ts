import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upnCheckLetter } from '../../src/domain/people/upn';
import { parseCinCensusXml } from '../../src/domain/returns/cinCensus/cinCensusXml';
import { parseSsda903Csv } from '../../src/domain/returns/ssda903/ssda903Csv';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { importEvent, makeProvider, makeTeam, makeUser, registerChild, unique, world, type TestWorld } from '../factories';

/** A real UPN for the authority 873 (check letter, LA code, eight digits, a final digit). */
function upnFor(n: number): string {
  const rest = `873${String(30_000_000 + n).slice(0, 8)}${n % 10}`;
  return `${upnCheckLetter(rest)}${rest}`;
}

/**
 * Issue 10: the statutory returns are projections of what was recorded. A clean authority's
 * children — one through assessment to a child in need plan and closure, one through a section 47
 * enquiry to a child protection plan, one looked after with a move and reviews — give the CIN
 * census and the SSDA903 return with no errors; a record with something wrong shows it on the
 * child's own page and the team's data quality page, with what to change.
 */
describe.each(engines())('the statutory returns on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;
  let teamId: string;
  type User = Awaited<ReturnType<typeof makeUser>>;
  let worker: User;
  let manager: User;
  let performance: User;
  const ids: Record<string, { id: string; childId: string }> = {};

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-06-15T10:00:00Z');
    app = await testApp(t);
    teamId = await makeTeam(t.services);
    manager = await makeUser(t.services, { roles: ['team-manager'], teamIds: [teamId] });
    worker = await makeUser(t.services, { roles: ['social-worker'], teamIds: [teamId] });
    performance = await makeUser(t.services, { roles: ['performance-officer'] });
    await t.services.returns.setLaCode(performance, '873');

    const child = async (key: string, n: number, overrides: Record<string, unknown> = {}) => {
      const record = await registerChild(t.services, worker, {
        dateOfBirth: '2014-09-12', gender: 'M', upn: upnFor(n), externalId: `R${unique()}`.replace(/[^A-Za-z0-9]/g, '').slice(0, 20),
        address: { line1: `${n} Foundry Lane`, line2: null, town: 'Wealdmoor', postcode: 'WM2 4ST', startDate: '2010-01-01' },
        ...overrides,
      });
      await t.services.people.allocate(manager, record.id, { teamId, workerId: worker.actor.userId });
      ids[key] = { id: record.id, childId: record.externalId as string };
      return record.id;
    };
    const on = (id: string) => (type: string, at: string, data: Record<string, unknown> = {}) => importEvent(t.services, id, type, at, data);
    const referral = async (id: string, at: string, outcome: string) => {
      const e = on(id);
      await e('contact.received', `${at}T09:30:00+01:00`, { source: 'marf', referrerAgency: 'school', referrer: { name: 'Ms Khan', organisation: 'Hollybrook Primary', relationship: 'Teacher' } });
      await e('threshold.decided', `${at}T15:00:00+01:00`, { outcome });
    };

    // Child in need: referred in May 2025, assessed in 31 working days, a plan from June to January, closed in January 2026.
    const cin = on(await child('cin', 1));
    await referral(ids.cin!.id, '2025-05-06', 'assessment');
    await cin('assessment.allocated', '2025-05-07T10:00:00+01:00');
    await cin('assessment.completed', '2025-06-18T16:00:00+01:00', { primaryNeed: 'acute_stress', factors: ['mental_health_parent', 'domestic_abuse_parent'] });
    await cin('cin.plan_started', '2025-06-23T10:00:00+01:00');
    await cin('cin.review_held', '2025-09-15T10:00:00+01:00');
    await cin('cin.plan_ended', '2026-01-15T10:00:00Z');
    await cin('closure.completed', '2026-01-20T12:00:00Z', { closureReason: 'no_longer_in_need' });

    // Child protection: strategy discussion on Friday 29 August 2025 (the bank holiday was the Monday before), the
    // initial conference on the 15th working day, a plan for neglect still open on 31 March.
    const cp = on(await child('cp', 2, { gender: 'F' }));
    await referral(ids.cp!.id, '2025-08-28', 'strategy_discussion');
    await cp('assessment.allocated', '2025-08-28T16:00:00+01:00');
    await cp('strategy.discussion_held', '2025-08-29T11:00:00+01:00', { section47ThresholdMet: true });
    await cp('s47.started', '2025-08-29T12:00:00+01:00');
    await cp('s47.completed', '2025-09-12T12:00:00+01:00', { outcome: 'initial_conference' });
    await cp('assessment.completed', '2025-09-15T12:00:00+01:00', { primaryNeed: 'abuse_or_neglect', factors: ['neglect', 'alcohol_misuse_parent'] });
    await cp('cp.conference_held', '2025-09-19T10:00:00+01:00', { kind: 'initial', planMade: true, category: 'neglect' });
    await cp('cp.conference_held', '2025-12-12T10:00:00Z', { kind: 'review', planContinues: true, category: 'neglect' });

    // Looked after: into care on a care order in July 2025 with the authority's foster carers, moved to others in November, reviewed.
    const fostering = await makeProvider(t.services, { type: 'in_house_fostering', urn: 'SC482910', postcode: 'WM1 2AB', ageFrom: '0', ageTo: '18' });
    const cic = on(await child('cic', 3, { dateOfBirth: '2012-02-03' }));
    await referral(ids.cic!.id, '2025-05-12', 'assessment');
    await cic('assessment.allocated', '2025-05-12T16:00:00+01:00');
    await cic('assessment.completed', '2025-06-20T12:00:00+01:00', { primaryNeed: 'abuse_or_neglect', factors: ['neglect'] });
    await cic('cic.started', '2025-07-01T14:00:00+01:00', { legalStatus: 'C2', reason: 'The court made a care order.', previousPermanence: { option: 'none' } });
    await cic('cic.placement_started', '2025-07-01T15:00:00+01:00', { setting: 'in_house_fostering', providerId: fostering.id, placementId: `p-${unique()}`, carer: 'Ann and Joe Lee', postcode: 'WM3 5CD' });
    await cic('cic.review_held', '2025-07-25T10:00:00+01:00', { childParticipation: 'attended' });
    await cic('cic.placement_ended', '2025-11-03T10:00:00Z', { reason: 'care_plan' });
    await cic('cic.placement_started', '2025-11-03T12:00:00Z', { setting: 'in_house_fostering', providerId: fostering.id, placementId: `p-${unique()}`, carer: 'Mary Shaw', postcode: 'WM6 1EF', move: true });
    await cic('cic.review_held', '2025-10-20T10:00:00+01:00', { childParticipation: 'views_shared' });
    await cic('cic.review_held', '2026-03-16T10:00:00Z', { childParticipation: 'attended' });

    // Something to put right: a referral and assessment with no sex recorded and no primary need.
    const gap = on(await child('gap', 4, { gender: null }));
    await referral(ids.gap!.id, '2025-10-06', 'assessment');
    await gap('assessment.allocated', '2025-10-06T16:00:00+01:00');
    await gap('assessment.completed', '2025-11-10T12:00:00Z', { factors: ['none'] });
  });
  afterAll(() => app.close());

  const on2 = (id: string) => (type: string, at: string, data: Record<string, unknown> = {}) => importEvent(t.services, id, type, at, data);
  const mine = (childId: string | null) => Object.values(ids).some((c) => c.childId === childId);

  it('gives a clean authority both returns with no errors, and the record that is wrong its failures', async () => {
    const built = await t.services.returns.build(performance, { year: '2026' });
    const ours = built.failures.filter((f) => mine(f.childId));
    const clean = ours.filter((f) => f.childId !== ids.gap!.childId);
    expect(clean.filter((f) => f.severity === 'error').map((f) => `${f.return} ${f.code} ${f.childId} ${f.at ?? ''}: ${f.message}`)).toEqual([]);
    const gapCodes = ours.filter((f) => f.childId === ids.gap!.childId).map((f) => f.code);
    expect(gapCodes).toContain('4180'); // sex missing
    expect(gapCodes).toContain('8610'); // primary need missing for a referral that led to further action

    // The CIN census: the three children in need with their episodes, as the DfE schema lays them out.
    const xml = t.services.returns.cinXml(built);
    const read = parseCinCensusXml(xml);
    expect(read.problems.filter((p) => mine(p.child))).toEqual([]);
    const children = new Map(read.census!.children.map((c) => [c.ChildIdentifiers.LAchildID, c]));
    const cin = children.get(ids.cin!.childId)!;
    expect(cin.ChildIdentifiers.Sex).toBe('M');
    expect(cin.CINdetails).toHaveLength(1);
    expect(cin.CINdetails[0]).toMatchObject({ CINreferralDate: '2025-05-06', ReferralSource: '2A', PrimaryNeedCode: 'N4', CINclosureDate: '2026-01-20', ReasonForClosure: 'RC7' });
    expect(cin.CINdetails[0]!.Assessments[0]).toMatchObject({ AssessmentAuthorisationDate: '2025-06-18', AssessmentFactors: ['4B', '3B'] });
    expect(cin.CINdetails[0]!.CINPlanDates).toEqual([{ CINPlanStartDate: '2025-06-23', CINPlanEndDate: '2026-01-15' }]);
    const cp = children.get(ids.cp!.childId)!.CINdetails[0]!;
    // 15 working days after Friday 29 August 2025: 19 September.
    expect(cp.Section47[0]).toMatchObject({ S47ActualStartDate: '2025-08-29', InitialCPCtarget: '2025-09-19', DateOfInitialCPC: '2025-09-19' });
    expect(cp.ChildProtectionPlans[0]).toMatchObject({ CPPstartDate: '2025-09-19', CPPendDate: null, InitialCategoryOfAbuse: 'NEG', LatestCategoryOfAbuse: 'NEG', NumberOfPreviousCPP: 0, Reviews: ['2025-12-12'] });
    expect(children.has(ids.cic!.childId)).toBe(true);

    // The SSDA903 return: the looked-after child's two episodes, the move a placement change.
    const files = t.services.returns.ssda903Files(built);
    const episodes = parseSsda903Csv('episodes', files.episodes).rows.filter((r) => r.CHILD === ids.cic!.childId);
    expect(episodes.map((e) => [e.DECOM, e.RNE, e.LS, e.PLACE, e.DEC, e.REC])).toEqual([
      ['2025-07-01', 'S', 'C2', 'U6', '2025-11-03', 'X1'],
      ['2025-11-03', 'P', 'C2', 'U6', null, null],
    ]);
    expect(files.episodes.split('\n')[0]).toBe('CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN');
    expect(parseSsda903Csv('reviews', files.reviews).rows.filter((r) => r.CHILD === ids.cic!.childId).map((r) => [r.REVIEW, r.REVIEW_CODE])).toEqual([
      ['2025-07-25', 'PN1'],
      ['2025-10-20', 'PN6'],
      ['2026-03-16', 'PN1'],
    ]);
    expect(parseSsda903Csv('header', files.header).rows.find((r) => r.CHILD === ids.cic!.childId)).toMatchObject({ SEX: '1', DOB: '2012-02-03', ETHNIC: 'WBRI', UPN: upnFor(3) });
    // Came into care in the year: whether the child had left care before through adoption or an order (Z1: no).
    expect(parseSsda903Csv('previous_permanence', files.previous_permanence).rows.filter((r) => r.CHILD === ids.cic!.childId)).toEqual([{ CHILD: ids.cic!.childId, DOB: '2012-02-03', PREV_PERM: 'Z1', LA_PERM: null, DATE_PERM: null }]);
  });

  it('leaves out of the returns what was marked as recorded in error', async () => {
    const looked = on2(ids.cic!.id);
    await looked('cic.legal_status_changed', '2026-01-12T10:00:00Z', { legalStatus: 'E1' });
    const episodes = async () => parseSsda903Csv('episodes', t.services.returns.ssda903Files(await t.services.returns.build(performance, { year: '2026' })).episodes).rows.filter((r) => r.CHILD === ids.cic!.childId);
    expect((await episodes()).map((e) => [e.DECOM, e.RNE, e.LS])).toEqual([['2025-07-01', 'S', 'C2'], ['2025-11-03', 'P', 'C2'], ['2026-01-12', 'L', 'E1']]);
    const wrong = (await t.services.people.streamOf(ids.cic!.id)).find((e) => e.type === 'cic.legal_status_changed');
    await t.services.people.markInError(manager, ids.cic!.id, { eventId: wrong!.id, reason: 'Recorded on the wrong child: no placement order was made' });
    expect((await episodes()).map((e) => [e.DECOM, e.RNE, e.LS])).toEqual([['2025-07-01', 'S', 'C2'], ['2025-11-03', 'P', 'C2']]);
  });

  it("shows a child's failures on their record with what to change, and a team's on the data quality page", async () => {
    const view = await t.services.returns.forChild(worker, ids.gap!.id);
    // The collection year now (June 2026) is 2027; the gap child's assessment was in 2025-26, so look at that year's page through the team view.
    expect(view.year).toBe(2027);
    const quality = await t.services.returns.quality(manager, { teamId, year: '2026' });
    const gap = quality.children.find((c) => c.personId === ids.gap!.id);
    expect(gap?.failures.find((f) => f.code === '4180')?.fix).toMatch(/sex/i);
    expect(quality.children.map((c) => c.personId)).not.toContain(ids.cin!.id);
    // A restricted record is counted, never named, for a reader who may not open it: the performance officer, here.
    const restricted = await registerChild(t.services, worker, { gender: null, dateOfBirth: '2013-01-05' });
    await t.services.people.allocate(manager, restricted.id, { teamId, workerId: worker.actor.userId });
    await importEvent(t.services, restricted.id, 'contact.received', '2025-10-07T09:30:00+01:00', { source: 'public', referrerAgency: 'acquaintance' });
    await importEvent(t.services, restricted.id, 'threshold.decided', '2025-10-07T15:00:00+01:00', { outcome: 'assessment' });
    await t.services.people.restrict(manager, restricted.id, 'A child of a member of staff');
    const asPerformance = await t.services.returns.quality(performance, { teamId, year: '2026' });
    expect(asPerformance.children.map((c) => c.personId)).not.toContain(restricted.id);
    expect(asPerformance.hidden).toBe(1);
    expect((await t.services.returns.quality(manager, { teamId, year: '2026' })).children.map((c) => c.personId)).toContain(restricted.id);
    const client = new Client(app);
    await client.signIn(manager.actor.username, manager.password);
    const page = await client.get(`/data-quality?team=${teamId}&year=2026`);
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toContain('4180');
    const childPage = await client.get(`/people/${ids.gap!.id}/returns`);
    expect(childPage.statusCode).toBe(200);
    expect(mainText(childPage.body)).toContain('Statutory returns');
  });

  it('gives the downloads and Annex A to the performance team only, and says what to fix in a bad year or range', async () => {
    await expect(t.services.returns.build(worker, { year: '2026' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(t.services.returns.quality(worker, { teamId })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.returns.build(performance, { year: '26' }))).toEqual(['year: Enter the collection year as four digits, from 2015 to 2027 (the year ending 31 March 2027 is 2027)']);
    expect(await problems(t.services.returns.annexA(performance, { from: '2026-03-31', to: '2025-04-01' }))).toEqual(['to: The last day must be on or after the first day']);
    expect(await problems(t.services.returns.setLaCode(performance, '87'))).toEqual(["la: The authority's DfE code is three digits, like 873"]);
    expect(await problems(t.services.returns.annexA(performance, { from: '2026-02-31', to: '2026-03-31' }))).toEqual(['from: Enter the first day of the lists as a real date, like 2025-04-01']);

    const client = new Client(app);
    await client.signIn(performance.actor.username, performance.password);
    const page = await client.get('/returns?year=2026');
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toContain('children in need in the CIN census');
    const xml = await client.get('/returns/2026/cin-census.xml');
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-disposition']).toContain('cin-census-2026.xml');
    expect(xml.body).toContain('<Collection>CIN</Collection>');
    // A download served from the returns built a moment ago is still written down as a read, with the file.
    const audited = await t.services.db.execute(sql`select count(*)::int as n from audit_log where action = 'returns.produced' and details->>'file' = 'cin-census.xml'`);
    expect(Number((audited as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBeGreaterThan(0);
    const episodes = await client.get('/returns/2026/ssda903/episodes.csv');
    expect(episodes.body.split('\n')[0]).toContain('CHILD,DECOM,RNE');
    expect((await client.get('/returns/2026/ssda903/nonsense.csv')).statusCode).toBe(404);
    const badYear = await client.get('/returns?year=1999');
    expect(badYear.statusCode).toBe(400);
    expect(mainText(badYear.body)).toContain('Enter the collection year as four digits');

    const range = 'from-day=1&from-month=4&from-year=2025&to-day=31&to-month=3&to-year=2026';
    const annex = await client.get(`/returns/annex-a?${range}`);
    expect(annex.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(annex.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toContain('List 1 Contacts');
    const list1 = await client.get(`/returns/annex-a?${range}&list=1`);
    expect(list1.body).toContain(ids.cin!.childId);
    const badRange = await client.get('/returns/annex-a?from-day=31&from-month=2&from-year=2026&to-day=&to-month=&to-year=');
    expect(badRange.statusCode).toBe(400);
    expect(mainText(badRange.body)).toContain('There is a problem');

    const social = new Client(app);
    await social.signIn(worker.actor.username, worker.password);
    expect((await social.get('/returns')).statusCode).toBe(403);
    expect((await social.get('/returns/2026/cin-census.xml')).statusCode).toBe(403);
    expect((await social.get('/data-quality')).statusCode).toBe(403);
  });
});
