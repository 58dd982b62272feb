import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { SignInPage } from './pages/pages';
import { AdoptionListPage } from './pages/adoptionPages';

const password = 'hearth-demo-2026';

/**
 * Adoption in a browser, on the demonstration authority (issue 11): the Family Placement Team's
 * list with Poppy Ellison's overdue first review after placement, the Fieldings' assessment signed
 * off and taken to panel, the agency decision maker's approval, and a support request allocated.
 */
describe.skipIf(!chromiumAvailable)('adoption in a browser', () => {
  const hearth = demoInBrowser();

  it('the team manager sees the overdue review, signs off an assessment, records the panel and allocates a support request', async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('owen.parry', password);
    const list = await AdoptionListPage.open(page);
    expect(await list.row('Poppy Ellison')).toMatch(/Placed for adoption[\s\S]*Sarah and James Whitfield[\s\S]*First review no more than 4 weeks after placement[\s\S]*Overdue/);
    expect(await list.row('Sarah and James Whitfield')).toContain('Approved as adopters');

    const fieldings = await list.open('Joanne and Mark Fielding');
    expect(await fieldings.text()).toContain('Being assessed');
    await fieldings.press('Sign off the assessment');
    await fieldings.refused();
    expect(await fieldings.errorSummary()).toContain('Enter the assessment’s conclusion and the approval it recommends');
    await fieldings.today('assessment');
    await page.getByLabel('Conclusion and the approval recommended').fill('Recommend approval for one child aged 0 to 5.');
    await fieldings.press('Sign off the assessment');
    expect(await fieldings.saved()).toContain('signed off');

    await fieldings.today('adopterPanel');
    await page.getByRole('group', { name: 'Recommendation on approval' }).getByLabel('Recommended', { exact: true }).check();
    await page.getByLabel("The panel's reasons").fill('Unanimous: open, reflective applicants with a strong network.');
    await fieldings.press("Record the panel's recommendation");
    expect(await fieldings.saved()).toContain("adoption panel's recommendation has been recorded");

    const again = await AdoptionListPage.open(page);
    const carter = await again.open('Helen Carter');
    await page.getByLabel('Request').selectOption({ index: 1 });
    await page.getByLabel('Worker', { exact: true }).selectOption({ label: 'Lucy Barnes' });
    await carter.press('Allocate');
    expect(await carter.saved()).toContain('allocated');
    expect(await carter.text()).toMatch(/Post-adoption support[\s\S]*Lucy Barnes/);
  });

  it('the agency decision maker approves the Fieldings on the panel’s recommendation, and cannot decide a child’s plan without the CPR', async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('gillian.ward', password);
    const fieldings = await (await AdoptionListPage.open(page)).open('Joanne and Mark Fielding');
    await fieldings.press("Record the ADM's decision");
    await fieldings.refused();
    expect(await fieldings.errorSummary()).toContain('Select the decision');
    await fieldings.today('adopterDecision');
    await page.getByRole('group', { name: 'Approval as adopters' }).getByLabel('Agreed', { exact: true }).check();
    await page.getByLabel('Reasons').fill('I agree with the panel.');
    await fieldings.press("Record the ADM's decision");
    await fieldings.saved();
    expect(await fieldings.text()).toContain('Approved as adopters');

    // Isla Green is under a placement order from her history: the ADM decides on the Child Permanence Report, which has not reached her.
    const isla = await (await AdoptionListPage.open(page)).open('Isla Green');
    expect(await isla.text()).toContain('Authorised to place: family finding');
    await isla.today('shouldBePlaced');
    await page.getByRole('group', { name: 'Decision that the child should be placed for adoption' }).getByLabel('Agreed', { exact: true }).check();
    await page.getByLabel('Reasons').fill('Agreed.');
    await isla.press("Record the ADM's decision");
    await isla.refused();
    expect(await isla.errorSummary()).toContain('record that the final CPR was sent to the ADM first');
  });

  it("the child's social worker sees the overdue review and is told what the adoption order needs", async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('daniel.hughes', password);
    const poppy = await (await AdoptionListPage.open(page)).open('Poppy Ellison');
    expect(await poppy.clock(/First review no more than 4 weeks after placement/)).toContain('Overdue');
    expect(await poppy.text()).toContain('Placement order');
    await poppy.today('order');
    await poppy.press('Record the adoption order');
    await poppy.refused();
    expect(await poppy.errorSummary()).toContain('Enter the court that made the adoption order');
  });
});
