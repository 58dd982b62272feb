import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { obligationsCommand } from '../../src/cli/standardsCommands';
import type { Database } from '../../src/platform/db/database';
import { ladoScenes } from '../../src/modules/demo/demoLado';
import { ForbiddenError } from '../../src/platform/errors';
import { childInput, importEvent, makeTeam, makeUser, registerChild, world, type TestWorld } from '../factories';
import { problemList as problems } from '../support/refusals';
import { Client, mainText, testApp } from '../support/testApp';
import { engines, testDatabase } from '../support/testDatabase';

/** A form's date boxes and time, as the page sends them. */
const when = (name: string, date: string, time: string) => {
  const [year, month, day] = date.split('-');
  return { [`${name}On-day`]: String(Number(day)), [`${name}On-month`]: String(Number(month)), [`${name}On-year`]: year!, [`${name}Time`]: time };
};
const dateBoxes = (name: string, date: string) => {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! };
};

/**
 * An allegation against an approved foster carer taken from receipt through the strategy meeting
 * to its outcome, each timescale of Managing Allegations 81-84 checked across Easter and the May
 * bank holiday; a child-led one over Christmas; and who may see any of it (issue 11).
 */
describe.each(engines())('allegations against adults who work with children (LADO) on %s', (engine) => {
  let t: TestWorld;
  let app: FastifyInstance;
  let database: Database;

  beforeAll(async () => {
    database = await testDatabase(engine);
    t = world(database.db, '2026-04-01T09:00:00Z');
    app = await testApp(t);
  });
  afterAll(() => app.close());

  async function cast() {
    const fpt = await makeTeam(t.services, undefined);
    const ssw = await makeUser(t.services, { roles: ['social-worker'], teamIds: [fpt] });
    const manager = await makeUser(t.services, { roles: ['team-manager'], teamIds: [fpt] });
    const head = await makeUser(t.services, { roles: ['head-of-service'] });
    const lado = await makeUser(t.services, { roles: ['lado'] });
    const auditor = await makeUser(t.services, { roles: ['auditor'] });
    const registered = await t.services.people.register(ssw, childInput({ kind: 'adult', dateOfBirth: '1972-05-14', givenNames: 'Joan', familyName: `Okafor${Date.now()}` }));
    if (registered.outcome !== 'registered') throw new Error('carer not registered');
    const carer = registered.record;
    await importEvent(t.services, carer.id, 'fostering.carer_approved', '2024-09-12T10:00:00Z', {
      terms: { children: 2, ageFrom: 0, ageTo: 18, gender: 'any', careTypes: ['short_term'] },
      approvalKind: 'mainstream',
      decisionOn: '2024-09-12',
      summary: 'Approved for two children',
    });
    const child = await registerChild(t.services, ssw);
    return { fpt, ssw, manager, head, lado, auditor, carer, child };
  }

  const ladoStates = async (personId: string, reader: Parameters<typeof t.services.standards.forPerson>[1]) =>
    Object.fromEntries((await t.services.standards.forPerson(personId, reader)).filter((o) => o.obligation.ruleId.startsWith('lado.')).map((o) => [o.obligation.ruleId, o.state]));

  it('takes an allegation through the strategy meeting to its outcome, with each timescale', async () => {
    const { ssw, manager, head, lado, auditor, carer, child } = await cast();
    t.clock.set('2026-04-07T10:00:00Z'); // Tuesday after Easter Monday
    const form = {
      adultHearthId: String(carer.hearthId),
      employer: 'Wealdmoor Fostering Service',
      role: 'Foster carer',
      sector: 'foster_care',
      source: 'social_care',
      referrer: 'Rebecca Lewis, supervising social worker',
      category: 'physical',
      nature: 'A child said the carer slapped her on the arm at bedtime.',
      childHearthIds: String(child.hearthId),
      childLed: 'no',
      ...dateBoxes('awareOn', '2026-04-02'), // Maundy Thursday
      ...when('received', '2026-04-07', '09:30'),
    };

    // Bad input says what to fix.
    expect(await problems(t.services.lado.record(lado, { source: 'employer' }))).toEqual(
      expect.arrayContaining(['adultHearthId: Enter the Hearth ID of the adult the allegation is about', 'employer: Enter the employer or organisation the adult works or volunteers for', 'awareOn-day: Enter date the employer became aware', 'childLed: Select whether the strategy meeting is child-led']),
    );
    expect(await problems(t.services.lado.record(lado, { ...form, adultHearthId: String(child.hearthId) }))).toEqual([`adultHearthId: Hearth ID ${child.hearthId} is a child's record: enter the Hearth ID of the adult the allegation is about`]);
    expect(await problems(t.services.lado.record(lado, { ...form, ...dateBoxes('awareOn', '2026-04-08') }))).toEqual(['awareOn-day: The date the employer became aware must be on or before the date the LADO received the allegation']);
    expect(await problems(t.services.lado.record(lado, { ...form, childHearthIds: 'Amy' }))).toEqual(['childHearthIds: "Amy" is not a Hearth ID: enter numbers separated by commas, like 1042, 1043']);
    // Only the LADO records allegations: not from the LADO's forms, nor from Record work on the adult's record.
    await expect(t.services.lado.record(ssw, form)).rejects.toBeInstanceOf(ForbiddenError);
    for (const type of ['lado.allegation_received', 'lado.strategy_meeting_held', 'lado.allegation_concluded', 'lado.strategy_notes_distributed']) {
      expect(await problems(t.services.recordWork.record(ssw, carer.id, { type, occurredOn: '2026-04-07', occurredTime: '09:00', data: {} }))).toEqual(['type: Select what was done from the list']);
    }
    await expect(t.services.lado.record(auditor, form)).rejects.toBeInstanceOf(ForbiddenError);

    const before = (await t.services.lado.report(lado, 2026)).report;
    const { personId, allegationId } = await t.services.lado.record(lado, form);
    expect(personId).toBe(carer.id);
    // Informed on Tuesday 7 April, within 1 working day of Thursday 2 April: Good Friday and Easter Monday do not count.
    expect(await ladoStates(carer.id, lado.actor)).toEqual({ 'lado.informed': 'met', 'lado.strategy-meeting': 'due' });
    const due = (await t.services.standards.forPerson(carer.id, lado.actor)).find((o) => o.obligation.ruleId === 'lado.strategy-meeting');
    expect(due?.obligation.dueDate).toBe('2026-04-09');
    expect(await problems(t.services.lado.record(lado, form))).toEqual([expect.stringMatching(/^adultHearthId: .* already has an open allegation/)]);

    // An enquiry from the employer on Tuesday, answered on Wednesday: within 1 working day.
    await t.services.lado.enquiry(lado, personId, allegationId, { from: 'Owen Parry, Family Placement Team', question: 'Should the child stay in placement tonight?', ...when('enquiry', '2026-04-07', '11:00') });
    const enquiryId = (await t.services.lado.view(lado, personId, allegationId)).openEnquiries[0]!.enquiryId;
    expect(await problems(t.services.lado.respond(lado, personId, allegationId, enquiryId, { advice: 'Yes', ...when('responded', '2026-04-06', '11:00') }))).toEqual([
      'respondedOn: The response cannot be before the enquiry, received 7 April 2026 at 11:00am: check the date and time',
    ]);
    t.clock.set('2026-04-08T17:00:00Z');
    await t.services.lado.respond(lado, personId, allegationId, enquiryId, { advice: 'A safety plan agreed; the child stays while the meeting is arranged.', ...when('responded', '2026-04-08', '16:00') });

    // Friday 10 April: the meeting was due by Thursday 9 April, so it is overdue, and met late when held.
    t.clock.set('2026-04-10T08:00:00Z');
    expect((await ladoStates(carer.id, lado.actor))['lado.strategy-meeting']).toBe('overdue');
    expect((await t.services.lado.worklist(lado)).open.find((o) => o.allegation.allegationId === allegationId)?.overdue).toBe(true);
    expect(await problems(t.services.lado.strategyMeeting(lado, personId, allegationId, { attendees: 'LADO, police, SSW', summary: 'Police to investigate', investigation: 'police', ...when('meeting', '2026-04-10', '07:00') }))).toEqual([
      'reviewOn-day: Enter the date of the first review: the investigation continues, so set its review at the meeting (Managing Allegations 85)',
    ]);
    t.clock.set('2026-04-10T12:00:00Z');
    await t.services.lado.strategyMeeting(lado, personId, allegationId, { attendees: 'LADO, police, SSW, team manager', summary: 'Police to investigate; the child stays with a safety plan.', investigation: 'police', ...when('meeting', '2026-04-10', '10:00'), ...dateBoxes('reviewOn', '2026-05-05') });
    expect(await ladoStates(carer.id, lado.actor)).toEqual({ 'lado.informed': 'met', 'lado.enquiry-response': 'met', 'lado.strategy-meeting': 'met_late', 'lado.strategy-notes': 'due' });

    // Notes on Tuesday 14 April: within 2 working days of Friday 10 April.
    t.clock.set('2026-04-14T13:00:00Z');
    await t.services.lado.notesDistributed(lado, personId, allegationId, when('notes', '2026-04-14', '12:00'));
    expect((await ladoStates(carer.id, lado.actor))['lado.strategy-notes']).toBe('met');

    // The review set for Tuesday 5 May (after the May bank holiday) is overdue on the 6th until held.
    t.clock.set('2026-05-06T09:00:00Z');
    expect((await t.services.lado.view(lado, personId, allegationId)).review).toEqual({ on: '2026-05-05', overdue: true });
    await t.services.lado.review(lado, personId, allegationId, { reviewSummary: 'Police have finished: no further action.', ...when('reviewHeld', '2026-05-06', '08:30') });
    expect((await t.services.lado.view(lado, personId, allegationId)).review).toBeNull();

    expect(await problems(t.services.lado.outcome(lado, personId, allegationId, { outcomeSummary: 'x', ...when('concluded', '2026-05-06', '08:45') }))).toEqual([
      'outcome: Select the outcome of the allegation',
      'dbsReferral: Select whether the employer was advised to refer to the Disclosure and Barring Service',
      'regulator: Select whether the employer was advised to refer to a regulator',
    ]);
    await t.services.lado.outcome(lado, personId, allegationId, { outcome: 'unsubstantiated', dbsReferral: 'no', regulator: 'ofsted', outcomeSummary: 'Unsubstantiated; the fostering service to tell Ofsted.', ...when('concluded', '2026-05-06', '08:45') });
    const concluded = await t.services.lado.view(lado, personId, allegationId);
    expect(concluded.allegation.outcome?.outcome).toBe('unsubstantiated');
    expect(concluded.clocks.map((c) => [c.ruleId, c.state])).toEqual([['lado.informed', 'met'], ['lado.enquiry-response', 'met'], ['lado.strategy-meeting', 'met_late'], ['lado.strategy-notes', 'met']]);
    expect(concluded.may.record).toBe(false);
    expect(await problems(t.services.lado.review(lado, personId, allegationId, { reviewSummary: 'Late', ...when('reviewHeld', '2026-05-06', '08:50') }))).toEqual(['reviewSummary: This allegation has been concluded: add a note if something needs correcting']);
    await t.services.lado.note(lado, personId, allegationId, { note: 'Correction: the meeting also had the child’s social worker.' });

    // The carer's record: a review required, without the allegation's details.
    const carerStream = await t.services.people.streamOf(carer.id);
    const required = carerStream.filter((e) => e.type === 'fostering.review_required');
    expect(required.map((e) => e.data)).toEqual([{ reason: 'allegation', summary: 'A review is needed after an allegation (LADO)' }]);

    // Who may see it. The supervising social worker, the team manager and the head of service see the carer's record
    // with the review required but no allegation event or standard, and cannot open the allegation.
    for (const reader of [ssw, manager, head]) {
      const sheet = await t.services.people.frontSheet(reader, carer.id);
      expect(sheet.recent.map((e) => e.type)).toContain('fostering.review_required');
      expect(sheet.recent.some((e) => e.type.startsWith('lado.'))).toBe(false);
      expect(sheet.may.allegations).toBe(false);
      const history = await t.services.people.history(reader, carer.id);
      expect(history.events.some((e) => e.type.startsWith('lado.'))).toBe(false);
      expect(history.events.length).toBeGreaterThan(0);
      expect(await ladoStates(carer.id, reader.actor)).toEqual({});
      const caseRecord = await t.services.caseRecord.view(reader, carer.id);
      expect(caseRecord.chronology.some((c) => /allegation/i.test(c.title))).toBe(false);
      expect(await ladoStates(carer.id, undefined)).toEqual({});
      await expect(t.services.lado.view(reader, personId, allegationId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(t.services.lado.worklist(reader)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(t.services.lado.report(reader, 2026)).rejects.toBeInstanceOf(ForbiddenError);
    }
    const compliance = await t.services.standards.compliance('2026-04-01', '2026-05-31', head.actor);
    expect(compliance.some((r) => r.ruleId.startsWith('lado.'))).toBe(false);
    expect(await t.services.standards.complianceOfRule('lado.strategy-meeting', '2026-04-01', '2026-05-31', head.actor)).toEqual([]);
    expect(await t.services.standards.ofRuleInPeriod('lado.strategy-meeting', '2026-04-01', '2026-05-31', 500, head.actor)).toEqual([]);

    // The LADO sees them on the record too; the auditor reads the allegation without being able to open the record.
    expect((await t.services.people.frontSheet(lado, carer.id)).recent.some((e) => e.type === 'lado.allegation_concluded')).toBe(true);
    expect((await t.services.caseRecord.view(lado, carer.id)).chronology.some((c) => c.title === 'Allegation received by the LADO')).toBe(true);
    const audited = await t.services.lado.view(auditor, personId, allegationId);
    expect(audited.allegation.employer).toBe('Wealdmoor Fostering Service');
    expect(audited.may.note).toBe(false);
    await expect(t.services.people.frontSheet(auditor, carer.id)).rejects.toBeInstanceOf(ForbiddenError);

    // Every read of the allegation, and every refusal, is in the audit log.
    const log = await t.services.audit.search(auditor, { personId: carer.id, username: null, from: null, to: null, page: 1 });
    const rows = log.rows.map((r) => [r.action, r.username, r.outcome]);
    expect(rows).toContainEqual(['allegation.viewed', auditor.actor.username, 'allowed']);
    expect(rows).toContainEqual(['allegation.viewed', lado.actor.username, 'allowed']);
    expect(rows).toContainEqual(['allegation.viewed', ssw.actor.username, 'denied']);
    expect(rows).toContainEqual(['allegation.recorded', lado.actor.username, 'allowed']);

    // The annual report for April 2026 to March 2027: this allegation more than before it, resolved within a month (7 April to 6 May).
    const { report } = await t.services.lado.report(lado, 2026);
    expect(report.received).toBe(before.received + 1);
    expect(report.concluded).toBe(before.concluded + 1);
    expect(report.resolution.within[0]!.count).toBe(before.resolution.within[0]!.count + 1);
    expect(report.sources.find((x) => x.value === 'social_care')!.count).toBe(before.sources.find((x) => x.value === 'social_care')!.count + 1);
  });

  it('refuses steps out of order: no outcome before the notes and every response, nothing before receipt, one meeting (across the Spring bank holiday)', async () => {
    const { lado, ssw, child } = await cast();
    const registered = await t.services.people.register(lado, childInput({ kind: 'adult', dateOfBirth: '1979-08-30', externalId: `LADO-${Date.now()}` }));
    if (registered.outcome !== 'registered') throw new Error('adult not registered');
    const adult = registered.record;
    t.clock.set('2026-05-22T11:00:00Z'); // Friday 22 May 2026; Monday 25 May is the Spring bank holiday
    const form = {
      adultHearthId: String(adult.hearthId), employer: 'Thornleigh Academy', role: 'PE teacher', sector: 'education', source: 'child', referrer: 'The pupil, by telephone', category: 'physical',
      nature: 'A pupil said the teacher pushed him against a wall in the changing room.', childHearthIds: String(child.hearthId), childLed: 'no', ...when('received', '2026-05-22', '10:00'),
    };
    // The employer's awareness is required only when the employer told the LADO, and not over 5 years before receipt.
    expect(await problems(t.services.lado.record(lado, { ...form, source: 'employer' }))).toEqual(['awareOn-day: Enter date the employer became aware']);
    expect(await problems(t.services.lado.record(lado, { ...form, ...dateBoxes('awareOn', '2021-05-21') }))).toEqual([
      'awareOn-day: The date the employer became aware must be within 5 years before the date the LADO received the allegation: check the year',
    ]);
    // The pupil told the LADO directly: no awareness date, so no lado.informed clock.
    const { personId, allegationId } = await t.services.lado.record(lado, form);
    expect((await t.services.people.streamOf(adult.id)).some((e) => e.type === 'lado.employer_became_aware')).toBe(false);
    expect((await t.services.lado.view(lado, personId, allegationId)).allegation.awareAt).toBeNull();
    expect(await ladoStates(adult.id, lado.actor)).toEqual({ 'lado.strategy-meeting': 'due' });
    expect((await t.services.standards.forPerson(adult.id, lado.actor)).find((o) => o.obligation.ruleId === 'lado.strategy-meeting')?.obligation.dueDate).toBe('2026-05-27');

    // An enquiry dated before receipt is refused (it would vanish from the allegation read in date order).
    expect(await problems(t.services.lado.enquiry(lado, personId, allegationId, { from: 'Head teacher', question: 'Suspend?', ...when('enquiry', '2026-05-21', '15:00') }))).toEqual([
      'enquiryOn: The enquiry cannot be before the allegation was received, 22 May 2026 at 10:00am: check the date and time, or add it as a note',
    ]);
    // Saturday 23 May: the response is due by Tuesday 26 May, the bank holiday not counting.
    t.clock.set('2026-05-23T10:00:00Z');
    await t.services.lado.enquiry(lado, personId, allegationId, { from: 'Head teacher, Thornleigh Academy', question: 'Should he teach on Tuesday?', ...when('enquiry', '2026-05-23', '10:30') });
    expect((await t.services.standards.forPerson(adult.id, lado.actor)).find((o) => o.obligation.ruleId === 'lado.enquiry-response')?.obligation.dueDate).toBe('2026-05-26');

    t.clock.set('2026-05-27T12:00:00Z');
    await t.services.lado.strategyMeeting(lado, personId, allegationId, { attendees: 'LADO, head teacher, police', summary: 'The school to investigate.', investigation: 'employer', ...when('meeting', '2026-05-27', '10:00'), ...dateBoxes('reviewOn', '2026-06-10') });
    // One strategy meeting: a later one is a review.
    expect(await problems(t.services.lado.strategyMeeting(lado, personId, allegationId, { attendees: 'LADO', summary: 'Again', investigation: 'employer', ...when('meeting', '2026-05-27', '11:00'), ...dateBoxes('reviewOn', '2026-06-10') }))).toEqual([
      'attendees: The strategy meeting was held on 27 May 2026 at 10:00am: record a later meeting as a review',
    ]);
    const outcome = { outcome: 'unfounded', dbsReferral: 'no', regulator: 'none', outcomeSummary: 'No evidence.' };
    // No outcome before the notes are distributed: concluding would cancel their clock for ever.
    expect(await problems(t.services.lado.outcome(lado, personId, allegationId, { ...outcome, ...when('concluded', '2026-05-27', '11:30') }))).toEqual([
      'outcome: Record when the strategy meeting notes were distributed before the outcome (Managing Allegations 84)',
    ]);
    // Friday 29 May: within 2 working days of Wednesday 27 May.
    t.clock.set('2026-05-29T12:00:00Z');
    await t.services.lado.notesDistributed(lado, personId, allegationId, when('notes', '2026-05-29', '09:00'));
    // Nor while an enquiry is unanswered: it would stay overdue for ever.
    expect(await problems(t.services.lado.outcome(lado, personId, allegationId, { ...outcome, ...when('concluded', '2026-05-29', '11:00') }))).toEqual([
      'outcome: Record the response to the enquiry from Head teacher, Thornleigh Academy before the outcome (Managing Allegations 82)',
    ]);
    await t.services.lado.respond(lado, personId, allegationId, (await t.services.lado.view(lado, personId, allegationId)).openEnquiries[0]!.enquiryId, { advice: 'Not until the meeting.', ...when('responded', '2026-05-26', '09:00') });
    // The review set for Wednesday 10 June; the outcome cannot be dated before it.
    t.clock.set('2026-06-11T12:00:00Z');
    await t.services.lado.review(lado, personId, allegationId, { reviewSummary: 'The school found nothing to support it.', ...when('reviewHeld', '2026-06-10', '14:00') });
    expect(await problems(t.services.lado.outcome(lado, personId, allegationId, { ...outcome, ...when('concluded', '2026-06-09', '10:00') }))).toEqual([
      'concludedOn: The outcome cannot be before the last review, held 10 June 2026 at 2:00pm: check the date and time',
    ]);
    await t.services.lado.outcome(lado, personId, allegationId, { ...outcome, ...when('concluded', '2026-06-11', '10:00') });
    expect(await ladoStates(adult.id, lado.actor)).toEqual({ 'lado.enquiry-response': 'met', 'lado.strategy-meeting': 'met', 'lado.strategy-notes': 'met' });

    // The server's command line does not print the allegation standards of an adult either.
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
    try {
      expect(await obligationsCommand(['--child', adult.externalId as string, '--at', '2026-05-26T12:00:00Z', '--json'], (run) => run(database))).toBe(0);
    } finally {
      log.mockRestore();
    }
    expect(JSON.parse(printed.join('\n'))).toEqual([]);
    expect(printed.join('\n')).not.toContain('lado.');

    // Reading the adult's record with allegation events on it is a read of the allegation, audited; a social worker's read is not one.
    const auditor = await makeUser(t.services, { roles: ['auditor'] });
    const viewed = async () => (await t.services.audit.search(auditor, { personId: adult.id, username: lado.actor.username, from: null, to: null, page: 1 })).rows.filter((r) => r.action === 'allegation.viewed').length;
    const start = await viewed();
    await t.services.people.frontSheet(lado, adult.id);
    expect(await viewed()).toBe(start + 1);
    await t.services.people.history(lado, adult.id);
    expect(await viewed()).toBe(start + 2);
    await t.services.caseRecord.view(lado, adult.id);
    expect(await viewed()).toBe(start + 3);
    await t.services.people.frontSheet(ssw, adult.id);
    const sswRows = (await t.services.audit.search(auditor, { personId: adult.id, username: ssw.actor.username, from: null, to: null, page: 1 })).rows;
    expect(sswRows.filter((r) => r.action === 'allegation.viewed')).toEqual([]);
  });

  it('marks an allegation recorded against the wrong adult as recorded in error: off the worklist and report, its clocks ended', async () => {
    const { lado } = await cast();
    const wrong = await t.services.people.register(lado, childInput({ kind: 'adult', dateOfBirth: '1990-01-01' }));
    if (wrong.outcome !== 'registered') throw new Error('adult not registered');
    t.clock.set('2026-08-28T15:00:00Z'); // Friday 28 August 2026; Monday 31 August is the summer bank holiday
    const before = (await t.services.lado.report(lado, 2026)).report;
    const { personId, allegationId, adultName } = await t.services.lado.record(lado, {
      adultHearthId: String(wrong.record.hearthId), employer: 'Wealdmoor Cubs', role: 'Cub leader', sector: 'voluntary', source: 'parent', referrer: 'A parent', category: 'emotional',
      nature: 'Shouted at the cubs.', otherChildren: 'Cubs aged 8 to 10', childLed: 'no', ...when('received', '2026-08-28', '14:00'),
    });
    expect(adultName).toBe(`${wrong.record.details.givenNames} ${wrong.record.details.familyName}`);
    await t.services.lado.enquiry(lado, personId, allegationId, { from: 'Group Scout Leader', question: 'Stand him down?', ...when('enquiry', '2026-08-28', '14:30') });
    // The meeting is due by Wednesday 2 September (31 August does not count); the enquiry's response by Tuesday 1 September.
    expect(await ladoStates(personId, lado.actor)).toEqual({ 'lado.enquiry-response': 'due', 'lado.strategy-meeting': 'due' });
    expect((await t.services.lado.worklist(lado)).open.some((o) => o.allegation.allegationId === allegationId)).toBe(true);

    t.clock.set('2026-08-29T09:00:00Z');
    expect(await problems(t.services.lado.recordedInError(lado, personId, allegationId, {}))).toEqual(['inErrorReason: Enter why the allegation was recorded in error, like "recorded against the wrong adult"']);
    await t.services.lado.recordedInError(lado, personId, allegationId, { inErrorReason: 'Recorded against the wrong adult: the cub leader is another person of the same name' });
    // Its clocks end (cancelled, not overdue on 3 September), it leaves the worklist and the report, and nothing more can be recorded on it.
    t.clock.set('2026-09-03T09:00:00Z');
    expect(await ladoStates(personId, lado.actor)).toEqual({ 'lado.enquiry-response': 'cancelled', 'lado.strategy-meeting': 'cancelled' });
    const list = await t.services.lado.worklist(lado);
    expect([...list.open.map((o) => o.allegation.allegationId), ...list.concluded.map((c) => c.allegation.allegationId)]).not.toContain(allegationId);
    expect((await t.services.lado.report(lado, 2026)).report.received).toBe(before.received);
    expect(await problems(t.services.lado.strategyMeeting(lado, personId, allegationId, { attendees: 'LADO', summary: 'x', investigation: 'no_further_action', ...when('meeting', '2026-09-01', '10:00') }))).toEqual([
      'attendees: This allegation was marked as recorded in error: nothing more can be recorded on it',
    ]);
    expect(await problems(t.services.lado.recordedInError(lado, personId, allegationId, { inErrorReason: 'Again' }))).toEqual([expect.stringMatching(/^inErrorReason: This allegation was already marked as recorded in error/)]);
    // Kept, marked, for the LADO and auditors; the adult may have a real allegation recorded after it.
    const view = await t.services.lado.view(lado, personId, allegationId);
    expect(view.allegation.inError?.reason).toMatch(/wrong adult/);
    expect(view.may.record).toBe(false);
    expect((await t.services.lado.ofPerson(lado, personId)).may.record).toBe(true);
  });

  it('holds a child-led strategy meeting within 1 working day across Christmas', async () => {
    const { lado, child } = await cast();
    const registered = await t.services.people.register(lado, childInput({ kind: 'adult', dateOfBirth: '1988-02-01' }));
    if (registered.outcome !== 'registered') throw new Error('adult not registered');
    const coach = registered.record;
    t.clock.set('2026-12-24T16:00:00Z'); // Thursday 24 December
    const { personId, allegationId } = await t.services.lado.record(lado, {
      adultHearthId: String(coach.hearthId),
      employer: 'Wealdmoor Swimming Club',
      role: 'Swimming coach',
      sector: 'sport',
      source: 'child',
      referrer: 'The child, by telephone to the LADO',
      category: 'sexual',
      nature: 'Inappropriate messages to a 14-year-old swimmer.',
      childHearthIds: String(child.hearthId),
      childLed: 'yes',
      ...dateBoxes('awareOn', '2026-12-24'),
      ...when('received', '2026-12-24', '15:00'),
    });
    // No review is asked for: the coach is not a foster carer.
    expect((await t.services.people.streamOf(coach.id)).some((e) => e.type === 'fostering.review_required')).toBe(false);
    const obligations = await t.services.standards.forPerson(coach.id, lado.actor);
    // 25 December (Friday) and 28 December (the substitute Boxing Day) are bank holidays.
    expect(obligations.find((o) => o.obligation.ruleId === 'lado.child-led-strategy-meeting')?.obligation.dueDate).toBe('2026-12-29');
    expect(obligations.find((o) => o.obligation.ruleId === 'lado.strategy-meeting')?.obligation.dueDate).toBe('2026-12-30');
    t.clock.set('2026-12-30T12:00:00Z');
    await t.services.lado.strategyMeeting(lado, personId, allegationId, { attendees: 'LADO, police', summary: 'Police to investigate.', investigation: 'police', ...when('meeting', '2026-12-30', '10:00'), ...dateBoxes('reviewOn', '2027-01-13') });
    expect(await ladoStates(coach.id, lado.actor)).toMatchObject({ 'lado.child-led-strategy-meeting': 'met_late', 'lado.strategy-meeting': 'met', 'lado.strategy-notes': 'due' });
    // A team's or a caseload's counts leave out what is due on an allegation, except for the LADO.
    expect((await t.services.standards.openCounts([coach.id])).get(coach.id)).toBeUndefined();
    expect((await t.services.standards.openCounts([coach.id], lado.actor)).get(coach.id)).toEqual({ overdue: 0, dueSoon: 1 });
    expect((await t.services.standards.openFor([coach.id])).length).toBe(0);
  });

  it("seeds the demonstration's allegations, some of them late, one about a foster carer", async () => {
    const { lado, ssw, carer } = await cast();
    await t.services.people.correct(ssw, carer.id, { changes: { givenNames: 'Joan', familyName: 'Okafor' }, reason: 'The demonstration carer' });
    const children = new Map([['Campbell', [(await registerChild(t.services, ssw)).id]], ['Osei', [(await registerChild(t.services, ssw)).id]], ['Walker', [(await registerChild(t.services, ssw)).id]]]);
    const now = new Date('2026-11-23T12:00:00Z');
    t.clock.set(now);
    const openBefore = new Set((await t.services.lado.worklist(lado)).open.map((o) => o.allegation.allegationId));
    const reportBefore = (await t.services.lado.report(lado, 2026)).report;
    const at = (daysAgo: number, hour = 10) => new Date(Date.parse('2026-11-23T00:00:00Z') - daysAgo * 86_400_000 + hour * 3_600_000);
    await ladoScenes(t.services, lado, children, (d) => t.clock.set(d), at, carer.id);
    t.clock.set(now);
    const list = await t.services.lado.worklist(lado);
    // Two of the scenes are still open: Daniel Price's (an enquiry unanswered) and Joan Okafor's (the review overdue).
    const mine = list.open.filter((o) => !openBefore.has(o.allegation.allegationId));
    expect(mine.map((o) => o.person?.name).sort()).toEqual(['Daniel Price', 'Joan Okafor']);
    expect(mine.every((o) => o.overdue || o.review?.overdue)).toBe(true);
    expect(mine.find((o) => o.person?.name.startsWith('Joan'))?.allegation.fosterCarer).toBe(true);
    expect((await t.services.people.streamOf(carer.id)).filter((e) => e.type === 'fostering.review_required')).toHaveLength(1);
    const { report } = await t.services.lado.report(lado, 2026);
    // Received from April 2026: Daniel Price, Gareth Lloyd, the nursery's, Paul Haddad and Joan Okafor (Anne Cole's was in September 2025).
    expect(report.received - reportBefore.received).toBe(5);
    // Concluded this year: substantiated, unfounded and unsubstantiated (Anne Cole's, malicious, in October 2025).
    expect(report.outcomes.map((o) => o.count - (reportBefore.outcomes.find((b) => b.value === o.value)?.count ?? 0))).toEqual([1, 1, 1, 0, 0]);
  });

  it('serves the pages to the LADO and refuses everyone else', async () => {
    const { fpt, ssw, manager, head, lado, auditor, carer } = await cast();
    t.clock.set('2027-01-05T10:00:00Z');
    const ladoClient = new Client(app);
    await ladoClient.signIn(lado.actor.username, lado.password);
    const list = await ladoClient.get('/allegations');
    expect(list.statusCode).toBe(200);
    expect(mainText(list.body)).toContain('Open allegations');
    const blank = await ladoClient.get('/allegations/new');
    expect(blank.statusCode).toBe(200);
    const refused = await ladoClient.post('/allegations/new', { adultHearthId: String(carer.hearthId) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(mainText(refused.body)).toContain('Select the nature of the allegation');
    const saved = await ladoClient.post('/allegations/new', {
      adultHearthId: String(carer.hearthId), employer: 'Wealdmoor Fostering Service', role: 'Foster carer', sector: 'foster_care', source: 'employer', referrer: 'Owen Parry', category: 'emotional',
      nature: 'Shouting and belittling.', otherChildren: 'A visiting child, aged 9', childLed: 'no', ...dateBoxes('awareOn', '2027-01-04'), ...when('received', '2027-01-05', '09:00'),
    });
    expect(saved.statusCode).toBe(302);
    const page = await ladoClient.get(String(saved.headers.location));
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toContain('Shouting and belittling.');
    // The adult's name, to check the Hearth ID typed was the right person's.
    expect(mainText(page.body)).toContain(`The allegation has been recorded about ${carer.details.givenNames} ${carer.details.familyName} (Hearth ID ${carer.hearthId})`);
    expect(mainText(page.body)).toContain('Mark as recorded in error');
    const [, , allegationId] = /^\/people\/([^/]+)\/allegations\/([^/]+)$/.exec(String(saved.headers.location)) ?? [];
    expect(allegationId).toBeTruthy();

    // The carer allocated to the supervising social worker: the allegation's strategy meeting is due, and neither
    // her My work nor the team page shows it (nor counts it), though they show the carer and her other standards.
    await importEvent(t.services, carer.id, 'child.allocated', '2027-01-05T09:30:00Z', { workerId: ssw.actor.userId, workerName: ssw.actor.displayName, teamId: fpt, teamName: 'Family Placement' });
    expect((await ladoStates(carer.id, lado.actor))['lado.strategy-meeting']).toBe('due');
    const hidden = (await t.services.standards.openCounts([carer.id])).get(carer.id) ?? { overdue: 0, dueSoon: 0 };
    const seen = (await t.services.standards.openCounts([carer.id], lado.actor)).get(carer.id) ?? { overdue: 0, dueSoon: 0 };
    expect(seen.dueSoon).toBe(hidden.dueSoon + 1);
    const sswClient = new Client(app);
    await sswClient.signIn(ssw.actor.username, ssw.password);
    const myWork = await sswClient.get('/');
    expect(myWork.statusCode).toBe(200);
    expect(mainText(myWork.body)).toContain(carer.details.familyName);
    expect(mainText(myWork.body)).toContain(`${hidden.dueSoon} due in the next 10 working days`);
    expect(myWork.body).not.toMatch(/lado\.|Allegations strategy meeting|LADO/);
    const managerClient = new Client(app);
    await managerClient.signIn(manager.actor.username, manager.password);
    const team = await managerClient.get(`/teams/${fpt}`);
    expect(team.statusCode).toBe(200);
    const row = new RegExp(`<tr[^>]*>((?:(?!</tr>)[\\s\\S])*${ssw.actor.displayName}(?:(?!</tr>)[\\s\\S])*)</tr>`).exec(team.body)?.[1] ?? '';
    const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
    expect(cells.slice(-3)).toEqual(['1', String(hidden.overdue), String(hidden.dueSoon)]);
    expect(team.body).not.toMatch(/lado\.|Allegations strategy meeting/);

    const badStep = await ladoClient.post(`${String(saved.headers.location)}/strategy-meeting`, { attendees: '' });
    expect(badStep.statusCode).toBe(400);
    expect(mainText(badStep.body)).toContain('Enter who attended');
    // Each form's errors link to its own field (the review's and the outcome's summaries have their own ids).
    await t.services.lado.strategyMeeting(lado, carer.id, allegationId!, { attendees: 'LADO, Owen Parry', summary: 'The fostering service to look into it.', investigation: 'employer', ...when('meeting', '2027-01-05', '09:45'), ...dateBoxes('reviewOn', '2027-01-19') });
    const badReview = await ladoClient.post(`${String(saved.headers.location)}/reviews`, { ...when('reviewHeld', '2027-01-05', '09:50') });
    expect(badReview.statusCode).toBe(400);
    expect(badReview.body).toContain('href="#reviewSummary"');
    expect(badReview.body).toContain('id="reviewSummary"');
    const early = await ladoClient.post(`${String(saved.headers.location)}/outcome`, { outcome: 'unfounded', dbsReferral: 'no', regulator: 'none', outcomeSummary: 'Nothing in it.', ...when('concluded', '2027-01-05', '09:55') });
    expect(early.statusCode).toBe(400);
    expect(mainText(early.body)).toContain('Record when the strategy meeting notes were distributed before the outcome');
    expect(early.body).toContain('href="#outcome"');
    await t.services.lado.notesDistributed(lado, carer.id, allegationId!, when('notes', '2027-01-05', '09:50'));
    const badOutcome = await ladoClient.post(`${String(saved.headers.location)}/outcome`, { outcome: 'unfounded', dbsReferral: 'no', regulator: 'none', ...when('concluded', '2027-01-05', '09:55') });
    expect(badOutcome.statusCode).toBe(400);
    expect(badOutcome.body).toContain('href="#outcomeSummary"');
    expect(badOutcome.body).toContain('id="outcomeSummary"');
    // Marked as recorded in error from its page: the reason is required, and the page then says so.
    const noReason = await ladoClient.post(`${String(saved.headers.location)}/recorded-in-error`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('href="#inErrorReason"');
    expect(noReason.body).toContain('id="inErrorReason"');
    const marked = await ladoClient.post(`${String(saved.headers.location)}/recorded-in-error`, { inErrorReason: 'Recorded against the wrong carer' });
    expect(marked.statusCode).toBe(302);
    const markedPage = mainText((await ladoClient.get(String(saved.headers.location))).body);
    expect(markedPage).toContain('Marked as recorded in error on 5 January 2027');
    expect(markedPage).toContain('Recorded against the wrong carer');
    expect(markedPage).not.toContain('Record the outcome');
    const report = await ladoClient.get('/allegations/report?year=2026');
    expect(report.statusCode).toBe(200);
    expect(mainText(report.body)).toContain('April 2026 to March 2027');
    expect((await ladoClient.get('/allegations/report?year=nonsense')).statusCode).toBe(404);

    for (const url of ['/allegations', '/allegations/new', '/allegations/report', String(saved.headers.location), `/people/${carer.id}/allegations`]) {
      expect((await sswClient.get(url)).statusCode, url).toBe(403);
    }
    const sheet = await sswClient.get(`/people/${carer.id}`);
    expect(sheet.statusCode).toBe(200);
    expect(mainText(sheet.body)).not.toMatch(/Shouting|Allegation|LADO strategy/);
    expect(mainText(sheet.body)).toContain("Review of the foster carer's approval needed");
    // The API serves children's records only (an adult's is not found there); what it reads goes through the same filter.
    for (const url of [`/api/v1/children/${carer.id}/history`, `/api/v1/children/${carer.id}`]) {
      const api = await sswClient.json('GET', url);
      expect(api.statusCode, url).toBe(404);
      expect(api.body).not.toContain('lado.');
    }

    // The head of service's compliance figures and drill-down leave the allegation standards out.
    const headClient = new Client(app);
    await headClient.signIn(head.actor.username, head.password);
    const compliance = await headClient.get('/compliance?from=2026-01-01&to=2027-01-05');
    expect(compliance.statusCode).toBe(200);
    expect(mainText(compliance.body)).not.toMatch(/Allegations strategy meeting|LADO informed/);
    const drill = await headClient.get('/compliance/lado.strategy-meeting?from=2026-01-01&to=2027-01-05');
    expect(drill.statusCode).toBe(200);
    expect(drill.body).not.toMatch(/<tbody[^>]*>\s*<tr/);
    expect(mainText(drill.body)).not.toContain(carer.details.familyName);
    const headSheet = (await headClient.get(`/people/${carer.id}`)).body;
    // Only what follows for the carer: "A review is needed after an allegation (LADO)", none of the allegation.
    expect(headSheet).toContain('A review is needed after an allegation (LADO)');
    expect(headSheet).not.toMatch(/Shouting|belittling|Allegation received|LADO strategy|Allegations \(LADO\)/);

    const auditorClient = new Client(app);
    await auditorClient.signIn(auditor.actor.username, auditor.password);
    expect((await auditorClient.get(String(saved.headers.location))).statusCode).toBe(200);
    expect((await auditorClient.get('/allegations/new')).statusCode).toBe(403);
    expect((await auditorClient.get(`/people/${carer.id}`)).statusCode).toBe(403);
  });
});
