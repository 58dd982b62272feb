import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addRecordPage, type PageStep } from '../../platform/http/pageSteps';
import { contextOf } from '../../platform/http/routes';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';
import { healthForms, type HealthForm } from './healthService';

const template = 'inCare/views/health.njk';
const saved: Record<HealthForm, string> = {
  assessment: 'The health assessment has been recorded.',
  sdq: 'The SDQ has been recorded.',
  sdqNotDone: 'Why the SDQ could not be done has been recorded.',
  check: 'The check has been recorded.',
  pep: 'The PEP meeting has been recorded: the next is due within a term.',
  wellbeing: 'The health and wellbeing for the year has been recorded.',
};
/** The form's address: sdqNotDone is /sdq-not-done. */
export const healthFormPath = (key: HealthForm) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A child in care's health and education (practice-standards.txt, Section 3: Children in Care 24-25, 40). */
export function healthRoutes(app: FastifyInstance, services: Services) {
  const { health } = services;
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await health.view(contextOf(request), idParam(request));
    return { pageTitle: `Health and education: ${view.name}`, ...view, ...extra };
  };
  const steps: PageStep[] = (Object.keys(healthForms) as HealthForm[]).map((key) => ({
    url: `/people/:id/health-education/${healthFormPath(key)}`,
    permission: 'work:record',
    audit: 'child.in_care_recorded',
    form: key,
    title: 'Recorded',
    run: async (r, body) => (await health.record(contextOf(r), idParam(r), key, body, whenOf(body, { date: `${key}On`, time: `${key}Time` })), saved[key]),
  }));
  addRecordPage(app, { url: '/people/:id/health-education', template, view: page, dateFields: Object.keys(healthForms).map((k) => `${k}On`) }, steps);
}
