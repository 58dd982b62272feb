import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Projections of people's event streams (peopleProjector.ts). These tables hold the current
 * picture for fast reading and searching; the events table holds what was recorded, by whom
 * and why. Everything here can be rebuilt from the events (`npx hearth projections rebuild`).
 */
/** Hearth IDs are drawn at registration and written into the registration event, so they survive a rebuild. */
export const hearthIdSequence = pgSequence('hearth_id_seq', { startWith: 100001 });

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    hearthId: integer('hearth_id').notNull().unique(),
    externalId: text('external_id').unique(),
    kind: text('kind').notNull().$type<'child' | 'adult' | 'professional'>(),
    givenNames: text('given_names').notNull(),
    familyName: text('family_name').notNull(),
    preferredName: text('preferred_name'),
    /** Names the person was known by before a correction, so a search by an old name still finds them. */
    formerNames: text('former_names').notNull().default(''),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    expectedDateOfBirth: date('expected_date_of_birth', { mode: 'string' }),
    gender: text('gender'),
    ethnicity: text('ethnicity'),
    firstLanguage: text('first_language'),
    religion: text('religion'),
    disabilities: jsonb('disabilities').notNull().$type<string[]>().default(sql`'[]'::jsonb`),
    nhsNumber: text('nhs_number'),
    upn: text('upn'),
    uasc: boolean('uasc').notNull().default(false),
    immigrationStatus: text('immigration_status'),
    organisation: text('organisation'),
    professionalRole: text('professional_role'),
    phone: text('phone'),
    email: text('email'),
    restricted: boolean('restricted').notNull().default(false),
    allocatedWorkerId: uuid('allocated_worker_id'),
    allocatedTeamId: uuid('allocated_team_id'),
    allocatedAt: timestamp('allocated_at', { withTimezone: true }),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    eventCount: integer('event_count').notNull().default(0),
    /** Names without case or accents (domain/people/searchKey.ts), for finding people by part of a name. */
    searchText: text('search_text').notNull(),
    /** "given|family" without case or accents, for the likely-duplicate warning. */
    duplicateKey: text('duplicate_key').notNull(),
  },
  (t) => [
    // fastupdate off: new names go straight into the index rather than a pending list that every
    // search must read until a VACUUM, which PGlite never runs by itself.
    index('people_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`).with({ fastupdate: false }),
    index('people_duplicate_key').on(t.duplicateKey, t.dateOfBirth),
    index('people_date_of_birth').on(t.dateOfBirth),
    index('people_nhs_number').on(t.nhsNumber),
    index('people_allocated_worker').on(t.allocatedWorkerId),
    index('people_allocated_team').on(t.allocatedTeamId),
  ],
);

/**
 * Columns shared by the dated entries of a record; `id` is the event that recorded the entry.
 * An entry marked "recorded in error" is not here at all; the history keeps it.
 */
const entry = {
  id: uuid('id').primaryKey(),
  personId: uuid('person_id').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
};

export const addresses = pgTable(
  'addresses',
  {
    ...entry,
    line1: text('line1').notNull(),
    line2: text('line2'),
    town: text('town').notNull(),
    postcode: text('postcode').notNull(),
  },
  (t) => [index('addresses_person').on(t.personId)],
);

export const warnings = pgTable(
  'warnings',
  {
    ...entry,
    category: text('category').notNull(),
    detail: text('detail').notNull(),
  },
  (t) => [index('warnings_person').on(t.personId)],
);

export const legalStatuses = pgTable(
  'legal_statuses',
  {
    ...entry,
    status: text('status').notNull(),
  },
  (t) => [index('legal_statuses_person').on(t.personId)],
);

/** "relatedPersonId is the <type> of personId". */
export const relationships = pgTable(
  'relationships',
  {
    ...entry,
    relatedPersonId: uuid('related_person_id').notNull(),
    type: text('type').notNull(),
    parentalResponsibility: boolean('parental_responsibility').notNull().default(false),
    professionalRole: text('professional_role'),
  },
  (t) => [index('relationships_person').on(t.personId), index('relationships_related').on(t.relatedPersonId)],
);

/** People given explicit access to a restricted record. */
export const restrictedAccess = pgTable(
  'restricted_access',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').notNull(),
    userId: uuid('user_id').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('restricted_access_person').on(t.personId), index('restricted_access_user').on(t.userId)],
);
