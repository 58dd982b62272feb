import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { CaseloadPage, FrontSheetPage, SignInPage } from './pages/pages';
import { HearthPage } from './pages/HearthPage';

const password = 'hearth-demo-2026';

/** The strategy discussion's page: arrival runs axe like every page object. */
class StrategyPage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }
}

/** Today in London as YYYY-MM-DD, and the hour an hour ago (00 just after midnight). */
function londonToday() {
  const fmt = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(d);
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(new Date(Date.now() - 3_600_000));
  return { date: fmt(new Date()), time: fmt(new Date(Date.now() - 3_600_000)) === fmt(new Date()) ? `${hour}:00` : '00:00' };
}

describe.skipIf(!chromiumAvailable)('a strategy discussion in a browser', () => {
  const hearth = demoInBrowser();

  it('an assistant team manager records an overdue strategy meeting, is asked why it was late, and records its outcome', async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('tom.reilly', password);
    await CaseloadPage.arrive(page);
    await page.goto(`${hearth.url}/people?q=Sumaiya+Begum`);
    await page.getByRole('link', { name: 'Sumaiya Begum' }).first().click();
    await FrontSheetPage.arrive(page, 'Sumaiya Begum');
    await page.getByRole('button', { name: 'Strategy discussion' }).click();
    const strategy = new StrategyPage(page);
    await strategy.arrived('Strategy discussion');
    // The meeting, due 24 hours after the information two days ago, is overdue; the police referral was made in the hour.
    expect(await page.getByRole('row', { name: /Strategy meeting held within 24 hours/ }).innerText()).toContain('Overdue');
    expect(await page.getByRole('row', { name: /Referral to the Police Enquiry Centre/ }).innerText()).toContain('Met');

    const { date, time } = londonToday();
    const [year, month, day] = date.split('-');
    await page.locator('#occurredOn-day').fill(String(Number(day)));
    await page.locator('#occurredOn-month').fill(String(Number(month)));
    await page.locator('#occurredOn-year').fill(String(year));
    await page.getByLabel('Time', { exact: true }).fill(time);
    await page.getByLabel('Police: who was invited').fill('DC Sarah Hale');
    await page.getByRole('checkbox', { name: 'Police: attended' }).check();
    await page.getByLabel("Children's social care: who was invited").fill('Sam Patel');
    await page.getByRole('checkbox', { name: "Children's social care: attended" }).check();
    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('button', { name: 'Record the meeting' }).click();
    await strategy.refused();
    expect(await strategy.errorSummary()).toContain('enter why the delay was accepted');
    await page.getByLabel('If later than 24 hours after the new information: why the delay was accepted').fill('The police could not attend until today; Sumaiya stayed with her aunt under a safety plan.');
    await page.getByRole('button', { name: 'Record the meeting' }).click();
    const held = new StrategyPage(page);
    await held.arrived('Strategy discussion');
    expect(await held.notification()).toContain('The strategy meeting has been recorded');
    expect(await held.text()).toContain('Section 47 threshold: met');

    // The threshold was met: the Section 47 enquiry is started from its own page.
    await page.getByRole('link', { name: 'Back' }).click();
    await FrontSheetPage.arrive(page, 'Sumaiya Begum');
    await page.getByRole('button', { name: 'Section 47 enquiry' }).click();
    const enquiry = new StrategyPage(page);
    await enquiry.arrived('Section 47 enquiry');
    await page.getByRole('button', { name: 'Start the Section 47 enquiry' }).click();
    await enquiry.arrived('Section 47 enquiry');
    expect(await enquiry.notification()).toContain('The Section 47 enquiry has been started');
    expect(await enquiry.text()).toContain('The visit to the child');
  });
});

describe.skipIf(!chromiumAvailable)('a child protection conference in a browser', () => {
  const hearth = demoInBrowser();

  it("the conference chair opens a child's conference page and records the early conversation for the review", async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('martin.clarke', password);
    await page.goto(`${hearth.url}/people?q=Marsh`);
    await page.getByRole('link', { name: /Marsh/ }).first().click();
    await page.getByRole('button', { name: 'Child protection conference' }).click();
    const conference = new StrategyPage(page);
    await conference.arrived('Child protection conference');
    expect(await conference.text()).toContain('On a child protection plan since');
    expect(await conference.text()).toContain('Record the review conference');
    const { date, time } = londonToday();
    const [year, month, day] = date.split('-');
    await page.locator('#conversationOn-day').fill(String(Number(day)));
    await page.locator('#conversationOn-month').fill(String(Number(month)));
    await page.locator('#conversationOn-year').fill(String(year));
    await page.locator('#conversationTime').fill(time);
    await page.locator('#conversation').getByRole('button', { name: 'Record it' }).click();
    await conference.arrived('Child protection conference');
    expect(await conference.notification()).toContain("Chair's early conversation with the social worker: recorded");
    // The plan's core groups: the first, chaired by a manager, and those since.
    await page.getByRole('link', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Core groups' }).click();
    const coreGroups = new StrategyPage(page);
    await coreGroups.arrived('Core groups');
    expect(await coreGroups.text()).toContain('Record a core group meeting');
  });
});
