/**
 * SSDA903 rules on the Header table: the child's sex, date of birth, ethnicity, UPN and motherhood,
 * the same facts against last year's return, and the internal checks that every table agrees with
 * the header (ssda903/rules-2024-25.csv).
 */
import type { Ssda903Child, Ssda903RuleContext, Ssda903Tables } from '../ssda903Types';
import { ethnicCodes, isFemale, isMale, respiteLs, sexCodes, upnUnknownCodes } from './codes';
import {
  addYears, ageOn, badDate, blank, ceasedCare, eachRow, episodesInYear, episodesOf, failure, hasOc3Data,
  headerOf, isRealDate, periodsOfCare, rule, type Ssda903Rule,
} from './helpers';

const header = (c: Ssda903Child) => c.tables.header;
const details = 'on the Correct details page';
const motherFix = 'Record whether she is a mother, and her first child\'s date of birth, on the Correct details page';

/** A UPN: a check letter, eleven digits, and a digit (or a letter for a temporary UPN). */
const upnPattern = /^[A-Z]\d{11}[0-9A-Z]$/;

export const headerRules: Ssda903Rule[] = [
  // ssda903/rules-2024-25.csv 101
  rule('101', 'Gender code is not valid.', `Record the child's sex ${details}.`,
    eachRow('101', header, (h) => !sexCodes.has(h.SEX ?? ''), ['SEX'], () => null)),

  // 102
  rule('102', 'Date of birth is not a valid date.', `Record the child's date of birth ${details}.`,
    eachRow('102', header, (h) => !isRealDate(h.DOB), ['DOB'], () => null)),

  // 103
  rule('103', 'The ethnicity code is either not valid or has not been entered.', `Record the child's ethnicity ${details}.`,
    eachRow('103', header, (h) => !ethnicCodes.has(h.ETHNIC ?? ''), ['ETHNIC'], () => null)),

  // 168: a UPN, or one of the codes saying why it is not known.
  rule('168', 'Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.',
    `Correct the child's Unique Pupil Number, or the reason it is not known, ${details}.`,
    eachRow('168', header, (h) => h.UPN != null && !upnUnknownCodes.has(h.UPN) && !upnPattern.test(h.UPN), ['UPN'], () => null)),

  // 171
  rule('171', "Date of birth of mother's child is not a valid date.", motherFix + '.',
    eachRow('171', header, (h) => badDate(h.MC_DOB), ['MC_DOB'], (h) => h.MC_DOB)),

  // 174
  rule('174', "Mother's child date of birth is recorded but sex shows that the child is a male.",
    `Correct the child's sex, or remove the date of birth of a child of theirs, ${details}.`,
    eachRow('174', header, (h) => isMale(h.SEX) && h.MC_DOB != null, ['MC_DOB', 'SEX'], (h) => h.MC_DOB)),

  // 209: of school age = 4 or over on 31 August before the year before the collection year began.
  rule('209', 'Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.',
    `Record the child's Unique Pupil Number ${details} (UN1 is only for children not yet of school age).`,
    eachRow('209', header, (h, _c, ctx) => {
      if (h.UPN !== 'UN1' || !isRealDate(h.DOB)) return false;
      const reference = `${Number(ctx.period.start.slice(0, 4)) - 1}-08-31`;
      return addYears(h.DOB, 4) <= reference;
    }, ['DOB', 'UPN'], () => null)),

  // 210: UN4 (new to the authority, UPN not yet obtained) will not do for a child looked after for more than a week at 31 March.
  rule('210', 'Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.',
    `Record the child's Unique Pupil Number ${details}.`,
    (child, ctx) => {
      if (headerOf(child.tables)?.UPN !== 'UN4') return [];
      const periods = periodsOfCare(episodesOf(child.tables));
      const last = periods[periods.length - 1];
      if (!last || last[last.length - 1]!.DEC != null) return [];
      const began = last[0]!.DECOM!;
      return began < `${ctx.period.end.slice(0, 4)}-03-24` ? [failure('210', child, ['DECOM', 'UPN'], began)] : [];
    }),

  // 301
  rule('301', 'Date of birth falls after the year ended.', `Correct the child's date of birth ${details}.`,
    eachRow('301', header, (h, _c, ctx) => isRealDate(h.DOB) && h.DOB > ctx.period.end, ['DOB'], () => null)),

  // 351: 25 or over when the year began.
  rule('351', 'Child was over 25 at the start of the current collection year.', `Correct the child's date of birth ${details}.`,
    eachRow('351', header, (h, _c, ctx) => isRealDate(h.DOB) && addYears(h.DOB, 25) < ctx.period.start, ['DOB'], () => null)),

  // 393: every girl looked after other than on short breaks has the mother field.
  rule('393', 'Child is looked after but mother field is not completed.', motherFix + '.',
    (child) => {
      const h = headerOf(child.tables);
      if (!h || !isFemale(h.SEX) || h.MOTHER != null) return [];
      return child.tables.episodes.some((e) => !respiteLs.has(e.LS ?? '')) ? [failure('393', child, ['MOTHER'])] : [];
    }),

  // 442: a UPN (or UN code) for every child looked after other than on short breaks.
  rule('442', 'Unique Pupil Number (UPN) field is not completed.', `Record the child's Unique Pupil Number, or why it is not known, ${details}.`,
    (child) => {
      const h = headerOf(child.tables);
      if (!h || !blank(h.UPN)) return [];
      return child.tables.episodes.some((e) => !respiteLs.has(e.LS ?? '')) ? [failure('442', child, ['UPN'])] : [];
    }),

  // 611
  rule('611', 'Date of birth field is blank, but child is a mother.', motherFix + '.',
    eachRow('611', header, (h) => h.MOTHER === '1' && h.MC_DOB == null, ['MC_DOB', 'MOTHER'], () => null)),

  // 612
  rule('612', 'Date of birth field has been completed but mother field indicates child is not a mother.', motherFix + '.',
    eachRow('612', header, (h) => isFemale(h.SEX) && h.MOTHER !== '1' && h.MC_DOB != null, ['MC_DOB', 'MOTHER', 'SEX'], (h) => h.MC_DOB)),

  // 620: a mother under 11 when the year began.
  rule('620', 'Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.',
    `Correct the young person's date of birth, or whether she is a mother, ${details}.`,
    eachRow('620', header, (h, _c, ctx) => h.MOTHER === '1' && isRealDate(h.DOB) && ageOn(h.DOB, ctx.period.start) < 11, ['DOB', 'MOTHER'], () => null)),

  // 621
  rule('621', 'Mother’s field has been completed but date of birth shows that the mother is younger than her child.',
    `Correct the young person's date of birth or her child's ${details}.`,
    eachRow('621', header, (h) => isRealDate(h.DOB) && isRealDate(h.MC_DOB) && h.MC_DOB <= h.DOB, ['DOB', 'MC_DOB'], (h) => h.MC_DOB)),

  // 625: the first child born after the year ended, or after she left care.
  rule('625', 'Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.',
    motherFix + '.',
    (child, ctx) => {
      const mc = headerOf(child.tables)?.MC_DOB;
      if (!isRealDate(mc)) return [];
      const eps = episodesOf(child.tables);
      const last = eps[eps.length - 1];
      const left = last && ceasedCare(last) ? last.DEC! : null;
      return mc > ctx.period.end || (left != null && mc > left) ? [failure('625', child, ['DEC', 'MC_DOB'], mc)] : [];
    }),

  // 165: MOTHER is 0 or 1, only for girls, and present for every girl looked after in the year.
  rule('165', 'Data entry for mother status is invalid.', motherFix + '.',
    (child, ctx) => {
      const h = headerOf(child.tables);
      if (!h) return [];
      const inYear = episodesInYear(episodesOf(child.tables).filter((e) => !respiteLs.has(e.LS ?? '')), ctx).length > 0;
      const bad = (h.MOTHER != null && h.MOTHER !== '0' && h.MOTHER !== '1')
        || (h.MOTHER != null && isMale(h.SEX))
        || (h.MOTHER == null && isFemale(h.SEX) && inYear)
        || (h.MOTHER != null && isFemale(h.SEX) && !inYear && hasOc3Data(child.tables));
      return bad ? [failure('165', child, ['MOTHER', 'SEX'])] : [];
    }),

  // 607: a girl who ceased to be looked after in the year (other than from short breaks) has the mother field.
  rule('607', 'Child ceased to be looked after in the year, but mother field has not been completed.', motherFix + '.',
    (child, ctx) => {
      const h = headerOf(child.tables);
      if (!h || !isFemale(h.SEX) || h.MOTHER != null) return [];
      const ceased = episodesOf(child.tables).find((e) => ceasedCare(e) && !respiteLs.has(e.LS ?? '') && e.DEC! >= ctx.period.start && e.DEC! <= ctx.period.end);
      return ceased ? [failure('607', child, ['DEC', 'MOTHER', 'REC'], ceased.DEC)] : [];
    }),

  // 628: care leavers with no episode this year are not asked about motherhood.
  rule('628', 'Motherhood details are not required for care leavers who have not been looked after during the year.',
    'Nothing to record: the mother field is left out of the return for a care leaver who was not looked after this year. If she was looked after, record the period of care on the In care page.',
    (child) => {
      const h = headerOf(child.tables);
      return h && h.MOTHER != null && child.tables.episodes.length === 0 && hasOc3Data(child.tables) ? [failure('628', child, ['MOTHER'])] : [];
    }),

  // EPI: a header with nothing else to say why the child is in the return.
  rule('EPI', 'WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This refers to the DfE portal - here, all checks that can be performed with only the available data will be.]',
    'Record the period of care on the In care page, or the young person\'s circumstances on the Care leaver page.',
    (child) => (child.tables.header.length > 0 && child.tables.episodes.length === 0 && child.tables.oc3.length === 0 ? [failure('EPI', child, ['CHILD'])] : []),
    'query'),
];

// ---- last year's header (Header_last) --------------------------------------------------------------

const lastHeader = (ctx: Ssda903RuleContext) => (ctx.previous ? headerOf(ctx.previous) : null);

function changedSince(code: string, field: 'SEX' | 'DOB' | 'ETHNIC', message: string, fix: string): Ssda903Rule {
  return rule(code, message, fix, (child, ctx) => {
    const now = headerOf(child.tables);
    const then = lastHeader(ctx);
    if (!now || !then || now[field] == null || then[field] == null) return [];
    // Sex coded 1/2 last year and M/F this year is the same answer.
    const same = field === 'SEX'
      ? (isMale(now.SEX) && isMale(then.SEX)) || (isFemale(now.SEX) && isFemale(then.SEX)) || now.SEX === then.SEX
      : now[field] === then[field];
    return same ? [] : [failure(code, child, [field])];
  });
}

export const headerAcrossYearsRules: Ssda903Rule[] = [
  // 202, 203, 204
  changedSince('202', 'SEX', 'The gender code conflicts with the gender already recorded for this child.',
    `Check the child's sex ${details}; last year's return recorded it differently.`),
  changedSince('203', 'DOB', 'Date of birth disagrees with the date of birth already recorded for this child.',
    `Check the child's date of birth ${details}; last year's return recorded it differently.`),
  changedSince('204', 'ETHNIC', 'Ethnic origin code disagrees with the ethnic origin already recorded for this child.',
    `Check the child's ethnicity ${details}; last year's return recorded it differently.`),

  // 207: once a mother, always a mother.
  rule('207', 'Mother status for the current year disagrees with the mother status already recorded for this child.', motherFix + ' (last year\'s return recorded her as a mother).',
    (child, ctx) => {
      const now = headerOf(child.tables);
      const then = lastHeader(ctx);
      return now && then && then.MOTHER === '1' && now.MOTHER === '0' ? [failure('207', child, ['MOTHER'])] : [];
    }),

  // 208: a real UPN last year stays the child's UPN.
  rule('208', 'Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.',
    `Check the child's Unique Pupil Number ${details}; last year's return recorded a different one.`,
    (child, ctx) => {
      const now = headerOf(child.tables)?.UPN;
      const then = lastHeader(ctx)?.UPN;
      return now && then && !upnUnknownCodes.has(then) && now !== then ? [failure('208', child, ['UPN'])] : [];
    }),

  // 624
  rule('624', 'Date of birth of the first child contradicts the date of birth of the first child previously recorded.', motherFix + ' (last year\'s return recorded a different date).',
    (child, ctx) => {
      const now = headerOf(child.tables)?.MC_DOB;
      const then = lastHeader(ctx)?.MC_DOB;
      return now && then && now !== then ? [failure('624', child, ['MC_DOB'], now)] : [];
    }),

  // 626: a first child born before this year should have been in last year's mother field.
  rule('626', 'Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year.',
    motherFix + ' (last year\'s return recorded her as not a mother).',
    (child, ctx) => {
      const now = headerOf(child.tables);
      const then = lastHeader(ctx);
      if (!now || !then || now.MOTHER !== '1' || then.MOTHER !== '0' || !isRealDate(now.MC_DOB)) return [];
      return now.MC_DOB < ctx.period.start ? [failure('626', child, ['MC_DOB', 'MOTHER'], now.MC_DOB)] : [];
    }),
];

// ---- internal checks: every table agrees with the header ------------------------------------------

type DobTable = 'ad1' | 'placed_for_adoption' | 'missing' | 'oc2' | 'oc3' | 'previous_permanence' | 'reviews' | 'uasc';
const tableWords: Record<DobTable | 'episodes', string> = {
  ad1: 'AD1', placed_for_adoption: 'PlacedAdoption', episodes: 'Episodes', missing: 'Missing', oc2: 'OC2', oc3: 'OC3',
  previous_permanence: 'PrevPerm', reviews: 'Reviews', uasc: 'UASC',
};
const internalFix = 'This is a fault in Hearth\'s return, not in the record: tell the system administrator, with the child\'s number.';

const notInHeader = (code: string, table: DobTable | 'episodes'): Ssda903Rule =>
  rule(code, `${code === 'INT01' ? 'Data Integrity Check' : 'Internal Check'}: Child in ${tableWords[table]} does not exist in Header.`, internalFix,
    (child) => (child.tables.header.length === 0 && child.tables[table].length > 0 ? [failure(code, child, ['CHILD'])] : []));

const dobDiffers = (code: string, table: DobTable): Ssda903Rule =>
  rule(code, `Internal Check: DOB in ${tableWords[table]} is different to DOB in Header.`, internalFix,
    (child) => {
      const dob = headerOf(child.tables)?.DOB;
      if (dob == null) return [];
      return (child.tables[table] as readonly { DOB: string | null }[]).some((r) => r.DOB !== dob) ? [failure(code, child, ['DOB'])] : [];
    });

const onlyOnce = (code: string, table: keyof Ssda903Tables, word: string): Ssda903Rule =>
  rule(code, `Internal Check: Child should only exist once in ${word}.`, internalFix,
    (child) => (child.tables[table].length > 1 ? [failure(code, child, ['CHILD'])] : []));

export const internalRules: Ssda903Rule[] = [
  notInHeader('INT01', 'ad1'), notInHeader('INT02', 'placed_for_adoption'), notInHeader('INT03', 'episodes'),
  notInHeader('INT04', 'missing'), notInHeader('INT05', 'oc2'), notInHeader('INT06', 'oc3'),
  notInHeader('INT07', 'previous_permanence'), notInHeader('INT08', 'reviews'), notInHeader('INT09', 'uasc'),
  dobDiffers('INT11', 'ad1'), dobDiffers('INT12', 'placed_for_adoption'), dobDiffers('INT13', 'missing'),
  dobDiffers('INT14', 'oc2'), dobDiffers('INT15', 'oc3'), dobDiffers('INT16', 'previous_permanence'),
  dobDiffers('INT17', 'reviews'), dobDiffers('INT18', 'uasc'),
  rule('INT21', 'Internal Check: SEX in UASC is different to SEX in Header.', internalFix,
    (child) => {
      const sex = headerOf(child.tables)?.SEX;
      return sex != null && child.tables.uasc.some((u) => u.SEX !== sex) ? [failure('INT21', child, ['SEX'])] : [];
    }),
  onlyOnce('INT31', 'ad1', 'AD1'), onlyOnce('INT32', 'header', 'Header'), onlyOnce('INT33', 'oc2', 'OC2'),
  onlyOnce('INT34', 'oc3', 'OC3'), onlyOnce('INT35', 'previous_permanence', 'PrevPerm'), onlyOnce('INT36', 'uasc', 'UASC'),
];

