import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/platform/errors';
import { engines, testDatabase } from '../support/testDatabase';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { allocatedCase, childInput, importEvent, makeUser, registerChild, world, type TestWorld } from '../factories';

/**
 * The Case Closure workflow's copy to siblings and its letters (practice-standards.txt, Section 2:
 * Case closures and step-down 9 and 10), over Christmas 2026: Friday 25 December and Monday 28
 * December (for Boxing Day, a Saturday) are bank holidays, and so is Friday 1 January 2027.
 */
describe.each(engines())('case closure: siblings and letters on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-12-24T10:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  const rule = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);

  /** Two siblings held by one team, their mother (parental responsibility) and their school, and the elder's closure workflow triggered on Thursday 24 December. */
  async function family() {
    const { teamId, manager, worker, child } = await allocatedCase(t.services);
    const sister = await registerChild(t.services, worker, { givenNames: 'Ella' });
    await t.services.people.allocate(manager, sister.id, { teamId, workerId: worker.actor.userId });
    const mother = await t.services.people.register(worker, childInput({ kind: 'adult', givenNames: 'Donna', dateOfBirth: '1990-04-01', ethnicity: null, firstLanguage: null }));
    const school = await t.services.people.register(
      worker,
      childInput({ kind: 'professional', givenNames: 'Paul', dateOfBirth: null, gender: null, ethnicity: null, firstLanguage: null, organisation: 'Riverside Primary School', professionalRole: 'teacher' }),
    );
    if (mother.outcome !== 'registered' || school.outcome !== 'registered') throw new Error('expected the adults to be added');
    const relate = (relatedPersonId: string, type: string, parentalResponsibility: boolean) =>
      t.services.people.recordRelationship(worker, child.id, { relatedPersonId, type, parentalResponsibility, professionalRole: type === 'professional' ? 'teacher' : null, startDate: '2020-01-01' });
    await relate(sister.id, 'sibling', false);
    await relate(mother.record.id, 'parent', true);
    await relate(school.record.id, 'professional', false);
    await importEvent(t.services, child.id, 'closure.decided', '2026-12-22T15:00:00Z', { outcome: 'close' });
    await importEvent(t.services, child.id, 'closure.workflow_started', '2026-12-24T09:00:00Z', { outcome: 'close' });
    return { teamId, manager, worker, child, sister, mother: mother.record, school: school.record };
  }

  it("copies the triggered workflow to a sibling in one change: the sibling gets the decision, the workflow and its own clocks, over the Christmas bank holidays", async () => {
    const { manager, worker, child, sister } = await family();
    // Due 1 working day after Thursday 24 December: Tuesday 29 December.
    expect((await rule(child.id, 'closure.copied-to-siblings'))?.obligation.dueDate).toBe('2026-12-29');
    const view = await t.services.closure.view(manager, (await t.services.people.find(child.id))!);
    expect(view.siblings.map((s) => [s.name.split(' ')[0], s.inProgress])).toEqual([['Ella', false]]);
    expect(view.may).toMatchObject({ copy: true, letter: true, letters: false });

    // Only a manager copies it (Case closures 9); a worker may not.
    await expect(t.services.closure.copyToSiblings(worker, child.id, { siblingIds: [sister.id] })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.closure.copyToSiblings(manager, child.id, {}))).toEqual(['siblingIds: Select the siblings to copy the workflow to, or say why there are none']);
    expect(await problems(t.services.closure.copyToSiblings(manager, child.id, { siblingIds: [child.id] }))).toEqual([
      'siblingIds: Select siblings from the list: only the current siblings recorded on this record can be chosen',
    ]);

    // A brother recorded too: the workflow goes to all siblings, so leaving him out needs a reason.
    const brother = await registerChild(t.services, worker, { givenNames: 'Finn' });
    await t.services.people.allocate(manager, brother.id, { teamId: (await t.services.people.find(child.id))!.allocatedTeamId!, workerId: worker.actor.userId });
    await t.services.people.recordRelationship(worker, child.id, { relatedPersonId: brother.id, type: 'half-sibling', parentalResponsibility: false, professionalRole: null, startDate: '2021-01-01' });
    expect(await problems(t.services.closure.copyToSiblings(manager, child.id, { siblingIds: [sister.id, sister.id] }))).toEqual([
      expect.stringMatching(/^noneReason: The workflow is copied to all siblings: select Finn .* too, or say why not$/),
    ]);

    t.clock.set('2026-12-29T11:00:00Z');
    await t.services.closure.copyToSiblings(manager, child.id, { siblingIds: [sister.id, sister.id], noneReason: 'Finn lives with his father in Scotland; his social worker there has been told.' });
    expect((await rule(child.id, 'closure.copied-to-siblings'))?.state).toBe('met');
    // Copied once (the repeated id is one sibling), with the family's decision and workflow dated when they were taken and triggered.
    const copied = (await t.services.people.streamOf(sister.id)).filter((e) => e.type.startsWith('closure.'));
    expect(copied.map((e) => [e.type, e.data.copiedFrom, e.occurredAt.toISOString()])).toEqual([
      ['closure.decided', child.id, '2026-12-22T15:00:00.000Z'],
      ['closure.workflow_started', child.id, '2026-12-24T09:00:00.000Z'],
      ['closure.copied_to_siblings', child.id, '2026-12-29T11:00:00.000Z'],
    ]);
    // The sister's workflow, triggered for the family on Thursday 24 December, is due 5 working days
    // later: Christmas Day, the substitute Boxing Day and the weekend not counted.
    expect((await rule(sister.id, 'closure.workflow-submitted'))?.obligation.dueDate).toBe('2027-01-05');
    expect((await rule(sister.id, 'closure.copied-to-siblings'))?.state).toBe('met');
    expect((await rule(sister.id, 'closure.workflow-started'))?.state).toBe('met');
    // Copied once: a second copy is refused, and from the sister's record it cannot be copied again.
    expect(await problems(t.services.closure.copyToSiblings(manager, child.id, { siblingIds: [sister.id] }))).toEqual([`siblingIds: ${'Ella'} ${(await t.services.people.find(sister.id))!.details.familyName} already has a case closure workflow in progress`]);
    expect(await problems(t.services.closure.copyToSiblings(manager, sister.id, { noneReason: 'x' }))).toEqual(["siblingIds: This workflow was copied from a sibling's: copy it from theirs"]);
  });

  it("does not offer a sibling held by another team, and says whose manager copies it", async () => {
    const { manager, child } = await family();
    const elsewhere = await allocatedCase(t.services);
    const head = await makeUser(t.services, { roles: ['head-of-service'] });
    await t.services.people.recordRelationship(head, child.id, { relatedPersonId: elsewhere.child.id, type: 'half-sibling', parentalResponsibility: false, professionalRole: null, startDate: '2021-01-01' });
    const view = await t.services.closure.view(manager, (await t.services.people.find(child.id))!);
    expect(view.siblingsNotOffered.map((s) => [s.id, s.mayCopy])).toEqual([[elsewhere.child.id, false]]);
    expect(await problems(t.services.closure.copyToSiblings(manager, child.id, { siblingIds: [elsewhere.child.id] }))).toEqual([expect.stringMatching(/is held by another team: ask their manager to copy it$/)]);
  });

  it('records that there are no siblings, with the reason, late when after the next working day', async () => {
    const { manager, child } = await family();
    t.clock.set('2026-12-30T09:00:00Z');
    await t.services.closure.copyToSiblings(manager, child.id, { noneReason: 'Ella lives with her father in another authority, which has been told.' });
    expect((await rule(child.id, 'closure.copied-to-siblings'))?.state).toBe('met_late');
  });

  it('writes a letter to each parent and professional from the record, and records them as sent once the case has closed', async () => {
    const { worker, child, mother, school } = await family();
    t.clock.set('2026-12-30T10:00:00Z');
    expect(await problems(t.services.closure.lettersSent(worker, child.id, { recipientIds: [mother.id], method: 'post' }))).toEqual([
      'recipientIds: Record that the case has closed first: the letters follow the closure',
    ]);
    const letter = await t.services.closure.letter(worker, child.id, mother.id);
    expect([letter.recipient.relationship, letter.decidedOn, letter.team !== null]).toEqual(['Parent', '2026-12-22', true]);

    // Closed on Wednesday 30 December: the letters are due by Thursday 31 December; sent on Monday 4 January, after the New Year bank holiday.
    await importEvent(t.services, child.id, 'closure.completed', '2026-12-30T15:00:00Z');
    expect((await rule(child.id, 'closure.letters-sent'))?.obligation.dueDate).toBe('2026-12-31');
    t.clock.set('2027-01-04T10:00:00Z');
    expect(await problems(t.services.closure.lettersSent(worker, child.id, { recipientIds: [mother.id] }))).toEqual(['method: Select how the letters were sent']);
    expect(await problems(t.services.closure.lettersSent(worker, child.id, { recipientIds: [], method: 'post' }))).toEqual(['recipientIds: Select who the letters were sent to, from the list']);
    await t.services.closure.lettersSent(worker, child.id, { recipientIds: [mother.id, school.id], method: 'post' });
    expect((await rule(child.id, 'closure.letters-sent'))?.state).toBe('met_late');
    const sent = (await t.services.people.streamOf(child.id)).at(-1);
    // Who was written to is kept by record, not by name: the page reads the names when it shows them.
    expect(sent?.data.recipients).toEqual([
      { personId: mother.id, relationship: 'Parent' },
      { personId: school.id, relationship: 'Teacher' },
    ]);
    const shown = await t.services.closure.view(worker, (await t.services.people.find(child.id))!);
    expect(shown.letters[0]?.recipients.map((r) => r.name.split(' ')[0])).toEqual(['Donna', 'Paul']);
  });

  it("asks why the case closed when the closure is recorded, in Hearth's words, and shows it on the closure page and in the history (issue 10)", async () => {
    const { worker, child } = await family();
    t.clock.set('2026-12-30T16:00:00Z');
    const client = new Client(app);
    await client.signIn(worker.actor.username, worker.password);
    const closing = { type: 'closure.completed', shownFor: 'closure.completed', 'occurredOn-day': '30', 'occurredOn-month': '12', 'occurredOn-year': '2026', occurredTime: '15:00' };

    // Asked as radios, every reason in words (a worker never types a DfE code), required on the page.
    const form = await client.get(`/people/${child.id}/work/new?type=closure.completed`);
    expect(form.statusCode).toBe(200);
    expect(mainText(form.body)).toContain('Reason the case closed');
    expect(mainText(form.body)).not.toContain('Reason the case closed (optional)');
    expect(form.body).toMatch(/type="radio" value="moved_to_another_authority"/);
    expect(mainText(form.body)).toContain('Closed after assessment, referred to Early Help');
    const refused = await client.post(`/people/${child.id}/work/new`, closing);
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Select the reason the case closed');
    expect(refused.body).toContain('href="#data-closureReason"');
    expect((await t.services.people.streamOf(child.id)).some((e) => e.type === 'closure.completed')).toBe(false);

    const saved = await client.post(`/people/${child.id}/work/new`, { ...closing, 'data.closureReason': 'no_longer_in_need' });
    expect(saved.statusCode).toBe(302);
    expect((await t.services.people.streamOf(child.id)).find((e) => e.type === 'closure.completed')?.data).toMatchObject({ closureReason: 'no_longer_in_need' });
    const view = await t.services.closure.view(worker, (await t.services.people.find(child.id))!);
    expect([view.state?.closureReason, view.closureReason]).toEqual(['no_longer_in_need', 'Services ended: no longer in need, or another reason']);
    expect(mainText((await client.get(`/people/${child.id}/workflows/closure`)).body)).toMatch(/The case closed .*: Services ended: no longer in need, or another reason\./);
    expect(mainText((await client.get(`/people/${child.id}/history`)).body)).toContain('Reason the case closed: Services ended: no longer in need, or another reason');
  });

  it('takes a closure from history without a reason, but not with one the census does not know', async () => {
    const { worker, child, sister } = await family();
    t.clock.set('2026-12-30T16:00:00Z');
    expect(await problems(t.services.recordWork.record(worker, child.id, { type: 'closure.completed', occurredOn: '2026-12-30', occurredTime: '15:00', data: { closureReason: 'moved_away' } }))).toEqual([
      expect.stringMatching(/^data\.closureReason: closureReason must be one of adopted, died, child_arrangements_order, .*, after_assessment_early_help$/),
    ]);
    // Imported history takes one without it: only the Record work page insists.
    await importEvent(t.services, sister.id, 'closure.decided', '2026-12-22T15:00:00Z', { outcome: 'close' });
    await importEvent(t.services, sister.id, 'closure.completed', '2026-12-30T15:00:00Z');
    const view = await t.services.closure.view(worker, (await t.services.people.find(sister.id))!);
    expect([view.state?.completedAt?.toISOString(), view.state?.closureReason, view.closureReason]).toEqual(['2026-12-30T15:00:00.000Z', null, null]);
  });

  it('shows the closure page with its siblings and letters, prints a letter, and answers bad input with the page and what to fix', async () => {
    const { manager, child, mother } = await family();
    const client = new Client(app);
    await client.signIn(manager.actor.username, manager.password);
    const page = await client.get(`/people/${child.id}/workflows/closure`);
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toContain('Copy the case closure workflow to');
    const letter = await client.get(`/people/${child.id}/workflows/closure/letters/${mother.id}`);
    expect(letter.statusCode).toBe(200);
    expect(mainText(letter.body)).toContain('we decided to close');
    expect((await client.get(`/people/${child.id}/workflows/closure/letters/${child.id}`)).statusCode).toBe(404);
    const refused = await client.post(`/people/${child.id}/workflows/closure/copy`, { noneReason: '' });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('Select the siblings to copy the workflow to, or say why there are none');
    const outsider = await makeUser(t.services, { roles: ['team-manager'], teamIds: [] });
    const other = new Client(app);
    await other.signIn(outsider.actor.username, outsider.password);
    expect((await other.post(`/people/${child.id}/workflows/closure/copy`, { noneReason: 'None' })).statusCode).toBe(403);
  });
});
