import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { RecordedEvent } from '../../domain/records/events';
import type { Executor } from '../../platform/db/database';
import { contactChildren, contacts, mashEnquiries } from './frontDoorTables';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

/**
 * The contact an event belongs to: the one it names (`data.contactId`), or, for history imported
 * from another system that did not name one, the child's latest contact awaiting a decision.
 */
async function contactOf(executor: Executor, event: RecordedEvent): Promise<string | null> {
  const named = text(event.data.contactId);
  if (named) return named;
  const [row] = await executor
    .select({ id: contacts.id })
    .from(contactChildren)
    .innerJoin(contacts, eq(contacts.id, contactChildren.contactId))
    .where(and(eq(contactChildren.personId, event.personId), isNull(contacts.decision)))
    .orderBy(desc(contacts.receivedAt))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Brings the front door's tables up to date with newly recorded events (wired as a record hook in
 * services.ts, so it runs in the transaction that records them, for pages, imports and the
 * demonstration alike). Each contact's events arrive once per child; the first one writes.
 */
export async function projectFrontDoor(executor: Executor, events: readonly RecordedEvent[]): Promise<void> {
  for (const event of events) {
    const d = event.data;
    switch (event.type) {
      case 'contact.received': {
        const contactId = text(d.contactId) ?? event.id;
        const referrer = (d.referrer && typeof d.referrer === 'object' ? d.referrer : {}) as Record<string, unknown>;
        await executor
          .insert(contacts)
          .values({
            id: contactId,
            receivedAt: event.occurredAt,
            recordedAt: typeof d.recordedAt === 'string' ? new Date(d.recordedAt) : event.recordedAt,
            recordedByName: event.recordedByName,
            source: text(d.source) ?? 'not_recorded',
            referrer: { name: text(referrer.name) ?? 'Not recorded', organisation: text(referrer.organisation), relationship: text(referrer.relationship) ?? 'Not recorded', phone: text(referrer.phone), agency: text(d.referrerAgency) },
            concerns: text(d.concerns) ?? text(d.summary) ?? 'Not recorded',
            adults: Array.isArray(d.adults) ? (d.adults as { personId: string; relationship: string; parent: boolean; consent: string }[]) : [],
            homeAuthority: text(d.homeAuthority),
          })
          .onConflictDoNothing();
        await executor.insert(contactChildren).values({ contactId, personId: event.personId, eventId: event.id }).onConflictDoNothing();
        break;
      }
      case 'mash_enquiry.started': {
        const contactId = await contactOf(executor, event);
        if (!contactId) break;
        await executor
          .insert(mashEnquiries)
          .values({
            id: text(d.enquiryId) ?? event.id,
            contactId,
            agency: text(d.agency) ?? 'Not recorded',
            grade: text(d.grade) ?? 'amber',
            startedAt: event.occurredAt,
            startedByName: event.recordedByName,
            consent: d.consent === 'overridden' ? 'overridden' : 'parents',
            overrideRationale: text(d.overrideRationale),
          })
          .onConflictDoNothing();
        break;
      }
      case 'mash_enquiry.completed': {
        const enquiryId = text(d.enquiryId);
        if (!enquiryId) break;
        await executor
          .update(mashEnquiries)
          .set({ repliedAt: event.occurredAt, reply: text(d.reply) })
          .where(and(eq(mashEnquiries.id, enquiryId), isNull(mashEnquiries.repliedAt)));
        break;
      }
      case 'threshold.recommended': {
        const contactId = await contactOf(executor, event);
        if (!contactId) break;
        await executor
          .update(contacts)
          .set({ recommendation: text(d.outcome), recommendationRationale: text(d.rationale), recommendedAt: event.occurredAt, recommendedByName: event.recordedByName })
          .where(and(eq(contacts.id, contactId), isNull(contacts.decision)));
        break;
      }
      case 'threshold.decided': {
        const contactId = await contactOf(executor, event);
        if (!contactId) break;
        await executor
          .update(contacts)
          .set({ decision: text(d.outcome), decisionReason: text(d.reason), decidedAt: event.occurredAt, decidedByName: event.recordedByName })
          .where(and(eq(contacts.id, contactId), isNull(contacts.decision)));
        break;
      }
      case 'contact.consent_recorded': {
        const contactId = text(d.contactId);
        if (!contactId) break;
        const [row] = await executor.select({ adults: contacts.adults }).from(contacts).where(eq(contacts.id, contactId)).limit(1);
        if (!row) break;
        const adults = row.adults.map((a) => (a.personId === d.adultId ? { ...a, consent: String(d.consent) } : a));
        await executor.update(contacts).set({ adults }).where(eq(contacts.id, contactId));
        break;
      }
      case 'cwd.hospital_referral_passed_on': {
        const contactId = text(d.contactId);
        if (contactId) await executor.update(contacts).set({ handedOverAt: event.occurredAt }).where(and(eq(contacts.id, contactId), isNull(contacts.handedOverAt)));
        break;
      }
    }
  }
}

/** Empties the front door's tables before they are rebuilt from every event (`projections rebuild`). */
export async function clearFrontDoor(executor: Executor): Promise<void> {
  await executor.execute(sql`delete from mash_enquiries`);
  await executor.execute(sql`delete from contact_children`);
  await executor.execute(sql`delete from contacts`);
}
