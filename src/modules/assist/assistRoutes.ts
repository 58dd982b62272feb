import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rolesAllow } from '../../domain/access/can';
import { enquiryChannels, enquiryTopics, supportKinds } from '../../domain/assist/assistCase';
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
import { assistAudit, type AssistService } from './assistService';

const template = 'assist/views/person.njk';
const newTemplate = 'assist/views/new.njk';
/** Each form's date boxes are named after it: `enquiryOn`, `hubOn`, ... and `enquiryTime`... */
const forms = ['enquiry', 'response', 'programme', 'information', 'withdraw', 'marf', 'hub', 'allocate', 'letter', 'contact', 'close'] as const;
const when = (body: Record<string, unknown>, form: string): When => whenOf(body, { date: `${form}On`, time: `${form}Time` });

type Run = (service: AssistService, context: ReturnType<typeof contextOf>, personId: string, body: Record<string, unknown>, when: When) => Promise<unknown>;

/**
 * ASSIST (issue 12; practice-standards.txt, Section 1: ASSIST 1-5): the service's lists (assist:read),
 * recording a contact or MARF for a child new to Hearth, and a child's ASSIST page with a form for
 * each step (assist:record).
 */
export function assistRoutes(app: FastifyInstance, services: Services) {
  const { assist, assistList: list } = services;

  addRoute(app, {
    method: 'GET',
    url: '/assist',
    permission: 'assist:read',
    audit: 'assist.list_viewed',
    handler: async (request, reply) => reply.page('assist/views/list.njk', { pageTitle: 'ASSIST', ...(await list.list(contextOf(request))), stateLabels, may: { record: rolesAllow(actorOf(request), 'assist:record') } }),
  });

  const newPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const found = await findChildren(services.people, contextOf(request), (request.query as Record<string, unknown> | undefined)?.q);
    return { pageTitle: 'Record an ASSIST contact or referral', ...found, choices: { enquiryChannels, enquiryTopics, supportKinds }, values: {}, ...extra };
  };
  addRoute(app, { method: 'GET', url: '/assist/new', permission: 'assist:record', audit: 'child.searched', handler: async (request, reply) => reply.page(newTemplate, await newPage(request)) });
  addRoute(app, {
    method: 'POST',
    url: '/assist/new',
    permission: 'assist:record',
    audit: assistAudit,
    handler: async (request, reply) => {
      const body = formBody(request.body);
      try {
        const result = await list.recordForNewChild(contextOf(request), body, when(body, 'new'));
        if (result.outcome === 'possible-duplicates') return reply.page(newTemplate, await newPage(request, { values: body, duplicates: result.duplicates }));
        flash(request, body.kind === 'enquiry' ? 'The child has been added and the contact recorded: respond within 2 working days.' : 'The child has been added and the MARF recorded: it goes to the next weekly Early Help Hub.', 'Recorded');
        return reply.redirect(`/people/${result.personId}/assist`);
      } catch (error) {
        if (error instanceof ValidationError) return reply.code(400).page(newTemplate, await newPage(request, { values: body, ...errorView(error.problems, ['dateOfBirth', 'newOn']) }));
        throw error;
      }
    },
  });

  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await assist.view(contextOf(request), idParam(request));
    return { pageTitle: `ASSIST: ${view.name}`, ...view, ...extra };
  };
  const s = (path: string, form: (typeof forms)[number], title: string, message: string, run: Run): PageStep => ({
    url: `/people/:id/assist/${path}`,
    permission: 'assist:record',
    audit: assistAudit,
    form,
    title,
    run: async (r, body) => (await run(assist, contextOf(r), idParam(r), body, when(body, form)), message),
  });
  const steps: PageStep[] = [
    s('contacts', 'enquiry', 'Contact recorded', 'The contact has been recorded: respond within 2 working days.', (a, c, p, b, w) => a.enquiry(c, p, b, w)),
    s('response', 'response', 'Response recorded', 'The response to the contact has been recorded.', (a, c, p, b, w) => a.respond(c, p, b, w)),
    s('programme', 'programme', 'Programme place recorded', 'The place on the parent programme has been recorded: send its information 6 weeks before it starts.', (a, c, p, b, w) => a.programme(c, p, b, w)),
    s('information', 'information', 'Information recorded', 'The programme information has been recorded as sent.', (a, c, p, b, w) => a.information(c, p, b, w)),
    s('withdraw', 'withdraw', 'Place withdrawn', 'The programme place has been recorded as withdrawn.', (a, c, p, b) => a.withdraw(c, p, b)),
    s('marf', 'marf', 'MARF recorded', 'The MARF has been recorded: it goes to the next weekly Early Help Hub.', (a, c, p, b, w) => a.marf(c, p, b, w)),
    s('hub', 'hub', 'Hub decision recorded', "The Early Help Hub's discussion has been recorded.", (a, c, p, b, w) => a.hub(c, p, b, w)),
    s('allocated', 'allocate', 'Allocated', 'The allocation to ASSIST has been recorded: write to the family within 2 working days.', (a, c, p, _b, w) => a.allocate(c, p, w)),
    s('letter', 'letter', 'Letter recorded', 'The letter to the family has been recorded.', (a, c, p, b, w) => a.letter(c, p, b, w)),
    s('contact', 'contact', 'Contact recorded', 'The contact with the family has been recorded.', (a, c, p, b, w) => a.contact(c, p, b, w)),
    s('close', 'close', 'Closed', 'The ASSIST work has been closed.', (a, c, p, b, w) => a.close(c, p, b, w)),
  ];
  addRecordPage(app, { url: '/people/:id/assist', template, view: page, dateFields: [...forms.map((f) => `${f}On`), 'programmeStartsOn'] }, steps);
}
