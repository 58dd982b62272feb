import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '../../domain/access/permissions';
import { ValidationError } from '../../platform/errors';
import { errorView, formBody } from '../../platform/http/forms';
import { addPageSteps, type PageStep } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import { flash } from '../../platform/views/setUpViews';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';
import { fosteringAudit } from './fosteringSteps';

const template = 'fostering/views/household.njk';
/** Every date box of the page's forms, so an error links to its day box. */
const dateFields = ['enquiryOn', 'respondOn', 'memberDob', 'involvedOn', 'applicationOn', 'checkOn', 'renewOn', 'trainingOn', 'feedbackOn', 'assessmentOn', 'sharedOn', 'commentsOn', 'panelDate', 'panelOn', 'decisionOn', 'responseOn', 'irmOn', 'agreementOn', 'viabilityOn', 'temporaryOn', 'extendUntil'];

/**
 * Fostering recruitment (practice-standards.txt, Section 3 "Family Placement (Fostering)" 1-20):
 * the Family Placement Team's list of enquiries and applications, a new enquiry, and a
 * household's journey from enquiry to approval and the Foster Care Agreement.
 */
export function fosteringRoutes(app: FastifyInstance, services: Services) {
  const { fostering } = services;
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await fostering.view(contextOf(request), idParam(request));
    return { pageTitle: `Fostering: ${view.name}`, ...view, ...extra };
  };

  addRoute(app, {
    method: 'GET',
    url: '/fostering',
    permission: 'fostering:read',
    audit: 'fostering.list_viewed',
    handler: async (request, reply) => reply.page('fostering/views/list.njk', { pageTitle: 'Fostering enquiries and applications', ...(await fostering.list(contextOf(request))) }),
  });
  addRoute(app, {
    method: 'GET',
    url: '/fostering/enquiries/new',
    permission: 'child:create',
    audit: 'none',
    handler: async (request, reply) => reply.page('fostering/views/newEnquiry.njk', { pageTitle: 'New fostering enquiry', ...fostering.enquiryChoices(contextOf(request)), values: {} }),
  });
  addRoute(app, {
    method: 'POST',
    url: '/fostering/enquiries',
    permission: 'child:create',
    audit: 'child.registered',
    handler: async (request, reply) => {
      const body = formBody(request.body);
      const context = contextOf(request);
      const form = { pageTitle: 'New fostering enquiry', ...fostering.enquiryChoices(context), values: body };
      try {
        const result = await fostering.newEnquiry(context, body);
        if (result.outcome === 'possible-duplicates') return reply.code(200).page('fostering/views/newEnquiry.njk', { ...form, duplicates: result.duplicates });
        flash(request, 'The enquiry has been recorded. Answer it and record the response.', 'Enquiry recorded');
        return reply.redirect(`/people/${result.personId}/fostering`);
      } catch (error) {
        if (error instanceof ValidationError) return reply.code(400).page('fostering/views/newEnquiry.njk', { ...form, ...errorView(error.problems, ['enquiryOn', 'dateOfBirth']) });
        throw error;
      }
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/people/:id/fostering',
    // The Fostering Panel's administrator records its recommendation here without reading the team's lists: the service checks fostering:read or the panel's permission.
    permission: 'child:read',
    audit: 'child.viewed',
    handler: async (request, reply) => reply.page(template, await page(request)),
  });

  const ctx = contextOf;
  const id = idParam;
  type Run = (context: ReturnType<typeof contextOf>, personId: string, body: Record<string, unknown>) => Promise<unknown>;
  const s = (path: string, form: string, permission: Permission, audit: string, title: string, message: string, run: Run): PageStep => ({
    url: `/people/:id/fostering/${path}`, permission, audit, form, title, run: async (r, body) => (await run(ctx(r), id(r), body), message),
  });
  const work = 'work:record' as const;
  const rec = fosteringAudit.recorded;
  addPageSteps(app, { template, page, back: (r) => `/people/${id(r)}/fostering`, dateFields }, [
    s('enquiry', 'enquiry', work, rec, 'Enquiry recorded', 'The enquiry has been recorded.', (c, p, b) => fostering.enquiry(c, p, b)),
    s('respond', 'respond', work, rec, 'Response recorded', 'The response to the enquiry has been recorded.', (c, p, b) => fostering.respond(c, p, b)),
    s('close-enquiry', 'closeEnquiry', work, rec, 'Enquiry closed', 'The enquiry has been closed.', (c, p, b) => fostering.closeEnquiry(c, p, b)),
    s('household', 'household', work, rec, 'Household member added', 'The household member has been added.', (c, p, b) => fostering.addMember(c, p, b)),
    s('involved', 'involved', work, rec, 'Recorded', 'Their involvement in the assessment has been recorded.', (c, p, b) => fostering.involveMember(c, p, b)),
    s('application', 'application', work, rec, 'Application recorded', 'The completed application has been recorded: the assessment is due within 6 months.', (c, p, b) => fostering.completeApplication(c, p, b)),
    s('withdraw', 'withdraw', work, rec, 'Application closed', 'The application has been recorded as withdrawn or closed.', (c, p, b) => fostering.withdraw(c, p, b)),
    s('worker', 'worker', 'child:allocate', rec, 'Assessing social worker allocated', 'The assessing social worker has been allocated.', (c, p, b) => fostering.allocateWorker(c, p, b)),
    s('check', 'check', work, rec, 'Check recorded', 'The check has been recorded.', (c, p, b) => fostering.recordCheck(c, p, b)),
    s('training', 'training', work, rec, 'Training recorded', 'The preparation training has been recorded.', (c, p, b) => fostering.training(c, p, b)),
    s('feedback', 'feedback', work, rec, 'Feedback recorded', 'The feedback to the applicant has been recorded.', (c, p, b) => fostering.feedback(c, p, b)),
    s('assessment', 'assessment', work, rec, 'Assessment completed', 'The assessment has been recorded as complete. Share the report with the applicant at least two weeks before the panel.', (c, p, b) => fostering.completeAssessment(c, p, b)),
    s('sign-off', 'signOff', 'assessment:sign_off', rec, 'Assessment signed off', 'The assessment has been signed off for the Fostering Panel.', (c, p, b) => fostering.signOff(c, p, b)),
    s('report-shared', 'reportShared', work, rec, 'Report shared', 'The report has been recorded as shared with the applicant.', (c, p, b) => fostering.shareReport(c, p, b)),
    s('comments', 'comments', work, rec, 'Comments recorded', 'The applicant’s comments have been recorded.', (c, p, b) => fostering.comments(c, p, b)),
    s('invitation', 'invitation', work, rec, 'Invitation recorded', 'The invitation to the Fostering Panel has been recorded.', (c, p, b) => fostering.invite(c, p, b)),
    s('panel', 'panel', 'fostering_panel:record', fosteringAudit.panel, 'Panel recommendation recorded', 'The Fostering Panel’s recommendation has been recorded.', (c, p, b) => fostering.panel(c, p, b)),
    s('decision', 'decision', 'adm:decide', fosteringAudit.decision, 'Decision recorded', 'The agency decision maker’s decision has been recorded. Tell the applicant and give them the reasons.', (c, p, b) => fostering.admDecision(c, p, b)),
    s('qualifying-response', 'qualifyingResponse', work, rec, 'Recorded', 'The applicant’s response to the qualifying determination has been recorded.', (c, p, b) => fostering.qualifyingResponse(c, p, b)),
    s('irm', 'irm', work, rec, 'Recorded', 'The IRM panel’s recommendation has been recorded.', (c, p, b) => fostering.irm(c, p, b)),
    s('agreement', 'agreement', work, rec, 'Agreement recorded', 'The Foster Care Agreement has been recorded.', (c, p, b) => fostering.agreement(c, p, b)),
    s('viability', 'viability', work, rec, 'Viability assessment recorded', 'The viability assessment has been recorded.', (c, p, b) => fostering.viability(c, p, b)),
    s('temporary-approval', 'temporary', 'adm:decide', fosteringAudit.decision, 'Temporary approval recorded', 'The temporary approval has been recorded.', (c, p, b) => fostering.temporaryApproval(c, p, b)),
    s('temporary-extension', 'extend', 'adm:decide', fosteringAudit.decision, 'Temporary approval extended', 'The temporary approval has been extended.', (c, p, b) => fostering.extendTemporary(c, p, b)),
    s('temporary-lapsed', 'lapsed', work, rec, 'Temporary approval ended', 'The temporary approval has been recorded as lapsed.', (c, p) => fostering.temporaryLapsed(c, p)),
  ]);
}
