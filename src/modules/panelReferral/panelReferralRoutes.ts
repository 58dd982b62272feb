import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '../../domain/access/permissions';
import { londonDate } from '../../domain/calendar/localDate';
import { ageOnDate, periodText, referralSections, signLabels, signOrder, totalPenceOf, type Referral, type ReferralContent } from '../../domain/panel/referral';
import { ValidationError } from '../../platform/errors';
import { errorView, formBody } from '../../platform/http/forms';
import { addRoute, contextOf } from '../../platform/http/routes';
import { flash } from '../../platform/views/setUpViews';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';
import { criterionChoices, criterionText, rowCounts } from './referralForm';
import { referralPdf } from './referralPdf';

const listTemplate = 'panelReferral/views/panelReferrals.njk';
const referralTemplate = 'panelReferral/views/panelReferral.njk';
const printTemplate = 'panelReferral/views/print.njk';
const audit = 'child.panel_referral_recorded';
const sectionText = Object.fromEntries(referralSections.map((s) => [s.key, s.text]));

/** A referral's content as the form's boxes: one value per field, rows numbered (`family-0-name`). */
export function formValuesOf(c: ReferralContent): Record<string, unknown> {
  const values: Record<string, unknown> = { ...c, weekly: c.weeklyPence === null ? '' : (c.weeklyPence / 100).toFixed(2), period: c.period ? String(c.period.amount) : '', periodUnit: c.period?.unit ?? 'weeks' };
  for (const list of ['children', 'family', 'network', 'scaling'] as const) {
    (c[list] as unknown as Record<string, unknown>[]).forEach((row, i) => {
      for (const [k, v] of Object.entries(row)) values[`${list}-${i}-${k}`] = v === null ? '' : String(v);
    });
  }
  return values;
}

/** How many rows each list shows: those filled and a few blank (the form works without JavaScript). */
const rowsFor = (c: ReferralContent) => Object.fromEntries(Object.entries(rowCounts).map(([k, n]) => [k, Math.max(n, (c[k as keyof typeof rowCounts] as unknown[]).length + 2)]));

/** Everything the print, the PDF and the page show of a referral: ages on the referral's date, labels in words. */
export function documentOf(content: ReferralContent, on: string, referral?: Referral) {
  const withAge = <P extends { dateOfBirth: string }>(p: P) => ({ ...p, age: ageOnDate(p.dateOfBirth, on) });
  const signatures = signOrder.map((as) => ({ as, label: signLabels[as], signature: referral?.signatures.find((s) => s.as === as) ?? null }));
  return { ...content, children: content.children.map(withAge), family: content.family.map(withAge), criterionText: criterionText(content.criterion), periodText: periodText(content.period), totalPence: totalPenceOf(content.weeklyPence, content.periodWeeks), signatures };
}

/** The child's referrals to the Resource and Care Panel (resource-and-care-panel-policy.txt I.9-I.13, Appendix A Part A). */
export function panelReferralRoutes(app: FastifyInstance, services: Services) {
  const { panelReferrals } = services;
  const shared = { criterionChoices, sectionText, signLabels };
  const listPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await panelReferrals.view(contextOf(request), idParam(request));
    return { pageTitle: `Resource and Care Panel referrals: ${view.name}`, ...view, ...shared, rows: rowsFor(view.prefill), formValues: formValuesOf(view.prefill), document: documentOf(view.prefill, view.today), ...extra };
  };
  const referralPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await panelReferrals.referral(contextOf(request), idParam(request), idParam(request, 'referralId'));
    return { pageTitle: `Referral to the Resource and Care Panel: ${view.name}`, ...view, ...shared, rows: rowsFor(view.referral.content), formValues: formValuesOf(view.referral.content), document: documentOf(view.referral.content, londonDate(view.referral.changedAt), view.referral), ...extra };
  };

  addRoute(app, { method: 'GET', url: '/people/:id/panel-referral', permission: 'child:read', audit: 'child.viewed', handler: async (request, reply) => reply.page(listTemplate, await listPage(request)) });
  addRoute(app, { method: 'GET', url: '/people/:id/panel-referral/:referralId', permission: 'child:read', audit: 'child.viewed', handler: async (request, reply) => reply.page(referralTemplate, await referralPage(request)) });

  /** A form posted: saved and back to the referral with a message, or the page again with its problems. */
  type Page = (request: FastifyRequest, extra?: Record<string, unknown>) => Promise<Record<string, unknown>>;
  const post = (url: string, permission: Permission, form: string, template: string, page: Page, run: (r: FastifyRequest, body: Record<string, unknown>) => Promise<{ to: string; message: string }>) =>
    addRoute(app, {
      method: 'POST', url, permission, audit,
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const body = formBody(request.body);
        try {
          const done = await run(request, body);
          flash(request, done.message, 'Saved');
          return reply.redirect(done.to);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          return reply.code(400).page(template, await page(request, { form, ...(form === 'referral' ? { formValues: body } : { stepValues: body }), ...errorView(error.problems, ['panelDate']) }));
        }
      },
    });
  const ctx = contextOf;
  const to = (r: FastifyRequest, referralId = idParam(r, 'referralId')) => `/people/${idParam(r)}/panel-referral/${referralId}`;
  post('/people/:id/panel-referral', 'work:record', 'referral', listTemplate, listPage, async (r, b) => {
    const referralId = await panelReferrals.make(ctx(r), idParam(r), b);
    return { to: to(r, referralId), message: 'The referral has been saved as a draft. Complete every section, then sign it as the worker.' };
  });
  post('/people/:id/panel-referral/:referralId/change', 'work:record', 'referral', referralTemplate, referralPage, async (r, b) => ({ to: to(r), message: await panelReferrals.change(ctx(r), idParam(r), idParam(r, 'referralId'), b) }));
  post('/people/:id/panel-referral/:referralId/sign', 'child:read', 'sign', referralTemplate, referralPage, async (r, b) => ({ to: to(r), message: await panelReferrals.sign(ctx(r), idParam(r), idParam(r, 'referralId'), b) }));
  post('/people/:id/panel-referral/:referralId/withdraw', 'child:read', 'withdraw', referralTemplate, referralPage, async (r, b) => ({ to: to(r), message: await panelReferrals.withdraw(ctx(r), idParam(r), idParam(r, 'referralId'), b) }));

  // The referral as the policy's form (Appendix A Part A), to print or as a PDF.
  addRoute(app, {
    method: 'GET', url: '/people/:id/panel-referral/:referralId/print', permission: 'child:read', audit: 'child.viewed',
    handler: async (request, reply) => {
      const view = await panelReferrals.referral(contextOf(request), idParam(request), idParam(request, 'referralId'));
      return reply.page(printTemplate, { pageTitle: `Resource and Care Panel Referral: ${view.name}`, ...view, ...shared, document: documentOf(view.referral.content, londonDate(view.referral.changedAt), view.referral) });
    },
  });
  addRoute(app, {
    method: 'GET', url: '/people/:id/panel-referral/:referralId/pdf', permission: 'child:read', audit: 'child.viewed',
    handler: async (request, reply) => {
      const view = await panelReferrals.referral(contextOf(request), idParam(request), idParam(request, 'referralId'));
      const pdf = await referralPdf(view.name, view.referral, documentOf(view.referral.content, londonDate(view.referral.changedAt), view.referral));
      const filename = `panel-referral-${view.record.hearthId}-${view.referral.panelDate}.pdf`;
      return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${filename}"`).send(pdf);
    },
  });
}
