import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { CaseloadPage, FrontSheetPage, SignInPage } from './pages/pages';
import { RecordWorkPage } from './pages/RecordWorkPage';

const password = 'hearth-demo-2026';
const visitStandard = 'Child in need visit at least every 15 working days';

/** Yesterday in London, YYYY-MM-DD: the demonstration is seeded from the real clock. */
function yesterdayInLondon(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() - 86_400_000));
}

describe.skipIf(!chromiumAvailable)('recording work in a browser', () => {
  const hearth = demoInBrowser();

  it('a social worker follows a Record link from My work, records a late visit, and sees it met', async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('sam.patel', password);
    const myWork = await CaseloadPage.arrive(page);
    // Jayden Patterson's child in need visit is weeks late (README, a tour of the demonstration).
    expect(await myWork.overdue()).toContainEqual(['Jayden Patterson', visitStandard]);

    const form = await RecordWorkPage.follow(page, 'Jayden Patterson', visitStandard);
    expect(await form.whatWasDone()).toBe('Child in need visit');
    expect(await form.meets()).toContain(`This meets the standard ${visitStandard}`);

    // Forgetting the time: the error summary says so, and nothing is saved.
    const yesterday = yesterdayInLondon();
    await form.when(yesterday, '');
    await form.save();
    await form.refused();
    expect(await form.errorSummary()).toContain('Enter the time it happened');
    expect(await page.evaluate('document.activeElement.classList.contains("govuk-error-summary")')).toBe(true);

    await form.when(yesterday, '10:30');
    await form.whatHappened('Seen at home with his mother; seen alone in his room');
    await form.lateBecause('Jayden was in hospital for two weeks');
    await form.save();

    const sheet = await FrontSheetPage.arrive(page, 'Jayden Patterson');
    const flash = await sheet.notification();
    expect(flash).toContain('Child in need visit on');
    expect(flash).toContain(`It met the standard "${visitStandard}" late`);
    expect(await page.locator('#recent').locator('xpath=following-sibling::ol[1]').innerText()).toContain('Seen at home with his mother');

    await page.getByRole('link', { name: 'My work' }).click();
    const after = await CaseloadPage.arrive(page);
    expect(await after.overdue()).not.toContainEqual(['Jayden Patterson', visitStandard]);
  });
});
