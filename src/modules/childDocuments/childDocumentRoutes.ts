import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PageStep } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import { sendDownload } from '../../platform/http/sendDownload';
import { uploadIn } from '../../platform/http/setUpUploads';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';

/** Opening a document on a child's record: a read of the record, audited, refused if it is restricted from the reader. */
export function childDocumentRoutes(app: FastifyInstance, services: Services) {
  addRoute(app, {
    method: 'GET',
    url: '/people/:id/documents/:documentId',
    permission: 'child:read',
    audit: 'child.document_viewed',
    handler: async (request, reply) => sendDownload(reply, await services.childDocuments.open(contextOf(request), idParam(request), idParam(request, 'documentId'))),
  });
}

/** The form attaching a document from one of a child's pages (the safety plan, a strategy discussion), as one of that page's steps. */
export function attachDocumentStep(services: Services, url: string): PageStep {
  return {
    url,
    permission: 'work:record',
    audit: 'child.document_attached',
    form: 'document',
    title: 'Document attached',
    run: async (request: FastifyRequest, body) => {
      await services.childDocuments.attach(contextOf(request), idParam(request), uploadIn(body, 'document'), body);
      return 'The document has been attached to the record.';
    },
  };
}
