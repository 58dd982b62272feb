import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addRecordPage } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';

const template = 'inCare/views/missing.njk';

/** A child's missing episodes, and the morning list of children missing overnight (resource-service-policy.txt 5.3). */
export function missingRoutes(app: FastifyInstance, services: Services) {
  const { missing } = services;
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await missing.view(contextOf(request), idParam(request));
    return { pageTitle: `Missing episodes: ${view.name}`, ...view, ...extra };
  };
  const audit = 'child.missing_recorded';
  const ctx = contextOf;
  const id = idParam;
  addRecordPage(app, { url: '/people/:id/missing', template, view: page, dateFields: ['occurredOn', 'returnedOn', 'interviewOn'] }, [
    { url: '/people/:id/missing/started', permission: 'work:record', audit, form: 'started', title: 'Missing episode recorded', run: async (r, body) => (await missing.started(ctx(r), id(r), body, whenOf(body)), 'The missing episode has been recorded.') },
    { url: '/people/:id/missing/returned', permission: 'work:record', audit, form: 'returned', title: 'Return recorded', run: async (r, body) => (await missing.returned(ctx(r), id(r), body, whenOf(body, { date: 'returnedOn', time: 'returnedTime' })), 'The return has been recorded: the return home interview is due within 24 hours.') },
    { url: '/people/:id/missing/interview', permission: 'work:record', audit, form: 'interview', title: 'Interview recorded', run: async (r, body) => (await missing.returnInterview(ctx(r), id(r), body, whenOf(body, { date: 'interviewOn', time: 'interviewTime' })), 'The return home interview has been recorded.') },
  ]);
  addRoute(app, {
    method: 'GET',
    url: '/missing-overnight',
    permission: 'child:search',
    audit: 'caseload.viewed',
    handler: async (request, reply) => reply.page('inCare/views/missingOvernight.njk', { pageTitle: 'Children missing overnight', ...(await missing.morningList(contextOf(request))) }),
  });
}
