import type { FastifyReply } from 'fastify';

/**
 * A stored document sent as a download: always an attachment, never shown in the page, so a file
 * from outside is not run in Hearth's origin; not kept in any cache on the way.
 */
export function sendDownload(reply: FastifyReply, document: { filename: string; mediaType: string; content: Buffer }) {
  return reply
    .header('content-type', document.mediaType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.filename)}`)
    .header('cache-control', 'no-store')
    .send(document.content);
}
