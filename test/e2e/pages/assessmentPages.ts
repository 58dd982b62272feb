import type { Page } from 'playwright-core';
import { HearthPage } from './HearthPage';

/** A child's Child and Family Assessment: its steps' clocks, the assessment as sent, and sign-off. */
export class AssessmentPage extends HearthPage {
  static async arrive(page: Page) {
    const assessment = new AssessmentPage(page);
    await assessment.arrived('Child and Family Assessment');
    return assessment;
  }

  async write() {
    await this.page.getByRole('button', { name: /Write the assessment|Continue writing the assessment/ }).click();
    const document = new AssessmentDocumentPage(this.page);
    await document.arrived('Write the Child and Family Assessment');
    return document;
  }

  /** The manager's sign-off: the outcome, what the CIN census needs (the child's primary need, the factors identified: issue 10) and a comment. */
  async signOff(outcome: string, comment: string, needs: { primaryNeed?: string; factors?: string[] } = {}) {
    await this.page.getByRole('radio', { name: outcome, exact: true }).check();
    if (needs.primaryNeed) await this.primaryNeed(needs.primaryNeed);
    for (const factor of needs.factors ?? []) await this.factor(factor).check();
    await this.page.getByLabel('Your comment (optional)').fill(comment);
    await this.page.getByRole('button', { name: 'Sign off the assessment' }).click();
    return AssessmentPage.arrive(this.page);
  }

  async primaryNeed(need: string) {
    await this.page.getByRole('group', { name: "The child's primary need" }).getByRole('radio', { name: need, exact: true }).check();
  }

  /** The primary need chosen on the sign-off, in its words (the front door's, until the manager changes it), or null. */
  async primaryNeedChosen(): Promise<string | null> {
    const chosen = this.page.getByRole('group', { name: "The child's primary need" }).locator('input[type="radio"]:checked');
    if ((await chosen.count()) === 0) return null;
    return (await this.page.locator(`label[for="${await chosen.getAttribute('id')}"]`).innerText()).trim();
  }

  /** A factor's checkbox, found by its words. */
  factor(words: string) {
    return this.page.getByRole('checkbox', { name: words, exact: true });
  }

  /** The team manager's decision on a request for more time; a refusal needs reasons. */
  async decideExtension(decision: 'Agree' | 'Refuse', reasons = '') {
    await this.page.getByRole('radio', { name: decision === 'Agree' ? /Agree the extension/ : 'Refuse it' }).check();
    await this.page.getByLabel('Your reasons (needed to refuse)').fill(reasons);
    await this.page.getByRole('button', { name: 'Record the decision' }).click();
  }

  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }
}

/** Writing the assessment: Signs of Safety, the child's views, the analysis, sharing, the outcome. */
export class AssessmentDocumentPage extends HearthPage {
  async signsOfSafety(danger: string, goal: string) {
    await this.page.getByLabel('Danger statements').fill(danger);
    await this.page.getByLabel('Safety goals').fill(goal);
  }

  async addScore(person: string, score: string, reason: string) {
    await this.page.getByLabel('Who gave the score').fill(person);
    await this.page.getByLabel('Score, 0 to 10').fill(score);
    await this.page.getByLabel('Why they gave that score').fill(reason);
    await this.page.getByRole('button', { name: 'Add the score' }).click();
  }

  async views(childsViews: string, analysis: string) {
    await this.page.getByLabel("The child's views and wishes").fill(childsViews);
    await this.page.getByLabel('Analysis').fill(analysis);
  }

  async sharedWithFamily(comments: string) {
    await this.page.getByRole('radio', { name: 'Yes', exact: true }).check();
    await this.page.getByLabel("If it was shared: the family's comments").fill(comments);
  }

  async recommend(outcome: string) {
    await this.page.getByRole('radio', { name: outcome, exact: true }).check();
  }

  async send() {
    await this.page.getByRole('button', { name: 'Send for sign-off' }).click();
  }
}
