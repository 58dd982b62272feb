import { can } from '../../domain/access/can';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fullName, type Problem } from '../../domain/people/personDetails';
import { ValidationError } from '../../platform/errors';
import { errorView } from '../../platform/http/forms';
import { addRoute, contextOf } from '../../platform/http/routes';
import { formatDateTime } from '../../platform/views/filters';
import { flash } from '../../platform/views/setUpViews';
import type { Services } from '../../services';
import { eventTypeOf, isPracticeWork } from '../../standards/index';
import { idParam, withDates } from '../people/peopleForms';
import { dataField, presetAnswers, readWorkData, workFields, type WorkField } from './recordWorkSchemas';
import { workChoices, type MetStandard } from './recordWorkService';

const template = 'recordWork/views/recordWork.njk';

/** The form's questions in the order the page asks them, so the error summary follows the page. */
function inPageOrder(problems: readonly Problem[], fields: readonly WorkField[]): Problem[] {
  const order = ['type', 'occurredOn', 'occurredTime', ...fields.map((f) => dataField(f.name)), 'summary', 'lateReason'];
  const rank = (p: Problem) => {
    const index = order.indexOf(p.field.replace(/-(day|month|year)$/, ''));
    return index === -1 ? order.length : index;
  };
  return [...problems].sort((a, b) => rank(a) - rank(b));
}

/** What the flash says: what was recorded, and each standard it met, on time or late. */
function recordedMessage(title: string, at: Date, met: readonly MetStandard[]): string {
  const lines = [`${title} on ${formatDateTime(at)} has been recorded.`];
  for (const m of met) lines.push(m.late ? `It met the standard "${m.title}" late: it was due by ${m.due}.` : `It met the standard "${m.title}" on time.`);
  return lines.join(' ');
}

const definitionOf = (type: string) => (isPracticeWork(type) ? eventTypeOf(type) : undefined);

/**
 * Record work (issue 3: My work links each obligation "to the form that satisfies it"): what was
 * done, when, and the facts its event type carries. GET may come from a Record link with the
 * event type and the standard it meets; POST checks everything and shows every problem at once.
 */
export function recordWorkRoutes(app: FastifyInstance, services: Services) {
  const { people, recordWork } = services;

  /** The page, for someone who may record work on this record (refused and audited otherwise). */
  async function formPage(request: FastifyRequest, values: Record<string, unknown>, problems: readonly Problem[] = []) {
    const record = await people.record(contextOf(request), idParam(request), 'work:record');
    if (record.kind === 'professional') throw new ValidationError([{ field: 'type', message: "Practice work is recorded on the child's or adult's own record, not a professional's" }]);
    const type = typeof values.type === 'string' ? values.type : '';
    const definition = definitionOf(type);
    const fields = workFields(definition);
    const rule = recordWork.standardMet(values.rule, type);
    return {
      pageTitle: `Record work: ${fullName(record.details)}`,
      record,
      name: fullName(record.details),
      // Work only some may record (a conference's decision, by its chair) is offered only to them.
      choices: workChoices.filter((c) => { const needs = eventTypeOf(c.value)?.permission; return !needs || can(contextOf(request).actor, needs, record); }).map((c) => ({ ...c, selected: c.value === type })),
      shownFor: definition ? type : '',
      fields,
      meets: rule ? { id: rule.id, title: rule.title } : null,
      due: rule ? await recordWork.openObligation(record.id, rule.id) : null,
      values,
      ...errorView(inPageOrder(problems, fields), ['occurredOn']),
    };
  }

  addRoute(app, {
    method: 'GET',
    url: '/people/:id/work/new',
    permission: 'work:record',
    audit: 'child.viewed',
    handler: async (request, reply) => {
      const query = (request.query ?? {}) as Record<string, unknown>;
      const type = typeof query.type === 'string' ? query.type : '';
      const rule = recordWork.standardMet(query.rule, type);
      const values = { type, rule: rule?.id ?? '', ...presetAnswers(rule?.satisfiedBy.find((m) => m.type === type)?.where) };
      const unknown: Problem[] = type && !definitionOf(type) ? [{ field: 'type', message: 'Select what was done from the list' }] : [];
      return reply.code(unknown.length ? 400 : 200).page(template, await formPage(request, values, unknown));
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/people/:id/work/new',
    permission: 'work:record',
    audit: 'child.work_recorded',
    handler: async (request, reply) => {
      const personId = idParam(request);
      const { body, values, problems } = withDates(request, [{ name: 'occurredOn', label: 'Date it happened', required: true }]);
      const type = typeof body.type === 'string' ? body.type : '';
      const definition = definitionOf(type);
      const fields = workFields(definition);
      const read = readWorkData(fields, body);
      // Another kind of work was chosen than the page asked about: ask its own questions first.
      const changed: Problem[] =
        definition && body.shownFor !== type && fields[0] ? [{ field: dataField(fields[0].name), message: `Answer the questions about "${definition.title}", then save` }] : [];
      try {
        const { event, met } = await recordWork.record(
          contextOf(request),
          personId,
          { type, occurredOn: values.occurredOn as string | null, occurredTime: typeof body.occurredTime === 'string' ? body.occurredTime : '', data: read.data, summary: body.summary, lateReason: body.lateReason },
          [...problems, ...read.problems, ...changed],
        );
        flash(request, recordedMessage(definition?.title ?? type, event.occurredAt, met), 'Work recorded');
        return reply.redirect(`/people/${personId}`);
      } catch (error) {
        if (error instanceof ValidationError) return reply.code(400).page(template, await formPage(request, values, error.problems));
        throw error;
      }
    },
  });
}
