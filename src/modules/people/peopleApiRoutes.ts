import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../platform/errors';
import { contextOf } from '../../platform/http/routes';
import { validationProblems } from '../../platform/http/problems';
import { parseCursor } from '../../platform/events/eventStore';
import type { Services } from '../../services';
import { childDetailView, childSummaryView, eventView } from './peopleApiViews';
import { mentionedPeople } from './describeEvent';
import { correctionSchema, registrationSchema, searchSchema } from './peopleSchemas';
import { childDetailSchema, childSummarySchema, correctionResultSchema, duplicatesSchema, historySchema, refusals, searchResultSchema } from './peopleApiSchemas';

const tags = ['children'];
const idParams = z.object({ id: z.uuid({ error: 'id must be a child\'s id (a UUID)' }) });

/** Problems the body's schema found, without the `body.` prefix (the service names fields as the body does). */
function schemaProblems(request: FastifyRequest) {
  const error = request.validationError as FastifyError | undefined;
  if (!error) return [];
  // A malformed id in the path is refused at once: it must never reach the database.
  if (error.validationContext !== 'body') throw error;
  return validationProblems(error).map((p) => ({ ...p, field: p.field.replace(/^body\.?/, '') || 'body' }));
}

/** /api/v1/children: the same use cases as the pages, with the same permissions and audit. */
export function peopleApiRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { people } = services;

  async function child(request: Parameters<typeof contextOf>[0], id: string) {
    const record = await people.find(id);
    if (!record || record.kind !== 'child') throw new NotFoundError('The child');
    return people.frontSheet(contextOf(request), id);
  }

  api.route({
    method: 'GET',
    url: '/api/v1/children',
    config: { permission: 'child:search', audit: 'child.searched' },
    schema: {
      tags,
      summary: 'Find children by name or part of a name, date of birth, NHS number or Hearth ID',
      querystring: searchSchema.omit({ kind: true }),
      response: { 200: searchResultSchema, ...refusals },
    },
    handler: async (request) => {
      const result = await people.search(contextOf(request), { ...request.query, kind: 'child' });
      return { total: result.total, page: result.page, pageSize: result.pageSize, children: result.records.map(childSummaryView) };
    },
  });

  api.route({
    method: 'POST',
    url: '/api/v1/children',
    config: { permission: 'child:create', audit: 'child.registered' },
    // Schema problems are reported with the rules' (check digits, dates) in one answer.
    attachValidation: true,
    schema: {
      tags,
      summary: 'Add a child. If a child with the same name and date of birth exists, answers 409 with them unless confirmNotDuplicate is true',
      body: registrationSchema.omit({ kind: true }),
      response: { 201: childSummarySchema, 409: duplicatesSchema, ...refusals },
    },
    handler: async (request, reply) => {
      const problems = schemaProblems(request);
      const body = request.body && typeof request.body === 'object' ? request.body : {};
      const result = await people.register(contextOf(request), { ...body, kind: 'child' }, problems);
      if (result.outcome === 'possible-duplicates') {
        return reply.code(409).send({
          errors: [{ field: 'confirmNotDuplicate', message: 'A child with the same name and date of birth is already recorded: check the duplicates, and send confirmNotDuplicate: true if this is a different child' }],
          duplicates: result.duplicates.map(childSummaryView),
        });
      }
      return reply.code(201).header('location', `/api/v1/children/${result.record.id}`).send(childSummaryView(result.record));
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/children/:id',
    config: { permission: 'child:read', audit: 'child.viewed' },
    schema: {
      tags,
      summary: "A child's record: details, allocation, legal status, addresses, warnings and relationships",
      params: idParams,
      response: { 200: childDetailSchema, ...refusals },
    },
    handler: async (request) => childDetailView(await child(request, request.params.id)),
  });

  api.route({
    method: 'GET',
    url: '/api/v1/children/:id/history',
    config: { permission: 'child:read', audit: 'child.history_viewed' },
    schema: {
      tags,
      summary: "The child's recorded events, most recent first by when they happened, 50 at a time; pass nextBefore as before for the next page",
      params: idParams,
      querystring: z.object({ before: z.string().regex(/^\d{1,15}\.\d{1,15}$/, 'before must be the nextBefore of the previous page').optional() }),
      response: { 200: historySchema, ...refusals },
    },
    handler: async (request) => {
      const record = await people.find(request.params.id);
      if (!record || record.kind !== 'child') throw new NotFoundError('The child');
      const history = await people.history(contextOf(request), request.params.id, parseCursor(request.query.before));
      const visible = await people.visibleAmong(contextOf(request), history.events.flatMap(mentionedPeople));
      return { events: history.events.map((e) => eventView(e, visible)), nextBefore: history.nextBefore ?? null };
    },
  });

  api.route({
    method: 'POST',
    url: '/api/v1/children/:id/corrections',
    config: { permission: 'child:correct', audit: 'child.corrected' },
    attachValidation: true,
    schema: {
      tags,
      summary: 'Correct details of a child, giving the reason. The old values stay in the history',
      params: idParams,
      body: correctionSchema,
      response: { 201: correctionResultSchema, ...refusals },
    },
    handler: async (request, reply) => {
      const problems = schemaProblems(request);
      const record = await people.find(request.params.id);
      if (!record || record.kind !== 'child') throw new NotFoundError('The child');
      const [event] = await people.correct(contextOf(request), request.params.id, request.body ?? {}, problems);
      const sheet = await people.frontSheet(contextOf(request), request.params.id);
      return reply.code(201).send({ correction: event ? eventView(event) : null, child: childDetailView(sheet) });
    },
  });

}
