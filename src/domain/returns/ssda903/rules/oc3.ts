/**
 * SSDA903 rules on the OC3 table, care leavers aged 17 to 21: their codes, and who should (and
 * should not) have care leaver information, read against this year's and last year's episodes
 * (ssda903/rules-2024-25.csv).
 */
import type { Ad1Row, Oc2Row, Oc3Row, Ssda903Child, Ssda903Tables } from '../ssda903Types';
import { accomCodes, accomWithFormerFosterCarers, activCodes, adoptedRec, inTouchCodes, respiteLs } from './codes';
import {
  addYears, ageOn, birthday, daysBetween, dobOf, endOrYearEnd, episodesAcrossYears, episodesOf, failure, hasOc3Data,
  lookedAfter12Months, rule, type Ssda903Rule,
} from './helpers';

const FIX = "Correct the young person's circumstances on the Care leaver page (Update circumstances).";
const notNeeded = (why: string): string => `Nothing to record on the Care leaver page: ${why}. Check the period of care on the In care page.`;

const withData = (r: Oc3Row): boolean => r.IN_TOUCH != null || r.ACTIV != null || r.ACCOM != null;
const oc3Rows = (c: Ssda903Child): Oc3Row[] => c.tables.oc3;
const firstOc3Data = (t: Ssda903Tables): Oc3Row | undefined => t.oc3.find(withData);
const oc3Fields = ['ACCOM', 'ACTIV', 'IN_TOUCH'];
const noContact = (r: Oc3Row): boolean => r.IN_TOUCH === 'DIED' || r.IN_TOUCH === 'RHOM';

export const ad1HasData = (r: Ad1Row): boolean =>
  [r.DATE_INT, r.DATE_MATCH, r.FOSTER_CARE, r.NB_ADOPTR, r.SEX_ADOPTR, r.LS_ADOPTR].some((v) => v != null);
export const oc2ItemFields = ['CONVICTED', 'HEALTH_ASSESSMENT', 'HEALTH_CHECK', 'IMMUNISATIONS', 'INTERVENTION_OFFERED', 'INTERVENTION_RECEIVED', 'SUBSTANCE_MISUSE', 'TEETH_CHECK'] as const;
export const oc2HasItems = (r: Oc2Row): boolean => oc2ItemFields.some((f) => r[f] != null);

/** The 17th or 18th birthday in the collection year, if there is one. */
function birthday17or18(dob: string, period: { start: string; end: string }): string | null {
  for (const age of [17, 18]) {
    const day = birthday(dob, age);
    if (day >= period.start && day <= period.end) return day;
  }
  return null;
}

const whenRowHasData = (code: string, fails: (child: Ssda903Child, row: Oc3Row, ctx: Parameters<Ssda903Rule['check']>[1]) => boolean): Ssda903Rule['check'] =>
  (child, ctx) => child.tables.oc3.filter((r) => withData(r) && fails(child, r, ctx)).map(() => failure(code, child, oc3Fields));

export const oc3Rules: Ssda903Rule[] = [
  // ssda903/rules-2024-25.csv 131-133
  rule('131', 'Data entry for being in touch after leaving care is invalid.', FIX,
    (child) => oc3Rows(child).filter((r) => r.IN_TOUCH != null && !inTouchCodes.has(r.IN_TOUCH)).map(() => failure('131', child, ['IN_TOUCH']))),
  rule('132', 'Data entry for activity after leaving care is invalid.', FIX,
    (child) => oc3Rows(child).filter((r) => r.ACTIV != null && !activCodes.has(r.ACTIV)).map(() => failure('132', child, ['ACTIV']))),
  rule('133', 'Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid', FIX,
    (child) => oc3Rows(child).filter((r) => r.ACCOM != null && !accomCodes.has(r.ACCOM)).map(() => failure('133', child, ['ACCOM']))),
  // 153: all three, or none (a young person who died or went home for good has only IN_TOUCH, rule 344).
  rule('153', "All data items relating to a child's activity or accommodation after leaving care must be coded or left blank.", FIX,
    (child) => oc3Rows(child).filter((r) => (r.IN_TOUCH == null && (r.ACTIV != null || r.ACCOM != null))
      || (r.IN_TOUCH != null && !noContact(r) && (r.ACTIV == null || r.ACCOM == null))).map(() => failure('153', child, oc3Fields))),
  // 344
  rule('344', 'The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.', FIX,
    (child) => oc3Rows(child).filter((r) => noContact(r) && (r.ACTIV != null || r.ACCOM != null)).map(() => failure('344', child, oc3Fields))),
  // 345
  rule('345', 'The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.', FIX,
    (child) => oc3Rows(child).filter((r) => r.IN_TOUCH === 'YES' && (r.ACTIV === '0' || r.ACCOM === '0')).map(() => failure('345', child, oc3Fields))),
  // 3001: at 17 a care leaver cannot be "staying put" with former foster carers.
  rule('3001', 'Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).', FIX,
    whenRowHasData('3001', (child, r, ctx) => {
      const dob = dobOf(child);
      if (!dob || !accomWithFormerFosterCarers.has(r.ACCOM ?? '')) return false;
      const seventeen = birthday(dob, 17);
      return seventeen >= ctx.period.start && seventeen <= ctx.period.end;
    })),
  // 347: a Foyer (accommodation T1/T2) is for care leavers of 18 or over when the year began.
  rule('347', 'Care leavers aged under 18 years, can not be accommodated in a Foyer.', `${FIX} Or check the young person's date of birth on the Correct details page.`,
    whenRowHasData('347', (child, r, ctx) => {
      const dob = dobOf(child);
      return dob != null && (r.ACCOM ?? '').startsWith('T') && ageOn(dob, ctx.period.start) < 18;
    })),
  // 391: care leaver information is for the year of the 17th to 21st birthdays.
  rule('391', 'Young person was not 17, 18, 19, 20 or 21 during the current collection year. ', `${FIX} Or check the young person's date of birth on the Correct details page.`,
    whenRowHasData('391', (child, _r, ctx) => {
      const dob = dobOf(child);
      if (!dob) return false;
      return ![17, 18, 19, 20, 21].some((age) => birthday(dob, age) >= ctx.period.start && birthday(dob, age) <= ctx.period.end);
    })),
  // 1000: a child who died in care is not a care leaver.
  rule('1000', 'This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]', notNeeded('a child who died in care is not a care leaver'),
    whenRowHasData('1000', (child, _r, ctx) => episodesAcrossYears(child, ctx).some((e) => e.REC === 'E2'))),
  // 1011: nor is one whose care moved to another authority.
  rule('1011', 'This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.', notNeeded('care passed to another authority, which returns it'),
    whenRowHasData('1011', (child, _r, ctx) => episodesAcrossYears(child, ctx).at(-1)?.REC === 'E3')),
  // 1001: a relevant or former relevant child was looked after for 13 weeks since 14, including a day since 16, and was not adopted.
  rule('1001', "The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
    notNeeded('the periods of care recorded do not make the young person a care leaver (13 weeks looked after since 14, including a day since 16)'),
    whenRowHasData('1001', (child, _r, ctx) => {
      const dob = dobOf(child);
      if (!ctx.previous || !dob || addYears(dob, 20) <= ctx.period.end) return false;
      const all = episodesAcrossYears(child, ctx);
      if (all.length === 0) return false;
      if (adoptedRec.has(all[all.length - 1]!.REC ?? '')) return true;
      const counted = all.filter((e) => !respiteLs.has(e.LS ?? ''));
      const daysSince = (age: number) => counted.reduce((sum, e) => {
        const from = e.DECOM! > birthday(dob, age) ? e.DECOM! : birthday(dob, age);
        return sum + Math.max(0, daysBetween(from, endOrYearEnd(e, ctx)));
      }, 0);
      return !(daysSince(14) >= 91 && daysSince(16) >= 1);
    })),
  // 1002
  rule('1002', "This child has no previous episodes of care, therefore should not have care leaver information recorded. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
    notNeeded('no period of care is recorded for this young person'),
    whenRowHasData('1002', (child, _r, ctx) => ctx.previous != null && episodesAcrossYears(child, ctx).length === 0)),
  // 1010: still looked after at the end of last year, yet nothing this year.
  rule('1010', 'This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.', 'Record how the period of care ended on the In care page (End of the period of care).',
    whenRowHasData('1010', (child, _r, ctx) => {
      if (!ctx.previous || child.tables.episodes.length > 0) return false;
      const last = episodesOf(ctx.previous).at(-1);
      return last != null && last.DEC == null;
    })),
  // 1007: still looked after on the 17th or 18th birthday.
  rule('1007', 'Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]', notNeeded('the young person was still looked after on their birthday'),
    whenRowHasData('1007', (child, _r, ctx) => {
      const dob = dobOf(child);
      const day = dob ? birthday17or18(dob, ctx.period) : null;
      return day != null && episodesOf(child.tables).some((e) => e.DECOM! <= day && (e.DEC == null || e.DEC > day));
    })),
  // 1016: or who left care after that birthday.
  rule('1016', 'Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.', notNeeded('the young person left care after their birthday'),
    whenRowHasData('1016', (child, _r, ctx) => {
      const dob = dobOf(child);
      const day = dob ? birthday17or18(dob, ctx.period) : null;
      return day != null && episodesOf(child.tables).some((e) => e.DEC != null && e.DEC > day && ageOn(dob!, ctx.period.end) < 19);
    })),
  // 1012: a care leaver not looked after this year has only header and OC3 rows.
  rule('1012', 'No other data should be returned for OC3 children who had no episodes in the current year', 'This is a fault in Hearth\'s return, not in the record: tell the system administrator, with the child\'s number.',
    (child) => {
      const t = child.tables;
      if (t.oc3.length === 0 || t.episodes.length > 0) return [];
      const others = t.reviews.length + t.missing.length + t.oc2.length + t.ad1.length + t.placed_for_adoption.length + t.previous_permanence.length;
      return others > 0 ? [failure('1012', child, ['CHILD'])] : [];
    }),
  // 134
  rule('134', 'Data on adoption should not be entered for the OC3 cohort.', 'A care leaver has no adoption details: check how the period of care ended on the In care page, and the Permanence page.',
    (child) => (firstOc3Data(child.tables) && child.tables.ad1.some(ad1HasData)
      ? [failure('134', child, ['ACCOM', 'ACTIV', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'IN_TOUCH', 'LS_ADOPTR', 'NB_ADOPTR', 'SEX_ADOPTR'])] : [])),
  // 187: the 12-month cohort is neither adopted nor a care leaver this year.
  rule('187', 'Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.', 'Check the period of care on the In care page: a child still looked after has no adoption or care leaver details this year.',
    (child, ctx) => (lookedAfter12Months(child, ctx) && (child.tables.ad1.some(ad1HasData) || hasOc3Data(child.tables))
      ? [failure('187', child, ['ACCOM', 'ACTIV', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'IN_TOUCH', 'LS_ADOPTR', 'NB_ADOPTR', 'SEX_ADOPTR'])] : [])),
  // 215
  rule('215', 'Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.', 'Check the period of care on the In care page: a care leaver has no 12-month health and offending details.',
    (child) => (hasOc3Data(child.tables) && child.tables.oc2.some(oc2HasItems)
      ? [failure('215', child, ['ACCOM', 'ACTIV', 'IN_TOUCH', ...oc2ItemFields])] : [])),
];
