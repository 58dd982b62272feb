import { and, asc, eq, inArray } from 'drizzle-orm';
import { personEvent } from '../../domain/people/personEvents';
import type { WorkflowEvent } from '../../domain/records/events';
import type { ReturnSubject } from '../../domain/returns/subject';
import type { Executor } from '../../platform/db/database';
import { eventStore, type StreamEvent } from '../../platform/events/eventStore';
import { addresses, people, relationships } from '../people/peopleTables';
import { peopleRepository, type PersonRecord } from '../people/peopleRepository';

/** How many children's records are read at once: big enough to keep the queries few, small enough to keep memory flat at 50,000 children. */
export const subjectBatch = 1000;

/** A child's events as the returns read them: without the entries marked as recorded in error (`inError`, the ids the marks refer to), and the marks themselves. */
export function standingEvents(stream: readonly StreamEvent[], inError: ReadonlySet<string>): WorkflowEvent[] {
  return stream
    .filter((e) => e.type !== personEvent.recordedInError && !inError.has(e.id))
    .map((e) => ({ id: e.id, type: e.type, occurredAt: e.occurredAt, recordedByName: null, data: e.data }))
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** The id the DfE knows the child by: the id of the authority's earlier returns for a migrated child, else Hearth's number. */
export const childIdOf = (person: Pick<PersonRecord, 'externalId' | 'hearthId'>): string => person.externalId ?? String(person.hearthId);

/** Every child's id, in a stable order, or those allocated to a team. */
export async function childIds(executor: Executor, filter: { teamId?: string } = {}): Promise<string[]> {
  const rows = await executor
    .select({ id: people.id })
    .from(people)
    .where(filter.teamId ? and(eq(people.kind, 'child'), eq(people.allocatedTeamId, filter.teamId)) : eq(people.kind, 'child'))
    .orderBy(asc(people.hearthId));
  return rows.map((r) => r.id);
}

/** Children as the returns read them, a batch at a time; `only` keeps the event types the reader looks at (all when not given). */
export async function returnSubjects(executor: Executor, personIds: readonly string[], only?: readonly string[]): Promise<(ReturnSubject & { person: PersonRecord })[]> {
  if (personIds.length === 0) return [];
  const [records, addressRows, { streams, inError }] = await Promise.all([
    peopleRepository.findMany(executor, [...personIds]),
    executor.select({ personId: addresses.personId, postcode: addresses.postcode, startDate: addresses.startDate }).from(addresses).where(inArray(addresses.personId, [...personIds])).orderBy(asc(addresses.startDate)),
    eventsWithReferences(executor, personIds, only),
  ]);
  const parents = await ownChildrenOf(executor, personIds);
  const homes = new Map<string, { postcode: string; from: string }[]>();
  for (const a of addressRows) homes.set(a.personId, [...(homes.get(a.personId) ?? []), { postcode: a.postcode, from: a.startDate }]);
  return records
    .filter((p) => p.kind === 'child')
    .map((person) => ({
      person,
      personId: person.id,
      childId: childIdOf(person),
      details: person.details,
      addresses: homes.get(person.id) ?? [],
      events: standingEvents(streams.get(person.id) ?? [], inError),
      ownChildren: parents.get(person.id) ?? [],
    }));
}

/** Each young person's own children: a child whose record names them as its parent. */
async function ownChildrenOf(executor: Executor, personIds: readonly string[]) {
  const rows = await executor
    .select({ parentId: relationships.relatedPersonId, dateOfBirth: people.dateOfBirth, expected: people.expectedDateOfBirth })
    .from(relationships)
    .innerJoin(people, eq(people.id, relationships.personId))
    .where(and(inArray(relationships.relatedPersonId, [...personIds]), eq(relationships.type, 'parent'), eq(people.kind, 'child')));
  const found = new Map<string, { dateOfBirth: string | null }[]>();
  for (const r of rows) found.set(r.parentId, [...(found.get(r.parentId) ?? []), { dateOfBirth: r.dateOfBirth ?? r.expected }]);
  return found;
}

/** The streams, and the events the "recorded in error" marks strike out (read whatever `only` keeps: the marks are not among the types a reader asks for). */
async function eventsWithReferences(executor: Executor, personIds: readonly string[], only: readonly string[] | undefined) {
  const [streams, marks] = await Promise.all([eventStore.streams(executor, personIds, only ? { only } : {}), eventStore.ofTypesFor(executor, personIds, [personEvent.recordedInError])]);
  return { streams, inError: new Set(marks.map((m) => m.refersTo).filter((id): id is string => typeof id === 'string')) };
}
