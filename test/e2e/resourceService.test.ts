import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, londonDate } from '../../src/domain/calendar/localDate';
import { chromiumAvailable, launchChromium } from './support/browser';
import { startHearth, type RunningHearth } from './support/server';
import { SignInPage } from './pages/pages';
import { HearthPage } from './pages/HearthPage';

const password = 'hearth-demo-2026';

/** Any of the Resource Service's pages: axe runs on arrival. */
class ResourcePage extends HearthPage {
  static async open(page: Page, url: string, heading: string | RegExp) {
    await page.goto(url);
    const opened = new ResourcePage(page);
    await opened.arrived(heading);
    return opened;
  }
  /** A date input named by its boxes' prefix, on a page with several. */
  async fillDateNamed(name: string, date: string) {
    const [year, month, day] = date.split('-');
    await this.page.locator(`#${name}-day`).fill(String(Number(day)));
    await this.page.locator(`#${name}-month`).fill(String(Number(month)));
    await this.page.locator(`#${name}-year`).fill(String(year));
  }
}

/**
 * The Resource Service in a browser, on the demonstration authority (issue 7): a provider registered
 * and downgraded, opening its action plan; the head of service agreeing Elena Lakatos's move; the
 * reports, spend, care packages and the family time diary, each checked with axe.
 */
describe.skipIf(!chromiumAvailable)('the Resource Service in a browser', () => {
  let hearth: RunningHearth;
  let browser: Browser;
  const tag = Math.random().toString(36).slice(2, 7);

  beforeAll(async () => {
    hearth = await startHearth();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hearth?.close();
  });

  const signedIn = async (username: string) => {
    const page = await (await browser.newContext()).newPage();
    await (await SignInPage.open(page, hearth.url)).signIn(username, password);
    return page;
  };
  const childId = async (name: string) => {
    const head = (await hearth.services.staff.memberByUsername('helen.okafor'))!;
    const { actorFrom } = await import('../../src/modules/staff/staffDirectory');
    const found = await hearth.services.people.search({ actor: actorFrom(head, 'session'), ipAddress: '127.0.0.1', method: 'GET', path: '/test' }, { q: name, dateOfBirth: null, kind: null, page: 1, pageSize: 5 });
    return found.records[0]!.id;
  };

  it('registers a provider, refusing a bad postcode, then records a downgrade that opens an action plan', async () => {
    const page = await signedIn('noah.williams');
    await ResourcePage.open(page, `${hearth.url}/providers`, 'Providers');
    expect(await page.locator('main').innerText()).toContain('Oakfield House');
    await page.getByRole('button', { name: 'Register a provider' }).click();
    const form = new ResourcePage(page);
    await form.arrived('Register a provider');
    const name = `Maple Court ${tag}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Kind of provider').selectOption({ label: "Children's home (private or voluntary)" });
    await page.getByLabel('Address', { exact: true }).fill('7 Maple Court, Ashbury');
    await page.getByLabel('Postcode').fill('nowhere');
    await page.getByLabel('Places').fill('4');
    await page.getByLabel('Vacancies now').fill('1');
    await page.getByLabel('Youngest age taken').fill('11');
    await page.getByLabel('Oldest age taken').fill('17');
    await page.getByLabel('Goes missing').check();
    await page.getByLabel("Contact's name").fill('Dee Marsh');
    await page.getByLabel("Contact's role").fill('Registered Manager');
    await page.getByRole('button', { name: 'Register the provider' }).click();
    await form.refused();
    expect(await form.errorSummary()).toContain('Enter a real postcode, like WM5 7QR');
    // What was typed is kept, the needs ticked included.
    expect(await page.getByLabel('Goes missing').isChecked()).toBe(true);
    await page.getByLabel('Postcode').fill('WM3 2CD');
    await page.getByRole('button', { name: 'Register the provider' }).click();
    const provider = new ResourcePage(page);
    await provider.arrived(name);
    expect(await page.locator('main').innerText()).toContain('a child may be placed here only with a head of service');

    const today = londonDate(new Date());
    await provider.fillDateNamed('inspectedOn', addDays(today, -200));
    await page.getByLabel('Good', { exact: true }).check();
    await page.getByRole('button', { name: 'Record the inspection' }).click();
    await provider.arrived(name);
    await provider.fillDateNamed('inspectedOn', addDays(today, -3));
    await page.getByLabel('Inadequate', { exact: true }).check();
    await page.getByLabel(/the actions agreed with the provider/).fill('Night staffing doubled; weekly reports to the Resource Service.');
    await page.getByRole('button', { name: 'Record the inspection' }).click();
    await provider.arrived(name);
    expect(await provider.notification()).toContain('It is a downgrade, so an action plan is now open');
    expect(await page.locator('main').innerText()).toContain('Night staffing doubled');
    await page.close();
  });

  it("lets only the head of service agree Elena Lakatos's move, with the alternatives considered", async () => {
    const elena = await childId('Elena Lakatos');
    let page = await signedIn('daniel.hughes');
    await ResourcePage.open(page, `${hearth.url}/people/${elena}/placements`, 'Placements');
    const text = await page.locator('main').innerText();
    expect(text).toContain('The provider has given notice');
    expect(await page.getByRole('button', { name: 'Agree the move' }).count()).toBe(0);
    await page.close();

    page = await signedIn('helen.okafor');
    const placements = await ResourcePage.open(page, `${hearth.url}/people/${elena}/placements`, 'Placements');
    await page.getByRole('button', { name: 'Agree the move' }).click();
    await placements.refused();
    expect(await placements.errorSummary()).toContain('Select who agreed the move');
    await page.getByLabel('Me, as head of service').check();
    await page.getByLabel('The alternative placement options considered').fill('Joseph House has a bed from next week; nearer her family and with exploitation support.');
    await page.getByRole('button', { name: 'Agree the move' }).click();
    await placements.arrived('Placements');
    expect(await placements.notification()).toContain('The move has been agreed');
    await page.close();
  });

  it('shows the reports, the spend, care packages and the family time diary', async () => {
    let page = await signedIn('joanna.kay');
    await ResourcePage.open(page, `${hearth.url}/resources`, 'Resource Service reports');
    expect(await page.locator('main').innerText()).toMatch(/Isla Green\s+Rivermead Fostering Agency\s+Inadequate/);
    await ResourcePage.open(page, `${hearth.url}/resources/spend`, /spend/i);
    await ResourcePage.open(page, `${hearth.url}/people/${await childId('Amani Mwangi')}/care-packages`, 'Care packages');
    await page.close();
    page = await signedIn('zara.ahmed');
    await ResourcePage.open(page, `${hearth.url}/family-time`, /Family time/);
    await ResourcePage.open(page, `${hearth.url}/people/${await childId('Isla Green')}/family-time`, 'Family time');
    await page.close();
  });
});
