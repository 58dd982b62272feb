import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { SignInPage } from './pages/pages';
import { HearthPage } from './pages/HearthPage';

const password = 'hearth-demo-2026';

/** A child's page: arrival runs axe like every page object. */
class ChildPage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }
}

/** Today in London and a time earlier today (09:00, or 00:00 just after midnight). */
function londonToday() {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  return { date, time: hour >= 10 ? '09:00' : '00:00' };
}

async function fillWhen(page: Page, prefix: string) {
  const { date, time } = londonToday();
  const [year, month, day] = date.split('-');
  await page.locator(`#${prefix}On-day`).fill(String(Number(day)));
  await page.locator(`#${prefix}On-month`).fill(String(Number(month)));
  await page.locator(`#${prefix}On-year`).fill(String(year));
  await page.locator(`#${prefix}Time`).fill(time);
}

async function openChild(page: Page, url: string, name: string, button: string, heading: string) {
  await page.goto(`${url}/people?q=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name: new RegExp(name) }).first().click();
  await page.getByRole('button', { name: button, exact: true }).click();
  const child = new ChildPage(page);
  await child.arrived(heading);
  return child;
}

describe.skipIf(!chromiumAvailable)('children in care in a browser', () => {
  const hearth = demoInBrowser();

  it('a social worker sees a child who came into care under section 20, appoints the overdue IRO and writes the care plan', async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('hannah.scott', password);
    const care = await openChild(page, hearth.url, 'Gabriel Da Silva', 'In care', 'In care');
    expect(await care.text()).toContain('Accommodated under section 20, with parental consent');
    expect(await page.getByRole('row', { name: /IRO appointed within 1 working day/ }).innerText()).toContain('Overdue');
    await page.getByLabel('Independent reviewing officer', { exact: true }).selectOption({ label: 'Ruth Adeyemi' });
    await fillWhen(page, 'iro');
    await page.getByRole('button', { name: 'Record the IRO' }).click();
    await care.arrived('In care');
    expect(await care.notification()).toContain('independent reviewing officer has been recorded');
    expect(await page.getByRole('row', { name: /IRO appointed within 1 working day/ }).innerText()).toContain('Met late');

    await page.getByRole('button', { name: 'Record the care plan' }).click();
    await care.refused();
    expect(await care.errorSummary()).toContain('Enter the intended outcomes for the child');
    await page.getByLabel('Intended outcomes for the child').fill('Gabriel goes home to his mum when she is well, within three months.');
    await page.getByLabel('Objectives for work with the child').fill('Keep Gabriel at Kingsford Primary; weekly calls with his mum.');
    await page.getByLabel('Objectives for work with the birth family').fill("Support Mariana's discharge plan and a single daytime job.");
    await page.getByLabel('Objectives for work with the carers').fill('School run, contact at the hospital on Saturdays.');
    await page.getByRole('button', { name: 'Record the care plan' }).click();
    await care.arrived('In care');
    expect(await care.notification()).toContain('The care plan has been recorded');
    expect(await page.getByRole('row', { name: /Care plan within 10 working days/ }).innerText()).toContain('Met');
  });

  it('the IRO sees that the next review must come forward, speaks to the child alone, and takes her concern to a formal challenge', async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('ruth.adeyemi', password);
    const reviews = await openChild(page, hearth.url, 'Shannon Doherty', 'Reviews (in care)', 'Reviews in care');
    expect(await reviews.text()).toContain('bring the next review forward');
    await fillWhen(page, 'sawChild');
    await page.locator('#step-sawChild').getByRole('button', { name: 'Record it' }).click();
    await reviews.arrived('Reviews in care');
    expect(await reviews.notification()).toContain('IRO spoke to the child in private: recorded');

    await page.getByLabel('Concern', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('radio', { name: /Formal challenge/ }).check();
    await page.getByLabel("The concern about the child's care").fill('No PEP meeting after two reminders: formal challenge to the team manager.');
    await page.getByRole('button', { name: 'Record the concern' }).click();
    await reviews.arrived('Reviews in care');
    expect(await reviews.text()).toContain('Stage: Formal challenge on the Dispute Resolution Process form');
  });

  it("a personal adviser sees a care leaver's status with its reasons and history, and updates their circumstances", async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('liam.oconnor', password);
    const leaver = await openChild(page, hearth.url, 'McLeod', 'Care leaver', 'Care leaver');
    const text = await leaver.text();
    expect(text).toMatch(/Status: Former relevant child/);
    expect(text).toContain('since their 14th birthday');
    expect(text).toContain('How the status has changed');
    await page.getByRole('button', { name: 'Record the update' }).click();
    await leaver.refused();
    expect(await leaver.errorSummary()).toContain('Select the birthday this update is for');
    await page.getByRole('group', { name: 'For the birthday' }).getByRole('radio', { name: '21st' }).check();
    await page.getByRole('radio', { name: 'Not in education, employment or training (NEET)' }).check();
    await page.getByRole('radio', { name: 'Independent living' }).check();
    await page.getByRole('group', { name: 'Is the accommodation suitable?' }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('group', { name: 'Is the young person in touch?' }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Record the update' }).click();
    await leaver.refused();
    expect(await leaver.errorSummary()).toContain('Enter the NEET action plan');
    await page.getByLabel('NEET action plan (if not in education, employment or training)').fill('Finished the degree; weekly job club with the PA; apprenticeship applications by the end of the month.');
    await page.getByRole('button', { name: 'Record the update' }).click();
    await leaver.arrived('Care leaver');
    expect(await leaver.notification()).toContain("circumstances have been updated");
  });
});
