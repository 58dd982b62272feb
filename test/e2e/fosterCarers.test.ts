import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { londonDate, londonTime } from '../../src/domain/calendar/localDate';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { SignInPage } from './pages/pages';
import { FosterCarersPage } from './pages/fosterCarerPages';

const password = 'hearth-demo-2026';
const visitRule = 'Foster carer visited by their supervising social worker at least monthly';

/** Approved foster carers in a browser (issue 11): the supervising social worker, matching, and the IRO. */
describe.skipIf(!chromiumAvailable)('approved foster carers in a browser', () => {
  const hearth = demoInBrowser();
  let page: Page;

  beforeEach(async () => {
    page = await hearth.newPage();
  });

  it('the supervising social worker sees an overdue visit and an overdue review, and records an unannounced visit', async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('rebecca.lewis', password);
    await page.waitForURL(`${hearth.url}/`);
    const carers = await FosterCarersPage.open(page);
    expect(await carers.rowOf('Pat Lowe')).toContain('Overdue');
    const joan = await carers.rowOf('Joan Okafor');
    expect(joan).toContain('Review needed');
    expect(joan).toContain('Overdue');

    const lowe = await carers.openCarer('Pat Lowe');
    expect(await lowe.clock(new RegExp(visitRule))).toContain('Overdue');
    expect(await lowe.text()).toContain('Isla Green');
    await lowe.recordVisit({ summary: 'Dropped in after school.' });
    await lowe.refused();
    const summary = await lowe.errorSummary();
    expect(summary).toContain('Select whether the visit was unannounced');
    expect(summary).toContain('Enter date it happened');

    const earlier = new Date(Date.now() - 5 * 60_000);
    await lowe.recordVisit({ date: londonDate(earlier), time: londonTime(earlier), unannounced: true, summary: 'Unannounced: Pat and Chris well; Ellie at home; room ready for the next child.' });
    await lowe.arrived('Foster carer');
    expect(await lowe.notification()).toContain('The supervision visit has been recorded');
    expect(await lowe.clock(new RegExp(visitRule))).toContain('Due');
    expect(await lowe.text()).toContain('Unannounced');
  });

  it('the placements officer finds in-house carers with a place for an 8-year-old', async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('noah.williams', password);
    await page.waitForURL(`${hearth.url}/`);
    const carers = await FosterCarersPage.open(page);
    await carers.findFor('8');
    const names = await carers.carers();
    expect(names).toContain('Joan Okafor');
    expect(names).not.toContain('Pat Lowe');
    await carers.findFor('eight', false);
    await carers.refused();
    expect(await carers.errorSummary()).toContain('Enter the child’s age as a number from 0 to 20');
  });

  it('the head of service sees the panel and exemption forms, and an exemption names a real child', async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('helen.okafor', password);
    await page.waitForURL(/\/$/);
    const carers = await FosterCarersPage.open(page);
    const joan = await carers.openCarer('Joan Okafor');
    expect(await joan.text()).toContain('Kayden Campbell');
    await page.getByLabel("The child's Hearth number").fill('999999');
    await page.getByRole('checkbox', { name: 'Age range' }).check();
    await page.getByRole('button', { name: 'Record the exemption' }).click();
    await joan.refused();
    const summary = await joan.errorSummary();
    expect(summary).toContain('No child you may open has that Hearth number');
    expect(summary).toContain('Enter why the placement is in the child’s interests');
  });

  it('the IRO cannot hold the review before the written views are in', async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('ruth.adeyemi', password);
    await page.waitForURL(/\/$/);
    const carers = await FosterCarersPage.open(page);
    const joan = await carers.openCarer('Joan Okafor');
    expect(await joan.text()).toContain('A review is needed after an allegation (LADO)');
    expect(await joan.text()).not.toContain('calls him names');
    await page.getByRole('button', { name: 'Record the review' }).click();
    await joan.refused();
    expect(await joan.errorSummary()).toContain('Record the written views of the foster carers');
  });
});
