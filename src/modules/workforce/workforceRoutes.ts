import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../platform/errors';
import { addPageSteps, addRecordPage } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import type { Services } from '../../services';

const uuid = (request: FastifyRequest, name: string, what: string) => {
  const value = String((request.params as Record<string, unknown>)[name] ?? '');
  if (!z.uuid().safeParse(value).success) throw new NotFoundError(what);
  return value;
};
const personOf = (r: FastifyRequest) => uuid(r, 'id', 'The record');
const staffOf = (r: FastifyRequest) => uuid(r, 'userId', 'The member of staff');

/**
 * The workforce pages (issue 12; specialist-service-statement.txt 5.1-5.3, 7.1.3): team capacity at
 * a glance, a worker's caseload and profile, a case's complexity weight, and a case's transfer to
 * another team with its review. Read with workforce:read, profiles recorded with workforce:manage,
 * weights and transfers by the managers of the team that holds the case (child:allocate).
 */
export function workforceRoutes(app: FastifyInstance, services: Services) {
  const { workforce, transfers } = services;

  addRoute(app, {
    method: 'GET',
    url: '/workforce',
    permission: 'workforce:read',
    audit: 'workforce.capacity_viewed',
    handler: async (request, reply) => reply.page('workforce/views/capacity.njk', { pageTitle: 'Team capacity', ...(await workforce.capacity(contextOf(request))) }),
  });

  const staffPage = async (request: FastifyRequest, extra: Record<string, unknown>) => {
    const view = await workforce.staffMember(contextOf(request), staffOf(request));
    return { pageTitle: `Caseload: ${view.member.displayName}`, ...view, ...extra };
  };
  const staffTemplate = 'workforce/views/staff.njk';
  addRoute(app, { method: 'GET', url: '/workforce/staff/:userId', permission: 'workforce:read', audit: 'workforce.staff_viewed', handler: async (request, reply) => reply.page(staffTemplate, await staffPage(request, {})) });
  addPageSteps(app, { template: staffTemplate, page: staffPage, back: (r) => `/workforce/staff/${staffOf(r)}`, dateFields: ['inductionEndsOn', 'asyeEndsOn', 'effectiveOn'] }, [
    {
      url: '/workforce/staff/:userId/profile',
      permission: 'workforce:manage',
      audit: 'workforce.profile_recorded',
      form: 'profile',
      title: 'Profile recorded',
      run: async (r, b) => (await workforce.recordProfile(contextOf(r), staffOf(r), b), 'The workforce profile has been recorded.'),
    },
  ]);

  addRecordPage(
    app,
    {
      url: '/people/:id/complexity',
      template: 'workforce/views/complexity.njk',
      view: async (request, extra) => {
        const view = await workforce.complexityPage(contextOf(request), personOf(request));
        return { pageTitle: `Case complexity: ${view.name}`, ...view, ...extra };
      },
    },
    [
      {
        url: '/people/:id/complexity',
        permission: 'child:allocate',
        audit: 'child.complexity_assessed',
        form: 'complexity',
        title: 'Complexity recorded',
        run: async (r, b) => (await workforce.assessComplexity(contextOf(r), personOf(r), b), 'The case’s complexity has been recorded: its weight in the caseload has changed.'),
      },
    ],
  );

  addRecordPage(
    app,
    {
      url: '/people/:id/transfer',
      template: 'workforce/views/transfer.njk',
      dateFields: ['meetingOn', 'reviewOn'],
      view: async (request, extra) => {
        const view = await transfers.transferPage(contextOf(request), personOf(request));
        return { pageTitle: `Transfer: ${view.name}`, ...view, ...extra };
      },
    },
    [
      {
        url: '/people/:id/transfer/meeting',
        permission: 'child:allocate',
        audit: 'child.transferred',
        form: 'meeting',
        title: 'Transferred',
        run: async (r, b) => (await transfers.transfer(contextOf(r), personOf(r), b), 'The transfer meeting has been recorded and the case allocated to the receiving team. A manager of the receiving team chairs the transfer review.'),
      },
      {
        url: '/people/:id/transfer/review',
        permission: 'work:record',
        audit: 'child.transfer_reviewed',
        form: 'review',
        title: 'Transfer review recorded',
        run: async (r, b) => (await transfers.review(contextOf(r), personOf(r), b), 'The transfer review has been recorded.'),
      },
    ],
  );
}
