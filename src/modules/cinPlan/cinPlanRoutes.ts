import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addRecordPage } from '../../platform/http/pageSteps';
import { contextOf } from '../../platform/http/routes';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';

const template = 'cinPlan/views/cinPlan.njk';

/** A child's child in need plan (practice-standards.txt, Section 2: Child in Need Plans and Reviews). */
export function cinPlanRoutes(app: FastifyInstance, services: Services) {
  const { cinPlan } = services;
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await cinPlan.view(contextOf(request), idParam(request));
    return { pageTitle: `Child in need plan: ${view.name}`, ...view, ...extra };
  };
  const audit = 'child.cin_plan_recorded';
  addRecordPage(app, { url: '/people/:id/cin-plan', template, view: page, dateFields: ['occurredOn'] }, [
    { url: '/people/:id/cin-plan/start', permission: 'work:record', audit, form: 'start', title: 'Plan started', run: async (r, body) => (await cinPlan.start(contextOf(r), idParam(r), body, whenOf(body)), 'The child in need plan has started: visits are due every 15 working days and reviews every 6 weeks.') },
    { url: '/people/:id/cin-plan/reviews', permission: 'work:record', audit, form: 'review', title: 'Review recorded', run: async (r, body) => (await cinPlan.review(contextOf(r), idParam(r), body, whenOf(body)), 'The review has been recorded: its record and plan amendments are signed off by a manager within two weeks.') },
    { url: '/people/:id/cin-plan/sign-off', permission: 'work:record', audit, form: 'signOff', title: 'Signed off', run: async (r) => (await cinPlan.signOff(contextOf(r), idParam(r)), 'The review record and the amendments to the plan have been signed off.') },
    { url: '/people/:id/cin-plan/schedule', permission: 'work:record', audit, form: 'schedule', title: 'Schedule agreed', run: async (r, body) => (await cinPlan.agreeSchedule(contextOf(r), idParam(r), body), 'The visiting schedule has been agreed and recorded as management oversight.') },
    { url: '/people/:id/cin-plan/end', permission: 'work:record', audit, form: 'end', title: 'Plan ended', run: async (r, body) => (await cinPlan.end(contextOf(r), idParam(r), body, whenOf(body)), 'The child in need plan has ended.') },
  ]);
}
