import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dfeDate, isoOfDfeDate, parseSsda903Csv, ssda903Csv } from './ssda903Csv';
import { emptyTables, ssda903Columns, type Ssda903TableName } from './ssda903Types';

const reference = path.resolve(__dirname, '../../../../../shared/returns-reference/ssda903');

const tables = () => {
  const t = emptyTables();
  t.header.push({ CHILD: 'C1', SEX: '1', DOB: '2015-06-15', ETHNIC: 'WBRI', UPN: 'A123456789012', MOTHER: null, MC_DOB: null });
  t.episodes.push(
    { CHILD: 'C1', DECOM: '2025-05-01', RNE: 'S', LS: 'C1', CIN: 'N1', PLACE: 'U6', PLACE_PROVIDER: 'PR1', DEC: '2025-09-10', REC: 'X1', REASON_PLACE_CHANGE: 'CREQB', HOME_POST: 'OX4 3AB', PL_POST: 'OX4 1ZZ', URN: null },
    { CHILD: 'C1', DECOM: '2025-09-10', RNE: 'P', LS: 'C1', CIN: 'N1', PLACE: 'U6', PLACE_PROVIDER: 'PR4', DEC: null, REC: null, REASON_PLACE_CHANGE: null, HOME_POST: 'OX4 3AB', PL_POST: 'OX1 1AA', URN: 'SC123456' },
  );
  t.reviews.push({ CHILD: 'C1', DOB: '2015-06-15', REVIEW: '2025-05-20', REVIEW_CODE: 'PN6' });
  // A care leaver's address with a comma needs quoting; nothing in the tables should break the CSV.
  t.oc3.push({ CHILD: 'C2, "the second"', DOB: '2006-06-15', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'U1' });
  return t;
};

describe('ssda903Csv: the DfE CSV tables', () => {
  it('writes every table with the DfE columns in order, dates DD/MM/YYYY and empty cells for nothing', () => {
    const files = ssda903Csv(tables());
    expect(Object.keys(files)).toEqual(Object.keys(ssda903Columns));
    expect(files.episodes.split('\n').slice(0, 3)).toEqual([
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
      'C1,01/05/2025,S,C1,N1,U6,PR1,10/09/2025,X1,CREQB,OX4 3AB,OX4 1ZZ,',
      'C1,10/09/2025,P,C1,N1,U6,PR4,,,,OX4 3AB,OX1 1AA,SC123456',
    ]);
    expect(files.missing).toBe('CHILD,DOB,MISSING,MIS_START,MIS_END\n');
  });

  it('reads back what it wrote: the same rows, table by table', () => {
    const written = tables();
    const files = ssda903Csv(written);
    for (const table of Object.keys(files) as Ssda903TableName[]) {
      const read = parseSsda903Csv(table, files[table]);
      expect(read.problems, table).toEqual([]);
      expect(read.rows, table).toEqual(written[table]);
    }
  });

  it('reads every table of the sample return (all rows, no problems), the byte order mark of sw_episodes.csv included', () => {
    const counts: Record<string, number> = {};
    for (const table of Object.keys(ssda903Columns) as Ssda903TableName[]) {
      const text = fs.readFileSync(path.join(reference, `${table}.csv`), 'utf8');
      const { rows, problems } = parseSsda903Csv(table, text);
      expect(problems, table).toEqual([]);
      counts[table] = rows.length;
    }
    expect(counts).toEqual({ header: 2675, episodes: 5050, reviews: 12582, uasc: 132, missing: 43, oc2: 2675, oc3: 53, ad1: 29, placed_for_adoption: 29, previous_permanence: 2675, sw_episodes: 1 });
    const { rows } = parseSsda903Csv('episodes', fs.readFileSync(path.join(reference, 'episodes.csv'), 'utf8'));
    expect(rows[0]).toEqual({ CHILD: '566910', DECOM: '2016-02-15', RNE: 'L', LS: 'C2', CIN: 'N3', PLACE: 'T2', PLACE_PROVIDER: 'PR0', DEC: '2017-08-14', REC: 'X1', REASON_PLACE_CHANGE: 'CLOSE', HOME_POST: null, PL_POST: null, URN: '4244474' });
  });

  it('refuses a file whose header is not the table’s columns, saying which are unknown or missing', () => {
    const wrong = parseSsda903Csv('reviews', 'CHILD,DOB,REVIEW,REVIEW_CODE,COLOUR\nC1,01/01/2015,01/05/2025,PN1,red\n');
    expect(wrong.rows).toEqual([]);
    expect(wrong.problems).toEqual([{ row: 1, reason: "The header is not the reviews table's columns (unknown column COLOUR): it must be CHILD,DOB,REVIEW,REVIEW_CODE" }]);
    expect(parseSsda903Csv('reviews', 'CHILD,DOB,REVIEW\n').problems[0]!.reason).toContain('missing column REVIEW_CODE');
    expect(parseSsda903Csv('reviews', '').problems[0]!.reason).toContain('empty');
    // The right header with a byte order mark before it is fine.
    expect(parseSsda903Csv('reviews', '\uFEFFCHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/01/2015,01/05/2025,PN1\n').rows).toHaveLength(1);
  });

  it('reports impossible dates and short rows by their line in the file, and keeps the good rows', () => {
    const text = ['CHILD,DOB,REVIEW,REVIEW_CODE', 'C1,01/01/2015,31/04/2025,PN1', '', 'C2,29/02/2016,01/05/2025,PN1', 'C3,2015-01-01,01/05/2025,PN1', 'C4,01/01/2015', ',01/01/2015,01/05/2025,PN1'].join('\r\n');
    const { rows, problems } = parseSsda903Csv('reviews', text);
    expect(rows).toEqual([{ CHILD: 'C2', DOB: '2016-02-29', REVIEW: '2025-05-01', REVIEW_CODE: 'PN1' }]);
    expect(problems).toEqual([
      { row: 2, reason: 'REVIEW 31/04/2025 is not a real date written DD/MM/YYYY' },
      { row: 5, reason: 'DOB 2015-01-01 is not a real date written DD/MM/YYYY' },
      { row: 6, reason: 'The row has 2 cells: the reviews table has 4 columns' },
      { row: 7, reason: 'CHILD, the child’s id, is empty' },
    ]);
  });

  it('converts dates both ways, refusing what is not a real DD/MM/YYYY date', () => {
    expect(dfeDate('2026-03-31')).toBe('31/03/2026');
    expect(isoOfDfeDate('31/03/2026')).toBe('2026-03-31');
    expect(['29/02/2027', '1/3/2026', '32/01/2026', '2026-03-31', ''].map(isoOfDfeDate)).toEqual([null, null, null, null, null]);
  });
});
