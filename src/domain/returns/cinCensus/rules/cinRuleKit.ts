import { addDays, addMonths, isIsoDate } from '../../../calendar/localDate';
import type { RuleFailure } from '../../ruleTypes';
import type { CinChild } from '../cinCensusTypes';
import type { CinRule, CinRuleContext, CinRuleDescription } from './cinRuleContext';

/** One thing wrong with a child: the DfE fields involved and the date of the item concerned. */
export interface Finding {
  fields: string[];
  at?: string | null;
}

/** A code ending in Q is a query (returns-reference/README.md: "Codes ending in Q are queries"). */
export const severityOf = (code: string): 'error' | 'query' => (code.endsWith('Q') ? 'query' : 'error');

export function describeRule(code: string, message: string, fix: string): CinRuleDescription & { return: 'cin-census' } {
  return { code, return: 'cin-census', message, fix, severity: severityOf(code) };
}

/**
 * Builds a child rule from what it finds; the code, the child's LAchildID and the severity are
 * filled in here so that each rule states only its meaning.
 */
export function cinRule(spec: {
  code: string;
  message: string;
  fix: string;
  find(child: CinChild, context: CinRuleContext): Finding[];
}): CinRule {
  const { code, find } = spec;
  return {
    ...describeRule(code, spec.message, spec.fix),
    check(child, context): RuleFailure[] {
      const found = find(child, context);
      if (found.length === 0) return [];
      const childId = child.ChildIdentifiers.LAchildID || null;
      return found.map((f) => ({ code, childId, fields: f.fields, at: f.at ?? null }));
    },
  };
}


/** A date the census can use: present and a real YYYY-MM-DD date (no 31 April). */
export const isDate = (value: string | null | undefined): value is string => typeof value === 'string' && isIsoDate(value);

const thresholds = new WeakMap<CinRuleContext, Map<string, string>>();

/**
 * A date worked out from the census year alone (a number of working days before 31 March, 25
 * years before it), once per context rather than once per child.
 */
export function yearDate(context: CinRuleContext, key: string, work: () => string): string {
  let known = thresholds.get(context);
  if (!known) thresholds.set(context, (known = new Map()));
  let date = known.get(key);
  if (date === undefined) known.set(key, (date = work()));
  return date;
}

export const hasText = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

export const withinYear = (date: string, context: CinRuleContext): boolean =>
  date >= context.period.start && date <= context.period.end;

export { addYears } from '../../../calendar/localDate';

export { addDays, addMonths };

/** Whole days since 1 January 1970, for counting days without making dates. */
export const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** Saturday or Sunday (cin-census/rules.csv 8870Q, 8875). 1 January 1970 was a Thursday. */
export function isWeekend(date: string): boolean {
  const weekday = (((dayNumber(date) + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

/** Codes that appear more than once in a list (cin-census/rules.csv 8794, 8898). */
export function repeated(codes: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const code of codes) (seen.has(code) ? twice : seen).add(code);
  return [...twice];
}

/**
 * Whether a date falls within another item's span, from its start to its end, or to the end of
 * the census year while it is still open. `endInclusive` says whether the end day itself counts:
 * the DfE allows a CIN plan to start the day a child protection plan ends (4016) but not two child
 * protection plans to share a day (8940).
 */
export function fallsWithin(
  date: string,
  span: { start: string | null; end: string | null },
  context: CinRuleContext,
  endInclusive: boolean,
): boolean {
  if (!isDate(span.start) || date < span.start) return false;
  if (!isDate(span.end)) return date <= context.period.end;
  return endInclusive ? date <= span.end : date < span.end;
}
