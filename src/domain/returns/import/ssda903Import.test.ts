import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../calendar/workingDays';
import { emptyDetails } from '../../people/personDetails';
import { collectionPeriod } from '../collectionYear';
import { ssda903ChildOf } from '../ssda903/ssda903Projection';
import { ssda903Columns, type Ssda903TableName } from '../ssda903/ssda903Types';
import { timed } from './importLine';
import { ssda903Import, type NumberedTables } from './ssda903Import';
import { numberedRows } from './ssda903Rows';

/** Tables from CSV text as the authority's files have them (header row first), through the SSDA903 reader. */
function tables(files: Partial<Record<Ssda903TableName, string[]>>): NumberedTables {
  const out = {} as Record<Ssda903TableName, unknown>;
  for (const table of Object.keys(ssda903Columns) as Ssda903TableName[]) {
    const rows = files[table];
    out[table] = rows ? numberedRows(table, [ssda903Columns[table].join(','), ...rows].join('\n')).rows : [];
  }
  return out as NumberedTables;
}

const today = '2026-11-22';
const run = (files: Partial<Record<Ssda903TableName, string[]>>) => ssda903Import(tables(files), { year: 2018, today });
const header = ['1001,1,14/02/2013,WBRI,,,'];
const brief = (r: ReturnType<typeof run>) => timed(r.lines).map((l) => [l.type, l.at, l.data.legalStatus ?? l.data.setting ?? l.data.reason ?? l.data.childParticipation ?? l.data.kind ?? null]);

describe('an SSDA903 return as history', () => {
  it('makes a two-episode child a period of care with a move: cic.started and a placement, a placement ended and the next started, cic.ended', () => {
    const r = run({
      header,
      episodes: [
        // In BST: midday in London is 11:00 UTC; in winter 12:00.
        '1001,15/06/2017,S,C2,N1,U4,PR1,03/01/2018,X1,CARPL,EG19 7TT,WV27 9FW,',
        '1001,03/01/2018,P,C2,N1,K2,PR4,20/03/2018,E4A,,EG19 7TT,wv1 1aa,1234567',
      ],
    });
    expect(r.problems).toEqual([]);
    expect(brief(r)).toEqual([
      ['cic.started', '2017-06-15T11:00:00.000Z', 'C2'],
      ['cic.placement_started', '2017-06-15T11:01:00.000Z', 'in_house_fostering'],
      ['cic.placement_ended', '2018-01-03T12:00:00.000Z', 'care_plan'],
      ['cic.placement_started', '2018-01-03T12:01:00.000Z', 'residential'],
      ['cic.ended', '2018-03-20T12:00:00.000Z', 'home'],
    ]);
    const [started, first, ended, second] = r.lines;
    expect(started?.data).toMatchObject({ legalStatus: 'C2', primaryNeed: 'abuse_or_neglect', imported: 'ssda903-2018', dfeCodes: { RNE: 'S', LS: 'C2', PLACE: 'U4' } });
    expect(second?.data).toMatchObject({ move: true, postcode: 'WV1 1AA', placementId: 'ssda903-2018-1001-3' });
    expect(ended?.data.placementId).toBe(first?.data.placementId);
    // Each line names the row it came from: the header is row 1.
    expect(r.lines.map((l) => `${l.file} row ${l.row}`)).toEqual(['episodes.csv row 2', 'episodes.csv row 2', 'episodes.csv row 3', 'episodes.csv row 3', 'episodes.csv row 3']);
    expect(r.children).toEqual([expect.objectContaining({ child: '1001', dateOfBirth: '2013-02-14', gender: 'M', ethnicity: 'WBRI', upn: null, toAdd: [] })]);
  });

  it('changes the legal status alone (L), and both on one day (B) with the move after the ending', () => {
    const r = run({
      header,
      episodes: ['1001,15/06/2017,S,V2,N1,U4,PR1,01/08/2017,X1,,,,', '1001,01/08/2017,L,C1,N1,U4,PR1,01/10/2017,X1,CREQB,,,', '1001,01/10/2017,B,C2,N1,U6,PR4,,,,,,'],
    });
    expect(r.problems).toEqual([]);
    expect(brief(r).slice(2)).toEqual([
      ['cic.legal_status_changed', '2017-08-01T11:00:00.000Z', 'C1'],
      ['cic.placement_ended', '2017-10-01T11:00:00.000Z', 'breakdown'],
      ['cic.legal_status_changed', '2017-10-01T11:01:00.000Z', 'C2'],
      ['cic.placement_started', '2017-10-01T11:02:00.000Z', 'independent_fostering'],
    ]);
  });

  it('keeps the placement when the foster carers become the adopters (T to A3), and places a child with new adopters (A4)', () => {
    const withCarers = run({ header, episodes: ['1001,15/06/2017,S,E1,N1,U4,PR1,01/08/2017,X1,,,,', '1001,01/08/2017,T,E1,N1,A3,PR1,,,,,,'] });
    expect(brief(withCarers).map(([type]) => type)).toEqual(['cic.started', 'cic.placement_started', 'adoption.placed']);
    expect(withCarers.lines[2]?.data).toMatchObject({ withCurrentCarers: true });
    const newAdopters = run({ header, episodes: ['1001,15/06/2017,S,E1,N1,U4,PR1,01/08/2017,X1,PLACE,,,', '1001,01/08/2017,P,E1,N1,A4,PR1,,,,,,'] });
    expect(brief(newAdopters).map(([type]) => type)).toEqual(['cic.started', 'cic.placement_started', 'cic.placement_ended', 'cic.placement_started', 'adoption.placed']);
  });

  it('reviews and missing episodes: how the child took part, missing or away', () => {
    const r = run({
      header,
      episodes: ['1001,15/06/2017,S,C2,N1,U4,PR1,20/03/2018,E4A,,,,'],
      reviews: ['1001,14/02/2013,05/07/2017,PN1', '1001,14/02/2013,20/03/2018,PN7'],
      missing: ['1001,14/02/2013,A,01/09/2017,02/09/2017', '1001,14/02/2013,M,10/09/2017,'],
    });
    expect(r.problems).toEqual([]);
    // A review on the day care ended comes before the ending.
    expect(brief(r).slice(2)).toEqual([
      ['cic.review_held', '2017-07-05T11:00:00.000Z', 'attended'],
      ['cic.missing_started', '2017-09-01T11:00:00.000Z', 'absent'],
      ['cic.missing_ended', '2017-09-02T11:00:00.000Z', null],
      ['cic.missing_started', '2017-09-10T11:00:00.000Z', 'missing'],
      ['cic.review_held', '2018-03-20T12:00:00.000Z', 'none'],
      ['cic.ended', '2018-03-20T12:01:00.000Z', 'home'],
    ]);
  });

  it('reports an unknown PLACE code with its row, and imports nothing of that child', () => {
    const r = run({ header, episodes: ['1001,15/06/2017,S,C2,N1,U4,PR1,03/01/2018,X1,CARPL,,,', '1001,03/01/2018,P,C2,N1,Q9,PR4,,,,,,'] });
    expect(r.problems).toEqual([{ file: 'episodes.csv', row: 3, reason: 'CHILD 1001: PLACE "Q9" is not a DfE placement type code' }]);
    expect(r.lines).toEqual([]);
  });

  it.each([
    ['an unknown LS', ['1001,15/06/2017,S,Z9,N1,U4,PR1,,,,,,'], 2, 'LS "Z9" is not a DfE legal status code'],
    ['a freeing order, which Hearth does not record', ['1001,15/06/2017,S,D1,N1,U4,PR1,,,,,,'], 2, 'LS D1 (Freeing order granted) is a legal status Hearth does not record'],
    ['an unknown RNE', ['1001,15/06/2017,Q,C2,N1,U4,PR1,,,,,,'], 2, 'RNE "Q" is not S, L, P, T, B or U'],
    ['an unknown REC', ['1001,15/06/2017,S,C2,N1,U4,PR1,01/08/2017,E99,,,,'], 2, 'REC "E99" is not a DfE reason episode ceased code'],
    ['an unknown category of need', ['1001,15/06/2017,S,C2,N0,U4,PR1,,,,,,'], 2, 'CIN "N0" is not a category of need N1-N8'],
    ['REC without DEC', ['1001,15/06/2017,S,C2,N1,U4,PR1,,X1,,,,'], 2, 'REC X1 has no DEC'],
    ['an end before the start', ['1001,15/06/2017,S,C2,N1,U4,PR1,01/06/2017,E4A,,,,'], 2, 'DEC 2017-06-01 is before DECOM 2017-06-15'],
    ['a date after today', ['1001,15/06/2027,S,C2,N1,U4,PR1,,,,,,'], 2, 'DECOM 2027-06-15 is after today'],
    ['overlapping episodes', ['1001,15/06/2017,S,C2,N1,U4,PR1,01/09/2017,X1,,,,', '1001,01/08/2017,P,C2,N1,K2,PR4,,,,,,'], 3, 'overlaps the episode on row 2 (2017-06-15 to 2017-09-01)'],
    ['an episode after one still open', ['1001,15/06/2017,S,C2,N1,U4,PR1,,,,,,', '1001,01/08/2017,P,C2,N1,K2,PR4,,,,,,'], 3, 'has not ceased (no DEC)'],
    ['a gap after X1 (433)', ['1001,15/06/2017,S,C2,N1,U4,PR1,01/08/2017,X1,,,,', '1001,02/08/2017,P,C2,N1,K2,PR4,,,,,,'], 3, 'start it on 2017-08-01'],
    ['a new start after X1 (S)', ['1001,15/06/2017,S,C2,N1,U4,PR1,01/08/2017,X1,,,,', '1001,01/08/2017,S,C2,N1,K2,PR4,,,,,,'], 3, 'RNE S says the child started to be looked after'],
    ['a change after care ended (432)', ['1001,15/06/2017,S,C2,N1,U4,PR1,01/08/2017,E4A,,,,', '1001,05/08/2017,P,C2,N1,K2,PR4,,,,,,'], 3, 'its RNE must be S, not P'],
    ['a new period the day care ended (431)', ['1001,15/06/2017,S,C2,N1,U4,PR1,01/08/2017,E4A,,,,', '1001,01/08/2017,S,C2,N1,K2,PR4,,,,,,'], 3, "that episode's REC is X1"],
    ['X1 with no next episode (388)', ['1001,15/06/2017,S,C2,N1,U4,PR1,01/08/2017,X1,,,,'], 2, 'there is no later episode'],
    ['a change that changes nothing (434)', ['1001,15/06/2017,S,C2,N1,U4,PR1,01/08/2017,X1,,,,', '1001,01/08/2017,L,C2,N1,U4,PR1,,,,,,'], 3, 'LS and the placement are as on row 2'],
  ])('refuses %s, naming the row', (_what, episodes, row, reason) => {
    const r = run({ header, episodes });
    expect(r.problems).toEqual([{ file: 'episodes.csv', row, reason: expect.stringContaining(reason) }]);
    expect(r.lines).toEqual([]);
  });

  it('accepts what the refusals above would refuse when it is right (the passing cases)', () => {
    const r = run({ header, episodes: ['1001,15/06/2017,S,C2,N1,U4,PR1,01/08/2017,E4A,,,,', '1001,05/08/2017,S,V2,N1,K2,PR4,,,,,,'] });
    expect(r.problems).toEqual([]);
    expect(r.lines.map((l) => l.type)).toEqual(['cic.started', 'cic.placement_started', 'cic.ended', 'cic.started', 'cic.placement_started']);
  });

  it('marks a period of care that began before the return (a first episode that is not S)', () => {
    const r = run({ header, episodes: ['1001,15/06/2017,P,C2,N1,U4,PR1,,,,,,'] });
    expect(r.lines[0]?.data).toMatchObject({ legalStatus: 'C2', begunBefore: true });
  });

  it('refuses rows for children not in the header, and a second header row for a child', () => {
    const r = run({
      header: [...header, '1001,2,14/02/2013,WBRI,,,'],
      episodes: ['2002,15/06/2017,S,C2,N1,U4,PR1,,,,,,'],
      reviews: ['2002,14/02/2013,05/07/2017,PN1'],
    });
    expect(r.problems).toEqual([
      { file: 'header.csv', row: 3, reason: 'CHILD 1001 has a header row already (row 2): give each child one header row' },
      { file: 'episodes.csv', row: 2, reason: expect.stringContaining('CHILD 2002 has no row in header.csv') },
      { file: 'reviews.csv', row: 2, reason: expect.stringContaining('CHILD 2002 has no row in header.csv') },
    ]);
  });

  it('refuses unknown codes in the header, reviews and missing tables', () => {
    const r = run({
      header: ['1001,3,14/02/2013,XXXX,,,'],
      episodes: ['1001,15/06/2017,S,C2,N1,U4,PR1,,,,,,'],
      reviews: ['1001,14/02/2013,05/07/2017,PN9'],
      missing: ['1001,14/02/2013,Z,01/09/2017,02/09/2017', '1001,14/02/2013,M,10/09/2017,09/09/2017'],
    });
    expect(r.problems.map((p) => [p.file, p.row, p.reason])).toEqual([
      ['header.csv', 2, 'CHILD 1001: SEX "3" is not 1 (male) or 2 (female)'],
      ['header.csv', 2, expect.stringContaining('ETHNIC "XXXX" is not a DfE ethnicity code')],
      ['reviews.csv', 2, 'CHILD 1001: REVIEW_CODE "PN9" is not PN0-PN7'],
      ['missing.csv', 2, 'CHILD 1001: MISSING "Z" is not M or A'],
      ['missing.csv', 3, 'CHILD 1001: MIS_END 2017-09-09 is before MIS_START 2017-09-10'],
    ]);
  });

  it('refuses overlapping missing episodes', () => {
    const r = run({ header, episodes: ['1001,15/06/2017,S,C2,N1,U4,PR1,,,,,,'], missing: ['1001,14/02/2013,M,01/09/2017,', '1001,14/02/2013,A,03/09/2017,04/09/2017'] });
    expect(r.problems).toEqual([{ file: 'missing.csv', row: 3, reason: expect.stringContaining('overlaps the one on row 2 (from 2017-09-01, not ended)') }]);
  });

  it('warns, and imports, what it cannot keep as it is: a UPN with a wrong check letter, PN0 for a child over 4, tables it does not import', () => {
    const r = run({
      header: ['1001,1,14/02/2013,WBRI,D051910639385,,'],
      episodes: ['1001,15/06/2017,S,C2,N1,U4,PR1,,,,,,'],
      reviews: ['1001,14/02/2013,05/07/2017,PN0'],
      oc3: ['1001,14/02/2013,YES,F1,B1'],
    });
    expect(r.problems).toEqual([]);
    expect(r.warnings.map((w) => [w.file, w.row])).toEqual([['header.csv', 2], ['reviews.csv', 2], ['oc3.csv', 0]]);
    expect(r.warnings[0]?.reason).toContain('UPN D051910639385 is not a valid unique pupil number (its check letter is wrong)');
    expect(r.lines.find((l) => l.type === 'cic.review_held')?.data.childParticipation).toBe('not_applicable');
    // A UPN with the right check letter is kept; the child in uasc.csv is unaccompanied.
    const kept = run({ header: ['1001,1,14/02/2013,WBRI,T004199988970,,'], uasc: ['1001,1,14/02/2013,14/02/2031'] });
    expect(kept.children[0]).toMatchObject({ upn: 'T004199988970', uasc: true });
  });

  it('gives the same episodes, reviews and missing episodes back through the SSDA903 projection', () => {
    const files = {
      header,
      episodes: [
        '1001,15/06/2017,S,V2,N1,U4,PR1,01/08/2017,X1,,,WV1 1AA,',
        '1001,01/08/2017,L,C1,N1,U4,PR1,01/10/2017,X1,CREQB,,WV1 1AA,',
        '1001,01/10/2017,P,C1,N1,K2,PR4,20/03/2018,E4A,,,B1 1AA,1234567',
      ],
      reviews: ['1001,14/02/2013,05/07/2017,PN1', '1001,14/02/2013,20/12/2017,PN6'],
      missing: ['1001,14/02/2013,A,01/09/2017,02/09/2017'],
    };
    const r = run(files);
    expect(r.problems).toEqual([]);
    const events = timed(r.lines).map((l, i) => ({ id: `e${i}`, type: l.type, occurredAt: new Date(l.at), recordedByName: null, data: l.data }));
    const subject = { personId: 'p', childId: '1001', details: { ...emptyDetails, dateOfBirth: '2013-02-14', gender: 'M', ethnicity: 'WBRI' }, addresses: [], events };
    const back = ssda903ChildOf(subject, { period: collectionPeriod(2018), laCode: '201', providers: new Map(), calendar: workingCalendar([]) });
    // HOME_POST is the child's home address on their record, which the return does not give Hearth.
    expect(back?.episodes).toEqual(tables(files).episodes.map((e) => ({ ...e.value, HOME_POST: null })));
    expect(back?.reviews).toEqual(tables(files).reviews.map((e) => e.value));
    expect(back?.missing).toEqual(tables(files).missing.map((e) => e.value));
  });
});
