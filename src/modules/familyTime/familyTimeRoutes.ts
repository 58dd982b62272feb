import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addRecordPage } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';

const template = 'familyTime/views/familyTime.njk';

/** A child's family time (resource-service-policy.txt 2.2) and the Family Time team's diary. */
export function familyTimeRoutes(app: FastifyInstance, services: Services) {
  const { familyTime } = services;
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await familyTime.view(contextOf(request), idParam(request));
    return { pageTitle: `Family time: ${view.name}`, ...view, ...extra };
  };
  const audit = 'child.family_time_recorded';
  const ctx = contextOf;
  const id = idParam;
  addRecordPage(app, { url: '/people/:id/family-time', template, view: page, dateFields: ['date'] }, [
    { url: '/people/:id/family-time/book', permission: 'family_time:record', audit, form: 'book', title: 'Family time booked', run: async (r, body) => (await familyTime.book(ctx(r), id(r), body), 'The family time session has been booked.') },
    { url: '/people/:id/family-time/record', permission: 'family_time:record', audit, form: 'record', title: 'Family time recorded', run: async (r, body) => (await familyTime.record(ctx(r), id(r), body), 'The session has been recorded.') },
    { url: '/people/:id/family-time/cancel', permission: 'family_time:record', audit, form: 'cancel', title: 'Family time cancelled', run: async (r, body) => (await familyTime.cancel(ctx(r), id(r), body), 'The session has been cancelled.') },
  ]);
  addRoute(app, {
    method: 'GET',
    url: '/family-time',
    permission: 'family_time:record',
    audit: 'family_time.diary_viewed',
    handler: async (request, reply) => reply.page('familyTime/views/diary.njk', { pageTitle: 'Family time diary', ...(await familyTime.diary(contextOf(request))) }),
  });
}
