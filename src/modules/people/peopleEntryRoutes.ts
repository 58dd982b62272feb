import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fullName } from '../../domain/people/personDetails';
import type { Services } from '../../services';
import { describeEvent } from './describeEvent';
import { idParam } from './peopleForms';
import { addressSchema, endSchema, relationshipSchema, warningSchema } from './peopleSchemas';
import { recordForm } from './recordForm';
import { requiredText } from '../../platform/validation';
import { ValidationError } from '../../platform/errors';

/** Forms that add to a record's dated entries, end them, or mark one as recorded in error. */
export function peopleEntryRoutes(app: FastifyInstance, services: Services) {
  const { people } = services;

  recordForm(app, services, {
    url: '/people/:id/addresses/new',
    permission: 'child:correct',
    audit: 'child.address_recorded',
    template: 'people/views/address.njk',
    title: (r) => `Record a new address: ${fullName(r.details)}`,
    dates: [{ name: 'startDate', label: 'Date they started living here', required: true }],
    schema: addressSchema,
    save: (context, id, input) => people.recordAddress(context, id, input),
    done: () => 'The new address has been recorded. The previous address is kept in the address history.',
  });

  recordForm(app, services, {
    url: '/people/:id/warnings/new',
    permission: 'child:correct',
    audit: 'child.warning_recorded',
    template: 'people/views/warning.njk',
    title: (r) => `Add a warning: ${fullName(r.details)}`,
    dates: [{ name: 'startDate', label: 'Date the warning applies from', required: true }],
    schema: warningSchema,
    save: (context, id, input) => people.recordWarning(context, id, input),
    done: () => 'The warning has been added.',
  });

  for (const kind of ['warnings', 'relationships'] as const) {
    recordForm(app, services, {
      url: `/people/:id/${kind}/:entryId/end`,
      permission: 'child:correct',
      audit: kind === 'warnings' ? 'child.warning_ended' : 'child.relationship_ended',
      template: 'people/views/endEntry.njk',
      title: (r) => `End a ${kind === 'warnings' ? 'warning' : 'relationship'}: ${fullName(r.details)}`,
      dates: [{ name: 'endDate', label: 'End date', required: true }],
      schema: endSchema,
      extra: async (request, record, context) => {
        const entry = await people.entryEvent(context, record.id, idParam(request, 'entryId'));
        return { entry: describeEvent(entry, await people.namesFor(context, [entry])), what: kind === 'warnings' ? 'warning' : 'relationship' };
      },
      save: (context, id, input, request) =>
        kind === 'warnings'
          ? people.endWarning(context, id, idParam(request, 'entryId'), input)
          : people.endRelationship(context, id, idParam(request, 'entryId'), input),
      done: () => `The ${kind === 'warnings' ? 'warning' : 'relationship'} has been ended.`,
    });
  }

  recordForm(app, services, {
    url: '/people/:id/relationships/new',
    permission: 'child:correct',
    audit: 'child.relationship_recorded',
    template: 'people/views/relationship.njk',
    title: (r) => `Add a relationship: ${fullName(r.details)}`,
    dates: [{ name: 'startDate', label: 'Date the relationship started', required: true }],
    schema: relationshipSchema,
    extra: async (request, record, context) => {
      const query = request.query as Record<string, unknown>;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const raw = query.q ?? body.q;
      const q = typeof raw === 'string' ? raw.trim() : '';
      if (!q) return { q, candidates: null };
      if (q.length > 100) return { q, candidates: null, searchProblem: { text: 'Search must be 100 characters or fewer' } };
      try {
        const found = await people.search(context, { q, page: 1, pageSize: 15, dateOfBirth: null, kind: null });
        return { q, candidates: found.records.filter((p) => p.id !== record.id) };
      } catch (error) {
        if (error instanceof ValidationError) return { q, candidates: null, searchProblem: { text: error.problems[0]?.message } };
        throw error;
      }
    },
    save: (context, id, input) => people.recordRelationship(context, id, input),
    done: () => 'The relationship has been recorded.',
  });

  recordForm(app, services, {
    url: '/people/:id/in-error/:entryId',
    permission: 'child:correct',
    audit: 'child.entry_recorded_in_error',
    template: 'people/views/inError.njk',
    title: (r) => `Mark an entry as recorded in error: ${fullName(r.details)}`,
    schema: z.object({ reason: requiredText('Enter why the entry was recorded in error', 500, 'Reason') }),
    extra: async (request, record, context) => {
      const entry = await people.entryEvent(context, record.id, idParam(request, 'entryId'));
      return { entry: describeEvent(entry, await people.namesFor(context, [entry])) };
    },
    save: (context, id, input, request) => people.markInError(context, id, { eventId: idParam(request, 'entryId'), reason: input.reason }),
    done: () => 'The entry has been marked as recorded in error. It no longer shows on the record; the history keeps it, with your reason.',
  });
}
