import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';

/** Fills a GOV.UK date input by its name, on a page with several. */
async function fillDateBoxes(page: Page, name: string, date: string) {
  if (!date) return;
  const [year, month, day] = date.split('-');
  await page.locator(`#${name}-day`).fill(String(Number(day)));
  await page.locator(`#${name}-month`).fill(String(Number(month)));
  await page.locator(`#${name}-year`).fill(String(year));
}

/** The Family Placement Team's list of enquiries and applications (Family Placement 1-20). */
export class FosteringListPage extends HearthPage {
  static async open(page: Page) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fostering', exact: true }).click();
    const list = new FosteringListPage(page);
    await list.arrived('Fostering enquiries and applications');
    return list;
  }

  async section(id: 'enquiries' | 'applications' | 'connected' | 'closed'): Promise<string> {
    return this.page.locator(`#${id} + table, #${id} + p`).first().innerText();
  }

  async newEnquiry() {
    await this.page.getByRole('button', { name: 'Record a new enquiry' }).click();
    const form = new NewEnquiryPage(this.page);
    await form.arrived('New fostering enquiry');
    return form;
  }

  async openHousehold(name: string) {
    await this.page.locator('main table a', { hasText: name }).first().click();
    const household = new HouseholdPage(this.page);
    await household.arrived('Fostering');
    return household;
  }
}

export class NewEnquiryPage extends HearthPage {
  async submit() {
    await this.page.getByRole('button', { name: 'Record the enquiry' }).click();
  }

  async fill(enquiry: { given: string; family: string; on: string; source: string; interest: string; notes?: string }) {
    await this.page.getByLabel('Given names').fill(enquiry.given);
    await this.page.getByLabel('Family name').fill(enquiry.family);
    await fillDateBoxes(this.page, 'enquiryOn', enquiry.on);
    await this.page.getByLabel(enquiry.source, { exact: true }).check();
    await this.page.getByLabel(enquiry.interest, { exact: true }).check();
    if (enquiry.notes) await this.page.getByLabel('Notes of the enquiry (optional)').fill(enquiry.notes);
    await this.submit();
    const household = new HouseholdPage(this.page);
    await household.arrived('Fostering');
    return household;
  }
}

/** A fostering household's journey, on the first applicant's record. */
export class HouseholdPage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  async recordResponse(how: string, on: string) {
    await this.page.getByLabel(how, { exact: true }).check();
    await fillDateBoxes(this.page, 'respondOn', on);
    await this.page.getByRole('button', { name: 'Record the response' }).click();
  }

  async addMember(name: string, relationship: string) {
    await this.page.getByText('Add a member of the household').click();
    await this.page.getByLabel('Full name').fill(name);
    await this.page.getByLabel(relationship, { exact: true }).check();
    await this.page.getByRole('button', { name: 'Add to the household' }).click();
  }

  async saved() {
    await this.page.locator('.govuk-notification-banner').waitFor();
    await this.checkAccessibility();
  }
}

/** The agency decision maker's or panel's view: opened from the record's address (they need not see the team's lists). */
export async function openHouseholdAt(page: Page, url: string) {
  await page.goto(url);
  const household = new HouseholdPage(page);
  await household.arrived('Fostering');
  return household;
}
