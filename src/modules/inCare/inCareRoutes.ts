import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addRecordPage, type PageStep } from '../../platform/http/pageSteps';
import { contextOf } from '../../platform/http/routes';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { attachDocumentStep } from '../childDocuments/childDocumentRoutes';
import { idParam } from '../people/peopleForms';
import { arrivalStepForms, type ArrivalStep } from './inCareService';

const template = 'inCare/views/inCare.njk';

/** A child's period of care (practice-standards.txt, Section 3: Children in Care 17-23). */
export function inCareRoutes(app: FastifyInstance, services: Services) {
  const { inCare } = services;
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await inCare.view(contextOf(request), idParam(request));
    return { pageTitle: `In care: ${view.name}`, ...view, ...extra };
  };
  const audit = 'child.in_care_recorded';
  const ctx = contextOf;
  const id = idParam;
  const steps: PageStep[] = (Object.keys(arrivalStepForms) as ArrivalStep[]).map((key) => ({
    url: `/people/:id/in-care/steps/${key}`,
    permission: 'work:record',
    audit,
    form: key,
    title: 'Recorded',
    run: async (r, body) => (await inCare.arrivalStep(ctx(r), id(r), key, whenOf(body, { date: `${key}On`, time: `${key}Time` })), `${arrivalStepForms[key].title}: recorded.`),
  }));
  const dated = [...Object.keys(arrivalStepForms).map((k) => `${k}On`), 'occurredOn', 'consentSignedOn', 'previousPermanenceOn', 'iroOn', 'statusOn', 'endOn', 'scheduleOn'];
  addRecordPage(app, { url: '/people/:id/in-care', template, view: page, dateFields: dated }, [
    ...steps,
    attachDocumentStep(services, '/people/:id/in-care/documents'),
    { url: '/people/:id/in-care/start', permission: 'work:record', audit, form: 'start', title: 'Looked after', run: async (r, body) => (await inCare.start(ctx(r), id(r), body, whenOf(body)), 'The child is recorded as looked after, with their first placement: send the child in care notification within 24 hours.') },
    { url: '/people/:id/in-care/legal-status', permission: 'work:record', audit, form: 'status', title: 'Legal status changed', run: async (r, body) => (await inCare.changeStatus(ctx(r), id(r), body, whenOf(body, { date: 'statusOn', time: 'statusTime' })), 'The new legal status has been recorded.') },
    { url: '/people/:id/in-care/schedule', permission: 'work:record', audit, form: 'schedule', title: 'Visiting schedule changed', run: async (r, body) => (await inCare.scheduleChange(ctx(r), id(r), body, whenOf(body, { date: 'scheduleOn', time: 'scheduleTime' })), 'The change to the visiting schedule has been recorded.') },
    { url: '/people/:id/in-care/iro', permission: 'work:record', audit, form: 'iro', title: 'IRO appointed', run: async (r, body) => (await inCare.appointIro(ctx(r), id(r), body, whenOf(body, { date: 'iroOn', time: 'iroTime' })), 'The independent reviewing officer has been recorded.') },
    { url: '/people/:id/in-care/care-plan', permission: 'work:record', audit, form: 'carePlan', title: 'Care plan recorded', run: async (r, body) => (await inCare.carePlan(ctx(r), id(r), body), 'The care plan has been recorded.') },
    { url: '/people/:id/in-care/information', permission: 'work:record', audit, form: 'information', title: 'Recorded', run: async (r, body) => (await inCare.informationGiven(ctx(r), id(r), body), 'The information given to the child has been recorded.') },
    { url: '/people/:id/in-care/end', permission: 'work:record', audit, form: 'end', title: 'Period of care ended', run: async (r, body) => (await inCare.end(ctx(r), id(r), body, whenOf(body, { date: 'endOn', time: 'endTime' })), 'The end of the period of care has been recorded.') },
  ]);
}
