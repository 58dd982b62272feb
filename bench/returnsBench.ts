import { cliContext } from '../src/cli/cliContext';
import { collectionYearOf } from '../src/domain/returns/collectionYear';
import { londonDate } from '../src/domain/calendar/localDate';
import { cinRules } from '../src/domain/returns/cinCensus/rules/index';
import { ssda903Rules } from '../src/domain/returns/ssda903/rules/index';
import type { Services } from '../src/services';
import { msSince, nowNs, summarise, type Timing } from './measure';

/**
 * Issue 10's benchmark: both statutory returns built from every child's events and checked
 * against every DfE rule, for the synthetic authority the standards benchmark loaded. The aim is
 * both returns for 50,000 children in under 30 seconds.
 */
export interface ReturnsFigures {
  year: number;
  children: number;
  cinChildren: number;
  lookedAfter: number;
  episodes: number;
  failures: number;
  /** Rules applied: each CIN census rule to each child in need, each SSDA903 rule to each child in that return. */
  ruleChecks: number;
  build: Timing;
  /** The files written from it: the CIN census XML and the SSDA903 CSV tables. */
  writeMs: number;
  cinBytes: number;
}

export const returnsTargetMs = 30_000;

export async function measureReturns(s: Services, today: Date, runs: number, log: (message: string) => void): Promise<ReturnsFigures> {
  // The last whole collection year: the one an authority is sending.
  const year = collectionYearOf(londonDate(today)) - 1;
  const context = cliContext(['performance-officer']);
  const durations: number[] = [];
  let built: Awaited<ReturnType<Services['returns']['build']>> | null = null;
  for (let i = 0; i < runs; i++) {
    const start = nowNs();
    built = await s.returns.build(context, { year, la: '873' });
    durations.push(msSince(start));
    log(`  returns for ${year}: run ${i + 1} of ${runs} in ${(durations.at(-1)! / 1000).toFixed(1)} s`);
  }
  const b = built as NonNullable<typeof built>;
  const start = nowNs();
  const xml = s.returns.cinXml(b);
  s.returns.ssda903Files(b);
  const writeMs = msSince(start);
  const cinChildren = b.cin?.children.length ?? 0;
  const lookedAfter = b.ssda903?.header.length ?? 0;
  return {
    year,
    children: b.children,
    cinChildren,
    lookedAfter,
    episodes: b.ssda903?.episodes.length ?? 0,
    failures: b.failures.length,
    ruleChecks: cinChildren * cinRules.length + lookedAfter * ssda903Rules.length,
    build: summarise(durations),
    writeMs,
    cinBytes: Buffer.byteLength(xml),
  };
}
