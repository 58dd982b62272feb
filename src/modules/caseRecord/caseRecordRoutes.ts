import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fullName } from '../../domain/people/personDetails';
import { ValidationError } from '../../platform/errors';
import { errorView, formBody } from '../../platform/http/forms';
import { addRoute, contextOf } from '../../platform/http/routes';
import { flash } from '../../platform/views/setUpViews';
import { readDateInput } from '../../platform/validation';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';
import { caseNoteLabels } from './caseRecordSchemas';
import type { When } from './caseRecordService';

const template = 'caseRecord/views/caseRecord.njk';

/** When it happened, from the form's date boxes and time. */
function whenOf(body: Record<string, unknown>): When {
  const date = readDateInput(body, 'occurredOn', 'Date it happened', true);
  return { occurredOn: date.value, occurredTime: typeof body.occurredTime === 'string' ? body.occurredTime : '', problems: date.problem ? [date.problem] : [] };
}

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

  const steps: { url: string; audit: string; form: string; done: string; run: (request: FastifyRequest, body: Record<string, unknown>) => Promise<unknown> }[] = [
    { url: '/people/:id/case-record/notes', audit: 'child.case_note_recorded', form: 'note', done: 'The case note has been recorded.', run: (r, b) => caseRecord.recordNote(contextOf(r), idParam(r), b, whenOf(b)) },
    { url: '/people/:id/case-record/significant-events', audit: 'child.case_note_recorded', form: 'significant', done: 'The significant event has been added to the chronology.', run: (r, b) => caseRecord.recordSignificantEvent(contextOf(r), idParam(r), b, whenOf(b)) },
    { url: '/people/:id/case-record/summary', audit: 'child.case_summary_updated', form: 'summary', done: 'The case summary has been updated.', run: (r, b) => caseRecord.updateSummary(contextOf(r), idParam(r), b) },
    { url: '/people/:id/case-record/chronology-reviewed', audit: 'child.chronology_reviewed', form: 'chronology', done: 'The chronology has been recorded as reviewed and up to date.', run: (r) => caseRecord.reviewChronology(contextOf(r), idParam(r)) },
    { url: '/people/:id/case-record/supervision', audit: 'child.supervision_recorded', form: 'supervision', done: 'The case supervision has been recorded. The worker signs it next.', run: (r, b) => caseRecord.recordSupervision(contextOf(r), idParam(r), b, whenOf(b)) },
    { url: '/people/:id/case-record/supervision/:entry/sign', audit: 'child.supervision_signed', form: 'sign', done: 'You have signed the supervision record.', run: (r) => caseRecord.signSupervision(contextOf(r), idParam(r), idParam(r, 'entry')) },
    { url: '/people/:id/case-record/oversight', audit: 'child.oversight_recorded', form: 'oversight', done: 'The management oversight has been recorded.', run: (r, b) => caseRecord.recordOversight(contextOf(r), idParam(r), b) },
  ];
  for (const step of steps) {
    addRoute(app, {
      method: 'POST',
      url: step.url,
      permission: 'work:record',
      audit: step.audit,
      handler: async (request, reply) => {
        const body = formBody(request.body);
        try {
          await step.run(request, body);
        } catch (error) {
          if (error instanceof ValidationError) return reply.code(400).page(template, await page(request, { form: step.form, formValues: body, ...errorView(error.problems, ['occurredOn']) }));
          throw error;
        }
        flash(request, step.done, 'Saved');
        return reply.redirect(`/people/${idParam(request)}/case-record`);
      },
    });
  }
}
