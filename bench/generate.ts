import { parseArgs } from 'node:util';
import { londonDate } from '../src/domain/calendar/localDate';
import type { RequestContext } from '../src/platform/audit/auditLog';
import type { Services } from '../src/services';
import { syntheticAuthority, type SyntheticChild } from './authority/syntheticAuthority';
import type { SyntheticEvent } from './authority/journey';

/**
 * `npx hearth bench generate --children N --years Y --seed S` (issue 9): a synthetic authority —
 * fictional names and dates, never real data — written into the database Hearth is configured
 * with, through the same import path as a real migration (`events import --in-batches`: each
 * line checked, each child's events checked in order, appended, projected, the standards worked
 * out, audited). Its teams and staff are made as an administrator makes them: social workers
 * with caseloads of 20 to 25 (specialist-service-statement.txt 5.2) and a team manager or
 * assistant team manager to about every 6 of them (5.3). The same seed and `--as-of` give the
 * same authority; without `--as-of` it is drawn as of the moment it runs, so two runs on the same
 * day differ a little (dates of birth and first contacts are counted back from that instant).
 */
export const generateUsage = `  bench generate --children N [--years Y] [--seed S] [--events-per-child E] [--as-of YYYY-MM-DD] [--batch B]
                                 write a synthetic authority (fictional) through the import path`;

const caseloadTarget = 22.5;
const practitionersPerManager = 6;
export const syntheticPassword = 'synthetic-authority-2026';

export interface GenerateOptions {
  children: number;
  years: number;
  seed: number;
  eventsPerChild: number;
  asOf: Date;
  batch: number;
}

export function generateOptions(args: string[]): GenerateOptions | string {
  const { values } = parseArgs({
    args,
    options: { children: { type: 'string' }, years: { type: 'string' }, seed: { type: 'string' }, 'events-per-child': { type: 'string' }, 'as-of': { type: 'string' }, batch: { type: 'string' } },
  });
  const int = (name: string, value: string | undefined, fallback: number, min: number, max: number): number | string => {
    if (value === undefined) return fallback;
    const n = Number(value);
    return Number.isInteger(n) && n >= min && n <= max ? n : `--${name} must be a whole number from ${min} to ${max}`;
  };
  if (values.children === undefined) return 'bench generate needs --children N (1,000 is the small authority, 50,000 the large)';
  const children = int('children', values.children, 0, 10, 500_000);
  const years = int('years', values.years, 6, 1, 20);
  const seed = int('seed', values.seed, 1, 0, 1_000_000);
  const eventsPerChild = int('events-per-child', values['events-per-child'], 100, 8, 1000);
  const batch = int('batch', values.batch, 500, 1, 10_000);
  for (const v of [children, years, seed, eventsPerChild, batch]) if (typeof v === 'string') return v;
  const asOf = values['as-of'] === undefined ? new Date() : new Date(`${values['as-of']}T12:00:00Z`);
  if (Number.isNaN(asOf.getTime())) return '--as-of must be a date written YYYY-MM-DD';
  return { children: children as number, years: years as number, seed: seed as number, eventsPerChild: eventsPerChild as number, asOf, batch: batch as number };
}

interface Worker {
  id: string;
  name: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A child's lines, as an authority's export would give them: newline-delimited JSON. */
function* linesOf(child: SyntheticChild, external: string, workerFor: (teamId: string) => Worker & { teamName: string }): Generator<string> {
  for (const event of child.events) yield JSON.stringify(lineOf(child, external, event, workerFor));
}

function lineOf(child: SyntheticChild, external: string, event: SyntheticEvent, workerFor: (teamId: string) => Worker & { teamName: string }) {
  if (event.type === 'child.registered') {
    const { person } = child;
    return { child: external, type: 'child.registered', at: iso(event.at), data: { name: `${person.givenNames} ${person.familyName}`, dateOfBirth: person.dateOfBirth, gender: person.gender, ethnicity: person.ethnicity, disabilities: child.disabled ? ['MOB', 'LD'] : [] } };
  }
  let data = event.data;
  if (event.type === 'child.allocated') {
    const worker = workerFor(String(data.teamId));
    data = { teamId: data.teamId, teamName: worker.teamName, workerId: worker.id, workerName: worker.name };
  }
  return { child: external, type: event.type, at: iso(event.at), recorded: iso(Math.max(event.recordedAt, event.at)), data };
}

export async function generateAuthority(services: Services, admin: RequestContext, options: GenerateOptions, progress: (message: string) => void) {
  const started = Date.now();
  progress(`Drawing ${options.children.toLocaleString('en-GB')} children over ${options.years} years (seed ${options.seed}, as of ${londonDate(options.asOf)})…`);
  const authority = syntheticAuthority({ children: options.children, eventsPerChild: options.eventsPerChild, years: options.years, today: options.asOf, workersPerTeam: 1, seed: options.seed });

  const existing = new Set((await services.staff.teams()).map((t) => t.name));
  const suffix = ` (synthetic ${options.seed})`;
  const clash = authority.teams.find((t) => existing.has(t.name + suffix));
  if (clash) throw new Error(`This database already has the synthetic authority of seed ${options.seed} (team "${clash.name}${suffix}"): use another seed, or an empty database`);

  // Where each child's case is now: the last allocation. Workers are made to hold 20-25 of those each.
  const finalTeam = authority.children.map((c) => {
    const allocations = c.events.filter((e) => e.type === 'child.allocated');
    return allocations.length ? String(allocations.at(-1)?.data.teamId) : null;
  });
  const teamIds = new Map<string, string>();
  const workers = new Map<string, Worker[]>();
  let staff = 0;
  let managers = 0;
  let n = 0;
  for (const team of authority.teams) {
    const id = await services.userAdmin.createTeam(admin, { name: team.name + suffix, service: 'Synthetic authority (benchmarks)', purpose: 'Fictional: generated by npx hearth bench generate', specialism: team.specialism });
    teamIds.set(team.id, id);
    const held = finalTeam.filter((t) => t === team.id).length;
    const count = Math.max(1, Math.ceil(held / caseloadTarget));
    const list: Worker[] = [];
    for (let i = 0; i < count; i++) {
      const username = `syn${options.seed}.sw.${++n}`;
      const name = `Synthetic Worker ${n}`;
      list.push({ id: await services.userAdmin.createUser(admin, { username, displayName: name, email: null, jobTitle: 'Social Worker', roles: ['social-worker'], teamIds: [id], password: syntheticPassword }), name });
    }
    for (let i = 0; i < Math.ceil(count / practitionersPerManager); i++) {
      const role = i === 0 ? 'team-manager' : 'assistant-team-manager';
      await services.userAdmin.createUser(admin, { username: `syn${options.seed}.tm.${++n}`, displayName: `Synthetic Manager ${n}`, email: null, jobTitle: role === 'team-manager' ? 'Team Manager' : 'Assistant Team Manager', roles: [role], teamIds: [id], password: syntheticPassword });
      managers++;
    }
    workers.set(team.id, list);
    staff += count;
  }
  progress(`${authority.teams.length} teams, ${staff} social workers and ${managers} managers made; importing ${authority.events.toLocaleString('en-GB')} events…`);

  const teamName = new Map(authority.teams.map((t) => [t.id, t.name + suffix]));
  const turn = new Map<string, number>();
  async function* lines(): AsyncGenerator<string> {
    for (const [index, child] of authority.children.entries()) {
      // The child's worker in each team: the same for all the child's allocations to it, taken in turn.
      const chosen = new Map<string, Worker & { teamName: string }>();
      const workerFor = (synthetic: string) => {
        let worker = chosen.get(synthetic);
        if (!worker) {
          const list = workers.get(synthetic) as Worker[];
          const k = turn.get(synthetic) ?? 0;
          turn.set(synthetic, k + 1);
          worker = { ...(list[k % list.length] as Worker), teamName: teamName.get(synthetic) as string };
          chosen.set(synthetic, worker);
        }
        return { ...worker, id: worker.id };
      };
      const external = `SYN${options.seed}-${String(index + 1).padStart(6, '0')}`;
      for (const line of linesOf(child, external, (synthetic) => workerFor(synthetic))) {
        // The import reads Hearth team ids: the synthetic ones are swapped for the teams just made.
        yield line.replace(/"teamId":"([0-9a-f-]{36})"/, (_, id: string) => `"teamId":"${teamIds.get(id) ?? id}"`);
      }
    }
  }
  const importStarted = Date.now();
  const report = await services.eventImport.importInBatches(admin, lines(), {
    batchChildren: options.batch,
    progress: (r) => progress(`  ${r.imported.toLocaleString('en-GB')} events for ${r.children.toLocaleString('en-GB')} children (${Math.round(r.imported / Math.max(0.001, (Date.now() - importStarted) / 1000))} events/s)`),
  });
  const seconds = (Date.now() - importStarted) / 1000;
  return { authority, report, staff, managers, importSeconds: seconds, totalSeconds: (Date.now() - started) / 1000 };
}
