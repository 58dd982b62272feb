import { attachDocumentStep } from '../childDocuments/childDocumentRoutes';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { strategyAgencies } from '../../domain/strategy/strategyState';
import { addRecordPage } from '../../platform/http/pageSteps';
import { contextOf } from '../../platform/http/routes';
import { readDateInput } from '../../platform/validation';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';

const template = 'strategy/views/strategy.njk';

/** The strategy discussion's page (practice-standards.txt, Section 2: Strategy Discussions 1-8): its clocks, and a form for each step. */
export function strategyRoutes(app: FastifyInstance, services: Services) {
  const { strategy } = services;
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await strategy.view(contextOf(request), idParam(request));
    return { pageTitle: `Strategy discussion: ${view.name}`, ...view, agencies: strategyAgencies, ...extra };
  };

  const id = idParam;
  addRecordPage(app, { url: '/people/:id/strategy', template, view: page, dateFields: ['occurredOn', 'reviewMeetingOn', 'receivedOn'] }, [
    attachDocumentStep(services, '/people/:id/strategy/documents'),
    { url: '/people/:id/strategy/decision', permission: 'strategy:chair', audit: 'child.strategy_recorded', form: 'decide', title: 'Decided', run: async (r, body) => (await strategy.decide(contextOf(r), id(r), body, whenOf(body)), 'The decision to hold a strategy discussion has been recorded: trigger the workflow today.') },
    { url: '/people/:id/strategy/trigger', permission: 'strategy:chair', audit: 'child.strategy_recorded', form: 'trigger', title: 'Triggered', run: async (r) => (await strategy.trigger(contextOf(r), id(r)), 'The strategy discussion workflow has been triggered.') },
    { url: '/people/:id/strategy/police-referral', permission: 'work:record', audit: 'child.strategy_recorded', form: 'police', title: 'Recorded', run: async (r, body) => (await strategy.policeReferral(contextOf(r), id(r), whenOf(body)), 'The referral to the Police Enquiry Centre has been recorded.') },
    {
      url: '/people/:id/strategy/meeting',
      permission: 'strategy:chair',
      audit: 'child.strategy_recorded',
      form: 'hold',
      title: 'Meeting recorded',
      run: async (r, body) => (await strategy.hold(contextOf(r), id(r), body, whenOf(body), readDateInput(body, 'reviewMeetingOn', 'Date of the review strategy meeting', false)), 'The strategy meeting has been recorded: circulate the actions now, and the minutes within 24 hours.'),
    },
    { url: '/people/:id/strategy/actions', permission: 'strategy:chair', audit: 'child.strategy_recorded', form: 'actions', title: 'Circulated', run: async (r) => (await strategy.actionsCirculated(contextOf(r), id(r)), 'The actions have been recorded as circulated.') },
    { url: '/people/:id/strategy/minutes', permission: 'child:read', audit: 'child.strategy_recorded', form: 'minutes', title: 'Distributed', run: async (r) => (await strategy.minutesDistributed(contextOf(r), id(r)), 'The minutes have been recorded as distributed: agencies have 5 working days to send amendments.') },
    { url: '/people/:id/strategy/amendments', permission: 'child:read', audit: 'child.strategy_recorded', form: 'amendment', title: 'Amendment recorded', run: async (r, body) => (await strategy.amendment(contextOf(r), id(r), body, whenOf(body, { date: 'receivedOn', time: 'receivedTime' })), 'The amendment has been recorded.') },
    { url: '/people/:id/strategy/cp-admin', permission: 'work:record', audit: 'child.strategy_recorded', form: 'cpAdmin', title: 'Recorded', run: async (r) => (await strategy.cpAdminAdvised(contextOf(r), id(r)), 'The Child Protection Admin Team has been recorded as advised.') },
  ]);
}
