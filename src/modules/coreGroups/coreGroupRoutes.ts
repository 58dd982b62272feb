import { attachDocumentStep } from '../childDocuments/childDocumentRoutes';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addRecordPage } from '../../platform/http/pageSteps';
import { contextOf } from '../../platform/http/routes';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';

const template = 'coreGroups/views/coreGroups.njk';

/** A child's core group meetings (practice-standards.txt, Section 2: Core Group Meetings 8-16). */
export function coreGroupRoutes(app: FastifyInstance, services: Services) {
  const { coreGroups } = services;
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await coreGroups.view(contextOf(request), idParam(request));
    return { pageTitle: `Core groups: ${view.name}`, ...view, ...extra };
  };
  addRecordPage(app, { url: '/people/:id/core-groups', template, view: page, dateFields: ['occurredOn'] }, [
    attachDocumentStep(services, '/people/:id/core-groups/documents'),
    { url: '/people/:id/core-groups/meetings', permission: 'work:record', audit: 'child.core_group_recorded', form: 'meeting', title: 'Meeting recorded', run: async (r, body) => (await coreGroups.record(contextOf(r), idParam(r), body, whenOf(body)), 'The core group meeting has been recorded: its record is signed off by a manager within two weeks.') },
    { url: '/people/:id/core-groups/sign-off', permission: 'work:record', audit: 'child.core_group_recorded', form: 'signOff', title: 'Signed off', run: async (r) => (await coreGroups.signOff(contextOf(r), idParam(r)), 'The core group record has been signed off.') },
  ]);
}
