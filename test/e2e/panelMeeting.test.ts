import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { londonDate } from '../../src/domain/calendar/localDate';
import { lastPanelDate } from '../../src/domain/panel/panelDates';
import { cliContext } from '../../src/cli/cliContext';
import { demoPanelMeetings } from '../../src/modules/demo/demoPanelMeetings';
import { actorFrom } from '../../src/modules/staff/staffDirectory';
import { fixedClock } from '../../src/platform/clock';
import { services } from '../../src/services';
import { pdfText } from '../support/pdfText';
import { chromiumAvailable, launchChromium } from './support/browser';
import { startHearth, type RunningHearth } from './support/server';
import { SignInPage } from './pages/pages';
import { HearthPage } from './pages/HearthPage';

const password = 'hearth-demo-2026';

/** A page of the Resource and Care Panel: axe runs on arrival. */
class PanelPage extends HearthPage {
  static async open(page: Page, url: string, heading: string | RegExp) {
    await page.goto(url);
    const opened = new PanelPage(page);
    await opened.arrived(heading);
    return opened;
  }
}

/**
 * The chair's meeting page in a browser (issue 8): Andrew Fletcher opens last Thursday's meeting on
 * the demonstration authority, reads the agenda and the action log, refuses himself a decision
 * without a rationale, records one, and downloads its decision sheet (Appendix A Part B).
 */
describe.skipIf(!chromiumAvailable)('the Resource and Care Panel in a browser', () => {
  let hearth: RunningHearth;
  let browser: Browser;
  let meetingId = '';
  let childName = '';

  beforeAll(async () => {
    hearth = await startHearth();
    browser = await launchChromium();
    // The panel's demonstration scenes (a no-op if the demonstration seed already ran them).
    const now = hearth.services.clock.now();
    const today = londonDate(now);
    const clock = fixedClock(now);
    const s = services(hearth.services.db, clock);
    const as = (username: string) => {
      const member = staffByName.get(username)!;
      return { actor: actorFrom(member, 'session'), ipAddress: '127.0.0.1', method: 'DEMO', path: '/demo' };
    };
    const staffByName = new Map((await s.staff.allMembers()).map((m) => [m.username, m]));
    const childrenOf = async (surname: string) => (await s.people.search(as('helen.okafor'), { q: surname, dateOfBirth: null, kind: 'child', page: 1, pageSize: 5 })).records.map((r) => r.id);
    const children = new Map<string, string[]>();
    for (const surname of ['Campbell', 'Tesfaye', 'Doherty', 'Green', 'Whitfield']) children.set(surname, await childrenOf(surname));
    const at = (daysAgo: number, hour = 10) => new Date(Date.parse(`${today}T00:00:00Z`) - daysAgo * 86_400_000 + hour * 3_600_000);
    await demoPanelMeetings(s, as, children, (d) => clock.set(d), at);
    clock.set(now);
    const last = lastPanelDate(today);
    meetingId = (await s.panel.meetings.meetings({ from: last, to: last }))[0]!.meetingId;
    // A referral sent late for last Thursday, still to be decided.
    const [whitfield] = children.get('Whitfield')!;
    const referralId = randomUUID();
    const data = { referralId, panelDate: last, criterion: 'support_package', ask: 'Nursery place and family support worker', weeklyPence: 12_000, totalPence: 144_000, periodWeeks: 12 };
    await s.people.importEvents(cliContext(), [
      { personId: whitfield!, type: 'panel.referral_made', occurredAt: new Date(now.getTime() - 60_000), data },
      { personId: whitfield!, type: 'panel.referral_submitted', occurredAt: now, data },
    ]);
    const record = (await s.people.find(whitfield!))!;
    childName = `${String(record.details.givenNames)} ${String(record.details.familyName)}`;
  });
  afterAll(async () => {
    await browser?.close();
    await hearth?.close();
  });

  it("shows the chair the meeting's agenda and records a decision, with its decision sheet", async () => {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('andrew.fletcher', password);
    const schedule = await PanelPage.open(page, `${hearth.url}/panel`, 'Resource and Care Panel');
    expect(await page.locator('main').innerText()).toContain('funding for the resource being ended');
    void schedule;

    const meeting = await PanelPage.open(page, `${hearth.url}/panel/meetings/${meetingId}`, /Meeting on/);
    const agenda = await page.getByTestId('agenda').innerText();
    expect(agenda).toContain('Campbell');
    expect(agenda).toContain('Late');
    expect(await page.getByTestId('action-log').innerText()).toContain('Approve 1:1 after-school support for 26 weeks');

    await page.locator('#itemKey').selectOption({ label: `${childName} (Late)` });
    await page.getByRole('radio', { name: 'Resource approved', exact: true }).check();
    await page.locator('#decision1').fill('Approve a nursery place and a family support worker for 12 weeks');
    await page.locator('#resource').fill('Nursery place and family support worker');
    await page.locator('#budget').selectOption({ label: 'Section 17 (children in need)' });
    await page.locator('#weekly').fill('120');
    await page.locator('#total').fill('1440');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await meeting.refused();
    expect(await meeting.errorSummary()).toContain('Enter the rationale for the recommendations and decisions made');

    await page.locator('#rationale').fill('Keeps the children at home with support, the least intrusive option (1.2).');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await meeting.arrived(/Meeting on/);
    expect(await meeting.notification()).toContain('The decision has been recorded on the child’s record and in the action log.');
    expect(await page.getByTestId('action-log').innerText()).toContain('Approve a nursery place and a family support worker for 12 weeks');

    const sheetLink = page.getByRole('link', { name: `Decision sheet for ${childName}` });
    await sheetLink.click();
    await new PanelPage(page).arrived('Resource and Care Panel Decisions');
    expect(await page.locator('main').innerText()).toContain('Keeps the children at home with support');
    const pdf = await page.request.get(`${page.url().replace(/\/print$/, '/pdf')}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdfText(await pdf.body())).toContain('Approve a nursery place and a family support worker for 12 weeks');
  });

  it('shows the finance officer the finance log, signed off by the chair', async () => {
    const page = await (await browser.newContext()).newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('karen.doyle', password);
    await PanelPage.open(page, `${hearth.url}/panel/finance`, 'Finance log');
    const text = await page.locator('main').innerText();
    expect(text).toContain('1:1 after-school support (agency)');
    expect(text).toContain('Signed off by Andrew Fletcher');
  });
});
