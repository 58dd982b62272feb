import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError } from '../../src/platform/errors';
import { emptyContactDraft, type ContactDraftData } from '../../src/modules/frontDoor/frontDoorSchemas';
import { describeEvent } from '../../src/modules/people/describeEvent';
import { engines, testDatabase } from '../support/testDatabase';
import { problemsByField as problems } from '../support/refusals';
import { allocatedCase, childInput, importEvent, makeTeam, makeUser, registerChild, world, type TestWorld } from '../factories';

/** The problems of a refused change, by field. */

describe.each(engines())('the front door on %s', (engine) => {
  let t: TestWorld;
  let frontDoorTeam: string;
  let dutySocialWorker: Awaited<ReturnType<typeof makeUser>>;
  let dutyManager: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    // Friday 21 August 2026, 14:30 in London (BST): the Monday after next, 31 August, is the summer bank holiday.
    t = world((await testDatabase(engine)).db, '2026-08-21T13:30:00Z');
    frontDoorTeam = await makeTeam(t.services);
    dutySocialWorker = await makeUser(t.services, { roles: ['social-worker'], teamIds: [frontDoorTeam] });
    dutyManager = await makeUser(t.services, { roles: ['assistant-team-manager'], teamIds: [frontDoorTeam] });
  });

  const rules = async (personId: string, ruleId: string) => (await t.services.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId);

  /** A complete contact about these people, received at a London date and time. */
  function contactAbout(children: string[], adults: ContactDraftData['adults'], received = { day: '21', month: '8', year: '2026', time: '14:00' }): ContactDraftData {
    return {
      ...emptyContactDraft,
      receivedOn: { day: received.day, month: received.month, year: received.year },
      receivedTime: received.time,
      source: 'marf',
      referrerName: 'Ms Amira Khan',
      referrerOrganisation: 'Hollybrook Primary School',
      referrerAgency: 'school',
      referrerRelationship: 'Designated safeguarding lead',
      concerns: 'Came to school with a bruise on the cheek and said "Dad was angry".',
      children: children.map((personId) => ({ personId })),
      adults,
    };
  }

  async function recordContact(data: ContactDraftData, by = dutySocialWorker) {
    const draft = await t.services.frontDoor.startContact(by);
    return t.services.frontDoor.submitContact(by, draft.id, data);
  }

  it('keeps every save of a draft, checks what a contact needs only when it is submitted, and says what to fix', async () => {
    const draft = await t.services.frontDoor.startContact(dutySocialWorker);
    await t.services.frontDoor.saveDraft(dutySocialWorker, draft.id, { ...emptyContactDraft, referrerName: 'Half typed' });
    const refused = await problems(t.services.frontDoor.submitContact(dutySocialWorker, draft.id, { ...emptyContactDraft, referrerName: 'Half typed', receivedTime: '25:00' }));
    expect(refused).toEqual({
      'receivedOn-day': 'Enter date the contact was received',
      source: 'Select how the contact came in',
      referrerAgency: 'Select who the referrer is, like a school, the police or a family member',
      referrerRelationship: 'Enter their relationship to the child, like "class teacher" or "neighbour"',
      concerns: 'Enter the concerns the contact raises',
      people: 'Add the child or children the contact is about',
    });
    // Nothing was lost: the draft holds what was typed, and every save is still there.
    const kept = await t.services.frontDoor.draft(dutySocialWorker, draft.id);
    expect(kept.data.referrerName).toBe('Half typed');
    expect(kept.draft.version).toBe(3);
    const refusal = (error: { cause?: { message?: string }; message: string }) => error.cause?.message ?? error.message;
    expect(await t.db.execute(sql`update draft_versions set data = '{}'::jsonb where draft_id = ${draft.id}`).then(() => 'changed', refusal)).toMatch(/draft_versions is append-only/);
    expect(await t.db.execute(sql`delete from drafts where id = ${draft.id}`).then(() => 'deleted', refusal)).toMatch(/drafts is append-only/);
    // Someone else's draft is theirs alone.
    const colleague = await makeUser(t.services, { roles: ['social-worker'], teamIds: [frontDoorTeam] });
    await expect(t.services.frontDoor.draft(colleague, draft.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses a receipt time in the future or in the hour the clocks skipped', async () => {
    const child = await registerChild(t.services, dutySocialWorker);
    const draft = await t.services.frontDoor.startContact(dutySocialWorker);
    const later = contactAbout([child.id], [], { day: '21', month: '8', year: '2026', time: '15:00' });
    expect(await problems(t.services.frontDoor.submitContact(dutySocialWorker, draft.id, later))).toEqual({ receivedTime: 'Time the contact was received must be in the past: it is 14:30 now' });
    const skipped = contactAbout([child.id], [], { day: '29', month: '3', year: '2026', time: '01:30' });
    expect(await problems(t.services.frontDoor.submitContact(dutySocialWorker, draft.id, skipped))).toEqual({ receivedTime: 'There was no 01:30 on 29 March 2026: the clocks went forward. Check the time' });
  });

  it('records a contact on each child, meeting the 1-hour standard, and starts the 24-hour threshold clock across the weekend', async () => {
    const [first, second] = [await registerChild(t.services, dutySocialWorker), await registerChild(t.services, dutySocialWorker)];
    const result = await recordContact(contactAbout([first.id, second.id], []));
    for (const child of [first, second]) {
      const stream = await t.services.people.streamOf(child.id);
      const received = stream.find((e) => e.type === 'contact.received');
      expect(received?.occurredAt.toISOString()).toBe('2026-08-21T13:00:00.000Z');
      expect(received?.data).toMatchObject({ contactId: result.contactId, source: 'marf', childIds: [first.id, second.id] });
      // Received 14:00, recorded 14:30: within the hour (Duty Team (MASH) 1).
      expect((await rules(child.id, 'front-door.contact-recorded'))[0]?.state).toBe('met');
      // Friday 14:00 + 24 hours is Saturday 14:00: an exact instant, weekend or not.
      const decision = (await rules(child.id, 'front-door.threshold-decision'))[0];
      expect(decision?.obligation.deadline.toISOString()).toBe('2026-08-22T13:00:00.000Z');
      expect(decision?.state).toBe('due');
    }
    const queue = await t.services.frontDoor.queue(dutySocialWorker);
    const mine = queue.awaiting.find((c) => c.contact.id === result.contactId);
    expect(mine?.children.map((c) => c.id)).toEqual([first.id, second.id]);
    expect(mine?.decisionDue?.deadline.toISOString()).toBe('2026-08-22T13:00:00.000Z');
  });

  it('records a contact recorded late as met late: received 12:00, recorded 14:30', async () => {
    const child = await registerChild(t.services, dutySocialWorker);
    await recordContact(contactAbout([child.id], [], { day: '21', month: '8', year: '2026', time: '12:00' }));
    expect((await rules(child.id, 'front-door.contact-recorded'))[0]?.state).toBe('met_late');
  });

  it('starts MASH enquiries only with both parents’ consent or the Duty Manager’s recorded override, and times red and amber replies', async () => {
    const child = await registerChild(t.services, dutySocialWorker);
    const mother = (await t.services.people.register(dutySocialWorker, { ...childInput(), kind: 'adult', dateOfBirth: '1990-01-01', ethnicity: null, firstLanguage: null })) as { outcome: 'registered'; record: { id: string } };
    const father = (await t.services.people.register(dutySocialWorker, { ...childInput(), kind: 'adult', dateOfBirth: '1988-01-01', ethnicity: null, firstLanguage: null })) as { outcome: 'registered'; record: { id: string } };
    const { contactId } = await recordContact(
      contactAbout([child.id], [
        { personId: mother.record.id, relationship: 'Mother', parent: 'yes', consent: 'given' },
        { personId: father.record.id, relationship: 'Father', parent: 'yes', consent: 'refused' },
      ]),
    );
    // Father refused: a social worker cannot go ahead, and the manager must say why.
    expect(await problems(t.services.frontDoor.startEnquiry(dutySocialWorker, contactId, { agency: 'Police', grade: 'red' }))).toEqual({
      overrideRationale: 'Not every parent has consented to information being shared: ask the Duty Assistant Team Manager to override consent, or record consent first',
    });
    expect(await problems(t.services.frontDoor.startEnquiry(dutyManager, contactId, { agency: 'Police', grade: 'red' }))).toEqual({ overrideRationale: 'Not every parent has consented: enter why consent is being overridden' });
    // Consent asked again later is recorded on the contact; the father still refuses, the mother confirms.
    expect(await problems(t.services.frontDoor.recordConsent(dutySocialWorker, contactId, { adultId: father.record.id, consent: 'maybe' }))).toEqual({ consent: 'Select whether they gave or refused consent' });
    expect(await problems(t.services.frontDoor.recordConsent(dutySocialWorker, contactId, { adultId: child.id, consent: 'given' }))).toEqual({ consent: 'That person is not on the contact' });
    await t.services.frontDoor.recordConsent(dutySocialWorker, contactId, { adultId: father.record.id, consent: 'refused' });
    expect((await t.services.frontDoor.contact(dutyManager, contactId)).consented).toBe(false);
    const red = await t.services.frontDoor.startEnquiry(dutyManager, contactId, { agency: 'Police', grade: 'red', overrideRationale: 'Seeking consent could place the child at risk of further harm' });
    t.clock.set('2026-08-21T16:00:00Z'); // 17:00 BST
    const amber = await t.services.frontDoor.startEnquiry(dutyManager, contactId, { agency: 'School', grade: 'amber', overrideRationale: 'As for the police check' });

    const view = await t.services.frontDoor.contact(dutyManager, contactId);
    expect(view.enquiries.map((e) => [e.agency, e.consent, e.clock?.deadline.toISOString()])).toEqual([
      ['Police', 'overridden', '2026-08-21T17:30:00.000Z'], // 14:30 + 4 hours
      ['School', 'overridden', '2026-08-22T16:00:00.000Z'], // Friday 17:00 + 24 hours, on the Saturday
    ]);
    // The police reply at 18:00 BST, within 4 hours; the school's comes on Monday, after its 24 hours.
    t.clock.set('2026-08-21T17:00:00Z');
    await t.services.frontDoor.recordReply(dutySocialWorker, contactId, red, { reply: 'Two previous call-outs for domestic abuse at the address.' });
    t.clock.set('2026-08-24T08:30:00Z');
    await t.services.frontDoor.recordReply(dutySocialWorker, contactId, amber, { reply: 'Attendance 82%; two unexplained injuries logged this term.' });
    await expect(t.services.frontDoor.recordReply(dutySocialWorker, contactId, amber, { reply: 'again' })).rejects.toBeInstanceOf(ConflictError);
    expect((await rules(child.id, 'front-door.mash-enquiry-red'))[0]?.state).toBe('met');
    expect((await rules(child.id, 'front-door.mash-enquiry-amber'))[0]?.state).toBe('met_late');
    // And the decision, due Saturday 14:00, is now overdue.
    expect((await rules(child.id, 'front-door.threshold-decision'))[0]?.state).toBe('overdue');
    t.clock.set('2026-08-21T13:30:00Z');
  });

  it('lets only the Duty Manager decide threshold, once; an assessment goes to the receiving team and is due in 45 working days past the bank holiday', async () => {
    const child = await registerChild(t.services, dutySocialWorker);
    const receiving = await makeTeam(t.services);
    // Thursday 20 August 2026, 16:00: the contact that asks for an assessment.
    const { contactId } = await recordContact(contactAbout([child.id], [], { day: '20', month: '8', year: '2026', time: '16:00' }));
    await t.services.frontDoor.recommend(dutySocialWorker, contactId, { outcome: 'assessment', rationale: 'Injury with an explanation from the child; no previous involvement.' });
    await expect(t.services.frontDoor.decide(dutySocialWorker, contactId, { outcome: 'assessment', reason: 'x', teamId: receiving, primaryNeed: 'abuse_or_neglect' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problems(t.services.frontDoor.decide(dutyManager, contactId, { outcome: 'assessment', reason: '' }))).toEqual({
      reason: 'Enter the reason for the decision',
      teamId: 'Select the team whose assistant team manager will allocate the assessment',
      primaryNeed: "Select the child's primary need, as it looks now",
    });
    expect(await problems(t.services.frontDoor.decide(dutyManager, contactId, { outcome: 'no_further_action', reason: 'No concerns' }))).toEqual({ adviceToReferrer: 'Enter the advice given to the referrer' });

    await t.services.frontDoor.decide(dutyManager, contactId, { outcome: 'assessment', reason: 'Needs an assessment of the injury and home conditions', teamId: receiving, primaryNeed: 'abuse_or_neglect' });
    await expect(t.services.frontDoor.decide(dutyManager, contactId, { outcome: 'no_further_action', reason: 'again', adviceToReferrer: 'x' })).rejects.toBeInstanceOf(ConflictError);

    const record = await t.services.people.find(child.id);
    expect(record?.allocatedTeamId).toBe(receiving);
    expect(record?.allocatedWorkerId).toBeNull();
    // Decided Friday 14:30, 22.5 hours after the contact: met. The assessment is due 45 working days
    // from Thursday 20 August, the summer bank holiday (31 August) not counted: Friday 23 October.
    expect((await rules(child.id, 'front-door.threshold-decision'))[0]?.state).toBe('met');
    expect((await rules(child.id, 'assessment.complete'))[0]?.obligation.dueDate).toBe('2026-10-23');
    expect((await rules(child.id, 'front-door.day-23-reminder'))[0]?.obligation.dueDate).toBe('2026-08-21');
    const view = await t.services.frontDoor.contact(dutyManager, contactId);
    expect(view.contact).toMatchObject({ recommendation: 'assessment', decision: 'assessment', decisionReason: 'Needs an assessment of the injury and home conditions' });
    const queue = await t.services.frontDoor.queue(dutyManager);
    expect(queue.awaiting.some((c) => c.contact.id === contactId)).toBe(false);
    expect(queue.decided.some((c) => c.contact.id === contactId)).toBe(true);
  });

  it("records the child's primary need, as it looks now, for a referral going on to further action: for each child on the contact, and only then (issue 10, cin-census/rules.csv 8610)", async () => {
    const first = await registerChild(t.services, dutySocialWorker);
    const second = await registerChild(t.services, dutySocialWorker);
    const { contactId } = await recordContact(contactAbout([first.id, second.id], []));
    const message = "Select the child's primary need, as it looks now";
    expect(await problems(t.services.frontDoor.decide(dutyManager, contactId, { outcome: 'strategy_discussion', reason: 'Injury to a baby' }))).toEqual({ primaryNeed: message });
    // "Not stated" is what the census says when nothing was recorded: not an answer the Duty Manager gives.
    expect(await problems(t.services.frontDoor.decide(dutyManager, contactId, { outcome: 'strategy_discussion', reason: 'Injury to a baby', primaryNeed: 'not_stated' }))).toEqual({ primaryNeed: message });
    expect(await problems(t.services.frontDoor.decide(dutyManager, contactId, { outcome: 'strategy_discussion', reason: 'Injury to a baby', primaryNeed: 'poverty' }))).toEqual({ primaryNeed: message });
    await t.services.frontDoor.decide(dutyManager, contactId, { outcome: 'strategy_discussion', reason: 'Injury to a baby', primaryNeed: 'abuse_or_neglect' });
    for (const child of [first, second]) {
      const decided = (await t.services.people.streamOf(child.id)).filter((e) => e.type === 'threshold.decided');
      expect(decided.map((e) => e.data)).toEqual([expect.objectContaining({ contactId, outcome: 'strategy_discussion', primaryNeed: 'abuse_or_neglect' })]);
    }
    // The CIN census has the need while the work is under way: rule 8610 is met for the open episode.
    const census = await t.services.returns.forChild(dutyManager, first.id);
    expect(census.rows.cin?.CINdetails.map((d) => d.PrimaryNeedCode)).toEqual(['N1']);
    expect(census.failures.map((f) => f.code)).not.toContain('8610');
    // The chronology says it in words.
    const [decision] = (await t.services.people.streamOf(first.id)).filter((e) => e.type === 'threshold.decided');
    expect(describeEvent(decision!).lines).toContain('Primary need, as it looked at the front door: Abuse or neglect');

    // Early Help is not a referral to further action: a need left chosen is not recorded.
    const other = await registerChild(t.services, dutySocialWorker);
    const hub = await recordContact(contactAbout([other.id], []));
    await t.services.frontDoor.decide(dutyManager, hub.contactId, { outcome: 'early_help', reason: 'Needs met by the hub', primaryNeed: 'low_income' });
    const [early] = (await t.services.people.streamOf(other.id)).filter((e) => e.type === 'threshold.decided');
    expect(early?.data).toMatchObject({ outcome: 'early_help' });
    expect(early?.data).not.toHaveProperty('primaryNeed');
  });

  it('lets a MASH enquiry go ahead on consent recorded after the contact, without an override', async () => {
    const child = await registerChild(t.services, dutySocialWorker);
    const mother = (await t.services.people.register(dutySocialWorker, { ...childInput(), kind: 'adult', dateOfBirth: '1991-02-02', ethnicity: null, firstLanguage: null })) as { outcome: 'registered'; record: { id: string } };
    const { contactId } = await recordContact(contactAbout([child.id], [{ personId: mother.record.id, relationship: 'Mother', parent: 'yes', consent: 'not_asked' }]));
    expect(await problems(t.services.frontDoor.startEnquiry(dutySocialWorker, contactId, { agency: 'GP', grade: 'amber' }))).toHaveProperty('overrideRationale');
    await t.services.frontDoor.recordConsent(dutySocialWorker, contactId, { adultId: mother.record.id, consent: 'given' });
    await t.services.frontDoor.startEnquiry(dutySocialWorker, contactId, { agency: 'GP', grade: 'amber' });
    expect((await t.services.frontDoor.contact(dutySocialWorker, contactId)).enquiries.map((e) => [e.agency, e.consent])).toEqual([['GP', 'parents']]);
  });

  it('records one contact from a double click, takes a late agency reply after the decision, and ignores a team chosen for another outcome', async () => {
    const { child, teamId } = await allocatedCase(t.services);
    const draft = await t.services.frontDoor.startContact(dutySocialWorker);
    const both = await Promise.allSettled([0, 1].map(() => t.services.frontDoor.submitContact(dutySocialWorker, draft.id, contactAbout([child.id], []))));
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(both.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(ConflictError) });
    expect((await t.services.people.streamOf(child.id)).filter((e) => e.type === 'contact.received')).toHaveLength(1);

    const { contactId } = both.find((r) => r.status === 'fulfilled')!.value as { contactId: string };
    const enquiry = await t.services.frontDoor.startEnquiry(dutyManager, contactId, { agency: 'GP', grade: 'amber', overrideRationale: 'No parent on the contact yet' });
    await t.services.frontDoor.decide(dutyManager, contactId, { outcome: 'early_help', reason: 'Needs met by the hub', teamId: frontDoorTeam });
    expect((await t.services.people.find(child.id))?.allocatedTeamId).toBe(teamId);
    await t.services.frontDoor.recordReply(dutySocialWorker, contactId, enquiry, { reply: 'Registered; no concerns.' });
    expect((await rules(child.id, 'front-door.mash-enquiry-amber'))[0]?.state).toBe('met');
  });

  it('sends a re-referral within 3 months of Early Help stepping up to an assessment (Appendix 2: the step-up procedure)', async () => {
    const child = await registerChild(t.services, dutySocialWorker);
    await importEvent(t.services, child.id, 'early_help.received', '2026-04-01T10:00:00+01:00');
    await importEvent(t.services, child.id, 'early_help.closed', '2026-05-21T15:00:00+01:00', { outcome: 'stepped_up' });
    // Re-referred on Friday 21 August: exactly 3 months after the step-up, still within them.
    const { contactId } = await recordContact(contactAbout([child.id], []));
    const refused = await problems(t.services.frontDoor.decide(dutyManager, contactId, { outcome: 'early_help', reason: 'Back to the hub' }));
    expect(refused.outcome).toContain('stepped up to social care on 21 May 2026: a re-referral within 3 months goes to a Child and Family Assessment');
    await t.services.frontDoor.decide(dutyManager, contactId, { outcome: 'assessment', reason: 'Re-referral after step-up', teamId: frontDoorTeam, primaryNeed: 'family_dysfunction' });
    // A step-up more than 3 months before the contact does not bind the decision.
    const other = await registerChild(t.services, dutySocialWorker);
    await importEvent(t.services, other.id, 'early_help.received', '2026-04-01T10:00:00+01:00');
    await importEvent(t.services, other.id, 'early_help.closed', '2026-05-20T15:00:00+01:00', { outcome: 'stepped_up' });
    const later = await recordContact(contactAbout([other.id], []));
    await t.services.frontDoor.decide(dutyManager, later.contactId, { outcome: 'no_further_action', reason: 'Resolved', adviceToReferrer: 'Call again if it recurs' });
  });

  it('links a contact about a child with an open case to it and alerts the allocated worker', async () => {
    const { worker, child } = await allocatedCase(t.services);
    const result = await recordContact(contactAbout([child.id], []));
    expect(result.openCases).toEqual([{ personId: child.id, name: `${child.details.givenNames} ${child.details.familyName}`, worker: worker.actor.displayName }]);
    const alerts = await t.services.frontDoor.recentContactsAbout([child.id]);
    expect(alerts.map((a) => a.id)).toEqual([result.contactId]);
    // The front door records on a case another team holds, but cannot record practice work on it.
    await expect(t.services.recordWork.record(dutySocialWorker, child.id, { type: 'cin.visit', occurredOn: '2026-08-21', occurredTime: '10:00', data: {} })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('keeps a restricted child from the front door: not added to a draft, not recorded on, and the contact not shown', async () => {
    const { manager, child } = await allocatedCase(t.services);
    const { contactId } = await recordContact(contactAbout([child.id], []));
    await t.services.people.restrict(manager, child.id, 'A relative of a member of staff');
    const draft = await t.services.frontDoor.startContact(dutySocialWorker);
    await expect(t.services.frontDoor.addToDraft(dutySocialWorker, draft.id, emptyContactDraft, child.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordContact(contactAbout([child.id], []))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(t.services.frontDoor.contact(dutySocialWorker, contactId)).rejects.toBeInstanceOf(ForbiddenError);
    const queue = await t.services.frontDoor.queue(dutySocialWorker);
    expect(queue.awaiting.find((c) => c.contact.id === contactId)?.children).toEqual([{ id: child.id, name: 'Restricted record', hearthId: null, visible: false }]);
  });

  it("hands a hospital referral for another authority's child over the same day (specialist-service-statement.txt 7.3.3)", async () => {
    const child = await registerChild(t.services, dutySocialWorker);
    const draft = await t.services.frontDoor.startContact(dutySocialWorker);
    const hospital = { ...contactAbout([child.id], []), source: 'hospital' };
    expect(await problems(t.services.frontDoor.submitContact(dutySocialWorker, draft.id, hospital))).toEqual({ homeAuthority: "Enter the child's home local authority, which the referral is passed to" });
    const { contactId } = await t.services.frontDoor.submitContact(dutySocialWorker, draft.id, { ...hospital, homeAuthority: 'Somerset Council' });
    expect((await rules(child.id, 'cwd.hospital-referral-passed-on'))[0]?.obligation.dueDate).toBe('2026-08-21');
    t.clock.set('2026-08-24T09:00:00Z'); // Monday: late
    await t.services.frontDoor.handOver(dutySocialWorker, contactId, { note: 'Duty team at Somerset, by phone' });
    await expect(t.services.frontDoor.handOver(dutySocialWorker, contactId, { note: 'again' })).rejects.toBeInstanceOf(ConflictError);
    expect((await rules(child.id, 'cwd.hospital-referral-passed-on'))[0]?.state).toBe('met_late');
    t.clock.set('2026-08-21T13:30:00Z');
  });
});
