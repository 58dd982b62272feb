import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';
import { londonToday } from './adoptionPages';

/** Fills one form's date and time boxes (`prefix`On-day…, `prefix`Time) with today. */
export async function fillToday(page: Page, prefix: string) {
  const { date, time } = londonToday();
  const [year, month, day] = date.split('-');
  await page.locator(`#${prefix}On-day`).fill(String(Number(day)));
  await page.locator(`#${prefix}On-month`).fill(String(Number(month)));
  await page.locator(`#${prefix}On-year`).fill(String(year));
  await page.locator(`#${prefix}Time`).fill(time);
}

/** The Occupational Therapy lists: the duty inbox, new referrals, the waiting list, allocated cases. */
export class OccupationalTherapyListPage extends HearthPage {
  static async open(page: Page) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Occupational therapy', exact: true }).click();
    const list = new OccupationalTherapyListPage(page);
    await list.arrived('Occupational Therapy');
    return list;
  }

  /** The row of the table under a heading ("Waiting list") whose link is the child's name, as text. */
  async row(table: string, name: string): Promise<string> {
    return this.page.getByRole('table', { name: table }).getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) }).first().innerText();
  }

  async open(name: string) {
    await this.page.getByRole('link', { name, exact: true }).first().click();
    const child = new OccupationalTherapyPage(this.page);
    await child.arrived('Occupational Therapy');
    return child;
  }
}

/** A child's Occupational Therapy page: the referral, its timescales, a form for each step, the duty inbox queries. */
export class OccupationalTherapyPage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  /** The state shown for a standard in the timescales table. */
  async clock(title: RegExp): Promise<string> {
    return this.page.getByRole('row', { name: title }).innerText();
  }

  async today(prefix: string) {
    await fillToday(this.page, prefix);
  }

  async press(button: string) {
    await this.page.getByRole('button', { name: button, exact: true }).click();
  }

  async expand(summary: string) {
    await this.page.locator('summary', { hasText: summary }).click();
  }

  /** After a save: back on the page, checked again. */
  async saved() {
    await this.arrived('Occupational Therapy');
    return this.notification();
  }
}
