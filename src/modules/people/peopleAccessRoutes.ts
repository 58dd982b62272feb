import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fullName } from '../../domain/people/personDetails';
import type { Services } from '../../services';
import { idParam } from './peopleForms';
import { accessGrantSchema, allocationSchema, restrictionFormSchema } from './peopleSchemas';
import { recordForm } from './recordForm';

/** The allocation form offers "team | worker" pairs in one list; this splits the choice. */
const allocationFormSchema = z.preprocess((body) => {
  const [teamId, workerId] = String((body as { allocation?: unknown }).allocation ?? '').split('|');
  return { teamId: teamId ?? '', workerId: workerId ?? '', overLimitReason: (body as { overLimitReason?: unknown }).overLimitReason };
}, allocationSchema);

/** Who holds a child's case, and who may see a restricted record. */
export function peopleAccessRoutes(app: FastifyInstance, services: Services) {
  const { people, staff } = services;

  recordForm(app, services, {
    url: '/people/:id/allocate',
    permission: 'child:allocate',
    audit: 'child.allocated',
    template: 'people/views/allocate.njk',
    title: (r) => `Allocate: ${fullName(r.details)}`,
    schema: allocationFormSchema,
    extra: async (_request, record) => {
      const teams = await staff.teams();
      const members = await staff.allMembers();
      const options = teams.flatMap((team) => [
        { value: `${team.id}|`, text: `${team.name}: no named worker yet`, selected: record.allocatedTeamId === team.id && !record.allocatedWorkerId },
        ...members
          .filter((m) => m.active && m.teamIds.includes(team.id) && m.roles.some((r) => ['social-worker', 'personal-adviser', 'early-help-worker', 'assistant-team-manager', 'team-manager', 'service-manager', 'head-of-service'].includes(r)))
          .map((m) => ({ value: `${team.id}|${m.id}`, text: `${team.name}: ${m.displayName}`, selected: record.allocatedTeamId === team.id && record.allocatedWorkerId === m.id })),
      ]);
      return { options };
    },
    save: (context, id, input) => people.allocate(context, id, input),
    done: (r) => `${fullName(r.details)} has been allocated.`,
  });

  recordForm(app, services, {
    url: '/people/:id/restriction',
    permission: 'child:restrict',
    audit: 'child.restricted',
    template: 'people/views/restriction.njk',
    title: (r) => `${r.restricted ? 'Lift the restriction' : 'Restrict the record'}: ${fullName(r.details)}`,
    schema: restrictionFormSchema,
    save: (context, id, input) => (input.action === 'lift' ? people.liftRestriction(context, id, input.reason) : people.restrict(context, id, input.reason)),
    done: (r) => (r.restricted ? 'The restriction has been lifted.' : 'The record is now restricted.'),
  });

  recordForm(app, services, {
    url: '/people/:id/access/new',
    permission: 'child:restrict',
    audit: 'child.access_granted',
    template: 'people/views/grantAccess.njk',
    title: (r) => `Give someone access: ${fullName(r.details)}`,
    schema: accessGrantSchema,
    save: (context, id, input) => people.grantAccess(context, id, input.username),
    done: () => 'Access has been given.',
  });

  recordForm(app, services, {
    url: '/people/:id/access/:entryId/remove',
    permission: 'child:restrict',
    audit: 'child.access_revoked',
    template: 'people/views/removeAccess.njk',
    title: (r) => `Remove access: ${fullName(r.details)}`,
    schema: z.object({}),
    save: (context, id, _input, request) => people.revokeAccess(context, id, idParam(request, 'entryId')),
    done: () => 'Access has been removed.',
  });
}
