import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, londonDate } from '../../src/domain/calendar/localDate';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { SignInPage } from './pages/pages';
import { SessionPage, SupervisionPage } from './pages/supervisionPages';

const password = 'hearth-demo-2026';

/**
 * Supervision in a browser (issue 12; specialist-service-statement.txt 5.4): Tom Reilly records a
 * session with Sam Patel (its problems first) and signs it; Sam signs it and amends it; a colleague
 * is refused Sam's supervision; Marcus Bell's audit list shows who is overdue. axe on every page.
 */
describe.skipIf(!chromiumAvailable)('supervision in a browser', () => {
  const hearth = demoInBrowser();
  let page: Page;

  beforeEach(async () => {
    page = await hearth.newPage();
  });

  async function signIn(username: string) {
    await (await SignInPage.open(page, hearth.url)).signIn(username, password);
    await page.waitForURL(`${hearth.url}/`);
  }

  it('a session recorded by the supervisor, signed by both, then amended; others refused; the line manager’s audit list', async () => {
    const today = londonDate(new Date());
    const yesterday = addDays(today, -1);

    // The supervisor records the session and signs it.
    await signIn('tom.reilly');
    const home = await SupervisionPage.open(page);
    expect((await home.supervisees()).some((r) => r.includes('James Ellis'))).toBe(true);
    const sam = await home.openStaff('Sam Patel');
    const samUrl = page.url();
    expect(await sam.text()).toContain('Sessions');
    const form = await sam.recordSession();
    await form.save();
    await form.refused();
    expect(await form.errorSummary()).toContain('Enter the reflection and learning from the session');
    await form.fill({
      date: yesterday,
      time: '10:00',
      reflections: 'Reflected on how to keep the children at the centre of a chaotic visit.',
      wellbeing: 'Busy but managing; a lighter duty week agreed.',
      caseDiscussion: { discussion: 'Reviewed the plan; school attendance improving.', actions: 'Visit after school with the family support worker.', by: addDays(today, 7) },
    });
    await form.save();
    const session = await form.saved();
    expect(await session.text()).toContain('Visit after school with the family support worker.');
    expect(await session.text()).toContain('Not signed yet');
    await session.sign('supervisor');
    expect(await session.text()).toContain('Waiting for the supervisee’s signature');
    const sessionUrl = page.url();
    await session.signOut();

    // The supervisee finds it waiting for her signature, signs, then amends it and signs the amendment.
    await signIn('sam.patel');
    const mine = await SupervisionPage.open(page);
    expect((await mine.waiting()).join('\n')).toContain('Session held');
    await page.goto(sessionUrl);
    const toSign = new SessionPage(page);
    await toSign.arrived(/^Session held/);
    await toSign.sign('supervisee');
    expect(await toSign.text()).toContain('Signed by both');
    await toSign.amend({ part: 'Wellbeing and workload', text: 'Busy but managing; a lighter duty week and a day of leave agreed.', reason: 'The day of leave we agreed was left out.' });
    await toSign.afterSave();
    expect(await toSign.text()).toContain('The day of leave we agreed was left out.');
    await toSign.signAmendment('supervisee');
    expect(await toSign.text()).toContain('Amendment waiting for signatures');
    await toSign.signOut();

    // A colleague is refused Sam's supervision.
    await signIn('chloe.evans');
    const refused = await page.goto(samUrl);
    expect(refused?.status()).toBe(403);
    await page.goto(`${hearth.url}/`);
    await page.getByRole('button', { name: 'Sign out' }).click();

    // The line manager's audit list shows Daniel Hughes overdue, and his audit.
    await signIn('marcus.bell');
    const audits = await SupervisionPage.open(page);
    expect((await audits.lineManaged()).some((r) => r.includes('Daniel Hughes') && r.includes('Overdue'))).toBe(true);
    const daniel = await audits.openStaff('Daniel Hughes');
    expect(await daniel.text()).toContain('Quality: Requires improvement');
  });
});
