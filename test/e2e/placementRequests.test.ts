import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate, addDays } from '../../src/domain/calendar/localDate';
import type { RequestContext } from '../../src/platform/audit/auditLog';
import { actorFrom } from '../../src/modules/staff/staffDirectory';
import { chromiumAvailable, launchChromium } from './support/browser';
import { startHearth, type RunningHearth } from './support/server';
import { SignInPage } from './pages/pages';
import { HearthPage } from './pages/HearthPage';

const password = 'hearth-demo-2026';

/** A child's placement requests, the Resource Service's queue, and a request's matching page: axe runs on arrival at each. */
class RequestsPage extends HearthPage {
  static async open(page: Page, url: string, personId: string) {
    await page.goto(`${url}/people/${personId}/placement-requests`);
    const requests = new RequestsPage(page);
    await requests.arrived('Placement requests');
    return requests;
  }
}
class QueuePage extends HearthPage {
  static async open(page: Page, url: string) {
    await page.goto(`${url}/placement-requests`);
    const queue = new QueuePage(page);
    await queue.arrived('Placement requests');
    return queue;
  }
}
class RotaPage extends HearthPage {}
class MatchingPage extends HearthPage {
  card(name: string) {
    return this.page.locator('.govuk-summary-card').filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }
  async decide(name: string, decision: 'Shortlist' | 'Reject', reason: string) {
    const card = this.card(name);
    await card.getByLabel(decision, { exact: true }).check();
    await card.getByLabel(/Reason for the decision/).fill(reason);
    await card.getByRole('button', { name: /Record the decision/ }).click();
  }
}

describe.skipIf(!chromiumAvailable)('placement requests and matching in a browser', () => {
  let hearth: RunningHearth;
  let browser: Browser;
  let tiaId = '';
  const tag = Math.random().toString(36).slice(2, 7);
  const near = `Hollybank Fostering ${tag}`;
  const ownCarers = `Wealdmoor carers ${tag}`;

  beforeAll(async () => {
    hearth = await startHearth();
    browser = await launchChromium();
    const s = hearth.services;
    const as = async (username: string): Promise<RequestContext> => ({ actor: actorFrom((await s.staff.memberByUsername(username))!, 'session'), ipAddress: '127.0.0.1', method: 'POST', path: '/test' });
    const noah = await as('noah.williams');
    const daniel = await as('daniel.hughes');
    if (!(await s.providers.centres()).has('WM5')) await s.providers.importCentres(noah, [{ outcode: 'WM5', latitude: 52.48, longitude: -1.95 }, { outcode: 'WM7', latitude: 52.5, longitude: -1.9 }]);
    const today = londonDate(new Date());
    const [year, month, day] = addDays(today, -30).split('-');
    const good = { 'inspectedOn-day': day!, 'inspectedOn-month': month!, 'inspectedOn-year': year!, rating: 'good' };
    for (const [name, type, postcode] of [[ownCarers, 'in_house_fostering', 'WM5 2BB'], [near, 'independent_fostering_agency', 'WM7 1AA']] as const) {
      const id = await s.providers.register(noah, { name, type, address: '2 Park Road, Kingsford', postcode, places: '4', vacancies: '2', ageFrom: '0', ageTo: '17', needsMet: ['emotional_behavioural'], contactName: 'Sue Park', contactRole: 'Registered Manager' });
      await s.providers.recordInspection(noah, id, good);
    }
    // Tia Jones, 9 and in foster care: her assessment and PEP are on the record for the Resource Service (3.1).
    const found = await s.people.search(daniel, { q: 'Tia Jones', dateOfBirth: null, kind: null, page: 1, pageSize: 5 });
    tiaId = found.records[0]!.id;
    for (const [kind, filename] of [['assessment', 'assessment.txt'], ['pep', 'pep.txt']]) {
      await s.childDocuments.attach(daniel, tiaId, { filename: filename!, content: Buffer.from('Uploaded for the Resource Service'), truncated: false }, { kind: kind!, description: kind });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await hearth?.close();
  });

  const signedIn = async (username: string) => {
    const page = await (await browser.newContext()).newPage();
    await (await SignInPage.open(page, hearth.url)).signIn(username, password);
    return page;
  };

  it('the social worker makes the request, the manager authorises it, and the placements officer matches it, in-house first', async () => {
    let page = await signedIn('daniel.hughes');
    const requests = await RequestsPage.open(page, hearth.url, tiaId);
    await page.getByRole('button', { name: 'Make the request' }).click();
    await requests.refused();
    expect(await requests.errorSummary()).toContain('Enter why accommodation is needed');
    await page.getByLabel('Decision to Seek Accommodation (under 18)').check();
    await page.getByLabel('Why accommodation is needed').fill('The Coles have given notice: Mike has a new job abroad.');
    await page.getByLabel('Outline plan agreed with your manager').fill('Long-term foster carers near Kingsford, with Riley.');
    await page.getByLabel('Independent fostering agency').check();
    await page.getByLabel("The authority's own fostering service").check();
    await requests.fillDate(addDays(londonDate(new Date()), 14));
    await page.getByLabel('Family and friends options explored').fill('Grandparents assessed: not able to care for two children.');
    await page.getByLabel('Emotional and behavioural needs').check();
    await page.getByLabel('School or college', { exact: true }).fill('Kingsford Primary School');
    await page.getByLabel('School postcode').fill('WM5 2AB');
    expect(await page.getByLabel('Home postcode').inputValue()).not.toBe('');
    for (const name of ['complexNeeds', 'riskOfDisruption', 'hasEhcp']) await page.locator(`input[name="${name}"][value="no"]`).check();
    await page.getByRole('button', { name: 'Make the request' }).click();
    await requests.arrived('Placement requests');
    expect(await requests.notification()).toContain('The placement request has been made');
    await page.close();

    page = await signedIn('aisha.rahman');
    await RequestsPage.open(page, hearth.url, tiaId);
    await page.getByRole('button', { name: 'Authorise the request' }).click();
    const authorised = new RequestsPage(page);
    await authorised.arrived('Placement requests');
    expect(await authorised.notification()).toContain('in the Resource Service’s queue');
    await page.close();

    // The duty rota: Noah puts himself on duty for the first working day shown (today, on a working day).
    page = await signedIn('noah.williams');
    await page.goto(`${hearth.url}/placement-requests/rota`);
    const rota = new RotaPage(page);
    await rota.arrived('Resource Service duty rota');
    const firstDay = await page.getByLabel('Day', { exact: true }).locator('option').nth(1).getAttribute('value');
    await page.getByLabel('Day', { exact: true }).selectOption(firstDay!);
    await page.getByLabel('Placements officer on duty').selectOption({ label: 'Noah Williams' });
    await page.getByRole('button', { name: 'Set the duty' }).click();
    await rota.arrived('Resource Service duty rota');
    expect(await rota.notification()).toContain('Noah Williams is on duty on');
    const onDutyToday = firstDay === londonDate(new Date());
    const queue = await QueuePage.open(page, hearth.url);
    if (onDutyToday) expect(await page.locator('main').innerText()).toContain('On duty today: Noah Williams');
    expect(await page.getByRole('row', { name: /Tia Jones/ }).innerText()).toContain('In the queue: not yet allocated');
    await page.getByRole('link', { name: 'Tia Jones' }).click();
    const matching = new MatchingPage(page);
    await matching.arrived('Matching');
    await page.getByRole('button', { name: 'Allocate the request' }).click();
    await matching.arrived('Matching');
    expect(await queue.notification()).toContain('allocated');

    // Filter the candidates: within 20 miles of home, below Good included.
    await page.getByLabel('Include providers rated below Good').check();
    await page.getByLabel('Within this many miles of home (optional)').fill('20');
    await page.getByRole('button', { name: 'Filter the providers' }).click();
    await matching.arrived('Matching');
    expect(page.url()).toContain('maxMiles=20');
    await expect(matching.card(near).innerText()).resolves.toContain('Passes: Within 20 miles of home');

    // In-house first: the agency cannot be shortlisted until every in-house option is considered.
    await matching.decide(near, 'Shortlist', 'Near school; carers experienced with sibling contact');
    await matching.refused();
    expect(await matching.errorSummary()).toContain('In-house options are considered first');
    for (let i = 0; i < 10; i++) {
      const waiting = page.locator('.govuk-summary-card').filter({ has: page.locator('.govuk-tag', { hasText: 'In-house' }) }).filter({ hasNot: page.locator('.govuk-tag', { hasText: /Rejected|Shortlisted/ }) });
      if ((await waiting.count()) === 0) break;
      const name = (await waiting.first().locator('h3').innerText()).trim();
      await matching.decide(name, 'Reject', 'No in-house carers free for a girl of 9 near Kingsford');
      await matching.arrived('Matching');
    }
    expect(await matching.card(ownCarers).innerText()).toContain('Rejected');
    await matching.decide(near, 'Shortlist', 'Near school; carers experienced with sibling contact');
    await matching.arrived('Matching');
    expect(await matching.notification()).toContain('shortlisted');

    await page.getByLabel('Shortlisted provider').selectOption({ label: near });
    await page.getByLabel('Why this placement meets the child’s needs').fill('Two miles from school; room for Riley to visit.');
    await page.getByRole('button', { name: 'Match the request' }).click();
    await matching.arrived('Matching');
    expect(await matching.notification()).toContain('The request is matched');
    expect(await page.locator('main').innerText()).toContain(`Matched with ${near}`);
  });
});
