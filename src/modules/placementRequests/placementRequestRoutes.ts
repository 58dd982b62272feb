import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addPageSteps, addRecordPage, type PageStep } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { attachDocumentStep } from '../childDocuments/childDocumentRoutes';
import { idParam } from '../people/peopleForms';
import { queueRoutes } from './queueRoutes';
import { requestAudit } from './requestStep';

const requestsTemplate = 'placementRequests/views/requests.njk';
const matchingTemplate = 'placementRequests/views/matching.njk';

/**
 * A child's placement requests and their matching (resource-service-policy.txt 3.1), and the
 * Resource Service's queue and duty rota (2.1).
 */
export function placementRequestRoutes(app: FastifyInstance, services: Services) {
  const pr = services.placementRequests;
  const ctx = contextOf;
  const id = idParam;
  const rid = (r: FastifyRequest) => idParam(r, 'requestId');
  const audit = requestAudit;

  const requestsPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await pr.view(ctx(request), id(request));
    return { pageTitle: `Placement requests: ${view.name}`, ...view, ...extra };
  };
  addRecordPage(app, { url: '/people/:id/placement-requests', template: requestsTemplate, view: requestsPage, dateFields: ['neededFrom'] }, [
    { url: '/people/:id/placement-requests/new', permission: 'work:record', audit, form: 'request', title: 'Placement request made', run: async (r, body) => (await pr.make(ctx(r), id(r), body), 'The placement request has been made: your manager authorises it before it goes to the Resource Service.') },
    { url: '/people/:id/placement-requests/:requestId/authorise', permission: 'work:record', audit, form: 'authorise', title: 'Placement request authorised', run: async (r, body) => (await pr.authorise(ctx(r), id(r), rid(r), body), 'The request is authorised and in the Resource Service’s queue.') },
    { url: '/people/:id/placement-requests/:requestId/withdraw', permission: 'work:record', audit, form: 'withdraw', title: 'Placement request withdrawn', run: async (r, body) => (await pr.withdraw(ctx(r), id(r), rid(r), body), 'The placement request has been withdrawn.') },
    attachDocumentStep(services, '/people/:id/placement-requests/documents'),
  ]);

  const matchingPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await pr.matching.view(ctx(request), id(request), rid(request), (request.query ?? {}) as Record<string, unknown>);
    return { pageTitle: `Matching: ${view.name}`, ...view, ...extra };
  };
  addRoute(app, {
    method: 'GET',
    url: '/people/:id/placement-requests/:requestId',
    permission: 'child:read',
    audit: 'child.viewed',
    handler: async (request, reply) => reply.page(matchingTemplate, await matchingPage(request)),
  });
  const m = pr.matching;
  const steps: PageStep[] = [
    { url: '/people/:id/placement-requests/:requestId/allocate', permission: 'placement:match', audit, form: 'allocate', title: 'Request allocated', run: async (r, body) => (await m.allocate(ctx(r), id(r), rid(r), body), 'The request has been allocated.') },
    { url: '/people/:id/placement-requests/:requestId/options', permission: 'placement:match', audit, form: 'option', title: 'Option recorded', run: async (r, b) => (await m.consider(ctx(r), id(r), rid(r), b), b.decision === 'shortlisted' ? 'The provider has been shortlisted, with the reason.' : 'The provider has been rejected, with the reason.') },
    { url: '/people/:id/placement-requests/:requestId/site-visit', permission: 'placement:match', audit, form: 'visit', title: 'Site visit recorded', run: async (r, b) => (await m.siteVisit(ctx(r), id(r), rid(r), b, whenOf(b, { date: 'visitOn', time: 'visitTime' })), 'The site visit has been recorded.') },
    { url: '/people/:id/placement-requests/:requestId/profile', permission: 'placement:match', audit, form: 'profile', title: 'Carer profile shared', run: async (r, b) => (await m.profileShared(ctx(r), id(r), rid(r), b, whenOf(b, { date: 'profileOn', time: 'profileTime' })), 'The carer profile and the child’s views have been recorded.') },
    { url: '/people/:id/placement-requests/:requestId/introduction', permission: 'placement:match', audit, form: 'introduction', title: 'Introduction recorded', run: async (r, b) => (await m.introduction(ctx(r), id(r), rid(r), b, whenOf(b, { date: 'introOn', time: 'introTime' })), 'The introduction has been recorded.') },
    { url: '/people/:id/placement-requests/:requestId/match', permission: 'placement:match', audit, form: 'match', title: 'Request matched', run: async (r, b) => (await m.match(ctx(r), id(r), rid(r), b), 'The request is matched: the placement can now be made on the placements page.') },
  ];
  const back = (r: FastifyRequest) => `/people/${id(r)}/placement-requests/${rid(r)}`;
  addPageSteps(app, { template: matchingTemplate, page: matchingPage, back, dateFields: ['visitOn', 'profileOn', 'introOn'] }, steps);

  queueRoutes(app, services);
}
