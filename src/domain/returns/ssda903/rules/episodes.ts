/**
 * SSDA903 rules on the Episodes table: the codes of each episode, how episodes follow one another,
 * ages and durations for legal statuses and placements, and how a period of care ends
 * (ssda903/rules-2024-25.csv).
 */
import type { EpisodeRow, Ssda903Child, Ssda903RuleContext } from '../ssda903Types';
import {
  adoptedRec, adoptionPlace, adoptionWithFosterCarers, cinCodes, continuationRne, fosterPlace, legalStatusCodes, noProviderPlace,
  noUrnPlace, placeCodes, placeProviderCodes, reasonPlaceChangeCodes, recCodes, respiteLs, rneCodes, temporaryPlace,
} from './codes';
import {
  addYears, ageOn, badDate, ceasedCare, daysBetween, dobOf, endOrYearEnd, episodesAcrossYears, episodesOf, failure, isRealDate,
  periodsOfCare, rule, type Ssda903Rule,
} from './helpers';

type Check = Ssda903Rule['check'];

const FIX = {
  start: 'Correct the date the child became looked after on the In care page (Becoming looked after).',
  legal: 'Correct the legal status, or the date it changed, on the In care page (Change of legal status).',
  placement: 'Correct the placement on the Placements page.',
  placementDates: 'Correct the dates the placement started and ended on the Placements page.',
  provider: 'Correct the provider of the placement on the Placements page (or the provider\'s details on the Providers page).',
  end: 'Correct how, or when, the period of care ended on the In care page (End of the period of care).',
  move: 'Record the reason for the move on the Placements page (Moving placement).',
  need: 'Correct the category of need on the In care page (Becoming looked after).',
  postcode: 'Correct the child\'s home address on their record, or the provider\'s postcode on the Providers page.',
};

/** Each episode that fails, with its start date as `at`. */
const episodeCheck = (code: string, fields: string[], fails: (e: EpisodeRow, child: Ssda903Child, ctx: Ssda903RuleContext) => boolean): Check =>
  (child, ctx) => child.tables.episodes.filter((e) => fails(e, child, ctx)).map((e) => failure(code, child, fields, e.DECOM));

/** Each episode that fails, looking at the episode before (and after) it, across both years. */
const sequenceCheck = (
  code: string,
  fields: string[],
  fails: (e: EpisodeRow, before: EpisodeRow | undefined, after: EpisodeRow | undefined, ctx: Ssda903RuleContext) => boolean,
): Check =>
  (child, ctx) => {
    const all = episodesAcrossYears(child, ctx);
    const current = new Set(episodesOf(child.tables).map((e) => e.DECOM));
    return all
      .filter((e, i) => current.has(e.DECOM) && fails(e, all[i - 1], all[i + 1], ctx))
      .map((e) => failure(code, child, fields, e.DECOM));
  };

/** Age on the episode's start (or end) date; false when the child's date of birth is unknown. */
const ageAt = (child: Ssda903Child, date: string | null, test: (age: number) => boolean): boolean => {
  const dob = dobOf(child);
  return dob != null && isRealDate(date) && test(ageOn(dob, date));
};

/** Days an episode lasted, counting an open episode to the end of the year. */
const lasted = (e: EpisodeRow, ctx: Ssda903RuleContext): number => daysBetween(e.DECOM!, endOrYearEnd(e, ctx));

const samePlacement = (a: EpisodeRow, b: EpisodeRow): boolean =>
  a.PLACE === b.PLACE && a.PLACE_PROVIDER === b.PLACE_PROVIDER && a.PL_POST === b.PL_POST && a.URN === b.URN;

const continues = (e: EpisodeRow, before: EpisodeRow | undefined): before is EpisodeRow =>
  before != null && e.RNE !== 'S' && before.REC === 'X1' && before.DEC === e.DECOM;

const has = (s: ReadonlySet<string>, v: string | null): boolean => v != null && s.has(v);

const postcodePattern = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
const normalisePostcode = (p: string): string => p.replace(/\s+/g, '').toUpperCase();

const durationRule = (code: string, message: string, fix: string, applies: (e: EpisodeRow) => boolean, maxDays: number): Ssda903Rule =>
  rule(code, message, fix, episodeCheck(code, ['DEC', 'DECOM', code === '375' || code === '376' || code === '379' ? 'PLACE' : 'LS'],
    (e, _c, ctx) => isRealDate(e.DECOM) && applies(e) && lasted(e, ctx) > maxDays));

const minimumAgeRule = (code: string, message: string, places: readonly string[], minAge: number): Ssda903Rule =>
  rule(code, message, `${FIX.placement} Check the child's date of birth on the Correct details page.`,
    episodeCheck(code, ['DECOM', 'PLACE'], (e, child) => places.includes(e.PLACE ?? '') && ageAt(child, e.DECOM, (a) => a < minAge)));

const recAgeRule = (code: string, message: string, recs: readonly string[], fails: (age: number) => boolean): Ssda903Rule =>
  rule(code, message, `${FIX.end} Check the child's date of birth on the Correct details page.`,
    episodeCheck(code, ['REC'], (e, child) => recs.includes(e.REC ?? '') && ageAt(child, e.DEC, fails)));

const providerRule = (code: string, message: string, provider: string, places: readonly string[]): Ssda903Rule =>
  rule(code, message, FIX.provider,
    episodeCheck(code, ['PLACE', 'PLACE_PROVIDER'], (e) => e.PLACE_PROVIDER === provider && places.includes(e.PLACE ?? '')));

export const episodeRules: Ssda903Rule[] = [
  // ---- codes and dates of each episode --------------------------------------------------------
  // ssda903/rules-2024-25.csv 141
  rule('141', 'Date episode began is not a valid date.', FIX.start, episodeCheck('141', ['DECOM'], (e) => !isRealDate(e.DECOM))),
  // 143
  rule('143', 'The reason for new episode code is not a valid code.', 'Correct what changed (legal status, placement or both) on the In care and Placements pages.',
    episodeCheck('143', ['RNE'], (e) => !has(rneCodes, e.RNE))),
  // 144
  rule('144', 'The legal status code is not a valid code.', FIX.legal, episodeCheck('144', ['LS'], (e) => !has(legalStatusCodes, e.LS))),
  // 145
  rule('145', 'Category of need code is not a valid code.', FIX.need, episodeCheck('145', ['CIN'], (e) => !has(cinCodes, e.CIN))),
  // 146
  rule('146', 'Placement type code is not a valid code.', FIX.placement, episodeCheck('146', ['PLACE'], (e) => !has(placeCodes, e.PLACE))),
  // 147
  rule('147', 'Date episode ceased is not a valid date.', FIX.placementDates, episodeCheck('147', ['DEC'], (e) => badDate(e.DEC))),
  // 148
  rule('148', 'Date episode ceased and reason episode ceased must both be coded, or both left blank.', FIX.end,
    episodeCheck('148', ['DEC', 'REC'], (e) => (e.DEC == null) !== (e.REC == null))),
  // 149
  rule('149', 'Reason episode ceased code is not valid. ', FIX.end, episodeCheck('149', ['REC'], (e) => e.REC != null && !recCodes.has(e.REC))),
  // 178
  rule('178', 'Placement provider code is not a valid code.', FIX.provider,
    episodeCheck('178', ['PLACE_PROVIDER'], (e) => e.PLACE_PROVIDER != null && !placeProviderCodes.has(e.PLACE_PROVIDER))),
  // 1009
  rule('1009', 'Reason for placement change is not a valid code.', FIX.move,
    episodeCheck('1009', ['REASON_PLACE_CHANGE'], (e) => e.REASON_PLACE_CHANGE != null && !reasonPlaceChangeCodes.has(e.REASON_PLACE_CHANGE))),
  // 353
  rule('353', 'No episode submitted can start before 14 October 1991.', FIX.start,
    episodeCheck('353', ['DECOM'], (e) => isRealDate(e.DECOM) && e.DECOM < '1991-10-14')),
  // 354: an episode starting after the year ended.
  rule('354', 'Date episode ceased must be on or before the end of the current collection year.', FIX.placementDates,
    episodeCheck('354', ['DECOM'], (e, _c, ctx) => isRealDate(e.DECOM) && e.DECOM > ctx.period.end)),
  // 385
  rule('385', 'Date episode ceased must be on or before the end of the current collection year.', FIX.placementDates,
    episodeCheck('385', ['DEC'], (e, _c, ctx) => isRealDate(e.DEC) && e.DEC > ctx.period.end)),
  // 355
  rule('355', 'Episode appears to have lasted for less than 24 hours', FIX.placementDates,
    episodeCheck('355', ['DEC', 'DECOM'], (e) => isRealDate(e.DECOM) && e.DEC === e.DECOM)),
  // 356
  rule('356', 'The date the episode ceased is before the date the same episode started.', FIX.placementDates,
    episodeCheck('356', ['DECOM'], (e) => isRealDate(e.DECOM) && isRealDate(e.DEC) && e.DEC < e.DECOM)),

  // ---- placement provider, URN, postcodes ------------------------------------------------------
  // 213: temporary and "other" placements have no provider code.
  rule('213', 'Placement provider information not required.', FIX.provider,
    episodeCheck('213', ['PLACE_PROVIDER'], (e) => has(noProviderPlace, e.PLACE) && e.PLACE_PROVIDER != null)),
  // 526
  rule('526', 'Child is missing a placement provider code for at least one episode.', FIX.provider,
    episodeCheck('526', ['PLACE', 'PLACE_PROVIDER'], (e) => e.PLACE != null && !noProviderPlace.has(e.PLACE) && e.PLACE_PROVIDER == null)),
  // 527-531, 550
  providerRule('527', 'A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.', 'PR1', ['P1', 'R2', 'R5']),
  providerRule('528', 'A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.', 'PR2', ['P1', 'R2', 'R5']),
  rule('529', 'Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.', FIX.provider,
    episodeCheck('529', ['PLACE', 'PLACE_PROVIDER'], (e) => e.PLACE_PROVIDER === 'PR3'
      && (e.PLACE === 'P1' || has(adoptionPlace, e.PLACE) || e.PLACE === 'K1' || e.PLACE === 'K2' || has(fosterPlace, e.PLACE)))),
  providerRule('530', 'A placement provider code of PR4 cannot be associated with placement P1.', 'PR4', ['P1']),
  providerRule('531', 'A placement provider code of PR5 cannot be associated with placements P1.', 'PR5', ['P1']),
  rule('550', 'A placement provider code of PR0 can only be associated with placement P1.', FIX.provider,
    episodeCheck('550', ['PLACE', 'PLACE_PROVIDER'], (e) => e.PLACE_PROVIDER === 'PR0' && e.PLACE !== 'P1')),
  // 214: short breaks carry no placement postcode or URN.
  rule('214', 'Placement location information not required.', 'Short breaks are returned without the placement\'s postcode or URN: check the legal status on the In care page.',
    episodeCheck('214', ['PL_POST', 'URN'], (e) => has(respiteLs, e.LS) && (e.PL_POST != null || e.URN != null))),
  // 218: placements registered with Ofsted carry its URN (placements outside England are not told apart here).
  rule('218', 'Ofsted Unique reference number (URN) is required.', 'Record the provider\'s Ofsted unique reference number on the Providers page.',
    episodeCheck('218', ['URN'], (e, _c, ctx) => e.PLACE != null && !noUrnPlace.has(e.PLACE) && e.URN == null && (e.DEC == null || e.DEC >= ctx.period.start))),
  // 222
  rule('222', 'Ofsted Unique reference number (URN) should not be recorded for this placement type.', 'Check the type of placement on the Placements page, or remove the URN from the provider on the Providers page.',
    episodeCheck('222', ['URN'], (e) => has(noUrnPlace, e.PLACE) && e.URN != null && e.URN !== 'XXXXXXX')),
  // 392b: every episode other than short breaks has the home and placement postcodes (not for UASC, whose home is unknown).
  rule('392b', 'Child is looked after but no postcodes are recorded. [NOTE: This check may result in false positives for children formerly UASC, particularly if current & prior year UASC data not loaded]', FIX.postcode,
    (child, ctx) => {
      const uasc = child.tables.uasc.length > 0 || (ctx.previous?.uasc.length ?? 0) > 0;
      if (uasc) return [];
      return child.tables.episodes.filter((e) => !has(respiteLs, e.LS) && (e.HOME_POST == null || e.PL_POST == null))
        .map((e) => failure('392b', child, ['HOME_POST', 'PL_POST'], e.DECOM));
    }),
  // 392c
  rule('392c', 'Postcode(s) provided are invalid.', FIX.postcode,
    episodeCheck('392c', ['HOME_POST', 'PL_POST'], (e) => [e.HOME_POST, e.PL_POST].some((p) => p != null && !postcodePattern.test(p.trim())))),
  // 392d
  rule('392d', 'Home and placement postcodes should not be same unless the placement type is P1.', FIX.postcode,
    episodeCheck('392d', ['HOME_POST', 'PLACE', 'PL_POST'], (e) => e.PLACE !== 'P1' && e.HOME_POST != null && e.PL_POST != null
      && normalisePostcode(e.HOME_POST) === normalisePostcode(e.PL_POST))),
  // 398
  rule('398', 'Distance field completed but child looked after under legal status V3 or V4.', 'Short breaks are returned without postcodes: check the legal status on the In care page.',
    episodeCheck('398', ['HOME_POST', 'LS', 'PL_POST'], (e) => has(respiteLs, e.LS) && (e.HOME_POST != null || e.PL_POST != null))),

  // ---- reason for placement change ------------------------------------------------------------------
  // 225: a move to a new (not temporary) placement says why the last one ended.
  rule('225', 'Reason for placement change must be recorded.', FIX.move,
    sequenceCheck('225', ['REASON_PLACE_CHANGE'], (e, _b, after) => e.REC === 'X1' && e.REASON_PLACE_CHANGE == null
      && !has(temporaryPlace, e.PLACE) && after != null && ['P', 'B', 'T', 'U'].includes(after.RNE ?? '') && !has(temporaryPlace, after.PLACE))),
  // 226: no reason for a temporary placement, nor for the one it interrupts.
  rule('226', 'Reason for placement change is not required.', 'A temporary placement needs no reason for the move: remove it on the Placements page.',
    sequenceCheck('226', ['PLACE', 'REASON_PLACE_CHANGE'], (e, before) => has(temporaryPlace, e.PLACE)
      && (e.REASON_PLACE_CHANGE != null || before?.REASON_PLACE_CHANGE != null))),

  // ---- ages ----------------------------------------------------------------------------------
  // 302
  rule('302', 'First episode starts before child was born.', `${FIX.start} Check the child's date of birth on the Correct details page.`,
    (child) => {
      const first = episodesOf(child.tables)[0];
      const dob = dobOf(child);
      return first && dob && first.DECOM! < dob ? [failure('302', child, ['DECOM', 'DOB'], first.DECOM)] : [];
    }),
  // 352
  rule('352', 'Child who started to be looked after was aged 18 or over.', `${FIX.start} Check the child's date of birth on the Correct details page.`,
    episodeCheck('352', ['DECOM', 'RNE'], (e, child) => e.RNE === 'S' && ageAt(child, e.DECOM, (a) => a >= 18))),
  // 358: remand and PACE statuses are for children of 10 or over.
  rule('358', 'Child with this legal status should not be under 10.', `${FIX.legal} Check the child's date of birth on the Correct details page.`,
    episodeCheck('358', ['DECOM', 'DOB', 'LS'], (e, child) => ['J1', 'J2', 'J3'].includes(e.LS ?? '') && ageAt(child, e.DECOM, (a) => a < 10))),
  // 359: still looked after past 18 only under section 20(5) in a children's home.
  rule('359', 'Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.', FIX.end,
    episodeCheck('359', ['DEC', 'LS', 'PLACE'], (e, child, ctx) => e.DEC == null && !(e.LS === 'V2' && e.PLACE === 'K2')
      && dobOf(child) != null && addYears(dobOf(child)!, 18) < ctx.period.end)),
  minimumAgeRule('371', 'Child in supported accomodation not subject to children’s homes regulations should be at least 16.', ['H5', 'K3'], 16),
  minimumAgeRule('372', 'Child in youth custody or prison should be at least 10.', ['R5'], 10),
  minimumAgeRule('373', 'Child placed in a school should be at least 4 years old.', ['S1'], 4),
  minimumAgeRule('374', 'Child in residential employment should be at least 14 years old.', ['P3'], 14),
  recAgeRule('386', 'Reason episode ceased is adopted but child has reached age 18.', ['E11', 'E12'], (a) => a >= 18),
  recAgeRule('387', 'Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.', ['E5', 'E6'], (a) => a < 14),
  recAgeRule('389', 'Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.', ['E7'], (a) => a < 16),
  recAgeRule('407', 'Reason episode ceased is Special Guardianship Order, but child has reached age 18.', ['E45', 'E46'], (a) => a >= 18),
  recAgeRule('460', 'Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.', ['E17'], (a) => a < 18),

  // ---- how long a legal status or placement may last -------------------------------------------------
  durationRule('361', 'Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.', FIX.legal, (e) => e.LS === 'L1', 3),
  durationRule('362', 'Emergency protection order (EPO) lasted longer than 21 days', FIX.legal, (e) => e.LS === 'L2', 21),
  durationRule('363', 'Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.', FIX.legal, (e) => e.LS === 'L3', 7),
  // 364: detention under PACE, counted over consecutive J2 episodes.
  rule('364', 'Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.', FIX.legal,
    (child, ctx) => {
      const eps = episodesOf(child.tables);
      const out = [];
      let runStart: EpisodeRow | null = null;
      for (const [i, e] of eps.entries()) {
        if (e.LS !== 'J2') { runStart = null; continue; }
        const before = eps[i - 1];
        if (!runStart || !(before?.LS === 'J2' && before.DEC === e.DECOM)) runStart = e;
        if (daysBetween(runStart.DECOM!, endOrYearEnd(e, ctx)) > 21) out.push(failure('364', child, ['DEC', 'DECOM', 'LS'], e.DECOM));
      }
      return out;
    }),
  durationRule('365', 'Any individual short- term respite placement must not exceed 17 days.', FIX.legal, (e) => e.LS === 'V3', 17),
  durationRule('375', 'Hospitalisation coded as a temporary placement exceeds six weeks.', FIX.placementDates, (e) => e.PLACE === 'T1', 42),
  durationRule('376', 'Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.', FIX.placementDates, (e) => e.PLACE === 'T3', 21),
  durationRule('379', 'Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.', FIX.placementDates, (e) => e.PLACE === 'T4', 7),
  // 367: single short breaks add up to no more than 75 days in the year.
  rule('367', 'The maximum amount of respite care allowable is 75 days in any 12-month period.', FIX.legal,
    (child, ctx) => {
      const breaks = episodesOf(child.tables).filter((e) => e.LS === 'V3');
      const days = breaks.reduce((sum, e) => {
        const from = e.DECOM! > ctx.period.start ? e.DECOM! : ctx.period.start;
        const to = endOrYearEnd(e, ctx) < ctx.period.end ? endOrYearEnd(e, ctx) : ctx.period.end;
        return sum + Math.max(0, daysBetween(from, to));
      }, 0);
      return days > 75 ? [failure('367', child, ['DEC', 'DECOM', 'LS'], breaks[breaks.length - 1]!.DECOM)] : [];
    }),
  // 377: no more than two holiday placements in any 12 months.
  rule('377', 'Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.', FIX.placement,
    (child, ctx) => {
      const holidays = episodesAcrossYears(child, ctx).filter((e) => e.PLACE === 'T3');
      return holidays
        .filter((e, i) => i >= 2 && e.DECOM! >= ctx.period.start && daysBetween(holidays[i - 2]!.DECOM!, e.DECOM!) < 365)
        .map((e) => failure('377', child, ['PLACE'], e.DECOM));
    }),

  // ---- legal status and placement together ---------------------------------------------------------
  // 217: adoption by current foster carers does not start a new placement from scratch.
  rule('217', 'Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.', 'Record the move to adoption with the current foster carers as a change of placement type with the same carers on the Placements page.',
    episodeCheck('217', ['DECOM', 'PLACE', 'RNE'], (e) => has(adoptionWithFosterCarers, e.PLACE) && !['S', 'T', 'U'].includes(e.RNE ?? ''))),
  // 378
  rule('378', 'A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.', `${FIX.legal} Or correct the placement on the Placements page.`,
    episodeCheck('378', ['LS', 'PLACE'], (e) => e.PLACE === 'P1' && e.LS === 'V2')),
  // 382
  rule('382', 'A child receiving respite care cannot be in a temporary placement.', FIX.placement,
    episodeCheck('382', ['LS', 'PLACE'], (e) => has(respiteLs, e.LS) && has(temporaryPlace, e.PLACE))),
  // 384
  rule('384', 'A child receiving respite care cannot be in a long-term foster placement ', FIX.placement,
    episodeCheck('384', ['LS', 'PLACE'], (e) => has(respiteLs, e.LS) && (e.PLACE === 'U1' || e.PLACE === 'U4'))),
  // 366: a single short break is one placement.
  rule('366', 'A child cannot change placement during the course of an individual short-term respite break.', 'Record each short break as its own period of care on the In care page.',
    episodeCheck('366', ['RNE'], (e) => e.LS === 'V3' && ['P', 'B', 'T', 'U'].includes(e.RNE ?? ''))),
  // 426
  rule('426', 'A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.', FIX.legal,
    (child) => {
      const eps = episodesOf(child.tables);
      const v4 = eps.find((e) => e.LS === 'V4');
      return v4 && eps.some((e) => e.LS === 'V3') ? [failure('426', child, ['LS'], v4.DECOM)] : [];
    }),
  // 408: placed for adoption under a placement order needs the order as legal status.
  rule('408', 'Child is placed for adoption with a placement order, but no placement order has been recorded.', FIX.legal,
    episodeCheck('408', ['LS', 'PLACE'], (e) => (e.PLACE === 'A5' || e.PLACE === 'A6') && e.LS !== 'E1' && e.LS !== 'D1')),
  // 445, 446: freeing orders were replaced by placement orders on 30 December 2005.
  rule('445', 'D1 is not a valid code for episodes starting after December 2005.', FIX.legal,
    episodeCheck('445', ['DECOM', 'LS'], (e) => e.LS === 'D1' && isRealDate(e.DECOM) && e.DECOM > '2005-12-30')),
  rule('446', 'E1 is not a valid code for episodes starting before December 2005.', FIX.legal,
    episodeCheck('446', ['DECOM', 'LS'], (e) => e.LS === 'E1' && isRealDate(e.DECOM) && e.DECOM < '2005-12-30')),
  // 451
  rule('451', 'Child is still freed for adoption, but freeing orders could not be applied for since 30 December 2005.', FIX.legal,
    episodeCheck('451', ['DEC', 'LS', 'REC'], (e) => e.LS === 'D1' && e.DEC == null)),

  // ---- how episodes follow one another --------------------------------------------------------------
  // 142
  rule('142', 'A new episode has started, but the previous episode has not ended.', FIX.placementDates,
    (child) => {
      const eps = episodesOf(child.tables);
      return eps.slice(0, -1).filter((e) => e.DEC == null).map((e) => failure('142', child, ['DEC', 'REC'], e.DECOM));
    }),
  // 501
  rule('501', 'A new episode has started before the end date of the previous episode.', FIX.placementDates,
    sequenceCheck('501', ['DEC', 'DECOM'], (e, before) => before != null && isRealDate(before.DEC) && e.DECOM! < before.DEC)),
  // 357: a child's first ever episode starts a period of care.
  rule('357', 'If this is the first episode ever for this child, reason for new episode must be S.  Check whether there is an episode immediately preceding this one, which has been left out.  If not the reason for new episode code must be amended to S.', FIX.start,
    (child, ctx) => {
      const first = episodesAcrossYears(child, ctx)[0];
      return first && first.DECOM! >= ctx.period.start && first.RNE !== 'S' && episodesOf(child.tables).some((e) => e.DECOM === first.DECOM)
        ? [failure('357', child, ['RNE'], first.DECOM)] : [];
    }),
  // 380
  rule('380', 'A period of care cannot start with a temporary placement.', FIX.placement,
    episodeCheck('380', ['PLACE', 'RNE'], (e) => e.RNE === 'S' && has(temporaryPlace, e.PLACE))),
  // 381
  rule('381', 'A period of care cannot end with a temporary placement.', FIX.placement,
    episodeCheck('381', ['PLACE', 'REC'], (e) => ceasedCare(e) && has(temporaryPlace, e.PLACE))),
  // 383: after a temporary placement the child goes back to the usual placement.
  rule('383', 'A child in a temporary placement must subsequently return to his/her normal placement.', FIX.placement,
    sequenceCheck('383', ['PLACE'], (e, before, after) => has(temporaryPlace, e.PLACE) && continues(e, before) && after != null && continues(after, e)
      && (after.PLACE !== before.PLACE || after.PL_POST !== before.PL_POST || after.URN !== before.URN))),
  // 388
  rule('388', 'Reason episode ceased is coded new episode begins, but there is no continuation episode.', FIX.end,
    sequenceCheck('388', ['REC'], (e, _b, after) => e.REC === 'X1' && isRealDate(e.DEC) && (after == null || after.DECOM !== e.DEC))),
  // 390: adopted children were placed for adoption.
  rule('390', 'Reason episode ceased is adopted but child has not been previously placed for adoption.', `${FIX.placement} Or correct how the period of care ended on the In care page.`,
    episodeCheck('390', ['PLACE', 'REC'], (e) => has(adoptedRec, e.REC) && !has(adoptionPlace, e.PLACE))),
  // 431
  rule('431', 'The reason for new episode is started to be looked after, but the previous episode ended on the same day.', 'A move on the day care began again is a continuation: correct the end of the last period of care or the start of this one on the In care page.',
    sequenceCheck('431', ['DECOM', 'RNE'], (e, before) => e.RNE === 'S' && before != null && before.DEC === e.DECOM)),
  // 432
  rule('432', 'The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.', FIX.end,
    sequenceCheck('432', ['RNE'], (e, before) => has(continuationRne, e.RNE) && before != null && ceasedCare(before))),
  // 433
  rule('433', 'The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.', FIX.placementDates,
    sequenceCheck('433', ['DECOM', 'RNE'], (e, before) => has(continuationRne, e.RNE) && before != null && !ceasedCare(before) && before.DEC !== e.DECOM)),
  // 434-436: what changed must be what the episode says changed.
  rule('434', "Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.", 'Record a change of legal status without a move on the In care page, or a move on the Placements page.',
    sequenceCheck('434', ['LS', 'PLACE', 'PLACE_PROVIDER', 'PL_POST', 'RNE', 'URN'], (e, before) => e.RNE === 'L' && continues(e, before)
      && (e.LS === before.LS || !samePlacement(e, before)))),
  rule('435', 'Reason for new episode is that child’s placement has changed but not the legal status, but this is not reflected in the episode data recorded.', 'Record a move on the Placements page, or a change of legal status on the In care page.',
    sequenceCheck('435', ['LS', 'PLACE', 'PLACE_PROVIDER', 'PL_POST', 'URN'], (e, before) => (e.RNE === 'P' || e.RNE === 'T') && continues(e, before)
      && (e.LS !== before.LS || samePlacement(e, before)))),
  rule('436', 'Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.', 'Record the move on the Placements page and the change of legal status on the In care page.',
    sequenceCheck('436', ['LS', 'PLACE', 'PLACE_PROVIDER', 'PL_POST', 'RNE', 'URN'], (e, before) => (e.RNE === 'B' || e.RNE === 'U') && continues(e, before)
      && (e.LS === before.LS || samePlacement(e, before)))),
  // 437: nothing follows a death or a finding that the young person is an adult.
  rule('437', 'Reason episode ceased is child has died or is aged 18 or over but there are further episodes.', FIX.end,
    sequenceCheck('437', ['REC'], (e, _b, after) => (e.REC === 'E2' || e.REC === 'E15') && after != null)),
  // 504: the category of need stays as it was at the start of the period of care.
  rule('504', 'The category of need code differs from that reported at start of current period of being looked after', FIX.need,
    (child, ctx) => {
      const current = new Set(episodesOf(child.tables).map((e) => e.DECOM));
      return periodsOfCare(episodesAcrossYears(child, ctx)).flatMap((period) => period
        .filter((e) => current.has(e.DECOM) && e.CIN !== period[0]!.CIN)
        .map((e) => failure('504', child, ['CIN'], e.DECOM)));
    }),
  // 516
  rule('516', 'The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.', `${FIX.end} Or correct the placement on the Placements page.`,
    episodeCheck('516', ['PLACE', 'REC'], (e) => (e.REC === 'E45' || e.REC === 'E46') && !has(fosterPlace, e.PLACE))),
];
