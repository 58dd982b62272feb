import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './support/browser';
import { startHearth, type RunningHearth } from './support/server';
import { SignInPage } from './pages/pages';
import { HearthPage } from './pages/HearthPage';

/** A referral page: axe runs on arrival. */
class ReferralPage extends HearthPage {
  static async open(page: Page, url: string, heading: string | RegExp) {
    await page.goto(url);
    const opened = new ReferralPage(page);
    await opened.arrived(heading);
    return opened;
  }
}

/**
 * A referral to the Resource and Care Panel in a browser (issue 8; Appendix A Part A): the child's
 * referrals page with what Hearth sees, the long form prefilled and saved as a draft, the referral's
 * page and its printable form, each checked with axe.
 */
describe.skipIf(!chromiumAvailable)('a referral to the Resource and Care Panel in a browser', () => {
  let hearth: RunningHearth;
  let browser: Browser;
  beforeAll(async () => {
    hearth = await startHearth();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hearth?.close();
  });

  it("is written from Amani Mwangi's record, prefilled, saved as a draft and printed", async () => {
    const head = (await hearth.services.staff.memberByUsername('helen.okafor'))!;
    const { actorFrom } = await import('../../src/modules/staff/staffDirectory');
    const found = await hearth.services.people.search({ actor: actorFrom(head, 'session'), ipAddress: '127.0.0.1', method: 'GET', path: '/test' }, { q: 'Amani Mwangi', dateOfBirth: null, kind: null, page: 1, pageSize: 5 });
    const amani = found.records[0]!.id;
    const page = await (await browser.newContext()).newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('daniel.hughes', 'hearth-demo-2026');
    await ReferralPage.open(page, `${hearth.url}/people/${amani}/panel-referral`, 'Resource and Care Panel referrals');
    expect(await page.locator('#must-come').innerText()).toContain('1.1 e), 1.4 i)');
    expect(await page.locator('#worker').inputValue()).toBe('Daniel Hughes');
    await page.locator('#mainIssues').fill('Amani needs more support hours as she prepares to leave care.');
    await page.locator('#period').fill('60');
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    await new ReferralPage(page).arrived('Resource and Care Panel referrals');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('at most one year (52 weeks)');
    await page.locator('#period').fill('26');
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    await new ReferralPage(page).arrived(/Referral to the Resource and Care Panel of/);
    expect(await page.locator('#missing').innerText()).toContain('What the panel is asked for');
    await page.getByRole('link', { name: 'Print the referral' }).click();
    await new ReferralPage(page).arrived('Resource and Care Panel Referral');
    expect(await page.locator('main').innerText()).toContain('Amani needs more support hours');
  });
});
