import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateAuthority } from '../../bench/generate';
import { cliContext } from '../../src/cli/cliContext';
import { registrationEvents } from '../../src/domain/people/personEvents';
import { engines, testDatabase } from '../support/testDatabase';
import { allocatedCase, world, type TestWorld } from '../factories';

/**
 * Recording an event works out again only the rules that event can change, from only the events
 * those rules read (src/domain/standards/touchedBy.ts). That must give exactly what working out
 * every rule from the whole record gives. Synthetic children's histories (fronts doors, plans,
 * care, placement moves, missing episodes, leaving care: years of them, across weekends and
 * bank holidays) are recorded again onto new children one event at a time, the latest first, so
 * that almost every event lands before ones already there, and shuffled; their obligations are
 * compared with a full recompute of the copy and, recorded in order, with the originals' (worked
 * out whole by the batch import).
 */
const rowsOf = async (t: TestWorld, q: ReturnType<typeof sql>) => ((await t.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;

/** A person's obligations without their ids or start events' ids (a copy's events have their own). */
async function obligationsOf(t: TestWorld, personId: string): Promise<string[]> {
  const rows = await rowsOf(t, sql`select rule_id, rule_version, cycle, started_at, due_date::text as due, deadline, outcome, done_at, closed_at, late_reason, responsible
    from obligations where person_id = ${personId}`);
  return rows.map((r) => JSON.stringify([r.rule_id, r.rule_version, r.cycle, new Date(r.started_at as string).getTime(), r.due, new Date(r.deadline as string).getTime(), r.outcome,
    r.done_at === null ? null : new Date(r.done_at as string).getTime(), r.closed_at === null ? null : new Date(r.closed_at as string).getTime(), r.late_reason, r.responsible])).sort();
}

describe.each(engines())('recomputing after each new event on %s', (engine) => {
  let t: TestWorld;
  const seed = Number(process.env.HEARTH_TEST_SEED) || 100 + Math.floor(Math.random() * 900_000);

  beforeAll(async () => {
    t = world((await testDatabase(engine)).db, '2026-11-20T12:00:00Z');
    await generateAuthority(t.services, cliContext(), { children: 40, years: 4, seed, eventsPerChild: 100, asOf: new Date('2026-11-20T12:00:00Z'), batch: 40 }, () => {});
  }, 240_000);

  it('gives the same obligations, event by event, as working out every rule from the whole record', async () => {
    // The children with the longest histories of this seed: most kinds of event, most obligations.
    const children = await rowsOf(t, sql`select id, event_count from people where external_id like ${`SYN${seed}-%`} order by event_count desc limit 3`);
    expect(children.length).toBe(3);
    let compared = 0;
    for (const child of children) {
      const original = String(child.id);
      const events = await rowsOf(t, sql`select type, occurred_at, recorded_at, data, reason from events where person_id = ${original} order by occurred_at, seq`);
      const registration = events.find((e) => registrationEvents.includes(String(e.type)));
      if (!registration) throw new Error('A synthetic child without a registration');
      // The rest by instant (events at the same instant keep their order), to be recorded in three orders.
      const byInstant = new Map<number, Record<string, unknown>[]>();
      for (const e of events.filter((x) => x !== registration)) {
        const at = new Date(e.occurred_at as string).getTime();
        byInstant.set(at, [...(byInstant.get(at) ?? []), e]);
      }
      const instants = [...byInstant.keys()].sort((a, b) => a - b);
      let state = seed;
      const shuffled = instants.map((at) => ({ at, key: (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) })).sort((a, b) => a.key - b.key).map((x) => x.at);
      const expected = await obligationsOf(t, original);
      for (const [name, order] of [['in order', instants], ['latest first', [...instants].reverse()], ['shuffled', shuffled]] as const) {
        const copy = randomUUID();
        const asImported = (e: Record<string, unknown>) => ({
          personId: copy,
          type: String(e.type),
          occurredAt: new Date(e.occurred_at as string),
          recordedAt: new Date(e.recorded_at as string),
          data: { ...(e.data as Record<string, unknown>), externalId: undefined, hearthId: undefined },
          reason: (e.reason as string | null) ?? null,
        });
        await t.services.people.importEvents(cliContext(), [asImported(registration)]);
        for (const at of order) for (const e of byInstant.get(at) ?? []) await t.services.people.importEvents(cliContext(), [asImported(e)]);

        const incremental = await obligationsOf(t, copy);
        expect(incremental.length).toBeGreaterThan(10);
        // Recorded in order, the copy is the original. In any order, it is what the whole record
        // gives: the record's facts (the team it is allocated to) are the last recorded, so a
        // child moved between teams can differ from the original there, but never from itself.
        if (name === 'in order') expect(incremental, `seed ${seed}, ${child.id}, ${name}`).toEqual(expected);
        await t.db.transaction((tx) => t.services.standards.recompute(tx, [copy]));
        expect(await obligationsOf(t, copy), `seed ${seed}, ${child.id}, ${name}`).toEqual(incremental);
        compared += incremental.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  }, 240_000);

  it('leaves a record\'s obligations alone after an event no rule reads, and works out them all after a change of the facts', async () => {
    // A child owed a personal adviser before their 17th birthday (Care Leavers 3): a deadline that hangs on the date of birth.
    let [child] = await rowsOf(t, sql`select p.id, p.date_of_birth::text as dob from people p join obligations o on o.person_id = p.id
      where p.external_id like ${`SYN${seed}-%`} and o.rule_id = 'care-leaver.pa-allocated' order by p.event_count desc limit 1`);
    if (!child) {
      // Not every seed's 40 children have one: a child of 15 who came into care in a bank holiday week.
      const { child: made } = await allocatedCase(t.services);
      await t.services.people.importEvents(cliContext(), [{ personId: made.id, type: 'cic.started', occurredAt: new Date('2026-04-07T10:00:00+01:00'), data: { legalStatus: 'C2' } }]);
      [child] = await rowsOf(t, sql`select p.id, p.date_of_birth::text as dob from people p where p.id = ${made.id}`);
      await t.services.people.importEvents(cliContext(), [{ personId: made.id, type: 'person.details_corrected', occurredAt: new Date('2026-04-07T11:00:00+01:00'), data: { changes: [{ field: 'dateOfBirth', from: child?.dob, to: '2011-01-02' }] }, reason: 'Birth certificate seen' }]);
      [child] = await rowsOf(t, sql`select p.id, p.date_of_birth::text as dob from people p where p.id = ${made.id}`);
    }
    const personId = String(child?.id);
    expect(await obligationsOf(t, personId), 'a child in care owed a personal adviser').toEqual(expect.arrayContaining([expect.stringContaining('"care-leaver.pa-allocated"')]));
    const before = await obligationsOf(t, personId);
    await t.services.people.importEvents(cliContext(), [{ personId, type: 'case_note.recorded', occurredAt: new Date('2026-11-20T11:00:00Z'), data: { text: 'Spoke to the school.' } }]);
    expect(await obligationsOf(t, personId)).toEqual(before);
    // A date of birth corrected moves every birthday's deadline: the whole record is worked out again.
    await t.services.people.importEvents(cliContext(), [{ personId, type: 'person.details_corrected', occurredAt: new Date('2026-11-20T11:30:00Z'), data: { changes: [{ field: 'dateOfBirth', from: child?.dob, to: `${Number(String(child?.dob).slice(0, 4)) - 1}-01-02` }] }, reason: 'Birth certificate seen' }]);
    const after = await obligationsOf(t, personId);
    expect(after).not.toEqual(before);
    await t.db.transaction((tx) => t.services.standards.recompute(tx, [personId]));
    expect(await obligationsOf(t, personId)).toEqual(after);
  }, 60_000);
});
