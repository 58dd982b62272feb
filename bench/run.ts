/**
 * `npm run bench`: the foundation's speed targets, measured on PGlite and, when
 * BENCH_DATABASE_URL (or DATABASE_URL) names a server, on PostgreSQL. Each engine runs in a
 * process of its own, so its memory and warm-up are its own. See bench/README.md.
 */
import { fork } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app';
import { loadConfig } from '../src/platform/config';
import { systemClock } from '../src/platform/clock';
import { services } from '../src/services';
import { benchServerUrl, describeServer, openBenchDatabase, type Engine } from './engines';
import { explainSearches } from './explain';
import { buildFrontSheetCase, timeFrontSheet } from './frontSheetBench';
import { timeFrontDoor } from './frontDoorBench';
import { timeResourceService } from './resourceBench';
import { memorySampler, msSince, nowNs, timeIt } from './measure';
import { markdownReport, type EngineResult, type FoundationFigures } from './report';
import { loadPeople, searchQueries, timeSearchPage, timeSearches } from './searchBench';
import { buildAuthority, measureStandards, type StandardsFigures } from './standardsBench';
import { measureReturns } from './returnsBench';

const here = path.dirname(fileURLToPath(import.meta.url));

function numberFrom(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of 1 or more, not "${value}"`);
  return n;
}

const settings = {
  people: numberFrom('BENCH_PEOPLE', 50_000),
  batchSize: numberFrom('BENCH_BATCH', 1_000),
  iterations: numberFrom('BENCH_ITERATIONS', 200),
  warmUp: numberFrom('BENCH_WARMUP', 20),
  explain: process.env.BENCH_EXPLAIN === '1',
  vacuum: process.env.BENCH_VACUUM === '1',
  only: onlyFrom(process.env.BENCH_ONLY),
  returnsRuns: numberFrom('BENCH_RETURNS_RUNS', 2),
  standards: {
    children: numberFrom('BENCH_CHILDREN', 20_000),
    eventsPerChild: numberFrom('BENCH_EVENTS_PER_CHILD', 100),
    years: numberFrom('BENCH_YEARS', 6),
    recomputeRuns: numberFrom('BENCH_RECOMPUTE_RUNS', 3),
    warmUp: numberFrom('BENCH_WARMUP', 20),
    iterations: numberFrom('BENCH_ITERATIONS', 200),
  },
};

/** BENCH_ONLY=foundation or standards: one part only, for a quicker look. */
function onlyFrom(value: string | undefined): 'foundation' | 'standards' | null {
  if (value === undefined || value === '') return null;
  if (value === 'foundation' || value === 'standards') return value;
  throw new Error(`BENCH_ONLY must be "foundation" or "standards", not "${value}"`);
}

const log = (message: string) => process.stderr.write(`${message}\n`);

const appConfig = () => loadConfig({ HEARTH_DATA_DIR: '/nonexistent', HEARTH_LOG_LEVEL: 'silent', HEARTH_RATE_LIMIT_PER_MINUTE: '1000000' });

/** A fresh database with Hearth's services and web application on it, closed and dropped after `use`. */
async function withHearth<T>(engine: Engine, purpose: string, use: (s: ReturnType<typeof services>, app: Awaited<ReturnType<typeof createApp>>, bench: Awaited<ReturnType<typeof openBenchDatabase>>) => Promise<T>): Promise<T> {
  log(`[${engine}] opening and migrating a fresh database${purpose ? ` (${purpose})` : ''}`);
  const bench = await openBenchDatabase(engine, purpose);
  try {
    const s = services(bench.database.db, systemClock);
    const app = await createApp(s, { config: appConfig(), authorityName: 'Benchmark Borough Council', logger: false });
    try {
      return await use(s, app, bench);
    } finally {
      await app.close();
    }
  } finally {
    await bench.dispose();
  }
}

/** "PGlite 0.5.16 (PostgreSQL 18.6)" or "PostgreSQL 15.18", and where it ran. */
function describe(engine: Engine, version: string, purpose: string) {
  // "PostgreSQL 18.6 (PGlite 0.5.16)" or "PostgreSQL 15.18 (Debian 15.18-0+deb12u1)".
  const [, postgresVersion, build] = /^PostgreSQL (\S+)(?: \((.+)\))?/.exec(version) ?? [];
  const label = engine === 'pglite' ? `${build ?? 'PGlite'} (PostgreSQL ${postgresVersion ?? '?'})` : `PostgreSQL ${postgresVersion ?? '?'}`;
  const where =
    engine === 'pglite'
      ? 'in memory, in the benchmark process'
      : `${build ? `${build}, ` : ''}server at ${describeServer(benchServerUrl() as string)}, databases hearth_bench_${process.pid}${purpose ? `_${purpose}` : ''}`;
  return { label, where };
}

/** One engine, start to finish, in this process: the foundation's measures, then the standards'. */
async function measureEngine(engine: Engine): Promise<EngineResult> {
  const memory = memorySampler(100);
  const started = nowNs();
  let described: { label: string; where: string } = { label: engine, where: '' };
  try {
    const foundation =
      settings.only === 'standards'
        ? null
        : await withHearth(engine, '', async (s, app, bench) => {
            described = describe(engine, bench.version, '');
            return measureFoundation(engine, s, app);
          });
    const standards =
      settings.only === 'foundation'
        ? null
        : await withHearth(engine, 'standards', async (s, app, bench) => {
            if (!foundation) described = describe(engine, bench.version, 'standards');
            return measureStandardsOn(engine, s, app);
          });
    return {
      engine,
      ...described,
      iterations: settings.iterations,
      warmUp: settings.warmUp,
      vacuumed: settings.vacuum,
      foundation,
      standards,
      memory: { sampledPeakBytes: memory.peak(), highWaterBytes: process.resourceUsage().maxRSS * 1024 },
      totalMs: msSince(started),
    };
  } finally {
    memory.stop();
  }
}

/** Issue 3: a synthetic authority's obligations recomputed, one new event, the compliance pages. */
async function measureStandardsOn(engine: Engine, s: ReturnType<typeof services>, app: Awaited<ReturnType<typeof createApp>>): Promise<StandardsFigures> {
  const today = new Date();
  const options = settings.standards;
  log(`[${engine}] standards: a synthetic authority of ${options.children.toLocaleString('en-GB')} children, about ${(options.children * options.eventsPerChild).toLocaleString('en-GB')} events over ${options.years} years`);
  const built = await buildAuthority(s, options, today, (m) => log(`[${engine}] ${m}`));
  log(`[${engine}]   loaded in ${(built.loadMs / 1000).toFixed(1)} s`);
  const figures = await measureStandards(s, app, built, options, today, (m) => log(`[${engine}] ${m}`));
  log(`[${engine}] statutory returns: the CIN census and the SSDA903 return for the authority, checked against the DfE's rules`);
  return { ...figures, returns: await measureReturns(s, today, settings.returnsRuns, (m) => log(`[${engine}] ${m}`)) };
}

/** The foundation issue: the front sheet and search. */
async function measureFoundation(engine: Engine, s: ReturnType<typeof services>, app: Awaited<ReturnType<typeof createApp>>): Promise<FoundationFigures> {
  const today = new Date();
  const timing = { warmUp: settings.warmUp, iterations: settings.iterations };

  log(`[${engine}] front sheet: registering the child and importing 1,000 events`);
  const built = await buildFrontSheetCase(s, today);
  log(`[${engine}]   imported ${built.events} events in ${(built.importMs / 1000).toFixed(1)} s; timing the service and the page`);
  const sheet = await timeFrontSheet(s, app, built.theCase, timing);

  log(`[${engine}] search: loading ${settings.people.toLocaleString('en-GB')} people, ${settings.batchSize} a call`);
  const { figures: load, loaded } = await loadPeople(s, settings.people, settings.batchSize, log);

  if (settings.vacuum) {
    // Not what Hearth does today: PGlite has no autovacuum, so this shows a maintained database.
    log(`[${engine}] VACUUM ANALYZE (BENCH_VACUUM=1)`);
    await s.db.execute(sql`vacuum analyze`);
  }

  log(`[${engine}] front sheet again, among ${loaded.length.toLocaleString('en-GB')} people`);
  const serviceAfterLoad = await timeIt(() => s.people.frontSheet(built.theCase.worker, built.theCase.child.id), timing);

  log(`[${engine}] search: ${settings.iterations} queries of each kind`);
  const kinds = searchQueries(loaded, settings.iterations);
  const searches = await timeSearches(s, built.theCase.worker, kinds, settings.warmUp);
  const pageKind = kinds.find((k) => k.key === 'prefixes') ?? (kinds[0] as (typeof kinds)[number]);
  const pageTiming = await timeSearchPage(app, { username: built.theCase.worker.actor.username, password: built.theCase.worker.password }, pageKind, settings.warmUp);

  if (settings.explain) log(`[${engine}] EXPLAIN ANALYZE\n${await explainSearches(s.db, built.theCase.worker.actor, kinds)}`);

  log(`[${engine}] front door: 200 contacts awaiting a decision; the chronology and case record of the child with 1,000 events`);
  const frontDoor = await timeFrontDoor(s, app, built.theCase, loaded, 200, timing);

  log(`[${engine}] the Resource Service: 300 providers, 1,000 children in care with placements and care packages`);
  const resources = await timeResourceService(s, app, loaded, 300, 1000, timing);

  return {
    frontDoor,
    resources,
    frontSheet: { events: built.events, importMs: built.importMs, ...sheet, serviceAfterLoad },
    load,
    searches,
    searchPage: { key: pageKind.key, label: pageKind.label, timing: pageTiming },
  };
}

type ChildMessage = { ok: true; result: EngineResult } | { ok: false; error: string };

/** Runs one engine in a child process (with this file's loader), and waits for its figures. */
function inChildProcess(engine: Engine): Promise<EngineResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [`--engine=${engine}`], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answer: ChildMessage | null = null;
    child.on('message', (message: ChildMessage) => {
      answer = message;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const settled = answer as ChildMessage | null;
      if (settled?.ok) resolve(settled.result);
      else reject(new Error(settled ? settled.error : `The ${engine} benchmark stopped with exit code ${code}`));
    });
  });
}

async function main() {
  const engineArgument = process.argv.find((a) => a.startsWith('--engine='))?.slice('--engine='.length) as Engine | undefined;
  if (engineArgument) {
    // A child: measure one engine and hand the figures to the parent.
    let message: ChildMessage;
    try {
      message = { ok: true, result: await measureEngine(engineArgument) };
    } catch (error) {
      message = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      process.exitCode = 1;
    }
    process.send?.(message, () => process.disconnect());
    return;
  }

  const startedAt = new Date();
  const engines: Engine[] = benchServerUrl() ? ['pglite', 'postgres'] : ['pglite'];
  if (!benchServerUrl()) log('PGlite only. Set BENCH_DATABASE_URL=postgres://… to measure on PostgreSQL too.');
  const results: EngineResult[] = [];
  for (const engine of engines) results.push(await inChildProcess(engine));

  const report = markdownReport(results, startedAt);
  process.stdout.write(`\n${report}`);
  const resultsDir = path.join(here, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, 'detail-latest.md'), report);
  log(`\nWritten to ${path.relative(process.cwd(), path.join(resultsDir, 'detail-latest.md'))}`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
