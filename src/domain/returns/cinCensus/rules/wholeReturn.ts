/**
 * CIN census rules that read the return as a whole: the header, identifiers shared by two
 * children, and the authority-level counts and percentages
 * (../shared/returns-reference/cin-census/rules.csv). Authority-level failures name no child.
 */
import type { RuleFailure } from '../../ruleTypes';
import type { CinCensusHeader, CinChild } from '../cinCensusTypes';
import type { CinHeaderRule, CinRuleContext, CinWholeReturnRule } from './cinRuleContext';
import { describeRule, hasText, isDate, withinYear } from './cinRuleKit';

// cin-census/rules.csv 100: the reference date is 31 March of the collection year.
export const referenceDateRule: CinHeaderRule = {
  ...describeRule('100', 'Reference Date is incorrect', 'The census reference date is 31 March of the collection year: produce the return again for the right year'),
  check(header, ctx) {
    const expected = `${header.Year}-03-31`;
    return header.ReferenceDate === expected && header.ReferenceDate === ctx.period.end
      ? []
      : [{ code: '100', childId: null, fields: ['ReferenceDate', 'Year'], at: header.ReferenceDate }];
  },
};

export function validateCinHeader(header: CinCensusHeader, context: CinRuleContext): RuleFailure[] {
  return referenceDateRule.check(header, context);
}

/** Every child whose value is shared with another child, with that value. */
function shared(children: readonly CinChild[], valueOf: (child: CinChild) => string | null): { child: CinChild; value: string }[] {
  const counts = new Map<string, number>();
  for (const child of children) {
    const value = valueOf(child);
    if (hasText(value)) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return children.flatMap((child) => {
    const value = valueOf(child);
    return hasText(value) && (counts.get(value) ?? 0) > 1 ? [{ child, value }] : [];
  });
}

const childIdOf = (child: CinChild) => child.ChildIdentifiers.LAchildID || null;

// cin-census/rules.csv 1520
const sameUpn: CinWholeReturnRule = {
  ...describeRule(
    '1520',
    'More than one record with the same UPN.',
    "Two children have the same unique pupil number: check the UPN on each child's details (one of the records may be a duplicate)",
  ),
  checkAll: (children) =>
    shared(children, (c) => c.ChildIdentifiers.UPN).map(({ child }) => ({ code: '1520', childId: childIdOf(child), fields: ['UPN'], at: null })),
};

// cin-census/rules.csv 8510
const sameLaChildId: CinWholeReturnRule = {
  ...describeRule(
    '8510',
    'More than one child record with the same LA Child ID',
    'Two children have the same ID: check for a duplicate record, or correct the external ID from the earlier system',
  ),
  checkAll: (children) =>
    shared(children, (c) => c.ChildIdentifiers.LAchildID).map(({ child }) => ({
      code: '8510',
      childId: childIdOf(child),
      fields: ['LAchildID'],
      at: null,
    })),
};

// cin-census/rules.csv 2883: plans starting in the year against initial conferences held in it, at either level.
const morePlansThanConferences: CinWholeReturnRule = {
  ...describeRule(
    '2883',
    'There are more child protection plans starting than initial conferences taking place',
    'More child protection plans start in the year than initial conferences are recorded: record the initial conference that began each plan',
  ),
  checkAll: (children, ctx) => {
    let plans = 0;
    let conferences = 0;
    for (const child of children) {
      for (const d of child.CINdetails) {
        if (isDate(d.DateOfInitialCPC) && withinYear(d.DateOfInitialCPC, ctx)) conferences++;
        for (const s of d.Section47) if (isDate(s.DateOfInitialCPC) && withinYear(s.DateOfInitialCPC, ctx)) conferences++;
        for (const p of d.ChildProtectionPlans) if (isDate(p.CPPstartDate) && withinYear(p.CPPstartDate, ctx)) plans++;
      }
    }
    return plans > conferences ? [{ code: '2883', childId: null, fields: ['CPPstartDate', 'DateOfInitialCPC'], at: null }] : [];
  },
};

/**
 * cin-census/rules.csv 2886Q (cin2024_25): of the children already born, more than 2% have no
 * sex recorded, or U. An unborn child is always U (8750), so unborn children are left out.
 */
const sexNotRecorded: CinWholeReturnRule = {
  ...describeRule(
    '2886Q',
    'Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)',
    "Record each child's sex on their details: more than 2 in 100 children have none recorded",
  ),
  checkAll: (children) => {
    const born = children.filter((c) => !isDate(c.ChildIdentifiers.ExpectedPersonBirthDate) || isDate(c.ChildIdentifiers.PersonBirthDate));
    if (born.length === 0) return [];
    const unrecorded = born.filter((c) => !hasText(c.ChildIdentifiers.Sex) || c.ChildIdentifiers.Sex === 'U').length;
    return unrecorded / born.length > 0.02 ? [{ code: '2886Q', childId: null, fields: ['Sex'], at: null }] : [];
  },
};

// cin-census/rules.csv 2887Q: fewer than 8 different disability codes (NONE aside) across the return.
const fewDisabilityCodes: CinWholeReturnRule = {
  ...describeRule(
    '2887Q',
    'Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return',
    "Fewer than 8 kinds of disability are recorded across all the children: check that each child's disabilities are recorded on their details",
  ),
  checkAll: (children) => {
    if (children.length === 0) return [];
    const used = new Set(children.flatMap((c) => c.ChildCharacteristics.Disabilities).filter((code) => hasText(code) && code !== 'NONE'));
    return used.size < 8 ? [{ code: '2887Q', childId: null, fields: ['Disability'], at: null }] : [];
  },
};

// cin-census/rules.csv 2888Q: every disabled child has exactly one disability recorded.
const oneDisabilityEach: CinWholeReturnRule = {
  ...describeRule(
    '2888Q',
    'Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.',
    "No child has more than one disability recorded: record every disability that applies on each child's details",
  ),
  checkAll: (children) => {
    const counts = children
      .map((c) => new Set(c.ChildCharacteristics.Disabilities.filter((code) => hasText(code) && code !== 'NONE')).size)
      .filter((n) => n > 0);
    return counts.length > 0 && counts.every((n) => n === 1) ? [{ code: '2888Q', childId: null, fields: ['Disability'], at: null }] : [];
  },
};

export const wholeReturnRules: readonly CinWholeReturnRule[] = [
  sameUpn,
  sameLaChildId,
  morePlansThanConferences,
  sexNotRecorded,
  fewDisabilityCodes,
  oneDisabilityEach,
];
