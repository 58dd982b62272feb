import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, londonDate } from '../../src/domain/calendar/localDate';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { CaseloadPage, SignInPage } from './pages/pages';
import { AllegationsPage } from './pages/ladoPages';

const password = 'hearth-demo-2026';

/**
 * The LADO's day (practice-standards.txt, Section 4: Managing Allegations 80-88): the worklist with
 * what is overdue, recording an allegation (with its problems first), the strategy meeting, its
 * notes and the outcome; the annual report; and a social worker refused. axe on every page.
 */
describe.skipIf(!chromiumAvailable)('allegations against adults who work with children in a browser', () => {
  const hearth = demoInBrowser();
  let page: Page;

  beforeEach(async () => {
    page = await hearth.newPage();
  });

  it('the LADO works the list, records an allegation through to its outcome, and reads the annual report', async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('fiona.grant', password);
    await page.waitForURL(`${hearth.url}/`);
    const list = await AllegationsPage.open(page);
    const open = await list.openRows();
    expect(open.some((r) => r.includes('Daniel Price') && r.includes('Overdue'))).toBe(true);
    // The demonstration's foster carer: her allegation is open, with the review set at the meeting overdue.
    expect(open.some((r) => r.includes('Joan Okafor') && r.includes('Foster carer'))).toBe(true);

    // An adult with a concluded allegation: a new one about her.
    const earlier = await list.openAllegation('Sarah Jennings');
    const hearthId = await earlier.hearthId();
    expect(hearthId).not.toBe('');
    const again = await AllegationsPage.open(page);
    const form = await again.recordNew();
    await form.save();
    await form.refused();
    expect(await form.errorSummary()).toContain('Enter the Hearth ID of the adult the allegation is about');

    const yesterday = addDays(londonDate(new Date()), -1);
    await form.fill({
      hearthId, employer: 'Little Acorns Nursery', role: 'Nursery practitioner', sector: 'Early years and childcare', source: 'The employer', referrer: 'Nursery manager',
      aware: yesterday, received: yesterday, time: '09:30', category: 'Physical abuse', nature: 'A child was pushed over in the garden.', otherChildren: 'A child aged 3', childLed: false,
    });
    await form.save();
    const allegation = await form.saved();
    expect(await allegation.text()).toContain('A child was pushed over in the garden.');
    // The adult's name, to confirm the Hearth ID typed was the right person's.
    expect(await allegation.text()).toContain(`The allegation has been recorded about Sarah Jennings (Hearth ID ${hearthId})`);
    expect((await allegation.clocks()).join('\n')).toMatch(/LADO informed[\s\S]*Met/);

    await allegation.recordMeeting({ date: yesterday, time: '14:00', attendees: 'LADO, nursery manager', decided: 'The nursery to investigate.', next: 'Employer’s own investigation or disciplinary process' });
    await allegation.refused();
    expect(await allegation.errorSummary()).toContain('Enter the date of the first review');
    await allegation.recordMeeting({ date: yesterday, time: '14:00', attendees: 'LADO, nursery manager', decided: 'The nursery to investigate.', next: 'No further action under the allegations procedure' });
    await allegation.afterSave();
    await allegation.recordNotes(yesterday, '16:00');
    await allegation.afterSave();
    await allegation.recordOutcome({ outcome: 'Unfounded', dbs: false, regulator: 'No referral to a regulator', summary: 'No evidence: the child tripped.', date: yesterday, time: '17:00' });
    await allegation.afterSave();
    const text = await allegation.text();
    expect(text).toContain('Concluded: Unfounded');
    expect((await allegation.clocks()).join('\n')).toMatch(/strategy meeting within 2 working days[\s\S]*Met/i);

    const report = await (await AllegationsPage.open(page)).report();
    expect(await report.text()).toContain('Resolved within 1 month');
    await report.chooseYear(2025);
    expect(await report.text()).toContain('Allegations received');
  });

  it('a social worker has no Allegations in the menu and is refused the pages', async () => {
    await (await SignInPage.open(page, hearth.url)).signIn('rebecca.lewis', password);
    await page.waitForURL(`${hearth.url}/`);
    const home = await CaseloadPage.arrive(page);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Allegations', exact: true }).count()).toBe(0);
    const response = await page.goto(`${hearth.url}/allegations`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('main').innerText()).toContain('You do not have permission');

    // Her supervising social worker finds Joan Okafor's record herself (this test does not depend on the LADO's):
    // the review her approval needs, and nothing of the allegation.
    const search = await home.findAPerson();
    await search.search('Joan Okafor');
    await search.open('Joan Okafor');
    const joanId = /\/people\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
    expect(joanId).not.toBe('');
    const sheet = await page.locator('main').innerText();
    expect(sheet).toContain("Review of the foster carer's approval needed");
    expect(sheet).not.toMatch(/allegation received|strategy meeting|calls him names|Allegations \(LADO\)/i);
    await page.goto(`${hearth.url}/people/${joanId}/history`);
    expect(await page.locator('main').innerText()).not.toMatch(/allegation received|strategy meeting|calls him names/i);
    expect((await page.goto(`${hearth.url}/people/${joanId}/allegations`))?.status()).toBe(403);
  });
});
