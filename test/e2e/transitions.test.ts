import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { SignInPage } from './pages/pages';
import { HospitalDutyPage, TransitionsPage } from './pages/transitionsPages';

const password = 'hearth-demo-2026';

/**
 * The Disabled Children's Team in a browser, on the demonstration authority (issue 12): the
 * transitions list with Amelia Hart's overdue notification, Noah Ashdown's overdue referral and Megan
 * Roberts in the 75-nights-away cohort, this month's tracking meeting recorded; a child's steps; and
 * the hospital duty list, a hand-over recorded late and a new referral for a child not on Hearth.
 * Every page is checked with axe on arrival (the page objects).
 */
describe.skipIf(!chromiumAvailable)('transitions and hospital duty in a browser', () => {
  const hearth = demoInBrowser();

  it("the team manager sees what is overdue and records this month's tracking meeting", async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('sophie.turner', password);
    const list = await TransitionsPage.open(page);
    expect(await list.row('Amelia Hart', 'tracking')).toMatch(/14 years 2 months[\s\S]*Not yet decided[\s\S]*Overdue/);
    expect(await list.row('Noah Ashdown', 'tracking')).toMatch(/Child and Family Assessment[\s\S]*Overdue/);
    expect(await list.row('Jade Fairclough', 'tracking')).toContain('Forum decided');
    expect(await list.row('Megan Roberts', 'cohort')).toContain('A jointly funded residential school');
    expect(await list.text()).toContain('No tracking meeting has been recorded for');

    await list.today('meeting');
    await list.press('Record the tracking meeting');
    await list.refused();
    expect(await list.errorSummary()).toContain('Select the children discussed at the meeting');
    await list.discuss('Amelia Hart', 'Notification overdue: Chloe to notify the Transitions Team today.');
    await list.discuss('Noah Ashdown', 'Referral for the Self-Directed Assessment overdue: to be made this week.');
    await list.press('Record the tracking meeting');
    expect(await list.saved()).toContain('each of the 2 children discussed');
    expect(await list.text()).toContain("This month's tracking meeting was held on");
  });

  it("the social worker records that Amelia is likely to need adult services, and notifies the Transitions Team late", async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('chloe.evans', password);
    const amelia = await (await TransitionsPage.open(page)).openChild('Amelia Hart');
    expect(await amelia.clock(/Transitions Team notified by the 14th birthday/)).toContain('Overdue');
    await amelia.today('likely');
    await page.getByLabel('Why (optional)', { exact: true }).fill('Epilepsy and a learning disability: she will need support as an adult.');
    await amelia.press('Record as likely');
    expect(await amelia.saved()).toContain('likely to need adult services');
    await amelia.today('notified');
    await amelia.press('Record the notification');
    expect(await amelia.saved()).toContain('notification to the Transitions Team has been recorded');
    expect(await amelia.clock(/Transitions Team notified by the 14th birthday/)).toContain('Met late');
  });

  it('the duty social worker sees the ward visits and hand-overs, records a late hand-over and a referral for a child not on Hearth', async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('chloe.evans', password);
    const duty = await HospitalDutyPage.open(page);
    expect(await duty.row('Ethan Roberts', 'admitted')).toMatch(/Today[\s\S]*Met/);
    expect(await duty.row('Amelia Hart', 'admitted')).toContain('Overdue');
    expect(await duty.row('Lucas Pryce', 'other-authorities')).toMatch(/Somerset[\s\S]*Met[\s\S]*Met/);
    expect(await duty.row('Maisie Tranter', 'other-authorities')).toMatch(/Wiltshire[\s\S]*Overdue/);

    const maisie = await duty.openReferral('Maisie Tranter', 'other-authorities');
    await maisie.today('handover');
    await maisie.press('Record the hand-over');
    await maisie.refused();
    expect(await maisie.errorSummary()).toContain('Enter who at the home authority confirmed they have taken case responsibility');
    await page.getByLabel('Confirmed by (name and team)').fill('Wiltshire Integrated Front Door, duty manager');
    await maisie.press('Record the hand-over');
    expect(await maisie.saved()).toContain('taken case responsibility');
    expect(await maisie.clock(/Home authority takes case responsibility within 24 hours/)).toContain('Met late');

    const form = await (await HospitalDutyPage.open(page)).recordNew();
    await form.search('Zebedee Quillfeather');
    expect(await form.text()).toContain('No child found');
    await form.save();
    await form.refused();
    expect(await form.errorSummary()).toContain("Enter the child's given names");
    await form.fillChild({ given: 'Zebedee', family: 'Quillfeather', born: '2015-02-28', sex: 'Male' });
    await form.fillReferral({ ward: 'Children’s Ward (Puffin Ward)', admitted: true, lives: 'Another local authority', otherName: 'Devon County Council', reason: 'On holiday in the area; admitted with a chest infection, parents asking for support.' });
    await form.save();
    const referral = await form.recorded();
    expect(await referral.text()).toContain('Devon County Council');
    expect(await referral.clock(/Child admitted to hospital visited on the ward the same day/)).toContain('Due');
  });
});
