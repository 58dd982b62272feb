import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';

/** Team capacity at a glance (issue 12; specialist-service-statement.txt 5.2-5.3, 7.1.3). */
export class TeamCapacityPage extends HearthPage {
  static async open(page: Page) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workforce', exact: true }).click();
    const capacity = new TeamCapacityPage(page);
    await capacity.arrived('Team capacity');
    return capacity;
  }

  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  /** A worker's row in a team's caseload table, as text. */
  async worker(name: string): Promise<string> {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) }).first().innerText();
  }

  /** The front door's figures and concerns. */
  async frontDoor(): Promise<string> {
    return (await this.page.locator('h2#front-door').locator('xpath=following-sibling::*[position() <= 6]').allInnerTexts()).join('\n');
  }

  async openWorker(name: string) {
    await this.page.getByRole('link', { name, exact: true }).first().click();
    const staff = new StaffCaseloadPage(this.page);
    await staff.arrived(name);
    return staff;
  }

  async openTransfer(childName: string) {
    await this.page.locator('#transfers ~ table').getByRole('link', { name: childName, exact: true }).click();
    const transfer = new TransferPage(this.page);
    await transfer.arrived('Transfer');
    return transfer;
  }
}

/** A worker's caseload with its weights, their profile history and the form for a new profile. */
export class StaffCaseloadPage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  async caseRow(childName: string): Promise<string> {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name: childName, exact: true }) }).first().innerText();
  }

  async recordProfile(p: { practitioner: string; fte: string; reason?: string }) {
    await this.page.getByRole('group', { name: 'Practitioner' }).getByLabel(p.practitioner, { exact: true }).check();
    await this.page.getByLabel('Hours as a full-time equivalent').fill(p.fte);
    if (p.reason !== undefined) await this.page.getByLabel('Why this replaces the current profile').fill(p.reason);
    await this.page.getByRole('button', { name: 'Record the profile' }).click();
  }
}

/** A child's transfers: the meeting, the review chaired by the receiving team's manager, the history. */
export class TransferPage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  /** Fills the review's date and time with a London date and time. */
  async recordReview(r: { date: string; time: string; attended: string; summary: string }) {
    const [year, month, day] = r.date.split('-');
    await this.page.locator('#reviewOn-day').fill(String(Number(day)));
    await this.page.locator('#reviewOn-month').fill(String(Number(month)));
    await this.page.locator('#reviewOn-year').fill(String(year));
    await this.page.locator('#reviewTime').fill(r.time);
    await this.page.getByLabel('Who attended').fill(r.attended);
    await this.page.getByLabel('Progress of the plan and next steps').fill(r.summary);
    await this.page.getByRole('button', { name: 'Record the transfer review' }).click();
  }
}
