/**
 * SSDA903 rules that compare this year's episodes with last year's return (the rule list's
 * "Episodes_last"): the episode open at the end of last year carries on unchanged into this year
 * (ssda903/rules-2024-25.csv). Each needs ctx.previous; with no previous return they say nothing.
 */
import type { EpisodeRow } from '../ssda903Types';
import { adoptedRec } from './codes';
import { episodesAcrossYears, episodesOf, failure, rule, type Ssda903Rule } from './helpers';

const FIX = "Correct the episode on the In care and Placements pages so it matches last year's return (or correct the history imported from it).";

/** Last year's final episode, if it was still open at the end of that year. */
const openLastYear = (previous: import('../ssda903Types').Ssda903Tables | null): EpisodeRow | null => {
  if (!previous) return null;
  const last = episodesOf(previous).at(-1);
  return last && last.DEC == null ? last : null;
};

const matchesOpen = (code: string, field: 'RNE' | 'LS' | 'CIN' | 'PLACE' | 'PLACE_PROVIDER' | 'URN', message: string): Ssda903Rule =>
  rule(code, message, FIX, (child, ctx) => {
    const open = openLastYear(ctx.previous);
    if (!open) return [];
    const same = episodesOf(child.tables).find((e) => e.DECOM === open.DECOM);
    return same && same[field] !== open[field] ? [failure(code, child, [field], same.DECOM)] : [];
  });

export const episodesAcrossYearsRules: Ssda903Rule[] = [
  // ssda903/rules-2024-25.csv 502
  rule('502', "Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year’s record.", FIX,
    (child, ctx) => {
      const open = openLastYear(ctx.previous);
      const first = episodesOf(child.tables)[0];
      return open && first && first.DECOM !== open.DECOM ? [failure('502', child, ['DECOM'], first.DECOM)] : [];
    }),
  // 503A-503F (503G, H and J are about distance and placement LA, which Hearth's tables do not hold)
  matchesOpen('503A', 'RNE', 'The reason for new episode in the first episode does not match open episode at end of last year.'),
  matchesOpen('503B', 'LS', 'The legal status in the first episode does not match open episode at end of last year.'),
  matchesOpen('503C', 'CIN', 'The category of need in the first episode does not match open episode at end of last year.'),
  matchesOpen('503D', 'PLACE', 'The placement type in the first episode does not match open episode at end of last year'),
  matchesOpen('503E', 'PLACE_PROVIDER', 'The placement provider in the first episode does not match open episode at end of last year.'),
  matchesOpen('503F', 'URN', 'The Ofsted URN in the  first episode does not match open episode at end of last year.'),
  // 562: an episode carried over from before this year was in last year's return.
  rule('562', 'Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year.', FIX,
    (child, ctx) => {
      if (!ctx.previous || ctx.previous.episodes.length === 0) return [];
      const before = new Set(ctx.previous.episodes.map((e) => e.DECOM));
      return episodesOf(child.tables).filter((e) => e.DECOM! < ctx.period.start && !before.has(e.DECOM))
        .map((e) => failure('562', child, ['DECOM'], e.DECOM));
    }),
  // NoE: last year's return has no episodes for a child looked after since before this year.
  rule('NoE', 'This child has no episodes loaded for previous year even though child started to be looked after before this current year.', FIX,
    (child, ctx) => {
      if (!ctx.previous || ctx.previous.episodes.length > 0) return [];
      const early = episodesOf(child.tables).find((e) => e.DECOM! < ctx.period.start);
      return early ? [failure('NoE', child, ['DECOM'], early.DECOM)] : [];
    }),
  // 199: an adoption from care ends the child's looked-after history.
  rule('199', 'Episode information shows child has been previously adopted from care. [NOTE: This only tests the current and previous year data loaded into the tool]',
    'Check the child\'s periods of care on the In care page: the record shows an earlier adoption from care.',
    (child, ctx) => {
      const all = episodesAcrossYears(child, ctx);
      const adopted = all.findIndex((e) => adoptedRec.has(e.REC ?? ''));
      if (adopted < 0) return [];
      const current = new Set(episodesOf(child.tables).map((e) => e.DECOM));
      const later = all.slice(adopted + 1).find((e) => current.has(e.DECOM));
      return later ? [failure('199', child, ['CHILD'], later.DECOM)] : [];
    }),
];
