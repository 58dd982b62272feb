import { stringify } from 'csv-stringify/sync';
import { rolesAllow } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import { carePackagesOf, type CarePackage } from '../../domain/placements/carePackages';
import { financialYearOf, monthsFrom, spendLines, totalsBy, type SpendLine } from '../../domain/placements/carePackageSpend';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { groupedBy } from '../../domain/records/events';

const packageTypes = ['placements.care_package_agreed', 'placements.care_package_approved', 'placements.care_package_reviewed', 'placements.care_package_ended'];
type ChildPackage = CarePackage & { personId: string };
const month = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Committed spend on care packages (issue 7: "the total committed spend by child, provider, team and
 * month"): approved packages' cost, month by month, for a range of months (the current financial
 * year, April to March, unless asked). Children are named only to those who may see their record;
 * the rest are added up together. Teams are the child's allocated team now.
 */
export function spendReport(db: Db, clock: Clock, people: PeopleService, staff: StaffDirectory) {
  function range(query: Record<string, unknown>) {
    const year = financialYearOf(londonDate(clock.now()));
    const from = typeof query.from === 'string' && query.from ? query.from : year.fromMonth;
    const to = typeof query.to === 'string' && query.to ? query.to : year.toMonth;
    const problems = [];
    if (!month.test(from)) problems.push({ field: 'from', message: 'The first month must be a month written YYYY-MM, like 2026-04' });
    if (!month.test(to)) problems.push({ field: 'to', message: 'The last month must be a month written YYYY-MM, like 2027-03' });
    if (problems.length === 0 && to < from) problems.push({ field: 'to', message: 'The last month must be the same as or after the first' });
    if (problems.length === 0 && monthsFrom(from, to).length > 60) problems.push({ field: 'to', message: 'Choose a range of 5 years or less' });
    if (problems.length > 0) throw new ValidationError(problems);
    return { from, to };
  }

  async function build(context: RequestContext, query: Record<string, unknown>) {
    if (!rolesAllow(context.actor, 'resources:read')) throw new ForbiddenError('The spend report is for the Resource Service, managers and finance');
    const { from, to } = range(query);
    // Every package event, across every record, in one read by type (packages are few beside other events).
    const byPerson = groupedBy(await people.ofTypesSince(packageTypes, new Date(0)), (e) => e.personId);
    const packages: ChildPackage[] = [...byPerson].flatMap(([personId, events]) => carePackagesOf(events).map((p) => ({ ...p, personId })));
    const lines = spendLines(packages, from, to);
    const childIds = [...new Set(lines.map((l) => l.package.personId))];
    const facts = await people.factsFor(db, childIds);
    const teams = new Map((await staff.teams()).map((t) => [t.id, t.name]));
    const visible = await people.visibleRecords(context, childIds);
    const teamOf = (l: SpendLine<ChildPackage>) => teams.get(facts.get(l.package.personId)?.allocatedTeamId ?? '') ?? 'Not allocated to a team';
    const hidden = childIds.filter((id) => !visible.has(id));
    const others = `Other children (${hidden.length})`;
    const childOf = (l: SpendLine<ChildPackage>) => (visible.has(l.package.personId) ? l.package.personId : others);
    const byChild = totalsBy(lines, childOf).map((t) => {
      const record = visible.get(t.key);
      return { ...t, name: record ? fullName(record.details) : t.key, personId: record ? t.key : null, hearthId: record?.hearthId ?? null };
    });
    await audit.record(db, context, { action: 'resources.report_viewed', details: { report: 'Care package spend', from, to, children: [...visible.keys()] } });
    return {
      from,
      to,
      total: lines.reduce((sum, l) => sum + l.pence, 0),
      byMonth: monthsFrom(from, to).map((m) => ({ month: m, pence: lines.filter((l) => l.month === m).reduce((sum, l) => sum + l.pence, 0) })),
      byProvider: totalsBy(lines, (l) => l.package.providerName),
      byTeam: totalsBy(lines, teamOf),
      byChild,
      lines: lines.map((l) => ({ month: l.month, nights: l.nights, pence: l.pence, provider: l.package.providerName, weeklyPence: l.package.weeklyPence, team: teamOf(l), child: visible.has(l.package.personId) ? fullName(visible.get(l.package.personId)!.details) : 'Another child', hearthId: visible.get(l.package.personId)?.hearthId ?? null })),
    };
  }

  return {
    report: build,

    /** The same report's lines as CSV, one row per package and month, amounts in pounds. */
    async csv(context: RequestContext, query: Record<string, unknown>) {
      const report = await build(context, query);
      const pounds = (pence: number) => (pence / 100).toFixed(2);
      const rows = report.lines.map((l) => [l.month, l.child, l.hearthId ?? '', l.team, l.provider, pounds(l.weeklyPence), l.nights, pounds(l.pence)]);
      return {
        filename: `care-package-spend-${report.from}-to-${report.to}.csv`,
        body: stringify([['Month', 'Child', 'Hearth ID', 'Team', 'Provider', 'Weekly cost (£)', 'Nights', 'Spend (£)'], ...rows, ['Total', '', '', '', '', '', '', pounds(report.total)]]),
      };
    },
  };
}

export type SpendReport = ReturnType<typeof spendReport>;
