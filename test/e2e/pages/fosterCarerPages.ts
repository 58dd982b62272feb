import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';

/** The approved foster carers, their vacancies and what is due (`/foster-carers`). */
export class FosterCarersPage extends HearthPage {
  static async open(page: Page) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Foster carers', exact: true }).click();
    const carers = new FosterCarersPage(page);
    await carers.arrived('Foster carers');
    return carers;
  }

  /** Matching: carers whose terms take a child of this age, with a place free. */
  async findFor(age: string, vacanciesOnly = true) {
    await this.page.getByLabel("Child's age").fill(age);
    if (vacanciesOnly) await this.page.getByLabel('Only carers with a vacancy').check();
    await this.page.getByRole('button', { name: 'Find carers' }).click();
    await this.arrived('Foster carers');
  }

  async rowOf(name: string): Promise<string> {
    return this.page.getByRole('row', { name: new RegExp(name) }).innerText();
  }

  async carers(): Promise<string[]> {
    return this.page.locator('main table tbody td:first-child a').allInnerTexts();
  }

  async openCarer(name: string) {
    await this.page.getByRole('link', { name, exact: true }).click();
    const carer = new FosterCarerPage(this.page);
    await carer.arrived('Foster carer');
    return carer;
  }
}

/** An approved foster carer's record (`/people/:id/foster-carer`). */
export class FosterCarerPage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  async clock(title: string | RegExp): Promise<string> {
    return this.page.getByRole('row', { name: title }).innerText();
  }

  /** Records a supervision visit; an empty date or summary is left for the page to refuse. */
  async recordVisit(visit: { date?: string; time?: string; unannounced?: boolean; summary?: string }) {
    const form = this.page.locator('form[action$="/foster-carer/visit"]');
    if (visit.date) {
      const [year, month, day] = visit.date.split('-');
      await form.getByLabel('Day').fill(String(Number(day)));
      await form.getByLabel('Month').fill(String(Number(month)));
      await form.getByLabel('Year').fill(String(year));
    }
    if (visit.time) await form.getByLabel('Time').fill(visit.time);
    if (visit.unannounced !== undefined) await form.getByRole('radio', { name: visit.unannounced ? 'Yes, unannounced' : 'No, planned' }).check();
    if (visit.summary) await form.getByLabel('What was seen and discussed').fill(visit.summary);
    await form.getByRole('button', { name: 'Record the visit' }).click();
  }
}
