import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fullName } from '../../domain/people/personDetails';
import { addPageSteps, type PageStep } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';
import { caseNoteLabels } from './caseRecordSchemas';

const template = 'caseRecord/views/caseRecord.njk';

/**
 * The case record's pages (issue 4; practice-standards.txt, Section 5): case notes, significant
 * events, the case summary, supervision and oversight on one page; the chronology on its own.
 */
export function caseRecordRoutes(app: FastifyInstance, services: Services) {
  const { caseRecord } = services;

  async function page(request: FastifyRequest, extra: Record<string, unknown> = {}) {
    const view = await caseRecord.view(contextOf(request), idParam(request));
    return { pageTitle: `Case record: ${fullName(view.record.details)}`, name: fullName(view.record.details), ...view, noteTypes: Object.entries(caseNoteLabels).map(([value, text]) => ({ value, text })), noteLabels: caseNoteLabels, ...extra };
  }

  addRoute(app, {
    method: 'GET',
    url: '/people/:id/case-record',
    permission: 'child:read',
    audit: 'child.viewed',
    handler: async (request, reply) => reply.page(template, await page(request)),
  });

  addRoute(app, {
    method: 'GET',
    url: '/people/:id/chronology',
    permission: 'child:read',
    audit: 'child.viewed',
    handler: async (request, reply) => reply.page('caseRecord/views/chronology.njk', await page(request)),
  });

  const step = (url: string, audit: string, form: string, done: string, run: (request: FastifyRequest, body: Record<string, unknown>) => Promise<unknown>): PageStep => ({
    url,
    permission: 'work:record',
    audit,
    form,
    run: async (request, body) => {
      await run(request, body);
      return done;
    },
  });
  addPageSteps(app, { template, page, back: (request) => `/people/${idParam(request)}/case-record`, dateFields: ['occurredOn'] }, [
    step('/people/:id/case-record/notes', 'child.case_note_recorded', 'note', 'The case note has been recorded.', (r, b) => caseRecord.recordNote(contextOf(r), idParam(r), b, whenOf(b))),
    step('/people/:id/case-record/significant-events', 'child.case_note_recorded', 'significant', 'The significant event has been added to the chronology.', (r, b) => caseRecord.recordSignificantEvent(contextOf(r), idParam(r), b, whenOf(b))),
    step('/people/:id/case-record/summary', 'child.case_summary_updated', 'summary', 'The case summary has been updated.', (r, b) => caseRecord.updateSummary(contextOf(r), idParam(r), b)),
    step('/people/:id/case-record/chronology-reviewed', 'child.chronology_reviewed', 'chronology', 'The chronology has been recorded as reviewed and up to date.', (r) => caseRecord.reviewChronology(contextOf(r), idParam(r))),
    step('/people/:id/case-record/supervision', 'child.supervision_recorded', 'supervision', 'The case supervision has been recorded. The worker signs it next.', (r, b) => caseRecord.recordSupervision(contextOf(r), idParam(r), b, whenOf(b))),
    step('/people/:id/case-record/supervision/:entry/sign', 'child.supervision_signed', 'sign', 'You have signed the supervision record.', (r) => caseRecord.signSupervision(contextOf(r), idParam(r), idParam(r, 'entry'))),
    step('/people/:id/case-record/oversight', 'child.oversight_recorded', 'oversight', 'The management oversight has been recorded.', (r, b) => caseRecord.recordOversight(contextOf(r), idParam(r), b)),
  ]);
}
