import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { maxDocumentBytes, type DocumentUpload } from '../documents/documentStore';

/**
 * Forms with a file (a document attached to a contact) arrive as multipart/form-data. Their
 * fields become the body as a plain form's do, so the CSRF check and the pages' forms read them
 * the same way, and the file becomes a DocumentUpload. A file over the limit is cut short and
 * marked, so the page can say what to do rather than fail. Registered before the CSRF check,
 * whose hook must find the token in the body.
 */
export async function setUpUploads(app: FastifyInstance) {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: maxDocumentBytes, files: 1, fields: 20, parts: 25 },
    async onFile(part) {
      const content = await part.toBuffer();
      const upload: DocumentUpload = { filename: part.filename, content, truncated: part.file.truncated };
      (part as unknown as { value: DocumentUpload }).value = upload;
    },
  });
}

/** The file a form sent in this field, if it sent one. */
export function uploadIn(body: Record<string, unknown>, field: string): DocumentUpload | null {
  const value = body[field] as Partial<DocumentUpload> | undefined;
  return value && typeof value === 'object' && Buffer.isBuffer(value.content) ? { filename: String(value.filename ?? ''), content: value.content, truncated: Boolean(value.truncated) } : null;
}
