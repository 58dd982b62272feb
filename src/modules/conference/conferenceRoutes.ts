import { attachDocumentStep } from '../childDocuments/childDocumentRoutes';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addRecordPage, type PageStep } from '../../platform/http/pageSteps';
import { contextOf } from '../../platform/http/routes';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';
import { preparations, type Preparation } from './conferenceService';

const template = 'conference/views/conference.njk';

/** A child's child protection conferences (practice-standards.txt, Section 4): preparation, the chair's record of the conference, and what follows. */
export function conferenceRoutes(app: FastifyInstance, services: Services) {
  const { conference } = services;
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await conference.view(contextOf(request), idParam(request));
    return { pageTitle: `Child protection conference: ${view.name}`, ...view, ...extra };
  };

  const id = idParam;
  const ctx = contextOf;
  const prepare: PageStep[] = (Object.keys(preparations) as Preparation[]).map((key) => ({
    url: `/people/:id/conference/preparation/${key}`,
    permission: preparations[key].permission,
    audit: 'child.conference_recorded',
    form: key,
    title: 'Recorded',
    run: async (r, body) => (await conference.prepare(ctx(r), id(r), key, body, whenOf(body, { date: `${key}On`, time: `${key}Time` })), `${preparations[key].title}: recorded.`),
  }));
  const dated = [...Object.keys(preparations).map((k) => `${k}On`), 'circulatedOn', 'minutesOn'];
  addRecordPage(app, { url: '/people/:id/conference', template, view: page, dateFields: ['occurredOn', ...dated] }, [
    attachDocumentStep(services, '/people/:id/conference/documents'),
    ...prepare,
    {
      url: '/people/:id/conference/held',
      permission: 'conference:chair',
      audit: 'child.conference_recorded',
      form: 'held',
      title: 'Conference recorded',
      run: async (r, body) => (await conference.hold(ctx(r), id(r), body, whenOf(body)), 'The conference has been recorded: circulate the decision and plan within 1 working day.'),
    },
    { url: '/people/:id/conference/circulated', permission: 'work:record', audit: 'child.conference_recorded', form: 'circulated', title: 'Circulated', run: async (r, body) => (await conference.followUp(ctx(r), id(r), 'circulated', body, whenOf(body, { date: 'circulatedOn', time: 'circulatedTime' })), 'The decision has been recorded as circulated.') },
    { url: '/people/:id/conference/minutes', permission: 'conference:chair', audit: 'child.conference_recorded', form: 'minutes', title: 'Record sent', run: async (r, body) => (await conference.followUp(ctx(r), id(r), 'minutes', body, whenOf(body, { date: 'minutesOn', time: 'minutesTime' })), 'The signed conference record has been recorded as sent.') },
    { url: '/people/:id/conference/checklist', permission: 'conference:chair', audit: 'child.conference_recorded', form: 'checklist', title: 'Checklist recorded', run: async (r, body) => (await conference.followUp(ctx(r), id(r), 'checklist', body, null), "The chair's checklist has been recorded.") },
  ]);
}
