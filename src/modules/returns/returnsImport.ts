import { audit } from '../../platform/audit/auditLog';
import type { Db } from '../../platform/db/database';
import fs from 'node:fs';
import path from 'node:path';
import { londonDate } from '../../domain/calendar/localDate';
import { collectionPeriod, collectionYearOf } from '../../domain/returns/collectionYear';
import { parseCinCensusXml } from '../../domain/returns/cinCensus/cinCensusXml';
import { cinCensusImport } from '../../domain/returns/import/cinCensusImport';
import { importTag, type ReturnProblem } from '../../domain/returns/import/importLine';
import { planImport, type HeldChild, type ReturnLines } from '../../domain/returns/import/previousReturns';
import { ssda903File, ssda903Import, type NumberedTables } from '../../domain/returns/import/ssda903Import';
import { numberedRows } from '../../domain/returns/import/ssda903Rows';
import { ssda903Columns, type Ssda903TableName } from '../../domain/returns/ssda903/ssda903Types';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { EventImportService } from '../eventImport/eventImportService';
import type { PeopleService } from '../people/peopleService';

/**
 * `npx hearth returns import`: an authority's earlier SSDA903 return (a folder of the DfE's CSV
 * tables) and CIN census (an XML file) imported as the children's history (issue 10), through the
 * event import every migration uses, so each event is checked as any imported event is. All or
 * nothing: with a single problem nothing is imported, and every problem is reported by file and row.
 */
export interface ReturnsImportDeps {
  eventImport: Pick<EventImportService, 'importParsed'>;
  people: Pick<PeopleService, 'findByExternalId' | 'streamOf'>;
  clock: Clock;
  /** Where the import itself is written down (which files, which year, what came of it). */
  db: Db;
}

export interface ReturnsImportReport {
  /** Events imported, child.registered included. */
  imported: number;
  /** Children with events imported. */
  children: number;
  /** Children Hearth did not hold, added as "Child <id>". */
  created: number;
  problems: ReturnProblem[];
  /** What was imported differently from the file, or not at all, without stopping the import (a UPN with a wrong check letter). */
  warnings: ReturnProblem[];
}

const tables = Object.keys(ssda903Columns) as Ssda903TableName[];
const required: readonly Ssda903TableName[] = ['header', 'episodes'];

/** The SSDA903 tables in a folder, each file named as the DfE names the table (header.csv, episodes.csv…). */
function readSsda903(dir: string, problems: ReturnProblem[]): NumberedTables {
  const read = {} as Record<Ssda903TableName, unknown>;
  for (const table of tables) {
    const file = path.join(dir, ssda903File(table));
    if (!fs.existsSync(file)) {
      if (required.includes(table)) problems.push({ file: ssda903File(table), row: 0, reason: `${ssda903File(table)} is not in ${dir}: the SSDA903 return needs its header and episodes tables` });
      read[table] = [];
      continue;
    }
    const parsed = numberedRows(table, fs.readFileSync(file, 'utf8'));
    for (const p of parsed.problems) problems.push({ file: ssda903File(table), row: p.row, reason: p.reason });
    read[table] = parsed.rows;
  }
  return read as NumberedTables;
}

function readCin(file: string, year: number, problems: ReturnProblem[], warnings: ReturnProblem[], today: string): ReturnLines {
  const name = path.basename(file);
  const parsed = parseCinCensusXml(fs.readFileSync(file, 'utf8'));
  const ids = parsed.census?.children.map((c) => c.ChildIdentifiers.LAchildID) ?? [];
  for (const p of parsed.problems) {
    // The reader reports a child by their LAchildID, or "child N in the file" when it has none; the file itself as null.
    const row = p.child === null ? 0 : ids.indexOf(p.child) + 1 || Number(/^child (\d+) in the file/.exec(p.child)?.[1] ?? 0);
    const reported = { file: name, row, reason: p.child === null ? p.reason : `${p.child}: ${p.reason}` };
    // What the reader leaves out or reads differently without losing anything the import needs (an
    // element Hearth does not record, a pre-2024 sex code, the header's year) does not stop the import.
    if (/: it is ignored$|: read as \w+$|^Header: Year /.test(p.reason)) warnings.push(reported);
    else problems.push(reported);
  }
  if (!parsed.census) return { lines: [], children: [], problems: [], warnings: [], refused: new Set(), tag: importTag('cin-census', year) };
  const reference = parsed.census.header.ReferenceDate;
  if (reference && collectionYearOf(reference) !== year) {
    warnings.push({ file: name, row: 0, reason: `the census's ReferenceDate ${reference} is in the ${collectionYearOf(reference)} collection year, not ${year}: its events are marked as the ${year} census` });
  }
  return { ...cinCensusImport(parsed.census, name, { year, today }), tag: importTag('cin-census', year) };
}

export async function importPreviousReturns(deps: ReturnsImportDeps, context: RequestContext, options: { ssda903Dir?: string; cinXml?: string; year: number }): Promise<ReturnsImportReport> {
  const today = londonDate(deps.clock.now());
  const problems: ReturnProblem[] = [];
  const warnings: ReturnProblem[] = [];
  const returns: ReturnLines[] = [];
  if (options.ssda903Dir) returns.push({ ...ssda903Import(readSsda903(options.ssda903Dir, problems), { year: options.year, today }), tag: importTag('ssda903', options.year) });
  if (options.cinXml) returns.push(readCin(options.cinXml, options.year, problems, warnings, today));

  // What Hearth holds of the children the returns name.
  const held = new Map<string, HeldChild>();
  for (const child of new Set(returns.flatMap((r) => r.children.map((c) => c.child)))) {
    const record = await deps.people.findByExternalId(child);
    if (record) held.set(child, { dateOfBirth: record.details.dateOfBirth, events: await deps.people.streamOf(record.id) });
  }
  const plan = planImport(returns, held, { today, registerOn: collectionPeriod(options.year).start });
  problems.push(...plan.problems);
  warnings.push(...plan.warnings);

  // Every line goes through the event import's own checks (the data each event type needs, the order
  // of events against the record): with problems already, only to report the rest of them.
  const sources = new Map(plan.lines.map((l) => [`${l.file} row ${l.row}`, { file: l.file, row: l.row }]));
  const lines = plan.lines.map((l) => ({ child: l.child, type: l.type, at: l.at, data: l.data, source: `${l.file} row ${l.row}` }));
  const report = await deps.eventImport.importParsed(context, lines, { allOrNothing: true, checkOnly: problems.length > 0 });
  for (const p of report.problems) {
    const at = sources.get(p.source) ?? { file: p.source, row: 0 };
    problems.push({ ...at, reason: p.reason });
  }
  const sorted = (list: ReturnProblem[]) => [...new Map(list.map((p) => [`${p.file}\u0000${p.row}\u0000${p.reason}`, p])).values()].sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row);
  const files = { ssda903: options.ssda903Dir ?? null, cinCensus: options.cinXml ?? null };
  if (problems.length > 0) {
    await audit.record(deps.db, context, { action: 'returns.imported', outcome: 'failed', details: { year: options.year, ...files, problems: problems.length } });
    return { imported: 0, children: 0, created: 0, problems: sorted(problems), warnings: sorted(warnings) };
  }
  await audit.record(deps.db, context, { action: 'returns.imported', details: { year: options.year, ...files, imported: report.imported, children: report.children, created: report.created } });
  return { imported: report.imported, children: report.children, created: report.created, problems: [], warnings: sorted(warnings) };
}
