import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The file's bytes: a Buffer from node-postgres, a Uint8Array from PGlite, a Buffer to callers. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Documents attached to a piece of work (issue 4: "documents attached" to a contact or referral: a
 * MARF, a school's chronology, a photograph of a letter). Kept in the database with the rest of the
 * record, so one backup holds everything and an attachment is never lost: the database refuses to
 * change or remove one (migration 0010), as it does for the events.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    /** What it is attached to: 'contact', with that contact's id. */
    attachedTo: text('attached_to').notNull(),
    attachedToId: uuid('attached_to_id').notNull(),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** SHA-256 of the content, hex: the same file attached twice is recognised. */
    sha256: text('sha256').notNull(),
    description: text('description').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('documents_attached').on(t.attachedTo, t.attachedToId)],
);
