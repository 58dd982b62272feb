import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { registrationEvents } from '../../src/domain/people/personEvents';
import { legalStatusHistory } from '../../src/domain/people/recordEntries';
import type { RecordedEvent } from '../../src/domain/records/events';
import { duplicateKey, searchText } from '../../src/domain/people/searchKey';
import { teamMemberships, teams, userRoles, users } from '../../src/modules/staff/staffTables';
import type { Db } from '../../src/platform/db/database';
import { registrationEvent } from '../syntheticPeople';
import type { SyntheticAuthority, SyntheticChild } from './syntheticAuthority';
import type { SyntheticEvent } from './journey';

/**
 * Loads the synthetic authority straight into the tables, for the benchmark's setup only:
 * two million events one `importEvents` call at a time would take hours. The rows are what
 * recording the events would have written (peopleProjector.ts): the events, each child's
 * `people` row (registration, latest allocation, event count) and legal statuses. Events go in
 * in the order they were recorded, as in a live system, so a child's events are spread through
 * the table rather than side by side. Obligations are left to the recompute being measured.
 */
const eventsPerStatement = 5_000;
const peoplePerStatement = 1_000;

/** A column of values sent as one array parameter: `unnest` makes rows of them (fast on both engines). */
const column = (values: unknown[], type: string): SQL => sql`${sql.param(values)}::${sql.raw(type)}[]`;

async function insertRows(db: Db, table: string, columns: [name: string, type: string, values: unknown[]][]): Promise<void> {
  await db.execute(sql`insert into ${sql.identifier(table)} (${sql.raw(columns.map(([name]) => name).join(', '))})
    select * from unnest(${sql.join(columns.map(([, type, values]) => column(values, type)), sql`, `)})`);
}

export async function loadStaff(db: Db, authority: SyntheticAuthority): Promise<void> {
  await db.insert(teams).values(authority.teams.map((t) => ({ id: t.id, name: t.name, service: "Children's Social Care", purpose: null, specialism: t.specialism })));
  await db.insert(users).values(authority.workers.map((w) => ({ id: w.id, username: w.username, displayName: w.displayName, jobTitle: 'Social worker' })));
  await db.insert(userRoles).values(authority.workers.map((w) => ({ userId: w.id, role: 'social-worker' })));
  await db.insert(teamMemberships).values(authority.workers.map((w) => ({ userId: w.id, teamId: w.teamId })));
}

interface Prepared {
  child: SyntheticChild;
  hearthId: number;
  ids: string[];
}

/** Loads the children: their events, then their `people` rows and legal statuses. */
export async function loadChildren(db: Db, authority: SyntheticAuthority, progress: (message: string) => void): Promise<void> {
  const drawn = (await db.execute(sql`select nextval('hearth_id_seq')::int as id from generate_series(1, ${authority.children.length})`)) as unknown as { rows: { id: number }[] };
  const prepared: Prepared[] = authority.children.map((child, i) => ({ child, hearthId: Number(drawn.rows[i]?.id), ids: child.events.map(() => randomUUID()) }));

  // Every event of the authority, in the order it was recorded.
  const order: [child: number, event: number][] = [];
  prepared.forEach((p, c) => p.child.events.forEach((_, e) => order.push([c, e])));
  const eventOf = ([c, e]: [number, number]) => (prepared[c] as Prepared).child.events[e] as SyntheticEvent;
  order.sort((a, b) => eventOf(a).recordedAt - eventOf(b).recordedAt || a[0] - b[0] || a[1] - b[1]);

  for (let offset = 0; offset < order.length; offset += eventsPerStatement) {
    const slice = order.slice(offset, offset + eventsPerStatement);
    const rows = slice.map(([c, e]) => ({ p: prepared[c] as Prepared, e, event: eventOf([c, e]) }));
    await insertRows(db, 'events', [
      ['id', 'uuid', rows.map((r) => r.p.ids[r.e])],
      ['person_id', 'uuid', rows.map((r) => r.p.child.person.personId)],
      ['type', 'text', rows.map((r) => r.event.type)],
      ['occurred_at', 'timestamptz', rows.map((r) => new Date(r.event.at).toISOString())],
      ['recorded_at', 'timestamptz', rows.map((r) => new Date(r.event.recordedAt).toISOString())],
      ['recorded_by', 'uuid', rows.map((r) => r.event.by?.workerId ?? null)],
      ['recorded_by_name', 'text', rows.map((r) => r.event.by?.workerName ?? null)],
      ['data', 'jsonb', rows.map((r) => JSON.stringify(dataOf(r.p, r.event)))],
    ]);
    if ((offset / eventsPerStatement) % 40 === 39) progress(`  ${(offset + slice.length).toLocaleString('en-GB')} events`);
  }

  for (let offset = 0; offset < prepared.length; offset += peoplePerStatement) {
    const batch = prepared.slice(offset, offset + peoplePerStatement).map(peopleRow);
    const value = <K extends keyof ReturnType<typeof peopleRow>>(key: K) => batch.map((row) => row[key]);
    await insertRows(db, 'people', [
      ['id', 'uuid', value('id')],
      ['hearth_id', 'int', value('hearthId')],
      ['kind', 'text', value('kind')],
      ['given_names', 'text', value('givenNames')],
      ['family_name', 'text', value('familyName')],
      ['date_of_birth', 'date', value('dateOfBirth')],
      ['gender', 'text', value('gender')],
      ['ethnicity', 'text', value('ethnicity')],
      ['first_language', 'text', value('firstLanguage')],
      ['disabilities', 'jsonb', value('disabilities')],
      ['nhs_number', 'text', value('nhsNumber')],
      ['allocated_worker_id', 'uuid', value('allocatedWorkerId')],
      ['allocated_team_id', 'uuid', value('allocatedTeamId')],
      ['allocated_at', 'timestamptz', value('allocatedAt')],
      ['registered_at', 'timestamptz', value('registeredAt')],
      ['updated_at', 'timestamptz', value('updatedAt')],
      ['event_count', 'int', value('eventCount')],
      ['search_text', 'text', value('searchText')],
      ['duplicate_key', 'text', value('duplicateKey')],
    ]);
    const statuses = prepared.slice(offset, offset + peoplePerStatement).flatMap(legalStatuses);
    if (statuses.length > 0) {
      await insertRows(db, 'legal_statuses', [
        ['id', 'uuid', statuses.map((s) => s.id)],
        ['person_id', 'uuid', statuses.map((s) => s.personId)],
        ['start_date', 'date', statuses.map((s) => s.startDate)],
        ['end_date', 'date', statuses.map((s) => s.endDate)],
        ['status', 'text', statuses.map((s) => s.status)],
      ]);
    }
  }
}

/** The registration carries the child's details and Hearth ID, as registering through Hearth writes them. */
function dataOf(p: Prepared, event: SyntheticEvent): Record<string, unknown> {
  if (!registrationEvents.includes(event.type)) return event.data;
  const disabilities = p.child.disabled ? ['MOB', 'LD'] : [];
  return { ...registrationEvent(p.child.person, new Date(event.at), { disabilities }).data, hearthId: p.hearthId };
}

/** What peopleProjector would have made of the child's events: registration, then each event in turn. */
function peopleRow(p: Prepared) {
  const { person } = p.child;
  const events = p.child.events;
  let last = events[0] as SyntheticEvent;
  let allocation: SyntheticEvent | null = null;
  for (const event of events) {
    if (event.recordedAt >= last.recordedAt) last = event;
    if (event.type === 'child.allocated' && (allocation === null || event.recordedAt >= allocation.recordedAt)) allocation = event;
  }
  const data = allocation?.data as { teamId: string; workerId: string } | undefined;
  return {
    id: person.personId,
    hearthId: p.hearthId,
    kind: 'child',
    givenNames: person.givenNames,
    familyName: person.familyName,
    dateOfBirth: person.dateOfBirth,
    gender: person.gender,
    ethnicity: person.ethnicity,
    firstLanguage: person.firstLanguage,
    disabilities: JSON.stringify(p.child.disabled ? ['MOB', 'LD'] : []),
    nhsNumber: person.nhsNumber,
    allocatedWorkerId: data?.workerId ?? null,
    allocatedTeamId: data?.teamId ?? null,
    allocatedAt: allocation ? new Date(allocation.at).toISOString() : null,
    registeredAt: new Date((events[0] as SyntheticEvent).at).toISOString(),
    updatedAt: new Date(last.recordedAt).toISOString(),
    eventCount: events.length,
    searchText: searchText({ givenNames: person.givenNames, familyName: person.familyName, preferredName: null, formerNames: '' }),
    duplicateKey: duplicateKey(person.givenNames, person.familyName),
  };
}

function legalStatuses(p: Prepared) {
  const recorded = p.child.events
    .map((event, i) => ({ event, i }))
    .filter(({ event }) => event.type.startsWith('cic.'))
    .map(({ event, i }): RecordedEvent => ({ id: p.ids[i] as string, seq: i, personId: p.child.person.personId, type: event.type, occurredAt: new Date(event.at), recordedAt: new Date(event.recordedAt), recordedBy: null, recordedByName: null, data: event.data, reason: null, refersTo: null }));
  return legalStatusHistory(recorded);
}
