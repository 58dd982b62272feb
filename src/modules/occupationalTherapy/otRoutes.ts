import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rolesAllow } from '../../domain/access/can';
import { queryChannels } from '../../domain/occupationalTherapy/otCase';
import { ValidationError } from '../../platform/errors';
import { errorView, formBody } from '../../platform/http/forms';
import { addRecordPage, type PageStep } from '../../platform/http/pageSteps';
import { actorOf, addRoute, contextOf } from '../../platform/http/routes';
import { flash } from '../../platform/views/setUpViews';
import { whenOf, type When } from '../../platform/when';
import type { Services } from '../../services';
import { findChildren } from '../people/findOrRegister';
import { idParam } from '../people/peopleForms';
import { stateLabels } from '../standards/obligationViews';
import { otAudit, type OccupationalTherapyService } from './otService';

const template = 'occupationalTherapy/views/person.njk';
const newTemplate = 'occupationalTherapy/views/new.njk';
/** Each form's date boxes are named after it: `queryOn`, `prioritiseOn`, ... and `queryTime`... */
const forms = ['query', 'response', 'referral', 'prioritise', 'letter', 'allocate', 'offer', 'visit', 'assess', 'summary', 'intervention', 'close'] as const;
const when = (body: Record<string, unknown>, form: string): When => whenOf(body, { date: `${form}On`, time: `${form}Time` });

type Run = (service: OccupationalTherapyService, context: ReturnType<typeof contextOf>, personId: string, body: Record<string, unknown>, when: When) => Promise<unknown>;

/**
 * Occupational Therapy (issue 12; practice-standards.txt, Section 1: Occupational Therapy 1-8): the
 * team's list (ot:read), recording a query or referral for a child new to Hearth, and a child's
 * Occupational Therapy page with a form for each step (ot:record).
 */
export function occupationalTherapyRoutes(app: FastifyInstance, services: Services) {
  const { occupationalTherapy: ot, occupationalTherapyList: list } = services;

  addRoute(app, {
    method: 'GET',
    url: '/occupational-therapy',
    permission: 'ot:read',
    audit: 'ot.list_viewed',
    handler: async (request, reply) => reply.page('occupationalTherapy/views/list.njk', { pageTitle: 'Occupational Therapy', ...(await list.list(contextOf(request))), stateLabels, may: { record: rolesAllow(actorOf(request), 'ot:record') } }),
  });

  /** Find the child first (a search is audited as one); a child not on Hearth is added with the query or referral. */
  const newPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const found = await findChildren(services.people, contextOf(request), (request.query as Record<string, unknown> | undefined)?.q);
    return { pageTitle: 'Record an Occupational Therapy query or referral', ...found, queryChannels, values: {}, ...extra };
  };
  addRoute(app, { method: 'GET', url: '/occupational-therapy/new', permission: 'ot:record', audit: 'child.searched', handler: async (request, reply) => reply.page(newTemplate, await newPage(request)) });
  addRoute(app, {
    method: 'POST',
    url: '/occupational-therapy/new',
    permission: 'ot:record',
    audit: otAudit,
    handler: async (request, reply) => {
      const body = formBody(request.body);
      try {
        const result = await list.recordForNewChild(contextOf(request), body, when(body, 'new'));
        if (result.outcome === 'possible-duplicates') return reply.page(newTemplate, await newPage(request, { values: body, duplicates: result.duplicates }));
        flash(request, body.kind === 'query' ? 'The child has been added and the query recorded: acknowledge and answer it within 5 working days.' : 'The child has been added and the referral recorded: prioritise it within 5 working days.', 'Recorded');
        return reply.redirect(`/people/${result.personId}/occupational-therapy`);
      } catch (error) {
        if (error instanceof ValidationError) return reply.code(400).page(newTemplate, await newPage(request, { values: body, ...errorView(error.problems, ['dateOfBirth', 'newOn']) }));
        throw error;
      }
    },
  });

  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await ot.view(contextOf(request), idParam(request));
    return { pageTitle: `Occupational Therapy: ${view.name}`, ...view, ...extra };
  };
  const s = (path: string, form: (typeof forms)[number], title: string, message: string, run: Run): PageStep => ({
    url: `/people/:id/occupational-therapy/${path}`,
    permission: 'ot:record',
    audit: otAudit,
    form,
    title,
    run: async (r, body) => (await run(ot, contextOf(r), idParam(r), body, when(body, form)), message),
  });
  const steps: PageStep[] = [
    s('queries', 'query', 'Query recorded', 'The query has been recorded: acknowledge and answer it within 5 working days.', (o, c, p, b, w) => o.query(c, p, b, w)),
    s('response', 'response', 'Response recorded', 'The response to the query has been recorded.', (o, c, p, b, w) => o.respond(c, p, b, w)),
    s('referral', 'referral', 'Referral recorded', 'The referral has been recorded: prioritise it within 5 working days.', (o, c, p, b, w) => o.referral(c, p, b, w)),
    s('prioritise', 'prioritise', 'Prioritised', 'The priority has been recorded: send the waiting list letter within 5 working days.', (o, c, p, b, w) => o.prioritise(c, p, b, w)),
    s('letter', 'letter', 'Letter recorded', 'The waiting list letter has been recorded as sent.', (o, c, p, b, w) => o.letter(c, p, b, w)),
    s('allocate', 'allocate', 'Allocated', 'The allocation has been recorded: offer the initial assessment within 5 days.', (o, c, p, b, w) => o.allocate(c, p, b, w)),
    s('offer', 'offer', 'Offer recorded', 'The offer of the initial assessment has been recorded.', (o, c, p, b, w) => o.offer(c, p, b, w)),
    s('visit', 'visit', 'First home visit recorded', 'The first home visit and the consent forms have been recorded.', (o, c, p, b, w) => o.visit(c, p, b, w)),
    s('assessment', 'assess', 'Assessment recorded', 'The assessment has been recorded: update the person summary within 5 working days.', (o, c, p, b, w) => o.assess(c, p, b, w)),
    s('person-summary', 'summary', 'Person summary updated', 'The update to the person summary has been recorded.', (o, c, p, b, w) => o.personSummary(c, p, b, w)),
    s('intervention', 'intervention', 'Intervention agreed', 'The intervention agreed with the child and family has been recorded.', (o, c, p, b, w) => o.intervention(c, p, b, w)),
    s('close', 'close', 'Closed', 'The Occupational Therapy involvement has been closed.', (o, c, p, b, w) => o.close(c, p, b, w)),
  ];
  addRecordPage(app, { url: '/people/:id/occupational-therapy', template, view: page, dateFields: forms.map((f) => `${f}On`) }, steps);
}
