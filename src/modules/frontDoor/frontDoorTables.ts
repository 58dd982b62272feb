import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The front door's picture of its contacts, built from the children's events (contact.received,
 * mash_enquiry.*, threshold.*) in the transaction that records them: the queue of contacts
 * awaiting a decision, and each contact's enquiries, without reading every child's stream.
 * The events are the record; these tables can be rebuilt from them.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedByName: text('recorded_by_name'),
    source: text('source').notNull(),
    referrer: jsonb('referrer').notNull().$type<{ name: string; organisation: string | null; relationship: string; phone: string | null; agency?: string | null }>(),
    concerns: text('concerns').notNull(),
    adults: jsonb('adults').notNull().$type<{ personId: string; relationship: string; parent: boolean; consent: string }[]>(),
    homeAuthority: text('home_authority'),
    recommendation: text('recommendation'),
    recommendationRationale: text('recommendation_rationale'),
    recommendedAt: timestamp('recommended_at', { withTimezone: true }),
    recommendedByName: text('recommended_by_name'),
    decision: text('decision'),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByName: text('decided_by_name'),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }),
  },
  (t) => [index('contacts_received').on(t.receivedAt), index('contacts_awaiting').on(t.receivedAt).where(sql`decision is null`)],
);

/** The children a contact is about, each with the contact.received event on their own record. */
export const contactChildren = pgTable(
  'contact_children',
  {
    contactId: uuid('contact_id').notNull(),
    personId: uuid('person_id').notNull(),
    eventId: uuid('event_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.personId] }), index('contact_children_person').on(t.personId)],
);

/** MASH enquiries to partner agencies (Duty Team (MASH) 3), one row per enquiry. */
export const mashEnquiries = pgTable(
  'mash_enquiries',
  {
    id: uuid('id').primaryKey(),
    contactId: uuid('contact_id').notNull(),
    agency: text('agency').notNull(),
    grade: text('grade').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    startedByName: text('started_by_name'),
    consent: text('consent').notNull().$type<'parents' | 'overridden'>(),
    overrideRationale: text('override_rationale'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    reply: text('reply'),
  },
  (t) => [index('mash_enquiries_contact').on(t.contactId)],
);
