import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { SignInPage } from './pages/pages';
import { OccupationalTherapyListPage } from './pages/occupationalTherapyPages';
import { AssistListPage } from './pages/assistPages';

const password = 'hearth-demo-2026';

/**
 * Occupational Therapy and ASSIST in a browser, on the demonstration authority (issue 12;
 * practice-standards.txt, Section 1: Occupational Therapy 1-7, ASSIST 1-4), every page checked with axe:
 * Megan Holt's lists with Isabelle Nash's mother's query, Leo Whitmore's overdue prioritisation and Kai
 * Thompson's overdue letter, Leo
 * prioritised (after a refused first try), Ethan Roberts's page; Rachel Kim's lists and Freya Lin's
 * MARF taken to the Early Help Hub.
 */
describe.skipIf(!chromiumAvailable)('occupational therapy and ASSIST in a browser', () => {
  const hearth = demoInBrowser();

  it('the occupational therapist sees what is overdue, prioritises a referral and reads a child’s assessment', async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('megan.holt', password);
    const list = await OccupationalTherapyListPage.open(page);
    expect(await list.row('CSOT duty inbox', 'Isabelle Nash')).toMatch(/Claire Nash[\s\S]*Due/);
    expect(await list.row('New referrals awaiting prioritisation', 'Leo Whitmore')).toContain('Overdue');
    expect(await list.row('Waiting list', 'Kai Thompson')).toMatch(/Priority 1[\s\S]*Overdue/);
    expect(await list.row('Waiting list', 'Isabelle Nash')).toMatch(/Priority 2[\s\S]*Sent/);
    expect(await list.row('Allocated', 'Harriet Cole')).toMatch(/Megan Holt[\s\S]*Offer the initial assessment[\s\S]*Due/);

    const leo = await list.open('Leo Whitmore');
    expect(await leo.clock(/New Occupational Therapy referral prioritised within 5 working days/)).toContain('Overdue');
    await leo.press('Record the priority');
    await leo.refused();
    expect(await leo.errorSummary()).toContain('Select Priority 1 or Priority 2');
    await leo.today('prioritise');
    await page.getByRole('group', { name: 'Priority' }).getByLabel('Priority 2', { exact: true }).check();
    await page.getByLabel('Reasons for the priority').fill('Managing with a borrowed chair at school for now.');
    await leo.press('Record the priority');
    expect(await leo.saved()).toContain('send the waiting list letter within 5 working days');
    expect(await leo.text()).toMatch(/On the waiting list[\s\S]*Priority 2/);
    expect(await leo.clock(/New Occupational Therapy referral prioritised within 5 working days/)).toContain('Met late');

    const ethan = await (await OccupationalTherapyListPage.open(page)).open('Ethan Roberts');
    expect(await ethan.text()).toMatch(/Intervention agreed[\s\S]*consent to share information signed, taking photographs signed/);
    expect(await ethan.clock(/Person summary updated within 5 working days/)).toContain('Met');
  });

  it('the ASSIST practitioner sees the MARF awaiting the Hub and the programme information due, and records the Hub', async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('rachel.kim', password);
    const list = await AssistListPage.open(page);
    expect(await list.row('Awaiting the Early Help Hub', 'Freya Lin')).toMatch(/SENCo[\s\S]*Due/);
    expect(await list.row('Waiting list', 'Mohammed Iqbal')).toContain('Focused 1-1 family support');
    expect(await list.programme(/Cygnet/)).toMatch(/Ethan Roberts[\s\S]*Send by[\s\S]*Due[\s\S]*Mohammed Iqbal[\s\S]*Sent/);

    const freya = await list.open('Freya Lin');
    await freya.expand('Early Help Hub discussion');
    await freya.today('hub');
    await freya.press("Record the Hub's decision");
    await freya.refused();
    expect(await freya.errorSummary()).toContain("Select the Early Help Hub's decision");
    await page.getByRole('group', { name: "The Hub's decision" }).getByLabel('Allocate to ASSIST', { exact: true }).check();
    await page.getByLabel('What the Hub discussed and decided').fill('For ASSIST: strategies for transitions at school.');
    await freya.press("Record the Hub's decision");
    expect(await freya.saved()).toContain("Early Help Hub's discussion has been recorded");
    expect(await freya.text()).toContain('Awaiting allocation to ASSIST');
  });
});
