/**
 * SSDA903 rules on adoption (AD1), the decisions that a child should be placed for adoption
 * (PlacedAdoption) and previous permanence (PrevPerm), read with the child's episodes
 * (ssda903/rules-2024-25.csv).
 */
import { readDfePermanenceDate } from '../permanenceDate';
import type { EpisodeRow, PlacedForAdoptionRow, Ssda903Child, Ssda903RuleContext } from '../ssda903Types';
import {
  adoptedRec, adoptionPlace, adoptionWithFosterCarers, coupleSexAdoptr, fosterPlace, lsAdoptrCodes, nbAdoptrCodes,
  prevPermCodes, reasonPlacedCeasedCodes, sameSexAdoptr, sexAdoptrCodes, zeroOne,
} from './codes';
import {
  badDate, ceasedCare, dobOf, episodesAcrossYears, episodesOf, failure, isRealDate, rule, type Ssda903Rule,
} from './helpers';
import { ad1HasData } from './oc3';

const AD1_FIX = 'Correct the adoption details on the Permanence page (Permanence achieved).';
const DECISION_FIX = 'Correct the decision that the child should be placed for adoption on the Permanence page.';
const PERM_FIX = 'Correct the previous permanence order on the In care page (Becoming looked after).';
const ad1Fields = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'LS_ADOPTR', 'NB_ADOPTR', 'SEX_ADOPTR'];

type Check = Ssda903Rule['check'];
type Ad1 = Ssda903Child['tables']['ad1'][number];

const ad1Check = (code: string, fields: string[], fails: (r: Ad1, child: Ssda903Child, ctx: Ssda903RuleContext) => boolean): Check =>
  (child, ctx) => child.tables.ad1.filter((r) => fails(r, child, ctx)).map((r) => failure(code, child, fields, r.DATE_INT));
const placedCheck = (code: string, fields: string[], fails: (r: PlacedForAdoptionRow, child: Ssda903Child, ctx: Ssda903RuleContext) => boolean): Check =>
  (child, ctx) => child.tables.placed_for_adoption.filter((r) => fails(r, child, ctx)).map((r) => failure(code, child, fields, r.DATE_PLACED));

/** The episode in which the child was adopted this year. */
const adoptedIn = (child: Ssda903Child, ctx: Ssda903RuleContext): EpisodeRow | undefined =>
  episodesOf(child.tables).find((e) => adoptedRec.has(e.REC ?? '') && isRealDate(e.DEC) && e.DEC >= ctx.period.start && e.DEC <= ctx.period.end);

/** The first adoption placement (A3-A6) of the child's latest period of care this year. */
function firstAdoptionPlacement(child: Ssda903Child): EpisodeRow | undefined {
  let first: EpisodeRow | undefined;
  for (const e of episodesOf(child.tables)) {
    if (e.RNE === 'S') first = undefined;
    if (!first && adoptionPlace.has(e.PLACE ?? '')) first = e;
  }
  return first;
}

/** The start of the child's latest period of care, where the return shows it (an episode with RNE S). */
const latestCareStart = (child: Ssda903Child, ctx: Ssda903RuleContext): string | null =>
  episodesAcrossYears(child, ctx).filter((e) => e.RNE === 'S').at(-1)?.DECOM ?? null;

const decisions = (child: Ssda903Child): PlacedForAdoptionRow[] =>
  child.tables.placed_for_adoption.filter((r) => isRealDate(r.DATE_PLACED)).sort((a, b) => a.DATE_PLACED!.localeCompare(b.DATE_PLACED!));

/** A decision to place for adoption on or before an order or placement began (rules 552, 554, 556). */
const decidedBy = (code: string, message: string, fields: string[], episode: (e: EpisodeRow) => boolean): Ssda903Rule =>
  rule(code, message, DECISION_FIX, (child) => {
    const first = episodesOf(child.tables).find(episode);
    const ds = decisions(child);
    if (!first || ds.length === 0) return [];
    return ds.some((d) => d.DATE_PLACED! <= first.DECOM!) ? [] : [failure(code, child, fields, first.DECOM)];
  });

/** An order or placement that needs a decision to place for adoption (rules 551, 553, 555). */
const needsDecision = (code: string, message: string, fields: string[], episode: (e: EpisodeRow) => boolean): Ssda903Rule =>
  rule(code, message, 'Record the decision that the child should be placed for adoption on the Permanence page.', (child) => {
    const first = episodesOf(child.tables).find(episode);
    return first && decisions(child).length === 0 ? [failure(code, child, fields, first.DECOM)] : [];
  });

const sexOfAdopters = (code: string, message: string, fails: (ls: string, sex: string) => boolean): Ssda903Rule =>
  rule(code, message, 'Correct the adopters\' legal status or their sex on the Permanence page (Permanence achieved).',
    ad1Check(code, ['LS_ADOPTR', 'SEX_ADOPTR'], (r) => r.LS_ADOPTR != null && r.SEX_ADOPTR != null && fails(r.LS_ADOPTR, r.SEX_ADOPTR)));

export const adoptionRules: Ssda903Rule[] = [
  // ---- AD1 ------------------------------------------------------------------------------------
  // ssda903/rules-2024-25.csv 112, 113
  rule('112', 'Date should be placed for adoption is not a valid date.', AD1_FIX, ad1Check('112', ['DATE_INT'], (r) => badDate(r.DATE_INT))),
  rule('113', 'Date matching child and adopter(s) is not a valid date.', AD1_FIX, ad1Check('113', ['DATE_MATCH'], (r) => badDate(r.DATE_MATCH))),
  // 114, 175-177
  rule('114', 'Data entry to record the status of former carer(s) of an adopted child is invalid.', AD1_FIX,
    ad1Check('114', ['FOSTER_CARE'], (r) => r.FOSTER_CARE != null && !zeroOne.has(r.FOSTER_CARE))),
  rule('175', 'The number of adopter(s) code is not a valid code.', AD1_FIX, ad1Check('175', ['NB_ADOPTR'], (r) => r.NB_ADOPTR != null && !nbAdoptrCodes.has(r.NB_ADOPTR))),
  rule('176', 'The gender of adopter(s) at the date of adoption code is not a valid code.', AD1_FIX, ad1Check('176', ['SEX_ADOPTR'], (r) => r.SEX_ADOPTR != null && !sexAdoptrCodes.has(r.SEX_ADOPTR))),
  rule('177', 'The legal status of adopter(s) code is not a valid code.', AD1_FIX, ad1Check('177', ['LS_ADOPTR'], (r) => r.LS_ADOPTR != null && !lsAdoptrCodes.has(r.LS_ADOPTR))),
  // 151
  rule('151', 'All data items relating to a childs adoption must be coded or left blank.', AD1_FIX,
    ad1Check('151', ad1Fields, (r) => {
      const given = [r.DATE_INT, r.DATE_MATCH, r.FOSTER_CARE, r.NB_ADOPTR, r.SEX_ADOPTR, r.LS_ADOPTR].filter((v) => v != null).length;
      return given > 0 && given < 6;
    })),
  // 511, 514, 517-520, 524: the adopters' sex agrees with their number and legal status.
  rule('511', 'If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female.',
    'Correct the number of adopters or their sex on the Permanence page (Permanence achieved).',
    ad1Check('511', ['NB_ADOPTR', 'SEX_ADOPTR'], (r) => r.NB_ADOPTR === '2' && r.SEX_ADOPTR != null && !coupleSexAdoptr.has(r.SEX_ADOPTR))),
  sexOfAdopters('514', 'Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.', (ls, sex) => ls === 'L0' && coupleSexAdoptr.has(sex)),
  sexOfAdopters('517', 'If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female.', (ls, sex) => ls === 'L3' && sex !== 'MF'),
  sexOfAdopters('518', 'If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.', (ls, sex) => ls === 'L4' && !sameSexAdoptr.has(sex)),
  sexOfAdopters('519', 'Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.', (ls, sex) => ls === 'L2' && !coupleSexAdoptr.has(sex)),
  sexOfAdopters('520', 'Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.', (ls, sex) => ls === 'L11' && sameSexAdoptr.has(sex)),
  sexOfAdopters('524', 'If reporting legal status of adopters is L12 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females', (ls, sex) => ls === 'L12' && !sameSexAdoptr.has(sex)),
  // 333
  rule('333', 'Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).', AD1_FIX,
    ad1Check('333', ['DATE_INT'], (r) => isRealDate(r.DATE_INT) && isRealDate(r.DATE_MATCH) && r.DATE_INT > r.DATE_MATCH)),
  // 334
  rule('334', 'Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption. ', AD1_FIX,
    ad1Check('334', ['DATE_INT', 'DECOM', 'RNE'], (r, child, ctx) => {
      const start = latestCareStart(child, ctx);
      return isRealDate(r.DATE_INT) && start != null && r.DATE_INT < start;
    })),
  // 331: matched no later than placed for adoption.
  rule('331', 'Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.', `${AD1_FIX} Or correct the adoptive placement on the Placements page.`,
    ad1Check('331', ['DATE_MATCH', 'DECOM', 'REC'], (r, child, ctx) => {
      const placed = firstAdoptionPlacement(child);
      return adoptedIn(child, ctx) != null && placed != null && isRealDate(r.DATE_MATCH) && r.DATE_MATCH > placed.DECOM!;
    })),
  // 521
  rule('521', "Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.", `${AD1_FIX} Or correct the adoptive placement on the Placements page.`,
    ad1Check('521', ['DATE_INT', 'DECOM', 'PLACE'], (r, child) => {
      const placed = firstAdoptionPlacement(child);
      return placed != null && isRealDate(r.DATE_INT) && r.DATE_INT > placed.DECOM!;
    })),
  // 335: adopted by former foster carers (1) goes with A3/A5 placements; by others (0) with A4/A6.
  rule('335', 'The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.',
    'Correct whether the adopters were the child\'s foster carers on the Permanence page, or the adoptive placement on the Placements page.',
    ad1Check('335', ['FOSTER_CARE', 'PLACE'], (r, child, ctx) => {
      const adopted = adoptedIn(child, ctx);
      if (!adopted) return false;
      return (r.FOSTER_CARE === '0' && adoptionWithFosterCarers.has(adopted.PLACE ?? ''))
        || (r.FOSTER_CARE === '1' && (adopted.PLACE === 'A4' || adopted.PLACE === 'A6'));
    })),
  // 336: placed for adoption with current foster carers straight from a foster placement.
  rule('336', 'Child does not have a foster placement immediately prior to being placed for adoption.', 'Correct the placement before the adoptive placement on the Placements page (placed for adoption with the current foster carers).',
    (child, ctx) => {
      const all = episodesAcrossYears(child, ctx);
      const current = new Set(episodesOf(child.tables).map((e) => e.DECOM));
      return all.filter((e, i) => {
        if (!current.has(e.DECOM) || !adoptionWithFosterCarers.has(e.PLACE ?? '')) return false;
        const before = all[i - 1];
        const continuing = before != null && e.RNE !== 'S' && before.DEC === e.DECOM;
        return !continuing || !(fosterPlace.has(before.PLACE ?? '') || adoptionWithFosterCarers.has(before.PLACE ?? ''));
      }).map((e) => failure('336', child, ['PLACE'], e.DECOM));
    }),
  // 523
  rule('523', 'Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).',
    'Make the date of the decision that the child should be placed for adoption the same on the Permanence page.',
    ad1Check('523', ['DATE_INT', 'DATE_PLACED'], (r, child) => {
      const latest = decisions(child).at(-1);
      return latest != null && r.DATE_INT != null && r.DATE_INT !== latest.DATE_PLACED;
    })),
  // 525
  rule('525', 'A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.', DECISION_FIX,
    (child) => {
      const latest = decisions(child).at(-1);
      return latest?.DATE_PLACED_CEASED != null && child.tables.ad1.some(ad1HasData)
        ? [failure('525', child, ['DATE_INT', 'DATE_MATCH', 'DATE_PLACED_CEASED', 'FOSTER_CARE', 'LS_ADOPTR', 'NB_ADOPTR', 'SEX_ADOPTR'], latest.DATE_PLACED_CEASED)] : [];
    }),
  // 582 (a query): matched on the day of adoption is unusual.
  rule('582', 'Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.',
    'Check the date the child was matched with the adopters on the Permanence page.',
    ad1Check('582', ['DATE_MATCH', 'DEC'], (r, child, ctx) => r.DATE_MATCH != null && adoptedIn(child, ctx)?.DEC === r.DATE_MATCH), 'query'),
  // 601
  rule('601', 'The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.', 'Record the adoption details on the Permanence page (Permanence achieved).',
    (child, ctx) => {
      const adopted = adoptedIn(child, ctx);
      return adopted && !child.tables.ad1.some(ad1HasData) ? [failure('601', child, [...ad1Fields, 'REC'], adopted.DEC)] : [];
    }),
  // 602
  rule('602', 'The episode data submitted for this child does not show that he/she was adopted during the year.', 'Record that the period of care ended in adoption on the In care page, or remove the adoption details on the Permanence page.',
    (child, ctx) => (child.tables.ad1.some(ad1HasData) && !adoptedIn(child, ctx) ? [failure('602', child, ['CHILD'])] : [])),

  // ---- PlacedAdoption -------------------------------------------------------------------------
  // 115, 116
  rule('115', "Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid date.", DECISION_FIX,
    placedCheck('115', ['DATE_PLACED'], (r) => badDate(r.DATE_PLACED))),
  rule('116', "Date of Local Authority's (LA) decision that a child should no longer be placed for adoption is not a valid date.", DECISION_FIX,
    placedCheck('116', ['DATE_PLACED_CEASED'], (r) => badDate(r.DATE_PLACED_CEASED))),
  // 117
  rule('117', 'Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.', DECISION_FIX,
    placedCheck('117', ['DATE_PLACED', 'DATE_PLACED_CEASED', 'DEC', 'DECOM', 'REC'], (r, child, ctx) => {
      const last = episodesOf(child.tables).at(-1);
      const left = last && ceasedCare(last) ? last.DEC! : null;
      return [r.DATE_PLACED, r.DATE_PLACED_CEASED].some((d) => isRealDate(d) && (d > ctx.period.end || (left != null && d > left)));
    })),
  // 118
  rule('118', 'Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.', DECISION_FIX,
    placedCheck('118', ['DATE_PLACED_CEASED', 'DECOM', 'LS'], (r, child, ctx) => {
      if (!isRealDate(r.DATE_PLACED_CEASED)) return false;
      const start = latestCareStart(child, ctx);
      return r.DATE_PLACED_CEASED < ctx.period.start || (start != null && r.DATE_PLACED_CEASED < start);
    })),
  // 119
  rule('119', 'If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.',
    'Record both the date and the reason the child should no longer be placed for adoption on the Permanence page.',
    placedCheck('119', ['DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'], (r) => (r.DATE_PLACED_CEASED == null) !== (r.REASON_PLACED_CEASED == null))),
  // 120
  rule('120', 'The reason for the reversal of the decision that the child should be placed for adoption code is not valid.', DECISION_FIX,
    placedCheck('120', ['REASON_PLACED_CEASED'], (r) => r.REASON_PLACED_CEASED != null && !reasonPlacedCeasedCodes.has(r.REASON_PLACED_CEASED))),
  // 184
  rule('184', 'Date of decision that a child should be placed for adoption is before the child was born.', `${DECISION_FIX} Or check the child's date of birth on the Correct details page.`,
    placedCheck('184', ['DATE_PLACED', 'DOB'], (r, child) => {
      const dob = dobOf(child);
      return dob != null && isRealDate(r.DATE_PLACED) && r.DATE_PLACED < dob;
    })),
  // 1003
  rule('1003', "Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.", DECISION_FIX,
    placedCheck('1003', ['DATE_PLACED', 'DECOM', 'RNE'], (r, child, ctx) => {
      const first = episodesAcrossYears(child, ctx)[0];
      return first?.RNE === 'S' && isRealDate(r.DATE_PLACED) && r.DATE_PLACED < first.DECOM!;
    })),
  // 522
  rule('522', 'Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.', DECISION_FIX,
    placedCheck('522', ['DATE_PLACED', 'DATE_PLACED_CEASED'], (r) => isRealDate(r.DATE_PLACED) && isRealDate(r.DATE_PLACED_CEASED) && r.DATE_PLACED > r.DATE_PLACED_CEASED)),
  // 563
  rule('563', 'The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank', DECISION_FIX,
    placedCheck('563', ['DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'], (r) => r.DATE_PLACED == null && (r.DATE_PLACED_CEASED != null || r.REASON_PLACED_CEASED != null))),
  // 551, 553, 555: placed for adoption, or under a placement or freeing order, needs the decision.
  needsDecision('551', 'Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.', ['DATE_PLACED', 'PLACE'], (e) => adoptionPlace.has(e.PLACE ?? '')),
  needsDecision('553', 'Placement order has been granted but there is no date of decision that the child should be placed for adoption.', ['CHILD', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'], (e) => e.LS === 'E1'),
  needsDecision('555', 'Freeing order has been granted but there is no date of decision that the child should be placed for adoption.', ['CHILD', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'], (e) => e.LS === 'D1'),
  // 552, 554, 556: and the decision comes first.
  decidedBy('552', 'Date of Decision to place a child for adoption should be on or prior to the date that the child was placed for adoption.', ['DATE_PLACED', 'DECOM'], (e) => adoptionPlace.has(e.PLACE ?? '')),
  decidedBy('554', 'Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted. [NOTE: This rule may result in false positives or false negatives if relevant episodes are in previous years; please check carefully!]', ['DATE_PLACED', 'DECOM', 'LS'], (e) => e.LS === 'E1'),
  decidedBy('556', 'Date of decision that the child should be placed for adoption should be on or prior to the date that the freeing order was granted.', ['DATE_PLACED', 'DECOM'], (e) => e.LS === 'D1'),
  // 557: left care without being adopted, so the decision ended.
  rule('557', 'Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.',
    'Record that the child should no longer be placed for adoption, with the date and reason, on the Permanence page.',
    (child) => {
      const last = episodesOf(child.tables).at(-1);
      if (!last || !ceasedCare(last) || adoptedRec.has(last.REC ?? '')) return [];
      return decisions(child).filter((d) => d.DATE_PLACED_CEASED == null)
        .map((d) => failure('557', child, ['DATE_PLACED_CEASED', 'LS', 'PLACE', 'REASON_PLACED_CEASED', 'REC'], d.DATE_PLACED));
    }),
  // 558
  rule('558', 'If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.', DECISION_FIX,
    (child, ctx) => {
      const latest = decisions(child).at(-1);
      return adoptedIn(child, ctx) && latest?.DATE_PLACED_CEASED != null ? [failure('558', child, ['DATE_PLACED_CEASED', 'REC'], latest.DATE_PLACED)] : [];
    }),
  // 579, 583: one decision at a time.
  rule('579', 'A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.',
    DECISION_FIX,
    (child) => {
      const ds = decisions(child);
      return ds.filter((d, i) => {
        const before = ds[i - 1];
        return before != null && (before.DATE_PLACED_CEASED == null || d.DATE_PLACED! < before.DATE_PLACED_CEASED);
      }).map((d) => failure('579', child, ['DATE_PLACED', 'DATE_PLACED_CEASED'], d.DATE_PLACED));
    }),
  rule('583', 'More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year.',
    'Record when the earlier decision that the child should be placed for adoption ended, on the Permanence page.',
    (child) => decisions(child).slice(0, -1).filter((d) => d.DATE_PLACED_CEASED == null).map((d) => failure('583', child, ['DATE_PLACED', 'DATE_PLACED_CEASED'], d.DATE_PLACED)),
    'query'),

  // ---- PlacedAdoption against last year's (PlacedAdoption_last) -------------------------------
  // 559
  rule('559', 'Date of decision that a child should be placed for adoption was not in the current year but the date of the decision that the child should be placed for adoption was not completed in a previous return.', DECISION_FIX,
    (child, ctx) => {
      if (!ctx.previous) return [];
      const before = new Set(ctx.previous.placed_for_adoption.map((r) => r.DATE_PLACED));
      return decisions(child).filter((d) => d.DATE_PLACED! < ctx.period.start && !before.has(d.DATE_PLACED))
        .map((d) => failure('559', child, ['DATE_PLACED'], d.DATE_PLACED));
    }),
  // 560
  rule('560', 'Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change.', DECISION_FIX,
    (child, ctx) => {
      if (!ctx.previous || child.tables.placed_for_adoption.length === 0) return [];
      const now = new Set(child.tables.placed_for_adoption.map((r) => r.DATE_PLACED));
      return ctx.previous.placed_for_adoption.filter((r) => r.DATE_PLACED != null && r.DATE_PLACED_CEASED == null && !now.has(r.DATE_PLACED))
        .map((r) => failure('560', child, ['DATE_PLACED', 'DATE_PLACED_CEASED'], r.DATE_PLACED));
    }),
  // 561
  rule('561', 'Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year.', DECISION_FIX,
    (child, ctx) => {
      if (!ctx.previous) return [];
      const ceasedLastYear = new Set(ctx.previous.placed_for_adoption.filter((r) => r.DATE_PLACED_CEASED != null).map((r) => r.DATE_PLACED));
      return decisions(child).filter((d) => d.DATE_PLACED_CEASED == null && ceasedLastYear.has(d.DATE_PLACED))
        .map((d) => failure('561', child, ['DATE_PLACED'], d.DATE_PLACED));
    }),
  // 584: a new decision after last year's was reversed cannot predate the reversal.
  rule('584', 'Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption.', DECISION_FIX,
    (child, ctx) => {
      if (!ctx.previous) return [];
      const reversed = ctx.previous.placed_for_adoption.filter((r) => isRealDate(r.DATE_PLACED_CEASED));
      return decisions(child).filter((d) => reversed.some((r) => r.DATE_PLACED !== d.DATE_PLACED && d.DATE_PLACED! <= r.DATE_PLACED_CEASED!))
        .map((d) => failure('584', child, ['DATE_PLACED'], d.DATE_PLACED));
    }),

  // ---- PrevPerm -------------------------------------------------------------------------------
  // 630: every child starting to be looked after in the year has the previous permanence item.
  rule('630', 'Information on previous permanence option should be returned.', 'Record whether the child had an adoption, special guardianship or child arrangements order before, on the In care page (Becoming looked after).',
    (child, ctx) => {
      const started = episodesOf(child.tables).find((e) => e.RNE === 'S' && e.DECOM! >= ctx.period.start && e.DECOM! <= ctx.period.end);
      return started && !child.tables.previous_permanence.some((p) => p.PREV_PERM != null) ? [failure('630', child, ['RNE'], started.DECOM)] : [];
    }),
  // 631
  rule('631', 'Previous permanence option not a valid value.', PERM_FIX,
    (child) => child.tables.previous_permanence.filter((p) => p.PREV_PERM != null && !prevPermCodes.has(p.PREV_PERM)).map(() => failure('631', child, ['PREV_PERM']))),
  // 632: a full date, or one with the day, or day and month, unknown (zz/05/2016, zz/zz/2016,
  // zz/zz/zzzz: zz from the left only), before care began; an unknown day or month read as the
  // latest it could be, so zz/05/2016 is too late for care beginning on 10 May 2016. DATE_PERM is
  // the DfE's text throughout (../permanenceDate.ts).
  rule('632', 'Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year', PERM_FIX,
    (child, ctx) => {
      const start = latestCareStart(child, ctx);
      return child.tables.previous_permanence.filter((p) => {
        if (p.DATE_PERM == null) return false;
        const read = readDfePermanenceDate(p.DATE_PERM);
        if (!read) return true;
        return read.latest != null && start != null && read.latest >= start;
      }).map((p) => failure('632', child, ['DATE_PERM', 'DECOM'], readDfePermanenceDate(p.DATE_PERM!)?.latest ?? null));
    }),
  // 634: the item exists for periods of care from 1 April 2016.
  rule('634', 'There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.', PERM_FIX,
    (child, ctx) => {
      const start = latestCareStart(child, ctx);
      const given = child.tables.previous_permanence.some((p) => p.PREV_PERM != null || p.LA_PERM != null || p.DATE_PERM != null);
      return given && start != null && start < '2016-04-01' ? [failure('634', child, ['DATE_PERM', 'DECOM', 'LA_PERM', 'PREV_PERM'], start)] : [];
    }),
  // 635
  rule('635', 'There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1', PERM_FIX,
    (child) => child.tables.previous_permanence.filter((p) => p.PREV_PERM === 'Z1' && (p.DATE_PERM != null || p.LA_PERM != null))
      .map(() => failure('635', child, ['DATE_PERM', 'LA_PERM', 'PREV_PERM']))),
];
