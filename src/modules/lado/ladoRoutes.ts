import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { categories, investigations, outcomes, regulators, sectors, sources, textOf } from '../../domain/lado/allegation';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { errorView, formBody } from '../../platform/http/forms';
import { addPageSteps, type PageStep } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import { flash } from '../../platform/views/setUpViews';
import type { Services } from '../../services';
import { stateLabels } from '../standards/obligationViews';
import { yearSchema } from './ladoSchemas';

const choices = { categories, sources, sectors, outcomes, investigations, regulators, stateLabels };
const dateFields = ['receivedOn', 'awareOn', 'reviewOn', 'enquiryOn', 'respondedOn', 'meetingOn', 'notesOn', 'reviewHeldOn', 'concludedOn'] as const;
const uuid = (request: FastifyRequest, name: string, what: string) => {
  const value = String((request.params as Record<string, unknown>)[name] ?? '');
  if (!z.uuid().safeParse(value).success) throw new NotFoundError(what);
  return value;
};
const personOf = (r: FastifyRequest) => uuid(r, 'id', 'The record');
const allegationOf = (r: FastifyRequest) => uuid(r, 'allegationId', 'The allegation');
/** Labels for the pages, from the lists the forms use. */
const labels = (list: readonly { value: string; text: string }[]) => Object.fromEntries(list.map((c) => [c.value, c.text]));
const allLabels = { category: labels(categories), source: labels(sources), sector: labels(sectors), outcome: labels(outcomes), investigation: labels(investigations), regulator: labels(regulators) };

/**
 * The LADO's pages (practice-standards.txt, Section 4: Managing Allegations 80-88; issue 11): the
 * worklist, recording an allegation, an allegation's page with its forms, one adult's allegations,
 * and the annual report. Read with allegation:read (the LADO team, auditors), recorded with allegation:record.
 */
export function ladoRoutes(app: FastifyInstance, services: Services) {
  const { lado } = services;
  const audit = 'allegation.recorded';

  addRoute(app, {
    method: 'GET',
    url: '/allegations',
    permission: 'allegation:read',
    audit: 'allegation.list_viewed',
    handler: async (request, reply) => reply.page('lado/views/allegations.njk', { pageTitle: 'Allegations', ...(await lado.worklist(contextOf(request))), labels: allLabels, stateLabels }),
  });

  addRoute(app, {
    method: 'GET',
    url: '/allegations/report',
    permission: 'allegation:read',
    audit: 'allegation.report_viewed',
    handler: async (request, reply) => {
      const typed = (request.query as Record<string, unknown> | undefined)?.year;
      const year = typed === undefined || typed === '' ? undefined : yearSchema.safeParse(typed);
      if (year && !year.success) throw new NotFoundError('The report for that year');
      const view = await lado.report(contextOf(request), year?.data);
      return reply.page('lado/views/report.njk', { pageTitle: `LADO annual report: ${view.report.year.label}`, ...view });
    },
  });

  const newPage = async (request: FastifyRequest, extra: Record<string, unknown>) => {
    const hearthId = (request.query as Record<string, unknown> | undefined)?.hearthId;
    return { pageTitle: 'Record an allegation', ...choices, formValues: { adultHearthId: typeof hearthId === 'string' ? hearthId : '' }, ...extra };
  };
  addRoute(app, { method: 'GET', url: '/allegations/new', permission: 'allegation:record', audit: 'none', handler: async (request, reply) => reply.page('lado/views/newAllegation.njk', await newPage(request, {})) });
  addRoute(app, {
    method: 'POST',
    url: '/allegations/new',
    permission: 'allegation:record',
    audit,
    handler: async (request, reply) => {
      const body = formBody(request.body);
      try {
        const { personId, allegationId, adultName, adultHearthId } = await lado.record(contextOf(request), body);
        // The adult's name, to confirm the Hearth ID typed was the right person; if not, mark it as recorded in error.
        flash(request, `The allegation has been recorded about ${adultName} (Hearth ID ${adultHearthId}). If that is the wrong person, mark it as recorded in error below.`, 'Allegation recorded');
        return reply.redirect(`/people/${personId}/allegations/${allegationId}`);
      } catch (error) {
        if (error instanceof ValidationError) return reply.code(400).page('lado/views/newAllegation.njk', await newPage(request, { formValues: body, ...errorView(error.problems, dateFields) }));
        throw error;
      }
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/people/:id/allegations',
    permission: 'allegation:read',
    audit: 'allegation.viewed',
    handler: async (request, reply) => {
      const view = await lado.ofPerson(contextOf(request), personOf(request));
      return reply.page('lado/views/personAllegations.njk', { pageTitle: `Allegations: ${view.person.name}`, ...view, labels: allLabels });
    },
  });

  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await lado.view(contextOf(request), personOf(request), allegationOf(request));
    return { pageTitle: `Allegation: ${view.person.name}`, ...view, ...choices, labels: allLabels, textOf, ...extra };
  };
  const template = 'lado/views/allegation.njk';
  addRoute(app, { method: 'GET', url: '/people/:id/allegations/:allegationId', permission: 'allegation:read', audit: 'allegation.viewed', handler: async (request, reply) => reply.page(template, await page(request)) });

  const ctx = contextOf;
  const base = '/people/:id/allegations/:allegationId';
  const steps: PageStep[] = [
    { url: `${base}/enquiries`, permission: 'allegation:record', audit, form: 'enquiry', title: 'Enquiry recorded', run: async (r, b) => (await lado.enquiry(ctx(r), personOf(r), allegationOf(r), b), 'The enquiry has been recorded: respond within 1 working day.') },
    {
      url: `${base}/enquiries/:enquiryId/response`,
      permission: 'allegation:record',
      audit,
      form: 'response',
      title: 'Response recorded',
      run: async (r, b) => (await lado.respond(ctx(r), personOf(r), allegationOf(r), uuid(r, 'enquiryId', 'The enquiry'), b), 'The response to the enquiry has been recorded.'),
    },
    { url: `${base}/strategy-meeting`, permission: 'allegation:record', audit, form: 'meeting', title: 'Strategy meeting recorded', run: async (r, b) => (await lado.strategyMeeting(ctx(r), personOf(r), allegationOf(r), b), 'The strategy meeting has been recorded: distribute its notes within 2 working days.') },
    { url: `${base}/notes`, permission: 'allegation:record', audit, form: 'notes', title: 'Notes distributed', run: async (r, b) => (await lado.notesDistributed(ctx(r), personOf(r), allegationOf(r), b), 'The notes have been recorded as distributed.') },
    { url: `${base}/reviews`, permission: 'allegation:record', audit, form: 'review', title: 'Review recorded', run: async (r, b) => (await lado.review(ctx(r), personOf(r), allegationOf(r), b), 'The review has been recorded.') },
    { url: `${base}/outcome`, permission: 'allegation:record', audit, form: 'outcome', title: 'Outcome recorded', run: async (r, b) => (await lado.outcome(ctx(r), personOf(r), allegationOf(r), b), 'The outcome has been recorded and the allegation is concluded.') },
    { url: `${base}/recorded-in-error`, permission: 'allegation:record', audit, form: 'inError', title: 'Marked as recorded in error', run: async (r, b) => (await lado.recordedInError(ctx(r), personOf(r), allegationOf(r), b), 'The allegation has been marked as recorded in error: it is off the worklist and the annual report, and its timescales have ended.') },
    { url: `${base}/notes-added`, permission: 'allegation:record', audit, form: 'note', title: 'Note added', run: async (r, b) => (await lado.note(ctx(r), personOf(r), allegationOf(r), b), 'The note has been added.') },
  ];
  addPageSteps(app, { template, page, back: (r) => `/people/${personOf(r)}/allegations/${allegationOf(r)}`, dateFields }, steps);
}
