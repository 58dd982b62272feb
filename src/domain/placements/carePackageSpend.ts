import { committed, type CarePackage } from './carePackages';

/**
 * Committed spend on care packages (issue 7: "the total committed spend by child, provider, team and
 * month"): what approved packages cost, night by night, month by month.
 *
 * Rounding, defined once: a package's spend in a month is its weekly cost × the nights it runs in
 * that month ÷ 7, rounded to the nearest penny. Weekly costs and nights are whole numbers, so the
 * exact amount is a whole number of sevenths of a penny and never ends in exactly half a penny: there
 * is no tie to break. Every total is a sum of these monthly amounts, so the rows of a report add up
 * to its totals (a package's months may differ by a penny from its whole period rounded once).
 */
export function spendForNights(weeklyPence: number, nights: number): number {
  return Math.round((weeklyPence * nights) / 7);
}

const dayMs = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / dayMs;

/** Nights from one date up to (not including) another: 0 when the second is not after the first. */
export function nightsBetween(from: string, to: string): number {
  return Math.max(0, dayNumber(to) - dayNumber(from));
}

/** The first day of a month written YYYY-MM, and of the month after it. */
export function monthStart(month: string): string {
  return `${month}-01`;
}
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from one to another, both included (YYYY-MM). */
export function monthsFrom(fromMonth: string, toMonth: string): string[] {
  const months: string[] = [];
  for (let m = fromMonth; m <= toMonth && months.length < 240; m = nextMonth(m)) months.push(m);
  return months;
}

/** The financial year (April to March) a date falls in, as its first and last months. */
export function financialYearOf(date: string): { fromMonth: string; toMonth: string } {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const start = m >= 4 ? y : y - 1;
  return { fromMonth: `${start}-04`, toMonth: `${start + 1}-03` };
}

/** The nights a package is paid for in a month. */
export function nightsInMonth(p: Pick<CarePackage, 'startsOn' | 'endsOn'>, month: string): number {
  const from = p.startsOn > monthStart(month) ? p.startsOn : monthStart(month);
  const monthEnd = monthStart(nextMonth(month));
  const to = p.endsOn !== null && p.endsOn < monthEnd ? p.endsOn : monthEnd;
  return nightsBetween(from, to);
}

export interface SpendLine<P> {
  package: P;
  month: string;
  nights: number;
  pence: number;
}

/** Each approved package's spend in each month of the range it runs in. */
export function spendLines<P extends CarePackage>(packages: readonly P[], fromMonth: string, toMonth: string): SpendLine<P>[] {
  const lines: SpendLine<P>[] = [];
  const months = monthsFrom(fromMonth, toMonth);
  for (const p of packages) {
    if (!committed(p)) continue;
    for (const month of months) {
      const nights = nightsInMonth(p, month);
      if (nights > 0) lines.push({ package: p, month, nights, pence: spendForNights(p.weeklyPence, nights) });
    }
  }
  return lines;
}

/** Committed spend in each month of the range (every month, nothing spent as 0). */
export function spendByMonth(packages: readonly CarePackage[], fromMonth: string, toMonth: string): { month: string; pence: number }[] {
  const byMonth = new Map(monthsFrom(fromMonth, toMonth).map((m) => [m, 0]));
  for (const line of spendLines(packages, fromMonth, toMonth)) byMonth.set(line.month, (byMonth.get(line.month) ?? 0) + line.pence);
  return [...byMonth].map(([month, pence]) => ({ month, pence }));
}

/** Lines added up by a key (a provider, a team, a child), largest first. */
export function totalsBy<P>(lines: readonly SpendLine<P>[], keyOf: (line: SpendLine<P>) => string): { key: string; pence: number }[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(keyOf(line), (totals.get(keyOf(line)) ?? 0) + line.pence);
  return [...totals].map(([key, pence]) => ({ key, pence })).sort((a, b) => b.pence - a.pence || a.key.localeCompare(b.key));
}
