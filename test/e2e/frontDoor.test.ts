import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { CaseloadPage, SignInPage } from './pages/pages';
import { ContactPage, FrontDoorPage } from './pages/frontDoorPages';
import { HearthPage } from './pages/HearthPage';

const password = 'hearth-demo-2026';

/** Today in London, YYYY-MM-DD, and a time an hour ago (or 00:00 just after midnight). */
function londonNow() {
  const parts = (at: Date) => Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at).map((p) => [p.type, p.value]));
  const now = parts(new Date());
  const earlier = parts(new Date(Date.now() - 3_600_000));
  const sameDay = earlier.day === now.day;
  return { date: `${now.year}-${now.month}-${now.day}`, time: sameDay ? `${earlier.hour}:${earlier.minute}` : '00:00' };
}

describe.skipIf(!chromiumAvailable)('the front door in a browser', () => {
  const hearth = demoInBrowser();

  it('a Duty Manager records a contact from a draft, starts and answers a MASH enquiry, and decides threshold', async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('priya.shah', password);
    await CaseloadPage.arrive(page);
    const queue = await FrontDoorPage.open(page);
    // The demonstration's contacts wait at the front door, some past their 24 hours.
    expect((await queue.awaiting()).some((row) => row.includes('Overdue'))).toBe(true);

    const draft = await queue.recordAContact();
    // Nothing filled in: what a contact needs is listed, and the draft is kept.
    await draft.submit();
    await draft.refused();
    const summary = await draft.errorSummary();
    for (const message of ['Enter date the contact was received', 'Select how the contact came in', 'Enter the concerns the contact raises', 'Add the child or children the contact is about']) {
      expect(summary).toContain(message);
    }

    const { date, time } = londonNow();
    await draft.received(date, time);
    await draft.cameIn('Multi-agency referral form (MARF) from a professional');
    await draft.from('Paul Grainger', 'Riverside Primary School', 'Designated safeguarding lead');
    await draft.concerns('Mia said she was left alone overnight while her mother was out.');
    await draft.add('Mia Taylor', 'Mia Taylor');
    await draft.add('Jade Taylor', 'Jade Taylor');
    // What was typed survived the searches: the draft was saved each time.
    expect(await page.getByLabel('Their name').inputValue()).toBe('Paul Grainger');
    const [mother] = await draft.adultIds();
    await draft.adult(mother as string, 'Mother', true, 'given');
    await draft.submit();

    const contact = await ContactPage.arrive(page);
    expect(await contact.notification()).toContain('The contact has been recorded');
    await expect(page.getByRole('heading', { level: 3, name: /Mia Taylor/ }).innerText()).resolves.toContain('Mia Taylor');

    const withEnquiry = await contact.startEnquiry('Police', 'Red');
    expect((await withEnquiry.enquiries()).join('\n')).toContain('Police');
    const replied = await withEnquiry.reply('Police', 'One call-out to the address last year; no arrests.');
    expect((await replied.enquiries()).join('\n')).toContain('One call-out to the address last year');

    // An assessment needs the receiving team and the child's primary need as it looks now (issue 10): refused without them, then recorded.
    await replied.decide('Child and Family Assessment', 'A child of 9 left alone overnight: assess the care at home.');
    await replied.refused();
    expect(await replied.errorSummary()).toContain('Select the team whose assistant team manager will allocate the assessment');
    expect(await replied.errorSummary()).toContain("Select the child's primary need, as it looks now");
    await replied.decide('Child and Family Assessment', 'A child of 9 left alone overnight: assess the care at home.', 'Contact, Referral and Assessment Service', 'Abuse or neglect');
    const decided = await ContactPage.arrive(page);
    expect(await decided.notification()).toContain('The threshold decision has been recorded: Child and Family Assessment');
    await expect(page.getByText('Decided: Child and Family Assessment').innerText()).resolves.toContain('Decided');

    // The Khans' father refused consent when the police called it in; asked again, he gives it.
    await FrontDoorPage.open(page);
    await page.locator('tr', { hasText: 'Ayaan Khan' }).getByRole('link', { name: /Triage/ }).click();
    await ContactPage.arrive(page);
    await page.getByRole('group', { name: /Consent from Imran Khan now/ }).getByLabel('Given').check();
    await page.getByRole('button', { name: 'Record consent' }).click();
    const consented = await ContactPage.arrive(page);
    expect(await consented.notification()).toContain('The consent has been recorded');
  });

  it('a social worker whose case has a new contact sees it on My work and opens it', async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('sam.patel', password);
    await CaseloadPage.arrive(page);
    const alerts = page.locator('#contact-alerts');
    expect(await alerts.innerText()).toContain('Jayden Patterson: contact received');
    await alerts.getByRole('link').first().click();
    const contact = await ContactPage.arrive(page);
    expect(await page.locator('main').innerText()).toContain('Held by Sam Patel');
    await contact.checkAccessibility();
  });

  it("a Duty Manager reviews an Early Help Hub decision that is past its 48 hours", async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('priya.shah', password);
    await CaseloadPage.arrive(page);
    await FrontDoorPage.open(page);
    await page.getByRole('link', { name: 'Early Help Hub decisions to review' }).click();
    const list = new HubReviewPage(page);
    await list.arrived('Early Help Hub decisions to review');
    expect(await page.locator('main').innerText()).toContain('Overdue');
    await page.getByRole('link', { name: /Walsh/ }).first().click();
    const review = new HubReviewPage(page);
    await review.arrived('Review an Early Help Hub decision');
    await page.getByRole('button', { name: 'Record the review' }).click();
    await review.refused();
    expect(await review.errorSummary()).toContain('Select the action you recommend');
    await page.getByRole('radio', { name: 'A Child and Family Assessment' }).check();
    await page.getByLabel('Your decision and the action required (your management oversight)').fill('Six weeks without engagement and attendance falling: step up to a Child and Family Assessment.');
    await page.getByRole('button', { name: 'Record the review' }).click();
    await list.arrived('Early Help Hub decisions to review');
    expect(await list.notification()).toContain('Your review and recommended action have been recorded');
  });
});

/** The Duty Manager's list of the Early Help Hub's requests and the review of one (arrival runs axe). */
class HubReviewPage extends HearthPage {}
