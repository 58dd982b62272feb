import type { FastifyInstance, FastifyRequest } from 'fastify';
import { planningSteps, type PlanningStep } from '../../domain/adoption/adoptionJourney';
import { addRecordPage, type PageStep } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';
import { adopterAudit, supportAudit, type SupportKind } from './adoptersService';
import { adoptionAudit } from './adoptionService';

const template = 'adoption/views/adoption.njk';

/**
 * Adoption (issue 11): the Family Placement Team's list, and a person's adoption page — a child's
 * journey to an adoption order, prospective adopters' assessment and approval on the first
 * applicant's record, and post-adoption support and section 51 counselling requests.
 */
export function adoptionRoutes(app: FastifyInstance, services: Services) {
  const { adoption, adopters, adoptionList } = services;
  addRoute(app, {
    method: 'GET',
    url: '/adoption',
    permission: 'fostering:read',
    audit: 'adoption.list_viewed',
    handler: async (request, reply) => reply.page('adoption/views/adoptionList.njk', { pageTitle: 'Adoption', ...(await adoptionList.list(contextOf(request))) }),
  });

  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const context = contextOf(request);
    const child = await adoption.view(context, idParam(request));
    const adult = await adopters.view(context, child.record);
    return { pageTitle: `Adoption: ${child.name}`, ...child, ...adult, ...extra };
  };
  const ctx = contextOf;
  const id = idParam;
  const dated = (key: string) => ({ date: `${key}On`, time: `${key}Time` });
  const when = (body: Record<string, unknown>, key: string) => whenOf(body, dated(key));

  const planning: PageStep[] = (Object.keys(planningSteps) as PlanningStep[]).map((key) => ({
    url: `/people/:id/adoption/steps/${key}`,
    permission: 'work:record',
    audit: adoptionAudit,
    form: key,
    title: 'Recorded',
    run: async (r, body) => (await adoption.planningStep(ctx(r), id(r), key, when(body, key)), `${planningSteps[key].title}: recorded.`),
  }));
  const child: PageStep[] = [
    ...planning,
    { url: '/people/:id/adoption/parallel-planning', permission: 'work:record', audit: adoptionAudit, form: 'planning', title: 'Parallel planning agreed', run: async (r, b) => (await adoption.startParallelPlanning(ctx(r), id(r), b, when(b, 'planning')), 'Parallel planning for adoption has been recorded: set the Final Evidence and Care Plan date when the court timetables it.') },
    { url: '/people/:id/adoption/parallel-planning/ended', permission: 'work:record', audit: adoptionAudit, form: 'planningEnded', title: 'Parallel planning ended', run: async (r, b) => (await adoption.endParallelPlanning(ctx(r), id(r), b), 'Parallel planning for adoption has been recorded as ended.') },
    { url: '/people/:id/adoption/final-evidence-date', permission: 'work:record', audit: adoptionAudit, form: 'finalEvidence', title: 'Date recorded', run: async (r, b) => (await adoption.finalEvidenceDate(ctx(r), id(r), b), 'The Final Evidence and Care Plan date has been recorded: the CPR timetable counts back from it.') },
    { url: '/people/:id/adoption/should-be-placed', permission: 'adm:decide', audit: adoptionAudit, form: 'shouldBePlaced', title: 'Decision recorded', run: async (r, b) => (await adoption.shouldBePlaced(ctx(r), id(r), b, when(b, 'shouldBePlaced')), "The agency decision maker's decision has been recorded.") },
    { url: '/people/:id/adoption/placement-order', permission: 'work:record', audit: adoptionAudit, form: 'placementOrder', title: 'Placement order recorded', run: async (r, b) => (await adoption.placementOrder(ctx(r), id(r), b, when(b, 'placementOrder')), 'The placement order has been recorded (legal status E1): reviews are due 3 and 6 months after it until the child is placed.') },
    { url: '/people/:id/adoption/consent', permission: 'work:record', audit: adoptionAudit, form: 'consent', title: 'Consent recorded', run: async (r, b) => (await adoption.consent(ctx(r), id(r), b, when(b, 'consent')), 'The consent to placement for adoption has been recorded.') },
    { url: '/people/:id/adoption/match/panel', permission: 'fostering_panel:record', audit: adoptionAudit, form: 'matchPanel', title: 'Recommendation recorded', run: async (r, b) => (await adoption.matchPanel(ctx(r), id(r), b, when(b, 'matchPanel')), "The adoption panel's recommendation on the match has been recorded: the agency decision maker decides next.") },
    { url: '/people/:id/adoption/match/decision', permission: 'adm:decide', audit: adoptionAudit, form: 'matchDecision', title: 'Decision recorded', run: async (r, b) => (await adoption.matchDecision(ctx(r), id(r), b, when(b, 'matchDecision')), "The agency decision maker's decision on the match has been recorded.") },
    { url: '/people/:id/adoption/match/ended', permission: 'work:record', audit: adoptionAudit, form: 'endMatch', title: 'Match ended', run: async (r, b) => (await adoption.endMatch(ctx(r), id(r), b), 'The end of the match has been recorded: the panel may consider another.') },
    { url: '/people/:id/adoption/placed', permission: 'work:record', audit: adoptionAudit, form: 'place', title: 'Placed for adoption', run: async (r, b) => (await adoption.place(ctx(r), id(r), b, when(b, 'place')), 'The placement for adoption has been recorded: the first review is due within 4 weeks.') },
    { url: '/people/:id/adoption/disrupted', permission: 'work:record', audit: adoptionAudit, form: 'disrupt', title: 'Placement ended', run: async (r, b) => (await adoption.disrupt(ctx(r), id(r), b, when(b, 'disrupt')), 'The end of the placement for adoption has been recorded.') },
    { url: '/people/:id/adoption/order', permission: 'work:record', audit: adoptionAudit, form: 'order', title: 'Adoption order recorded', run: async (r, b) => (await adoption.adoptionOrder(ctx(r), id(r), b, when(b, 'order')), 'The adoption order has been recorded: the child is adopted and no longer looked after.') },
  ];
  const adopter: PageStep[] = [
    { url: '/people/:id/adoption/adopters', permission: 'work:record', audit: adopterAudit, form: 'register', title: 'Registered', run: async (r, b) => (await adopters.register(ctx(r), id(r), b, when(b, 'register')), 'The applicants have been registered as prospective adopters.') },
    { url: '/people/:id/adoption/adopters/assessment', permission: 'work:record', audit: adopterAudit, form: 'assessment', title: 'Assessment signed off', run: async (r, b) => (await adopters.assessment(ctx(r), id(r), b, when(b, 'assessment')), 'The assessment has been recorded as completed and signed off: it can go to the adoption panel.') },
    { url: '/people/:id/adoption/adopters/panel', permission: 'fostering_panel:record', audit: adopterAudit, form: 'adopterPanel', title: 'Recommendation recorded', run: async (r, b) => (await adopters.panel(ctx(r), id(r), b, when(b, 'adopterPanel')), "The adoption panel's recommendation has been recorded: the agency decision maker decides next.") },
    { url: '/people/:id/adoption/adopters/decision', permission: 'adm:decide', audit: adopterAudit, form: 'adopterDecision', title: 'Decision recorded', run: async (r, b) => (await adopters.decide(ctx(r), id(r), b, when(b, 'adopterDecision')), "The agency decision maker's decision has been recorded.") },
    { url: '/people/:id/adoption/adopters/withdrawn', permission: 'work:record', audit: adopterAudit, form: 'withdraw', title: 'Recorded', run: async (r, b) => (await adopters.withdraw(ctx(r), id(r), b), 'The end of the assessment has been recorded.') },
  ];
  const support: PageStep[] = (['support', 's51'] as SupportKind[]).flatMap((kind) => [
    { url: `/people/:id/adoption/${kind}`, permission: 'work:record' as const, audit: supportAudit, form: `${kind}Request`, title: 'Request recorded', run: async (r: FastifyRequest, b: Record<string, unknown>) => (await adopters.request(ctx(r), id(r), kind, b, when(b, `${kind}Request`)), 'The request has been recorded: the team manager allocates it.') },
    { url: `/people/:id/adoption/${kind}/allocated`, permission: 'work:record' as const, audit: supportAudit, form: `${kind}Allocate`, title: 'Allocated', run: async (r: FastifyRequest, b: Record<string, unknown>) => (await adopters.allocate(ctx(r), id(r), kind, b), 'The request has been allocated.') },
    { url: `/people/:id/adoption/${kind}/closed`, permission: 'work:record' as const, audit: supportAudit, form: `${kind}Close`, title: 'Closed', run: async (r: FastifyRequest, b: Record<string, unknown>) => (await adopters.close(ctx(r), id(r), kind, b), 'The outcome has been recorded and the request closed.') },
  ]);
  const dateKeys = [...Object.keys(planningSteps), 'planning', 'shouldBePlaced', 'placementOrder', 'consent', 'matchPanel', 'matchDecision', 'place', 'disrupt', 'order', 'register', 'assessment', 'adopterPanel', 'adopterDecision', 'supportRequest', 's51Request'];
  addRecordPage(app, { url: '/people/:id/adoption', template, view: page, dateFields: [...dateKeys.map((k) => `${k}On`), 'finalEvidenceOn'] }, [...child, ...adopter, ...support]);
}
