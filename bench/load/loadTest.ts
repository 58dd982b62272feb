import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summarise } from '../measure';
import { benchServerUrl } from '../engines';
import { prepareLoadAuthority } from './loadAuthority';
import { createLoadDatabase, startServer } from './server';
import { VirtualUser, type Outcome } from './virtualUser';
import { act, chooseKind, mix, seeded } from './workload';

/**
 * The load test (issue 9): Hearth on PostgreSQL on loopback, signed-in users doing the mixed
 * workload of workload.ts with a think time between requests, stepped up until the 95th
 * percentile passes 300 ms or a request fails. Reports the highest number of users held.
 * Bounded: each step runs for LOAD_STEP_SECONDS or LOAD_MAX_REQUESTS_PER_STEP requests, whichever
 * comes first; every request times out after 10 s; requests go only to 127.0.0.1.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres npx tsx bench/load/loadTest.ts
 *
 * LOAD_DATABASE_URL names an existing database to run on instead (the large synthetic authority
 * of `npx hearth bench generate`), as it is: its own workers sign in, and their visits and case
 * notes are added to it.
 */
const target = 300;
const env = process.env;
const steps = (env.LOAD_STEPS ?? '10,25,50,100,150,200,250,300,400').split(',').map(Number);
const stepSeconds = Number(env.LOAD_STEP_SECONDS ?? 30);
const thinkMs = Number(env.LOAD_THINK_MS ?? 2000);
const maxRequests = Number(env.LOAD_MAX_REQUESTS_PER_STEP ?? 20_000);
const port = Number(env.LOAD_PORT ?? 39123);
const poolSize = env.LOAD_POOL_SIZE ?? '20';

interface StepResult {
  users: number;
  requests: number;
  perSecond: number;
  errors: number;
  firstErrors: string[];
  overall: ReturnType<typeof summarise>;
  byKind: Map<string, ReturnType<typeof summarise>>;
  held: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runStep(users: VirtualUser[], work: (user: VirtualUser, index: number, random: () => number) => Promise<Outcome>): Promise<StepResult> {
  const outcomes: Outcome[] = [];
  const started = Date.now();
  const ends = started + stepSeconds * 1000;
  let sent = 0;
  await Promise.all(
    users.map(async (user, index) => {
      const random = seeded(index + 1);
      // Start spread over one think time, as people do not all click at once.
      await sleep(random() * thinkMs);
      while (Date.now() < ends && sent < maxRequests) {
        sent++;
        outcomes.push(await work(user, index, random));
        await sleep(thinkMs * (0.5 + random()));
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const errors = outcomes.filter((o) => o.error);
  const byKind = new Map(mix.map((m) => [m.kind as string, summarise(outcomes.filter((o) => o.kind === m.kind).map((o) => o.ms))]));
  const overall = summarise(outcomes.map((o) => o.ms));
  return {
    users: users.length,
    requests: outcomes.length,
    perSecond: outcomes.length / seconds,
    errors: errors.length,
    firstErrors: [...new Set(errors.map((e) => `${e.kind}: ${e.error}`))].slice(0, 5),
    overall,
    byKind,
    held: errors.length === 0 && overall.p95Ms <= target,
  };
}

function peakMemoryOf(pid: number | undefined): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return `${(kb / 1024).toFixed(0)} MB`;
  } catch {
    return 'not known';
  }
}

function report(results: StepResult[], memory: string, children: number, serverVersion: string, authority: string): string {
  const held = results.filter((r) => r.held).at(-1);
  const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '');
  const lines = [
    '# Hearth load test',
    '',
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${os.cpus()[0]?.model.trim() ?? 'unknown'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB memory; Node ${process.version}`,
    `- Server: \`node bin/hearth.js serve\` on 127.0.0.1, ${serverVersion} on loopback, a pool of ${poolSize} connections; ${authority} (${children.toLocaleString('en-GB')} children in the teams the load test's workers belong to)`,
    `- Workload: each virtual user is a signed-in social worker of a team that holds cases; between requests they think for ${thinkMs / 2}-${(thinkMs * 3) / 2} ms; the mix is ${mix.map((m) => `${m.kind} ${m.weight}%`).join(', ')}. Each step runs ${stepSeconds} s (at most ${maxRequests} requests).`,
    `- Target: ${target} ms at the 95th percentile with no errors. **Highest number of users held: ${held ? held.users : 'none'}**; server peak memory (VmHWM) ${memory}.`,
    '',
    '| Users | Requests | Requests/s | Errors | Median (ms) | p95 (ms) | Max (ms) | ' + mix.map((m) => `${m.kind} p95`).join(' | ') + ' | Held |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ' + mix.map(() => '---:').join(' | ') + ' | --- |',
    ...results.map((r) =>
      `| ${r.users} | ${r.requests} | ${r.perSecond.toFixed(1)} | ${r.errors} | ${ms(r.overall.medianMs)} | ${ms(r.overall.p95Ms)} | ${ms(r.overall.maxMs)} | ${mix.map((m) => ms(r.byKind.get(m.kind)?.p95Ms ?? NaN)).join(' | ')} | ${r.held ? 'yes' : 'no'} |`,
    ),
    '',
    ...results.flatMap((r) => (r.firstErrors.length ? [`- Errors at ${r.users} users: ${r.firstErrors.join('; ')}`] : [])),
  ];
  return lines.join('\n') + '\n';
}

async function main() {
  const serverUrl = benchServerUrl();
  if (!serverUrl) throw new Error('Set BENCH_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server: the load test runs Hearth on PostgreSQL');
  // An existing database (the large synthetic authority) if named, kept afterwards; otherwise a new one with the demonstration authority.
  const database = env.LOAD_DATABASE_URL ? { url: env.LOAD_DATABASE_URL, drop: async () => {} } : await createLoadDatabase(serverUrl, 'load');
  const describe = env.LOAD_DATABASE_URL ? `the database at LOAD_DATABASE_URL (${new URL(env.LOAD_DATABASE_URL).pathname.slice(1)})` : 'the demonstration authority';
  console.error(`Starting Hearth on ${database.url.replace(/\/\/[^@]*@/, '//')} (${env.LOAD_DATABASE_URL ? 'as it is' : 'the first start seeds the demonstration authority'})…`);
  const server = await startServer(database.url, port, { HEARTH_DATABASE_POOL_SIZE: poolSize });
  try {
    const authority = await prepareLoadAuthority(database.url, Math.max(...steps));
    const users = authority.users.map((u) => new VirtualUser(server.baseUrl, u.username));
    console.error(`Signing in ${users.length} users…`);
    for (let i = 0; i < users.length; i += 4) await Promise.all(users.slice(i, i + 4).map((u) => u.signIn(authority.password)));
    const childrenOf = (index: number) => authority.children.filter((c) => c.teamId === authority.users[index]?.teamId);
    // Each kind once first: a form that no longer matches what the page expects is a broken test, not a slow server.
    for (const m of mix) {
      const probe = await act(users[0] as VirtualUser, m.kind, seeded(99), authority, childrenOf(0));
      if (probe.error) throw new Error(`The workload's "${m.kind}" failed before any load (${probe.error}): fix bench/load/workload.ts`);
    }
    const results: StepResult[] = [];
    for (const count of steps) {
      console.error(`${count} users for ${stepSeconds} s…`);
      const result = await runStep(users.slice(0, count), (user, index, random) => act(user, chooseKind(random), random, authority, childrenOf(index)));
      results.push(result);
      console.error(`  ${result.requests} requests, p95 ${result.overall.p95Ms.toFixed(1)} ms, ${result.errors} errors`);
      if (!result.held) break;
    }
    const version = 'PostgreSQL';
    const text = report(results, peakMemoryOf(server.process.pid), authority.children.length, version, describe);
    process.stdout.write(text);
    const file = path.resolve(import.meta.dirname, `../results/load-${env.LOAD_DATABASE_URL ? 'synthetic-' : ''}${new Date().toISOString().slice(0, 10)}.md`);
    writeFileSync(file, text);
    console.error(`Written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await server.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
