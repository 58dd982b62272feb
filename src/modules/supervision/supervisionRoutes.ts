import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { allowedFrequencies, frequencies, frequencyLabels } from '../../domain/supervision/frequency';
import { amendableParts, amendablePartLabels, qualityLabels, qualityRatings } from '../../domain/supervision/supervisionFile';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { errorView, formBody } from '../../platform/http/forms';
import { addPageSteps, type PageStep } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import { flash } from '../../platform/views/setUpViews';
import type { Services } from '../../services';
import { sessionActionRows } from './sessionForm';

const uuid = (request: FastifyRequest, name: string, what: string) => {
  const value = String((request.params as Record<string, unknown>)[name] ?? '');
  if (!z.uuid().safeParse(value).success) throw new NotFoundError(what);
  return value;
};
const staffOf = (r: FastifyRequest) => uuid(r, 'userId', 'The member of staff');
const sessionOf = (r: FastifyRequest) => uuid(r, 'id', 'The supervision session');

const labels = {
  frequency: frequencyLabels,
  quality: qualityLabels,
  part: amendablePartLabels,
  party: { supervisee: 'Supervisee', supervisor: 'Supervisor' },
};
const choices = {
  qualities: qualityRatings.map((value) => ({ value, text: qualityLabels[value] })),
  parts: amendableParts.map((value) => ({ value, text: amendablePartLabels[value] })),
};

/**
 * The supervision pages (issue 12; specialist-service-statement.txt 5.4): my supervision (and the
 * people I supervise, and a line manager's audit list), a member of staff's supervision record,
 * a session with its signatures and amendments, and the forms for a contract, a session, an
 * observation and an audit. Every page needs supervision:read and checks, in the service, whose
 * supervision the reader may see; every read and change is audited.
 */
export function supervisionRoutes(app: FastifyInstance, services: Services) {
  const { supervision } = services;

  addRoute(app, {
    method: 'GET',
    url: '/supervision',
    permission: 'supervision:read',
    audit: 'supervision.list_viewed',
    handler: async (request, reply) => reply.page('supervision/views/home.njk', { pageTitle: 'Supervision', ...(await supervision.home(contextOf(request))), labels }),
  });

  // A member of staff's supervision record, with the contract's signatures and a line manager's audit form.
  const staffPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await supervision.staffRecord(contextOf(request), staffOf(request));
    return { pageTitle: `Supervision: ${view.member.displayName}`, ...view, labels, ...choices, ...extra };
  };
  const staffTemplate = 'supervision/views/staff.njk';
  addRoute(app, { method: 'GET', url: '/supervision/staff/:userId', permission: 'supervision:read', audit: 'supervision.viewed', handler: async (request, reply) => reply.page(staffTemplate, await staffPage(request)) });
  const staffSteps: PageStep[] = [
    {
      url: '/supervision/staff/:userId/contracts/:contractId/sign',
      permission: 'supervision:read',
      audit: 'supervision.signed',
      form: 'signContract',
      title: 'Contract signed',
      run: async (r) => (await supervision.sign(contextOf(r), staffOf(r), { kind: 'contract', id: uuid(r, 'contractId', 'The contract') }), 'You have signed the supervision contract.'),
    },
    {
      url: '/supervision/staff/:userId/audits',
      permission: 'supervision:audit',
      audit: 'supervision.audited',
      form: 'audit',
      title: 'Audit recorded',
      run: async (r, b) => (await supervision.auditRecords(contextOf(r), staffOf(r), b), 'Your audit of the supervision records has been recorded.'),
    },
  ];
  addPageSteps(app, { template: staffTemplate, page: staffPage, back: (r) => `/supervision/staff/${staffOf(r)}`, dateFields: ['periodFrom', 'periodTo'] }, staffSteps);

  // The contract form: its own page.
  const contractPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await supervision.contractForm(contextOf(request), staffOf(request));
    const allowed = new Set(allowedFrequencies(view.required));
    return {
      pageTitle: `Supervision contract: ${view.member.displayName}`,
      ...view,
      frequencyItems: frequencies.map((f) => ({ value: f, text: frequencyLabels[f], disabled: !allowed.has(f) })),
      labels,
      ...extra,
    };
  };
  const form = (template: string, page: (r: FastifyRequest, extra?: Record<string, unknown>) => Promise<Record<string, unknown>>, dateFields: string[]) => ({
    show: async (request: FastifyRequest, reply: FastifyReply) => reply.page(template, await page(request)),
    refused: async (request: FastifyRequest, reply: FastifyReply, error: unknown, body: Record<string, unknown>) => {
      if (error instanceof ValidationError) return reply.code(400).page(template, await page(request, { formValues: body, ...errorView(error.problems, dateFields) }));
      throw error;
    },
  });
  const contract = form('supervision/views/contract.njk', contractPage, ['agreedOn']);
  addRoute(app, { method: 'GET', url: '/supervision/staff/:userId/contract', permission: 'supervision:record', audit: 'supervision.viewed', handler: contract.show });
  addRoute(app, {
    method: 'POST',
    url: '/supervision/staff/:userId/contract',
    permission: 'supervision:record',
    audit: 'supervision.contract_agreed',
    handler: async (request, reply) => {
      const body = formBody(request.body);
      try {
        await supervision.agreeContract(contextOf(request), staffOf(request), body);
      } catch (error) {
        return contract.refused(request, reply, error, body);
      }
      flash(request, 'The supervision contract has been recorded. The supervisee and the supervisor each sign it.', 'Contract agreed');
      return reply.redirect(`/supervision/staff/${staffOf(request)}`);
    },
  });

  // Recording a session: its own page, then the session's page.
  const newSessionPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await supervision.sessionForm(contextOf(request), staffOf(request));
    return { pageTitle: `Record a supervision session: ${view.member.displayName}`, ...view, actionRows: Array.from({ length: sessionActionRows }, (_, i) => i + 1), labels, ...extra };
  };
  const newSession = form('supervision/views/newSession.njk', newSessionPage, []);
  addRoute(app, { method: 'GET', url: '/supervision/staff/:userId/sessions/new', permission: 'supervision:record', audit: 'supervision.viewed', handler: newSession.show });
  addRoute(app, {
    method: 'POST',
    url: '/supervision/staff/:userId/sessions',
    permission: 'supervision:record',
    audit: 'supervision.session_recorded',
    handler: async (request, reply) => {
      const body = formBody(request.body);
      let id: string;
      try {
        id = await supervision.recordSession(contextOf(request), staffOf(request), body);
      } catch (error) {
        return newSession.refused(request, reply, error, body);
      }
      flash(request, 'The supervision session has been recorded, with case supervision on the record of each child discussed. You and the supervisee each sign it next.', 'Session recorded');
      return reply.redirect(`/supervision/sessions/${id}`);
    },
  });

  // A session's page: signatures, amendments and an observation.
  const sessionPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await supervision.session(contextOf(request), sessionOf(request));
    return { pageTitle: `Supervision session: ${view.member.displayName}`, ...view, labels, ...choices, ...extra };
  };
  const sessionTemplate = 'supervision/views/session.njk';
  addRoute(app, { method: 'GET', url: '/supervision/sessions/:id', permission: 'supervision:read', audit: 'supervision.viewed', handler: async (request, reply) => reply.page(sessionTemplate, await sessionPage(request)) });
  const ctx = contextOf;
  const whose = async (r: FastifyRequest) => (await supervision.sessionOf(sessionOf(r))).userId;
  const sessionSteps: PageStep[] = [
    { url: '/supervision/sessions/:id/sign', permission: 'supervision:read', audit: 'supervision.signed', form: 'sign', title: 'Signed', run: async (r) => (await supervision.sign(ctx(r), await whose(r), { kind: 'session', id: sessionOf(r) }), 'You have signed the supervision record.') },
    { url: '/supervision/sessions/:id/amendments', permission: 'supervision:read', audit: 'supervision.amended', form: 'amend', title: 'Amendment recorded', run: async (r, b) => (await supervision.amend(ctx(r), sessionOf(r), b), 'The amendment has been recorded with its reason. You and the other party each sign it.') },
    {
      url: '/supervision/sessions/:id/amendments/:amendmentId/sign',
      permission: 'supervision:read',
      audit: 'supervision.signed',
      form: 'signAmendment',
      title: 'Signed',
      run: async (r) => (await supervision.sign(ctx(r), await whose(r), { kind: 'amendment', id: uuid(r, 'amendmentId', 'The amendment') }), 'You have signed the amendment.'),
    },
    { url: '/supervision/sessions/:id/observations', permission: 'supervision:audit', audit: 'supervision.observed', form: 'observe', title: 'Observation recorded', run: async (r, b) => (await supervision.observe(ctx(r), await whose(r), sessionOf(r), b), 'Your observation and feedback have been recorded.') },
  ];
  addPageSteps(app, { template: sessionTemplate, page: sessionPage, back: (r) => `/supervision/sessions/${sessionOf(r)}` }, sessionSteps);
}
