import type { CollectionPeriod } from '../../collectionYear';
import type { WorkingCalendar } from '../../../calendar/workingDays';
import type { ReturnName, ReturnRule, RuleFailure } from '../../ruleTypes';
import type { CinChild, CinCensusHeader } from '../cinCensusTypes';

/**
 * What the CIN census rules need besides the child: the collection year (its 1 April start and
 * 31 March reference date), the authority's three-digit DfE code, and the working-day calendar
 * for the two rules that count working days (cin-census/rules.csv 8670Q, 8675Q, 8569Q).
 */
export interface CinRuleContext {
  period: CollectionPeriod;
  laCode: string;
  calendar: WorkingCalendar;
}

/** A rule about one child, run as soon as the child's record changes. */
export type CinRule = ReturnRule<CinChild, CinRuleContext>;

/** What every CIN census rule says about itself, whichever input it checks. */
export interface CinRuleDescription {
  code: string;
  /** Always 'cin-census'; typed as ReturnRule types it so that every rule fits this shape. */
  return: ReturnName;
  message: string;
  fix: string;
  severity: 'error' | 'query';
}

/**
 * A rule about the return as a whole: duplicates across children and the authority-level
 * percentages and counts (cin-census/rules.csv 1520, 8510, 2883, 2886Q, 2887Q, 2888Q).
 */
export interface CinWholeReturnRule extends CinRuleDescription {
  checkAll(children: readonly CinChild[], context: CinRuleContext): RuleFailure[];
}

/** The header's own rule (cin-census/rules.csv 100). */
export interface CinHeaderRule extends CinRuleDescription {
  check(header: CinCensusHeader, context: CinRuleContext): RuleFailure[];
}
