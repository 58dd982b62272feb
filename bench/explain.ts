import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../src/domain/access/can';
import { parseSearchText } from '../src/domain/people/searchQuery';
import type { Db } from '../src/platform/db/database';
import { visibleTo } from '../src/modules/people/peopleRepository';
import { people } from '../src/modules/people/peopleTables';
import type { QueryKind } from './searchBench';

/**
 * EXPLAIN ANALYZE of the search's two queries (the page and the count), for one query of each
 * kind: where the time goes. This rebuilds the query as peopleRepository.search does (keep the
 * two alike); it is a diagnostic only (BENCH_EXPLAIN=1) and is not timed.
 */
export async function explainSearches(db: Db, actor: Actor, kinds: QueryKind[]): Promise<string> {
  const out: string[] = [];
  for (const kind of kinds) {
    const query = kind.queries[0];
    if (!query) continue;
    const parsed = parseSearchText(query.q);
    const where: SQL[] = [visibleTo(actor)];
    for (const term of parsed.nameTerms) where.push(sql`${people.searchText} like ${`%${term}%`}`);
    if (query.dateOfBirth) where.push(eq(people.dateOfBirth, query.dateOfBirth));
    if (parsed.nhsNumber) where.push(eq(people.nhsNumber, parsed.nhsNumber));
    if (parsed.hearthId !== null) where.push(eq(people.hearthId, parsed.hearthId));
    const condition = and(...where);
    const firstTerm = parsed.nameTerms[0] ?? '';
    const page = db
      .select()
      .from(people)
      .where(condition)
      .orderBy(
        sql`case when lower(${people.familyName}) like ${`${firstTerm}%`} then 0 else 1 end`,
        asc(sql`lower(${people.familyName})`),
        asc(sql`lower(${people.givenNames})`),
        asc(people.hearthId),
      )
      .limit(20)
      .offset(0);
    const count = db.select({ n: sql<number>`count(*)::int` }).from(people).where(condition);
    for (const [name, statement] of [['page', page], ['count', count]] as const) {
      const result = (await db.execute(sql`explain (analyze, buffers) ${statement}`)) as unknown as { rows: Record<string, string>[] };
      out.push(`### ${kind.label}: q=${JSON.stringify(query.q)}${query.dateOfBirth ? ` dateOfBirth=${query.dateOfBirth}` : ''} (${name} query)`);
      out.push(...result.rows.map((row) => Object.values(row)[0] ?? ''), '');
    }
  }
  return out.join('\n');
}
