import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';
import { londonToday } from './adoptionPages';

/** Fills one form's date boxes and time (`prefix`On-day…, `prefix`Time) with today and a time earlier today. */
async function today(page: Page, prefix: string) {
  const { date, time } = londonToday();
  const [year, month, day] = date.split('-');
  await page.locator(`#${prefix}On-day`).fill(String(Number(day)));
  await page.locator(`#${prefix}On-month`).fill(String(Number(month)));
  await page.locator(`#${prefix}On-year`).fill(String(year));
  await page.locator(`#${prefix}Time`).fill(time);
}

/** A page of the Disabled Children's Team's services, with forms that save back to it. */
abstract class DctPage extends HearthPage {
  abstract readonly heading: string | RegExp;

  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  /** The row of a table that links to someone, as text. */
  async row(name: string, table?: string): Promise<string> {
    const scope = table ? this.page.locator(`#${table}`) : this.page.locator('main');
    return scope.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) }).first().innerText();
  }

  async today(prefix: string) {
    await today(this.page, prefix);
  }

  async press(button: string) {
    await this.page.getByRole('button', { name: button, exact: true }).click();
  }

  /** After a save: back on the page, checked again, with the message. */
  async saved(): Promise<string> {
    await this.page.locator('.govuk-notification-banner').waitFor();
    await this.arrived(this.heading);
    return this.notification();
  }
}

/** The transitions list: children 13 and a half or over, the tracking meeting, the cohort, annual assessments (Children with Disabilities 5, 16, 20-26). */
export class TransitionsPage extends DctPage {
  readonly heading = 'Transitions';

  static async open(page: Page) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Transitions', exact: true }).click();
    const list = new TransitionsPage(page);
    await list.arrived('Transitions');
    return list;
  }

  /** Ticks a child as discussed at the meeting and writes what was shared about them. */
  async discuss(name: string, note: string) {
    await this.page.getByRole('checkbox', { name: new RegExp(`^${name} \\(`) }).check();
    await this.page.getByLabel(`What was shared about ${name}`).fill(note);
  }

  async openChild(name: string) {
    await this.page.locator('#tracking').getByRole('link', { name, exact: true }).click();
    const child = new ChildTransitionsPage(this.page);
    await child.arrived('Transitions');
    return child;
  }
}

/** A child's Transitions page: the steps to adult services, their clocks and forms. */
export class ChildTransitionsPage extends DctPage {
  readonly heading = 'Transitions';

  /** The state shown for a standard in the timescales table. */
  async clock(title: RegExp): Promise<string> {
    return this.page.getByRole('row', { name: title }).innerText();
  }
}

/** The hospital duty list: admissions and ward visits, other authorities' children, this authority's (7.3.3). */
export class HospitalDutyPage extends DctPage {
  readonly heading = 'Hospital duty';

  static async open(page: Page) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hospital duty', exact: true }).click();
    const list = new HospitalDutyPage(page);
    await list.arrived('Hospital duty');
    return list;
  }

  async openReferral(name: string, table: string) {
    await this.page.locator(`#${table}`).getByRole('link', { name, exact: true }).first().click();
    const referral = new HospitalReferralPage(this.page);
    await referral.arrived('Hospital referral');
    return referral;
  }

  async recordNew() {
    await this.page.getByRole('button', { name: 'Record a hospital referral' }).click();
    const form = new NewHospitalReferralPage(this.page);
    await form.arrived('Record a hospital referral');
    return form;
  }
}

/** Recording a referral from the hospital: the child found or added, and what the hospital said. */
export class NewHospitalReferralPage extends DctPage {
  readonly heading = 'Record a hospital referral';

  async search(q: string) {
    await this.page.getByLabel('Find the child').fill(q);
    await this.press('Search');
    await this.arrived(this.heading);
  }

  async fillChild(c: { given: string; family: string; born: string; sex: string }) {
    await this.page.getByLabel('Given names').fill(c.given);
    await this.page.getByLabel('Family name').fill(c.family);
    const [year, month, day] = c.born.split('-');
    await this.page.locator('#dateOfBirth-day').fill(String(Number(day)));
    await this.page.locator('#dateOfBirth-month').fill(String(Number(month)));
    await this.page.locator('#dateOfBirth-year').fill(String(year));
    await this.page.getByRole('group', { name: 'Sex' }).getByLabel(c.sex, { exact: true }).check();
  }

  async fillReferral(r: { ward: string; admitted: boolean; lives: string; otherName?: string; reason: string }) {
    await this.today('received');
    await this.page.getByLabel('Ward or department').fill(r.ward);
    await this.page.getByRole('group', { name: 'Has the child been admitted?' }).getByLabel(r.admitted ? 'Yes' : 'No', { exact: true }).check();
    await this.page.getByRole('group', { name: 'Where does the child live?' }).getByLabel(r.lives).check();
    if (r.otherName) await this.page.getByLabel("The other authority's name (if another)").fill(r.otherName);
    await this.page.getByLabel('Why the hospital referred').fill(r.reason);
  }

  async save() {
    await this.press('Record the referral');
  }

  /** After saving: the new referral's page. */
  async recorded() {
    const referral = new HospitalReferralPage(this.page);
    await referral.saved();
    return referral;
  }
}

/** One hospital referral: what the hospital said, its clocks, and the next steps' forms. */
export class HospitalReferralPage extends DctPage {
  readonly heading = 'Hospital referral';

  async clock(title: RegExp): Promise<string> {
    return this.page.getByRole('row', { name: title }).innerText();
  }
}
