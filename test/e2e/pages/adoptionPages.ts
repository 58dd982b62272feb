import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';

/** Today in London and a time earlier today (09:00, or 00:00 just after midnight). */
export function londonToday() {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  return { date, time: hour >= 10 ? '09:00' : '00:00' };
}

/** The Family Placement Team's adoption list: children with an adoption plan, prospective adopters, open requests. */
export class AdoptionListPage extends HearthPage {
  static async open(page: Page) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Adoption', exact: true }).click();
    const list = new AdoptionListPage(page);
    await list.arrived('Adoption');
    return list;
  }

  /** The row of a table whose link is someone's name, as text. */
  async row(name: string): Promise<string> {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) }).first().innerText();
  }

  async open(name: string) {
    await this.page.getByRole('link', { name, exact: true }).first().click();
    const person = new AdoptionPage(this.page);
    await person.arrived('Adoption');
    return person;
  }
}

/** A person's Adoption page: a child's journey, prospective adopters, support and section 51 requests. */
export class AdoptionPage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  /** The state shown for a standard in the timescales table. */
  async clock(title: RegExp): Promise<string> {
    return this.page.getByRole('row', { name: title }).innerText();
  }

  /** Fills the date and time boxes of one form (`prefix`On-day…, `prefix`Time) with today. */
  async today(prefix: string) {
    const { date, time } = londonToday();
    const [year, month, day] = date.split('-');
    await this.page.locator(`#${prefix}On-day`).fill(String(Number(day)));
    await this.page.locator(`#${prefix}On-month`).fill(String(Number(month)));
    await this.page.locator(`#${prefix}On-year`).fill(String(year));
    await this.page.locator(`#${prefix}Time`).fill(time);
  }

  async press(button: string) {
    await this.page.getByRole('button', { name: button, exact: true }).click();
  }

  /** After a save: back on the page, checked again. */
  async saved() {
    await this.arrived('Adoption');
    return this.notification();
  }

  async open(summary: string) {
    await this.page.locator('summary', { hasText: summary }).click();
  }
}
