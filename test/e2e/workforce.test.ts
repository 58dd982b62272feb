import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { demoInBrowser } from './support/demoInBrowser';
import { SignInPage } from './pages/pages';
import { londonToday } from './pages/adoptionPages';
import { TeamCapacityPage } from './pages/workforcePages';

const password = 'hearth-demo-2026';

/**
 * Team capacity in a browser, on the demonstration authority (issue 12; specialist-service-statement.txt
 * 5.2-5.3, 7.1.3): Marcus Bell sees each worker's weighted caseload against their limit, Jess Morgan
 * over hers with Grace Mensah's reason, James Ellis's protected caseload, the front door's capacity,
 * and records Hannah Scott's new profile; Grace Mensah chairs the Okonkwo children's transfer review.
 */
describe.skipIf(!chromiumAvailable)('team capacity in a browser', () => {
  const hearth = demoInBrowser();

  it('a service manager sees caseloads against limits and the front door, and records a new profile with its reason', async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('marcus.bell', password);
    const capacity = await TeamCapacityPage.open(page);
    expect(await capacity.worker('Jess Morgan')).toMatch(/Qualified social worker[\s\S]*Up to 16[\s\S]*set by a manager[\s\S]*Over limit/);
    expect(await capacity.worker('James Ellis')).toMatch(/Newly qualified social worker[\s\S]*Protected caseload[\s\S]*Up to 15[\s\S]*Within limits/);
    expect(await capacity.worker('Hannah Scott')).toMatch(/0\.5/);
    const text = await capacity.text();
    expect(text).toContain("The front door's capacity");
    expect(text).toMatch(/Qualified social workers with room for a new referral\s+1: Sam Patel/);
    expect(text).toContain('the duty rota needs at least 2 per session (7.1.3)');
    expect(text).toMatch(/Chidi Okonkwo\s+Specialist Children, Young People and Families Team \(Hannah Scott\)\s+Child Protection and Court Service \(Jess Morgan\)/);

    const jess = await capacity.openWorker('Jess Morgan');
    expect(await jess.text()).toContain('Practice educator for a final-year social work student');
    expect(await jess.text()).toMatch(/Allocated beyond the limit\s+The refuge knows Jess/);

    const hannah = await (await TeamCapacityPage.open(page)).openWorker('Hannah Scott');
    expect(await hannah.text()).toContain('Flexible working agreed');
    // Replacing her profile without saying why is refused, with the message beside the box.
    await hannah.recordProfile({ practitioner: 'Qualified social worker', fte: '0.6' });
    await hannah.refused();
    expect(await hannah.errorSummary()).toMatch(/Enter why this replaces the profile recorded from/);
    await hannah.recordProfile({ practitioner: 'Qualified social worker', fte: '0.6', reason: 'Back to three full days from this week.' });
    await hannah.arrived('Hannah Scott');
    expect(await hannah.notification()).toContain('The workforce profile has been recorded');
    expect(await hannah.text()).toMatch(/0\.6 FTE\.[\s\S]*Back to three full days from this week\./);
  });

  it("the receiving team's manager chairs the transfer review; a social worker cannot see team capacity", async () => {
    const page = await hearth.newPage();
    await (await SignInPage.open(page, hearth.url)).signIn('grace.mensah', password);
    const capacity = await TeamCapacityPage.open(page);
    const transfer = await capacity.openTransfer('Chidi Okonkwo');
    expect(await transfer.text()).toContain('Review not held');
    const { date, time } = londonToday();
    await transfer.recordReview({ date, time, attended: 'Ngozi Okonkwo, Chidi, Ellie Ford (YOS), Jess Morgan', summary: 'Safety plan for the evenings agreed; Jess visits twice a week.' });
    await transfer.arrived('Transfer');
    expect(await transfer.notification()).toContain('The transfer review has been recorded');
    expect(await transfer.text()).toMatch(/chaired by Grace Mensah/);

    const worker = await hearth.newPage();
    await (await SignInPage.open(worker, hearth.url)).signIn('sam.patel', password);
    await worker.waitForURL(`${hearth.url}/`);
    expect(await worker.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workforce', exact: true }).count()).toBe(0);
    const response = await worker.goto(`${hearth.url}/workforce`);
    expect(response?.status()).toBe(403);
  });
});
