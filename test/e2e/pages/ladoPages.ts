import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';

/** The LADO's worklist of allegations (practice-standards.txt, Section 4: Managing Allegations 80-88). */
export class AllegationsPage extends HearthPage {
  static async open(page: Page) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Allegations', exact: true }).click();
    const list = new AllegationsPage(page);
    await list.arrived('Allegations');
    return list;
  }

  async openRows(): Promise<string[]> {
    return this.page.locator('#open-allegations tbody tr').allInnerTexts();
  }

  async openAllegation(name: string) {
    await this.page.locator('main table tbody td a', { hasText: name }).first().click();
    const allegation = new AllegationPage(this.page);
    await allegation.arrived(/^Allegation received/);
    return allegation;
  }

  async recordNew() {
    await this.page.getByRole('button', { name: 'Record an allegation' }).click();
    const form = new NewAllegationPage(this.page);
    await form.arrived('Record an allegation');
    return form;
  }

  async report() {
    await this.page.getByRole('link', { name: 'Annual report and resolution measure' }).click();
    const report = new AllegationReportPage(this.page);
    await report.arrived(/^April \d{4} to March \d{4}$/);
    return report;
  }
}

/** Recording an allegation: the adult, who told the LADO and when, and what is alleged. */
export class NewAllegationPage extends HearthPage {
  async save() {
    await this.page.getByRole('button', { name: 'Record the allegation' }).click();
  }

  private async date(prefix: string, date: string) {
    const [year, month, day] = date.split('-');
    await this.page.locator(`#${prefix}-day`).fill(String(Number(day)));
    await this.page.locator(`#${prefix}-month`).fill(String(Number(month)));
    await this.page.locator(`#${prefix}-year`).fill(String(year));
  }

  async fill(a: { hearthId: string; employer: string; role: string; sector: string; source: string; referrer: string; aware: string; received: string; time: string; category: string; nature: string; otherChildren: string; childLed: boolean }) {
    await this.page.getByLabel('Hearth ID of the adult').fill(a.hearthId);
    await this.page.getByLabel('Employer or organisation').fill(a.employer);
    await this.page.getByLabel('Their role').fill(a.role);
    await this.page.getByLabel('Sector').selectOption({ label: a.sector });
    await this.page.getByLabel('Who told the LADO', { exact: true }).selectOption({ label: a.source });
    await this.page.getByLabel('Name and organisation of the person who told the LADO').fill(a.referrer);
    await this.date('awareOn', a.aware);
    await this.date('receivedOn', a.received);
    await this.page.locator('#receivedTime').fill(a.time);
    await this.page.getByLabel('Nature of the allegation').selectOption({ label: a.category });
    await this.page.getByLabel('What is alleged').fill(a.nature);
    await this.page.getByLabel('Children not on Hearth').fill(a.otherChildren);
    await this.page.locator('fieldset', { hasText: 'child-led strategy meeting' }).getByLabel(a.childLed ? 'Yes' : 'No').check();
  }

  async saved() {
    const allegation = new AllegationPage(this.page);
    await allegation.arrived(/^Allegation received/);
    return allegation;
  }
}

/** An allegation: its details, clocks, timeline and the form for the next step. */
export class AllegationPage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  async hearthId(): Promise<string> {
    const caption = await this.page.locator('main .govuk-caption-l').innerText();
    return /Hearth ID (\d+)/.exec(caption)?.[1] ?? '';
  }

  async clocks(): Promise<string[]> {
    return this.page.locator('main table.govuk-table').first().locator('tbody tr').allInnerTexts();
  }

  private async when(prefix: string, date: string, time: string) {
    const [year, month, day] = date.split('-');
    await this.page.locator(`#${prefix}On-day`).fill(String(Number(day)));
    await this.page.locator(`#${prefix}On-month`).fill(String(Number(month)));
    await this.page.locator(`#${prefix}On-year`).fill(String(year));
    await this.page.locator(`#${prefix}Time`).fill(time);
  }

  async recordMeeting(m: { date: string; time: string; attendees: string; decided: string; next: string; reviewOn?: string }) {
    await this.when('meeting', m.date, m.time);
    await this.page.getByLabel('Who attended').fill(m.attendees);
    await this.page.getByLabel('What was decided').fill(m.decided);
    if (m.next) await this.page.getByLabel(m.next).check();
    if (m.reviewOn) {
      const [year, month, day] = m.reviewOn.split('-');
      await this.page.locator('#reviewOn-day').fill(String(Number(day)));
      await this.page.locator('#reviewOn-month').fill(String(Number(month)));
      await this.page.locator('#reviewOn-year').fill(String(year));
    }
    await this.page.getByRole('button', { name: 'Record the meeting' }).click();
  }

  async recordNotes(date: string, time: string) {
    await this.when('notes', date, time);
    await this.page.getByRole('button', { name: 'Record the notes as distributed' }).click();
  }

  async recordOutcome(o: { outcome: string; dbs: boolean; regulator: string; summary: string; date: string; time: string }) {
    await this.page.locator('fieldset', { hasText: 'Outcome of the allegation' }).getByLabel(o.outcome, { exact: true }).check();
    await this.page.locator('fieldset', { hasText: 'Disclosure and Barring Service' }).getByLabel(o.dbs ? 'Yes' : 'No').check();
    await this.page.locator('fieldset', { hasText: 'refer to a regulator' }).getByLabel(o.regulator).check();
    await this.page.getByLabel('Summary of the outcome').fill(o.summary);
    await this.when('concluded', o.date, o.time);
    await this.page.getByRole('button', { name: 'Record the outcome' }).click();
  }

  async afterSave() {
    await this.page.locator('.govuk-notification-banner').waitFor();
    await this.checkAccessibility();
  }
}

/** The annual report's figures and the resolution measure for a reporting year. */
export class AllegationReportPage extends HearthPage {
  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  async chooseYear(startYear: number) {
    await this.page.getByLabel('Reporting year').selectOption(String(startYear));
    await this.page.getByRole('button', { name: 'Show' }).click();
    await this.arrived(`April ${startYear} to March ${startYear + 1}`);
  }
}
