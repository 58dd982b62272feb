import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';

/** Compliance with the practice standards: the figures by standard and team, and a chart. */
export class CompliancePage extends HearthPage {
  static async open(page: Page, baseUrl: string, query = '') {
    await page.goto(`${baseUrl}/compliance${query}`);
    const compliance = new CompliancePage(page);
    await compliance.arrived('Compliance with the practice standards');
    return compliance;
  }

  /** Each standard's row: [title, on time, late, overdue, not yet due, percent]. */
  async byStandard(): Promise<string[][]> {
    const rows = this.page.locator('table:has(caption:text-is("By standard")) tbody tr');
    const result: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = (await rows.nth(i).locator('th, td').allInnerTexts()).map((t) => t.trim());
      result.push([cells[0] as string, ...cells.slice(2)]);
    }
    return result;
  }

  async chartLabels(): Promise<string[]> {
    return this.page.locator('svg.hearth-bar').evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label') ?? ''));
  }

  async period(from: [string, string, string], to: [string, string, string]) {
    for (const [prefix, parts] of [['from', from], ['to', to]] as const) {
      const group = this.page.getByRole('group', { name: prefix === 'from' ? 'Due from' : 'Due to' });
      await group.getByLabel('Day').fill(parts[0]);
      await group.getByLabel('Month').fill(parts[1]);
      await group.getByLabel('Year').fill(parts[2]);
    }
    await this.page.getByRole('button', { name: 'Show' }).click();
  }

  async drillInto(title: string) {
    await this.page.getByRole('link', { name: title, exact: true }).click();
    const drill = new StandardCompliancePage(this.page);
    await drill.arrived(title);
    return drill;
  }
}

/** One standard's compliance: by worker, and the children behind the figures. */
export class StandardCompliancePage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  async childLinks(): Promise<string[]> {
    return this.page.locator('main a[href^="/people/"]').allInnerTexts();
  }
}

/** The catalogue: every standard with its citation, and one standard's page. */
export class CataloguePage extends HearthPage {
  static async open(page: Page, baseUrl: string) {
    await page.goto(`${baseUrl}/standards`);
    const catalogue = new CataloguePage(page);
    await catalogue.arrived('Practice standards');
    return catalogue;
  }

  async openStandard(title: string) {
    await this.page.getByRole('link', { name: title, exact: true }).click();
    const standard = new StandardPage(this.page);
    await standard.arrived(title);
    return standard;
  }
}

export class StandardPage extends HearthPage {
  async summary(key: string): Promise<string> {
    return (await this.page.locator('.govuk-summary-list__row', { has: this.page.locator('dt', { hasText: key }) }).locator('dd').first().innerText()).trim();
  }

  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }
}
