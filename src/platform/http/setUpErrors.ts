import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { Problem } from '../../domain/people/personDetails';
import { isApiRequest, problemResponse, validationProblems } from './problems';

function page(reply: FastifyReply, status: number, pageTitle: string, message: string, extra: Record<string, unknown> = {}) {
  return reply.code(status).page('errors/problem.njk', { pageTitle, message, ...extra });
}

/** What each kind of failure says, to a person on a page or to a program on the API. */
function answer(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const api = isApiRequest(request);
  const respond = (status: number, title: string, problems: Problem[]) =>
    api ? problemResponse(reply, status, problems) : page(reply, status, title, problems.map((p) => p.message).join('. '));

  if (hasZodFastifySchemaValidationErrors(error)) return respond(400, 'There is a problem', validationProblems(error));
  if (error instanceof ValidationError) return respond(400, 'There is a problem', error.problems);
  if (error instanceof NotFoundError) {
    return respond(404, 'Not found', [{ field: 'id', message: `${error.what} was not found. Check the link, or search again.` }]);
  }
  if (error instanceof ConflictError) return respond(409, 'This has already been done', [{ field: 'request', message: `${error.message}. Nothing more was saved` }]);
  if (error instanceof ForbiddenError) return respond(403, 'You do not have permission', [{ field: 'authorization', message: error.message }]);
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
    return api
      ? problemResponse(reply, 403, [{ field: 'csrf', message: 'Send the CSRF token from your session in the x-csrf-token header' }])
      : page(reply, 403, 'This form has expired', 'The form was out of date or did not come from Hearth, so nothing was saved. Go back, reload the page and try again.');
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return respond(415, 'There is a problem', [{ field: 'content-type', message: 'Send the body as application/json' }]);
  }
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error.statusCode === 400 && error instanceof SyntaxError)) {
    return respond(400, 'There is a problem', [{ field: 'body', message: `The body is not valid JSON: ${error.message}` }]);
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return respond(413, 'There is a problem', [{ field: 'body', message: 'The body is too large: send less than 1 MB' }]);
  }
  if (error.statusCode === 429) {
    return respond(429, 'Too many requests', [{ field: 'rate', message: 'Too many requests: wait a minute and try again' }]);
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return respond(error.statusCode, 'There is a problem', [{ field: 'request', message: error.message }]);
  }
  request.log.error({ err: error }, 'unexpected error');
  return respond(500, 'Sorry, there is a problem with the service', [
    { field: 'server', message: 'Sorry, something went wrong and nothing was saved. Try again later; if it keeps happening, tell the service desk the time it happened' },
  ]);
}

export function setUpErrors(app: FastifyInstance) {
  // The API takes JSON only: anything else is refused before it is read, with what to send instead.
  app.addHook('preValidation', async (request, reply) => {
    if (!isApiRequest(request) || request.method === 'GET' || request.method === 'HEAD') return;
    const type = String(request.headers['content-type'] ?? '');
    if (request.body !== undefined && !/^application\/json\b/i.test(type)) {
      return problemResponse(reply, 415, [{ field: 'content-type', message: 'Send the body as JSON, with the header Content-Type: application/json' }]);
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => answer(error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    isApiRequest(request)
      ? problemResponse(reply, 404, [{ field: 'url', message: `There is no ${request.method} ${request.url.split('?')[0]} in this API: see /api/v1/openapi.json` }])
      : page(reply, 404, 'Page not found', 'If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.'),
  );
}
