import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../platform/errors';
import { addRoute, contextOf } from '../../platform/http/routes';
import { rolesAllow } from '../../domain/access/can';
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
      const [members, counts, allocated] = await Promise.all([services.staff.membersOf(team.id), services.people.countsByWorker(team.id), services.people.allocatedToTeam(team.id)]);
      // The team's standards (issue 3, Team): how many overdue and due soon, worker by worker.
      // Counted as the reader may see them: a child's youth justice standards only by those working with the child (issue 12).
      const open = await services.standards.openCounts(allocated.map((a) => a.id), contextOf(request).actor);
      const standards = new Map<string, { overdue: number; dueSoon: number }>();
      for (const a of allocated) {
        const key = a.workerId ?? '';
        const sum = standards.get(key) ?? { overdue: 0, dueSoon: 0 };
        sum.overdue += open.get(a.id)?.overdue ?? 0;
        sum.dueSoon += open.get(a.id)?.dueSoon ?? 0;
        standards.set(key, sum);
      }
      return reply.page('staff/views/team.njk', {
        pageTitle: team.name,
        team,
        members: members.map((m) => ({ member: m, caseload: counts.get(m.id) ?? 0, standards: standards.get(m.id) ?? { overdue: 0, dueSoon: 0 } })),
        unallocatedStandards: standards.get('') ?? { overdue: 0, dueSoon: 0 },
        canSeeCompliance: rolesAllow(contextOf(request).actor, 'compliance:read'),
        unallocated: counts.get('') ?? 0,
        total: [...counts.values()].reduce((a, b) => a + b, 0),
      });
    },
  });
}
