/**
 * The SSDA903 validation rules Hearth implements (ssda903/rules-2024-25.csv), written from their
 * meaning as pure functions of one child's rows (this year's and, where Hearth holds it, last
 * year's return).
 *
 * NOT IMPLEMENTED, and why:
 * - Fields Hearth's tables do not hold: the DfE derives distance (PL_DISTANCE), placement authority
 *   (PL_LA) and placement location (PL_LOCATION) from the postcodes itself, and Hearth's Episodes
 *   rows carry only the postcodes: 164, 169, 179, 392a, 406, 411, 420, 452, 453, 503G, 503H, 503J, 1015.
 * - Need the Ofsted provider information list (each URN's registration, type, postcode, provider and
 *   dates), which Hearth does not hold: 1008, 219, 221, 224, 227, 228, 229.
 * - Cannot be broken: Hearth has no separate header UASC flag; a child is UASC when the return has a
 *   UASC row for them, so the flag cannot be invalid (105), disagree with DUC (303) or be "not UASC
 *   with a DUC" (205C).
 * - Need the DfE's list of local authority codes, which Hearth does not hold: 633 (LA_PERM).
 * - Social worker episodes (SWEpisodes), not yet written — the tables Hearth records for children in
 *   care came first; they need the SW_REASON code set and the social worker reporting period:
 *   SW01STG1, SW02STG1, SW03STG1, SW04STG1, SW05STG1, SW06STG2, SW07STG2, SW09STG2, SW108STG2,
 *   SW10STG2, SW11STG2, SW12STG2, SW13STG1, SW14STG2, SW15STG2, SW16aSTG2, SW16bSTG2, SW16cSTG2.
 *
 * Readings worth knowing: SEX accepts 1/2 (the 2024-25 list and earlier returns) and M/F/U (the
 * newer coding); 210 follows its message (UN4 for a child in care more than a week at 31 March);
 * 218 cannot tell placements outside England apart, so such a placement without a URN fails it.
 */
import { emptyTables, type Ssda903Child, type Ssda903RuleContext, type Ssda903Tables, type Ssda903TableName } from '../ssda903Types';
import type { CollectionPeriod } from '../../collectionYear';
import type { RuleFailure } from '../../ruleTypes';
import { adoptionRules } from './adoption';
import { episodeRules } from './episodes';
import { episodesAcrossYearsRules } from './episodesAcrossYears';
import { headerAcrossYearsRules, headerRules, internalRules } from './header';
import type { Ssda903Rule } from './helpers';
import { missingRules } from './missing';
import { oc2Rules } from './oc2';
import { oc3Rules } from './oc3';
import { reviewRules } from './reviews';
import { uascRules } from './uasc';

export type { Ssda903Rule } from './helpers';

export const ssda903Rules: readonly Ssda903Rule[] = [
  ...headerRules,
  ...headerAcrossYearsRules,
  ...episodeRules,
  ...episodesAcrossYearsRules,
  ...reviewRules,
  ...missingRules,
  ...uascRules,
  ...oc3Rules,
  ...oc2Rules,
  ...adoptionRules,
  ...internalRules,
];

const byCode = new Map(ssda903Rules.map((r) => [r.code, r]));

export const ssda903RuleByCode = (code: string): Ssda903Rule | undefined => byCode.get(code);

/** Every rule's failures for one child. */
export function validateSsda903Child(child: Ssda903Child, ctx: Ssda903RuleContext): RuleFailure[] {
  return ssda903Rules.flatMap((r) => r.check(child, ctx));
}

/** Split a return's tables into each child's rows, by CHILD, in the order children first appear. */
export function tablesByChild(tables: Ssda903Tables): Map<string, Ssda903Tables> {
  const children = new Map<string, Ssda903Tables>();
  for (const name of Object.keys(tables) as Ssda903TableName[]) {
    for (const row of tables[name] as readonly { CHILD: string }[]) {
      let own = children.get(row.CHILD);
      if (!own) children.set(row.CHILD, (own = emptyTables()));
      (own[name] as { CHILD: string }[]).push(row);
    }
  }
  return children;
}

/**
 * Validate a whole return, a child at a time, each with their own rows from last year's return
 * (empty tables when the child was not in it; null when there is no previous return at all).
 */
export function validateSsda903(
  tables: Ssda903Tables,
  ctx: { period: CollectionPeriod; laCode: string; previous: Ssda903Tables | null },
): RuleFailure[] {
  const previous = ctx.previous ? tablesByChild(ctx.previous) : null;
  const failures: RuleFailure[] = [];
  for (const [childId, own] of tablesByChild(tables)) {
    const before = previous ? previous.get(childId) ?? emptyTables() : null;
    failures.push(...validateSsda903Child({ childId, tables: own }, { period: ctx.period, laCode: ctx.laCode, previous: before }));
  }
  return failures;
}
