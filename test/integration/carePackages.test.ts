import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemsByField } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, importEvent, makeUser, uniqueName, world, type TestWorld } from '../factories';

/** Care packages (resource-service-policy.txt 4.1) and the committed spend report. */
describe.each(engines())('care packages on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;
  let officer: Awaited<ReturnType<typeof makeUser>>;
  let manager: Awaited<ReturnType<typeof makeUser>>;
  let head: Awaited<ReturnType<typeof makeUser>>;
  let familyTime: Awaited<ReturnType<typeof makeUser>>;
  let finance: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-06-15T10:00:00Z');
    app = await testApp(t);
    officer = await makeUser(t.services, { roles: ['placements-officer'] });
    manager = await makeUser(t.services, { roles: ['service-manager'] });
    head = await makeUser(t.services, { roles: ['head-of-service'] });
    familyTime = await makeUser(t.services, { roles: ['family-time-worker'] });
    finance = await makeUser(t.services, { roles: ['finance-officer'] });
  });
  afterAll(() => app.close());

  const provider = async (name = `Oakfield House ${uniqueName()}`) =>
    t.services.providers.register(officer, { name, type: 'childrens_home', urn: 'SC123456', address: '1 Oak Lane, Ashbury', postcode: 'WM3 4NP', places: '4', ageFrom: '11', ageTo: '17', needsMet: [], contactName: 'Ann Lee', contactRole: 'Registered Manager', vacancies: '1' });
  /** A child in care, placed with a provider from `from`. */
  const placed = async (providerId: string, from: string) => {
    const c = await allocatedCase(t.services);
    await importEvent(t.services, c.child.id, 'cic.started', `${from}T09:00:00Z`, { legalStatus: 'C2' });
    await importEvent(t.services, c.child.id, 'cic.placement_started', `${from}T10:00:00Z`, { placementId: `pl-${c.child.id}`, providerId, setting: 'residential', carer: 'Oakfield House' });
    return { ...c, placementId: `pl-${c.child.id}` };
  };
  const packageBody = (placementId: string, providerId: string, over: Record<string, unknown> = {}) => ({ placementId, providerId, weekly: '1,450.00', startsOn: '2026-01-25', includes: ['accommodation', 'additional_staffing'], socialCare: '1000', health: '450', education: '', reviewBy: '2026-04-25', ...over });

  it('is set up by the Resource Service, approved by someone else, reviewed, superseded and ended', async () => {
    const providerId = await provider();
    const { worker, child, placementId } = await placed(providerId, '2026-01-20');
    await t.services.carePackages.setUp(officer, child.id, packageBody(placementId, providerId));
    let view = await t.services.carePackages.view(officer, child.id);
    const first = view.packages[0]!;
    expect([first.status, first.weeklyPence, first.funding, first.includes]).toEqual(['proposed', 145000, { socialCare: 100000, health: 45000, education: 0 }, ['accommodation', 'additional_staffing']]);

    // Neither a placements officer nor a social worker approves; the manager who set one up does not approve their own.
    await expect(t.services.carePackages.approve(officer, child.id, { packageId: first.packageId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(t.services.carePackages.approve(worker, child.id, { packageId: first.packageId })).rejects.toBeInstanceOf(ForbiddenError);
    await t.services.carePackages.approve(manager, child.id, { packageId: first.packageId });
    expect((await t.services.carePackages.view(officer, child.id)).packages[0]?.approved?.byName).toBe(manager.actor.displayName);

    // Overdue review: the first was due on 25 April.
    view = await t.services.carePackages.view(officer, child.id);
    expect([view.overdue, view.weeklyNow]).toEqual([1, 145000]);
    await t.services.carePackages.review(officer, child.id, { packageId: first.packageId, reviewedOn: '2026-06-10', outcome: 'change', notes: '1:1 staffing needed at nights as well', nextReviewOn: '2026-09-10' });
    expect((await t.services.carePackages.view(officer, child.id)).overdue).toBe(0);

    // A change of cost is a new package superseding the old one; the manager who sets it up cannot approve it.
    await t.services.carePackages.setUp(manager, child.id, packageBody(placementId, providerId, { weekly: '1600', socialCare: '1100', health: '500', startsOn: '2026-06-01', reviewBy: '2026-09-01', supersedes: first.packageId }));
    const second = (await t.services.carePackages.view(officer, child.id)).packages[0]!;
    await expect(t.services.carePackages.approve(manager, child.id, { packageId: second.packageId })).rejects.toThrow('You set up this package');
    // Were the old package ended meanwhile, the new one would overlap what it paid for: approval is checked again.
    const other = await placed(providerId, '2026-01-20');
    await t.services.carePackages.setUp(officer, other.child.id, packageBody(other.placementId, providerId, { startsOn: '2026-01-25', reviewBy: '2026-04-25' }));
    const a = (await t.services.carePackages.view(officer, other.child.id)).packages[0]!;
    await t.services.carePackages.approve(head, other.child.id, { packageId: a.packageId });
    await t.services.carePackages.setUp(manager, other.child.id, packageBody(other.placementId, providerId, { weekly: '1600', socialCare: '1100', health: '500', startsOn: '2026-03-01', reviewBy: '2026-09-01', supersedes: a.packageId }));
    const b = (await t.services.carePackages.view(officer, other.child.id)).packages.find((p) => p.status === 'proposed')!;
    await t.services.carePackages.end(officer, other.child.id, { packageId: a.packageId, endOn: '2026-06-01', reason: 'Ended by mistake' });
    expect((await problemsByField(t.services.carePackages.approve(head, other.child.id, { packageId: b.packageId }))).packageId).toMatch(/^This package cannot be approved as it stands: /);
    await t.services.carePackages.approve(head, child.id, { packageId: second.packageId });
    view = await t.services.carePackages.view(officer, child.id);
    expect(view.packages.map((p) => [p.weeklyPence, p.status, p.endsOn])).toEqual([[160000, 'approved', null], [145000, 'ended', '2026-06-01']]);
    expect(view.weeklyNow).toBe(160000);

    expect(await problemsByField(t.services.carePackages.end(officer, child.id, { packageId: second.packageId, endOn: '2026-05-31', reason: 'Moved' }))).toEqual({ endOn: 'The end date cannot be before the package started, on 1 June 2026' });
    await t.services.carePackages.end(officer, child.id, { packageId: second.packageId, endOn: '2026-07-01', reason: 'Moving to in-house foster care' });
    expect((await t.services.carePackages.view(worker, child.id)).packages[0]?.ended?.reason).toBe('Moving to in-house foster care');
  });

  it('refuses bad money, a split that does not add up, overlaps, and those who may not set packages up', async () => {
    const providerId = await provider();
    const { worker, child, placementId } = await placed(providerId, '2026-01-20');
    const setUp = (over: Record<string, unknown>) => problemsByField(t.services.carePackages.setUp(officer, child.id, packageBody(placementId, providerId, over)));
    expect((await setUp({ weekly: '-5' })).weekly).toBe('The weekly cost must be an amount in pounds and pence, like 1450.00');
    expect((await setUp({ weekly: '0', socialCare: '', health: '' })).weekly).toBe('The weekly cost must be more than £0');
    expect((await setUp({ weekly: '12.345' })).weekly).toBe('The weekly cost must be an amount in pounds and pence, like 1450.00');
    expect((await setUp({ weekly: '' })).weekly).toBe('Enter the weekly cost in pounds and pence, like 1450.00');
    expect(await setUp({ health: '400' })).toEqual({ socialCare: 'The funding split adds up to £1,400.00 a week: it must add up to the weekly cost, £1,450.00' });
    expect(await setUp({ startsOn: '2026-01-01' })).toEqual({ startsOn: 'A package pays for the placement, which began on 20 January 2026: the start date cannot be before it' });
    expect(await setUp({ endsOn: '2026-01-20' })).toEqual({ endsOn: 'The end date must be after the start date' });
    expect(await setUp({ includes: [] })).toEqual({ includes: 'Select what the package includes' });

    await t.services.carePackages.setUp(officer, child.id, packageBody(placementId, providerId));
    expect(await setUp({ startsOn: '2026-03-01' })).toEqual({ startsOn: 'This overlaps the package for ' + (await t.services.providers.byId(providerId))?.name + ' from 25 January 2026: supersede it, or end it first' });

    await expect(t.services.carePackages.setUp(worker, child.id, packageBody(placementId, providerId, { startsOn: '2027-01-01' }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(t.services.carePackages.setUp(familyTime, child.id, packageBody(placementId, providerId, { startsOn: '2027-01-01' }))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('adds up committed spend by month, provider, team and child, as worked out by hand', async () => {
    t.clock.set('2030-03-10T10:00:00Z');
    const oakName = `Oakfield House ${uniqueName()}`;
    const oak = await provider(oakName);
    const birch = await provider(`Birch Lodge ${uniqueName()}`);
    const one = await placed(oak, '2030-01-15');
    const two = await placed(birch, '2030-01-15');
    // £700 a week from 20 January, superseded at £1,050.50 from 10 February (2030 is not a leap year).
    await t.services.carePackages.setUp(officer, one.child.id, packageBody(one.placementId, oak, { weekly: '700', socialCare: '700', health: '', startsOn: '2030-01-20', reviewBy: '2030-04-20' }));
    const a = (await t.services.carePackages.view(officer, one.child.id)).packages[0]!;
    await t.services.carePackages.approve(manager, one.child.id, { packageId: a.packageId });
    await t.services.carePackages.setUp(officer, one.child.id, packageBody(one.placementId, oak, { weekly: '1050.50', socialCare: '1000', health: '50.50', startsOn: '2030-02-10', reviewBy: '2030-05-10', supersedes: a.packageId }));
    await t.services.carePackages.approve(head, one.child.id, { packageId: (await t.services.carePackages.view(officer, one.child.id)).packages[0]!.packageId });
    // £350 a week from 1 February; and a package never approved, which is not committed.
    await t.services.carePackages.setUp(officer, two.child.id, packageBody(two.placementId, birch, { weekly: '350', socialCare: '350', health: '', startsOn: '2030-02-01', reviewBy: '2030-05-01' }));
    await t.services.carePackages.approve(manager, two.child.id, { packageId: (await t.services.carePackages.view(officer, two.child.id)).packages[0]!.packageId });

    const report = await t.services.carePackages.spend.report(officer, { from: '2030-01', to: '2030-02' });
    // One: January 12 nights × £700/7 = £1,200.00; February 9 nights at £700 = £900.00 and 19 at £1,050.50 = £2,851.357… → £2,851.36.
    expect(report.byChild.find((c) => c.personId === one.child.id)?.pence).toBe(120000 + 90000 + 285136);
    // Two: 28 nights × £350/7 = £1,400.00.
    expect(report.byChild.find((c) => c.personId === two.child.id)?.pence).toBe(140000);
    expect(report.byProvider.find((p) => p.key === oakName)?.pence).toBe(495136);
    const teams = new Map((await t.services.staff.teams()).map((x) => [x.id, x.name]));
    expect(report.byTeam.find((x) => x.key === teams.get(one.teamId))?.pence).toBe(495136);
    expect(report.byTeam.find((x) => x.key === teams.get(two.teamId))?.pence).toBe(140000);
    const mine = report.lines.filter((l) => l.provider === oakName).map((l) => [l.month, l.nights, l.pence]);
    expect(mine).toEqual([['2030-01', 12, 120000], ['2030-02', 9, 90000], ['2030-02', 19, 285136]]);
    expect(report.byMonth.map((m) => m.month)).toEqual(['2030-01', '2030-02']);

    // Finance sees the figures, not the children's names.
    const forFinance = await t.services.carePackages.spend.report(finance, { from: '2030-01', to: '2030-02' });
    expect(forFinance.byChild.every((c) => c.personId === null)).toBe(true);
    expect(forFinance.total).toBe(report.total);
    await expect(t.services.carePackages.spend.report(one.worker, {})).rejects.toBeInstanceOf(ForbiddenError);

    const csv = await t.services.carePackages.spend.csv(officer, { from: '2030-01', to: '2030-02' });
    expect(csv.body.split('\n')[0]).toBe('Month,Child,Hearth ID,Team,Provider,Weekly cost (£),Nights,Spend (£)');
    expect(csv.body).toContain(`2030-02,${one.child.details.givenNames} ${one.child.details.familyName},${one.child.hearthId},${teams.get(one.teamId)},${oakName},1050.50,19,2851.36`);
    t.clock.set('2026-06-15T10:00:00Z');
  });

  it('shows the pages, refuses bad input with the field, and keeps the report to those who may read it', async () => {
    const providerId = await provider();
    const { worker, child, placementId } = await placed(providerId, '2026-01-20');
    await t.services.carePackages.setUp(officer, child.id, packageBody(placementId, providerId));
    const client = new Client(app);
    await client.signIn(officer.actor.username, officer.password);
    const page = await client.get(`/people/${child.id}/care-packages`);
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toContain('£1,450.00 a week');
    expect(mainText(page.body)).toContain('Awaiting approval');
    const refused = await client.post(`/people/${child.id}/care-packages/set-up`, { placementId, providerId, weekly: '12.345', 'startsOn-day': '1', 'startsOn-month': '6', 'startsOn-year': '2026', includes: 'accommodation', 'reviewBy-day': '1', 'reviewBy-month': '9', 'reviewBy-year': '2026' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('The weekly cost must be an amount in pounds and pence');
    const spend = await client.get('/resources/spend?from=2026-01&to=2026-06');
    expect(spend.statusCode).toBe(200);
    expect(mainText(spend.body)).toContain('Care package spend');
    expect((await client.get('/resources/spend?from=2026-13')).statusCode).toBe(400);
    const csv = await client.get('/resources/spend.csv?from=2026-01&to=2026-06');
    expect([csv.statusCode, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);

    const social = new Client(app);
    await social.signIn(worker.actor.username, worker.password);
    const readOnly = await social.get(`/people/${child.id}/care-packages`);
    expect([readOnly.statusCode, mainText(readOnly.body).includes('Set up a care package'), mainText(readOnly.body).includes('Approve this package')]).toEqual([200, false, false]);
    expect((await social.get('/resources/spend')).statusCode).toBe(403);
    expect((await social.post(`/people/${child.id}/care-packages/approve`, { packageId: 'x' })).statusCode).toBe(403);

    const approver = new Client(app);
    await approver.signIn(manager.actor.username, manager.password);
    const pending = await t.services.carePackages.view(officer, child.id);
    expect(mainText((await approver.get(`/people/${child.id}/care-packages`)).body)).toContain('Approve this package');
    const approved = await approver.post(`/people/${child.id}/care-packages/approve`, { packageId: pending.packages[0]!.packageId });
    expect(approved.statusCode).toBe(302);
    const afterApproval = mainText((await client.get(`/people/${child.id}/care-packages`)).body);
    expect([afterApproval.includes('Review a package'), afterApproval.includes('End a package'), afterApproval.includes('Supersedes')]).toEqual([true, true, true]);
    const badEnd = await client.post(`/people/${child.id}/care-packages/end`, { packageId: pending.packages[0]!.packageId, 'endOn-day': '1', 'endOn-month': '1', 'endOn-year': '2026', reason: 'Moved' });
    expect([badEnd.statusCode, mainText(badEnd.body).includes('The end date cannot be before the package started, on 25 January 2026')]).toEqual([400, true]);
  });
});
