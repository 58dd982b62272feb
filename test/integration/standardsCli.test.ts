import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalogueRules } from '../../src/standards/index';
import { hearth } from '../support/hearthCommand';
import { engines } from '../support/testDatabase';

/**
 * The command-line interface issue 3 fixes: `events import`, `obligations`, `standards list`,
 * `standards due` and `calendar add-working-days`, run as an authority migrating its history
 * would run them, on each engine. Dates are worked out by hand below.
 *
 * Christmas 2025: Thursday 25 December and Friday 26 December are bank holidays, and so is
 * Thursday 1 January 2026. Easter 2026: Good Friday 3 April, Easter Monday 6 April.
 */
describe.each(engines())('the standards commands on %s', (engine) => {
  let env: Record<string, string>;
  let dataDir: string | null = null;
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-import-'));
  // External ids unique to this run: the PostgreSQL database is shared by the test files.
  const run = randomUUID().slice(0, 8);
  const id = (n: number) => `MIG-${run}-${n}`;

  beforeAll(async () => {
    if (engine === 'pglite') {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-standards-cli-'));
      env = { HEARTH_DATA_DIR: dataDir };
    } else {
      env = { DATABASE_URL: inject('postgresUrl') as string };
    }
    const migrated = await hearth(['migrate'], env);
    expect(migrated.code, migrated.stderr).toBe(0);
  }, 60_000);
  afterAll(() => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(files, { recursive: true, force: true });
  });

  function file(name: string, lines: (object | string)[]): string {
    const target = path.join(files, name);
    fs.writeFileSync(target, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
    return target;
  }

  async function obligations(child: string, at: string) {
    const result = await hearth(['obligations', '--child', child, '--at', at, '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as { rule: string; state: string; due: string; doneAt: string | null }[];
  }

  it('imports a child in care over Christmas and gives their obligations as they stood at an instant', async () => {
    const child = id(1);
    const imported = await hearth(['events', 'import', file('christmas.ndjson', [
      { child, type: 'child.registered', at: '2025-12-22T09:00:00Z', data: { name: 'Leo James Taylor', dateOfBirth: '2012-05-01' } },
      { child, type: 'cic.started', at: '2025-12-22T10:00:00Z', data: { legalStatus: 'V2' } },
      { child, type: 'cic.placement_started', at: '2025-12-22T18:00:00Z', data: { setting: 'in_house_fostering' } },
      { child, type: 'cic.notification_sent', at: '2025-12-24T16:00:00Z' },
      { child, type: 'cic.visit', at: '2026-01-12T10:00:00Z', data: { recordedAt: '2026-01-12T15:00:00Z' } },
    ])], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout.trim()).toBe('Imported 5 lines for 1 child (1 new).');

    const list = await obligations(child, '2026-01-15T12:00:00Z');
    const of = (rule: string) => list.filter((o) => o.rule === rule).map(({ state, due, doneAt }) => ({ state, due, doneAt }));
    // 24 hours from 10:00 on Monday 22 December; the notification went on Christmas Eve.
    expect(of('cic.notification')).toEqual([{ state: 'met_late', due: '2025-12-23T10:00:00.000Z', doneAt: '2025-12-24T16:00:00.000Z' }]);
    // 1 working day from Wednesday 24 December, over Christmas, Boxing Day and the weekend: Monday 29 December.
    expect(of('cic.iro-appointed')).toEqual([{ state: 'overdue', due: '2025-12-29', doneAt: null }]);
    // 5 working days from the placement on Monday 22 December: 23, 24, 29, 30, 31 December.
    expect(of('cic.placement-planning-meeting')).toEqual([{ state: 'overdue', due: '2025-12-31', doneAt: null }]);
    // 10 working days: 23, 24, 29, 30, 31 December, 2, 5, 6, 7, 8 January (1 January a holiday).
    expect(of('cic.care-plan')).toEqual([{ state: 'overdue', due: '2026-01-08', doneAt: null }]);
    // 20 working days: on from 8 January (10) to 9, 12–16 and 19–22 January (20); not yet due.
    expect(of('cic.first-review')).toEqual([{ state: 'due', due: '2026-01-22', doneAt: null }]);
    // 28 calendar days from 22 December.
    expect(of('cic.health-assessment')).toEqual([{ state: 'due', due: '2026-01-19', doneAt: null }]);
    // 6 weeks from coming into care, met by the visit on 12 January; the next 6 weeks from it.
    expect(of('cic.visit')).toEqual([
      { state: 'met', due: '2026-02-02', doneAt: '2026-01-12T10:00:00.000Z' },
      { state: 'due', due: '2026-02-23', doneAt: null },
    ]);
    // The visit was recorded the same day, as the old system's data.recordedAt says.
    expect(of('cic.visit-recorded')).toEqual([{ state: 'met', due: '2026-01-14', doneAt: '2026-01-12T15:00:00.000Z' }]);

    // Before the visit: the first visit is still due and the events after the instant do not count.
    const before = await obligations(child, '2026-01-05T12:00:00Z');
    expect(before.filter((o) => o.rule === 'cic.visit')).toEqual([{ rule: 'cic.visit', state: 'due', due: '2026-02-02', doneAt: null }]);
    expect(before.some((o) => o.rule === 'cic.visit-recorded')).toBe(false);
  });

  it('reports each bad line with its number and reason, and imports the good lines together', async () => {
    const known = id(2);
    const newcomer = id(3);
    const seeded = await hearth(['events', 'import', file('known.ndjson', [
      { child: known, type: 'child.registered', at: '2026-03-02T09:00:00Z', data: { name: 'Ava Brown', dateOfBirth: '2019-07-14' } },
      { child: known, type: 'cin.plan_started', at: '2026-03-02T10:00:00Z' },
    ])], env);
    expect(seeded.code, seeded.stderr).toBe(0);

    const result = await hearth(['events', 'import', file('mixed.ndjson', [
      '{"child": "oops"',
      { child: known, type: 'cic.teleported', at: '2026-03-03T10:00:00Z' },
      { child: known, type: 'cin.visit', at: '2026-03-03T10:00:00' },
      { child: known, type: 'cin.visit', at: '2026-02-30T10:00:00Z' },
      { child: `NOBODY-${run}`, type: 'cin.visit', at: '2026-03-03T10:00:00Z' },
      { child: newcomer, type: 'child.registered', at: '2026-03-04T09:00:00Z', data: { name: 'Noah Green', dateOfBirth: '2015-01-20' } },
      { child: newcomer, type: 'cic.review_held', at: '2026-03-05T10:00:00Z' },
      { child: known, type: 'cin.visit', at: '2026-03-31T10:00:00+01:00' },
      { child: newcomer, type: 'cic.started', at: '2026-03-06T10:00:00Z', data: { legalStatus: 'ZZ' } },
      { child: known, type: 'cin.visit', at: '2099-01-01T10:00:00Z' },
      '',
      { child: known, type: 'mash_enquiry.started', at: '2026-03-03T10:00:00Z', data: { grade: 'purple' } },
    ])], env);
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toBe('Imported 2 lines for 2 children (1 new).');
    const lines = result.stderr.trim().split('\n');
    expect(lines.map((l) => l.slice(0, l.indexOf(':')))).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5', 'line 7', 'line 9', 'line 10', 'line 12']);
    expect(lines[0]).toContain('not valid JSON');
    expect(lines[1]).toContain('unknown event type "cic.teleported"');
    expect(lines[2]).toContain('at must be an ISO-8601 instant with an offset');
    expect(lines[3]).toContain('at is not a real date and time');
    expect(lines[4]).toContain(`unknown child NOBODY-${run}`);
    expect(lines[5]).toMatch(/Child in care review held at 2026-03-05T10:00:00.000Z is not during .*record its start first/);
    expect(lines[6]).toContain('data.legalStatus: legalStatus must be an SSDA903 legal status code');
    expect(lines[7]).toContain('is in the future');
    expect(lines[8]).toContain('data.grade: grade must be red or amber');

    // The good line is on the record: the visit on 31 March met the one due 15 working days from
    // Monday 2 March (23 March); the next is 15 working days from 31 March, over Easter: 1, 2,
    // 7–10, 13–17 and 20–23 April.
    const list = await obligations(known, '2026-04-01T12:00:00+01:00');
    expect(list.filter((o) => o.rule === 'cin.visit').map((o) => [o.state, o.due])).toEqual([
      ['met_late', '2026-03-23'],
      ['due', '2026-04-23'],
    ]);
    // The new child was registered, without the refused review.
    expect((await obligations(newcomer, '2026-04-01T12:00:00+01:00')).some((o) => o.rule.startsWith('cic.'))).toBe(false);
  });

  it('imports nothing from a file with a bad line when asked for all or nothing', async () => {
    const child = id(4);
    const result = await hearth(['events', 'import', '--all-or-nothing', file('strict.ndjson', [
      { child, type: 'child.registered', at: '2026-03-02T09:00:00Z', data: { name: 'Mia Clark', dateOfBirth: '2018-02-02' } },
      { child, type: 'cin.plan_started', at: '2026-03-02T10:00:00Z' },
      { child, type: 'cin.visit', at: 'yesterday' },
    ])], env);
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toBe('Nothing was imported: 1 line was refused.');
    expect(result.stderr).toContain('line 3: at must be an ISO-8601 instant with an offset');
    const query = await hearth(['obligations', '--child', child, '--json'], env);
    expect([query.code, query.stderr]).toEqual([2, expect.stringContaining(`No child has the external id ${child}`)]);
  });

  it('refuses an unknown child, a registration without a name or date of birth, and a child registered twice', async () => {
    const child = id(5);
    const result = await hearth(['events', 'import', file('registrations.ndjson', [
      { child, type: 'child.registered', at: '2026-03-02T09:00:00Z', data: { name: 'Cher', dateOfBirth: '2018-02-02' } },
      { child: id(6), type: 'child.registered', at: '2026-03-02T09:00:00Z', data: { name: 'Ella Hughes', dateOfBirth: '2026-04-01' } },
      { child: id(7), type: 'cin.plan_started', at: '2026-03-02T10:00:00Z' },
    ])], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 1: child.registered for');
    expect(result.stderr).toContain('needs data.name with a given name and a family name');
    expect(result.stderr).toContain('the date of birth 2026-04-01 is after the date the child was added');
    expect(result.stderr).toContain(`line 3: unknown child ${id(7)}: add a child.registered line for them`);
    const twice = await hearth(['events', 'import', file('twice.ndjson', [
      { child: id(2), type: 'child.registered', at: '2026-03-02T09:00:00Z', data: { name: 'Ava Brown', dateOfBirth: '2019-07-14' } },
    ])], env);
    expect([twice.code, twice.stderr]).toEqual([1, expect.stringContaining(`child ${id(2)} is already registered`)]);
    const missing = await hearth(['events', 'import', path.join(files, 'no-such-file.ndjson')], env);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('Cannot read')]);
  });

  it('answers when a standard is due from an instant: a date for days, an instant in UTC for hours', async () => {
    // 15 working days from Monday 14 December 2026: 15–18, 21–24, 29–31 December, 4–7 January 2027.
    const icpc = await hearth(['standards', 'due', 'cp.icpc', '--from', '2026-12-14T10:00:00Z'], env);
    expect(JSON.parse(icpc.stdout)).toEqual({ rule: 'cp.icpc', due: '2027-01-07' });
    // 4 hours from 22:00 BST on Saturday 24 October 2026, the night the clocks go back: 01:00 UTC.
    const red = await hearth(['standards', 'due', 'front-door.mash-enquiry-red', '--from', '2026-10-24T22:00:00+01:00'], env);
    expect(JSON.parse(red.stdout)).toEqual({ rule: 'front-door.mash-enquiry-red', due: '2026-10-25T01:00:00.000Z' });
    // 1 working day from Maundy Thursday 2 April 2026, over Easter: Tuesday 7 April.
    const circulated = await hearth(['standards', 'due', 'cp.decision-circulated', '--from', '2026-04-02T15:00:00+01:00'], env);
    expect(JSON.parse(circulated.stdout)).toEqual({ rule: 'cp.decision-circulated', due: '2026-04-07' });
    const unknown = await hearth(['standards', 'due', 'cp.nothing', '--from', '2026-04-02T15:00:00+01:00'], env);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('Unknown standard "cp.nothing"')]);
    const noOffset = await hearth(['standards', 'due', 'cp.icpc', '--from', '2026-04-02T15:00:00'], env);
    expect([noOffset.code, noOffset.stderr]).toEqual([2, expect.stringContaining('--from must be an ISO-8601 instant with an offset')]);
  });

  it('lists every standard with its citation, adds working days, and refuses impossible dates', async () => {
    const list = await hearth(['standards', 'list', '--json'], env);
    const rules = JSON.parse(list.stdout) as { id: string; title: string; citation: string }[];
    expect(rules).toHaveLength(catalogueRules.length);
    expect(rules.find((r) => r.id === 'cp.icpc')).toEqual({
      id: 'cp.icpc',
      title: 'Initial child protection conference within 15 working days of the strategy discussion',
      citation: 'practice-standards.txt, Section 4: Child Protection Conferences, paragraph 1',
    });
    // Tuesday 23 December 2025 plus 3: Wednesday 24, then Monday 29 and Tuesday 30 December.
    const added = await hearth(['calendar', 'add-working-days', '2025-12-23', '3'], env);
    expect(added.stdout.trim()).toBe('2025-12-30');
    const impossible = await hearth(['calendar', 'add-working-days', '2026-02-30', '3'], env);
    expect([impossible.code, impossible.stderr]).toEqual([2, expect.stringContaining('a real date written YYYY-MM-DD')]);
    const noChild = await hearth(['obligations', '--json'], env);
    expect([noChild.code, noChild.stderr]).toEqual([2, expect.stringContaining('obligations needs --child')]);
  });
});
