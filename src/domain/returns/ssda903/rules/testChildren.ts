/**
 * Clean SSDA903 children for the rules' tests (collection year 2025: 1 April 2024 to 31 March 2025),
 * each passing every rule: a child looked after all year with two episodes, reviews and a missing
 * episode; a child adopted in the year; and a care leaver turning 19. Tests mutate a fresh copy.
 */
import { collectionPeriod } from '../../collectionYear';
import { emptyTables, type EpisodeRow, type Ssda903Child, type Ssda903RuleContext, type Ssda903Tables } from '../ssda903Types';

export interface Scenario { child: Ssda903Child; ctx: Ssda903RuleContext; t: Ssda903Tables; prev: Ssda903Tables }
export type BaseName = 'lac' | 'adopted' | 'leaver';

export const period = collectionPeriod(2025);

const episode = (child: string, e: Partial<EpisodeRow>): EpisodeRow => ({
  CHILD: child, DECOM: null, RNE: null, LS: null, CIN: null, PLACE: null, PLACE_PROVIDER: null, DEC: null, REC: null,
  REASON_PLACE_CHANGE: null, HOME_POST: null, PL_POST: null, URN: null, ...e,
});

function lookedAfter(): { t: Ssda903Tables; prev: Ssda903Tables } {
  const C = 'C1';
  const DOB = '2010-06-15';
  const header = { CHILD: C, SEX: '2', DOB, ETHNIC: 'WBRI', UPN: 'A123456789012', MOTHER: '0', MC_DOB: null };
  const e1 = episode(C, { DECOM: '2023-09-01', RNE: 'S', LS: 'C2', CIN: 'N1', PLACE: 'U4', PLACE_PROVIDER: 'PR1', DEC: '2024-10-01', REC: 'X1', REASON_PLACE_CHANGE: 'CARPL', HOME_POST: 'AB1 2CD', PL_POST: 'EF3 4GH', URN: 'SC123456' });
  const e2 = episode(C, { DECOM: '2024-10-01', RNE: 'P', LS: 'C2', CIN: 'N1', PLACE: 'U6', PLACE_PROVIDER: 'PR4', HOME_POST: 'AB1 2CD', PL_POST: 'JK5 6LM', URN: '1234567' });
  const t = emptyTables();
  t.header.push({ ...header });
  t.episodes.push(e1, e2);
  t.reviews.push({ CHILD: C, DOB, REVIEW: '2024-05-01', REVIEW_CODE: 'PN1' }, { CHILD: C, DOB, REVIEW: '2024-11-01', REVIEW_CODE: 'PN2' });
  t.missing.push({ CHILD: C, DOB, MISSING: 'M', MIS_START: '2024-11-05', MIS_END: '2024-11-06' });
  t.oc2.push({ CHILD: C, DOB, SDQ_SCORE: '12', SDQ_REASON: null, CONVICTED: '0', HEALTH_CHECK: null, IMMUNISATIONS: '1', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1', SUBSTANCE_MISUSE: '0', INTERVENTION_RECEIVED: null, INTERVENTION_OFFERED: null });
  t.previous_permanence.push({ CHILD: C, DOB, PREV_PERM: 'Z1', LA_PERM: null, DATE_PERM: null });
  const prev = emptyTables();
  prev.header.push({ ...header });
  prev.episodes.push({ ...e1, DEC: null, REC: null, REASON_PLACE_CHANGE: null });
  prev.reviews.push({ CHILD: C, DOB, REVIEW: '2023-09-20', REVIEW_CODE: 'PN1' });
  prev.previous_permanence.push({ CHILD: C, DOB, PREV_PERM: 'Z1', LA_PERM: null, DATE_PERM: null });
  return { t, prev };
}

function adopted(): { t: Ssda903Tables; prev: Ssda903Tables } {
  const C = 'C2';
  const DOB = '2019-01-20';
  const header = { CHILD: C, SEX: '1', DOB, ETHNIC: 'MWBC', UPN: 'B987654321098', MOTHER: null, MC_DOB: null };
  const e1 = episode(C, { DECOM: '2023-06-01', RNE: 'S', LS: 'C2', CIN: 'N1', PLACE: 'U4', PLACE_PROVIDER: 'PR1', DEC: '2024-06-01', REC: 'X1', REASON_PLACE_CHANGE: 'CARPL', HOME_POST: 'AB1 2CD', PL_POST: 'EF3 4GH', URN: 'SC111111' });
  const e2 = episode(C, { DECOM: '2024-06-01', RNE: 'B', LS: 'E1', CIN: 'N1', PLACE: 'A6', PLACE_PROVIDER: 'PR1', DEC: '2025-02-01', REC: 'E11', HOME_POST: 'AB1 2CD', PL_POST: 'MN7 8PQ', URN: 'SC222222' });
  const t = emptyTables();
  t.header.push({ ...header });
  t.episodes.push(e1, e2);
  t.reviews.push({ CHILD: C, DOB, REVIEW: '2024-07-01', REVIEW_CODE: 'PN1' });
  t.placed_for_adoption.push({ CHILD: C, DOB, DATE_PLACED: '2024-04-15', DATE_PLACED_CEASED: null, REASON_PLACED_CEASED: null });
  t.ad1.push({ CHILD: C, DOB, DATE_INT: '2024-04-15', DATE_MATCH: '2024-05-20', FOSTER_CARE: '0', NB_ADOPTR: '2', SEX_ADOPTR: 'MF', LS_ADOPTR: 'L11' });
  t.previous_permanence.push({ CHILD: C, DOB, PREV_PERM: 'Z1', LA_PERM: null, DATE_PERM: null });
  const prev = emptyTables();
  prev.header.push({ ...header });
  prev.episodes.push({ ...e1, DEC: null, REC: null, REASON_PLACE_CHANGE: null });
  prev.previous_permanence.push({ CHILD: C, DOB, PREV_PERM: 'Z1', LA_PERM: null, DATE_PERM: null });
  return { t, prev };
}

function careLeaver(): { t: Ssda903Tables; prev: Ssda903Tables } {
  const C = 'C3';
  const DOB = '2006-01-10';
  const t = emptyTables();
  t.header.push({ CHILD: C, SEX: '2', DOB, ETHNIC: 'BAFR', UPN: 'C111111111111', MOTHER: null, MC_DOB: null });
  t.oc3.push({ CHILD: C, DOB, IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'S2' });
  const prev = emptyTables();
  prev.header.push({ CHILD: C, SEX: '2', DOB, ETHNIC: 'BAFR', UPN: 'C111111111111', MOTHER: '0', MC_DOB: null });
  prev.episodes.push(episode(C, { DECOM: '2021-05-01', RNE: 'S', LS: 'C2', CIN: 'N4', PLACE: 'U4', PLACE_PROVIDER: 'PR4', DEC: '2024-01-10', REC: 'E8', HOME_POST: 'AB1 2CD', PL_POST: 'EF3 4GH', URN: 'SC333333' }));
  return { t, prev };
}

const builders: Record<BaseName, () => { t: Ssda903Tables; prev: Ssda903Tables }> = { lac: lookedAfter, adopted, leaver: careLeaver };

/** A fresh copy of a clean child, with last year's return as the context's previous tables. */
export function scenario(base: BaseName = 'lac'): Scenario {
  const { t, prev } = builders[base]();
  const ctx: Ssda903RuleContext = { period, previous: prev, laCode: '123' };
  return { child: { childId: t.header[0]!.CHILD, tables: t }, ctx, t, prev };
}

/** The n-th episode of this year's return. */
export const ep = (s: Scenario, n: number): EpisodeRow => s.t.episodes[n]!;
export const hdr = (s: Scenario) => s.t.header[0]!;
export { episode };
