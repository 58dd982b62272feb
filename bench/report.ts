import os from 'node:os';
import type { FrontSheetFigures } from './frontSheetBench';
import type { Timing } from './measure';
import type { LoadFigures, SearchFigures } from './searchBench';

/** The foundation issue's target: the front sheet and search each answer in under 50 ms. */
export const targetMs = 50;

export interface EngineResult {
  engine: 'pglite' | 'postgres';
  label: string;
  /** Where the database was: in the process, or which server. */
  where: string;
  iterations: number;
  warmUp: number;
  /** Whether the database was vacuumed and analysed after loading (BENCH_VACUUM=1). */
  vacuumed: boolean;
  frontSheet: FrontSheetFigures & { serviceAfterLoad: Timing };
  load: LoadFigures;
  searches: SearchFigures[];
  searchPage: { key: string; label: string; timing: Timing };
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

function verdict(timing: Timing): string {
  const median = timing.medianMs < targetMs;
  const p95 = timing.p95Ms < targetMs;
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
  const first = results[0];
  const lines: string[] = [
    '# Hearth benchmarks',
    '',
    `- Date: ${startedAt.toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${machine()}`,
    `- Node: ${process.version}`,
    `- Engines: ${results.map((r) => `${r.label}, ${r.where}`).join('; ')}`,
    first
      ? `- Runs: ${first.iterations} timed iterations after ${first.warmUp} warm-up, one at a time; search among ${whole(first.load.people)} people; ${first.iterations} different queries per kind`
      : '- Runs: none',
    `- After loading: ${results.some((r) => r.vacuumed) ? '`VACUUM ANALYZE` (BENCH_VACUUM=1), as a maintained database would be' : 'searched as loaded, with no VACUUM or ANALYZE (PGlite has no autovacuum; the server\'s may not have run yet)'}`,
    `- Target (foundation issue): the front sheet and search each under ${targetMs} ms; "met" means median and 95th percentile both under it.`,
    '',
    row(['Engine', 'Measure', 'Median (ms)', 'p95 (ms)', `Under ${targetMs} ms`, 'Notes']),
    row(['---', '---', '---:', '---:', '---', '---']),
  ];
  for (const r of results) {
    const f = r.frontSheet;
    const timed = (measure: string, timing: Timing, notes: string) => lines.push(row([r.label, measure, ms(timing.medianMs), ms(timing.p95Ms), verdict(timing), notes]));
    timed(`Front sheet, child with ${whole(f.events)} events: service`, f.service, `peopleService.frontSheet; max ${ms(f.service.maxMs)} ms`);
    timed(`Front sheet, child with ${whole(f.events)} events: page`, f.page, `GET /people/:id signed in, ${whole(f.pageBytes / 1024)} kB of HTML; max ${ms(f.page.maxMs)} ms`);
    timed(`Front sheet service, after loading ${whole(r.load.people)} people`, f.serviceAfterLoad, `max ${ms(f.serviceAfterLoad.maxMs)} ms`);
    for (const s of r.searches) {
      const problems = [s.empty ? `${s.empty} found nobody (${s.emptyExamples.map((q) => `"${q}"`).join(', ')})` : '', s.targetMissing ? `${s.targetMissing} missed their person` : ''].filter(Boolean).join(', ');
      timed(`Search among ${whole(r.load.people)}: ${s.label}`, s.timing, `mean ${whole(s.meanMatches)} matches; max ${ms(s.timing.maxMs)} ms${problems ? `; ${problems}` : ''}`);
    }
    timed(`Search page: ${r.searchPage.label}`, r.searchPage.timing, `GET /people?q=… signed in; max ${ms(r.searchPage.timing.maxMs)} ms`);
  }

  lines.push('', row(['Engine', 'Figure', 'Value']), row(['---', '---', '---']));
  for (const r of results) {
    lines.push(
      row([r.label, `Loading ${whole(r.load.people)} people (importEvents, ${whole(r.load.batchSize)} a call)`, `${whole(r.load.peoplePerSecond)} people/s (${seconds(r.load.loadMs)}; slowest call ${seconds(r.load.slowestBatchMs)})`]),
      row([r.label, `Importing the child's ${whole(r.frontSheet.events)} events (one call)`, seconds(r.frontSheet.importMs)]),
      row([r.label, 'Peak memory of the benchmark process (RSS)', `${megabytes(r.memory.sampledPeakBytes)} sampled every 100 ms; ${megabytes(r.memory.highWaterBytes)} high-water mark${r.engine === 'postgres' ? ' (the server\'s own memory is not included)' : ' (PGlite runs inside the process)'}`]),
      row([r.label, 'Whole run for this engine', seconds(r.totalMs)]),
    );
  }
  return `${lines.join('\n')}\n`;
}
