import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { londonDate } from '../../src/domain/calendar/localDate';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { SignInPage } from './pages/pages';
import { FosteringListPage, openHouseholdAt } from './pages/fosteringPages';

const password = 'hearth-demo-2026';

describe.skipIf(!chromiumAvailable)('fostering recruitment in a browser', () => {
  const hearth = demoInBrowser();
  let page: Page;

  beforeEach(async () => {
    page = await hearth.newPage();
  });

  it('the assessing social worker sees the late assessment and the household awaiting panel, and records a new enquiry and its answer', async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('lucy.barnes', password);
    await page.waitForURL(`${hearth.url}/`);
    const list = await FosteringListPage.open(page);
    const applications = await list.section('applications');
    expect(applications).toMatch(/Kevin Holt[\s\S]*Overdue/);
    expect(applications).toContain('Hannah Reid');
    expect(applications).toContain('Assessment complete: awaiting Fostering Panel');
    expect(await list.section('connected')).toContain('Mary Doherty');

    const reid = await list.openHousehold('Hannah Reid');
    expect(await reid.text()).toContain('Invited to the panel on');

    const again = await FosteringListPage.open(page);
    const form = await again.newEnquiry();
    await form.submit();
    await form.refused();
    expect(await form.errorSummary()).toContain('Enter the enquirer’s given names');
    const today = londonDate(new Date());
    const household = await form.fill({ given: 'Oliver', family: 'Quinn', on: today, source: 'Telephone', interest: 'Fostering (mainstream)', notes: 'Retired teacher; spare room.' });
    expect(await household.text()).toContain('Not answered yet');
    await household.recordResponse('Information pack sent', '');
    await household.refused();
    expect(await household.errorSummary()).toContain('Enter date of the response');
    await household.recordResponse('Information pack sent', today);
    await household.saved();
    expect(await household.text()).toContain('Information pack sent');
    await household.addMember('Jean Quinn', 'Second applicant (joint applicant)');
    await household.saved();
    expect(await household.text()).toContain('Jean Quinn');
  });

  it('the team manager sees the assessment being allocated and checked; the decision maker sees a qualifying determination and cannot approve early', async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('owen.parry', password);
    await page.waitForURL(`${hearth.url}/`);
    const okoye = await (await FosteringListPage.open(page)).openHousehold('Amara Okoye');
    const text = await okoye.text();
    expect(text).toContain('Still needed before the assessment is complete');
    expect(text).toContain('Record the medical (health) assessment for Amara Okoye');
    const millsUrl = await (async () => {
      const list = await FosteringListPage.open(page);
      await list.openHousehold('Gary Mills');
      return page.url();
    })();
    await page.getByRole('button', { name: 'Sign out' }).click();

    await (await SignInPage.open(page, hearth.url)).signIn('gillian.ward', password);
    await page.waitForURL(`${hearth.url}/`);
    const mills = await openHouseholdAt(page, millsUrl);
    expect(await mills.text()).toContain('Qualifying determination: proposed not to approve');
    await page.getByLabel('Approve as a foster carer, with the terms below').check();
    await page.getByLabel('Reasons (the applicant is given them)').fill('On reflection.');
    const [year, month, dd] = londonDate(new Date()).split('-');
    await page.locator('#decisionOn-day').fill(String(Number(dd)));
    await page.locator('#decisionOn-month').fill(String(Number(month)));
    await page.locator('#decisionOn-year').fill(year as string);
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await mills.refused();
    expect(await mills.errorSummary()).toMatch(/to make representations or apply to the IRM/);
  });
});
