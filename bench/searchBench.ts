import type { FastifyInstance } from 'fastify';
import { cliContext } from '../src/cli/cliContext';
import type { RequestContext } from '../src/platform/audit/auditLog';
import type { Services } from '../src/services';
import { Client } from '../test/support/testApp';
import { msSince, nowNs, timeIt, type Timing } from './measure';
import { populationDate, registrationEvent, seededRandom, syntheticPeople, type Random, type SyntheticPerson } from './syntheticPeople';

export interface LoadFigures {
  people: number;
  batchSize: number;
  loadMs: number;
  peoplePerSecond: number;
  slowestBatchMs: number;
}

export interface LoadedPerson extends SyntheticPerson {
  hearthId: number;
}

/**
 * Loads the population the way real data arrives: registration events through importEvents,
 * each appended to the log and projected, `batchSize` to a transaction.
 */
export async function loadPeople(s: Services, count: number, batchSize: number, progress: (message: string) => void): Promise<{ figures: LoadFigures; loaded: LoadedPerson[] }> {
  const people = syntheticPeople(count, 2026, populationDate);
  const random = seededRandom(7);
  const loaded: LoadedPerson[] = [];
  let slowestBatchMs = 0;
  const start = nowNs();
  for (let offset = 0; offset < people.length; offset += batchSize) {
    const batch = people.slice(offset, offset + batchSize);
    const batchStart = nowNs();
    const recorded = await s.people.importEvents(
      cliContext(),
      batch.map((p) => registrationEvent(p, new Date(populationDate.getTime() - random.int(30, 3650) * 24 * 60 * 60 * 1000))),
    );
    slowestBatchMs = Math.max(slowestBatchMs, msSince(batchStart));
    recorded.forEach((event, i) => loaded.push({ ...(batch[i] as SyntheticPerson), hearthId: Number(event.data.hearthId) }));
    if ((offset / batchSize) % 10 === 9 || offset + batchSize >= people.length) {
      const seconds = msSince(start) / 1000;
      progress(`  loaded ${loaded.length.toLocaleString('en-GB')} people in ${seconds.toFixed(1)} s (${Math.round(loaded.length / seconds)} people/s)`);
    }
  }
  const loadMs = msSince(start);
  return { figures: { people: loaded.length, batchSize, loadMs, peoplePerSecond: loaded.length / (loadMs / 1000), slowestBatchMs }, loaded };
}

export interface SearchQuery {
  q: string;
  dateOfBirth: string | null;
  /** Who the query was drawn from: every query should find them. */
  target: LoadedPerson;
}

export interface QueryKind {
  key: string;
  label: string;
  queries: SearchQuery[];
}

const lettersOnly = /^\p{L}+$/u;

/** Queries drawn from the loaded people, as a duty worker would type them. */
export function searchQueries(loaded: readonly LoadedPerson[], perKind: number): QueryKind[] {
  const random = seededRandom(42);
  const draw = (accept: (p: LoadedPerson) => boolean, make: (p: LoadedPerson, r: Random) => Omit<SearchQuery, 'target'>): SearchQuery[] => {
    const queries: SearchQuery[] = [];
    while (queries.length < perKind) {
      const person = random.pick(loaded);
      if (accept(person)) queries.push({ ...make(person, random), target: person });
    }
    return queries;
  };
  const first = (p: LoadedPerson) => p.givenNames.split(' ')[0] as string;
  return [
    {
      key: 'partial',
      label: 'Partial name (3-4 letters from the middle of a surname)',
      queries: draw(
        (p) => lettersOnly.test(p.familyName) && p.familyName.length >= 6,
        (p, r) => {
          const length = r.int(3, 4);
          const at = r.int(1, p.familyName.length - length - 1);
          return { q: p.familyName.slice(at, at + length).toLowerCase(), dateOfBirth: null };
        },
      ),
    },
    {
      key: 'prefixes',
      label: 'Given and family name prefixes ("jam smi")',
      queries: draw(
        (p) => first(p).length >= 3 && p.familyName.length >= 3,
        (p) => ({ q: `${first(p).slice(0, 3)} ${p.familyName.slice(0, 3)}`.toLowerCase(), dateOfBirth: null }),
      ),
    },
    { key: 'surname', label: 'Full surname', queries: draw(() => true, (p) => ({ q: p.familyName, dateOfBirth: null })) },
    {
      key: 'dobName',
      label: 'Date of birth and surname',
      queries: draw(() => true, (p) => ({ q: p.familyName, dateOfBirth: p.dateOfBirth })),
    },
    {
      key: 'nhs',
      label: 'NHS number',
      queries: draw(
        (p) => p.nhsNumber !== null,
        (p, r) => {
          const n = p.nhsNumber as string;
          return { q: r.chance(0.5) ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` : n, dateOfBirth: null };
        },
      ),
    },
    { key: 'hearthId', label: 'Hearth ID', queries: draw(() => true, (p) => ({ q: String(p.hearthId), dateOfBirth: null })) },
  ];
}

export interface SearchFigures {
  key: string;
  label: string;
  timing: Timing;
  /** The mean number of matches (all pages), which the count query has to find. */
  meanMatches: number;
  /** Queries whose first page did not include the person they were drawn from (exact kinds only). */
  targetMissing: number;
  /** Queries that found nobody at all, and a few of them to look into. */
  empty: number;
  emptyExamples: string[];
}

/** Times each kind of query through the service, one after another. */
export async function timeSearches(s: Services, context: RequestContext, kinds: QueryKind[], warmUp: number): Promise<SearchFigures[]> {
  const figures: SearchFigures[] = [];
  for (const kind of kinds) {
    let matches = 0;
    let empty = 0;
    let targetMissing = 0;
    const emptyExamples: string[] = [];
    const exact = kind.key === 'nhs' || kind.key === 'hearthId' || kind.key === 'dobName';
    const run = async (i: number, check: boolean) => {
      const query = kind.queries[i % kind.queries.length] as SearchQuery;
      const result = await s.people.search(context, { q: query.q, dateOfBirth: query.dateOfBirth, kind: null, page: 1, pageSize: 20 });
      if (!check) return;
      matches += result.total;
      if (result.total === 0) {
        empty++;
        if (emptyExamples.length < 3) emptyExamples.push([query.q, query.dateOfBirth].filter(Boolean).join(' born '));
      }
      if (exact && !result.records.some((r) => r.id === query.target.personId)) targetMissing++;
    };
    // Warm up on the other end of the list, so the timed queries are not all cached already.
    for (let i = 0; i < warmUp; i++) await run(kind.queries.length - 1 - i, false);
    const timing = await timeIt((i) => run(i, true), { warmUp: 0, iterations: kind.queries.length });
    figures.push({ key: kind.key, label: kind.label, timing, meanMatches: matches / kind.queries.length, targetMissing, empty, emptyExamples });
  }
  return figures;
}

/** Times the search page (GET /people?q=…) through the web application, signed in. */
export async function timeSearchPage(app: FastifyInstance, user: { username: string; password: string }, kind: QueryKind, warmUp: number): Promise<Timing> {
  const client = new Client(app);
  await client.signIn(user.username, user.password);
  return timeIt(
    async (i) => {
      const query = kind.queries[i % kind.queries.length] as SearchQuery;
      const params = new URLSearchParams({ q: query.q });
      const response = await client.get(`/people?${params.toString()}`);
      if (response.statusCode !== 200) throw new Error(`GET /people?${params.toString()} answered ${response.statusCode}`);
    },
    { warmUp, iterations: kind.queries.length },
  );
}
