import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { errorView, formBody } from '../../platform/http/forms';
import { addPageSteps, type PageStep } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import { flash } from '../../platform/views/setUpViews';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';
import { stateLabels } from '../standards/obligationViews';
import { hospitalDutyListAudit } from './hospitalDutyList';
import { hospitalDutyAudit, type HospitalDutyService } from './hospitalDutyService';

const referralOf = (request: FastifyRequest) => {
  const value = String((request.params as Record<string, unknown>).referralId ?? '');
  if (!z.uuid().safeParse(value).success) throw new NotFoundError('The hospital referral');
  return value;
};
const query = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;

/** The steps on a referral: the form's key (the prefix of its date boxes), its path and what saving says. */
const steps: { key: 'visit' | 'passed' | 'handover' | 'taken'; method: keyof Pick<HospitalDutyService, 'wardVisit' | 'passOn' | 'handover' | 'takeOn'>; path: string; title: string; message: string }[] = [
  { key: 'visit', method: 'wardVisit', path: 'ward-visit', title: 'Ward visit recorded', message: 'The ward visit has been recorded.' },
  { key: 'passed', method: 'passOn', path: 'passed-on', title: 'Referral passed on', message: 'The referral has been recorded as passed on: the home authority should take case responsibility within 24 hours of the referral.' },
  { key: 'handover', method: 'handover', path: 'hand-over', title: 'Hand-over recorded', message: 'The home authority has taken case responsibility: the referral is closed for the hospital duty service.' },
  { key: 'taken', method: 'takeOn', path: 'taken-on', title: 'Referral handed on', message: 'The referral has been recorded as handed on.' },
];

/**
 * The hospital duty service (issue 12; specialist-service-statement.txt 7.3.3 bullets 2-6): the
 * list, recording a referral from the hospital, and a referral's page with its steps. Every route
 * needs hospital_duty:record (the Disabled Children's Team's social workers on the rota and managers).
 */
export function hospitalDutyRoutes(app: FastifyInstance, services: Services) {
  const { hospitalDuty, hospitalDutyList } = services;

  addRoute(app, {
    method: 'GET',
    url: '/hospital-duty',
    permission: 'hospital_duty:record',
    audit: hospitalDutyListAudit,
    handler: async (request, reply) => reply.page('hospitalDuty/views/hospitalDuty.njk', { pageTitle: 'Hospital duty', ...(await hospitalDutyList.list(contextOf(request))), stateLabels }),
  });

  const newPage = async (request: FastifyRequest, source: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ pageTitle: 'Record a hospital referral', ...(await hospitalDuty.newForm(contextOf(request), source)), values: {}, ...extra });
  const newTemplate = 'hospitalDuty/views/newReferral.njk';
  addRoute(app, {
    method: 'GET',
    url: '/hospital-duty/new',
    permission: 'hospital_duty:record',
    audit: 'child.searched',
    handler: async (request, reply) => {
      try {
        return reply.page(newTemplate, await newPage(request, query(request)));
      } catch (error) {
        // A search with nothing to search by ("!!!"): the form again, with the search's problem.
        if (error instanceof ValidationError) return reply.code(400).page(newTemplate, await newPage(request, {}, errorView(error.problems)));
        throw error;
      }
    },
  });
  addRoute(app, {
    method: 'POST',
    url: '/hospital-duty/referrals',
    permission: 'hospital_duty:record',
    audit: hospitalDutyAudit,
    handler: async (request, reply) => {
      const body = formBody(request.body);
      const again = (extra: Record<string, unknown>) => newPage(request, { personId: body.personId }, { values: body, ...extra });
      try {
        const result = await hospitalDuty.record(contextOf(request), body);
        if (result.outcome === 'possible-duplicates') return reply.code(200).page(newTemplate, await again({ duplicates: result.duplicates }));
        flash(request, `The referral from the hospital has been recorded for ${result.name}.`, 'Hospital referral recorded');
        return reply.redirect(`/people/${result.personId}/hospital-duty/${result.referralId}`);
      } catch (error) {
        if (error instanceof ValidationError) return reply.code(400).page(newTemplate, await again(errorView(error.problems, ['receivedOn', 'dateOfBirth'])));
        throw error;
      }
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/people/:id/hospital-duty',
    permission: 'hospital_duty:record',
    audit: 'child.viewed',
    handler: async (request, reply) => {
      const view = await hospitalDuty.ofChild(contextOf(request), idParam(request));
      return reply.page('hospitalDuty/views/childReferrals.njk', { pageTitle: `Hospital referrals: ${view.name}`, ...view, stateLabels });
    },
  });

  const template = 'hospitalDuty/views/referral.njk';
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await hospitalDuty.referral(contextOf(request), idParam(request), referralOf(request));
    return { pageTitle: `Hospital referral: ${view.name}`, ...view, stateLabels, ...extra };
  };
  addRoute(app, { method: 'GET', url: '/people/:id/hospital-duty/:referralId', permission: 'hospital_duty:record', audit: 'child.viewed', handler: async (request, reply) => reply.page(template, await page(request)) });
  const pageSteps: PageStep[] = steps.map((s) => ({
    url: `/people/:id/hospital-duty/:referralId/${s.path}`,
    permission: 'hospital_duty:record',
    audit: hospitalDutyAudit,
    form: s.key,
    title: s.title,
    run: async (r, body) => (await hospitalDuty[s.method](contextOf(r), idParam(r), referralOf(r), body, whenOf(body, { date: `${s.key}On`, time: `${s.key}Time` })), s.message),
  }));
  addPageSteps(app, { template, page, back: (r) => `/people/${idParam(r)}/hospital-duty/${referralOf(r)}`, dateFields: steps.map((s) => `${s.key}On`) }, pageSteps);
}
