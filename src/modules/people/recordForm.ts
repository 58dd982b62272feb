import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Permission } from '../../domain/access/permissions';
import { fullName } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ValidationError } from '../../platform/errors';
import { errorView } from '../../platform/http/forms';
import { addRoute, contextOf } from '../../platform/http/routes';
import { flash } from '../../platform/views/setUpViews';
import type { Services } from '../../services';
import type { PersonRecord } from './peopleRepository';
import { idParam, parseWith, personDateFields, withDates } from './peopleForms';

export interface RecordFormSpec<S extends z.ZodType> {
  /** The form's path, under a record: '/people/:id/warnings/new'. */
  url: string;
  permission: Permission;
  /** The audit action of saving it. */
  audit: string;
  template: string;
  title: (record: PersonRecord) => string;
  dates?: { name: string; label: string; required: boolean }[];
  schema: S;
  /** Extra things the page shows (a list to choose from, the entry being ended). */
  extra?: (request: FastifyRequest, record: PersonRecord, context: RequestContext) => Promise<Record<string, unknown>>;
  save: (context: RequestContext, personId: string, input: z.infer<S>, request: FastifyRequest) => Promise<unknown>;
  done: (record: PersonRecord) => string;
}

/**
 * A form about one record: GET shows it, POST validates and saves, or shows it again with the
 * GOV.UK error summary and nothing saved. Both halves declare their permission and audit action.
 */
export function recordForm<S extends z.ZodType>(app: FastifyInstance, services: Services, spec: RecordFormSpec<S>) {
  const show = async (request: FastifyRequest) => {
    const context = contextOf(request);
    const record = await services.people.record(context, idParam(request));
    const extra = spec.extra ? await spec.extra(request, record, context) : {};
    return { context, record, page: { pageTitle: spec.title(record), record, name: fullName(record.details), ...extra } };
  };

  addRoute(app, {
    method: 'GET',
    url: spec.url,
    permission: spec.permission,
    audit: 'child.viewed',
    handler: async (request, reply) => {
      const { page } = await show(request);
      return reply.page(spec.template, { ...page, values: request.query ?? {} });
    },
  });

  addRoute(app, {
    method: 'POST',
    url: spec.url,
    permission: spec.permission,
    audit: spec.audit,
    handler: async (request, reply) => {
      const { context, record, page } = await show(request);
      const { values, problems } = withDates(request, spec.dates ?? []);
      const again = (list: { field: string; message: string }[]) =>
        reply.code(400).page(spec.template, { ...page, values, ...errorView(list, personDateFields) });
      const parsed = parseWith(spec.schema, values, problems);
      if (!parsed.data) return again(parsed.problems);
      try {
        await spec.save(context, record.id, parsed.data, request);
      } catch (error) {
        if (error instanceof ValidationError) return again(error.problems);
        throw error;
      }
      flash(request, spec.done(record));
      return reply.redirect(`/people/${record.id}`);
    },
  });
}
