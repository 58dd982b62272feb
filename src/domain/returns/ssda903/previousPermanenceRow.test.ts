import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../calendar/workingDays';
import { emptyDetails } from '../../people/personDetails';
import type { WorkflowEvent } from '../../records/events';
import { collectionPeriod } from '../collectionYear';
import type { ReturnContext, ReturnSubject } from '../subject';
import { validateSsda903Child } from './rules/index';
import { ssda903Csv, parseSsda903Csv } from './ssda903Csv';
import { ssda903ChildOf } from './ssda903Projection';

let n = 0;
const ev = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++n}`, type, occurredAt: new Date(at), recordedByName: 'Sam Worker', data });
const context = (year = 2026): ReturnContext => ({ period: collectionPeriod(year), laCode: '931', providers: new Map(), calendar: workingCalendar([]) });
const child = (events: WorkflowEvent[]): ReturnSubject => ({
  personId: 'p1',
  childId: 'C1',
  details: { ...emptyDetails, givenNames: 'Leo', familyName: 'Taylor', dateOfBirth: '2012-06-15', gender: 'M', ethnicity: 'WBRI', upn: 'A123456789012' },
  addresses: [{ postcode: 'OX4 3AB', from: '2012-06-15' }],
  events,
});

/** Came into care on 1 May 2025 (collection year 2026), with what the worker answered about previous permanence. */
const cameIntoCare = (previousPermanence: unknown, at = '2025-05-01T16:00:00+01:00', extra: Record<string, unknown> = {}) => [
  ev('assessment.completed', '2025-04-20T10:00:00+01:00', { primaryNeed: 'abuse_or_neglect' }),
  ev('cic.started', at, { legalStatus: 'C2', ...(previousPermanence === undefined ? {} : { previousPermanence }), ...extra }),
  ev('cic.placement_started', at, { setting: 'in_house_fostering', carer: 'Mr and Mrs Green', postcode: 'OX4 1ZZ', placementId: 'pl1' }),
];
const rowOf = (events: WorkflowEvent[], year = 2026) => ssda903ChildOf(child(events), context(year))!.previous_permanence;

describe('ssda903ChildOf: previous permanence (SSDA903 previous_permanence, rules-2024-25.csv 630-635)', () => {
  it.each([
    [{ option: 'none' }, { PREV_PERM: 'Z1', LA_PERM: null, DATE_PERM: null }],
    [{ option: 'adopted', on: '2016-05-12', authority: '873' }, { PREV_PERM: 'P1', LA_PERM: '873', DATE_PERM: '12/05/2016' }],
    [{ option: 'special_guardianship', on: '2019-03', authority: 'Leeds City Council' }, { PREV_PERM: 'P2', LA_PERM: null, DATE_PERM: 'zz/03/2019' }],
    [{ option: 'child_arrangements', on: '2013', authority: 'wal' }, { PREV_PERM: 'P3', LA_PERM: 'WAL', DATE_PERM: 'zz/zz/2013' }],
    [{ option: 'not_known' }, { PREV_PERM: 'P4', LA_PERM: '999', DATE_PERM: 'zz/zz/zzzz' }],
  ])('a child coming into care in the year who answered %j has the row %j', (answer, row) => {
    expect(rowOf(cameIntoCare(answer))).toEqual([{ CHILD: 'C1', DOB: '2012-06-15', ...row }]);
  });

  it('writes it as the DfE text in the CSV, read back as it was, and the clean rows pass the PrevPerm rules', () => {
    const tables = ssda903ChildOf(child(cameIntoCare({ option: 'special_guardianship', on: '2019-03', authority: '873' })), context())!;
    const csv = ssda903Csv(tables).previous_permanence;
    expect(csv).toBe('CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC1,15/06/2012,P2,873,zz/03/2019\n');
    expect(parseSsda903Csv('previous_permanence', csv)).toEqual({ rows: tables.previous_permanence, problems: [] });
    const failures = validateSsda903Child({ childId: 'C1', tables }, { period: context().period, laCode: '931', previous: null });
    expect(failures.filter((f) => ['630', '631', '632', '633', '634', '635'].includes(f.code))).toEqual([]);
  });

  it('gives no row for a child whose care began the year before, and none when nothing was recorded (rule 630 asks for it)', () => {
    expect(rowOf(cameIntoCare({ option: 'adopted', on: '2016', authority: '873' }, '2025-03-20T12:00:00Z'))).toEqual([]);
    const unanswered = ssda903ChildOf(child(cameIntoCare(undefined)), context())!;
    expect(unanswered.previous_permanence).toEqual([]);
    expect(validateSsda903Child({ childId: 'C1', tables: unanswered }, { period: context().period, laCode: '931', previous: null }).map((f) => f.code)).toContain('630');
  });

  it('takes the latest period of care begun in the year', () => {
    const events = [
      ...cameIntoCare({ option: 'none' }),
      ev('cic.ended', '2025-06-01T10:00:00+01:00', { reason: 'special_guardianship' }),
      ...cameIntoCare({ option: 'special_guardianship', on: '2025-06-01', authority: '931' }, '2025-11-03T10:00:00Z').slice(1),
    ];
    expect(rowOf(events)).toEqual([{ CHILD: 'C1', DOB: '2012-06-15', PREV_PERM: 'P2', LA_PERM: '931', DATE_PERM: '01/06/2025' }]);
  });

  it("keeps what an imported period of care's earlier return said, and ignores a stored answer that is not Hearth's shape", () => {
    const imported = cameIntoCare(undefined, '2025-05-01T16:00:00+01:00', { imported: 'ssda903-2026', dfeCodes: { PREV_PERM: 'P3', LA_PERM: 'SCO', DATE_PERM: 'zz/zz/2014' } });
    expect(rowOf(imported)).toEqual([{ CHILD: 'C1', DOB: '2012-06-15', PREV_PERM: 'P3', LA_PERM: 'SCO', DATE_PERM: 'zz/zz/2014' }]);
    expect(rowOf(cameIntoCare({ option: 'adopted_abroad' }))).toEqual([]);
  });
});

describe('parseSsda903Csv: DATE_PERM', () => {
  it('keeps the DfE text, and reports a row whose DATE_PERM is not in the DfE form', () => {
    const csv = 'CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nA1,15/06/2012,P1,873,zz/05/2016\nA2,15/06/2012,P1,873,05/zz/2016\nA3,15/06/2012,Z1,,\n';
    const read = parseSsda903Csv('previous_permanence', csv);
    expect(read.rows.map((r) => [r.CHILD, r.DATE_PERM])).toEqual([['A1', 'zz/05/2016'], ['A3', null]]);
    expect(read.problems).toEqual([{ row: 3, reason: 'DATE_PERM 05/zz/2016 is not a date written DD/MM/YYYY, with zz for an unknown day or month (zz/05/2016, zz/zz/2016, zz/zz/zzzz)' }]);
  });
});
