import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';

/** The Record work form: what was done, when, a note, why it was late, and the event type's own questions. */
export class RecordWorkPage extends HearthPage {
  /**
   * From My work (or any list of standards): the Record link of one child's standard, found by
   * the name a screen reader hears ("Record: <standard>, for <child>").
   */
  static async follow(page: Page, child: string, standard: string) {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await page.getByRole('link', { name: new RegExp(`^Record\\s*:\\s*${escape(standard)}, for ${escape(child)}$`) }).first().click();
    const form = new RecordWorkPage(page);
    await form.arrived('Record work');
    return form;
  }

  /** The work chosen in "What was done". */
  async whatWasDone(): Promise<string> {
    return (await this.page.locator('#type option:checked').innerText()).trim();
  }

  /** The standard the page says this meets. */
  async meets(): Promise<string> {
    return (await this.page.locator('.govuk-inset-text').innerText()).trim();
  }

  /** When it happened: a London date (YYYY-MM-DD) and a time on the 24-hour clock. */
  async when(date: string, time: string) {
    await this.fillDate(date);
    await this.page.getByLabel('Time it happened').fill(time);
  }

  async whatHappened(text: string) {
    await this.page.getByLabel('What happened (optional)').fill(text);
  }

  async lateBecause(text: string) {
    await this.page.getByLabel('If this was late, why (optional)').fill(text);
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save' }).click();
  }
}
