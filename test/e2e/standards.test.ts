import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { CaseloadPage, SignInPage } from './pages/pages';
import { CataloguePage, CompliancePage } from './pages/standardsPages';

const password = 'hearth-demo-2026';
const cinVisit = 'Child in need visit at least every 15 working days';

describe.skipIf(!chromiumAvailable)('the practice standards in a browser', () => {
  const hearth = demoInBrowser();
  let page: Page;

  beforeEach(async () => {
    page = await hearth.newPage();
  });

  it("a social worker's My work puts the late child in need visit first", async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('sam.patel', password);
    const work = await CaseloadPage.arrive(page);
    const overdue = await work.overdue();
    expect(overdue).toContainEqual(['Jayden Patterson', cinVisit]);
    const text = await page.locator('main').innerText();
    expect(text.indexOf('Overdue')).toBeLessThan(text.indexOf('My caseload'));
  });

  it('a team manager reads compliance by standard with its chart, and drills down to the children', async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('grace.mensah', password);
    await page.waitForURL(`${hearth.url}/`);
    const compliance = await CompliancePage.open(page, hearth.url);
    const today = new Date();
    await compliance.period(['1', String(today.getMonth() + 1), String(today.getFullYear() - 1)], [String(today.getDate()), String(today.getMonth() + 1), String(today.getFullYear())]);
    await compliance.arrived('Compliance with the practice standards');
    const row = (await compliance.byStandard()).find((r) => r[0] === cinVisit);
    expect(row).toBeDefined();
    const [, onTime, late, overdue, due] = row as string[];
    expect(Number(overdue)).toBeGreaterThan(0);
    // The chart says the same as the table.
    expect(await compliance.chartLabels()).toContain(`${cinVisit}: ${onTime} on time, ${late} late, ${overdue} overdue, ${due} not yet due`);
    const drill = await compliance.drillInto(cinVisit);
    expect(await drill.text()).toContain('By team and worker');
    expect(await drill.childLinks()).toContain('Jayden Patterson');
  });

  it('the head of service reads a standard with its citation, and is told what to fix in a change', async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('helen.okafor', password);
    await page.waitForURL(`${hearth.url}/`);
    const catalogue = await CataloguePage.open(page, hearth.url);
    const standard = await catalogue.openStandard('Initial child protection conference within 15 working days of the strategy discussion');
    expect(await standard.summary('Timescale')).toBe('within 15 working days');
    expect(await standard.text()).toContain('Section 4: Child Protection Conferences, paragraph 1');
    await page.getByRole('button', { name: 'Record the change' }).click();
    await standard.arrived('Initial child protection conference within 15 working days of the strategy discussion');
    const problems = await standard.errorSummary();
    expect(problems).toContain('Enter the date the change takes effect');
    expect(problems).toContain('Enter why the standard is changing');
  });
});
