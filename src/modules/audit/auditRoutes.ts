import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorView } from '../../platform/http/forms';
import { addRoute, contextOf } from '../../platform/http/routes';
import { optionalText, problemsOf, readDateInput } from '../../platform/validation';
import type { Services } from '../../services';
import { auditActionLabels } from './auditActions';

const querySchema = z.object({
  hearthId: z.union([z.literal(''), z.string().trim().regex(/^\d{1,9}$/, 'Hearth ID must be a number, like 100123')]).optional(),
  username: optionalText(50, 'Username'),
  page: z.coerce.number({ error: 'Page must be a number' }).int('Page must be a whole number').min(1, 'Page must be 1 or more').max(10_000, 'Page must be 10,000 or less').default(1),
});

export function auditRoutes(app: FastifyInstance, services: Services) {
  addRoute(app, {
    method: 'GET',
    url: '/audit',
    permission: 'audit:read',
    audit: 'audit.searched',
    handler: async (request, reply) => {
      const query = request.query as Record<string, string>;
      const from = readDateInput(query, 'from', 'From date', false);
      const to = readDateInput(query, 'to', 'To date', false);
      const parsed = querySchema.safeParse(query);
      const problems = [...(from.problem ? [from.problem] : []), ...(to.problem ? [to.problem] : []), ...(parsed.success ? [] : problemsOf(parsed.error))];
      if (from.value && to.value && from.value > to.value) problems.push({ field: 'to-day', message: 'To date must be the same as or after the from date' });
      const page = { pageTitle: 'Audit log', query };
      const searched = Object.values(query).some((v) => v);
      if (!searched) return reply.page('audit/views/audit.njk', page);
      if (problems.length > 0 || !parsed.success) return reply.code(400).page('audit/views/audit.njk', { ...page, ...errorView(problems, ['from', 'to']) });

      let personId: string | null = null;
      let person = null;
      if (parsed.data.hearthId) {
        person = await services.people.identity(Number(parsed.data.hearthId));
        if (!person) {
          return reply.code(400).page('audit/views/audit.njk', { ...page, ...errorView([{ field: 'hearthId', message: `No one has Hearth ID ${parsed.data.hearthId}` }]) });
        }
        personId = person.id;
      }
      const result = await services.audit.search(contextOf(request), {
        personId,
        username: parsed.data.username,
        from: from.value,
        to: to.value,
        page: parsed.data.page,
      });
      const names = await services.people.identities([...new Set(result.rows.map((r) => r.personId).filter((id): id is string => Boolean(id)))]);
      const base = new URLSearchParams(Object.entries(query).filter(([k]) => k !== 'page')).toString();
      return reply.page('audit/views/audit.njk', { ...page, result, names, person, actionLabels: auditActionLabels, pageBase: `/audit?${base}&page=` });
    },
  });
}
