import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addRecordPage } from '../../platform/http/pageSteps';
import { contextOf } from '../../platform/http/routes';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';

const template = 'inCare/views/permanence.njk';

/** A child's permanence planning (practice-standards.txt, Section 3: Permanency Planning Meetings). */
export function permanenceRoutes(app: FastifyInstance, services: Services) {
  const { permanence } = services;
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await permanence.view(contextOf(request), idParam(request));
    return { pageTitle: `Permanence: ${view.name}`, ...view, ...extra };
  };
  const audit = 'child.permanence_recorded';
  addRecordPage(app, { url: '/people/:id/permanence', template, view: page, dateFields: ['occurredOn'] }, [
    { url: '/people/:id/permanence/need', permission: 'work:record', audit, form: 'need', title: 'Permanence planning started', run: async (r, body) => (await permanence.need(contextOf(r), idParam(r), body), 'Permanence planning has started.') },
    { url: '/people/:id/permanence/meetings', permission: 'work:record', audit, form: 'meeting', title: 'Meeting recorded', run: async (r, body) => (await permanence.meeting(contextOf(r), idParam(r), body, whenOf(body)), 'The Permanency Planning Meeting and the permanence plan have been recorded: the next PPM is due within 3 months.') },
    { url: '/people/:id/permanence/achieved', permission: 'work:record', audit, form: 'achieved', title: 'Permanence achieved', run: async (r, body) => (await permanence.achieved(contextOf(r), idParam(r), body), 'Permanence has been recorded as achieved.') },
  ]);
}
