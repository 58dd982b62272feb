/**
 * CIN census rules on ChildCharacteristics: ethnicity and disabilities
 * (../shared/returns-reference/cin-census/rules.csv). The authority-wide disability queries
 * (2887Q, 2888Q) are in wholeReturn.ts.
 */
import { disabilityCodes, ethnicityCodes } from './codes';
import type { CinRule } from './cinRuleContext';
import { cinRule, type Finding, hasText, isDate, repeated } from './cinRuleKit';

const none: Finding[] = [];

// cin-census/rules.csv 4220
const ethnicityMissing = cinRule({
  code: '4220',
  message: 'Ethnicity is missing or invalid (see Ethnicity table)',
  fix: "Record the child's ethnicity on their details (‘Information not yet obtained’ while it is not known)",
  find: (child) => {
    const ethnicity = child.ChildCharacteristics.Ethnicity;
    return hasText(ethnicity) && ethnicityCodes.has(ethnicity) ? none : [{ fields: ['Ethnicity'] }];
  },
});

// cin-census/rules.csv 8540: a born child on a referral that went further has disabilities recorded, NONE included.
const disabilityMissing = cinRule({
  code: '8540',
  message: 'Child’s disability is missing or invalid (see Disability table)',
  fix: "Record the child's disabilities on their details (leave them all unticked if the child has none)",
  find: (child) => {
    if (!isDate(child.ChildIdentifiers.PersonBirthDate)) return none;
    if (!child.CINdetails.some((d) => d.ReferralNFA === false)) return none;
    const recorded = child.ChildCharacteristics.Disabilities;
    return recorded.length > 0 && recorded.every((code) => disabilityCodes.has(code)) ? none : [{ fields: ['Disability'] }];
  },
});

// cin-census/rules.csv 8790
const noneWithOthers = cinRule({
  code: '8790',
  message: 'Disability information includes both None and other values',
  fix: "The child's details say both that they have no disability and that they have one: keep only the disabilities that apply",
  find: (child) => {
    const recorded = child.ChildCharacteristics.Disabilities;
    return recorded.includes('NONE') && recorded.some((code) => code !== 'NONE') ? [{ fields: ['Disability'] }] : none;
  },
});

// cin-census/rules.csv 8794
const disabilityRepeated = cinRule({
  code: '8794',
  message: 'Child has two or more disabilities with the same code',
  fix: "Remove the repeated disability from the child's details",
  find: (child) => (repeated(child.ChildCharacteristics.Disabilities).length > 0 ? [{ fields: ['Disability'] }] : none),
});

export const characteristicsRules: readonly CinRule[] = [ethnicityMissing, disabilityMissing, noneWithOthers, disabilityRepeated];
