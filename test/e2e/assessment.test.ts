import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { CaseloadPage, FrontSheetPage, SignInPage } from './pages/pages';
import { AssessmentDocumentPage, AssessmentPage } from './pages/assessmentPages';

const password = 'hearth-demo-2026';

describe.skipIf(!chromiumAvailable)('a Child and Family Assessment in a browser', () => {
  const hearth = demoInBrowser();

  it('a social worker writes and sends the assessment, and the assistant team manager signs it off', async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('sam.patel', password);
    await CaseloadPage.arrive(page);
    // Simran Kaur's unborn baby: a pre-birth assessment, allocated 15 days ago.
    await page.getByRole('link', { name: 'Baby Kaur', exact: true }).first().click();
    await FrontSheetPage.arrive(page, 'Baby Kaur');
    await page.getByRole('button', { name: 'Child and Family Assessment' }).click();
    const overview = await AssessmentPage.arrive(page);
    expect(await overview.text()).toContain('Case reviewed within 48 hours of allocation');

    const document = await overview.write();
    // Sent with nothing written: what it needs is listed, and nothing is lost.
    await document.send();
    await document.refused();
    expect(await document.errorSummary()).toContain('Write at least one danger statement');

    await document.signsOfSafety(
      'Social workers are worried that the baby will be born with nowhere safe to live, and that Simran, who is 19 and grew up in care, will have no one to help her care for a newborn.',
      'The baby will go home from hospital to a safe, settled home, with adults Simran trusts around her.',
    );
    await document.addScore('Simran (mother)', '6', 'A mother and baby place has been offered.');
    const withScore = new AssessmentDocumentPage(page);
    await withScore.arrived('Write the Child and Family Assessment');
    expect(await page.locator('svg.hearth-scaling-chart').count()).toBe(1);
    // What was typed before adding the score is still there.
    expect(await page.getByLabel('Danger statements').inputValue()).toContain('nowhere safe to live');
    await withScore.views('Unborn: Simran speaks for the baby: "I want them to have what I never had."', 'Housing and support are the risks; Simran is engaged and wants help.');
    await withScore.sharedWithFamily('Simran agrees and asked for a midwife visit at the placement.');
    await withScore.recommend('Child in need plan');
    await withScore.send();
    const sent = await AssessmentPage.arrive(page);
    expect(await sent.notification()).toContain('The assessment has been sent for sign-off');
    await sent.signOut();

    await (await SignInPage.open(page, hearth.url)).signIn('tom.reilly', password);
    await CaseloadPage.arrive(page);
    await page.locator('#sign-offs').getByRole('link', { name: /Baby Kaur/ }).click();
    const toSign = await AssessmentPage.arrive(page);
    expect(await toSign.text()).toContain('nowhere safe to live');
    // The primary need the Duty Manager chose at the front door is chosen already, for the manager to confirm or change (issue 10).
    expect(await toSign.primaryNeedChosen()).toBe('Family in acute stress');
    // Signed off without the factors the CIN census needs: refused, with what to add.
    const notYet = await toSign.signOff('Child in need plan', 'Agreed. Review the plan in six weeks.');
    await notYet.refused();
    expect(await notYet.errorSummary()).not.toContain("Select the child's primary need");
    expect(await notYet.errorSummary()).toContain('Select the factors identified, or No factors identified');
    // "No factors identified" stands alone: choosing a factor unchecks it, and the other way round.
    await notYet.factor('No factors identified').check();
    await notYet.factor('Mental health: the parent or carer').check();
    expect(await notYet.factor('No factors identified').isChecked()).toBe(false);
    const signed = await notYet.signOff('Child in need plan', 'Agreed. Review the plan in six weeks.', {
      primaryNeed: 'Family in acute stress',
      factors: ['Another factor, not listed here'],
    });
    expect(await signed.notification()).toContain('The assessment has been signed off');
    const recorded = await signed.text();
    expect(recorded).toContain('Signed off');
    expect(recorded).toMatch(/Primary need\s+Family in acute stress/);
    expect(recorded).toMatch(/Factors identified\s+Mental health: the parent or carer\s+Another factor, not listed here/);
  });

  it("the service manager refuses an extension without reasons, is told what to add, then agrees it", async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('marcus.bell', password);
    await CaseloadPage.arrive(page);
    await page.locator('#extensions').getByRole('link', { name: /Ahmed/ }).click();
    const overview = await AssessmentPage.arrive(page);
    expect(await overview.text()).toContain('the interpreter could only come next week');
    await overview.decideExtension('Refuse');
    await overview.refused();
    expect(await overview.errorSummary()).toContain('Enter why the extension is refused');
    await overview.decideExtension('Agree');
    const agreed = await AssessmentPage.arrive(page);
    expect(await agreed.notification()).toContain('The extension has been agreed');
    expect(await agreed.text()).toContain('Agreed');
  });
});
