import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addRecordPage } from '../../platform/http/pageSteps';
import { contextOf } from '../../platform/http/routes';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';

const template = 'section47/views/section47.njk';

/** The Section 47 enquiry's page (practice-standards.txt, Section 2: Section 47 Enquiries 1-6): its clocks, and a form for each step. */
export function section47Routes(app: FastifyInstance, services: Services) {
  const { section47 } = services;
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await section47.view(contextOf(request), idParam(request));
    return { pageTitle: `Section 47 enquiry: ${view.name}`, ...view, ...extra };
  };

  const id = idParam;
  const ctx = contextOf;
  addRecordPage(app, { url: '/people/:id/section-47', template, view: page, dateFields: ['occurredOn', 'agreedOn', 'checkedOn'] }, [
    { url: '/people/:id/section-47/start', permission: 'strategy:chair', audit: 'child.enquiry_recorded', form: 'start', title: 'Started', run: async (r) => (await section47.start(ctx(r), id(r)), 'The Section 47 enquiry has been started: visit the child, agree a safety plan and check with agencies within 24 hours.') },
    { url: '/people/:id/section-47/visit', permission: 'work:record', audit: 'child.enquiry_recorded', form: 'visit', title: 'Visit recorded', run: async (r, body) => (await section47.visit(ctx(r), id(r), body, whenOf(body)), 'The visit has been recorded.') },
    { url: '/people/:id/section-47/safety-plan', permission: 'work:record', audit: 'child.enquiry_recorded', form: 'safetyPlan', title: 'Safety plan recorded', run: async (r, body) => (await section47.safetyPlan(ctx(r), id(r), body, whenOf(body, { date: 'agreedOn', time: 'agreedTime' })), 'The safety plan has been recorded, and as a case note.') },
    { url: '/people/:id/section-47/agency-checks', permission: 'work:record', audit: 'child.enquiry_recorded', form: 'agencyChecks', title: 'Checks recorded', run: async (r, body) => (await section47.agencyChecks(ctx(r), id(r), body, whenOf(body, { date: 'checkedOn', time: 'checkedTime' })), 'The agency checks have been recorded.') },
    { url: '/people/:id/section-47/complete', permission: 'work:record', audit: 'child.enquiry_recorded', form: 'complete', title: 'Completed', run: async (r, body) => (await section47.complete(ctx(r), id(r), body), 'The Section 47 enquiry has been completed with its recommendation.') },
    { url: '/people/:id/section-47/oversight', permission: 'work:record', audit: 'child.enquiry_recorded', form: 'oversight', title: 'Oversight recorded', run: async (r, body) => (await section47.oversight(ctx(r), id(r), body), 'Your management oversight has been recorded.') },
  ]);
}
