import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, londonDate } from '../../src/domain/calendar/localDate';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { CaseloadPage, SignInPage } from './pages/pages';
import { ChildYouthJusticePage, YouthJusticeCaseloadPage } from './pages/youthJusticePages';
import { demoStaff } from '../../src/modules/demo/demoStaff';

const password = 'hearth-demo-2026';

/**
 * The Youth Offending Service's day (practice-standards.txt, Section 1: Youth Offending Service 1-22;
 * issue 12): the caseload with what is overdue, a young person in custody whose release is refused
 * until education, training or employment is in place, a late referral order plan recorded, the
 * performance indicators; and who else may see a child's youth justice records. axe on every page.
 */
describe.skipIf(!chromiumAvailable)('the Youth Offending Service in a browser', () => {
  const hearth = demoInBrowser();
  let page: Page;

  beforeEach(async () => {
    page = await hearth.newPage();
  });

  it('the case manager works the caseload, a custody case and a late plan, and reads the indicators', async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('ellie.ford', password);
    await page.waitForURL(`${hearth.url}/`);
    const list = await YouthJusticeCaseloadPage.open(page);
    const rows = await list.rows();
    expect(rows.some((r) => r.includes('Emre Yilmaz') && r.includes('Overdue'))).toBe(true);
    expect(rows.some((r) => r.includes('Amani Mwangi') && r.includes('In custody'))).toBe(true);
    // Overdue first.
    expect(rows.findIndex((r) => r.includes('Emre Yilmaz'))).toBeLessThan(rows.findIndex((r) => !r.includes('Overdue')));

    const yesterday = addDays(londonDate(new Date()), -1);
    const amani = await list.openChild('Amani Mwangi');
    expect(await amani.text()).toMatch(/Before the release on licence, record: education, training or employment/);
    await amani.openStep('Released on licence', 'release', yesterday, '12:00');
    await amani.press('Record the release on licence');
    await amani.refused();
    expect(await amani.errorSummary()).toContain('Record education, training or employment before the release on licence (Youth Offending Service 21)');
    await amani.openStep('Education, training or employment in place for release', 'ete', yesterday, '12:00');
    await amani.fill('ete', 'A place on the construction course at Wealdmoor College from her release');
    await amani.press('Record: Education, training or employment in place for release');
    await amani.afterSave();
    expect(await amani.text()).toContain('A place on the construction course at Wealdmoor College');
    expect(await amani.text()).not.toMatch(/Before the release on licence, record: education/);

    const emre = await (await YouthJusticeCaseloadPage.open(page)).openChild('Emre Yilmaz');
    expect((await emre.clocks()).join('\n')).toMatch(/Referral Order plan within 20 working days[\s\S]*Overdue/);
    await emre.openStep('Intervention plan completed', 'plan', yesterday, '15:00');
    await emre.fill('plan-summary', 'Youth offender panel contract agreed: reparation at the community garden.');
    await emre.press('Record the plan');
    await emre.afterSave();
    expect((await emre.clocks()).join('\n')).toMatch(/Referral Order plan within 20 working days[\s\S]*Met late/);

    const figures = await (await YouthJusticeCaseloadPage.open(page)).indicators();
    const table = await figures.figures();
    expect(table.map((r) => r[0])).toEqual(['First-time entrants', 'Re-offending', 'Custody']);
    await figures.chooseYear(new Date().getFullYear() - 1);
    expect(await figures.text()).toContain('How it is counted');
  });

  it("a social worker of another team is refused Chidi Okonkwo's youth justice records; his allocated worker reads them", async () => {
    // Sam Patel (Contact, Referral and Assessment) may open Chidi's record, but sees nothing of his youth justice work.
    await (await SignInPage.open(page, hearth.url)).signIn('sam.patel', password);
    await page.waitForURL(`${hearth.url}/`);
    const home = await CaseloadPage.arrive(page);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Youth justice', exact: true }).count()).toBe(0);
    const find = await home.findAPerson();
    await find.search('Chidi Okonkwo');
    const front = await find.open('Chidi Okonkwo');
    const chidiId = /\/people\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
    const allocatedTo = await front.keyFact('Allocated to');
    expect(await page.locator('main').innerText()).not.toMatch(/Referral received by the Youth Offending Service|Out-of-court disposal|bus shelter/);
    expect(await page.locator('main').getByRole('button', { name: 'Youth justice', exact: true }).count()).toBe(0);
    await page.goto(`${hearth.url}/people/${chidiId}/history`);
    expect(await page.locator('main').innerText()).not.toMatch(/Referral received by the Youth Offending Service|Out-of-court disposal|bus shelter/);
    expect((await page.goto(`${hearth.url}/people/${chidiId}/youth-justice`))?.status()).toBe(403);
    expect((await page.goto(`${hearth.url}/youth-justice`))?.status()).toBe(403);
    await page.goto(`${hearth.url}/`);
    await CaseloadPage.arrive(page);
    await new CaseloadPage(page).signOut();

    // Whoever holds his case now (the demonstration may have moved it between teams) sees the button and the page, without the forms.
    const worker = demoStaff.find((m) => allocatedTo.startsWith(`${m.displayName},`));
    expect(worker, allocatedTo).toBeDefined();
    await (await SignInPage.open(page, hearth.url)).signIn(worker!.username, password);
    await page.waitForURL(`${hearth.url}/`);
    await page.goto(`${hearth.url}/people/${chidiId}`);
    await page.locator('main').getByRole('button', { name: 'Youth justice', exact: true }).click();
    await page.waitForURL(`${hearth.url}/people/${chidiId}/youth-justice`);
    const youthJustice = new ChildYouthJusticePage(page);
    await youthJustice.arrived('Youth justice');
    const text = await youthJustice.text();
    expect(text).toContain('Youth caution');
    expect(text).toContain('Ellie Ford');
    expect(text).not.toContain('Record the work');
  });
});
