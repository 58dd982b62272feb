import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { CaseloadPage, FrontSheetPage, SignInPage } from './pages/pages';
import { HearthPage } from './pages/HearthPage';

const password = 'hearth-demo-2026';

/** The case record and chronology pages: arrival runs axe like every page object. */
class CaseRecordPage extends HearthPage {}

describe.skipIf(!chromiumAvailable)('the case record in a browser', () => {
  const hearth = demoInBrowser();

  it('a social worker records a significant case note and finds it in the chronology', async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('sam.patel', password);
    await CaseloadPage.arrive(page);
    await page.getByRole('link', { name: 'Jayden Patterson', exact: true }).first().click();
    await FrontSheetPage.arrive(page, 'Jayden Patterson');
    await page.getByRole('button', { name: 'Case record' }).click();
    const record = new CaseRecordPage(page);
    await record.arrived('Case record');

    await page.getByText('Record a case note').click();
    await page.getByLabel('Kind of note').selectOption('home_visit');
    await record.fillDate(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.now() - 86_400_000)));
    await page.getByLabel('Time it happened').fill('10:00');
    await page.getByLabel('Who was present').fill('Jayden and his mother');
    await page.getByLabel('What happened: the facts').fill('Fridge empty; mother asleep at 10am. Jayden had not had breakfast.');
    await page.getByLabel("The child's own words (optional)").fill('There is no food again');
    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('button', { name: 'Record the case note' }).click();
    await record.arrived('Case record');
    expect(await record.notification()).toContain('The case note has been recorded');

    await page.getByRole('link', { name: 'Chronology', exact: true }).first().click();
    const chronology = new CaseRecordPage(page);
    await chronology.arrived('Chronology');
    expect(await page.locator('main').innerText()).toContain('Fridge empty; mother asleep at 10am');

    // Early help, step-down and closure: each workflow's standards on one page.
    await page.getByRole('link', { name: 'Back' }).click();
    await FrontSheetPage.arrive(page, 'Jayden Patterson');
    await page.getByRole('button', { name: 'Early help, step-down and closure' }).click();
    await new CaseRecordPage(page).arrived('Case closure');
    await page.getByRole('link', { name: 'Early Help', exact: true }).click();
    await new CaseRecordPage(page).arrived('Early Help');
  });

  it('a service manager copies a closure workflow to the sibling and opens the letter to their father', async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('marcus.bell', password);
    await CaseloadPage.arrive(page);
    await page.goto(`${hearth.url}/people?q=Noah+Pearce`);
    await page.getByRole('link', { name: 'Noah Pearce' }).first().click();
    await FrontSheetPage.arrive(page, 'Noah Pearce');
    await page.getByRole('button', { name: 'Early help, step-down and closure' }).click();
    const closure = new CaseRecordPage(page);
    await closure.arrived('Case closure');
    await page.getByRole('checkbox', { name: /Pearce/ }).check();
    await page.getByRole('button', { name: 'Copy the workflow' }).click();
    await closure.arrived('Case closure');
    expect(await closure.notification()).toContain('copied to one sibling');
    await page.getByRole('link', { name: /Letter to Steven Pearce/ }).click();
    const letter = new CaseRecordPage(page);
    await letter.arrived('Dear Steven Pearce');
    expect(await page.locator('main').innerText()).toContain("we decided to close Noah Pearce's case");
  });
});
