import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';

/** The Youth Offending Service's caseload (practice-standards.txt, Section 1: Youth Offending Service; issue 12). */
export class YouthJusticeCaseloadPage extends HearthPage {
  static async open(page: Page) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Youth justice', exact: true }).click();
    const list = new YouthJusticeCaseloadPage(page);
    await list.arrived('Youth justice');
    return list;
  }

  async rows(): Promise<string[]> {
    return this.page.locator('main table tbody tr').allInnerTexts();
  }

  async openChild(name: string) {
    await this.page.locator('main table tbody td a', { hasText: name }).first().click();
    await this.page.waitForURL(/\/people\/[^/]+\/youth-justice$/);
    const child = new ChildYouthJusticePage(this.page);
    await child.arrived('Youth justice');
    return child;
  }

  async indicators() {
    await this.page.getByRole('link', { name: /^Performance indicators/ }).click();
    const figures = new YouthJusticeIndicatorsPage(this.page);
    await figures.arrived(/^Youth justice performance indicators: \d{4}$/);
    return figures;
  }
}

/** A child's youth justice page: the case, its clocks, the release plan, the forms and the record. */
export class ChildYouthJusticePage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  /** The Timescales table: each row's standard, due date and state. */
  async clocks(): Promise<string[]> {
    return this.page.locator('h2:text-is("Timescales") + table tbody tr').allInnerTexts();
  }

  /** Opens a form's section by its summary and fills its date boxes and time (`<key>On`, `<key>Time`). */
  async openStep(summary: string, key: string, date: string, time: string) {
    await this.page.locator('details summary', { hasText: summary }).first().click();
    const [year, month, day] = date.split('-');
    await this.page.locator(`#${key}On-day`).fill(String(Number(day)));
    await this.page.locator(`#${key}On-month`).fill(String(Number(month)));
    await this.page.locator(`#${key}On-year`).fill(String(year));
    await this.page.locator(`#${key}Time`).fill(time);
  }

  async fill(id: string, text: string) {
    await this.page.locator(`#${id}`).fill(text);
  }

  async press(button: string) {
    await this.page.getByRole('button', { name: button, exact: true }).click();
  }

  /** Back on the page after a save, with its notification, checked for accessibility. */
  async afterSave() {
    await this.page.locator('.govuk-notification-banner').waitFor();
    await this.arrived('Youth justice');
  }
}

/** The three performance indicators for a year, with the children behind them. */
export class YouthJusticeIndicatorsPage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  /** The indicators table: [indicator, figure]. */
  async figures(): Promise<string[][]> {
    const rows = this.page.locator('table:has(caption:text-is("Indicators")) tbody tr');
    const result: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) result.push([(await rows.nth(i).locator('th').innerText()).trim(), (await rows.nth(i).locator('td').first().innerText()).trim()]);
    return result;
  }

  async chooseYear(year: number) {
    await this.page.getByLabel('Year').selectOption(String(year));
    await this.page.getByRole('button', { name: 'Show' }).click();
    await this.arrived(`Youth justice performance indicators: ${year}`);
  }
}
