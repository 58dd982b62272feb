import { describe, expect, it } from 'vitest';
import type { ImportedChild } from './importedChild';
import { timed, type ImportLine } from './importLine';
import { planImport, type HeldChild, type ReturnLines } from './previousReturns';

const identity = (child: string, over: Partial<ImportedChild> = {}): ImportedChild => ({
  child,
  file: 'header.csv',
  row: 2,
  dateOfBirth: '2013-02-14',
  expectedDateOfBirth: null,
  gender: 'M',
  ethnicity: 'WBRI',
  upn: null,
  disabilities: [],
  uasc: false,
  toAdd: [],
  ...over,
});
const line = (child: string, type: string, date: string, phase: ImportLine['phase'] = 'opens', tag = 'ssda903-2018', row = 2): ImportLine => ({ child, type, date, phase, file: 'episodes.csv', row, data: { imported: tag } });
const ssda903 = (children: ImportedChild[], lines: ImportLine[]): ReturnLines => ({ children, lines, problems: [], warnings: [], refused: new Set(), tag: 'ssda903-2018' });
const options = { today: '2026-11-22', registerOn: '2017-04-01' };

describe('planning an import of previous returns', () => {
  it('adds a child Hearth does not hold as "Child <id>", on the day of their first event, before it', () => {
    const plan = planImport([ssda903([identity('1001')], [line('1001', 'cic.started', '2017-06-15'), line('1001', 'cic.ended', '2018-03-20', 'closes')])], new Map(), options);
    expect(plan.problems).toEqual([]);
    expect(plan.created).toEqual(['1001']);
    expect(plan.lines.map((l) => [l.type, l.at])).toEqual([
      ['child.registered', '2017-06-15T11:00:00.000Z'],
      ['cic.started', '2017-06-15T11:01:00.000Z'],
      ['cic.ended', '2018-03-20T12:00:00.000Z'],
    ]);
    expect(plan.lines[0]?.data).toEqual({ name: 'Child 1001', dateOfBirth: '2013-02-14', gender: 'M', ethnicity: 'WBRI', imported: 'ssda903-2018' });
  });

  it('adds a child with no events (a care leaver in the header only) on the first day of the collection year', () => {
    const plan = planImport([ssda903([identity('1001')], [])], new Map(), options);
    expect(plan.lines.map((l) => [l.type, l.at.slice(0, 10)])).toEqual([['child.registered', '2017-04-01']]);
  });

  it('adds nothing to a child Hearth holds but their events; refuses a child whose date of birth is not Hearth’s', () => {
    const held = new Map<string, HeldChild>([['1001', { dateOfBirth: '2013-02-14', events: [] }], ['2002', { dateOfBirth: '2010-01-01', events: [] }]]);
    const plan = planImport([ssda903([identity('1001'), identity('2002', { row: 3 })], [line('1001', 'cic.started', '2017-06-15'), line('2002', 'cic.started', '2017-06-15', 'opens', 'ssda903-2018', 3)])], held, options);
    expect(plan.created).toEqual([]);
    expect(plan.lines.map((l) => [l.child, l.type])).toEqual([['1001', 'cic.started']]);
    expect(plan.problems).toEqual([{ file: 'header.csv', row: 3, reason: expect.stringContaining("2002: Hearth's child with this id was born on 2010-01-01, the return says 2013-02-14") }]);
  });

  it('refuses to import the same return twice for a child, and a period of care that overlaps one Hearth holds', () => {
    const held = new Map<string, HeldChild>([
      ['1001', { dateOfBirth: '2013-02-14', events: [{ type: 'cic.started', occurredAt: new Date('2017-06-15T11:00:00Z'), data: { imported: 'ssda903-2018' } }] }],
      ['2002', { dateOfBirth: '2013-02-14', events: [{ type: 'cic.started', occurredAt: new Date('2018-01-10T10:00:00Z'), data: {} }] }],
      ['3003', { dateOfBirth: '2013-02-14', events: [{ type: 'cic.started', occurredAt: new Date('2016-01-10T10:00:00Z'), data: {} }, { type: 'cic.ended', occurredAt: new Date('2016-05-10T10:00:00Z'), data: {} }] }],
    ]);
    const plan = planImport(
      [ssda903([identity('1001'), identity('2002'), identity('3003')], ['1001', '2002', '3003'].flatMap((c) => [line(c, 'cic.started', '2017-06-15'), line(c, 'cic.ended', '2018-03-20', 'closes')]))],
      held,
      options,
    );
    expect(plan.problems.map((p) => p.reason)).toEqual([
      expect.stringContaining('1001: the ssda903-2018 return is already imported for this child'),
      '2002: the period of care from 2017-06-15 overlaps the one Hearth holds from 2018-01-10, still open: leave it out of the return, or correct the dates',
    ]);
    // The one that does not overlap (Hearth's ended in 2016) goes ahead.
    expect([...new Set(plan.lines.map((l) => l.child))]).toEqual(['3003']);
  });

  it('refuses an event before the date of birth, and a new child without one', () => {
    const plan = planImport([ssda903([identity('1001', { dateOfBirth: '2018-01-01' }), identity('2002', { dateOfBirth: null, toAdd: ['CHILD 2002: DOB is missing'] })], [line('1001', 'cic.started', '2017-06-15'), line('2002', 'cic.started', '2017-06-15')])], new Map(), options);
    expect(plan.problems.map((p) => p.reason)).toEqual(['1001: cic.started on 2017-06-15 is before the child\'s date of birth, 2018-01-01: correct the date, or the date of birth', 'CHILD 2002: DOB is missing']);
    expect(plan.lines).toEqual([]);
  });

  it('leaves out every line of a child the return refused, so the rest of the check does not report what follows from it', () => {
    const lines = [line('1001', 'cic.started', '2017-06-15'), line('1001', 'cic.review_held', '2017-07-01', 'during'), line('2002', 'cic.started', '2017-06-15')];
    const plan = planImport([{ ...ssda903([identity('1001'), identity('2002')], lines), refused: new Set(['1001']) }], new Map(), options);
    expect(plan.lines.map((l) => [l.child, l.type])).toEqual([['2002', 'child.registered'], ['2002', 'cic.started']]);
    expect(plan.created).toEqual(['2002']);
  });

  it('takes a child in both returns once, and refuses them when the dates of birth differ', () => {
    const cin = (over: Partial<ImportedChild>): ReturnLines => ({ children: [identity('1001', { file: 'cin.xml', row: 1, disabilities: ['HAND'], ...over })], lines: [line('1001', 'contact.received', '2017-05-01', 'opens', 'cin-census-2018')], problems: [], warnings: [], refused: new Set(), tag: 'cin-census-2018' });
    const same = planImport([ssda903([identity('1001')], [line('1001', 'cic.started', '2017-06-15')]), cin({})], new Map(), options);
    expect(same.lines.map((l) => l.type)).toEqual(['child.registered', 'contact.received', 'cic.started']);
    expect(same.lines[0]?.data).toMatchObject({ disabilities: ['HAND'], imported: 'ssda903-2018' });
    const differ = planImport([ssda903([identity('1001')], []), cin({ dateOfBirth: '2013-02-15' })], new Map(), options);
    expect(differ.problems).toEqual([{ file: 'cin.xml', row: 1, reason: expect.stringContaining('the date of birth 2013-02-15 is not the 2013-02-14 of header.csv row 2') }]);
  });
});

describe('imported dates as instants', () => {
  it('puts a day’s events at midday in London a minute apart: opening, during, closing, then the order made', () => {
    const lines = timed([line('1', 'cic.ended', '2026-03-29', 'closes'), line('1', 'cic.review_held', '2026-03-29', 'during'), line('1', 'cic.legal_status_changed', '2026-03-29'), line('1', 'cic.placement_started', '2026-03-29')]);
    // 29 March 2026 is the day the clocks go forward: midday is 11:00 UTC.
    expect(lines.map((l) => [l.type, l.at])).toEqual([
      ['cic.legal_status_changed', '2026-03-29T11:00:00.000Z'],
      ['cic.placement_started', '2026-03-29T11:01:00.000Z'],
      ['cic.review_held', '2026-03-29T11:02:00.000Z'],
      ['cic.ended', '2026-03-29T11:03:00.000Z'],
    ]);
    expect(timed([line('1', 'cic.started', '2026-03-28')])[0]?.at).toBe('2026-03-28T12:00:00.000Z');
  });
});
