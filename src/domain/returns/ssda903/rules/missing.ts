/**
 * SSDA903 rules on the Missing table: each time the child was missing or away without authorisation,
 * and how those times fit the child's episodes (ssda903/rules-2024-25.csv).
 */
import type { MissingRow, Ssda903Child } from '../ssda903Types';
import { missingCodes } from './codes';
import { badDate, ceasedCare, dobOf, eachRow, episodesAcrossYears, episodesOf, failure, isRealDate, rule, type Ssda903Rule } from './helpers';

const missing = (c: Ssda903Child): MissingRow[] => c.tables.missing;
const FIX = 'Correct the missing or absent episode on the Missing episodes page.';
const returnFix = 'Record when the child came back on the Missing episodes page (The return).';

const started = (m: MissingRow): m is MissingRow & { MIS_START: string } => isRealDate(m.MIS_START);

export const missingRules: Ssda903Rule[] = [
  // ssda903/rules-2024-25.csv 1004
  rule('1004', 'The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.', FIX,
    eachRow('1004', missing, (m) => badDate(m.MIS_START), ['MIS_START'], (m) => m.MIS_START)),
  // 1005
  rule('1005', 'The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.', returnFix,
    eachRow('1005', missing, (m) => badDate(m.MIS_END), ['MIS_END'], (m) => m.MIS_START)),
  // 1006
  rule('1006', 'Missing type invalid.', 'Record whether the child was missing or away without authorisation on the Missing episodes page.',
    eachRow('1006', missing, (m) => m.MISSING != null && !missingCodes.has(m.MISSING), ['MISSING'], (m) => m.MIS_START)),
  // 564
  rule('564', 'Child was missing or away from placement without authorisation and the date started is blank.', FIX,
    eachRow('564', missing, (m) => m.MISSING != null && m.MIS_START == null, ['MISSING', 'MIS_START'], () => null)),
  // 565
  rule('565', 'The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed.',
    'Record whether the child was missing or away without authorisation on the Missing episodes page.',
    eachRow('565', missing, (m) => m.MIS_START != null && m.MISSING == null, ['MISSING', 'MIS_START'], (m) => m.MIS_START)),
  // 566
  rule('566', "The date that the child's episode of being missing or away from placement without authorisation ended has been completed but whether the child was missing or away without authorisation has not been completed.",
    'Record whether the child was missing or away without authorisation on the Missing episodes page.',
    eachRow('566', missing, (m) => m.MIS_END != null && m.MISSING == null, ['MISSING', 'MIS_END'], (m) => m.MIS_START)),
  // 567
  rule('567', 'The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.', returnFix,
    eachRow('567', missing, (m) => isRealDate(m.MIS_START) && isRealDate(m.MIS_END) && m.MIS_END < m.MIS_START, ['MIS_END', 'MIS_START'], (m) => m.MIS_START)),
  // 570
  rule('570', 'The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.', FIX,
    eachRow('570', missing, (m, _c, ctx) => isRealDate(m.MIS_START) && m.MIS_START > ctx.period.end, ['MIS_START'], (m) => m.MIS_START)),
  // 571
  rule('571', 'The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.', returnFix,
    eachRow('571', missing, (m, _c, ctx) => isRealDate(m.MIS_END) && (m.MIS_END < ctx.period.start || m.MIS_END > ctx.period.end), ['MIS_END'], (m) => m.MIS_START)),
  // 586
  rule('586', 'Dates of missing periods are before child’s date of birth.', `${FIX} Or correct the child's date of birth on the Correct details page.`,
    (child) => {
      const dob = dobOf(child);
      return dob ? child.tables.missing.filter((m) => started(m) && m.MIS_START < dob).map((m) => failure('586', child, ['MIS_START'], m.MIS_START)) : [];
    }),
  // 574: one missing period at a time.
  rule('574', 'A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.',
    `${returnFix} Periods missing must not overlap.`,
    (child) => {
      const periods = child.tables.missing.filter(started).sort((a, b) => a.MIS_START.localeCompare(b.MIS_START));
      return periods.filter((m, i) => {
        const before = periods[i - 1];
        return before != null && (before.MIS_END == null || before.MIS_END > m.MIS_START);
      }).map((m) => failure('574', child, ['MIS_END', 'MIS_START'], m.MIS_START));
    }),
  // 575: when the placement the child went missing from ends, so does the missing period.
  rule('575', 'If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.', returnFix,
    (child) => {
      const eps = episodesOf(child.tables);
      return child.tables.missing.filter((m) => started(m) && m.MIS_END == null && eps.some((e) => e.DECOM! <= m.MIS_START && e.DEC != null && e.DEC >= m.MIS_START))
        .map((m) => failure('575', child, ['MIS_END'], m.MIS_START));
    }),
  // 577
  rule('577', 'Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.', returnFix,
    (child) => {
      const eps = episodesOf(child.tables);
      const last = eps[eps.length - 1];
      if (!last || !ceasedCare(last)) return [];
      return child.tables.missing.filter((m) => m.MIS_END == null).map((m) => failure('577', child, ['MIS_END'], m.MIS_START));
    }),
  // 578: missing is only counted while looked after.
  rule('578', 'The date that the child started to be missing is after the child ceased to be looked after.', `${FIX} Or correct when the period of care ended on the In care page.`,
    (child) => {
      const eps = episodesOf(child.tables);
      const last = eps[eps.length - 1];
      if (!last || !ceasedCare(last)) return [];
      return child.tables.missing.filter((m) => started(m) && m.MIS_START > last.DEC!).map((m) => failure('578', child, ['MIS_START'], m.MIS_START));
    }),
  // 581
  rule('581', 'Child is missing but has not yet started to be looked after.', `${FIX} Or correct when the child became looked after on the In care page.`,
    (child, ctx) => {
      const first = episodesAcrossYears(child, ctx)[0];
      if (!first) return [];
      return child.tables.missing.filter((m) => started(m) && m.MIS_START < first.DECOM!).map((m) => failure('581', child, ['MIS_START'], m.MIS_START));
    }),
  // 580: a child still missing when care ended left care for "any other reason" (E8).
  rule('580', 'Child is missing when cease being looked after but reason episode ceased not ‘E8’.', 'Record that the period of care ended for another reason on the In care page (End of the period of care).',
    (child) => {
      const eps = episodesOf(child.tables);
      return eps.filter((e) => ceasedCare(e) && e.REC !== 'E8'
        && child.tables.missing.some((m) => started(m) && m.MIS_START < e.DEC! && (m.MIS_END == null || m.MIS_END >= e.DEC!)))
        .map((e) => failure('580', child, ['REC'], e.DECOM));
    }),
  // 576: a period still open at the end of last year carries on into this year's return.
  rule('576', 'There is an open missing/away from placement without authorisation period in last year’s return and there is no corresponding period recorded at the start of this year.', returnFix,
    (child, ctx) => {
      if (!ctx.previous) return [];
      const now = new Set(child.tables.missing.map((m) => m.MIS_START));
      return ctx.previous.missing.filter((m) => started(m) && m.MIS_END == null && !now.has(m.MIS_START))
        .map((m) => failure('576', child, ['CHILD'], m.MIS_START));
    }),
];
