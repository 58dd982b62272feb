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
import { memorySampler, msSince, nowNs, timeIt } from './measure';
import { markdownReport, type EngineResult } from './report';
import { loadPeople, searchQueries, timeSearchPage, timeSearches } from './searchBench';

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
};

const log = (message: string) => process.stderr.write(`${message}\n`);

/** One engine, start to finish, in this process. */
async function measureEngine(engine: Engine): Promise<EngineResult> {
  const memory = memorySampler(100);
  const started = nowNs();
  const today = new Date();
  log(`[${engine}] opening and migrating a fresh database`);
  const bench = await openBenchDatabase(engine);
  // "PostgreSQL 18.6 (PGlite 0.5.16)" or "PostgreSQL 15.18 (Debian 15.18-0+deb12u1)".
  const [, postgresVersion, build] = /^PostgreSQL (\S+)(?: \((.+)\))?/.exec(bench.version) ?? [];
  const label = engine === 'pglite' ? `${build ?? 'PGlite'} (PostgreSQL ${postgresVersion ?? '?'})` : `PostgreSQL ${postgresVersion ?? '?'}`;
  const where =
    engine === 'pglite'
      ? 'in memory, in the benchmark process'
      : `${build ? `${build}, ` : ''}server at ${describeServer(benchServerUrl() as string)}, database hearth_bench_${process.pid}`;
  try {
    const s = services(bench.database.db, systemClock);
    const config = loadConfig({ HEARTH_DATA_DIR: '/nonexistent', HEARTH_LOG_LEVEL: 'silent', HEARTH_RATE_LIMIT_PER_MINUTE: '1000000' });
    const app = await createApp(s, { config, authorityName: 'Benchmark Borough Council', logger: false });
    try {
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

      return {
        engine,
        label,
        where,
        iterations: settings.iterations,
        warmUp: settings.warmUp,
        vacuumed: settings.vacuum,
        frontSheet: { events: built.events, importMs: built.importMs, ...sheet, serviceAfterLoad },
        load,
        searches,
        searchPage: { key: pageKind.key, label: pageKind.label, timing: pageTiming },
        memory: { sampledPeakBytes: memory.peak(), highWaterBytes: process.resourceUsage().maxRSS * 1024 },
        totalMs: msSince(started),
      };
    } finally {
      await app.close();
    }
  } finally {
    memory.stop();
    await bench.dispose();
  }
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
  writeFileSync(path.join(resultsDir, 'latest.md'), report);
  log(`\nWritten to ${path.relative(process.cwd(), path.join(resultsDir, 'latest.md'))}`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
