import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Forms being filled in (issue 4: "a draft is never lost (autosaved server-side)"). A draft
 * belongs to the user who started it; every save is a new version, never an overwrite, so what
 * was typed an hour ago is still there if a later save went wrong. The last version says whether
 * the draft is still being written, was submitted (and what it became), or was discarded.
 */
export const drafts = pgTable(
  'drafts',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** The record it is about, when it is about one (an assessment); a new contact has none yet. */
    personId: uuid('person_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('drafts_owner').on(t.ownerId, t.kind)],
);

export const draftVersions = pgTable(
  'draft_versions',
  {
    draftId: uuid('draft_id').notNull(),
    version: integer('version').notNull(),
    state: text('state').notNull().$type<'saved' | 'submitted' | 'discarded'>(),
    data: jsonb('data').notNull().$type<Record<string, unknown>>(),
    /** What the submitted draft became (the contact's id). */
    result: text('result'),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.version] })],
);
