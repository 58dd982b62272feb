import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addPageSteps, type PageStep } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import { sendDownload } from '../../platform/http/sendDownload';
import type { Services } from '../../services';
import { decisionSheetPdf } from './decisionSheetPdf';

const meetingIdOf = (request: FastifyRequest) => String((request.params as Record<string, unknown>).meetingId ?? '');
const decisionIdOf = (request: FastifyRequest) => String((request.params as Record<string, unknown>).decisionEventId ?? '');

/** The Resource and Care Panel's pages (resource-and-care-panel-policy.txt 1.5-1.8, I.14-I.20, 1.7 g, Appendix A Part B). */
export function panelRoutes(app: FastifyInstance, services: Services) {
  const { panel } = services;
  const recorded = 'panel.meeting_recorded';
  const decided = 'child.panel_decision_recorded';

  const schedulePage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => ({ pageTitle: 'Resource and Care Panel', ...(await panel.schedule(contextOf(request))), ...extra });
  addRoute(app, { method: 'GET', url: '/panel', permission: 'panel:read', audit: 'panel.meeting_viewed', handler: async (request, reply) => reply.page('panel/views/schedule.njk', await schedulePage(request)) });
  const scheduleSteps: PageStep[] = [
    { url: '/panel/meetings', permission: 'panel:administer', audit: recorded, form: 'schedule', title: 'Meeting scheduled', run: async (r, b) => `The meeting on ${(await panel.meetings.schedule(contextOf(r), b)).date} has been scheduled.` },
    {
      url: '/panel/meetings/ahead',
      permission: 'panel:administer',
      audit: recorded,
      form: 'ahead',
      title: 'Meetings scheduled',
      run: async (r) => {
        const made = await panel.meetings.scheduleAhead(contextOf(r), 8);
        return made.length ? `${made.length} weekly meetings have been scheduled, to ${made.at(-1)!.date}.` : 'The next 8 weeks’ meetings were already scheduled.';
      },
    },
    { url: '/panel/returns/extend', permission: 'panel:chair', audit: decided, form: 'extend', title: 'Return extended', run: async (r, b) => {
        // One select names the return: "<child's id>|<decision's event id>".
        const [personId = '', decisionEventId = ''] = String(b.returnRef ?? '').split('|');
        await panel.decisions.extend(contextOf(r), personId, { ...b, decisionEventId });
        return 'The return to panel has been extended.';
      },
    },
  ];
  addPageSteps(app, { template: 'panel/views/schedule.njk', page: schedulePage, back: () => '/panel', dateFields: ['date', 'returnDate'] }, scheduleSteps);

  const meetingPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await panel.meeting(contextOf(request), meetingIdOf(request));
    return { pageTitle: `Resource and Care Panel, ${view.meeting.date}`, ...view, ...extra };
  };
  addRoute(app, { method: 'GET', url: '/panel/meetings/:meetingId', permission: 'panel:read', audit: 'panel.meeting_viewed', handler: async (request, reply) => reply.page('panel/views/meeting.njk', await meetingPage(request)) });
  const ctx = contextOf;
  const id = meetingIdOf;
  const meetingSteps: PageStep[] = [
    { url: '/panel/meetings/:meetingId/chair', permission: 'panel:administer', audit: recorded, form: 'chair', title: 'Chair set', run: async (r, b) => (await panel.meetings.setChair(ctx(r), id(r), b), 'The chair of the meeting has been recorded.') },
    { url: '/panel/meetings/:meetingId/attendance', permission: 'panel:administer', audit: recorded, form: 'attendance', title: 'Attendance recorded', run: async (r, b) => (await panel.meetings.attended(ctx(r), id(r), b), 'The member has been recorded as present.') },
    { url: '/panel/meetings/:meetingId/declarations', permission: 'panel:administer', audit: recorded, form: 'declaration', title: 'Declaration recorded', run: async (r, b) => (await panel.declare(ctx(r), id(r), b), 'The declaration of involvement has been recorded.') },
    { url: '/panel/meetings/:meetingId/steps', permission: 'panel:read', audit: recorded, form: 'step', title: 'Step recorded', run: async (r, b) => (await panel.step(ctx(r), id(r), b), 'The step of the presentation has been recorded.') },
    { url: '/panel/meetings/:meetingId/presentations', permission: 'panel:read', audit: decided, form: 'present', title: 'Presentation recorded', run: async (r, b) => (await panel.decisions.present(ctx(r), id(r), b), 'The presentation has been recorded on the child’s record.') },
    { url: '/panel/meetings/:meetingId/decisions', permission: 'panel:chair', audit: decided, form: 'decision', title: 'Decision recorded', run: async (r, b) => (await panel.decisions.decide(ctx(r), id(r), b), 'The decision has been recorded on the child’s record and in the action log.') },
    { url: '/panel/meetings/:meetingId/cancel', permission: 'panel:chair', audit: recorded, form: 'cancel', title: 'Meeting cancelled', run: async (r, b) => (await panel.cancel(ctx(r), id(r), b), 'The meeting has been cancelled with your agreement.') },
    { url: '/panel/meetings/:meetingId/finance-sign-off', permission: 'panel:chair', audit: recorded, form: 'signOff', title: 'Finance log signed off', run: async (r) => (await panel.signOffFinance(ctx(r), id(r)), 'The meeting’s expenditure has been signed off.') },
  ];
  addPageSteps(app, { template: 'panel/views/meeting.njk', page: meetingPage, back: (r) => `/panel/meetings/${meetingIdOf(r)}`, dateFields: ['deferredTo', 'returnDate'] }, meetingSteps);

  addRoute(app, { method: 'GET', url: '/panel/finance', permission: 'panel:read', audit: 'panel.meeting_viewed', handler: async (request, reply) => reply.page('panel/views/finance.njk', { pageTitle: 'Panel finance log', ...(await panel.finance(contextOf(request))) }) });
  addRoute(app, {
    method: 'GET',
    url: '/panel/finance.csv',
    permission: 'panel:read',
    audit: 'panel.finance_exported',
    handler: async (request, reply) => sendDownload(reply, { filename: 'panel-finance-log.csv', mediaType: 'text/csv; charset=utf-8', content: Buffer.from(await panel.financeCsv(contextOf(request)), 'utf8') }),
  });

  const sheetUrl = '/panel/meetings/:meetingId/decisions/:decisionEventId';
  addRoute(app, {
    method: 'GET',
    url: `${sheetUrl}/print`,
    permission: 'panel:read',
    audit: 'panel.meeting_viewed',
    handler: async (request, reply) => {
      const sheet = await panel.decisionSheet(contextOf(request), meetingIdOf(request), decisionIdOf(request));
      return reply.page('panel/views/decisionSheet.njk', { pageTitle: `Resource and Care Panel decision: ${sheet.childName}`, ...sheet });
    },
  });
  addRoute(app, {
    method: 'GET',
    url: `${sheetUrl}/pdf`,
    permission: 'panel:read',
    audit: 'panel.meeting_viewed',
    handler: async (request, reply) => {
      const sheet = await panel.decisionSheet(contextOf(request), meetingIdOf(request), decisionIdOf(request));
      return sendDownload(reply, { filename: `panel-decision-${sheet.meeting.date}.pdf`, mediaType: 'application/pdf', content: await decisionSheetPdf(sheet) });
    },
  });
}
