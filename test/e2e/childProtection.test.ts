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

/** A form's date boxes and time, by their names. */
async function fillWhen(page: import('playwright-core').Page, dateName: string, timeName: string, date: string, time: string) {
  const [year, month, day] = date.split('-');
  await page.locator(`#${dateName}-day`).fill(String(Number(day)));
  await page.locator(`#${dateName}-month`).fill(String(Number(month)));
  await page.locator(`#${dateName}-year`).fill(String(year));
  await page.locator(`#${timeName}`).fill(time);
}

describe.skipIf(!chromiumAvailable)('a strategy discussion in a browser', () => {
  const hearth = demoInBrowser();

  it('an assistant team manager records an overdue strategy meeting and its outcome, the Section 47 enquiry leads to an initial conference the chair records, and the first core group is held', async () => {
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

    // The enquiry: Sumaiya seen alone, and completed recommending an initial conference.
    await fillWhen(page, 'occurredOn', 'occurredTime', date, time);
    await page.getByRole('group', { name: "Was the child seen alone, with the parents' consent?" }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Record the visit' }).click();
    await enquiry.arrived('Section 47 enquiry');
    expect(await enquiry.notification()).toContain('visit');
    await page.getByRole('group', { name: 'Recommended next step' }).getByRole('radio', { name: 'Initial child protection conference' }).check();
    await page.getByLabel('The recommendation and why').fill("Physical harm by mother's partner, who remains in the home: initial child protection conference.");
    await page.getByRole('button', { name: 'Complete the enquiry' }).click();
    await enquiry.arrived('Section 47 enquiry');

    // The conference chair records the initial conference: a plan under physical abuse, Tom Reilly the lead social worker.
    const chairPage = await hearth.newPage();
    await (await SignInPage.open(chairPage, hearth.url)).signIn('martin.clarke', password);
    await chairPage.goto(`${hearth.url}${new URL(page.url()).pathname.replace('/section-47', '/conference')}`);
    const conference = new StrategyPage(chairPage);
    await conference.arrived('Child protection conference');
    expect(await conference.text()).toContain('Record the initial conference');
    const heldForm = chairPage.locator("#held");
    await fillWhen(chairPage, 'occurredOn', 'occurredTime', date, time);
    for (const agency of ["Children's social care", 'Police', 'Education']) await heldForm.getByRole('checkbox', { name: agency, exact: true }).check();
    await heldForm.locator('input[name="planMade"][value="yes"]').check();
    await heldForm.getByLabel('Category of abuse (with a plan)').selectOption({ label: 'Physical abuse' });
    await heldForm.getByLabel('Lead social worker (with a plan)').selectOption({ label: 'Tom Reilly' });
    await heldForm.getByLabel('Core group members (with a plan)').fill('Sumaiya, her mother, college safeguarding lead, DC Sarah Hale, Tom Reilly');
    await heldForm.getByRole('button', { name: 'Record the conference' }).click();
    await conference.arrived('Child protection conference');
    expect(await conference.notification()).toContain('The conference has been recorded');
    expect(await conference.text()).toContain('On a child protection plan since');

    // The first core group, within 10 working days, chaired by a manager: Tom.
    await page.goto(`${hearth.url}${new URL(page.url()).pathname.replace('/section-47', '/core-groups')}`);
    const coreGroups = new StrategyPage(page);
    await coreGroups.arrived('Core groups');
    expect(await page.getByRole('row', { name: /First core group within 10 working days/ }).innerText()).toContain('Due');
    await fillWhen(page, 'occurredOn', 'occurredTime', date, time);
    await page.getByLabel('Chaired by').selectOption({ label: 'Tom Reilly (manager)' });
    await page.getByLabel('Who attended').fill('Sumaiya, her mother, college safeguarding lead, Tom Reilly');
    await page.getByLabel('Progress against the safety plan, amendments and next steps').fill("Mother's partner has moved out; Sumaiya back at college. Next: the safety plan with the network.");
    await page.getByRole('button', { name: 'Record the meeting' }).click();
    await coreGroups.arrived('Core groups');
    expect(await coreGroups.notification()).toContain('The core group meeting has been recorded');
    expect(await coreGroups.text()).toMatch(/\(first\)[\s\S]*Tom Reilly \(manager\)[\s\S]*Not signed off/);
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

  it("the social worker opens the Marsh twins' safety plan and prints the family's version, in plain words with the network to sign", async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('grace.mensah', password);
    await page.goto(`${hearth.url}/people?q=Alfie+Marsh`);
    await page.getByRole('link', { name: /Alfie Marsh/ }).first().click();
    await page.getByRole('button', { name: 'Safety plan' }).click();
    const plan = new StrategyPage(page);
    await plan.arrived('Safety plan');
    expect(await page.getByRole('row', { name: /Kate Marsden/ }).innerText()).toContain('Not signed');
    expect(await plan.text()).toContain('not yet Kate Marsden');
    await page.getByRole('link', { name: "The family's version, in plain words, to print and sign" }).click();
    const family = new StrategyPage(page);
    await family.arrived("Alfie's safety plan");
    const text = await family.text();
    for (const expected of ['What we are worried about', 'What we need to see', 'Jodie: 6 out of 10.', 'Warning signs to look out for', 'Carol Marsh', 'By signing, I agree']) expect(text).toContain(expected);
    // Printed, the page is the plan alone: no header, navigation or instructions.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govuk-header').isVisible()).toBe(false);
    expect(await page.locator('.hearth-no-print').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'What we are worried about' }).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it("an assistant team manager sees a child in need review waiting for his sign-off, and signs it off", async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('tom.reilly', password);
    await page.goto(`${hearth.url}/people?q=Arjun+Singh`);
    await page.getByRole('link', { name: /Arjun Singh/ }).first().click();
    await page.getByRole('button', { name: 'Child in need plan' }).click();
    const cin = new StrategyPage(page);
    await cin.arrived('Child in need plan');
    expect(await page.getByRole('row', { name: /Child in need review record written up and signed off/ }).innerText()).toContain('Overdue');
    await page.getByRole('button', { name: 'Sign off the oldest unsigned review record and its amendments' }).click();
    await cin.arrived('Child in need plan');
    expect(await cin.notification()).toContain('signed off');
  });
});
