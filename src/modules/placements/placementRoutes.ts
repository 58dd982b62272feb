import type { FastifyInstance, FastifyRequest } from 'fastify';
import { disruptionCauses, providerDocuments, stabilityAttendees } from '../../domain/placements/placementState';
import { addRecordPage, type PageStep } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';

const lists = { stabilityAttendees, disruptionCauses, providerDocuments };

/** A child's placements, moves and their stability (resource-service-policy.txt 1.1, 4.2; placement-stability-guidance.txt). */
export function placementRoutes(app: FastifyInstance, services: Services) {
  const { placements, stability, resourceReports } = services;
  addRoute(app, {
    method: 'GET',
    url: '/resources',
    permission: 'resources:read',
    audit: 'resources.report_viewed',
    handler: async (request, reply) => reply.page('placements/views/resourceReports.njk', { pageTitle: 'Resource Service reports', ...(await resourceReports.view(contextOf(request))) }),
  });
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await placements.view(contextOf(request), idParam(request));
    return { pageTitle: `Placements: ${view.name}`, ...view, ...lists, ...extra };
  };
  const audit = 'child.placement_recorded';
  const ctx = contextOf;
  const id = idParam;
  const step = (path: string, form: string, title: string, permission: PageStep['permission'], run: (r: FastifyRequest, body: Record<string, unknown>) => Promise<string>): PageStep => ({ url: `/people/:id/placements/${path}`, permission, audit, form, title, run });
  const at = (body: Record<string, unknown>, name: string) => whenOf(body, { date: `${name}On`, time: `${name}Time` });
  addRecordPage(app, { url: '/people/:id/placements', template: 'placements/views/placements.njk', view: page, dateFields: ['startOn', 'moveOn', 'endOn', 'planningOn', 'meetingOn', 'noticeOn', 'noticeEndsOn', 'acceptOn', 'reviewOn', 'visitOn'] }, [
    step('start', 'start', 'Placement recorded', 'child:read', async (r, b) => (await placements.start(ctx(r), id(r), b, at(b, 'start')), 'The placement has been recorded: a placement planning meeting is due within 5 working days.')),
    step('move-request', 'moveRequest', 'Move requested', 'child:read', async (r, b) => (await placements.requestMove(ctx(r), id(r), b), 'The move has been asked for: it needs the head of service’s agreement.')),
    step('move-authorised', 'authorise', 'Move agreed', 'placement:authorise', async (r, b) => (await placements.authoriseMove(ctx(r), id(r), b), 'The move has been agreed.')),
    step('virtual-school', 'virtualSchool', 'Virtual School consulted', 'child:read', async (r, b) => (await placements.virtualSchoolConsulted(ctx(r), id(r), b), "The Virtual School's advice has been recorded.")),
    step('child-told', 'childTold', 'Recorded', 'child:read', async (r, b) => (await placements.childTold(ctx(r), id(r), b), 'How and when the child is told has been recorded.')),
    step('exception', 'exception', 'Exception recorded', 'placement:authorise', async (r, b) => (await placements.ratingException(ctx(r), id(r), b), 'The exception has been recorded: the child may be placed with that provider.')),
    step('move', 'move', 'Move recorded', 'child:read', async (r, b) => (await placements.move(ctx(r), id(r), b, at(b, 'move')), 'The move has been recorded: a placement planning meeting is due within 5 working days, and weekly visits for four weeks.')),
    step('end', 'end', 'Placement ended', 'child:read', async (r, b) => (await placements.end(ctx(r), id(r), b, at(b, 'end')), 'The end of the placement has been recorded.')),
    step('planning-meeting', 'planning', 'Meeting recorded', 'child:read', async (r, b) => (await stability.planningMeeting(ctx(r), id(r), b, at(b, 'planning')), 'The placement planning meeting and the initial support plan have been recorded.')),
    step('stability-meeting', 'meeting', 'Meeting recorded', 'child:read', async (r, b) => (await stability.stabilityMeeting(ctx(r), id(r), b, at(b, 'meeting')), 'The placement stability meeting has been recorded.')),
    step('panel', 'panel', 'Referred', 'child:read', async (r, b) => (await stability.panelReferral(ctx(r), id(r), b), 'The referral to the Placement Stability Panel has been recorded.')),
    step('notice', 'notice', 'Notice recorded', 'child:read', async (r, b) => (await stability.noticeReceived(ctx(r), id(r), b, at(b, 'notice')), 'The Notice to Quit has been recorded: hold a placement stability meeting before it is accepted.')),
    step('notice-accepted', 'accept', 'Notice accepted', 'placement:match', async (r, b) => (await stability.noticeAccepted(ctx(r), id(r), b, at(b, 'accept')), 'The Notice to Quit has been accepted.')),
    step('disruption-review', 'review', 'Review recorded', 'child:read', async (r, b) => (await stability.disruptionReview(ctx(r), id(r), b, at(b, 'review')), 'The disruption review has been recorded.')),
    step('quality-visit', 'visit', 'Visit recorded', 'placement:match', async (r, b) => (await stability.qualityVisit(ctx(r), id(r), b, at(b, 'visit')), 'The quality assurance visit has been recorded.')),
  ]);
}
