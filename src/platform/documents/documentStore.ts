import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import type { Problem } from '../../domain/people/personDetails';
import type { Executor } from '../db/database';
import { documents } from './documentTables';

/** The largest file that may be attached: a scanned MARF or a few photographs, not a video. */
export const maxDocumentBytes = 10 * 1024 * 1024;

/**
 * The kinds of file a contact arrives with, by extension, and the type each is served as. Other
 * kinds (programs, scripts, web pages) are refused: a document is opened by the next worker.
 */
const allowed: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.rtf': 'application/rtf',
  '.txt': 'text/plain',
  '.eml': 'message/rfc822',
  '.msg': 'application/vnd.ms-outlook',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.heic': 'image/heic',
};
export const allowedExtensions = Object.keys(allowed);

export interface DocumentUpload {
  filename: string;
  content: Buffer;
  /** The file was cut short at the size limit. */
  truncated: boolean;
}

/** What is wrong with a file offered for attaching, every problem at once, or its cleaned name and type. */
export function checkUpload(upload: DocumentUpload | null, field: string): { problems: Problem[]; filename: string; mediaType: string } {
  const filename = path.basename((upload?.filename ?? '').replace(/\\/g, '/')).replace(/[\u0000-\u001f]/g, '').slice(0, 200);
  if (!upload || !filename) return { problems: [{ field, message: 'Choose a file to attach' }], filename, mediaType: '' };
  const problems: Problem[] = [];
  const extension = path.extname(filename).toLowerCase();
  const mediaType = allowed[extension] ?? '';
  if (!mediaType) problems.push({ field, message: `${filename} cannot be attached: attach a PDF, Word, OpenDocument, RTF, text, email or image file (${allowedExtensions.join(', ')})` });
  if (upload.truncated || upload.content.length > maxDocumentBytes) problems.push({ field, message: `${filename} is larger than 10 MB: attach a smaller file, or split it` });
  else if (upload.content.length === 0) problems.push({ field, message: `${filename} is empty: choose the file again` });
  return { problems, filename, mediaType };
}

export const documentStore = {
  async attach(executor: Executor, input: { attachedTo: string; attachedToId: string; filename: string; mediaType: string; description: string; content: Buffer; uploadedBy: string; now: Date }) {
    const row = {
      id: randomUUID(),
      attachedTo: input.attachedTo,
      attachedToId: input.attachedToId,
      filename: input.filename,
      mediaType: input.mediaType,
      sizeBytes: input.content.length,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      description: input.description,
      content: input.content,
      uploadedBy: input.uploadedBy,
      uploadedAt: input.now,
    };
    await executor.insert(documents).values(row);
    return row;
  },

  /** What is attached to something, without the content, oldest first. */
  async listFor(executor: Executor, attachedTo: string, attachedToId: string) {
    return executor
      .select({ id: documents.id, filename: documents.filename, mediaType: documents.mediaType, sizeBytes: documents.sizeBytes, description: documents.description, uploadedBy: documents.uploadedBy, uploadedAt: documents.uploadedAt, sha256: documents.sha256 })
      .from(documents)
      .where(and(eq(documents.attachedTo, attachedTo), eq(documents.attachedToId, attachedToId)))
      .orderBy(asc(documents.uploadedAt));
  },

  /** One document with its content, only if it is attached to this. */
  async find(executor: Executor, attachedTo: string, attachedToId: string, id: string) {
    const [row] = await executor
      .select()
      .from(documents)
      .where(and(eq(documents.id, id), eq(documents.attachedTo, attachedTo), eq(documents.attachedToId, attachedToId)));
    return row ?? null;
  },
};
