import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database';
import { addRoute } from './routes';

/** Liveness (the process answers) and readiness (the database answers). */
export function setUpHealth(app: FastifyInstance, db: Db) {
  addRoute(app, { method: 'GET', url: '/healthz', permission: 'public', audit: 'none', handler: () => ({ status: 'ok' }) });
  addRoute(app, {
    method: 'GET',
    url: '/readyz',
    permission: 'public',
    audit: 'none',
    handler: async (_request, reply) => {
      try {
        await db.execute(sql`select 1`);
        return { status: 'ready', database: 'reachable' };
      } catch (error) {
        reply.log.warn({ err: error }, 'database not reachable');
        return reply.code(503).send({ status: 'not ready', database: 'unreachable' });
      }
    },
  });
}
