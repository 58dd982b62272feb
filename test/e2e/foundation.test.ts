import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { AuditPage, CaseloadPage, FrontSheetPage, SignInPage } from './pages/pages';

const password = 'hearth-demo-2026';

describe.skipIf(!chromiumAvailable)('Hearth in a browser', () => {
  const hearth = demoInBrowser();
  let page: Page;

  beforeEach(async () => {
    page = await hearth.newPage();
  });

  it('a social worker signs in, finds a child, corrects a detail with a reason, and sees it in the history and the audit log', async () => {
    const signIn = await SignInPage.open(page, hearth.url);
    await signIn.signIn('sam.patel', password);
    const caseload = await CaseloadPage.arrive(page);
    expect(await caseload.children()).toContain('Jayden Patterson');

    const search = await caseload.findAPerson();
    await search.search('jay patt');
    expect(await search.resultNames()).toEqual(['Jayden Patterson']);
    const sheet = await search.open('Jayden Patterson');
    expect(await sheet.keyFact('Allocated to')).toBe('Sam Patel, Contact, Referral and Assessment Service');
    const hearthId = await sheet.hearthId();

    const correct = await sheet.correctDetails();
    await correct.change('First language (optional)', 'English and Polish');
    await correct.save();
    await correct.refused();
    expect(await correct.errorSummary()).toContain('Enter the reason for the correction');
    // GOV.UK Frontend moves focus to the error summary so a screen reader announces it.
    expect(await page.evaluate('document.activeElement.classList.contains("govuk-error-summary")')).toBe(true);

    await correct.reason('His mother explained that both languages are spoken at home');
    await correct.save();
    const corrected = await FrontSheetPage.arrive(page, 'Jayden Patterson');
    expect(await corrected.notification()).toContain('The correction has been recorded');
    expect(await corrected.keyFact('First language')).toBe('English and Polish');

    const history = await corrected.fullHistory();
    const entries = await history.entries();
    expect(entries[0]).toContain('Details corrected');
    expect(entries[0]).toContain('First language: English → English and Polish');
    expect(entries[0]).toContain('Reason: His mother explained that both languages are spoken at home');
    expect(entries[0]).toContain('recorded by Sam Patel');
    await history.signOut();

    await (await SignInPage.open(page, hearth.url)).signIn('olivia.stone', password);
    const audit = await AuditPage.open(page, hearth.url);
    await audit.searchByHearthId(hearthId);
    const rows = await audit.rows();
    // Newest first: the correction just made (the demonstration's own earlier correction is further down).
    const corrections = rows.filter((r) => r[2]?.endsWith('child.corrected'));
    expect(corrections.length).toBeGreaterThanOrEqual(1);
    expect(corrections[0]?.[1]).toBe('sam.patel');
    expect(corrections[0]?.[3]).toBe('allowed');
    expect(corrections[0]?.[4]).toBe(`${hearthId} Jayden Patterson`);
    expect(rows.some((r) => r[2]?.startsWith('Opened a record') && r[1] === 'sam.patel')).toBe(true);
  });

  it('keeps a restricted child out of the search of someone not allowed to see them', async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('daniel.hughes', password);
    const search = await (await CaseloadPage.arrive(page)).findAPerson();
    await search.search('ella bennett');
    expect(await search.resultNames()).toEqual([]);
    await search.signOut();

    await (await SignInPage.open(page, hearth.url)).signIn('jess.morgan', password);
    const allowed = await (await CaseloadPage.arrive(page)).findAPerson();
    await allowed.search('ella bennett');
    expect(await allowed.resultNames()).toEqual(['Ella Bennett']);
    const sheet = await allowed.open('Ella Bennett');
    expect(await page.locator('#restricted').innerText()).toContain('Restricted record');
    await sheet.checkAccessibility();
  });

  it('shows a child in care with their legal status, warnings and relationships', async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('daniel.hughes', password);
    const search = await (await CaseloadPage.arrive(page)).findAPerson();
    await search.search('isla green');
    const sheet = await search.open('Isla Green');
    expect(await sheet.keyFact('Legal status')).toMatch(/^Placement order since /);
    expect(await page.locator('#legal-status').isVisible()).toBe(true);
    expect(await page.locator('main').innerText()).toContain('Amber Green');
  });
});
