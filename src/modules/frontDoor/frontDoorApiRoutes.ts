import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/routes';
import { sendDownload } from '../../platform/http/sendDownload';
import type { Services } from '../../services';
import { refusals } from '../people/peopleApiSchemas';

const tags = ['front door'];
const instant = z.iso.datetime({ offset: true });
const child = z.object({ id: z.uuid(), name: z.string().nullable().describe('Null for a record restricted from the reader') });
const clock = z.object({ deadline: instant, overdue: z.boolean() }).nullable();
const referrer = z.object({ name: z.string(), organisation: z.string().nullable(), relationship: z.string(), phone: z.string().nullable() });

const contactSummarySchema = z.object({
  id: z.uuid(),
  receivedAt: instant,
  source: z.string(),
  referrer: referrer.nullable().describe('Null when every child of the contact is restricted from the reader'),
  children: z.array(child),
  decision: z.string().nullable(),
  decisionDue: clock.describe('The 24-hour threshold decision, while it is awaited'),
  openEnquiries: z.number().int(),
});
const queueSchema = z.object({ awaiting: z.array(contactSummarySchema), decided: z.array(contactSummarySchema) });

const contactSchema = z.object({
  id: z.uuid(),
  receivedAt: instant,
  recordedAt: instant,
  recordedBy: z.string().nullable(),
  source: z.string(),
  referrer,
  concerns: z.string(),
  homeAuthority: z.string().nullable(),
  children: z.array(child.extend({ allocatedWorker: z.string().nullable(), allocatedTeam: z.string().nullable() })),
  adults: z.array(z.object({ id: z.uuid(), name: z.string().nullable(), relationship: z.string(), parent: z.boolean(), consent: z.string() })),
  enquiries: z.array(
    z.object({ id: z.uuid(), agency: z.string(), grade: z.string(), startedAt: instant, consent: z.string(), repliedAt: instant.nullable(), reply: z.string().nullable(), due: z.object({ deadline: instant, state: z.string() }).nullable() }),
  ),
  recommendation: z.object({ outcome: z.string(), rationale: z.string().nullable(), at: instant.nullable(), by: z.string().nullable() }).nullable(),
  decision: z.object({ outcome: z.string(), reason: z.string().nullable(), at: instant.nullable(), by: z.string().nullable() }).nullable(),
  decisionDue: z.object({ deadline: instant, state: z.string() }).nullable(),
  documents: z.array(z.object({ id: z.uuid(), filename: z.string(), sizeBytes: z.number().int(), description: z.string(), uploadedAt: instant, href: z.string() })),
});

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * /api/v1/contacts: the front door's contacts for other systems (a MASH partner's dashboard, a
 * data warehouse), read with the same permissions and audit as the pages: the queue, and one contact
 * with its children, adults, MASH enquiries, decision and documents.
 */
export function frontDoorApiRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.route({
    method: 'GET',
    url: '/api/v1/contacts',
    config: { permission: 'contact:record', audit: 'contact.queue_viewed' },
    schema: { tags, summary: 'Contacts awaiting a threshold decision (oldest first), and those decided in the last 7 days', response: { 200: queueSchema, ...refusals } },
    handler: async (request) => {
      const queue = await services.frontDoor.queue(contextOf(request));
      const view = (c: (typeof queue.awaiting)[number]) => ({
        id: c.contact.id,
        receivedAt: c.contact.receivedAt.toISOString(),
        source: c.contact.source,
        referrer: c.referrer,
        children: c.children.map((x) => ({ id: x.id, name: x.visible ? x.name : null })),
        decision: c.contact.decision,
        decisionDue: c.decisionDue ? { deadline: c.decisionDue.deadline.toISOString(), overdue: c.decisionDue.overdue } : null,
        openEnquiries: c.openEnquiries,
      });
      return { awaiting: queue.awaiting.map(view), decided: queue.decided.map(view) };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/contacts/:id',
    config: { permission: 'contact:record', audit: 'contact.viewed' },
    schema: { tags, summary: 'One contact: its children, adults and consent, MASH enquiries, recommendation, decision and documents', params: z.object({ id: z.uuid({ error: "id must be a contact's id (a UUID)" }) }), response: { 200: contactSchema, ...refusals } },
    handler: async (request) => {
      const view = await services.frontDoor.contact(contextOf(request), request.params.id);
      const documents = await services.contactDocuments.list(view.contact.id);
      const c = view.contact;
      return {
        id: c.id,
        receivedAt: c.receivedAt.toISOString(),
        recordedAt: c.recordedAt.toISOString(),
        recordedBy: c.recordedByName,
        source: c.source,
        referrer: c.referrer,
        concerns: c.concerns,
        homeAuthority: c.homeAuthority,
        children: view.children.map((x) => ({ id: x.record.id, name: x.name, allocatedWorker: x.worker, allocatedTeam: x.team })),
        adults: view.adults.map((a) => ({ id: a.personId, name: a.visible ? a.name : null, relationship: a.relationship, parent: a.parent, consent: a.consent })),
        enquiries: view.enquiries.map((e) => ({ id: e.id, agency: e.agency, grade: e.grade, startedAt: e.startedAt.toISOString(), consent: e.consent, repliedAt: iso(e.repliedAt), reply: e.reply, due: e.clock ? { deadline: e.clock.deadline.toISOString(), state: e.clock.state } : null })),
        recommendation: c.recommendation ? { outcome: c.recommendation, rationale: c.recommendationRationale, at: iso(c.recommendedAt), by: c.recommendedByName } : null,
        decision: c.decision ? { outcome: c.decision, reason: c.decisionReason, at: iso(c.decidedAt), by: c.decidedByName } : null,
        decisionDue: view.decisionClock ? { deadline: view.decisionClock.deadline.toISOString(), state: view.decisionClock.state } : null,
        documents: documents.map((d) => ({ id: d.id, filename: d.filename, sizeBytes: d.sizeBytes, description: d.description, uploadedAt: d.uploadedAt.toISOString(), href: `/api/v1/contacts/${c.id}/documents/${d.id}` })),
      };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/contacts/:id/documents/:documentId',
    config: { permission: 'contact:record', audit: 'contact.document_viewed' },
    schema: {
      tags,
      summary: "A document attached to the contact, as it was attached (each child's record read and audited first)",
      params: z.object({ id: z.uuid({ error: "id must be a contact's id (a UUID)" }), documentId: z.uuid({ error: "documentId must be a document's id (a UUID)" }) }),
      response: { 200: z.any().describe('The file, as a download'), ...refusals },
    },
    handler: async (request, reply) => {
      const document = await services.contactDocuments.open(contextOf(request), request.params.id, request.params.documentId);
      return sendDownload(reply, document);
    },
  });
}
