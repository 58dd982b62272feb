import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { cliContext } from '../src/cli/cliContext';
import { addMonths, londonDate } from '../src/domain/calendar/localDate';
import type { Services } from '../src/services';
import { makeUser } from '../test/factories/index';
import { Client } from '../test/support/testApp';
import { loadChildren, loadStaff } from './authority/bulkLoad';
import { syntheticAuthority, type SyntheticAuthority, type SyntheticChild } from './authority/syntheticAuthority';
import { msSince, nowNs, summarise, timeIt, type Timing } from './measure';
import type { ReturnsFigures } from './returnsBench';

/**
 * Issue 3's benchmarks: every obligation of a synthetic authority worked out again, one new
 * event with its recomputation, and the compliance pages for the whole authority. See README.
 */
export interface StandardsFigures {
  children: number;
  events: number;
  teams: number;
  workers: number;
  generateMs: number;
  loadMs: number;
  obligations: number;
  /** How the obligations stand today: met, met late, overdue, due, cancelled. */
  states: Record<string, number>;
  recomputeRunsMs: number[];
  /** The first run, with no obligations stored yet (all written): the worst case. */
  recomputeFromNothing: Timing;
  /** The later runs, when nothing has changed (nothing written). */
  recomputeAgain: Timing | null;
  oneEvent: Timing;
  oneEventChildEvents: number;
  compliancePage: Timing;
  compliancePageBytes: number;
  drillDown: { ruleId: string; obligations: number; timing: Timing };
  period: { from: string; to: string };
  /** Issue 10: both statutory returns built and checked for the same authority (bench/returnsBench.ts). */
  returns?: ReturnsFigures;
}

export interface StandardsSettings {
  children: number;
  eventsPerChild: number;
  years: number;
  recomputeRuns: number;
  warmUp: number;
  iterations: number;
}

const rows = async <T>(s: Services, query: ReturnType<typeof sql>) => ((await s.db.execute(query)) as unknown as { rows: T[] }).rows;

/** Generates the authority and loads it; not timed as a measure, but reported. */
export async function buildAuthority(s: Services, settings: StandardsSettings, today: Date, log: (message: string) => void) {
  let start = nowNs();
  const authority = syntheticAuthority({ children: settings.children, eventsPerChild: settings.eventsPerChild, years: settings.years, today, workersPerTeam: 25 });
  const generateMs = msSince(start);
  log(`  generated ${authority.events.toLocaleString('en-GB')} events for ${authority.children.length.toLocaleString('en-GB')} children in ${(generateMs / 1000).toFixed(1)} s; loading`);
  start = nowNs();
  await loadStaff(s.db, authority);
  await loadChildren(s.db, authority, log);
  // What a server's autovacuum, and Hearth's start-up ANALYZE of the embedded database, do.
  await s.db.execute(sql`analyze`);
  return { authority, generateMs, loadMs: msSince(start) };
}

/** Children with about `events` events and an open plan or period in care: whose record a worker adds to. */
function busyChildren(authority: SyntheticAuthority, events: number): { child: SyntheticChild; visit: string }[] {
  const visitOf: [start: string, end: string, visit: string][] = [
    ['cin.plan_started', 'cin.plan_ended', 'cin.visit'],
    ['cp.conference_held', 'cp.plan_ended', 'cp.visit'],
    ['cic.started', 'cic.ended', 'cic.visit'],
  ];
  const found: { child: SyntheticChild; visit: string }[] = [];
  for (const child of authority.children) {
    if (Math.abs(child.events.length - events) > events / 10) continue;
    const open = visitOf.find(([start, end]) => {
      const last = child.events.findLast((e) => e.type === start || e.type === end);
      return last?.type === start && (start !== 'cp.conference_held' || last.data.planMade === true);
    });
    if (open) found.push({ child, visit: open[2] });
  }
  return found;
}

export async function measureStandards(s: Services, app: FastifyInstance, built: Awaited<ReturnType<typeof buildAuthority>>, settings: StandardsSettings, today: Date, log: (message: string) => void): Promise<StandardsFigures> {
  const { authority } = built;
  const recomputeRunsMs: number[] = [];
  for (let run = 1; run <= settings.recomputeRuns; run++) {
    log(`  recompute ${run} of ${settings.recomputeRuns}`);
    const start = nowNs();
    let reported = 0;
    await s.standards.recomputeAll((done, total) => {
      if (done - reported >= total / 4 || done === total) {
        reported = done;
        log(`    ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} people, ${(msSince(start) / 1000).toFixed(1)} s`);
      }
    });
    recomputeRunsMs.push(msSince(start));
  }
  // A maintained database: the server's autovacuum, or Hearth's hourly VACUUM of the embedded one.
  await s.db.execute(sql`vacuum analyze`);
  const now = s.clock.now().toISOString();
  const stateRows = await rows<{ state: string; n: number }>(s, sql`select case when outcome = 'open' then case when deadline < ${now}::timestamptz then 'overdue' else 'due' end when outcome = 'missed' then 'overdue' else outcome end as state, count(*)::int as n from obligations group by 1 order by 2 desc`);
  const states = Object.fromEntries(stateRows.map((r) => [r.state, Number(r.n)]));
  const obligations = stateRows.reduce((sum, r) => sum + Number(r.n), 0);

  log(`  one new event, for children with about ${settings.eventsPerChild} events`);
  const busy = busyChildren(authority, settings.eventsPerChild);
  if (busy.length === 0) throw new Error(`No child with about ${settings.eventsPerChild} events and an open plan`);
  const worker = (child: SyntheticChild) => {
    const allocation = child.events.findLast((e) => e.type === 'child.allocated')?.data as { workerId: string; workerName: string };
    return { userId: allocation.workerId, displayName: allocation.workerName };
  };
  const oneEvent = await timeIt(async (i) => {
    const { child, visit } = busy[i % busy.length] as (typeof busy)[number];
    // A visit earlier today, recorded now: the child's obligations are worked out again in the same transaction.
    const occurredAt = new Date(today.getTime() - (i + 1) * 1000);
    await s.people.importEvents(cliContext(), [{ personId: child.person.personId, type: visit, occurredAt, data: { seenAlone: true }, recordedBy: worker(child) }]);
  }, settings);

  log('  compliance pages for the whole authority, over 12 months');
  const head = await makeUser(s, { roles: ['head-of-service'], username: 'bench.head' });
  const client = new Client(app);
  await client.signIn(head.actor.username, head.password);
  const to = londonDate(today);
  const from = addMonths(to, -12);
  const query = (() => {
    const [fy, fm, fd] = from.split('-');
    const [ty, tm, td] = to.split('-');
    return new URLSearchParams({ 'from-day': fd as string, 'from-month': fm as string, 'from-year': fy as string, 'to-day': td as string, 'to-month': tm as string, 'to-year': ty as string }).toString();
  })();
  let compliancePageBytes = 0;
  const page = (url: string) => async () => {
    const response = await client.get(url);
    if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}`);
    return response;
  };
  const compliancePage = await timeIt(async () => {
    compliancePageBytes = (await page(`/compliance?${query}`)()).body.length;
  }, settings);
  // The drill-down for the standard with the most obligations in the period: the heaviest page.
  const [busiest] = await rows<{ ruleId: string; n: number }>(s, sql`select rule_id as "ruleId", count(*)::int as n from obligations where deadline >= ${from}::date and deadline < ${to}::date + 1 and outcome <> 'cancelled' group by rule_id order by 2 desc limit 1`);
  const ruleId = busiest?.ruleId ?? 'cin.visit';
  const drillDown = { ruleId, obligations: Number(busiest?.n ?? 0), timing: await timeIt(page(`/compliance/${ruleId}?${query}`), settings) };

  return {
    children: authority.children.length,
    events: authority.events,
    teams: authority.teams.length,
    workers: authority.workers.length,
    generateMs: built.generateMs,
    loadMs: built.loadMs,
    obligations,
    states,
    recomputeRunsMs,
    recomputeFromNothing: summarise(recomputeRunsMs.slice(0, 1)),
    recomputeAgain: recomputeRunsMs.length > 1 ? summarise(recomputeRunsMs.slice(1)) : null,
    oneEvent,
    oneEventChildEvents: settings.eventsPerChild,
    compliancePage,
    compliancePageBytes,
    drillDown,
    period: { from, to },
  };
}
