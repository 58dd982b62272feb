import { z } from 'zod';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { checkUpload, documentStore, type DocumentUpload } from '../../platform/documents/documentStore';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { mergeProblems, optionalText, problemsOf } from '../../platform/validation';
import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { frontDoorRepository } from './frontDoorRepository';

const attachedTo = 'contact';
const describeSchema = z.object({ description: optionalText(200, 'What the document is') });

/**
 * Documents that came with a contact or referral (issue 4: "documents attached"): a MARF, a
 * school's record of concerns, a photograph. Attaching one is a change to every child of the
 * contact (each locked, checked and audited, with an event on their history); opening one is a
 * read of every child's record, audited, and refused if any of them is restricted from the reader.
 */
export function contactDocuments(db: Db, clock: Clock, people: PeopleService, staff: StaffDirectory) {
  async function contactOf(contactId: string) {
    const contact = await frontDoorRepository.find(db, contactId);
    if (!contact) throw new NotFoundError('The contact');
    return contact;
  }

  return {
    /** What is attached to the contact (for its page, already read and audited by the page), with who attached it. */
    async list(contactId: string) {
      const rows = await documentStore.listFor(db, attachedTo, contactId);
      const members = new Map((await staff.members([...new Set(rows.map((r) => r.uploadedBy))])).map((m) => [m.id, m.displayName]));
      return rows.map((r) => ({ ...r, uploadedByName: members.get(r.uploadedBy) ?? 'Unknown user' }));
    },

    async attach(context: RequestContext, contactId: string, upload: DocumentUpload | null, unchecked: Record<string, unknown>) {
      const contact = await contactOf(contactId);
      const file = checkUpload(upload, 'document');
      const described = describeSchema.safeParse(unchecked);
      const problems = mergeProblems(file.problems, described.success ? [] : problemsOf(described.error));
      if (problems.length > 0 || !upload || !described.success) throw new ValidationError(problems);
      const description = described.data.description ?? '';
      return people.recordOn(context, contact.children.map((c) => c.personId), 'contact:triage', 'contact.document_attached', async (records, _streams, now, tx) => {
        const document = await documentStore.attach(tx, { attachedTo, attachedToId: contactId, filename: file.filename, mediaType: file.mediaType, description, content: upload.content, uploadedBy: context.actor.userId, now });
        return records.map((r) => ({ personId: r.id, type: 'contact.document_attached', occurredAt: now, data: { contactId, documentId: document.id, filename: file.filename, ...(description ? { summary: description } : {}) } }));
      });
    },

    /** A document to download: every child of the contact is read (and audited) first. */
    async open(context: RequestContext, contactId: string, documentId: string) {
      const contact = await contactOf(contactId);
      await people.readRecords(context, contact.children.map((c) => c.personId), 'contact.document_viewed', { contactId, documentId });
      const document = await documentStore.find(db, attachedTo, contactId, documentId);
      if (!document) throw new NotFoundError('The document');
      return document;
    },
  };
}

export type ContactDocuments = ReturnType<typeof contactDocuments>;
