import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';

/** The front door's queue: contacts awaiting a decision, and the button that starts a new one. */
export class FrontDoorPage extends HearthPage {
  static async open(page: Page) {
    await page.getByRole('link', { name: 'Front door', exact: true }).click();
    const queue = new FrontDoorPage(page);
    await queue.arrived('Front door');
    return queue;
  }

  async recordAContact() {
    await this.page.getByRole('button', { name: 'Record a contact' }).click();
    const draft = new ContactDraftPage(this.page);
    await draft.arrived('Record a contact');
    return draft;
  }

  /** Each row of the awaiting table as its visible text. */
  async awaiting(): Promise<string[]> {
    return this.page.locator('table').first().locator('tbody tr').allInnerTexts();
  }
}

/** The contact's draft: when and how it came in, who made it, the concerns, and the people. */
export class ContactDraftPage extends HearthPage {
  async received(date: string, time: string) {
    await this.fillDate(date);
    await this.page.getByLabel('Time it was received').fill(time);
  }

  async cameIn(how: string) {
    await this.page.getByLabel(how).check();
  }

  async from(name: string, organisation: string, relationship: string, who = 'A school') {
    await this.page.getByLabel('Their name').fill(name);
    await this.page.getByLabel('Their organisation (if any)').fill(organisation);
    await this.page.getByLabel('Who they are').selectOption({ label: who });
    await this.page.getByLabel('Their relationship to the child').fill(relationship);
  }

  async concerns(text: string) {
    await this.page.getByLabel('What the contact is about').fill(text);
  }

  /** Searches for someone and adds the one whose row names them. */
  async add(search: string, name: string) {
    await this.page.getByLabel('Find someone to add').fill(search);
    await this.page.getByRole('button', { name: 'Search', exact: true }).click();
    await this.arrived('Record a contact');
    await this.page.getByRole('button', { name: `Add ${name}`, exact: true }).click();
    await this.arrived('Record a contact');
  }

  /** An adult added to the contact: their relationship, whether a parent, and their consent. */
  async adult(personId: string, relationship: string, parent: boolean, consent: string) {
    await this.page.locator(`#relationship-${personId}`).fill(relationship);
    await this.page.locator(`#parent-${personId}${parent ? '' : '-2'}`).check();
    await this.page.locator(`input[name="consent-${personId}"][value="${consent}"]`).check();
  }

  async adultIds(): Promise<string[]> {
    return this.page.locator('input[name="adultIds"]').evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value).filter(Boolean));
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Record the contact' }).click();
  }
}

/** A contact's page: the children beside their chronology, the MASH enquiries, the threshold. */
export class ContactPage extends HearthPage {
  static async arrive(page: Page) {
    const contact = new ContactPage(page);
    await contact.arrived(/^Contact received/);
    return contact;
  }

  async startEnquiry(agency: string, grade: 'Red' | 'Amber', override?: string) {
    await this.page.getByLabel('Partner agency').selectOption(agency);
    await this.page.getByLabel(grade === 'Red' ? 'Red: urgent' : 'Amber', { exact: true }).check();
    if (override) await this.page.getByLabel('Why parental consent is overridden').fill(override);
    await this.page.getByRole('button', { name: 'Start the enquiry' }).click();
    return ContactPage.arrive(this.page);
  }

  async reply(agency: string, text: string) {
    await this.page.getByLabel(`What ${agency} said`).fill(text);
    await this.page.getByRole('button', { name: 'Record the reply' }).click();
    return ContactPage.arrive(this.page);
  }

  /** The Duty Manager's decision: the outcome, why, the receiving team and, for an assessment or a strategy discussion, the child's primary need as it looks now (issue 10). */
  async decide(outcome: string, reason: string, team?: string, primaryNeed?: string) {
    await this.page.getByRole('group', { name: 'Decision', exact: true }).getByRole('radio', { name: outcome, exact: true }).check();
    await this.page.getByLabel('Reason for the decision').fill(reason);
    if (team) await this.page.getByLabel('Receiving team (for a Child and Family Assessment)').selectOption({ label: team });
    if (primaryNeed) await this.page.getByRole('group', { name: "The child's primary need, as it looks now" }).getByRole('radio', { name: primaryNeed, exact: true }).check();
    await this.page.getByRole('button', { name: 'Record the decision' }).click();
  }

  async enquiries(): Promise<string[]> {
    return this.page.locator('table tbody tr').allInnerTexts();
  }
}
