import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addPageSteps, type PageStep } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';

const template = 'fosterCarers/views/fosterCarer.njk';
export const carerAudit = 'fostering.carer_recorded';

/** Matching's filter from the query: a child's age (0-20) and sex, and whether only carers with a place free. */
function filterOf(query: unknown) {
  const q = (query ?? {}) as Record<string, unknown>;
  const age = typeof q.age === 'string' && /^\d{1,2}$/.test(q.age.trim()) && Number(q.age) <= 20 ? Number(q.age) : null;
  const gender = q.gender === 'F' || q.gender === 'M' ? q.gender : null;
  return { age, gender, vacancies: q.vacancies === 'yes', ageTyped: typeof q.age === 'string' ? q.age : '', ageProblem: typeof q.age === 'string' && q.age.trim() !== '' && age === null };
}

/**
 * Approved foster carers (issue 11; practice-standards.txt, Section 3 "Family Placement (Fostering)"
 * 17-42): the register with vacancies, and a carer's record with the Family Placement Team's,
 * the IRO's, the Fostering Panel's and the agency decision maker's work on it.
 */
export function fosterCarerRoutes(app: FastifyInstance, services: Services) {
  const { fosterCarers } = services;
  addRoute(app, {
    method: 'GET',
    url: '/foster-carers',
    permission: 'fostering:read',
    audit: 'fostering.carers_listed',
    handler: async (request, reply) => {
      const filter = filterOf(request.query);
      const view = await fosterCarers.register(contextOf(request), filter);
      return reply.page('fosterCarers/views/fosterCarers.njk', { pageTitle: 'Foster carers', ...view, filter, ...(filter.ageProblem ? { errors: { age: { text: 'Enter the child’s age as a number from 0 to 20' } }, errorList: [{ text: 'Enter the child’s age as a number from 0 to 20', href: '#age' }] } : {}) });
    },
  });

  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await fosterCarers.view(contextOf(request), idParam(request));
    return { pageTitle: `Foster carer: ${view.name}`, ...view, ...extra };
  };
  addRoute(app, {
    method: 'GET',
    url: '/people/:id/foster-carer',
    permission: 'fostering:read',
    audit: 'fostering.carer_viewed',
    handler: async (request, reply) => reply.page(template, await page(request)),
  });

  const ctx = contextOf;
  const id = idParam;
  const when = (body: Record<string, unknown>, key: string) => whenOf(body, { date: `${key}On`, time: `${key}Time` });
  const step = (path: string, form: string, permission: PageStep['permission'], title: string, run: PageStep['run']): PageStep => ({ url: `/people/:id/foster-carer/${path}`, permission, audit: carerAudit, form, title, run });
  addPageSteps(app, { template, page, back: (r) => `/people/${id(r)}/foster-carer`, dateFields: ['visitOn', 'reportOn', 'reviewOn', 'panelOn', 'trainingOn', 'endOn'] }, [
    step('supervising-worker', 'ssw', 'child:allocate', 'Supervising social worker allocated', async (r, b) => (await fosterCarers.allocateSupervisingWorker(ctx(r), id(r), b), 'The supervising social worker has been allocated.')),
    step('visit', 'visit', 'work:record', 'Visit recorded', async (r, b) => (await fosterCarers.visit(ctx(r), id(r), b, when(b, 'visit')), 'The supervision visit has been recorded: the next is due within a month.')),
    step('review-required', 'reviewRequired', 'work:record', 'Review needed', async (r, b) => (await fosterCarers.reviewRequired(ctx(r), id(r), b), 'A review is needed: it goes to the Fostering Panel (Family Placement 33). Tell the carers and arrange their support (25).')),
    step('views', 'views', 'work:record', 'Views recorded', async (r, b) => (await fosterCarers.views(ctx(r), id(r), b), 'The written views for the review have been recorded.')),
    step('report-shared', 'report', 'work:record', 'Report shared', async (r, b) => (await fosterCarers.reportShared(ctx(r), id(r), b, when(b, 'report')), 'The review report has been recorded as shared with the carers.')),
    step('review', 'review', 'review:chair', 'Review recorded', async (r, b) => (await fosterCarers.review(ctx(r), id(r), b, when(b, 'review')), 'The foster carer review has been recorded: the next is due within 12 months.')),
    step('panel', 'panel', 'fostering_panel:record', 'Recommendation recorded', async (r, b) => (await fosterCarers.panel(ctx(r), id(r), b, when(b, 'panel')), "The Fostering Panel's recommendation has been recorded.")),
    step('decision', 'decision', 'adm:decide', 'Decision recorded', async (r, b) => (await fosterCarers.decide(ctx(r), id(r), b), "The agency decision maker's decision has been recorded.")),
    step('training', 'training', 'work:record', 'Training recorded', async (r, b) => (await fosterCarers.training(ctx(r), id(r), b, when(b, 'training')), 'The training has been recorded.')),
    step('payment', 'payment', 'work:record', 'Payment level recorded', async (r, b) => (await fosterCarers.paymentLevel(ctx(r), id(r), b), 'The payment level has been recorded.')),
    step('support', 'support', 'work:record', 'Support recorded', async (r, b) => (await fosterCarers.support(ctx(r), id(r), b), 'The support has been recorded.')),
    step('exemption', 'exemption', 'placement:authorise', 'Exemption recorded', async (r, b) => (await fosterCarers.exemption(ctx(r), id(r), b), 'The exemption has been recorded: the child may be placed with these carers.')),
    step('end', 'end', 'work:record', 'Approval ended', async (r, b) => (await fosterCarers.end(ctx(r), id(r), b, when(b, 'end')), 'The end of the approval has been recorded.')),
  ]);
}
