import { addYears, ageOn, isIsoDate } from '../../../calendar/localDate';
/**
 * What the SSDA903 rules share: building a rule and its failures, date arithmetic on ISO dates
 * (no clock: every date comes from the return or its collection period), and the readings of a
 * child's episodes the DfE's rules keep returning to (periods of care, the 12-month cohort).
 */
import type { ReturnRule, RuleFailure } from '../../ruleTypes';
import type { EpisodeRow, HeaderRow, Ssda903Child, Ssda903RuleContext, Ssda903Tables } from '../ssda903Types';
import { respiteLs } from './codes';

export type Ssda903Rule = ReturnRule<Ssda903Child, Ssda903RuleContext>;

export function rule(
  code: string,
  message: string,
  fix: string,
  check: Ssda903Rule['check'],
  severity: 'error' | 'query' = 'error',
): Ssda903Rule {
  return { code, return: 'ssda903', message, fix, severity, check };
}

export const failure = (code: string, child: Ssda903Child, fields: string[], at?: string | null): RuleFailure => ({
  code,
  childId: child.childId,
  fields,
  at: at ?? null,
});

/** A check that looks at each row of a table on its own. */
export function eachRow<R>(
  code: string,
  rows: (child: Ssda903Child, ctx: Ssda903RuleContext) => readonly R[],
  fails: (row: R, child: Ssda903Child, ctx: Ssda903RuleContext) => boolean,
  fields: string[],
  at: (row: R) => string | null | undefined,
): Ssda903Rule['check'] {
  return (child, ctx) => rows(child, ctx).filter((r) => fails(r, child, ctx)).map((r) => failure(code, child, fields, at(r)));
}

// ---- dates -------------------------------------------------------------------------------------

/** A real calendar date written YYYY-MM-DD (rules 102, 141, 147 … "is not a valid date"). */
export const isRealDate = (value: string | null | undefined): value is string => typeof value === 'string' && isIsoDate(value);

/** Present but not a real date: blank is left to the rules that require a value. */
export const badDate = (value: string | null | undefined): boolean => value != null && !isRealDate(value);

const toUtc = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (iso: string, days: number): string => fromUtc(toUtc(iso) + days * 86_400_000);
export const daysBetween = (from: string, to: string): number => Math.round((toUtc(to) - toUtc(from)) / 86_400_000);

/** The same day n years on (a 29 February birthday falls on 1 March in a common year): src/domain/calendar/localDate.ts. */
export { addYears };

/** Whole years of age on a date (a 29 February birthday counted on 1 March): src/domain/calendar/localDate.ts. */
export { ageOn };

/** The date a child reaches an age. */
export const birthday = (dob: string, age: number): string => addYears(dob, age);

// ---- the child's rows ----------------------------------------------------------------------------

export const headerOf = (tables: Ssda903Tables): HeaderRow | null => tables.header[0] ?? null;

/** The child's date of birth from the header, when it is a real date. */
export function dobOf(child: Ssda903Child): string | null {
  const dob = headerOf(child.tables)?.DOB;
  return isRealDate(dob) ? dob : null;
}

const byDecom = (a: EpisodeRow, b: EpisodeRow): number => (a.DECOM ?? '9999').localeCompare(b.DECOM ?? '9999');

/** The child's episodes with a real start date, earliest first. */
export function episodesOf(tables: Ssda903Tables): EpisodeRow[] {
  return tables.episodes.filter((e) => isRealDate(e.DECOM)).sort(byDecom);
}

/**
 * This year's and last year's episodes together, earliest first: an episode open at the end of last
 * year appears in both returns, and this year's row (with its end) is the one kept.
 */
export function episodesAcrossYears(child: Ssda903Child, ctx: Ssda903RuleContext): EpisodeRow[] {
  const current = episodesOf(child.tables);
  const seen = new Set(current.map((e) => e.DECOM));
  const previous = ctx.previous ? episodesOf(ctx.previous).filter((e) => !seen.has(e.DECOM)) : [];
  return [...previous, ...current].sort(byDecom);
}

/** Does this episode start a new period of care after the one before it? */
export function startsPeriod(episode: EpisodeRow, before: EpisodeRow | undefined): boolean {
  if (!before) return true;
  if (episode.RNE === 'S') return true;
  return before.REC !== 'X1' || before.DEC !== episode.DECOM;
}

/** Episodes grouped into periods of care, in order. */
export function periodsOfCare(episodes: readonly EpisodeRow[]): EpisodeRow[][] {
  const periods: EpisodeRow[][] = [];
  episodes.forEach((e, i) => {
    if (startsPeriod(e, episodes[i - 1])) periods.push([e]);
    else periods[periods.length - 1]!.push(e);
  });
  return periods;
}

/** An episode's end, or the end of the collection year while it is still open. */
export const endOrYearEnd = (e: EpisodeRow, ctx: Ssda903RuleContext): string => (isRealDate(e.DEC) ? e.DEC : ctx.period.end);

/** Was the child looked after (in an episode) on this date? An episode covers its start day up to the day before it ends. */
export const lookedAfterOn = (episodes: readonly EpisodeRow[], date: string): boolean =>
  episodes.some((e) => e.DECOM! <= date && (e.DEC == null || e.DEC > date));

/** Did the child cease to be looked after at the end of this episode? */
export const ceasedCare = (e: EpisodeRow): boolean => e.DEC != null && e.REC != null && e.REC !== 'X1';

/**
 * Looked after continuously for at least 12 months at 31 March (the OC2 cohort): the period of care
 * open at the end of the year began on or before 1 April, a year earlier, and is not only short breaks.
 */
export function lookedAfter12Months(child: Ssda903Child, ctx: Ssda903RuleContext): boolean {
  const periods = periodsOfCare(episodesOf(child.tables));
  const last = periods[periods.length - 1];
  if (!last) return false;
  const final = last[last.length - 1]!;
  if (final.DEC != null && final.DEC <= ctx.period.end) return false;
  if (last.every((e) => respiteLs.has(e.LS ?? ''))) return false;
  return last[0]!.DECOM! <= ctx.period.start;
}

export const hasOc3Data = (t: Ssda903Tables): boolean =>
  t.oc3.some((r) => r.IN_TOUCH != null || r.ACTIV != null || r.ACCOM != null);

/** Any episode that was open at some time in the collection year. */
export const episodesInYear = (episodes: readonly EpisodeRow[], ctx: Ssda903RuleContext): EpisodeRow[] =>
  episodes.filter((e) => e.DECOM! <= ctx.period.end && (e.DEC == null || e.DEC >= ctx.period.start));

export const blank = (v: string | null | undefined): boolean => v == null || v === '';
