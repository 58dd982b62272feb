import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../platform/errors';
import { addRoute } from '../../platform/http/routes';
import type { Services } from '../../services';

/** Team lists: who is in each team, their roles, and how many children each holds. */
export function teamRoutes(app: FastifyInstance, services: Services) {
  addRoute(app, {
    method: 'GET',
    url: '/teams',
    permission: 'team:read',
    audit: 'none',
    handler: async (_request, reply) => {
      const teams = await services.staff.teams();
      const services_ = [...new Set(teams.map((t) => t.service))].map((service) => ({ service, teams: teams.filter((t) => t.service === service) }));
      return reply.page('staff/views/teams.njk', { pageTitle: 'Teams', groups: services_ });
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/teams/:teamId',
    permission: 'team:read',
    audit: 'none',
    handler: async (request, reply) => {
      const teamId = z.uuid().safeParse((request.params as { teamId: string }).teamId);
      const team = teamId.success ? await services.staff.team(teamId.data) : null;
      if (!team) throw new NotFoundError('The team');
      const [members, counts] = await Promise.all([services.staff.membersOf(team.id), services.people.countsByWorker(team.id)]);
      return reply.page('staff/views/team.njk', {
        pageTitle: team.name,
        team,
        members: members.map((m) => ({ member: m, caseload: counts.get(m.id) ?? 0 })),
        unallocated: counts.get('') ?? 0,
        total: [...counts.values()].reduce((a, b) => a + b, 0),
      });
    },
  });
}
