/**
 * `npx tsx bench/returnsRun.ts`: issue 10's benchmark on its own — a synthetic authority of
 * BENCH_CHILDREN children (default 50,000) with about BENCH_EVENTS_PER_CHILD events each (default
 * 100: five million events), generated and loaded, then both statutory returns built from every
 * child's events and checked against every rule (bench/returnsBench.ts), on PGlite and, with
 * BENCH_DATABASE_URL, PostgreSQL. The full `npm run bench` measures the same on its standards
 * authority; this runs it at the size the issue names without the standards' recomputes.
 * Writes bench/results/returns-<date>.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../src/platform/clock';
import { services } from '../src/services';
import { benchServerUrl, openBenchDatabase, type Engine } from './engines';
import { memorySampler } from './measure';
import { machine } from './report';
import { measureReturns, returnsTargetMs, type ReturnsFigures } from './returnsBench';
import { buildAuthority } from './standardsBench';

const here = path.dirname(fileURLToPath(import.meta.url));
const log = (message: string) => process.stderr.write(`${message}\n`);
const numberFrom = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of 1 or more`);
  return n;
};
const settings = { children: numberFrom('BENCH_CHILDREN', 50_000), eventsPerChild: numberFrom('BENCH_EVENTS_PER_CHILD', 100), years: numberFrom('BENCH_YEARS', 6), recomputeRuns: 0, warmUp: 0, iterations: 0, runs: numberFrom('BENCH_RETURNS_RUNS', 3) };

async function measure(engine: Engine) {
  const memory = memorySampler(100);
  const bench = await openBenchDatabase(engine, 'returns');
  try {
    const s = services(bench.database.db, systemClock);
    const today = new Date();
    log(`[${engine}] a synthetic authority of ${settings.children.toLocaleString('en-GB')} children, about ${settings.eventsPerChild} events each`);
    // The generated authority (five million events in memory) is let go once it is loaded: the returns read it back from the database, as they would in use.
    const { events, loadMs } = await (async () => {
      const built = await buildAuthority(s, settings, today, (m) => log(`[${engine}] ${m}`));
      return { events: built.authority.events, loadMs: built.loadMs };
    })();
    (globalThis as { gc?: () => void }).gc?.();
    const loadedPeak = memory.peak();
    log(`[${engine}]   loaded in ${(loadMs / 1000).toFixed(1)} s; building the returns`);
    const returnsMemory = memorySampler(100);
    const figures = await measureReturns(s, today, settings.runs, (m) => log(`[${engine}] ${m}`)).finally(() => returnsMemory.stop());
    return { engine, version: bench.version, events, loadMs, figures, peakBytes: returnsMemory.peak(), loadedPeak };
  } finally {
    memory.stop();
    await bench.dispose();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const whole = (n: number) => Math.round(n).toLocaleString('en-GB');

async function main() {
  const engines: Engine[] = benchServerUrl() ? ['pglite', 'postgres'] : ['pglite'];
  const results = [];
  for (const engine of engines) results.push(await measure(engine));
  const lines = [
    `# Statutory returns benchmark (issue 10), ${new Date().toISOString().slice(0, 10)}`,
    '',
    `- ${machine()}`,
    `- Both returns for the last whole collection year built from every child's events and checked against every DfE rule Hearth implements (\`returns.build\`), ${settings.runs} runs; aim: 50,000 children in under ${seconds(returnsTargetMs)}.`,
    '',
    '| Engine | Children read | Events | In the CIN census | In the SSDA903 | Median | p95 | Rule checks a second | Failures | Aim | Peak memory while building |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
    ...results.map(({ engine, version, events, figures: f, peakBytes }: { engine: Engine; version: string; events: number; figures: ReturnsFigures; peakBytes: number }) =>
      `| ${engine === 'pglite' ? version.replace(/^PostgreSQL (\S+) \((.+)\)$/, '$2 (PostgreSQL $1)') : version} | ${whole(f.children)} | ${whole(events)} | ${whole(f.cinChildren)} | ${whole(f.lookedAfter)} (${whole(f.episodes)} episodes) | ${seconds(f.build.medianMs)} | ${seconds(f.build.p95Ms)} | ${whole(f.ruleChecks / (f.build.medianMs / 1000))} | ${whole(f.failures)} | ${f.build.p95Ms < returnsTargetMs ? 'met' : 'not met'} | ${whole(peakBytes / 1024 / 1024)} MB |`),
    '',
    ...results.map(({ engine, loadMs, loadedPeak, figures: f }) => `- ${engine}: loading the authority (setup) ${seconds(loadMs)}, peak memory then ${whole(loadedPeak / 1024 / 1024)} MB (the generated authority is held in memory while it is loaded); writing the CIN census XML (${whole(f.cinBytes / 1024)} kB) and the SSDA903 CSV tables ${whole(f.writeMs)} ms.`),
  ];
  const report = lines.join('\n') + '\n';
  process.stdout.write(`\n${report}`);
  mkdirSync(path.join(here, 'results'), { recursive: true });
  const file = path.join(here, 'results', `returns-${new Date().toISOString().slice(0, 10)}.md`);
  writeFileSync(file, report);
  log(`Written to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
