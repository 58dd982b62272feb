import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../../domain/access/can';
import { fullName } from '../../domain/people/personDetails';
import { NotFoundError } from '../../platform/errors';
import { addPageSteps } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import type { Services } from '../../services';
import { eventTypeOf, isPracticeWork } from '../../standards/index';
import { idParam } from '../people/peopleForms';
import { clocksOf } from '../standards/obligationViews';
import { caseWorkflows } from './workflows';

/**
 * A child's early help, case closure or step-down (issue 4): each standard of the workflow with its
 * clock, and links to record what starts it and what meets each step on Record work; for a
 * closure, copying the workflow to siblings and the letters to parents and professionals.
 */
export function caseWorkflowsRoutes(app: FastifyInstance, services: Services) {
  async function workflowPage(request: FastifyRequest, name: string, extra: Record<string, unknown> = {}) {
    const workflow = caseWorkflows[name];
    if (!workflow) throw new NotFoundError('The workflow');
    const context = contextOf(request);
    const record = await services.people.record(context, idParam(request));
    const clocks = clocksOf(await services.standards.forPerson(record.id), workflow.rules);
    const recordable = (types: readonly string[]) => types.filter(isPracticeWork).map((type) => ({ type, title: eventTypeOf(type)?.title ?? type }));
    return {
      pageTitle: `${workflow.title}: ${fullName(record.details)}`,
      name: fullName(record.details),
      record,
      workflow,
      clocks,
      starts: recordable(workflow.starts),
      alsoRecord: recordable(workflow.alsoRecord),
      others: Object.entries(caseWorkflows).filter(([key]) => key !== name).map(([key, w]) => ({ key, title: w.title })),
      mayRecord: can(context.actor, 'work:record', record),
      closure: name === 'closure' ? await services.closure.view(context, record) : null,
      ...extra,
    };
  }

  addRoute(app, {
    method: 'GET',
    url: '/people/:id/workflows/:name',
    permission: 'child:read',
    audit: 'child.viewed',
    handler: async (request, reply) => reply.page('caseWorkflows/views/workflow.njk', await workflowPage(request, (request.params as Record<string, string>).name ?? '')),
  });

  addRoute(app, {
    method: 'GET',
    url: '/people/:id/workflows/closure/letters/:recipientId',
    permission: 'child:read',
    audit: 'child.closure_letter_viewed',
    handler: async (request, reply) => {
      const letter = await services.closure.letter(contextOf(request), idParam(request), (request.params as Record<string, string>).recipientId ?? '');
      return reply.page('caseWorkflows/views/closureLetter.njk', { pageTitle: `Closure letter to ${letter.recipient.name}`, ...letter });
    },
  });

  const back = (request: FastifyRequest) => `/people/${idParam(request)}/workflows/closure`;
  addPageSteps(app, { template: 'caseWorkflows/views/workflow.njk', page: (request, extra) => workflowPage(request, 'closure', extra), back }, [
    {
      url: '/people/:id/workflows/closure/copy',
      permission: 'child:allocate',
      audit: 'child.closure_copied',
      form: 'copy',
      title: 'Copied',
      run: async (request, body) => {
        const events = await services.closure.copyToSiblings(contextOf(request), idParam(request), body);
        const copies = events.filter((e) => e.type === 'closure.workflow_started').length;
        return copies > 0 ? `The case closure workflow has been copied to ${copies === 1 ? 'one sibling' : `${copies} siblings`}: their timescales have started.` : 'Recorded that there are no siblings to copy the workflow to.';
      },
    },
    {
      url: '/people/:id/workflows/closure/letters',
      permission: 'work:record',
      audit: 'child.closure_letters_sent',
      form: 'letters',
      title: 'Letters recorded',
      run: async (request, body) => {
        await services.closure.lettersSent(contextOf(request), idParam(request), body);
        return 'The closure letters have been recorded as sent.';
      },
    },
  ]);
}
