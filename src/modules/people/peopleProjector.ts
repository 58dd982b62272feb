import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  personEvent,
  registrationEvents,
  type AccessData,
  type AllocationData,
  type CorrectionData,
  type RegistrationData,
} from '../../domain/people/personEvents';
import type { DetailField } from '../../domain/people/personDetails';
import { duplicateKey, searchText } from '../../domain/people/searchKey';
import {
  addressHistory,
  legalStatusHistory,
  relationshipList,
  warningList,
  type Entry,
} from '../../domain/people/recordEntries';
import type { RecordedEvent } from '../../domain/records/events';
import type { Executor } from '../../platform/db/database';
import { eventStore } from '../../platform/events/eventStore';
import { addresses, legalStatuses, people, relationships, restrictedAccess, warnings } from './peopleTables';

/** Columns of `people` for each detail field. */
const columnOf: Record<DetailField, keyof typeof people.$inferInsert> = {
  givenNames: 'givenNames',
  familyName: 'familyName',
  preferredName: 'preferredName',
  dateOfBirth: 'dateOfBirth',
  expectedDateOfBirth: 'expectedDateOfBirth',
  gender: 'gender',
  ethnicity: 'ethnicity',
  firstLanguage: 'firstLanguage',
  religion: 'religion',
  disabilities: 'disabilities',
  nhsNumber: 'nhsNumber',
  upn: 'upn',
  uasc: 'uasc',
  immigrationStatus: 'immigrationStatus',
  organisation: 'organisation',
  professionalRole: 'professionalRole',
  phone: 'phone',
  email: 'email',
};

/**
 * Each kind of dated entry: the events it is derived from, the pure function that derives it,
 * and the table it is kept in. An entry table is rewritten for the person from their events
 * whenever one of those events (or "recorded in error" on one) arrives.
 */
export const entryKinds: { types: string[]; derive: (events: RecordedEvent[]) => Entry[]; table: PgTable & { personId: any } }[] = [
  { types: [personEvent.addressRecorded], derive: addressHistory, table: addresses },
  { types: [personEvent.warningRecorded, personEvent.warningEnded], derive: warningList, table: warnings },
  { types: [personEvent.relationshipRecorded, personEvent.relationshipEnded], derive: relationshipList, table: relationships },
  {
    types: [personEvent.cicStarted, personEvent.legalStatusChanged, personEvent.cicEnded],
    derive: legalStatusHistory,
    table: legalStatuses,
  },
];

export async function rebuildEntries(executor: Executor, personId: string, kind: (typeof entryKinds)[number]) {
  const stream = await eventStore.ofTypes(executor, personId, [...kind.types, personEvent.recordedInError]);
  const entries = kind.derive(stream);
  await executor.delete(kind.table).where(eq(kind.table.personId, personId));
  if (entries.length > 0) await executor.insert(kind.table).values(entries as never);
}

/** The `people` row a registration makes. */
export function registrationRow(event: RecordedEvent): typeof people.$inferInsert {
  const d = event.data as unknown as RegistrationData;
  return {
    id: event.personId,
    hearthId: d.hearthId,
    externalId: d.externalId ?? null,
    kind: d.kind,
    givenNames: d.givenNames,
    familyName: d.familyName,
    preferredName: d.preferredName,
    dateOfBirth: d.dateOfBirth,
    expectedDateOfBirth: d.expectedDateOfBirth,
    gender: d.gender,
    ethnicity: d.ethnicity,
    firstLanguage: d.firstLanguage,
    religion: d.religion,
    disabilities: d.disabilities ?? [],
    nhsNumber: d.nhsNumber,
    upn: d.upn,
    uasc: d.uasc ?? false,
    immigrationStatus: d.immigrationStatus,
    organisation: d.organisation,
    professionalRole: d.professionalRole,
    phone: d.phone,
    email: d.email,
    registeredAt: event.occurredAt,
    updatedAt: event.recordedAt,
    eventCount: 1,
    searchText: searchText({ ...d, formerNames: '' }),
    duplicateKey: duplicateKey(d.givenNames, d.familyName),
  };
}

/** Applies one recorded event to the projections, inside the transaction that recorded it. */
export async function project(executor: Executor, event: RecordedEvent): Promise<void> {
  if (registrationEvents.includes(event.type)) {
    await executor.insert(people).values(registrationRow(event));
    return;
  }

  const set: Record<string, unknown> = {
    // The latest time anything on the record was written down (an import's events come in any order of that).
    updatedAt: sql`greatest(${people.updatedAt}, ${event.recordedAt.toISOString()}::timestamptz)`,
    eventCount: sql`${people.eventCount} + 1`,
  };

  switch (event.type) {
    case personEvent.detailsCorrected: {
      const { changes } = event.data as unknown as CorrectionData;
      for (const change of changes) set[columnOf[change.field]] = change.to;
      if (changes.some((c) => nameFields.includes(c.field))) Object.assign(set, await renamed(executor, event.personId, changes));
      break;
    }
    case personEvent.allocated: {
      const d = event.data as unknown as AllocationData;
      set.allocatedWorkerId = d.workerId;
      set.allocatedTeamId = d.teamId;
      set.allocatedAt = event.occurredAt;
      break;
    }
    case personEvent.restricted:
      set.restricted = true;
      break;
    case personEvent.restrictionLifted:
      set.restricted = false;
      break;
    case personEvent.accessGranted: {
      const d = event.data as unknown as AccessData;
      await executor.insert(restrictedAccess).values({
        id: event.id,
        personId: event.personId,
        userId: d.userId,
        grantedAt: event.occurredAt,
      });
      break;
    }
    case personEvent.accessRevoked:
      await executor
        .update(restrictedAccess)
        .set({ revokedAt: event.occurredAt })
        .where(and(eq(restrictedAccess.id, event.refersTo ?? ''), isNull(restrictedAccess.revokedAt)));
      break;
  }

  await executor.update(people).set(set as Partial<typeof people.$inferInsert>).where(eq(people.id, event.personId));

  for (const kind of entryKinds) {
    const touches =
      kind.types.includes(event.type) ||
      (event.type === personEvent.recordedInError && (await refersToKind(executor, event, kind.types)));
    if (touches) await rebuildEntries(executor, event.personId, kind);
  }
}

const nameFields: DetailField[] = ['givenNames', 'familyName', 'preferredName'];

/**
 * The search and duplicate keys after a change of name, keeping the name they were known by, so
 * that a search for it still finds them.
 */
async function renamed(executor: Executor, personId: string, changes: CorrectionData['changes']) {
  const [before] = await executor
    .select({ givenNames: people.givenNames, familyName: people.familyName, preferredName: people.preferredName, formerNames: people.formerNames })
    .from(people)
    .where(eq(people.id, personId));
  if (!before) return {};
  const after = { ...before };
  for (const change of changes) if (nameFields.includes(change.field)) (after as Record<string, unknown>)[change.field] = change.to;
  const nameChanged = after.givenNames !== before.givenNames || after.familyName !== before.familyName;
  const formerNames = nameChanged ? `${before.formerNames} ${before.givenNames} ${before.familyName}`.trim() : before.formerNames;
  return { formerNames, searchText: searchText({ ...after, formerNames }), duplicateKey: duplicateKey(after.givenNames, after.familyName) };
}

async function refersToKind(executor: Executor, event: RecordedEvent, types: readonly string[]): Promise<boolean> {
  if (!event.refersTo) return false;
  const target = await eventStore.find(executor, event.refersTo);
  return target !== null && types.includes(target.type);
}

/** Forgets every projection of the given people, ready to replay their events. */
export async function clearProjections(executor: Executor, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  const ids = [...personIds];
  for (const table of [addresses, warnings, relationships, legalStatuses, restrictedAccess]) {
    await executor.delete(table).where(inArray(table.personId, ids));
  }
  await executor.delete(people).where(inArray(people.id, ids));
}
