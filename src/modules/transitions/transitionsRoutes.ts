import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '../../platform/errors';
import { errorView, formBody } from '../../platform/http/forms';
import { addRecordPage, type PageStep } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import { flash } from '../../platform/views/setUpViews';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';
import { stateLabels } from '../standards/obligationViews';
import { trackingMeetingAudit, transitionsListAudit } from './transitionsListService';
import { transitionsAudit, type TransitionsService } from './transitionsService';

const listTemplate = 'transitions/views/transitions.njk';
const childTemplate = 'transitions/views/childTransitions.njk';

/** Each step of a child's transition: its form key (also the prefix of its date boxes), path, button's message. */
const steps: { key: keyof Omit<TransitionsService, 'view'>; path: string; title: string; message: string }[] = [
  { key: 'likely', path: 'likely', title: 'Decision recorded', message: 'Recorded as likely to need adult services: notify the Transitions Team by the 14th birthday (20).' },
  { key: 'ruledOut', path: 'ruled-out', title: 'Decision recorded', message: 'Recorded as not likely to need adult services: the notification, tracking and referral clocks are cancelled.' },
  { key: 'notified', path: 'notified', title: 'Notification recorded', message: 'The notification to the Transitions Team has been recorded: share it at the next monthly tracking meeting.' },
  { key: 'ehcpReview', path: 'ehcp-review', title: 'EHCP review recorded', message: "The Transitions Team's attendance at the annual EHCP review has been recorded." },
  { key: 'assessment', path: 'assessment', title: 'Assessment recorded', message: 'The assessment of needs after 18 has been recorded as triggered.' },
  { key: 'referral', path: 'referral', title: 'Referral recorded', message: 'The referral to the Transitions Team for the Self-Directed Assessment has been recorded.' },
  { key: 'sda', path: 'sda', title: 'SDA recorded', message: 'The Self-Directed Assessment has been recorded as completed: the Forum discusses the care package next (26).' },
  { key: 'forum', path: 'forum', title: 'Forum decision recorded', message: "The Forum's decision on responsibility for finances and services after 18 has been recorded." },
  { key: 'nightsAwayJoined', path: 'nights-away', title: 'Cohort recorded', message: 'The child is in the 75-nights-away cohort: seen at least every 4 weeks, as a child in care of the team is (16).' },
  { key: 'nightsAwayLeft', path: 'nights-away/ended', title: 'Cohort ended', message: 'The child has been recorded as no longer in the 75-nights-away cohort.' },
];

/**
 * Children with Disabilities transitions (issue 12; practice-standards.txt, Section 1: Children with
 * Disabilities 5, 16 and note 2, 20-26): the Disabled Children's Team's tracking list and monthly
 * meeting (transitions:read), and a child's Transitions page, recorded by those who hold the case.
 */
export function transitionsRoutes(app: FastifyInstance, services: Services) {
  const { transitions, transitionsList } = services;

  const listPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => ({ pageTitle: 'Transitions', ...(await transitionsList.list(contextOf(request))), stateLabels, formValues: {}, ...extra });
  addRoute(app, {
    method: 'GET',
    url: '/transitions',
    permission: 'transitions:read',
    audit: transitionsListAudit,
    handler: async (request, reply) => reply.page(listTemplate, await listPage(request)),
  });
  addRoute(app, {
    method: 'POST',
    url: '/transitions/tracking-meetings',
    permission: 'transitions:read',
    audit: trackingMeetingAudit,
    handler: async (request, reply) => {
      const body = formBody(request.body);
      try {
        const { children } = await transitionsList.recordMeeting(contextOf(request), body);
        flash(request, `The tracking meeting has been recorded on the record of each of the ${children} ${children === 1 ? 'child' : 'children'} discussed.`, 'Tracking meeting recorded');
        return reply.redirect('/transitions');
      } catch (error) {
        if (error instanceof ValidationError) return reply.code(400).page(listTemplate, await listPage(request, { formValues: body, ...errorView(error.problems, ['meetingOn']) }));
        throw error;
      }
    },
  });

  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await transitions.view(contextOf(request), idParam(request));
    return { pageTitle: `Transitions: ${view.name}`, ...view, stateLabels, ...extra };
  };
  const pageSteps: PageStep[] = steps.map((s) => ({
    url: `/people/:id/transitions/${s.path}`,
    permission: 'work:record',
    audit: transitionsAudit,
    form: s.key,
    title: s.title,
    run: async (r, body) => (await transitions[s.key](contextOf(r), idParam(r), body, whenOf(body, { date: `${s.key}On`, time: `${s.key}Time` })), s.message),
  }));
  addRecordPage(app, { url: '/people/:id/transitions', template: childTemplate, view: page, dateFields: steps.map((s) => `${s.key}On`) }, pageSteps);
}
