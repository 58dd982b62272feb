import { z } from 'zod';
import type { RecordedEvent } from '../../domain/records/events';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Db } from '../../platform/db/database';
import { checkUpload, documentStore, type DocumentUpload } from '../../platform/documents/documentStore';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { mergeProblems, optionalText, problemsOf } from '../../platform/validation';
import type { PeopleService } from '../people/peopleService';

const attachedTo = 'child-record';

/**
 * What a document on a child's record is, where a standard asks for one: the "words and pictures"
 * explanation of the safety plan (practice-standards.txt, Section 2: Safety Planning 2 and 10), a
 * network member's signed copy (5), minutes uploaded (Strategy Discussions 6; Child Protection
 * Conferences), a review's record.
 */
export const documentKinds = [
  { value: 'words_and_pictures', text: 'Words and pictures explanation for the child' },
  { value: 'safety_plan_signed', text: "A network member's signed copy of the safety plan" },
  { value: 'section_20_consent', text: 'Signed parental consent to accommodation under section 20' },
  { value: 'strategy_minutes', text: 'Strategy meeting minutes' },
  { value: 'conference_minutes', text: 'Child protection conference minutes' },
  { value: 'core_group_minutes', text: 'Core group minutes' },
  // What a placement request needs uploaded for the Resource Service (resource-service-policy.txt 3.1), and what a provider must hold (1.2).
  { value: 'assessment', text: "An assessment of the child's needs" },
  { value: 'pathway_plan', text: 'Pathway plan' },
  { value: 'ehcp', text: 'Education, Health and Care Plan (EHCP)' },
  { value: 'pep', text: 'Personal Education Plan (PEP)' },
  { value: 'cla_review_minutes', text: 'Child in care review minutes' },
  { value: 'placement_plan', text: 'Placement plan' },
  { value: 'other', text: 'Another document' },
] as const;
export type DocumentKind = (typeof documentKinds)[number]['value'];

const describeSchema = z.object({
  kind: z.enum(documentKinds.map((k) => k.value) as [DocumentKind, ...DocumentKind[]], { error: 'Select what the document is' }),
  description: optionalText(200, 'What the document is'),
});

/** The documents of one kind on a record and the kind to attach more as: a page's minutes. */
export function minutesOf(stream: readonly RecordedEvent[], kind: DocumentKind, mayAttach: boolean) {
  return { documents: documentsOf(stream, [kind]), kinds: documentKinds.filter((k) => k.value === kind), mayAttach };
}

export interface AttachedDocument {
  documentId: string;
  filename: string;
  kind: string;
  description: string;
  at: Date;
  byName: string | null;
}

/** The documents on a child's record, from its history, oldest first; of some kinds only, if given. */
export function documentsOf(stream: readonly RecordedEvent[], kinds?: readonly string[]): AttachedDocument[] {
  return stream
    .filter((e) => e.type === 'document.attached' && (!kinds || kinds.includes(String(e.data.kind))))
    .map((e) => ({ documentId: String(e.data.documentId), filename: String(e.data.filename ?? ''), kind: String(e.data.kind ?? 'other'), description: String(e.data.summary ?? ''), at: e.occurredAt, byName: e.recordedByName }));
}

/**
 * Documents kept on a child's record: attached as a change to the record (locked, checked, audited,
 * with an event on its history), stored with the rest of the record and never changed or removed
 * (migration 0010); opened as an audited read of the record.
 */
export function childDocuments(db: Db, people: PeopleService) {
  return {
    async attach(context: RequestContext, personId: string, upload: DocumentUpload | null, unchecked: Record<string, unknown>) {
      const file = checkUpload(upload, 'document');
      const described = describeSchema.safeParse(unchecked);
      const problems = mergeProblems(file.problems, described.success ? [] : problemsOf(described.error));
      if (problems.length > 0 || !upload || !described.success) throw new ValidationError(problems);
      const { kind, description } = described.data;
      return people.recordOn(context, [personId], 'work:record', 'child.document_attached', async (_records, _streams, now, tx) => {
        const document = await documentStore.attach(tx, { attachedTo, attachedToId: personId, filename: file.filename, mediaType: file.mediaType, description: description ?? '', content: upload.content, uploadedBy: context.actor.userId, now });
        return [{ personId, type: 'document.attached', occurredAt: now, data: { documentId: document.id, filename: file.filename, kind, ...(description ? { summary: description } : {}) } }];
      });
    },

    async open(context: RequestContext, personId: string, documentId: string) {
      await people.readRecords(context, [personId], 'child.document_viewed', { documentId });
      const document = await documentStore.find(db, attachedTo, personId, documentId);
      if (!document) throw new NotFoundError('The document');
      return document;
    },
  };
}

export type ChildDocuments = ReturnType<typeof childDocuments>;
