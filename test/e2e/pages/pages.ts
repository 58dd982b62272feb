import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';

export class SignInPage extends HearthPage {
  static async open(page: Page, baseUrl: string) {
    await page.goto(`${baseUrl}/sign-in`);
    const signIn = new SignInPage(page);
    await signIn.arrived('Sign in to Hearth');
    return signIn;
  }

  async signIn(username: string, password: string) {
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
}

export class CaseloadPage extends HearthPage {
  static async arrive(page: Page) {
    const caseload = new CaseloadPage(page);
    await caseload.arrived('My work');
    return caseload;
  }

  async children(): Promise<string[]> {
    return this.page.locator('#caseload tbody tr td:first-child a').allInnerTexts();
  }

  /** The standards listed as overdue: [child, standard]. */
  async overdue(): Promise<string[][]> {
    const rows = this.page.locator('table:has(caption:text-is("Overdue")) tbody tr');
    const result: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) result.push((await rows.nth(i).locator('td').allInnerTexts()).slice(0, 2).map((t) => t.trim()));
    return result;
  }

  async findAPerson() {
    await this.page.getByRole('link', { name: 'Find a person' }).click();
    return SearchPage.arrive(this.page);
  }
}

export class SearchPage extends HearthPage {
  static async arrive(page: Page) {
    const search = new SearchPage(page);
    await search.arrived('Find a person');
    return search;
  }

  async search(text: string) {
    await this.page.getByLabel('Name, NHS number or Hearth ID').fill(text);
    await this.page.getByRole('button', { name: 'Search' }).click();
    await this.page.locator('#results').waitFor();
    await this.checkAccessibility();
  }

  async resultNames(): Promise<string[]> {
    return this.page.locator('main table tbody tr td:first-child a').allInnerTexts();
  }

  async open(name: string) {
    await this.page.getByRole('link', { name, exact: true }).click();
    return FrontSheetPage.arrive(this.page, name);
  }
}

export class FrontSheetPage extends HearthPage {
  static async arrive(page: Page, name: string | RegExp) {
    const sheet = new FrontSheetPage(page);
    await sheet.arrived(name);
    return sheet;
  }

  /** The value beside a label in the key information. */
  async keyFact(label: string): Promise<string> {
    const row = this.page.locator('.hearth-key-facts .govuk-summary-list__row', { has: this.page.locator(`dt:text-is("${label}")`) });
    return (await row.locator('dd.govuk-summary-list__value').innerText()).trim();
  }

  async hearthId(): Promise<string> {
    const caption = await this.page.locator('main .govuk-caption-l').first().innerText();
    return /Hearth ID (\d+)/.exec(caption)?.[1] ?? '';
  }

  async correctDetails() {
    await this.page.getByRole('button', { name: 'Correct details' }).click();
    const correct = new CorrectDetailsPage(this.page);
    await correct.arrived('Correct details');
    return correct;
  }

  async fullHistory() {
    await this.page.getByRole('link', { name: 'Full history', exact: true }).click();
    const history = new HistoryPage(this.page);
    await history.arrived(/^History: /);
    return history;
  }
}

export class CorrectDetailsPage extends HearthPage {
  async change(label: string, value: string) {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async reason(text: string) {
    await this.page.getByLabel('Reason for the correction').fill(text);
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save correction' }).click();
  }
}

export class HistoryPage extends HearthPage {
  async entries(): Promise<string[]> {
    return (await this.page.locator('main ol > li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }
}

export class AuditPage extends HearthPage {
  static async open(page: Page, baseUrl: string) {
    await page.goto(`${baseUrl}/audit`);
    const audit = new AuditPage(page);
    await audit.arrived('Audit log');
    return audit;
  }

  async searchByHearthId(hearthId: string) {
    await this.page.getByLabel("Child's Hearth ID").fill(hearthId);
    await this.page.getByRole('button', { name: 'Search the audit log' }).click();
    await this.page.locator('main table').waitFor();
    await this.checkAccessibility();
  }

  async rows(): Promise<string[][]> {
    const rows = this.page.locator('main table tbody tr');
    const count = await rows.count();
    const result: string[][] = [];
    for (let i = 0; i < count; i++) result.push((await rows.nth(i).locator('td').allInnerTexts()).map((t) => t.trim()));
    return result;
  }
}
