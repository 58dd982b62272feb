import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, canSee } from '../../domain/access/can';
import { addMonths, londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import { audit } from '../../platform/audit/auditLog';
import { NotFoundError } from '../../platform/errors';
import { errorView } from '../../platform/http/forms';
import { addRoute, contextOf } from '../../platform/http/routes';
import { readDateInput } from '../../platform/validation';
import type { Services } from '../../services';
import { catalogueRules, ruleById } from '../../standards/index';
import { timescaleText } from '../../domain/standards/describe';
import { obligationItems } from './obligationViews';
import type { ComplianceRow } from './standardsRepository';

interface Tally {
  met: number;
  metLate: number;
  overdue: number;
  due: number;
}

const empty = (): Tally => ({ met: 0, metLate: 0, overdue: 0, due: 0 });
const add = (t: Tally, r: Tally) => {
  t.met += r.met;
  t.metLate += r.metLate;
  t.overdue += r.overdue;
  t.due += r.due;
};

/** The share met on time of those whose time has come (not yet due ones are not counted against). */
export function onTimePercent(t: Tally): number | null {
  const decided = t.met + t.metLate + t.overdue;
  return decided === 0 ? null : Math.round((100 * t.met) / decided);
}

/** The chart's bars: each part as a share of the whole, for an SVG drawn on the server. */
function bars(t: Tally) {
  const total = t.met + t.metLate + t.overdue + t.due || 1;
  let x = 0;
  return (['met', 'metLate', 'overdue', 'due'] as const).map((key) => {
    const width = (100 * t[key]) / total;
    const bar = { key, x, width, count: t[key] };
    x += width;
    return bar;
  });
}

export function complianceRoutes(app: FastifyInstance, services: Services) {
  /** The period (from and to, London dates) and team asked for; by default the last three months. */
  async function period(request: FastifyRequest) {
    const query = request.query as Record<string, string>;
    const today = londonDate(services.clock.now());
    const from = readDateInput(query, 'from', 'From date', false);
    const to = readDateInput(query, 'to', 'To date', false);
    const problems = [from.problem, to.problem].filter((p): p is NonNullable<typeof p> => p !== null);
    const range = { from: from.value ?? addMonths(today, -3), to: to.value ?? today };
    if (range.from > range.to) problems.push({ field: 'to-day', message: 'To date must be the same as or after the from date' });
    const teams = await services.staff.teams();
    const teamId = typeof query.team === 'string' && teams.some((t) => t.id === query.team) ? query.team : null;
    return { query, range, problems, teams, teamId };
  }

  const filterRows = (rows: ComplianceRow[], teamId: string | null) => (teamId ? rows.filter((r) => r.teamId === teamId) : rows);

  addRoute(app, {
    method: 'GET',
    url: '/compliance',
    permission: 'compliance:read',
    audit: 'compliance.viewed',
    handler: async (request, reply) => {
      const p = await period(request);
      const base = { pageTitle: 'Compliance with the practice standards', query: p.query, range: p.range, teams: p.teams, teamId: p.teamId };
      if (p.problems.length > 0) return reply.code(400).page('standards/views/compliance.njk', { ...base, ...errorView(p.problems, ['from', 'to']) });
      // The reader decides which standards are shown: allegations' to the LADO team, youth justice to the service and the head of service (issues 11, 12).
      const rows = filterRows(await services.standards.compliance(p.range.from, p.range.to, contextOf(request).actor), p.teamId);
      const byRule = new Map<string, Tally>();
      const byTeam = new Map<string, Tally>();
      for (const row of rows) {
        if (!byRule.has(row.ruleId)) byRule.set(row.ruleId, empty());
        add(byRule.get(row.ruleId) as Tally, row);
        const team = row.teamId ?? '';
        if (!byTeam.has(team)) byTeam.set(team, empty());
        add(byTeam.get(team) as Tally, row);
      }
      const standards = catalogueRules
        .filter((rule) => byRule.has(rule.id))
        .map((rule) => {
          const tally = byRule.get(rule.id) as Tally;
          return { rule, timescale: timescaleText(rule), tally, percent: onTimePercent(tally), bars: bars(tally) };
        });
      const total = empty();
      for (const s of standards) add(total, s.tally);
      const teamNames = new Map(p.teams.map((t) => [t.id, t.name]));
      const teams = [...byTeam].map(([id, tally]) => ({ id, name: teamNames.get(id) ?? 'Not allocated to a team', tally, percent: onTimePercent(tally) }));
      await audit.record(services.db, contextOf(request), { action: 'compliance.viewed', details: { ...p.range, teamId: p.teamId } });
      return reply.page('standards/views/compliance.njk', { ...base, standards, total, totalPercent: onTimePercent(total), byTeam: teams });
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/compliance/:ruleId',
    permission: 'compliance:read',
    audit: 'compliance.viewed',
    handler: async (request, reply) => {
      const rule = ruleById((request.params as { ruleId: string }).ruleId);
      if (!rule) throw new NotFoundError('The standard');
      const p = await period(request);
      const base = { pageTitle: rule.title, rule, query: p.query, range: p.range, teams: p.teams, teamId: p.teamId };
      if (p.problems.length > 0) return reply.code(400).page('standards/views/complianceRule.njk', { ...base, ...errorView(p.problems, ['from', 'to']) });
      const context = contextOf(request);
      const rows = filterRows(await services.standards.complianceOfRule(rule.id, p.range.from, p.range.to, context.actor), p.teamId);
      const workers = await services.staff.members([...new Set(rows.map((r) => r.workerId).filter((id): id is string => Boolean(id)))]);
      const workerNames = new Map(workers.map((w) => [w.id, w.displayName]));
      const teamNames = new Map(p.teams.map((t) => [t.id, t.name]));
      const byWorker = rows.map((r) => ({ team: teamNames.get(r.teamId ?? '') ?? 'No team', worker: workerNames.get(r.workerId ?? '') ?? 'No named worker', tally: r, percent: onTimePercent(r) }));

      // The children, only those this person may see; the list's reading is audited.
      const obligationRows = await services.standards.ofRuleInPeriod(rule.id, p.range.from, p.range.to, 500, context.actor);
      const people = await services.people.visibleRecords(context, [...new Set(obligationRows.map((r) => r.obligation.personId))]);
      const inTeam = p.teamId ? obligationRows.filter((r) => people.get(r.obligation.personId)?.allocatedTeamId === p.teamId) : obligationRows;
      const shown = inTeam.filter((r) => people.has(r.obligation.personId));
      const names = new Map([...people].filter(([, r]) => canSee(context.actor, r)).map(([id, r]) => [id, { name: fullName(r.details), hearthId: r.hearthId }]));
      await audit.record(services.db, context, { action: 'compliance.viewed', details: { ruleId: rule.id, ...p.range, teamId: p.teamId, shown: [...new Set(shown.map((r) => r.obligation.personId))] } });
      const mayRecord = (id: string) => {
        const record = people.get(id);
        return record !== undefined && can(context.actor, 'work:record', record);
      };
      return reply.page('standards/views/complianceRule.njk', { ...base, byWorker, items: obligationItems(shown, names, mayRecord), hidden: inTeam.length - shown.length });
    },
  });
}
