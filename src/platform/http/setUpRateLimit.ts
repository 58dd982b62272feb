import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

/**
 * A ceiling per signed-in session, API token or address, so that one runaway script cannot take
 * the service from everyone else. Signing in has its own, lower, ceiling (signInRoutes.ts).
 */
export async function setUpRateLimit(app: FastifyInstance, perMinute: number) {
  await app.register(rateLimit, {
    max: perMinute,
    timeWindow: '1 minute',
    keyGenerator: (request) =>
      request.headers.authorization ?? request.cookies?.hearth_session ?? request.ip,
  });
}
