import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';

async function fillDateBoxes(page: Page, prefix: string, date: string) {
  const [year, month, day] = date.split('-');
  await page.locator(`#${prefix}-day`).fill(String(Number(day)));
  await page.locator(`#${prefix}-month`).fill(String(Number(month)));
  await page.locator(`#${prefix}-year`).fill(String(year));
}

/** /supervision: my supervision, what waits for my signature, the people I supervise, the audit list (specialist-service-statement.txt 5.4). */
export class SupervisionPage extends HearthPage {
  static async open(page: Page) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Supervision', exact: true }).click();
    const home = new SupervisionPage(page);
    await home.arrived('Supervision');
    return home;
  }

  async supervisees(): Promise<string[]> {
    return this.page.locator('#supervisees tbody tr').allInnerTexts();
  }

  async lineManaged(): Promise<string[]> {
    return this.page.locator('#line-managed tbody tr').allInnerTexts();
  }

  async waiting(): Promise<string[]> {
    return this.page.locator('#waiting-for-me tbody tr').allInnerTexts();
  }

  async openStaff(name: string) {
    await this.page.locator('main table tbody td a', { hasText: name }).first().click();
    const record = new StaffSupervisionPage(this.page);
    await record.arrived(name);
    return record;
  }

  async openWaiting(linkText: RegExp) {
    await this.page.locator('#waiting-for-me').getByRole('link', { name: linkText }).first().click();
    const session = new SessionPage(this.page);
    await session.arrived(/^Session held/);
    return session;
  }
}

/** A member of staff's supervision record: contract, what is due, sessions, observations, audits. */
export class StaffSupervisionPage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  async recordSession() {
    await this.page.getByRole('link', { name: 'Record a supervision session' }).click();
    const form = new NewSessionPage(this.page);
    await form.arrived('Record a supervision session');
    return form;
  }
}

/** Recording a session: when, the cases discussed, reflection, wellbeing, actions. */
export class NewSessionPage extends HearthPage {
  async save() {
    await this.page.getByRole('button', { name: 'Record the session' }).click();
  }

  async fill(s: { date: string; time: string; reflections: string; wellbeing: string; caseDiscussion?: { discussion: string; actions: string; by: string } }) {
    await fillDateBoxes(this.page, 'occurredOn', s.date);
    await this.page.getByLabel('Time it started').fill(s.time);
    if (s.caseDiscussion) {
      const child = this.page.locator('fieldset.hearth-case-discussion').first();
      await child.getByLabel(/What was discussed about/).fill(s.caseDiscussion.discussion);
      await child.getByLabel(/Actions agreed for/).fill(s.caseDiscussion.actions);
      const prefix = (await child.locator('input[id$="-day"]').getAttribute('id'))?.replace(/-day$/, '') as string;
      await fillDateBoxes(this.page, prefix, s.caseDiscussion.by);
    }
    await this.page.getByLabel('Reflection and learning').fill(s.reflections);
    await this.page.getByLabel('Wellbeing and workload').fill(s.wellbeing);
  }

  async saved() {
    const session = new SessionPage(this.page);
    await session.arrived(/^Session held/);
    return session;
  }
}

/** A session's record, with the forms to sign it, amend it and observe it. */
export class SessionPage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  async sign(as: 'supervisor' | 'supervisee') {
    await this.page.getByRole('button', { name: `Sign the record as ${as}` }).click();
    await this.afterSave();
  }

  async amend(a: { part: string; text: string; reason: string }) {
    await this.page.locator('fieldset', { hasText: 'What the amendment changes' }).getByLabel(a.part).check();
    await this.page.getByLabel('The changed text').fill(a.text);
    await this.page.getByLabel('Why it is amended').fill(a.reason);
    await this.page.getByRole('button', { name: 'Record the amendment' }).click();
  }

  async signAmendment(as: 'supervisor' | 'supervisee') {
    await this.page.getByRole('button', { name: `Sign the amendment as ${as}` }).click();
    await this.afterSave();
  }

  async afterSave() {
    await this.page.locator('.govuk-notification-banner').waitFor();
    await this.checkAccessibility();
  }
}
