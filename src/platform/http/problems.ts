import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '../../domain/people/personDetails';

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** The API's answer to anything it refuses: a status and a list of problems, each naming a field. */
export function problemResponse(reply: FastifyReply, status: number, problems: Problem[]) {
  return reply.code(status).type('application/json; charset=utf-8').send({ errors: problems });
}

/** A schema validation failure, as problems naming the field (`body.givenNames`, `querystring.page`). */
export function validationProblems(error: Pick<FastifyError, 'validation' | 'validationContext'>): Problem[] {
  return (error.validation ?? []).map((v) => ({
    field: [error.validationContext, ...String(v.instancePath ?? '').split('/').filter(Boolean)].filter(Boolean).join('.'),
    message: v.message ?? 'is not valid',
  }));
}
