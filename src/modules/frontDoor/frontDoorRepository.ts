import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { contactChildren, contacts, mashEnquiries } from './frontDoorTables';

export type ContactRow = typeof contacts.$inferSelect;
export type EnquiryRow = typeof mashEnquiries.$inferSelect;
export interface ContactWithChildren extends ContactRow {
  children: { personId: string; eventId: string }[];
  enquiries: EnquiryRow[];
}

async function withChildren(executor: Executor, rows: ContactRow[]): Promise<ContactWithChildren[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [children, enquiries] = await Promise.all([
    executor.select().from(contactChildren).where(inArray(contactChildren.contactId, ids)),
    executor.select().from(mashEnquiries).where(inArray(mashEnquiries.contactId, ids)).orderBy(asc(mashEnquiries.startedAt)),
  ]);
  return rows.map((r) => ({
    ...r,
    children: children.filter((c) => c.contactId === r.id).map((c) => ({ personId: c.personId, eventId: c.eventId })),
    enquiries: enquiries.filter((e) => e.contactId === r.id),
  }));
}

/** The front door's SQL: its contacts, their children and their MASH enquiries. */
export const frontDoorRepository = {
  /** Contacts awaiting the Duty Manager's decision, oldest first: the front door's queue. */
  async awaitingDecision(executor: Executor, limit: number): Promise<ContactWithChildren[]> {
    return withChildren(executor, await executor.select().from(contacts).where(isNull(contacts.decision)).orderBy(asc(contacts.receivedAt)).limit(limit));
  },

  /** Contacts decided since `since`, latest first. */
  async decidedSince(executor: Executor, since: Date, limit: number): Promise<ContactWithChildren[]> {
    return withChildren(
      executor,
      await executor.select().from(contacts).where(and(isNotNull(contacts.decidedAt), gte(contacts.decidedAt, since))).orderBy(desc(contacts.decidedAt)).limit(limit),
    );
  },

  async find(executor: Executor, contactId: string): Promise<ContactWithChildren | null> {
    const [row] = await executor.select().from(contacts).where(eq(contacts.id, contactId)).limit(1);
    return row ? ((await withChildren(executor, [row]))[0] ?? null) : null;
  },

  /** Every contact about any of these children, latest first (previous involvement; alerts). */
  async about(executor: Executor, personIds: readonly string[], since?: Date): Promise<(ContactRow & { personId: string })[]> {
    if (personIds.length === 0) return [];
    const rows = await executor
      .select({ contact: contacts, personId: contactChildren.personId })
      .from(contactChildren)
      .innerJoin(contacts, eq(contacts.id, contactChildren.contactId))
      .where(and(inArray(contactChildren.personId, [...personIds]), since ? gte(contacts.receivedAt, since) : sql`true`))
      .orderBy(desc(contacts.receivedAt));
    return rows.map((r) => ({ ...r.contact, personId: r.personId }));
  },
};
