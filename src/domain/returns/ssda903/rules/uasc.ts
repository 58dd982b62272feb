/**
 * SSDA903 rules on the UASC table. Hearth returns a UASC row only for a child recorded as an
 * unaccompanied asylum-seeking child, so "identified as UASC" (the header's UASC flag in the DfE's
 * XML) is "has a UASC row" here, this year and in last year's return (ssda903/rules-2024-25.csv).
 */
import type { Ssda903Child, Ssda903RuleContext, Ssda903Tables, UascRow } from '../ssda903Types';
import { addYears, badDate, dobOf, failure, hasOc3Data, isRealDate, rule, type Ssda903Rule } from './helpers';

const FIX = "Correct the date the child's unaccompanied asylum-seeking status ended on the Correct details page.";
const statusFix = "Check whether the child is recorded as an unaccompanied asylum-seeking child on the Correct details page; last year's return said otherwise.";

const uascOf = (t: Ssda903Tables | null): UascRow | null => t?.uasc[0] ?? null;

const lastYear = (ctx: Ssda903RuleContext) => ({ start: addYears(ctx.period.start, -1), end: addYears(ctx.period.end, -1) });
const within = (d: string | null, p: { start: string; end: string }): boolean => isRealDate(d) && d >= p.start && d <= p.end;

export const uascRules: Ssda903Rule[] = [
  // ssda903/rules-2024-25.csv 104
  rule('104', 'Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.', FIX,
    (child) => child.tables.uasc.filter((u) => badDate(u.DUC)).map((u) => failure('104', child, ['DUC'], u.DUC))),
  // 304: the status ends by the child's 18th birthday at the latest.
  rule('304', 'Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.', FIX,
    (child) => {
      const dob = dobOf(child);
      if (!dob) return [];
      return child.tables.uasc.filter((u) => isRealDate(u.DUC) && u.DUC > addYears(dob, 18)).map((u) => failure('304', child, ['DUC'], u.DUC));
    }),
  // 205A: UASC last year, not this year: the status must have ended last year.
  rule('205A', 'Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.', statusFix,
    (child, ctx) => {
      const then = uascOf(ctx.previous);
      if (!then || uascOf(child.tables) || child.tables.header.length === 0) return [];
      return within(then.DUC, lastYear(ctx)) ? [] : [failure('205A', child, ['CHILD', 'UASC'], then.DUC)];
    }),
  // 205B: UASC both years: the status did not end last year, and its end date has not moved (unless it ended this year).
  rule('205B', 'Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.', FIX,
    (child, ctx) => {
      const now = uascOf(child.tables);
      const then = uascOf(ctx.previous);
      if (!now || !then) return [];
      const endedLastYear = within(then.DUC, lastYear(ctx));
      const moved = now.DUC !== then.DUC && !within(now.DUC, ctx.period);
      return endedLastYear || moved ? [failure('205B', child, ['DUC', 'UASC'], now.DUC)] : [];
    }),
  // 205D: a child in last year's return as not UASC does not become UASC.
  rule('205D', 'Child identified as UASC this year but not identified as UASC status provided for the child last year.', statusFix,
    (child, ctx) => {
      if (!uascOf(child.tables) || !ctx.previous || ctx.previous.header.length === 0) return [];
      return uascOf(ctx.previous) ? [] : [failure('205D', child, ['CHILD', 'UASC'])];
    }),
  // 1014
  rule('1014', 'UASC information is not required for care leavers', "Nothing to record: a care leaver who was not looked after this year is returned without the asylum-seeking status. If they were looked after, record the period of care on the In care page.",
    (child: Ssda903Child) => (hasOc3Data(child.tables) && child.tables.episodes.length === 0 && child.tables.uasc.length > 0
      ? [failure('1014', child, ['ACCOM', 'ACTIV', 'DUC', 'IN_TOUCH'])] : [])),
];
