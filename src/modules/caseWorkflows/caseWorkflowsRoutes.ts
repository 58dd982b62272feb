import type { FastifyInstance } from 'fastify';
import { can } from '../../domain/access/can';
import { fullName } from '../../domain/people/personDetails';
import { NotFoundError } from '../../platform/errors';
import { addRoute, contextOf } from '../../platform/http/routes';
import type { Services } from '../../services';
import { eventTypeOf, isPracticeWork } from '../../standards/index';
import { idParam } from '../people/peopleForms';
import { clocksOf } from '../standards/obligationViews';
import { caseWorkflows } from './workflows';

/**
 * A child's early help, case closure or step-down (issue 4): each standard of the workflow with its
 * clock, and links to record what starts it and what meets each step on Record work.
 */
export function caseWorkflowsRoutes(app: FastifyInstance, services: Services) {
  addRoute(app, {
    method: 'GET',
    url: '/people/:id/workflows/:name',
    permission: 'child:read',
    audit: 'child.viewed',
    handler: async (request, reply) => {
      const name = (request.params as Record<string, string>).name ?? '';
      const workflow = caseWorkflows[name];
      if (!workflow) throw new NotFoundError('The workflow');
      const context = contextOf(request);
      const record = await services.people.record(context, idParam(request));
      const clocks = clocksOf(await services.standards.forPerson(record.id), workflow.rules);
      const recordable = (types: readonly string[]) => types.filter(isPracticeWork).map((type) => ({ type, title: eventTypeOf(type)?.title ?? type }));
      return reply.page('caseWorkflows/views/workflow.njk', {
        pageTitle: `${workflow.title}: ${fullName(record.details)}`,
        name: fullName(record.details),
        record,
        workflow,
        clocks,
        starts: recordable(workflow.starts),
        alsoRecord: recordable(workflow.alsoRecord),
        others: Object.entries(caseWorkflows).filter(([key]) => key !== name).map(([key, w]) => ({ key, title: w.title })),
        mayRecord: can(context.actor, 'work:record', record),
      });
    },
  });
}
