import type { FastifyInstance } from 'fastify';
import { rolesAllow } from '../../domain/access/can';
import { ageOn, londonDate } from '../../domain/calendar/localDate';
import { addRoute, contextOf } from '../../platform/http/routes';
import type { Services } from '../../services';

/** The home page: the signed-in worker's caseload, or where their role starts from. */
export function caseloadRoutes(app: FastifyInstance, services: Services) {
  addRoute(app, {
    method: 'GET',
    url: '/',
    permission: 'authenticated',
    audit: 'caseload.viewed',
    handler: async (request, reply) => {
      const context = contextOf(request);
      const today = londonDate(services.clock.now());
      if (!rolesAllow(context.actor, 'caseload:read')) {
        return reply.page('caseload/views/home.njk', { pageTitle: 'Home', caseload: null });
      }
      const records = await services.people.caseload(context, context.actor.userId);
      const caseload = records.map((r) => ({
        record: r,
        age: r.details.dateOfBirth ? ageOn(r.details.dateOfBirth, today) : null,
      }));
      return reply.page('caseload/views/home.njk', { pageTitle: 'My caseload', caseload });
    },
  });
}
