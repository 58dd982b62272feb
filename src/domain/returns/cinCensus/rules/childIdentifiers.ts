/**
 * CIN census rules on the ChildIdentifiers module: the child's ID, UPN, sex and dates of birth
 * and death (../shared/returns-reference/cin-census/rules.csv; the latest year folder's wording
 * where a code appears twice). Rules that compare across children are in wholeReturn.ts.
 */
import { upnCheckLetter } from '../../../people/upn';
import type { CinChild } from '../cinCensusTypes';
import { sexCodes, upnLaCodes } from './codes';
import type { CinRule } from './cinRuleContext';
import { addDays, addMonths, addYears, cinRule, type Finding, hasText, isDate, withinYear, yearDate } from './cinRuleKit';

const none: Finding[] = [];

/** An unborn child: an expected date of birth and no date of birth (8750). */
const isUnborn = (child: CinChild) =>
  !isDate(child.ChildIdentifiers.PersonBirthDate) && isDate(child.ChildIdentifiers.ExpectedPersonBirthDate);

/** The letters a UPN may end in: A-Z without I, O and S, which are too easily misread. */
const upnLastCharacter = /^[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/;

// cin-census/rules.csv 8500
const laChildIdMissing = cinRule({
  code: '8500',
  message: 'LA Child ID missing',
  fix: "Give the child an ID: Hearth uses the ID from the authority's earlier system (the child's external ID), or its own child number",
  find: (child) => (hasText(child.ChildIdentifiers.LAchildID) ? none : [{ fields: ['LAchildID'] }]),
});

// cin-census/rules.csv 1570 (cin2024_25)
const laChildIdTooLong = cinRule({
  code: '1570',
  message: 'LA Child ID must not be longer than 20 characters',
  fix: "Shorten the child's external ID from the earlier system to 20 characters or fewer",
  find: (child) => (child.ChildIdentifiers.LAchildID.length > 20 ? [{ fields: ['LAchildID'] }] : none),
});

// cin-census/rules.csv 1580 (cin2024_25)
const laChildIdNotAlphanumeric = cinRule({
  code: '1580',
  message: 'LA Child ID must not contain any non-alphanumeric characters',
  fix: "Take the spaces, dashes and other symbols out of the child's external ID from the earlier system",
  find: (child) => {
    const id = child.ChildIdentifiers.LAchildID;
    return hasText(id) && !/^[A-Za-z0-9]+$/.test(id) ? [{ fields: ['LAchildID'] }] : none;
  },
});

// cin-census/rules.csv 1510: the check letter is worked out from characters 2-13 (people/upn.ts).
const upnCheckLetterWrong = cinRule({
  code: '1510',
  message: 'UPN invalid (wrong check letter at character 1)',
  fix: "Check the unique pupil number on the child's details against the school's records: its first letter does not match the rest",
  find: (child) => {
    const upn = child.ChildIdentifiers.UPN;
    // Only a UPN that is otherwise well formed has a check letter to compare (1540 and 1550 report the rest).
    if (!hasText(upn) || !/^[A-Z]\d{11}/.test(upn) || upn.length !== 13 || !upnLastCharacter.test(upn[12] ?? '')) return none;
    return upnCheckLetter(upn.slice(1)) === upn[0] ? none : [{ fields: ['UPN'] }];
  },
});

// cin-census/rules.csv 1530 (cin2023_24 list of LA codes)
const upnLaCodeUnknown = cinRule({
  code: '1530',
  message: 'UPN invalid (characters 2-4 not a recognised LA code)',
  fix: "Check the unique pupil number on the child's details: characters 2 to 4 must be a local authority number",
  find: (child) => {
    const upn = child.ChildIdentifiers.UPN;
    return hasText(upn) && !upnLaCodes.has(upn.slice(1, 4)) ? [{ fields: ['UPN'] }] : none;
  },
});

// cin-census/rules.csv 1540
const upnMiddleNotNumeric = cinRule({
  code: '1540',
  message: 'UPN invalid (characters 5-12 not all numeric)',
  fix: "Check the unique pupil number on the child's details: characters 5 to 12 must all be digits",
  find: (child) => {
    const upn = child.ChildIdentifiers.UPN;
    return hasText(upn) && !/^\d{8}$/.test(upn.slice(4, 12)) ? [{ fields: ['UPN'] }] : none;
  },
});

// cin-census/rules.csv 1550
const upnLastCharacterInvalid = cinRule({
  code: '1550',
  message: 'UPN invalid (character 13 not a recognised value)',
  fix: "Check the unique pupil number on the child's details: the 13th character must be a digit or a letter other than I, O or S",
  find: (child) => {
    const upn = child.ChildIdentifiers.UPN;
    return hasText(upn) && (upn.length !== 13 || !upnLastCharacter.test(upn[12] ?? '')) ? [{ fields: ['UPN'] }] : none;
  },
});

// cin-census/rules.csv 1560Q: a former UPN has a UPN's shape (a letter, eleven digits, a digit or letter).
const formerUpnBadlyFormed = cinRule({
  code: '1560Q',
  message: 'Please check and either amend or provide a reason: Former UPN wrongly formatted',
  fix: "Check the child's former unique pupil number: 13 characters, a letter, eleven digits, then a digit or letter",
  find: (child) => {
    const former = child.ChildIdentifiers.FormerUPN;
    if (!hasText(former)) return none;
    return former.length === 13 && /^[A-Z]\d{11}/.test(former) && upnLastCharacter.test(former[12] ?? '') ? none : [{ fields: ['FormerUPN'] }];
  },
});

// cin-census/rules.csv 4180 (cin2024_25: M, F or U)
const sexMissing = cinRule({
  code: '4180',
  message: 'Sex must be provided and equal M, F, or U',
  fix: "Record the child's sex on their details",
  find: (child) => {
    const sex = child.ChildIdentifiers.Sex;
    return hasText(sex) && sexCodes.has(sex) ? none : [{ fields: ['Sex'] }];
  },
});

// cin-census/rules.csv 8750 (cin2024_25: U for an unborn child)
const unbornSexNotU = cinRule({
  code: '8750',
  message: 'Sex must equal U for an unborn child',
  fix: "Record an unborn child's sex as ‘Not known or indeterminate’ on their details until they are born",
  find: (child) =>
    isUnborn(child) && child.ChildIdentifiers.Sex !== 'U'
      ? [{ fields: ['Sex', 'PersonBirthDate', 'ExpectedPersonBirthDate'], at: child.ChildIdentifiers.ExpectedPersonBirthDate }]
      : none,
});

// cin-census/rules.csv 8520
const bornAfterYear = cinRule({
  code: '8520',
  message: 'Date of Birth is after data collection period (must be on or before the end of the census period)',
  fix: "Check the child's date of birth on their details: it is after the end of the census year",
  find: (child, ctx) => {
    const born = child.ChildIdentifiers.PersonBirthDate;
    return isDate(born) && born > ctx.period.end ? [{ fields: ['PersonBirthDate'], at: born }] : none;
  },
});

// cin-census/rules.csv 8525Q
const birthOrExpectedBirth = cinRule({
  code: '8525Q',
  message: 'Either Date of Birth or Expected Date of Birth must be provided (but not both)',
  fix: "Record the child's date of birth on their details, or for an unborn child the expected date of birth, but not both",
  find: (child) => {
    const born = isDate(child.ChildIdentifiers.PersonBirthDate);
    const expected = isDate(child.ChildIdentifiers.ExpectedPersonBirthDate);
    return born === expected ? [{ fields: ['PersonBirthDate', 'ExpectedPersonBirthDate'] }] : none;
  },
});

// cin-census/rules.csv 8530Q: expected between 30 days before and 9 months after the reference date.
const expectedBirthOutOfRange = cinRule({
  code: '8530Q',
  message:
    'Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)',
  fix: "Check the expected date of birth on the unborn child's details; if the baby has been born, record the date of birth instead",
  find: (child, ctx) => {
    const expected = child.ChildIdentifiers.ExpectedPersonBirthDate;
    if (!isDate(expected)) return none;
    const earliest = yearDate(ctx, `30 days before ${ctx.period.end}`, () => addDays(ctx.period.end, -30));
    const latest = yearDate(ctx, `9 months after ${ctx.period.end}`, () => addMonths(ctx.period.end, 9));
    return expected < earliest || expected > latest ? [{ fields: ['ExpectedPersonBirthDate'], at: expected }] : none;
  },
});

// cin-census/rules.csv 8535Q
const diedBeforeBorn = cinRule({
  code: '8535Q',
  message: 'Please check and either amend data or provide a reason: Child’s date of death should not be prior to the date of birth',
  fix: "Check the child's date of death against their date of birth on their details",
  find: (child) => {
    const { PersonBirthDate: born, PersonDeathDate: died } = child.ChildIdentifiers;
    return isDate(born) && isDate(died) && died < born ? [{ fields: ['PersonDeathDate', 'PersonBirthDate'], at: died }] : none;
  },
});

// cin-census/rules.csv 8545Q
const diedOutsideYear = cinRule({
  code: '8545Q',
  message: "Please check and either amend data or provide a reason: Child's date of death should be within the census year",
  fix: 'Check the date the child died: it should fall within the census year',
  find: (child, ctx) => {
    const died = child.ChildIdentifiers.PersonDeathDate;
    return isDate(died) && !withinYear(died, ctx) ? [{ fields: ['PersonDeathDate'], at: died }] : none;
  },
});

/**
 * Of school age by the census date: born on or before 31 August five years before the year the
 * census ends, so in reception or above in the school year that ends in it (a census ending 31
 * March 2026 counts children born on or before 31 August 2021).
 */
const ofSchoolAge = (born: string, ctx: { period: { year: number } }) => born <= `${ctx.period.year - 5}-08-31`;

// cin-census/rules.csv 8770Q (cin2024_25): a child of school age on a referral that went further.
const upnExpected = cinRule({
  code: '8770Q',
  message:
    'Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.',
  fix: "Record the child's unique pupil number on their details (their school has it), or the reason it is not known",
  find: (child, ctx) => {
    const { PersonBirthDate: born, UPN, UPNunknown } = child.ChildIdentifiers;
    if (!isDate(born) || !ofSchoolAge(born, ctx) || hasText(UPN)) return none;
    if (!child.CINdetails.some((d) => d.ReferralNFA === false)) return none;
    // UN1 says the child is not yet of school age, which this child is.
    return hasText(UPNunknown) && UPNunknown !== 'UN1' ? none : [{ fields: ['UPN', 'UPNunknown'] }];
  },
});

// cin-census/rules.csv 8772
const un7ButFurtherAction = cinRule({
  code: '8772',
  message:
    'UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action',
  fix: "The reason for no UPN says the referral led to no further action, but one went further: record the child's unique pupil number, or another reason it is not known",
  find: (child) =>
    child.ChildIdentifiers.UPNunknown === 'UN7'
      ? child.CINdetails.filter((d) => d.ReferralNFA !== true).map((d) => ({ fields: ['UPNunknown', 'ReferralNFA'], at: d.CINreferralDate }))
      : none,
});

// cin-census/rules.csv 8775Q: over 25 at the reference date, with an episode open past their 25th birthday.
const overTwentyFive = cinRule({
  code: '8775Q',
  message: 'Please check and either amend data or provide a reason: Child is over 25 years old',
  fix: "Check the child's date of birth on their details: they are over 25, so their case should have closed",
  find: (child, ctx) => {
    const born = child.ChildIdentifiers.PersonBirthDate;
    if (!isDate(born) || born >= yearDate(ctx, `25 years before ${ctx.period.end}`, () => addYears(ctx.period.end, -25))) return none;
    const twentyFifth = addYears(born, 25);
    return child.CINdetails.filter((d) => !isDate(d.CINclosureDate) || d.CINclosureDate > twentyFifth).map((d) => ({
      fields: ['PersonBirthDate', 'CINclosureDate'],
      at: d.CINreferralDate,
    }));
  },
});

// cin-census/rules.csv 8590
const noEpisode = cinRule({
  code: '8590',
  message: 'Child does not have a recorded CIN episode.',
  fix: 'Record the contact and its threshold decision (the referral) that began the child’s episode of need',
  find: (child) => (child.CINdetails.length === 0 ? [{ fields: ['LAchildID'] }] : none),
});

export const childIdentifierRules: readonly CinRule[] = [
  laChildIdMissing,
  laChildIdTooLong,
  laChildIdNotAlphanumeric,
  upnCheckLetterWrong,
  upnLaCodeUnknown,
  upnMiddleNotNumeric,
  upnLastCharacterInvalid,
  formerUpnBadlyFormed,
  sexMissing,
  unbornSexNotU,
  bornAfterYear,
  birthOrExpectedBirth,
  expectedBirthOutOfRange,
  diedBeforeBorn,
  diedOutsideYear,
  upnExpected,
  un7ButFurtherAction,
  overTwentyFive,
  noEpisode,
];
