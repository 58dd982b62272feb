import type { FastifyInstance } from 'fastify';
import { rolesAllow } from '../../domain/access/can';
import { roleLabels } from '../../domain/access/roles';
import { intervalText, ordinal, timescaleText } from '../../domain/standards/describe';
import { policyDocuments, type EventMatch } from '../../domain/standards/rule';
import { ValidationError } from '../../platform/errors';
import { errorView, formBody } from '../../platform/http/forms';
import { addRoute, contextOf } from '../../platform/http/routes';
import { flash } from '../../platform/views/setUpViews';
import { mergeProblems, problemsOf, readDateInput } from '../../platform/validation';
import type { Services } from '../../services';
import { catalogueRules, episodesById, eventTypeOf, notModelled, ruleById } from '../../standards/index';
import { NotFoundError } from '../../platform/errors';
import { ruleInterval } from './standardsService';
import { overrideSchema } from './standardsSchemas';

const eventTitle = (match: EventMatch) => {
  const title = eventTypeOf(match.type)?.title ?? match.type;
  const where = Object.entries(match.where ?? {}).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(' or ') : String(v)}`);
  return where.length ? `${title} (${where.join(', ')})` : title;
};

/** The catalogue as people read it: every standard, its citation and words, and how Hearth counts it. */
export function catalogueRoutes(app: FastifyInstance, services: Services) {
  async function rulePage(ruleId: string, canManage: boolean, extra: Record<string, unknown> = {}) {
    const rule = ruleById(ruleId);
    if (!rule) throw new NotFoundError('The standard');
    const overrides = (await services.standards.overrides()).filter((o) => o.ruleId === rule.id);
    return {
      pageTitle: rule.title,
      rule,
      document: policyDocuments[rule.citation.document],
      timescale: timescaleText(rule),
      interval: ruleInterval(rule),
      intervalText,
      starts: [...rule.starts.map(eventTitle), ...(rule.occurrence ? [`only the ${ordinal(rule.occurrence)} in each episode`] : []), ...(rule.fromOccurrence ? [`from the ${ordinal(rule.fromOccurrence)} in each episode on`] : [])],
      satisfiedBy: rule.satisfiedByRecording ? ['Recording the event that started it'] : rule.satisfiedBy.map(eventTitle),
      cancelledBy: [...(rule.episode ? [`the end of ${episodesById.get(rule.episode)?.title.toLowerCase() ?? rule.episode}`] : []), ...(rule.cancelledBy ?? []).map(eventTitle)],
      responsible: roleLabels[rule.responsible],
      alternative: rule.alternativeTo ? ruleById(rule.alternativeTo) : null,
      overrides,
      canManage,
      values: {},
      ...extra,
    };
  }

  addRoute(app, {
    method: 'GET',
    url: '/standards',
    permission: 'authenticated',
    audit: 'none',
    handler: async (_request, reply) => {
      const overrides = await services.standards.overrides();
      const groups = new Map<string, { document: string; section: string; rules: unknown[] }>();
      for (const rule of catalogueRules) {
        const key = `${rule.citation.document}|${rule.citation.section}`;
        if (!groups.has(key)) groups.set(key, { document: policyDocuments[rule.citation.document], section: rule.citation.section, rules: [] });
        const changed = overrides.filter((o) => o.ruleId === rule.id).at(-1);
        groups.get(key)?.rules.push({ rule, timescale: timescaleText(rule), enabled: changed ? changed.enabled : (rule.enabled ?? true), changed: Boolean(changed) });
      }
      return reply.page('standards/views/catalogue.njk', { pageTitle: 'Practice standards', groups: [...groups.values()], notModelled, count: catalogueRules.length });
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/standards/:ruleId',
    permission: 'authenticated',
    audit: 'none',
    handler: async (request, reply) => {
      const { ruleId } = request.params as { ruleId: string };
      return reply.page('standards/views/standard.njk', await rulePage(ruleId, rolesAllow(contextOf(request).actor, 'standards:manage')));
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/standards/:ruleId/changes',
    permission: 'standards:manage',
    audit: 'standards.changed',
    handler: async (request, reply) => {
      const { ruleId } = request.params as { ruleId: string };
      const body = formBody(request.body);
      const date = readDateInput(body, 'effectiveFrom', 'The date the change takes effect', true);
      const parsed = overrideSchema.safeParse({ ...body, effectiveFrom: date.value ?? '' });
      const again = async (problems: { field: string; message: string }[]) =>
        reply.code(400).page('standards/views/standard.njk', { ...(await rulePage(ruleId, true)), values: body, ...errorView(problems, ['effectiveFrom']) });
      if (!parsed.success || date.problem) return again(mergeProblems(date.problem ? [date.problem] : [], parsed.success ? [] : problemsOf(parsed.error)));
      try {
        const { recomputed } = await services.standards.override(contextOf(request), {
          ruleId,
          effectiveFrom: parsed.data.effectiveFrom,
          enabled: parsed.data.enabled === 'yes',
          amount: parsed.data.amount,
          unit: parsed.data.unit,
          reason: parsed.data.reason,
        });
        flash(request, `The change is recorded and takes effect from ${parsed.data.effectiveFrom}. The obligations of ${recomputed} people were worked out again.`, 'Standard changed');
        return reply.redirect(`/standards/${ruleId}`);
      } catch (error) {
        if (error instanceof ValidationError) return again(error.problems);
        throw error;
      }
    },
  });
}
