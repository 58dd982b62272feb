import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../src/cli/cliContext';
import { importPreviousReturns } from '../../src/modules/returns/returnsImport';
import { engines, testDatabase } from '../support/testDatabase';
import { world, type TestWorld } from '../factories';

/**
 * Importing an authority's previous returns as history (issue 10: "previous years' episodes become
 * history in Hearth"), on each engine: a slice of the sample SSDA903 tables (three children whose
 * rows are clean: a move, a change of legal status, a placement for adoption, reviews, a missing
 * episode) and the sample CIN census, corrected where the sample is wrong on
 * purpose. The samples themselves, and a file with one bad row, import nothing and say why.
 */
const reference = path.resolve(__dirname, '../../../shared/returns-reference');
const sample = (file: string) => fs.readFileSync(path.join(reference, file), 'utf8');
const tables = ['header', 'episodes', 'reviews', 'missing', 'uasc', 'oc3'] as const;
const sliceChildren = ['155031', '40219', '144738'];

describe.each(engines())('importing previous returns on %s', (engine) => {
  let t: TestWorld;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-returns-import-'));
  // External ids unique to this run: the engine's database is shared by the test files.
  const run = randomUUID().slice(0, 8);
  const id = (child: string) => `${run}-${child}`;

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-11-22T15:00:00Z');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The sample tables' rows for some children, with this run's ids, in a folder of their own; `edit` changes a row. */
  function ssda903Slice(name: string, children: readonly string[], edit: (table: string, line: string) => string = (_t, l) => l): string {
    const target = path.join(dir, name);
    fs.mkdirSync(target);
    for (const table of tables) {
      const [head, ...rows] = sample(`ssda903/${table}.csv`).trim().split(/\r?\n/);
      const mine = rows.filter((r) => children.includes(r.split(',')[0] as string)).map((r) => edit(table, `${run}-${r}`));
      fs.writeFileSync(path.join(target, `${table}.csv`), [head, ...mine].join('\n') + '\n');
    }
    return target;
  }

  /** The sample CIN census with this run's ids, and its deliberate mistakes put right. */
  function cinCorrected(name: string): string {
    let xml = sample('cin-census/CIN_Census_2024.xml');
    const fixes: [string, string][] = [
      ['DfEX0000001', id('DfEX0000001')],
      ['child_fails_assessments', id('child_fails_assessments')],
      ['<UPNunknown>UN3</UPNunknown>PersonBirthDate', ''],
      ['<DateOfInitialCPC>2022-12-06</DateOfInitialCPC>\n                <Assessments>', '<Assessments>'],
      ['<AssessmentActualStartDate>2028-04-28</AssessmentActualStartDate>', '<AssessmentActualStartDate>2022-10-07</AssessmentActualStartDate>'],
      ['<AssessmentAuthorisationDate>2020-09-19</AssessmentAuthorisationDate>', '<AssessmentAuthorisationDate>2022-11-20</AssessmentAuthorisationDate>'],
      ['<AssessmentFactors>RB</AssessmentFactors>', '<AssessmentFactors>2B</AssessmentFactors>'],
      ['<S47ActualStartDate>2022-06-02</S47ActualStartDate>', '<S47ActualStartDate>2022-11-10</S47ActualStartDate>'],
      ['<DateOfInitialCPC>2022-06-17</DateOfInitialCPC>', '<DateOfInitialCPC>2022-12-06</DateOfInitialCPC>'],
      ['<CPPstartDate>2022-02-17</CPPstartDate>', '<CPPstartDate>2022-12-06</CPPstartDate>'],
      ['<CPPendDate>2023-03-14</CPPendDate>', '<CPPendDate>2023-02-20</CPPendDate>'],
      ['<CINreferralDate>2024-10-24</CINreferralDate>', '<CINreferralDate>2023-10-24</CINreferralDate>'],
      ['<CINclosureDate>2024-10-29</CINclosureDate>', '<CINclosureDate>2023-10-29</CINclosureDate>'],
      ['<AssessmentActualStartDate>2023-12-25</AssessmentActualStartDate>', '<AssessmentActualStartDate>2023-10-24</AssessmentActualStartDate>'],
      ['<AssessmentAuthorisationDate>2024-01-27</AssessmentAuthorisationDate>', '<AssessmentAuthorisationDate>2023-10-27</AssessmentAuthorisationDate>'],
    ];
    for (const [from, to] of fixes) {
      expect(xml, `the sample has ${from}`).toContain(from);
      xml = xml.replaceAll(from, to);
    }
    const file = path.join(dir, name);
    fs.writeFileSync(file, xml);
    return file;
  }

  const eventsOf = async (externalId: string) => {
    const record = await t.services.people.findByExternalId(externalId);
    expect(record, `${externalId} is in Hearth`).not.toBeNull();
    return { record: record!, events: await t.services.people.streamOf(record!.id) };
  };

  it('imports the SSDA903 slice and the CIN census as the children’s history, adding the children Hearth does not hold', async () => {
    const report = await importPreviousReturns(t.services, cliContext(['performance-officer']), { ssda903Dir: ssda903Slice('clean', sliceChildren), cinXml: cinCorrected('CIN_Census_2024.xml'), year: 2018 });
    expect(report.problems).toEqual([]);
    expect(report.created).toBe(5);
    expect(report.children).toBe(5);

    // Three episodes: section 20 in a children's home, PACE the same home, then placed with new adopters; care ended at 18 by age assessment.
    const adopted = await eventsOf(id('155031'));
    expect(adopted.record.details).toMatchObject({ givenNames: 'Child', familyName: id('155031'), dateOfBirth: '2005-06-26', gender: 'M', ethnicity: 'REFU', upn: null });
    expect(adopted.events.map((e) => [e.type, e.occurredAt.toISOString().slice(0, 10), e.data.legalStatus ?? e.data.setting ?? e.data.reason ?? e.data.childParticipation ?? null])).toEqual([
      ['child.registered', '2015-07-13', null],
      ['cic.started', '2015-07-13', 'V2'],
      ['cic.placement_started', '2015-07-13', 'residential'],
      ['cic.review_held', '2015-09-08', 'not_applicable'],
      ['cic.review_held', '2015-09-27', 'attended'],
      ['cic.review_held', '2015-12-05', 'views_shared'],
      ['cic.legal_status_changed', '2017-09-22', 'J2'],
      ['cic.placement_ended', '2017-10-19', 'breakdown'],
      ['cic.placement_started', '2017-10-19', 'other'],
      ['adoption.placed', '2017-10-19', null],
      ['cic.ended', '2018-03-15', 'other'],
    ]);
    expect(adopted.events.every((e) => e.data.imported === 'ssda903-2018')).toBe(true);

    // A move into custody, then home; the child with a missing episode after care, away from placement.
    const custody = await eventsOf(id('144738'));
    expect(custody.events.filter((e) => e.type.startsWith('cic.placement') || e.type === 'cic.ended').map((e) => [e.type, e.data.reason ?? e.data.setting])).toEqual([
      ['cic.placement_started', 'residential'],
      ['cic.placement_ended', 'other'],
      ['cic.placement_started', 'other'],
      ['cic.ended', 'home'],
    ]);
    const away = await eventsOf(id('40219'));
    expect(away.events.filter((e) => e.type.startsWith('cic.missing')).map((e) => [e.type, e.occurredAt.toISOString().slice(0, 10), e.data.kind ?? null])).toEqual([
      ['cic.missing_started', '2018-01-20', 'absent'],
      ['cic.missing_ended', '2018-01-26', null],
    ]);

    // The census: a referral from a family member, an assessment, an enquiry and a plan, a child in need plan, closure.
    const cin = await eventsOf(id('DfEX0000001'));
    expect(cin.record.details).toMatchObject({ familyName: id('DfEX0000001'), dateOfBirth: '2015-03-27', gender: 'M', disabilities: ['HAND', 'HEAR'] });
    expect(cin.events.map((e) => [e.type, e.occurredAt.toISOString().slice(0, 10)])).toEqual([
      ['child.registered', '2022-10-06'],
      ['contact.received', '2022-10-06'],
      ['threshold.decided', '2022-10-06'],
      ['assessment.allocated', '2022-10-07'],
      ['s47.started', '2022-11-10'],
      ['assessment.completed', '2022-11-20'],
      ['s47.completed', '2022-12-06'],
      ['cp.conference_held', '2022-12-06'],
      ['cin.plan_started', '2023-01-24'],
      ['cin.plan_ended', '2023-01-26'],
      ['cp.conference_held', '2023-02-15'],
      ['cp.plan_ended', '2023-02-20'],
      ['closure.decided', '2023-02-27'],
      ['closure.completed', '2023-02-27'],
    ]);
    expect(cin.events.find((e) => e.type === 'assessment.completed')?.data).toMatchObject({ primaryNeed: 'acute_stress', factors: ['alcohol_misuse_household', 'drug_misuse_parent', 'physical_disability_parent'], imported: 'cin-census-2018' });
    expect(cin.events.find((e) => e.type === 'closure.completed')?.data).toMatchObject({ closureReason: 'adopted' });

    // What was imported differently is said: UPNs with a wrong check letter, the tables not imported.
    expect(report.warnings).toEqual(expect.arrayContaining([
      { file: 'header.csv', row: 2, reason: expect.stringContaining('is not a valid unique pupil number') },
      { file: 'CIN_Census_2024.xml', row: 1, reason: expect.stringContaining('UPN A123456789123 is not a valid unique pupil number') },
    ]));

    // The same returns again: nothing twice.
    const again = await importPreviousReturns(t.services, cliContext(['performance-officer']), { cinXml: path.join(dir, 'CIN_Census_2024.xml'), year: 2018 });
    expect(again.imported).toBe(0);
    expect(again.problems).toEqual([
      { file: 'CIN_Census_2024.xml', row: 1, reason: expect.stringContaining('the cin-census-2018 return is already imported for this child') },
      { file: 'CIN_Census_2024.xml', row: 2, reason: expect.stringContaining('the cin-census-2018 return is already imported for this child') },
    ]);
  });

  it('imports nothing from a file with one bad row, and names the row', async () => {
    const corrupt = (table: string, line: string) => (table === 'episodes' && line.includes(',23/06/2017,P,C1,N5,A4,') ? line.replace(',A4,', ',Q9,') : line);
    const report = await importPreviousReturns(t.services, cliContext(), { ssda903Dir: ssda903Slice('one-bad-row', ['652288', '157266'], corrupt), year: 2018 });
    expect(report).toMatchObject({ imported: 0, children: 0, created: 0 });
    expect(report.problems).toEqual([{ file: 'episodes.csv', row: 4, reason: `CHILD ${id('157266')}: PLACE "Q9" is not a DfE placement type code` }]);
    // Not even the child whose rows are good.
    expect(await t.services.people.findByExternalId(id('652288'))).toBeNull();
    expect(await t.services.people.findByExternalId(id('157266'))).toBeNull();
    // Put right, the same folder imports.
    const fixed = await importPreviousReturns(t.services, cliContext(), { ssda903Dir: ssda903Slice('put-right', ['652288', '157266']), year: 2018 });
    expect(fixed).toMatchObject({ problems: [], created: 2 });
  });

  it('reports the problems of the whole sample SSDA903 return row by row, and imports nothing', async () => {
    const report = await importPreviousReturns(t.services, cliContext(), { ssda903Dir: path.join(reference, 'ssda903'), year: 2018 });
    expect(report).toMatchObject({ imported: 0, children: 0, created: 0 });
    const reasons = (file: string) => report.problems.filter((p) => p.file === file).map((p) => p.reason);
    expect(reasons('episodes.csv')).toEqual(expect.arrayContaining([
      expect.stringContaining('LS D1 (Freeing order granted) is a legal status Hearth does not record'),
      expect.stringContaining('REC X1 has no DEC'),
    ]));
    expect(reasons('reviews.csv')).toEqual(expect.arrayContaining([expect.stringContaining('is not during a period in care')]));
    expect(report.problems.every((p) => p.row >= 2)).toBe(true);
    expect(await t.services.people.findByExternalId('566910')).toBeNull();
  });

  it('reports every problem of the sample census as it is, by child, and imports nothing', async () => {
    const file = path.join(dir, 'sample.xml');
    fs.writeFileSync(file, sample('cin-census/CIN_Census_2026.xml').replaceAll('DfEX0000001', id('X1')).replaceAll('child_fails_assessments', id('X2')));
    const report = await importPreviousReturns(t.services, cliContext(), { cinXml: file, year: 2024 });
    expect(report.imported).toBe(0);
    expect(report.problems.map((p) => [p.file, p.row])).toEqual(expect.arrayContaining([['sample.xml', 1], ['sample.xml', 2]]));
    expect(report.problems.map((p) => p.reason)).toEqual(expect.arrayContaining([
      expect.stringContaining('AssessmentFactors "RB" is not a code in the DfE code set'),
      expect.stringContaining('AssessmentActualStartDate 2028-04-28 is after'),
      expect.stringContaining('S47ActualStartDate 2022-06-02 is before CINreferralDate 2022-10-06'),
    ]));
    expect(report.warnings.map((w) => w.reason)).toEqual(expect.arrayContaining([expect.stringContaining('PreProceedingsandFGDM that Hearth does not read')]));
    expect(await t.services.people.findByExternalId(id('X1'))).toBeNull();
  });

  it('refuses an episode that overlaps a period of care Hearth already holds, and a folder without its header table', async () => {
    const child = id('overlap');
    const held = await t.services.eventImport.importParsed(cliContext(), [
      { child, type: 'child.registered', at: '2017-01-02T10:00:00Z', data: { name: 'Ava Brown', dateOfBirth: '2010-05-01', gender: 'F' }, source: 'test' },
      { child, type: 'cic.started', at: '2017-01-02T10:00:00Z', data: { legalStatus: 'C2' }, source: 'test' },
    ], { allOrNothing: true });
    expect(held.problems).toEqual([]);
    const folder = path.join(dir, 'overlap');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'header.csv'), `CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n${child},2,01/05/2010,WBRI,,,\n`);
    fs.writeFileSync(path.join(folder, 'episodes.csv'), `CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n${child},01/06/2017,S,V2,N1,U4,PR1,01/07/2017,E4A,,,,\n`);
    const report = await importPreviousReturns(t.services, cliContext(), { ssda903Dir: folder, year: 2018 });
    expect(report.problems).toEqual([{ file: 'episodes.csv', row: 2, reason: `${child}: the period of care from 2017-06-01 overlaps the one Hearth holds from 2017-01-02, still open: leave it out of the return, or correct the dates` }]);
    fs.rmSync(path.join(folder, 'header.csv'));
    expect((await importPreviousReturns(t.services, cliContext(), { ssda903Dir: folder, year: 2018 })).problems).toEqual(expect.arrayContaining([{ file: 'header.csv', row: 0, reason: expect.stringContaining('header.csv is not in') }]));
  });

  it('imports parsed lines through the same checks as lines of a file, naming their source', async () => {
    const child = id('parsed');
    const report = await t.services.eventImport.importParsed(cliContext(), [
      { child, type: 'child.registered', at: '2017-01-02T10:00:00Z', data: { name: 'Child X', dateOfBirth: '2010-05-01', upn: 'A123456789123', ethnicity: 'ZZZZ' }, source: 'header.csv row 2' },
      { child, type: 'cic.review_held', at: new Date('2017-01-03T10:00:00Z'), source: 'reviews.csv row 2' },
      { child, type: 'cic.teleported', at: '2017-01-03T10:00:00Z', source: 'episodes.csv row 9' },
    ], { allOrNothing: true });
    expect(report).toMatchObject({ imported: 0, created: 0 });
    expect(report.problems).toEqual([
      { source: 'header.csv row 2', reason: expect.stringMatching(/child.registered for .*: data.ethnicity must be a DfE ethnicity code .*; data.upn A123456789123 is not a unique pupil number \(its check letter is wrong\)/) },
      { source: 'reviews.csv row 2', reason: expect.stringContaining('child.registered for') },
      { source: 'episodes.csv row 9', reason: expect.stringContaining('unknown event type "cic.teleported"') },
    ]);
    // The lines of a file still import as before.
    const lines = await t.services.eventImport.importLines(cliContext(), [
      JSON.stringify({ child, type: 'child.registered', at: '2017-01-02T10:00:00Z', data: { name: 'Leo Taylor', dateOfBirth: '2010-05-01' } }),
      JSON.stringify({ child, type: 'cic.started', at: '2017-01-02T11:00:00Z', data: { legalStatus: 'V2' } }),
      '{"child": "oops"',
    ].join('\n'), { allOrNothing: false });
    expect(lines).toEqual({ imported: 2, children: 1, created: 1, problems: [{ line: 3, reason: expect.stringContaining('not valid JSON') }] });
    expect((await eventsOf(child)).record.details).toMatchObject({ givenNames: 'Leo', familyName: 'Taylor' });
  });
});
