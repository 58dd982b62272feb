import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';
import { fillToday } from './occupationalTherapyPages';

/** ASSIST's lists: contacts, MARF referrals by stage, the waiting list, upcoming parent programmes. */
export class AssistListPage extends HearthPage {
  static async open(page: Page) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'ASSIST', exact: true }).click();
    const list = new AssistListPage(page);
    await list.arrived('ASSIST');
    return list;
  }

  async row(table: string, name: string): Promise<string> {
    return this.page.getByRole('table', { name: table }).getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) }).first().innerText();
  }

  async programme(caption: RegExp): Promise<string> {
    return this.page.getByRole('table', { name: caption }).innerText();
  }

  async open(name: string) {
    await this.page.getByRole('link', { name, exact: true }).first().click();
    const child = new AssistPage(this.page);
    await child.arrived('ASSIST');
    return child;
  }
}

/** A child's ASSIST page: the MARF referral and its steps, parent programmes, contacts. */
export class AssistPage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  async today(prefix: string) {
    await fillToday(this.page, prefix);
  }

  async expand(summary: string) {
    await this.page.locator('summary', { hasText: summary }).click();
  }

  async press(button: string) {
    await this.page.getByRole('button', { name: button, exact: true }).click();
  }

  async saved() {
    await this.arrived('ASSIST');
    return this.notification();
  }
}
