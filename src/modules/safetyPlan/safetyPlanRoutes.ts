import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addRecordPage } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import type { Services } from '../../services';
import { attachDocumentStep } from '../childDocuments/childDocumentRoutes';
import { idParam } from '../people/peopleForms';

const template = 'safetyPlan/views/safetyPlan.njk';

/** A child's safety plan (practice-standards.txt, Section 2: Safety Planning) and its version for the family. */
export function safetyPlanRoutes(app: FastifyInstance, services: Services) {
  const { safetyPlan } = services;
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    // A refused plan shows again as it was typed; the other forms' values stay out of it.
    const typed = extra.form === 'plan' ? (extra.formValues as Record<string, unknown>) : undefined;
    const view = await safetyPlan.view(contextOf(request), idParam(request), typed);
    return { pageTitle: `Safety plan: ${view.name}`, ...view, ...extra };
  };
  const audit = 'child.safety_plan_recorded';
  addRecordPage(app, { url: '/people/:id/safety-plan', template, view: page, dateFields: ['networkMeetingOn', 'signedOn'] }, [
    { url: '/people/:id/safety-plan/versions', permission: 'work:record', audit, form: 'plan', title: 'Safety plan saved', run: async (r, body) => (await safetyPlan.record(contextOf(r), idParam(r), body), 'The safety plan has been saved as a new version. Earlier versions are kept.') },
    { url: '/people/:id/safety-plan/signatures', permission: 'work:record', audit, form: 'sign', title: 'Signature recorded', run: async (r, body) => (await safetyPlan.sign(contextOf(r), idParam(r), body), 'The signed copy has been recorded.') },
    { url: '/people/:id/safety-plan/conclude', permission: 'work:record', audit, form: 'conclude', title: 'Safety plan concluded', run: async (r) => (await safetyPlan.conclude(contextOf(r), idParam(r)), 'The safety plan has been concluded, signed by its network.') },
    attachDocumentStep(services, '/people/:id/safety-plan/documents'),
  ]);

  addRoute(app, {
    method: 'GET',
    url: '/people/:id/safety-plan/family',
    permission: 'child:read',
    audit: 'child.safety_plan_printed',
    handler: async (request, reply) => {
      const view = await safetyPlan.forFamily(contextOf(request), idParam(request));
      return reply.page('safetyPlan/views/familyVersion.njk', { pageTitle: `${view.childName}'s safety plan`, ...view });
    },
  });
}
