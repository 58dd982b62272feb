/**
 * The CIN census validation rules (../shared/returns-reference/cin-census/rules.csv), written in
 * Hearth's own code from their meaning as the DfE and the public validator
 * data-to-insight/csc-validator-be-cin describe it. Where a code appears in two year folders the
 * latest wording and meaning is used (1530 from cin2023_24; 2886Q, 4180, 8750, 8770Q from
 * cin2024_25). Every rule in the list that data could break is here.
 *
 * - cinRules check one child (run whenever the child's record changes);
 * - cinWholeReturnRules check the return as a whole (duplicates, authority-level counts);
 * - validateCinHeader checks the header (rule 100).
 */
import type { RuleFailure } from '../../ruleTypes';
import type { CinCensus, CinChild } from '../cinCensusTypes';
import { assessmentRules } from './assessments';
import { characteristicsRules } from './characteristics';
import { childIdentifierRules } from './childIdentifiers';
import { childProtectionPlanRules } from './childProtectionPlans';
import { cinDetailsRules } from './cinDetails';
import { cinPlanRules } from './cinPlanDates';
import type { CinRule, CinRuleContext, CinRuleDescription, CinWholeReturnRule } from './cinRuleContext';
import { section47Rules } from './section47';
import { referenceDateRule, validateCinHeader, wholeReturnRules } from './wholeReturn';

export type { CinHeaderRule, CinRule, CinRuleContext, CinRuleDescription, CinWholeReturnRule } from './cinRuleContext';
export { validateCinHeader, referenceDateRule };

export const cinRules: readonly CinRule[] = [
  ...childIdentifierRules,
  ...characteristicsRules,
  ...cinDetailsRules,
  ...assessmentRules,
  ...cinPlanRules,
  ...section47Rules,
  ...childProtectionPlanRules,
];

export const cinWholeReturnRules: readonly CinWholeReturnRule[] = wholeReturnRules;

/** Every failure of one child, in the order of the rule list. */
export function validateCinChild(child: CinChild, context: CinRuleContext): RuleFailure[] {
  const failures: RuleFailure[] = [];
  for (const rule of cinRules) {
    const found = rule.check(child, context);
    if (found.length > 0) failures.push(...found);
  }
  return failures;
}

/** The whole return: the header, each child, then the rules across children. */
export function validateCinCensus(census: CinCensus, context: CinRuleContext): RuleFailure[] {
  const failures = validateCinHeader(census.header, context);
  for (const child of census.children) failures.push(...validateCinChild(child, context));
  for (const rule of cinWholeReturnRules) failures.push(...rule.checkAll(census.children, context));
  return failures;
}

const everyRule: readonly CinRuleDescription[] = [referenceDateRule, ...cinRules, ...cinWholeReturnRules];
const byCode = new Map(everyRule.map((rule) => [rule.code, rule]));

/** The rule behind a failure's code, for its message, fix and severity ("8840", "8770Q"). */
export function cinRuleByCode(code: string): CinRuleDescription | undefined {
  return byCode.get(code);
}
