import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '../../domain/people/personDetails';

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** The API's answer to anything it refuses: a status and a list of problems, each naming a field. */
export function problemResponse(reply: FastifyReply, status: number, problems: Problem[]) {
  return reply.code(status).type('application/json; charset=utf-8').send({ errors: problems });
}
