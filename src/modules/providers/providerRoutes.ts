import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { needs, providerTypes, ratings } from '../../domain/placements/providers';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { errorView, formBody, formList } from '../../platform/http/forms';
import { addPageSteps, type PageStep } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import type { Services } from '../../services';

const choices = { providerTypes, ratings, needs };
const providerIdOf = (request: FastifyRequest) => {
  const id = String((request.params as Record<string, unknown>).providerId ?? '');
  if (!z.uuid().safeParse(id).success) throw new NotFoundError('The provider');
  return id;
};
const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, string | undefined>;

/** The providers the Resource Service commissions from, and each one's record (resource-service-policy.txt 1.1-1.2). */
export function providerRoutes(app: FastifyInstance, services: Services) {
  const { providers } = services;
  const audit = 'provider.recorded';

  addRoute(app, {
    method: 'GET',
    url: '/providers',
    permission: 'resources:read',
    audit: 'provider.viewed',
    handler: async (request, reply) => {
      const q = queryOf(request);
      const list = await providers.list(contextOf(request), { type: q.type || undefined, belowGood: q.belowGood === 'yes' });
      return reply.page('providers/views/providers.njk', { pageTitle: 'Providers', ...list, ...choices, filter: { type: q.type ?? '', belowGood: q.belowGood === 'yes' } });
    },
  });

  const newPage = async (_request: FastifyRequest, extra: Record<string, unknown>) => ({ pageTitle: 'Register a provider', ...choices, ...extra });
  addRoute(app, { method: 'GET', url: '/providers/new', permission: 'provider:manage', audit: 'none', handler: async (request, reply) => reply.page('providers/views/providerForm.njk', await newPage(request, {})) });
  addRoute(app, {
    method: 'POST',
    url: '/providers',
    permission: 'provider:manage',
    audit,
    handler: async (request, reply) => {
      const body = formBody(request.body);
      try {
        const id = await providers.register(contextOf(request), body);
        return reply.redirect(`/providers/${id}`);
      } catch (error) {
        if (error instanceof ValidationError) return reply.code(400).page('providers/views/providerForm.njk', await newPage(request, { formValues: { ...body, needsMet: formList(body, 'needsMet') }, ...errorView(error.problems) }));
        throw error;
      }
    },
  });

  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await providers.view(contextOf(request), providerIdOf(request));
    // Who is placed there now: whom a downgrade or a concern affects.
    const placed = await services.placements.placedWith(contextOf(request), view.provider.id);
    return { pageTitle: view.provider.name, ...view, placed, ...choices, ...extra };
  };
  addRoute(app, { method: 'GET', url: '/providers/:providerId', permission: 'resources:read', audit: 'provider.viewed', handler: async (request, reply) => reply.page('providers/views/provider.njk', await page(request)) });
  const ctx = contextOf;
  const id = providerIdOf;
  const steps: PageStep[] = [
    { url: '/providers/:providerId/inspections', permission: 'provider:manage', audit, form: 'inspection', title: 'Inspection recorded', run: async (r, b) => ((await providers.recordInspection(ctx(r), id(r), b)).inspections.at(-1)?.downgrade ? 'The inspection has been recorded. It is a downgrade, so an action plan is now open: agree the actions with the provider.' : 'The inspection has been recorded.') },
    { url: '/providers/:providerId/vacancies', permission: 'provider:manage', audit, form: 'vacancies', title: 'Vacancies updated', run: async (r, b) => (await providers.vacancies(ctx(r), id(r), b), 'The vacancies have been updated.') },
    { url: '/providers/:providerId/reg44', permission: 'provider:manage', audit, form: 'reg44', title: 'Report received', run: async (r, b) => (await providers.reg44Received(ctx(r), id(r), b), 'The Regulation 44 report has been recorded.') },
    { url: '/providers/:providerId/action-plan', permission: 'provider:manage', audit, form: 'planUpdate', title: 'Action plan updated', run: async (r, b) => (await providers.updateActionPlan(ctx(r), id(r), b), 'The progress on the action plan has been recorded.') },
    { url: '/providers/:providerId/action-plan/close', permission: 'provider:manage', audit, form: 'planClose', title: 'Action plan closed', run: async (r, b) => (await providers.closeActionPlan(ctx(r), id(r), b), 'The action plan has been closed.') },
    { url: '/providers/:providerId/details', permission: 'provider:manage', audit, form: 'details', title: 'Details changed', run: async (r, b) => (await providers.changeDetails(ctx(r), id(r), b), 'The provider’s details have been changed.') },
    { url: '/providers/:providerId/close', permission: 'provider:manage', audit, form: 'close', title: 'Provider closed', run: async (r, b) => (await providers.close(ctx(r), id(r), b), 'The service no longer uses this provider; its record is kept.') },
  ];
  addPageSteps(app, { template: 'providers/views/provider.njk', page, back: (r) => `/providers/${providerIdOf(r)}`, dateFields: ['inspectedOn', 'reviewBy', 'nextReviewBy'] }, steps);
}
