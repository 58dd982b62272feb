import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { SignInPage } from './pages/pages';
import { DataQualityPage, ReturnsPage } from './pages/returnsPages';

const password = 'hearth-demo-2026';

describe.skipIf(!chromiumAvailable)('the statutory returns in a browser', () => {
  const hearth = demoInBrowser();
  let page: Page;

  beforeEach(async () => {
    page = await hearth.newPage();
  });

  it('the performance officer checks the year, downloads the CIN census and Annex A, and is told what to fix in a bad date', async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('nadia.hussain', password);
    await page.waitForURL(`${hearth.url}/`);
    const returns = await ReturnsPage.open(page);
    await returns.check();
    const text = await returns.text();
    expect(text).toMatch(/\d+ children in need in the CIN census: \d+ errors, \d+ queries/);
    expect(text).toMatch(/\d+ children in the SSDA903 return/);
    expect(text).toContain('episodes.csv');
    const census = await returns.download('Download the CIN census (XML)', 'button');
    expect(census.filename).toMatch(/^cin-census-\d{4}\.xml$/);
    const xml = readFileSync(census.path, 'utf8');
    expect(xml).toContain('<Collection>CIN</Collection>');
    expect(xml).toContain('<LEA>873</LEA>');

    await returns.annexAFrom('');
    await page.getByRole('button', { name: 'Download Annex A (spreadsheet)' }).click();
    await returns.refused();
    expect(await returns.errorSummary()).toMatch(/The first day must include a day/i);
    await returns.annexAFrom('1');
    const annex = await returns.download('Download Annex A (spreadsheet)', 'button');
    expect(annex.filename).toMatch(/^annex-a-.*\.xlsx$/);
  });

  it("a team manager sees her team's children whose records break a rule, and what to change on one", async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('aisha.rahman', password);
    await page.waitForURL(`${hearth.url}/`);
    const quality = await DataQualityPage.open(page);
    const children = await quality.children();
    expect(children.length).toBeGreaterThan(0);
    const childPage = await quality.openChild(children[0] as string);
    expect(childPage).toMatch(/to put right/);
    expect(childPage).toContain('What to change');
  });
});
