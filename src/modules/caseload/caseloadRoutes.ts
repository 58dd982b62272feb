import type { FastifyInstance } from 'fastify';
import { can, rolesAllow } from '../../domain/access/can';
import { ageOn, londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import { addRoute, contextOf } from '../../platform/http/routes';
import type { Services } from '../../services';
import { obligationItems } from '../standards/obligationViews';

/**
 * The home page, "My work" (issue 3): the worker's obligations, overdue first, then due in the
 * next 10 working days, each linked to the child and the standard; then their caseload.
 */
export function caseloadRoutes(app: FastifyInstance, services: Services) {
  addRoute(app, {
    method: 'GET',
    url: '/',
    permission: 'authenticated',
    audit: 'caseload.viewed',
    handler: async (request, reply) => {
      const context = contextOf(request);
      if (!rolesAllow(context.actor, 'caseload:read')) {
        return reply.page('caseload/views/home.njk', { pageTitle: 'Home', caseload: null });
      }
      const today = londonDate(services.clock.now());
      const records = await services.people.caseload(context, context.actor.userId);
      const ids = records.map((r) => r.id);
      // With the reader: a child's youth justice standards are shown to those working with the child (issue 12).
      const [open, counts] = [await services.standards.openFor(ids, context.actor), await services.standards.openCounts(ids, context.actor)];
      const names = new Map(records.map((r) => [r.id, { name: fullName(r.details), hearthId: r.hearthId }]));
      const mayRecord = new Set(records.filter((r) => can(context.actor, 'work:record', r)).map((r) => r.id));
      const items = obligationItems(open, names, (id) => mayRecord.has(id));
      // New contacts about children this worker holds: the front door's alert to the allocated worker.
      const alerts = (await services.frontDoor.recentContactsAbout(ids)).map((c) => ({ contact: c, child: { id: c.personId, name: names.get(c.personId)?.name ?? '' } }));
      const caseload = records.map((r) => ({
        record: r,
        age: r.details.dateOfBirth ? ageOn(r.details.dateOfBirth, today) : null,
        overdue: counts.get(r.id)?.overdue ?? 0,
        dueSoon: counts.get(r.id)?.dueSoon ?? 0,
      }));
      // Assessments of their teams' children waiting for a manager's sign-off (not their own).
      const signOffs = rolesAllow(context.actor, 'assessment:sign_off') ? await services.assessment.awaitingSignOff(context, context.actor.teamIds) : [];
      const extensions = rolesAllow(context.actor, 'assessment:extend') ? await services.assessment.extensionsAwaiting(context, context.actor.teamIds) : [];
      const notShared = context.actor.roles.includes('service-manager') ? await services.assessment.notSharedAlerts(context, context.actor.teamIds) : [];
      return reply.page('caseload/views/home.njk', {
        pageTitle: 'My work',
        caseload,
        alerts,
        mayOpenContacts: rolesAllow(context.actor, 'contact:record'),
        signOffs,
        extensions,
        notShared,
        overdue: items.filter((i) => i.state === 'overdue'),
        dueSoon: items.filter((i) => i.state === 'due'),
      });
    },
  });
}
