import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';

/** The performance team's page: check a year's returns, download them and Annex A. */
export class ReturnsPage extends HearthPage {
  static async open(page: Page) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Returns', exact: true }).click();
    const returns = new ReturnsPage(page);
    await returns.arrived('Statutory returns');
    return returns;
  }

  async check() {
    await this.page.getByRole('button', { name: 'Check the returns' }).click();
    // GOV.UK buttons that are links have the button role.
    await this.page.getByRole('button', { name: 'Download the CIN census (XML)' }).waitFor();
    await this.checkAccessibility();
  }

  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  /** Follows a download link or button and gives the file's name and text. */
  async download(name: string, role: 'link' | 'button' = 'link'): Promise<{ filename: string; path: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole(role, { name }).click()]);
    return { filename: download.suggestedFilename(), path: (await download.path()) as string };
  }

  async annexAFrom(day: string) {
    await this.page.locator('#from-day').fill(day);
  }
}

/** A team's data quality for the returns. */
export class DataQualityPage extends HearthPage {
  static async open(page: Page) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data quality' }).click();
    const quality = new DataQualityPage(page);
    await quality.arrived('Data quality for the statutory returns');
    return quality;
  }

  async children(): Promise<string[]> {
    return this.page.locator('main table tbody td a').allInnerTexts();
  }

  async openChild(name: string) {
    await this.page.locator('main table tbody td a', { hasText: name }).first().click();
    const child = new DataQualityPage(this.page);
    await child.arrived('Statutory returns');
    return this.page.locator('main').innerText();
  }
}
