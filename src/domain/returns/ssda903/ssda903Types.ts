/**
 * The SSDA903 children looked after return as the CSV tables local authorities upload
 * (../shared/returns-reference/ssda903/*.csv), with the DfE column names. Each table's rows are
 * kept as the DfE's columns; dates are YYYY-MM-DD here and written DD/MM/YYYY in the CSV. An empty
 * cell is null.
 */
export interface HeaderRow { CHILD: string; SEX: string | null; DOB: string | null; ETHNIC: string | null; UPN: string | null; MOTHER: string | null; MC_DOB: string | null }
export interface EpisodeRow {
  CHILD: string;
  DECOM: string | null;
  /** Reason for new episode: L, P, T, B, U. */
  RNE: string | null;
  LS: string | null;
  /** Category of need N1-N8. */
  CIN: string | null;
  PLACE: string | null;
  PLACE_PROVIDER: string | null;
  DEC: string | null;
  REC: string | null;
  REASON_PLACE_CHANGE: string | null;
  HOME_POST: string | null;
  PL_POST: string | null;
  URN: string | null;
}
export interface ReviewRow { CHILD: string; DOB: string | null; REVIEW: string | null; REVIEW_CODE: string | null }
export interface UascRow { CHILD: string; SEX: string | null; DOB: string | null; DUC: string | null }
export interface MissingRow { CHILD: string; DOB: string | null; MISSING: string | null; MIS_START: string | null; MIS_END: string | null }
export interface Oc2Row {
  CHILD: string; DOB: string | null; SDQ_SCORE: string | null; SDQ_REASON: string | null; CONVICTED: string | null; HEALTH_CHECK: string | null;
  IMMUNISATIONS: string | null; TEETH_CHECK: string | null; HEALTH_ASSESSMENT: string | null; SUBSTANCE_MISUSE: string | null;
  INTERVENTION_RECEIVED: string | null; INTERVENTION_OFFERED: string | null;
}
export interface Oc3Row { CHILD: string; DOB: string | null; IN_TOUCH: string | null; ACTIV: string | null; ACCOM: string | null }
export interface Ad1Row { CHILD: string; DOB: string | null; DATE_INT: string | null; DATE_MATCH: string | null; FOSTER_CARE: string | null; NB_ADOPTR: string | null; SEX_ADOPTR: string | null; LS_ADOPTR: string | null }
export interface PlacedForAdoptionRow { CHILD: string; DOB: string | null; DATE_PLACED: string | null; DATE_PLACED_CEASED: string | null; REASON_PLACED_CEASED: string | null }
/** DATE_PERM is the DfE's text, DD/MM/YYYY with zz for an unknown day or month (zz/05/2016), not an ISO date. */
export interface PreviousPermanenceRow { CHILD: string; DOB: string | null; PREV_PERM: string | null; LA_PERM: string | null; DATE_PERM: string | null }
export interface SwEpisodeRow { CHILD: string; DOB: string | null; SW_ID: string | null; SW_DECOM: string | null; SW_DEC: string | null; SW_REASON: string | null }

export interface Ssda903Tables {
  header: HeaderRow[];
  episodes: EpisodeRow[];
  reviews: ReviewRow[];
  uasc: UascRow[];
  missing: MissingRow[];
  oc2: Oc2Row[];
  oc3: Oc3Row[];
  ad1: Ad1Row[];
  placed_for_adoption: PlacedForAdoptionRow[];
  previous_permanence: PreviousPermanenceRow[];
  sw_episodes: SwEpisodeRow[];
}

export type Ssda903TableName = keyof Ssda903Tables;

/** The tables in the order they are written, each with its columns in the DfE's order. */
export const ssda903Columns: { readonly [T in Ssda903TableName]: readonly (keyof Ssda903Tables[T][number])[] } = {
  header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  episodes: ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'],
  reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  uasc: ['CHILD', 'SEX', 'DOB', 'DUC'],
  missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  oc2: ['CHILD', 'DOB', 'SDQ_SCORE', 'SDQ_REASON', 'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
  oc3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  ad1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  placed_for_adoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  previous_permanence: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  sw_episodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
};

/**
 * The date columns, written DD/MM/YYYY in the CSV files. Not DATE_PERM: the date of a previous
 * permanence order may be partly unknown (zz/05/2016), so it is kept as the DfE's text
 * (permanenceDate.ts).
 */
export const ssda903DateColumns: ReadonlySet<string> = new Set([
  'DOB', 'MC_DOB', 'DECOM', 'DEC', 'REVIEW', 'DUC', 'MIS_START', 'MIS_END', 'DATE_INT', 'DATE_MATCH', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'SW_DECOM', 'SW_DEC',
]);

export const emptyTables = (): Ssda903Tables => ({
  header: [], episodes: [], reviews: [], uasc: [], missing: [], oc2: [], oc3: [], ad1: [], placed_for_adoption: [], previous_permanence: [], sw_episodes: [],
});

/**
 * One child's rows in every table: the rules check a child at a time, with the same child's rows
 * from the previous year's return where there is one (the rule list's "Episodes_last", "Header_last").
 */
export interface Ssda903Child {
  childId: string;
  tables: Ssda903Tables;
}

export interface Ssda903RuleContext {
  period: import('../collectionYear').CollectionPeriod;
  /** The child's rows in the previous year's return, if Hearth holds it (imported or produced). */
  previous: Ssda903Tables | null;
  laCode: string;
}
