import type { FastifyInstance, FastifyRequest } from 'fastify';
import { annexACsv, annexAWorkbook } from '../../domain/returns/annexA/annexAWorkbook';
import { collectionPeriod, collectionYearOf } from '../../domain/returns/collectionYear';
import { ssda903Columns, type Ssda903TableName } from '../../domain/returns/ssda903/ssda903Types';
import { londonDate } from '../../domain/calendar/localDate';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { errorView, formBody } from '../../platform/http/forms';
import { addRoute, contextOf } from '../../platform/http/routes';
import { sendDownload } from '../../platform/http/sendDownload';
import { readDateInput } from '../../platform/validation';
import type { Problem } from '../../domain/people/personDetails';
import type { Services } from '../../services';
import { reportCsv } from './returnsReport';
import { idParam } from '../people/peopleForms';
import type { BuiltReturns } from './returnsService';

const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, string | undefined>;
const tables = Object.keys(ssda903Columns) as Ssda903TableName[];

/**
 * The statutory returns' pages (issue 10): the performance team's page to check and download the
 * CIN census, the SSDA903 tables and Annex A; the data quality page a manager reads for a team;
 * and each child's own list of what the DfE's rules say of their record.
 */
export function returnsRoutes(app: FastifyInstance, services: Services) {
  const { returns, clock } = services;
  // The returns are built from every child's record: the downloads of one check reuse it for a few minutes rather than reading every record again for each file.
  const kept = new Map<number, { at: number; built: BuiltReturns }>();
  const keepFor = 5 * 60_000;
  async function built(context: RequestContext, year: unknown, fresh = false, file = 'page'): Promise<BuiltReturns> {
    const y = returns.yearOf(year);
    const hit = kept.get(y);
    if (hit && !fresh && clock.now().getTime() - hit.at < keepFor) {
      // Served from what was built a few minutes ago: still a read of every child's record by this reader.
      await audit.record(services.db, context, { action: 'returns.produced', details: { year: y, file, builtAt: new Date(hit.at).toISOString() } });
      return hit.built;
    }
    const made = await returns.build(context, { year: y });
    kept.set(y, { at: clock.now().getTime(), built: made });
    return made;
  }
  const latestYear = () => collectionYearOf(londonDate(clock.now()));
  const years = () => Array.from({ length: 6 }, (_, i) => latestYear() - i);

  const returnsPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => ({
    pageTitle: 'Statutory returns',
    years: years(),
    laCode: await returns.laCode(),
    ...extra,
  });

  addRoute(app, {
    method: 'GET',
    url: '/returns',
    permission: 'returns:export',
    audit: 'returns.produced',
    handler: async (request, reply) => {
      const q = queryOf(request);
      if (!q.year) return reply.page('returns/views/returns.njk', await returnsPage(request, { chosenYear: latestYear(), period: collectionPeriod(latestYear()) }));
      try {
        const b = await built(contextOf(request), q.year, q.fresh === 'yes');
        const count = (which: string, severity: string) => b.failures.filter((f) => f.return === which && f.severity === severity).length;
        const byRule = new Map<string, { code: string; return: string; message: string; severity: string; count: number }>();
        for (const f of b.failures) {
          const key = `${f.return}|${f.code}`;
          byRule.set(key, { code: f.code, return: f.return, message: f.message, severity: f.severity, count: (byRule.get(key)?.count ?? 0) + 1 });
        }
        return reply.page('returns/views/returns.njk', await returnsPage(request, {
          chosenYear: b.year,
          period: collectionPeriod(b.year),
          built: {
            children: b.children,
            cinChildren: b.cin?.children.length ?? 0,
            lookedAfter: b.ssda903?.header.length ?? 0,
            tables: tables.map((t) => ({ name: t, rows: b.ssda903?.[t].length ?? 0 })),
            cin: { errors: count('cin-census', 'error'), queries: count('cin-census', 'query') },
            ssda903: { errors: count('ssda903', 'error'), queries: count('ssda903', 'query') },
            byRule: [...byRule.values()].sort((a, b2) => b2.count - a.count || a.code.localeCompare(b2.code)),
          },
        }));
      } catch (error) {
        if (error instanceof ValidationError) return reply.code(400).page('returns/views/returns.njk', await returnsPage(request, { chosenYear: latestYear(), period: collectionPeriod(latestYear()), ...errorView(error.problems) }));
        throw error;
      }
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/returns/:year/cin-census.xml',
    permission: 'returns:export',
    audit: 'returns.produced',
    handler: async (request, reply) => {
      const b = await built(contextOf(request), (request.params as Record<string, string>).year, false, 'cin-census.xml');
      return sendDownload(reply, { filename: `cin-census-${b.year}.xml`, mediaType: 'application/xml', content: Buffer.from(returns.cinXml(b)) });
    },
  });
  addRoute(app, {
    method: 'GET',
    url: '/returns/:year/ssda903/:table',
    permission: 'returns:export',
    audit: 'returns.produced',
    handler: async (request, reply) => {
      const params = request.params as Record<string, string>;
      const table = String(params.table ?? '').replace(/\.csv$/, '') as Ssda903TableName;
      if (!tables.includes(table)) throw new NotFoundError('The SSDA903 table');
      const b = await built(contextOf(request), params.year, false, `ssda903/${table}.csv`);
      return sendDownload(reply, { filename: `ssda903-${b.year}-${table}.csv`, mediaType: 'text/csv; charset=utf-8', content: Buffer.from(returns.ssda903Files(b)[table]) });
    },
  });
  addRoute(app, {
    method: 'GET',
    url: '/returns/:year/validation-report.csv',
    permission: 'returns:export',
    audit: 'returns.produced',
    handler: async (request, reply) => {
      const b = await built(contextOf(request), (request.params as Record<string, string>).year, false, 'validation-report.csv');
      return sendDownload(reply, { filename: `returns-${b.year}-validation-report.csv`, mediaType: 'text/csv; charset=utf-8', content: Buffer.from(reportCsv(b.failures)) });
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/returns/la-code',
    permission: 'returns:export',
    audit: 'returns.la_code_set',
    handler: async (request, reply) => {
      const body = formBody(request.body);
      try {
        await returns.setLaCode(contextOf(request), String(body.la ?? ''));
        // The returns kept for the downloads were built under the old code.
        kept.clear();
        return reply.redirect('/returns');
      } catch (error) {
        if (error instanceof ValidationError) return reply.code(400).page('returns/views/returns.njk', await returnsPage(request, { chosenYear: latestYear(), period: collectionPeriod(latestYear()), formValues: body, ...errorView(error.problems) }));
        throw error;
      }
    },
  });

  /** Annex A's range from the page's two date inputs; each problem says which date and what to fix. */
  const rangeOf = (q: Record<string, string | undefined>) => {
    const from = readDateInput(q, 'from', 'The first day', true);
    const to = readDateInput(q, 'to', 'The last day', true);
    const problems = [from.problem, to.problem].filter((p): p is Problem => p !== null);
    if (problems.length > 0) throw new ValidationError(problems);
    return { from: from.value as string, to: to.value as string };
  };
  addRoute(app, {
    method: 'GET',
    url: '/returns/annex-a',
    permission: 'returns:export',
    audit: 'returns.annex_a_produced',
    handler: async (request, reply) => {
      const q = queryOf(request);
      try {
        const range = rangeOf(q);
        const lists = await returns.annexA(contextOf(request), range);
        const list = q.list ? lists.find((l) => String(l.number) === q.list) : null;
        if (q.list && !list) throw new NotFoundError('The Annex A list');
        if (list) return sendDownload(reply, { filename: `annex-a-list-${list.number}-${range.from}-to-${range.to}.csv`, mediaType: 'text/csv; charset=utf-8', content: Buffer.from(annexACsv(list)) });
        return sendDownload(reply, { filename: `annex-a-${range.from}-to-${range.to}.xlsx`, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: await annexAWorkbook(lists) });
      } catch (error) {
        if (error instanceof ValidationError) {
          const period = collectionPeriod(latestYear());
          return reply.code(400).page('returns/views/returns.njk', await returnsPage(request, { chosenYear: latestYear(), period, annexValues: q, ...errorView(error.problems, ['from', 'to']) }));
        }
        throw error;
      }
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/data-quality',
    permission: 'returns:quality',
    audit: 'returns.quality_viewed',
    handler: async (request, reply) => {
      const q = queryOf(request);
      try {
        const view = await returns.quality(contextOf(request), { teamId: q.team || null, year: q.year });
        return reply.page('returns/views/quality.njk', { pageTitle: 'Data quality for the statutory returns', years: years(), ...view });
      } catch (error) {
        if (error instanceof ValidationError) {
          const view = await returns.quality(contextOf(request), { teamId: null });
          return reply.code(400).page('returns/views/quality.njk', { pageTitle: 'Data quality for the statutory returns', years: years(), ...view, ...errorView(error.problems) });
        }
        throw error;
      }
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/people/:id/returns',
    permission: 'child:read',
    audit: 'child.viewed',
    handler: async (request, reply) => {
      const view = await returns.forChild(contextOf(request), idParam(request));
      return reply.page('returns/views/child.njk', { pageTitle: 'Statutory returns', ...view });
    },
  });
}
