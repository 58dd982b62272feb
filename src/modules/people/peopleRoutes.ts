import type { FastifyInstance, FastifyReply } from 'fastify';
import type { PersonKind } from '../../domain/people/codes';
import { fieldsForKind, fullName, type Problem } from '../../domain/people/personDetails';
import { ValidationError } from '../../platform/errors';
import { errorView } from '../../platform/http/forms';
import { addRoute, contextOf } from '../../platform/http/routes';
import { parseCursor } from '../../platform/events/eventStore';
import { flash } from '../../platform/views/setUpViews';
import { readDateInput } from '../../platform/validation';
import type { Services } from '../../services';
import { peopleEntryRoutes } from './peopleEntryRoutes';
import { peopleAccessRoutes } from './peopleAccessRoutes';
import { detailValues, idParam, parseWith, personDateFields, personDates, withDates } from './peopleForms';
import { searchSchema } from './peopleSchemas';
import { describeEvent } from './describeEvent';
import { obligationItems } from '../standards/obligationViews';

const kinds: PersonKind[] = ['child', 'adult', 'professional'];

/**
 * Where to go back to after adding someone from another form (a contact's draft: "find existing
 * people first, create if new"). Only Hearth's own draft pages: never a link to somewhere else.
 */
function returnToOf(value: unknown): string | null {
  return typeof value === 'string' && /^\/front-door\/drafts\/[0-9a-f-]{36}$/.test(value) ? value : null;
}

function kindOf(value: unknown): PersonKind | null {
  return kinds.includes(value as PersonKind) ? (value as PersonKind) : null;
}

/** Re-renders a form with the GOV.UK error summary; nothing was saved. */
function formAgain(reply: FastifyReply, template: string, data: Record<string, unknown>, problems: Problem[]) {
  return reply.code(400).page(template, { ...data, ...errorView(problems, personDateFields) });
}

export function peopleRoutes(app: FastifyInstance, services: Services) {
  const { people } = services;

  addRoute(app, {
    method: 'GET',
    url: '/people',
    permission: 'child:search',
    audit: 'child.searched',
    handler: async (request, reply) => {
      const query = request.query as Record<string, string>;
      const dob = readDateInput(query, 'dateOfBirth', 'Date of birth', false);
      const searched = Boolean(query.q || dob.value || query['dateOfBirth-year']);
      const form = { q: query.q ?? '', kind: query.kind ?? '', dateOfBirth: { day: query['dateOfBirth-day'], month: query['dateOfBirth-month'], year: query['dateOfBirth-year'] } };
      const parsed = parseWith(searchSchema, { q: query.q, kind: query.kind, page: query.page, dateOfBirth: dob.value }, dob.problem ? [dob.problem] : []);
      if (!searched) return reply.page('people/views/search.njk', { pageTitle: 'Find a person', form });
      if (!parsed.data) return formAgain(reply, 'people/views/search.njk', { pageTitle: 'Find a person', form }, parsed.problems);
      let results;
      try {
        results = await people.search(contextOf(request), parsed.data);
      } catch (error) {
        if (error instanceof ValidationError) return formAgain(reply, 'people/views/search.njk', { pageTitle: 'Find a person', form }, error.problems);
        throw error;
      }
      const base = new URLSearchParams(Object.entries(query).filter(([k]) => k !== 'page'));
      return reply.page('people/views/search.njk', { pageTitle: 'Find a person', form, results, pageBase: `/people?${base.toString()}&page=` });
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/people/new',
    permission: 'child:create',
    audit: 'none',
    handler: (request, reply) => {
      const kind = kindOf((request.query as Record<string, string>).kind);
      if (!kind) return reply.page('people/views/chooseKind.njk', { pageTitle: 'Add a person' });
      const returnTo = returnToOf((request.query as Record<string, string>).returnTo);
      return reply.page('people/views/new.njk', { pageTitle: `Add a ${kind === 'child' ? 'child' : kind}`, kind, returnTo, fields: fieldsForKind[kind], values: { uasc: false, disabilities: [] } });
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/people/new',
    permission: 'child:create',
    audit: 'child.registered',
    handler: async (request, reply) => {
      const { body, values, problems } = withDates(request, personDates);
      const kind = kindOf(body.kind);
      if (!kind) return reply.code(400).page('people/views/chooseKind.njk', { pageTitle: 'Add a person', ...errorView([{ field: 'kind', message: 'Select who you are adding' }]) });
      // The address is optional; once any of it is given, its start date is needed too.
      const hasAddress = ['line1', 'line2', 'town', 'postcode'].some((f) => String(body[f] ?? '').trim() !== '');
      const moved = readDateInput(body, 'startDate', 'Date they started living here', hasAddress);
      if (moved.problem) problems.push({ ...moved.problem, field: `address.${moved.problem.field}` });
      values.startDate = moved.value;
      const input = {
        kind,
        ...detailValues(values, kind),
        address: hasAddress ? { line1: body.line1, line2: body.line2, town: body.town, postcode: body.postcode, startDate: moved.value } : null,
        confirmNotDuplicate: body.confirmNotDuplicate,
      };
      const returnTo = returnToOf(body.returnTo);
      const page = { pageTitle: `Add a ${kind}`, kind, returnTo, fields: fieldsForKind[kind], values: { ...values, disabilities: [body.disabilities ?? []].flat() } };
      try {
        const result = await people.register(contextOf(request), input, problems);
        if (result.outcome === 'possible-duplicates') {
          return reply.code(409).page('people/views/new.njk', { ...page, duplicates: result.duplicates });
        }
        flash(request, `${fullName(result.record.details)} has been added with Hearth ID ${result.record.hearthId}`, 'Person added');
        return reply.redirect(returnTo ? `${returnTo}?added=${result.record.id}` : `/people/${result.record.id}`);
      } catch (error) {
        if (error instanceof ValidationError) return formAgain(reply, 'people/views/new.njk', page, error.problems.map((p) => ({ ...p, field: p.field.replace(/^address\./, '') })));
        throw error;
      }
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/people/:id',
    permission: 'child:read',
    audit: 'child.viewed',
    handler: async (request, reply) => {
      const sheet = await people.frontSheet(contextOf(request), idParam(request));
      const nameOf = await people.namesFor(contextOf(request), sheet.recent);
      const recent = sheet.recent.map((e) => ({ event: e, description: describeEvent(e, nameOf) }));
      const names = new Map([[sheet.record.id, { name: fullName(sheet.record.details), hearthId: sheet.record.hearthId }]]);
      const standards = obligationItems(await services.standards.forPerson(sheet.record.id, contextOf(request).actor), names, () => sheet.may.recordWork);
      return reply.page('people/views/frontSheet.njk', {
        pageTitle: fullName(sheet.record.details),
        sheet,
        recent,
        openStandards: standards.filter((o) => o.state === 'overdue' || o.state === 'due'),
        doneStandards: standards.filter((o) => o.state === 'met' || o.state === 'met_late').reverse().slice(0, 20),
      });
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/people/:id/history',
    permission: 'child:read',
    audit: 'child.history_viewed',
    handler: async (request, reply) => {
      const before = parseCursor((request.query as Record<string, string>).before);
      const history = await people.history(contextOf(request), idParam(request), before);
      const nameOf = await people.namesFor(contextOf(request), history.events);
      const events = history.events.map((e) => ({ event: e, description: describeEvent(e, nameOf), inError: history.inError.get(e.id) ?? null }));
      return reply.page('people/views/history.njk', { pageTitle: `History: ${fullName(history.record.details)}`, record: history.record, events, nextBefore: history.nextBefore });
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/people/:id/correct',
    permission: 'child:correct',
    audit: 'child.viewed',
    handler: async (request, reply) => {
      const record = await people.record(contextOf(request), idParam(request));
      return reply.page('people/views/correct.njk', { pageTitle: `Correct details: ${fullName(record.details)}`, record, kind: record.kind, fields: fieldsForKind[record.kind], values: record.details });
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/people/:id/correct',
    permission: 'child:correct',
    audit: 'child.corrected',
    handler: async (request, reply) => {
      const id = idParam(request);
      const context = contextOf(request);
      const record = await people.record(context, id);
      const { body, values, problems } = withDates(request, personDates);
      const page = { pageTitle: `Correct details: ${fullName(record.details)}`, record, kind: record.kind, fields: fieldsForKind[record.kind], values: { ...values, disabilities: [body.disabilities ?? []].flat(), reason: body.reason } };
      const unprefixed = (list: Problem[]) => list.map((p) => ({ ...p, field: p.field.replace(/^changes\./, '') }));
      try {
        await people.correct(context, id, { changes: detailValues(values, record.kind), reason: body.reason }, problems);
      } catch (error) {
        if (error instanceof ValidationError) return formAgain(reply, 'people/views/correct.njk', page, unprefixed(error.problems));
        throw error;
      }
      flash(request, 'The correction has been recorded. The previous values are kept in the history.', 'Details corrected');
      return reply.redirect(`/people/${id}`);
    },
  });

  peopleEntryRoutes(app, services);
  peopleAccessRoutes(app, services);
}
