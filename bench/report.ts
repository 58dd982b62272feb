import os from 'node:os';
import type { FrontSheetFigures } from './frontSheetBench';
import type { FrontDoorFigures } from './frontDoorBench';
import type { ResourceFigures } from './resourceBench';
import type { Timing } from './measure';
import type { LoadFigures, SearchFigures } from './searchBench';
import type { StandardsFigures } from './standardsBench';
import { returnsTargetMs, type ReturnsFigures } from './returnsBench';

/** The foundation issue's target: the front sheet and search each answer in under 50 ms. */
export const targetMs = 50;

/** The practice standards issue's targets: recompute everything (on PostgreSQL), one event, the compliance page. */
export const standardsTargets = { recomputeMs: 60_000, oneEventMs: 10, compliancePageMs: 300 };

/** The foundation issue's measures: the front sheet and search. */
export interface FoundationFigures {
  frontSheet: FrontSheetFigures & { serviceAfterLoad: Timing };
  load: LoadFigures;
  searches: SearchFigures[];
  searchPage: { key: string; label: string; timing: Timing };
  frontDoor: FrontDoorFigures;
  resources?: ResourceFigures;
}

export interface EngineResult {
  engine: 'pglite' | 'postgres';
  label: string;
  /** Where the database was: in the process, or which server. */
  where: string;
  iterations: number;
  warmUp: number;
  /** Whether the database was vacuumed and analysed after loading (BENCH_VACUUM=1). */
  vacuumed: boolean;
  /** Null when BENCH_ONLY=standards. */
  foundation: FoundationFigures | null;
  /** Null when BENCH_ONLY=foundation. */
  standards: StandardsFigures | null;
  memory: { sampledPeakBytes: number; highWaterBytes: number };
  totalMs: number;
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const whole = (value: number) => Math.round(value).toLocaleString('en-GB');
const megabytes = (bytes: number) => `${whole(bytes / 1024 / 1024)} MB`;
const seconds = (milliseconds: number) => {
  const s = milliseconds / 1000;
  return s < 120 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
};

function verdict(timing: Timing, target = targetMs): string {
  const median = timing.medianMs < target;
  const p95 = timing.p95Ms < target;
  if (median && p95) return 'met';
  if (median) return 'median met, p95 not met';
  return 'not met';
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory, ${os.type()} ${os.release()}`;
}

export function markdownReport(results: EngineResult[], startedAt: Date): string {
  const lines: string[] = [
    '# Hearth benchmarks',
    '',
    `- Date: ${startedAt.toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${machine()}`,
    `- Node: ${process.version}`,
    `- Engines: ${results.map((r) => `${r.label}, ${r.where}`).join('; ')}`,
  ];
  const foundation = results.filter((r) => r.foundation);
  if (foundation.length > 0) lines.push('', ...foundationReport(foundation));
  const standards = results.filter((r) => r.standards);
  if (standards.length > 0) lines.push('', ...standardsReport(standards));
  lines.push('', '## Memory and time', '', row(['Engine', 'Figure', 'Value']), row(['---', '---', '---']));
  for (const r of results) {
    lines.push(
      row([r.label, 'Peak memory of the benchmark process (RSS)', `${megabytes(r.memory.sampledPeakBytes)} sampled every 100 ms; ${megabytes(r.memory.highWaterBytes)} high-water mark${r.engine === 'postgres' ? " (the server's own memory is not included)" : ' (PGlite runs inside the process)'}`]),
      row([r.label, 'Whole run for this engine', seconds(r.totalMs)]),
    );
  }
  return `${lines.join('\n')}\n`;
}

function foundationReport(results: EngineResult[]): string[] {
  const first = results[0] as EngineResult;
  const firstFigures = first.foundation as FoundationFigures;
  const lines: string[] = [
    '## Front sheet and search (foundation issue)',
    '',
    `- Runs: ${first.iterations} timed iterations after ${first.warmUp} warm-up, one at a time; search among ${whole(firstFigures.load.people)} people; ${first.iterations} different queries per kind`,
    `- After loading: ${results.some((r) => r.vacuumed) ? '`VACUUM ANALYZE` (BENCH_VACUUM=1), as a maintained database would be' : "searched as loaded, with no VACUUM or ANALYZE (PGlite has no autovacuum; the server's may not have run yet)"}`,
    `- Target: the front sheet and search each under ${targetMs} ms; "met" means median and 95th percentile both under it.`,
    '',
    row(['Engine', 'Measure', 'Median (ms)', 'p95 (ms)', `Under ${targetMs} ms`, 'Notes']),
    row(['---', '---', '---:', '---:', '---', '---']),
  ];
  for (const r of results) {
    const figures = r.foundation as FoundationFigures;
    const f = figures.frontSheet;
    const timed = (measure: string, timing: Timing, notes: string) => lines.push(row([r.label, measure, ms(timing.medianMs), ms(timing.p95Ms), verdict(timing), notes]));
    timed(`Front sheet, child with ${whole(f.events)} events: service`, f.service, `peopleService.frontSheet; max ${ms(f.service.maxMs)} ms`);
    timed(`Front sheet, child with ${whole(f.events)} events: page`, f.page, `GET /people/:id signed in, ${whole(f.pageBytes / 1024)} kB of HTML; max ${ms(f.page.maxMs)} ms`);
    timed(`Front sheet service, after loading ${whole(figures.load.people)} people`, f.serviceAfterLoad, `max ${ms(f.serviceAfterLoad.maxMs)} ms`);
    for (const s of figures.searches) {
      const problems = [s.empty ? `${s.empty} found nobody (${s.emptyExamples.map((q) => `"${q}"`).join(', ')})` : '', s.targetMissing ? `${s.targetMissing} missed their person` : ''].filter(Boolean).join(', ');
      timed(`Search among ${whole(figures.load.people)}: ${s.label}`, s.timing, `mean ${whole(s.meanMatches)} matches; max ${ms(s.timing.maxMs)} ms${problems ? `; ${problems}` : ''}`);
    }
    timed(`Search page: ${figures.searchPage.label}`, figures.searchPage.timing, `GET /people?q=… signed in; max ${ms(figures.searchPage.timing.maxMs)} ms`);
    const d = figures.frontDoor;
    if (d) {
      timed(`Front door queue, ${whole(d.contactsAwaiting)} contacts awaiting a decision`, d.queue, `GET /front-door signed in, ${whole(d.queueBytes / 1024)} kB; max ${ms(d.queue.maxMs)} ms`);
      timed(`Chronology page, child with ${whole(f.events)} events`, d.chronology, `GET /people/:id/chronology, ${whole(d.chronologyBytes / 1024)} kB; max ${ms(d.chronology.maxMs)} ms`);
      timed(`Case record page, child with ${whole(f.events)} events`, d.caseRecord, `GET /people/:id/case-record; max ${ms(d.caseRecord.maxMs)} ms`);
      for (const w of d.workflowPages ?? []) timed(`${w.label} page, child with ${whole(f.events)} events`, w.timing, `max ${ms(w.timing.maxMs)} ms`);
    }
    const rs = figures.resources;
    if (rs) for (const p of rs.pages) timed(`${p.label}: ${whole(rs.providers)} providers, ${whole(rs.inCare)} children in care`, p.timing, `${whole(p.bytes / 1024)} kB; max ${ms(p.timing.maxMs)} ms`);
  }
  lines.push('', row(['Engine', 'Figure', 'Value']), row(['---', '---', '---']));
  for (const r of results) {
    const figures = r.foundation as FoundationFigures;
    lines.push(
      row([r.label, `Loading ${whole(figures.load.people)} people (importEvents, ${whole(figures.load.batchSize)} a call)`, `${whole(figures.load.peoplePerSecond)} people/s (${seconds(figures.load.loadMs)}; slowest call ${seconds(figures.load.slowestBatchMs)})`]),
      row([r.label, `Importing the child's ${whole(figures.frontSheet.events)} events (one call)`, seconds(figures.frontSheet.importMs)]),
    );
  }
  return lines;
}

function standardsReport(results: EngineResult[]): string[] {
  const first = (results[0] as EngineResult).standards as StandardsFigures;
  const t = standardsTargets;
  const lines: string[] = [
    '## Practice standards (standards engine issue)',
    '',
    `- A synthetic authority: ${whole(first.children)} children with ${whole(first.events)} events over the years to today, ${whole(first.teams)} teams and ${whole(first.workers)} workers (\`bench/authority/\`), loaded straight into the tables; the obligations are worked out by the recompute being measured.`,
    `- Targets: every obligation recomputed in under ${seconds(t.recomputeMs)} on PostgreSQL; one new event, with its recomputation, under ${t.oneEventMs} ms; the compliance page for the whole authority under ${t.compliancePageMs} ms. "Met" means median and 95th percentile both under it The first recompute finds no obligations stored and writes them all (the worst case, and the one judged against the target); the later ones find every obligation already right and write nothing.`,
    '',
    row(['Engine', 'Measure', 'Median (ms)', 'p95 (ms)', 'Target', 'Notes']),
    row(['---', '---', '---:', '---:', '---', '---']),
  ];
  for (const r of results) {
    const f = r.standards as StandardsFigures;
    const recomputeVerdict = (timing: Timing) => (r.engine === 'postgres' ? verdict(timing, t.recomputeMs) : `${verdict(timing, t.recomputeMs)} (the target is for PostgreSQL)`);
    const states = Object.entries(f.states).map(([state, n]) => `${whole(n)} ${state.replace('_', ' ')}`).join(', ');
    lines.push(
      row([r.label, `Recompute every obligation, none stored yet: ${whole(f.children)} children, ${whole(f.events)} events`, whole(f.recomputeFromNothing.medianMs), '', recomputeVerdict(f.recomputeFromNothing), `${whole(f.obligations)} obligations written (${states}); \`standards.recomputeAll\`, 500 people a transaction, two batches at once`]),
    );
    if (f.recomputeAgain) lines.push(row([r.label, `Recompute every obligation again, nothing changed (${f.recomputeAgain.samples} runs)`, whole(f.recomputeAgain.medianMs), '', recomputeVerdict(f.recomputeAgain), `runs: ${f.recomputeRunsMs.slice(1).map(seconds).join(', ')}; every obligation read back and compared, none written`]));
    lines.push(
      row([r.label, `One new event (a visit) with its recomputation, child with about ${whole(f.oneEventChildEvents)} events`, ms(f.oneEvent.medianMs), ms(f.oneEvent.p95Ms), verdict(f.oneEvent, t.oneEventMs), `people.importEvents: append, project, recompute the child's obligations, in one transaction; max ${ms(f.oneEvent.maxMs)} ms`]),
      row([r.label, 'Compliance page, whole authority, 12 months', ms(f.compliancePage.medianMs), ms(f.compliancePage.p95Ms), verdict(f.compliancePage, t.compliancePageMs), `GET /compliance signed in as a head of service, ${f.period.from} to ${f.period.to}, ${whole(f.compliancePageBytes / 1024)} kB of HTML; max ${ms(f.compliancePage.maxMs)} ms`]),
      row([r.label, `Compliance drill-down, ${f.drillDown.ruleId}`, ms(f.drillDown.timing.medianMs), ms(f.drillDown.timing.p95Ms), verdict(f.drillDown.timing, t.compliancePageMs), `GET /compliance/${f.drillDown.ruleId}: ${whole(f.drillDown.obligations)} obligations in the period; max ${ms(f.drillDown.timing.maxMs)} ms`]),
    );
  }
  const withReturns = results.filter((r) => r.standards?.returns);
  if (withReturns.length > 0) {
    const rf = (withReturns[0] as EngineResult).standards?.returns as ReturnsFigures;
    lines.push(
      '',
      '## Statutory returns (issue 10)',
      '',
      `- Both returns for the collection year ${rf.year - 1}-${String(rf.year).slice(2)} built from every child's events of the same authority and checked against every DfE rule Hearth implements (\`returns.build\`, as \`npx hearth returns\` and the returns page run it). Aim: both returns for 50,000 children in under ${seconds(returnsTargetMs)}.`,
      '',
      row(['Engine', 'Children read', 'In the CIN census', 'In the SSDA903', 'Median (s)', 'Rule checks a second', 'Against the aim', 'Notes']),
      row(['---', '---:', '---:', '---:', '---:', '---:', '---', '---']),
    );
    for (const r of withReturns) {
      const f = r.standards?.returns as ReturnsFigures;
      const perSecond = f.ruleChecks / (f.build.medianMs / 1000);
      const scaled = (f.build.medianMs * 50_000) / Math.max(f.children, 1);
      lines.push(row([r.label, whole(f.children), whole(f.cinChildren), `${whole(f.lookedAfter)} (${whole(f.episodes)} episodes)`, (f.build.medianMs / 1000).toFixed(1), whole(perSecond), `${verdict(f.build, returnsTargetMs * Math.min(1, f.children / 50_000))} (${seconds(scaled)} scaled to 50,000 children)`, `${whole(f.failures)} failures; ${f.build.samples} runs; writing the XML (${whole(f.cinBytes / 1024)} kB) and CSV tables ${ms(f.writeMs)} ms`]));
    }
  }
  lines.push('', row(['Engine', 'Figure', 'Value']), row(['---', '---', '---']));
  for (const r of results) {
    const f = r.standards as StandardsFigures;
    lines.push(row([r.label, 'Generating and loading the authority (setup, not a target)', `${seconds(f.generateMs)} to generate, ${seconds(f.loadMs)} to load`]));
  }
  return lines;
}
