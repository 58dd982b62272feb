import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * What every page object does on arrival: check the page has loaded, and run axe with the WCAG 2.2
 * AA rules; serious and critical violations fail the test (DESIGN.md, Anchors: govuk-frontend).
 */
export abstract class HearthPage {
  constructor(readonly page: Page) {}

  async arrived(heading: string | RegExp) {
    await this.page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await this.checkAccessibility();
  }

  async checkAccessibility() {
    const results = await new AxeBuilder({ page: this.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (serious.length > 0) {
      const detail = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
      throw new Error(`Accessibility violations on ${this.page.url()}:\n${detail}`);
    }
  }

  /** Fills a GOV.UK date input (the page's only one) with a London date written YYYY-MM-DD. */
  async fillDate(date: string) {
    const [year, month, day] = date.split('-');
    await this.page.getByLabel('Day').fill(String(Number(day)));
    await this.page.getByLabel('Month').fill(String(Number(month)));
    await this.page.getByLabel('Year').fill(String(year));
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
  }

  async notification(): Promise<string> {
    return (await this.page.locator('.govuk-notification-banner').innerText()).trim();
  }

  /** After a refused save: the page again, with the error summary, checked for accessibility. */
  async refused() {
    await this.page.locator('.govuk-error-summary').waitFor();
    await this.checkAccessibility();
  }

  async errorSummary(): Promise<string> {
    return (await this.page.locator('.govuk-error-summary').innerText()).trim();
  }
}
