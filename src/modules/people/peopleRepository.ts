import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor, RecordSubject } from '../../domain/access/can';
import { managerRoles } from '../../domain/access/roles';
import type { PersonKind } from '../../domain/people/codes';
import type { PersonDetails } from '../../domain/people/personDetails';
import { duplicateKey } from '../../domain/people/searchKey';
import type { Executor } from '../../platform/db/database';
import {
  addresses,
  hearthIdSequence,
  legalStatuses,
  people,
  relationships,
  restrictedAccess,
  warnings,
} from './peopleTables';

export interface PersonRecord extends RecordSubject {
  id: string;
  hearthId: number;
  externalId: string | null;
  kind: PersonKind;
  details: PersonDetails;
  formerNames: string;
  allocatedAt: Date | null;
  registeredAt: Date;
  updatedAt: Date;
  eventCount: number;
}

type PersonRow = typeof people.$inferSelect;

function toRecord(row: PersonRow, grantedUserIds: string[]): PersonRecord {
  return {
    id: row.id,
    personId: row.id,
    hearthId: row.hearthId,
    externalId: row.externalId,
    kind: row.kind,
    details: {
      givenNames: row.givenNames,
      familyName: row.familyName,
      preferredName: row.preferredName,
      dateOfBirth: row.dateOfBirth,
      expectedDateOfBirth: row.expectedDateOfBirth,
      gender: row.gender,
      ethnicity: row.ethnicity,
      firstLanguage: row.firstLanguage,
      religion: row.religion,
      disabilities: row.disabilities,
      nhsNumber: row.nhsNumber,
      upn: row.upn,
      uasc: row.uasc,
      immigrationStatus: row.immigrationStatus,
      organisation: row.organisation,
      professionalRole: row.professionalRole,
      phone: row.phone,
      email: row.email,
    },
    formerNames: row.formerNames,
    restricted: row.restricted,
    allocatedWorkerId: row.allocatedWorkerId,
    allocatedTeamId: row.allocatedTeamId,
    allocatedAt: row.allocatedAt,
    registeredAt: row.registeredAt,
    updatedAt: row.updatedAt,
    eventCount: row.eventCount,
    grantedUserIds,
  };
}

async function grantsFor(executor: Executor, personIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (personIds.length === 0) return map;
  const rows = await executor
    .select({ personId: restrictedAccess.personId, userId: restrictedAccess.userId })
    .from(restrictedAccess)
    .where(and(inArray(restrictedAccess.personId, personIds), isNull(restrictedAccess.revokedAt)));
  for (const row of rows) map.set(row.personId, [...(map.get(row.personId) ?? []), row.userId]);
  return map;
}

async function withGrants(executor: Executor, rows: PersonRow[]): Promise<PersonRecord[]> {
  const restrictedIds = rows.filter((r) => r.restricted).map((r) => r.id);
  const grants = await grantsFor(executor, restrictedIds);
  return rows.map((row) => toRecord(row, grants.get(row.id) ?? []));
}

/**
 * The SQL twin of canSee() (domain/access/can.ts): which records this actor may see. Search and
 * lists filter with it, so a restricted record never appears to someone who may not open it.
 */
export function visibleTo(actor: Actor): SQL {
  const isHeadOfService = actor.roles.includes('head-of-service');
  const isManager = actor.roles.some((r) => managerRoles.includes(r));
  const conditions: (SQL | undefined)[] = [
    eq(people.restricted, false),
    eq(people.allocatedWorkerId, actor.userId),
    sql`exists (select 1 from ${restrictedAccess} where ${restrictedAccess.personId} = ${people.id} and ${restrictedAccess.userId} = ${actor.userId} and ${restrictedAccess.revokedAt} is null)`,
  ];
  if (isHeadOfService) conditions.push(sql`true`);
  if (isManager && actor.teamIds.length > 0) conditions.push(inArray(people.allocatedTeamId, [...actor.teamIds]));
  return or(...conditions) as SQL;
}

export interface SearchCriteria {
  nameTerms: string[];
  dateOfBirth: string | null;
  nhsNumber: string | null;
  hearthId: number | null;
  kind: PersonKind | null;
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export const peopleRepository = {
  async nextHearthId(executor: Executor): Promise<number> {
    const result = (await executor.execute(sql`select nextval(${hearthIdSequence.seqName})::int as id`)) as unknown as { rows: { id: number }[] };
    return Number(result.rows[0]?.id);
  },

  async find(executor: Executor, personId: string): Promise<PersonRecord | null> {
    const [row] = await executor.select().from(people).where(eq(people.id, personId)).limit(1);
    if (!row) return null;
    return (await withGrants(executor, [row]))[0] ?? null;
  },

  /**
   * Holds these records until the transaction ends, taken in one order (as recording on many
   * records takes them, so the two cannot deadlock): a full recompute of their obligations and a
   * new event on one of them queue up rather than both writing from the same stale rows.
   */
  async lockMany(executor: Executor, personIds: readonly string[]): Promise<void> {
    await executor.execute(sql`select id from ${people} where id = any(${sql.param([...personIds])}::uuid[]) order by id for update`);
  },

  /** Reads the record and holds it until the transaction ends, so changes to one record queue up. */
  async lock(executor: Executor, personId: string): Promise<PersonRecord | null> {
    const [row] = await executor.select().from(people).where(eq(people.id, personId)).for('update').limit(1);
    if (!row) return null;
    return (await withGrants(executor, [row]))[0] ?? null;
  },

  async findByExternalId(executor: Executor, externalId: string): Promise<PersonRecord | null> {
    const [row] = await executor.select().from(people).where(eq(people.externalId, externalId)).limit(1);
    return row ? ((await withGrants(executor, [row]))[0] ?? null) : null;
  },

  /** Records by the ids an old system gave them, in one query (a large import's batch of children). */
  async findByExternalIds(executor: Executor, externalIds: readonly string[]): Promise<Map<string, PersonRecord>> {
    if (externalIds.length === 0) return new Map();
    const rows = await executor.select().from(people).where(inArray(people.externalId, [...externalIds]));
    return new Map((await withGrants(executor, rows)).map((r) => [r.externalId as string, r]));
  },

  async externalIdTaken(executor: Executor, externalId: string): Promise<boolean> {
    const rows = await executor.select({ id: people.id }).from(people).where(eq(people.externalId, externalId)).limit(1);
    return rows.length > 0;
  },

  /** Date of birth and allocated team of each of these people: what the practice standards need. */
  async standardsFacts(executor: Executor, personIds: readonly string[]): Promise<Map<string, { dateOfBirth: string | null; allocatedTeamId: string | null }>> {
    if (personIds.length === 0) return new Map();
    const rows = await executor
      .select({ id: people.id, dateOfBirth: people.dateOfBirth, allocatedTeamId: people.allocatedTeamId })
      .from(people)
      .where(inArray(people.id, [...personIds]));
    return new Map(rows.map(({ id, ...facts }) => [id, facts]));
  },

  async findMany(executor: Executor, personIds: string[]): Promise<PersonRecord[]> {
    if (personIds.length === 0) return [];
    return withGrants(executor, await executor.select().from(people).where(inArray(people.id, personIds)));
  },

  async findByHearthId(executor: Executor, hearthId: number): Promise<PersonRecord | null> {
    const [row] = await executor.select().from(people).where(eq(people.hearthId, hearthId)).limit(1);
    return row ? ((await withGrants(executor, [row]))[0] ?? null) : null;
  },

  async search(
    executor: Executor,
    actor: Actor,
    criteria: SearchCriteria,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; records: PersonRecord[] }> {
    const where: SQL[] = [visibleTo(actor)];
    for (const term of criteria.nameTerms) where.push(sql`${people.searchText} like ${`%${escapeLike(term)}%`}`);
    if (criteria.dateOfBirth) where.push(eq(people.dateOfBirth, criteria.dateOfBirth));
    if (criteria.nhsNumber) where.push(eq(people.nhsNumber, criteria.nhsNumber));
    if (criteria.hearthId !== null) where.push(eq(people.hearthId, criteria.hearthId));
    if (criteria.kind) where.push(eq(people.kind, criteria.kind));
    const condition = and(...where);

    const firstTerm = criteria.nameTerms[0] ?? '';
    const rows = await executor
      .select()
      .from(people)
      .where(condition)
      .orderBy(
        // Family names that start with what was typed first, then alphabetical.
        sql`case when split_part(${people.duplicateKey}, '|', 2) like ${`${escapeLike(firstTerm)}%`} then 0 else 1 end`,
        asc(sql`lower(${people.familyName})`),
        asc(sql`lower(${people.givenNames})`),
        asc(people.hearthId),
      )
      .limit(page.limit)
      .offset(page.offset);
    const [count] = await executor.select({ n: sql<number>`count(*)::int` }).from(people).where(condition);
    return { total: Number(count?.n ?? 0), records: await withGrants(executor, rows) };
  },

  /** People with the same name and date of birth: probably the same person recorded twice. */
  async likelyDuplicates(
    executor: Executor,
    actor: Actor,
    details: Pick<PersonDetails, 'givenNames' | 'familyName' | 'dateOfBirth'>,
  ): Promise<PersonRecord[]> {
    if (!details.dateOfBirth) return [];
    const rows = await executor
      .select()
      .from(people)
      .where(
        and(
          visibleTo(actor),
          eq(people.duplicateKey, duplicateKey(details.givenNames, details.familyName)),
          eq(people.dateOfBirth, details.dateOfBirth),
        ),
      )
      .limit(10);
    return withGrants(executor, rows);
  },

  async caseload(executor: Executor, workerId: string): Promise<PersonRecord[]> {
    const rows = await executor
      .select()
      .from(people)
      .where(eq(people.allocatedWorkerId, workerId))
      .orderBy(asc(sql`lower(${people.familyName})`), asc(sql`lower(${people.givenNames})`));
    return withGrants(executor, rows);
  },

  /** The people allocated to a team, with their worker: for the team's figures. */
  async allocatedToTeam(executor: Executor, teamId: string) {
    return executor
      .select({ id: people.id, workerId: people.allocatedWorkerId })
      .from(people)
      .where(eq(people.allocatedTeamId, teamId));
  },

  async countsByWorker(executor: Executor, teamId: string): Promise<Map<string, number>> {
    const rows = await executor
      .select({ workerId: people.allocatedWorkerId, n: sql<number>`count(*)::int` })
      .from(people)
      .where(eq(people.allocatedTeamId, teamId))
      .groupBy(people.allocatedWorkerId);
    return new Map(rows.map((r) => [r.workerId ?? '', Number(r.n)]));
  },

  /** Warnings in force on these people today: shown on the records of the children they are related to. */
  async currentWarnings(executor: Executor, personIds: string[], today: string) {
    if (personIds.length === 0) return [];
    return executor
      .select()
      .from(warnings)
      .where(and(inArray(warnings.personId, personIds), sql`${warnings.startDate} <= ${today}`, or(isNull(warnings.endDate), sql`${warnings.endDate} > ${today}`)))
      .orderBy(asc(warnings.startDate));
  },

  /** Explicit access to a restricted record that has not been revoked; the id is the granting event. */
  async activeGrants(executor: Executor, personId: string) {
    return executor
      .select({ id: restrictedAccess.id, userId: restrictedAccess.userId, grantedAt: restrictedAccess.grantedAt })
      .from(restrictedAccess)
      .where(and(eq(restrictedAccess.personId, personId), isNull(restrictedAccess.revokedAt)))
      .orderBy(asc(restrictedAccess.grantedAt));
  },

  async entries(executor: Executor, personId: string) {
    // One after another: the executor may be a transaction, which runs one query at a time.
    const addressRows = await executor.select().from(addresses).where(eq(addresses.personId, personId)).orderBy(asc(addresses.startDate));
    const warningRows = await executor.select().from(warnings).where(eq(warnings.personId, personId)).orderBy(asc(warnings.startDate));
    const legalStatusRows = await executor
      .select()
      .from(legalStatuses)
      .where(eq(legalStatuses.personId, personId))
      .orderBy(asc(legalStatuses.startDate));
    const relationshipRows = await executor
      .select()
      .from(relationships)
      .where(or(eq(relationships.personId, personId), eq(relationships.relatedPersonId, personId)))
      .orderBy(asc(relationships.startDate));
    return { addresses: addressRows, warnings: warningRows, legalStatuses: legalStatusRows, relationships: relationshipRows };
  },
};
