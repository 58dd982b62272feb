import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addRecordPage } from '../../platform/http/pageSteps';
import { contextOf } from '../../platform/http/routes';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';

const template = 'careLeaver/views/careLeaver.njk';

/** A young person's care leaver status and the leaving care work (practice-standards.txt, Section 3: Care Leavers). */
export function careLeaverRoutes(app: FastifyInstance, services: Services) {
  const { careLeaver } = services;
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await careLeaver.view(contextOf(request), idParam(request));
    return { pageTitle: `Care leaver: ${view.name}`, ...view, ...extra };
  };
  const audit = 'child.care_leaver_recorded';
  const ctx = contextOf;
  const id = idParam;
  addRecordPage(app, { url: '/people/:id/care-leaver', template, view: page }, [
    { url: '/people/:id/care-leaver/adviser', permission: 'work:record', audit, form: 'adviser', title: 'Personal adviser allocated', run: async (r, body) => (await careLeaver.allocateAdviser(ctx(r), id(r), body), 'The personal adviser has been recorded.') },
    { url: '/people/:id/care-leaver/circumstances', permission: 'work:record', audit, form: 'circumstances', title: 'Circumstances updated', run: async (r, body) => (await careLeaver.updateCircumstances(ctx(r), id(r), body), "The young person's circumstances have been updated.") },
    { url: '/people/:id/care-leaver/pathway-plan', permission: 'work:record', audit, form: 'plan', title: 'Pathway plan recorded', run: async (r, body) => (await careLeaver.pathwayPlan(ctx(r), id(r), body), 'The pathway plan has been recorded: give the young person a copy within 14 days.') },
    { url: '/people/:id/care-leaver/pathway-plan/shared', permission: 'work:record', audit, form: 'shared', title: 'Recorded', run: async (r) => (await careLeaver.pathwayPlanShared(ctx(r), id(r)), 'The pathway plan has been recorded as given to the young person.') },
    ...(['notified', 'referred', 'ruledOut'] as const).map((which) => ({ url: `/people/:id/care-leaver/transitions/${which}`, permission: 'work:record' as const, audit, form: which, title: 'Recorded', run: async (r: FastifyRequest, body: Record<string, unknown>) => (await careLeaver.transitions(ctx(r), id(r), which, body), 'The Transitions step has been recorded.') })),
    { url: '/people/:id/care-leaver/returned', permission: 'work:record', audit, form: 'returned', title: 'Recorded', run: async (r, body) => (await careLeaver.returnedForSupport(ctx(r), id(r), body), 'The return for support has been recorded.') },
  ]);
}
