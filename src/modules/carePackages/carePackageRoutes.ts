import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '../../platform/errors';
import { errorView } from '../../platform/http/forms';
import { addRecordPage } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';

const template = 'carePackages/views/carePackages.njk';
const spendTemplate = 'carePackages/views/spend.njk';

/**
 * A child's care packages (resource-service-policy.txt 4.1) and the Resource Service's report of
 * committed spend across every child (/resources/spend, with its CSV).
 */
export function carePackageRoutes(app: FastifyInstance, services: Services) {
  const { carePackages } = services;
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await carePackages.view(contextOf(request), idParam(request));
    return { pageTitle: `Care packages: ${view.name}`, ...view, ...extra };
  };
  const audit = 'child.care_package_recorded';
  const ctx = contextOf;
  const id = idParam;
  addRecordPage(app, { url: '/people/:id/care-packages', template, view: page, dateFields: ['startsOn', 'endsOn', 'reviewBy', 'reviewedOn', 'nextReviewOn', 'reviewEndsOn', 'endOn'] }, [
    { url: '/people/:id/care-packages/set-up', permission: 'placement:match', audit, form: 'setUp', title: 'Care package set up', run: async (r, body) => (await carePackages.setUp(ctx(r), id(r), body), 'The care package has been set up. It now needs approval by a service manager or the head of service.') },
    { url: '/people/:id/care-packages/approve', permission: 'package:approve', audit, form: 'approve', title: 'Care package approved', run: async (r, body) => (await carePackages.approve(ctx(r), id(r), body), 'The care package has been approved: its cost is now committed spend.') },
    { url: '/people/:id/care-packages/review', permission: 'placement:match', audit, form: 'review', title: 'Care package reviewed', run: async (r, body) => (await carePackages.review(ctx(r), id(r), body), 'The review has been recorded.') },
    { url: '/people/:id/care-packages/end', permission: 'placement:match', audit, form: 'end', title: 'Care package ended', run: async (r, body) => (await carePackages.end(ctx(r), id(r), body), 'The end of the care package has been recorded.') },
  ]);

  addRoute(app, {
    method: 'GET',
    url: '/resources/spend',
    permission: 'resources:read',
    audit: 'resources.report_viewed',
    handler: async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      try {
        return reply.page(spendTemplate, { pageTitle: 'Care package spend', query, ...(await carePackages.spend.report(contextOf(request), query)) });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply.code(400).page(spendTemplate, { pageTitle: 'Care package spend', query, ...errorView(error.problems) });
      }
    },
  });
  addRoute(app, {
    method: 'GET',
    url: '/resources/spend.csv',
    permission: 'resources:read',
    audit: 'resources.report_viewed',
    handler: async (request, reply) => {
      const csv = await carePackages.spend.csv(contextOf(request), request.query as Record<string, unknown>);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${csv.filename}"`).send(csv.body);
    },
  });
}
