import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../src/cli/cliContext';
import { engines, testDatabase } from '../support/testDatabase';
import { makeTeam, makeUser, world, type TestWorld } from '../factories';

/**
 * The import of a large history in batches (issue 9: a migration of millions of events, and the
 * synthetic authority at scale): the same records, projections and obligations as importing the
 * same lines one event at a time; allocations to Hearth's teams and workers; when each event was
 * written down; and batches that split a child's lines. Christmas 2025 (25, 26 December and
 * 1 January are bank holidays) and the weekend fall inside the dates below.
 */
async function* linesOf(lines: object[]): AsyncGenerator<string> {
  for (const line of lines) yield JSON.stringify(line);
}

describe.each(engines())('importing in batches on %s', (engine) => {
  let t: TestWorld;
  let teamId: string;
  let workerId: string;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-02-20T12:00:00Z');
    teamId = await makeTeam(t.services);
    workerId = (await makeUser(t.services, { roles: ['social-worker'], teamIds: [teamId] })).actor.userId;
  });

  /** A child in care over Christmas: registration, allocation, legal statuses, placement and visits, one written down late. */
  const history = (child: string) => [
    { child, type: 'child.registered', at: '2025-12-19T09:00:00Z', data: { name: 'Mia Rose Hartley', dateOfBirth: '2013-03-04', gender: 'F' } },
    { child, type: 'child.allocated', at: '2025-12-19T09:30:00Z', data: { teamId, workerId } },
    { child, type: 'cic.started', at: '2025-12-19T10:00:00Z', data: { legalStatus: 'V2' } },
    { child, type: 'cic.placement_started', at: '2025-12-19T18:00:00Z', data: { setting: 'in_house_fostering' } },
    { child, type: 'cic.notification_sent', at: '2025-12-23T16:00:00Z' },
    { child, type: 'cic.legal_status_changed', at: '2026-01-09T11:00:00Z', data: { legalStatus: 'C2' } },
    // Seen on Friday 2 January, written down on Tuesday 6 January: late for "recorded within" standards.
    { child, type: 'cic.visit', at: '2026-01-02T10:00:00Z', recorded: '2026-01-06T15:00:00Z' },
    { child, type: 'cic.visit', at: '2026-02-06T10:00:00Z', recorded: '2026-02-06T16:00:00Z' },
  ];

  async function pictureOf(externalId: string) {
    const person = await t.services.people.findByExternalId(externalId);
    if (!person) throw new Error(`${externalId} was not imported`);
    const rows = (q: ReturnType<typeof sql>) => t.db.execute(q).then((r) => (r as unknown as { rows: Record<string, unknown>[] }).rows);
    const [row] = await rows(sql`select event_count, allocated_team_id, allocated_worker_id, allocated_at, registered_at, updated_at, given_names, family_name, date_of_birth::text as dob, gender from people where id = ${person.id}`);
    const statuses = await rows(sql`select status, start_date::text as start_date, end_date::text as end_date from legal_statuses where person_id = ${person.id} order by start_date, status`);
    const obligations = await rows(sql`select rule_id, cycle, due_date::text as due, outcome, done_at from obligations where person_id = ${person.id} order by rule_id, cycle, due_date, done_at`);
    const events = await rows(sql`select type, occurred_at, recorded_at, data from events where person_id = ${person.id} order by occurred_at, type`);
    const audits = await rows(sql`select action from audit_log where person_id = ${person.id}`);
    return { row, statuses, obligations, events: events.map((e) => ({ ...e, type: e.type as string, data: { ...(e.data as Record<string, unknown>), hearthId: undefined, externalId: undefined } })), audits };
  }

  it('gives the same record, entries and obligations as importing one event at a time', async () => {
    const single = `ONE-${run}`;
    const bulk = `BULK-${run}`;
    const one = await t.services.eventImport.importLines(cliContext(), history(single).map((l) => JSON.stringify(l)).join('\n'), { allOrNothing: true });
    expect(one.problems).toEqual([]);
    const many = await t.services.eventImport.importInBatches(cliContext(), linesOf(history(bulk)), { batchChildren: 100 });
    expect(many).toMatchObject({ imported: 8, children: 1, created: 1, problems: [] });

    const [a, b] = [await pictureOf(single), await pictureOf(bulk)];
    expect(b.row).toEqual(a.row);
    expect(b.row).toMatchObject({ event_count: 8, allocated_team_id: teamId, allocated_worker_id: workerId });
    expect(b.statuses).toEqual(a.statuses);
    expect(b.statuses.map((s) => s.status)).toEqual(['V2', 'C2']);
    expect(b.events).toEqual(a.events);
    expect(b.obligations).toEqual(a.obligations);
    // The late write-up is late by when it was written down, not by when it was imported.
    const recorded = b.obligations
      .filter((o) => o.rule_id === 'cic.visit-recorded')
      .map((o) => [new Date(o.done_at as string).toISOString().slice(0, 10), o.outcome])
      .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(recorded).toEqual([['2026-01-06', 'met_late'], ['2026-02-06', 'met']]);
    expect(b.obligations.length).toBeGreaterThan(5);
    expect(b.audits.map((r) => r.action)).toEqual(['child.events_imported']);
    // The allocation keeps the team's and worker's names, as allocating in Hearth does.
    const allocation = b.events.find((e) => e.type === 'child.allocated')?.data as Record<string, unknown>;
    expect(allocation.teamName).toMatch(/^Team /);
    expect(allocation.workerName).toMatch(/^Test user\./);
  });

  it("commits batch by batch; a child met again in a later batch is checked against what was imported before", async () => {
    const first = `SPLIT-${run}-1`;
    const second = `SPLIT-${run}-2`;
    const [head, ...rest] = [history(first).slice(0, 4), history(first).slice(4)];
    const lines = [...head, ...history(second), ...rest.flat(), { child: first, type: 'cic.visit', at: '2025-12-01T10:00:00Z' }];
    const report = await t.services.eventImport.importInBatches(cliContext(), linesOf(lines), { batchChildren: 1 });
    // The last line is before the child came into care: refused with its line number, the rest imported.
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]?.line).toBe(lines.length);
    expect(report.problems[0]?.reason).toContain('is not during a period in care');
    expect(report).toMatchObject({ imported: 16, created: 2 });
    const picture = await pictureOf(first);
    expect(picture.row).toMatchObject({ event_count: 8 });
    expect(picture.audits).toHaveLength(2);
  });

  it('refuses an allocation to a team or worker Hearth does not have, and times that are impossible, saying which line', async () => {
    const child = `BAD-${run}`;
    const otherTeam = await makeTeam(t.services);
    const lines = [
      { child, type: 'child.registered', at: '2026-01-05T09:00:00Z', data: { name: 'Sam Oduya', dateOfBirth: '2015-07-07' } },
      { child, type: 'child.allocated', at: '2026-01-05T09:30:00Z', data: { teamId: randomUUID(), workerId: null } },
      { child, type: 'child.allocated', at: '2026-01-05T09:40:00Z', data: { teamId: otherTeam, workerId } },
      { child, type: 'child.allocated', at: '2026-01-05T09:50:00Z', data: { teamId: 'north team' } },
      { child, type: 'cic.started', at: '2026-01-06T10:00:00Z', recorded: '2026-01-05T10:00:00Z', data: { legalStatus: 'V2' } },
      { child, type: 'child.allocated', at: '2026-01-07T09:00:00Z', data: { teamId, workerId: null } },
    ];
    const report = await t.services.eventImport.importInBatches(cliContext(), linesOf(lines), { batchChildren: 10 });
    expect(report.problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    expect(report.problems[0]?.reason).toContain('is not a team in Hearth');
    expect(report.problems[1]?.reason).toContain(`${workerId} is not a member of`);
    expect(report.problems[2]?.reason).toContain('teamId must be the id of a team in Hearth');
    expect(report.problems[3]?.reason).toContain('it cannot have been written down before it happened');
    expect(report).toMatchObject({ imported: 2, created: 1 });
    const picture = await pictureOf(child);
    expect(picture.row).toMatchObject({ allocated_team_id: teamId, allocated_worker_id: null });
  });

  it('is only for the command line', async () => {
    const worker = await makeUser(t.services, { roles: ['social-worker'], teamIds: [teamId] });
    await expect(t.services.eventImport.importInBatches(worker, linesOf([]), { batchChildren: 1 })).rejects.toThrow('only from the command line');
    await expect(t.services.people.importEventsInBulk(worker, [])).rejects.toThrow('only from the command line');
  });
});
