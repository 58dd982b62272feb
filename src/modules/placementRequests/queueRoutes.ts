import type { FastifyInstance } from 'fastify';
import { addPageSteps } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import type { Services } from '../../services';

/** The Resource Service's queue of placement requests and its daily duty rota (resource-service-policy.txt 2.1, 3.1). */
export function queueRoutes(app: FastifyInstance, services: Services) {
  const pr = services.placementRequests;
  addRoute(app, {
    method: 'GET',
    url: '/placement-requests',
    permission: 'resources:read',
    audit: 'placements.queue_viewed',
    handler: async (request, reply) => reply.page('placementRequests/views/queue.njk', { pageTitle: 'Placement requests', ...(await pr.queue(contextOf(request))) }),
  });
  const rotaTemplate = 'placementRequests/views/rota.njk';
  const rotaPage = async (request: Parameters<typeof contextOf>[0], extra: Record<string, unknown> = {}) => ({ pageTitle: 'Resource Service duty rota', ...(await pr.rota.view(contextOf(request))), ...extra });
  addRoute(app, {
    method: 'GET',
    url: '/placement-requests/rota',
    permission: 'resources:read',
    // Reads no one's record: who is on duty.
    audit: 'none',
    handler: async (request, reply) => reply.page(rotaTemplate, await rotaPage(request)),
  });
  addPageSteps(app, { template: rotaTemplate, page: rotaPage, back: () => '/placement-requests/rota' }, [
    {
      url: '/placement-requests/rota',
      permission: 'provider:manage',
      audit: 'placements.rota_changed',
      form: 'rota',
      title: 'Duty rota changed',
      run: async (r, body) => {
        const set = await pr.rota.set(contextOf(r), body);
        return `${set.officerName} is on duty on ${new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${set.onDate}T00:00:00Z`))}.`;
      },
    },
  ]);
}
