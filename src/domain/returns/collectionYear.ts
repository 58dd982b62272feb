/**
 * A statutory return's collection year. Both the CIN census and the SSDA903 return cover the
 * year from 1 April to 31 March; "the 2026 return" is the year that ends on 31 March 2026, and
 * the CIN census calls 31 March its reference date (cin-census/rules.csv 100).
 */
export interface CollectionPeriod {
  /** The year the collection ends in: 2026 for 1 April 2025 to 31 March 2026. */
  year: number;
  /** 1 April of the year before, YYYY-MM-DD. */
  start: string;
  /** 31 March, YYYY-MM-DD: the census reference date. */
  end: string;
}

export function collectionPeriod(year: number): CollectionPeriod {
  return { year, start: `${year - 1}-04-01`, end: `${year}-03-31` };
}

/** The collection year a date falls in: 2026-03-31 is in 2026, 2026-04-01 in 2027. */
export function collectionYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '04-01' ? year + 1 : year;
}

export const withinPeriod = (date: string | null | undefined, period: CollectionPeriod): boolean =>
  typeof date === 'string' && date >= period.start && date <= period.end;
