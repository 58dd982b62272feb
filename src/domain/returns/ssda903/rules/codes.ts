/**
 * The DfE's SSDA903 code sets for the 2024-25 collection, as the validation rules check them
 * (ssda903/rules-2024-25.csv). Hearth never shows these to workers: the projection maps Hearth's
 * own words onto them (../ssda903Codes.ts).
 */
const set = (...codes: string[]): ReadonlySet<string> => new Set(codes);

/**
 * SEX (rule 101). The 2024-25 rule list words it "Gender code" with 1 = male, 2 = female (the
 * codes the sample tables and earlier returns use); the DfE's newer specification words it as the
 * child's reported sex, M, F or U. Both are accepted so a return imported from an earlier year and
 * one produced under the newer coding both validate; the rules that depend on sex read either.
 */
export const sexCodes = set('1', '2', 'M', 'F', 'U');
export const isMale = (sex: string | null | undefined): boolean => sex === '1' || sex === 'M';
export const isFemale = (sex: string | null | undefined): boolean => sex === '2' || sex === 'F';

/** ETHNIC (rule 103). */
export const ethnicCodes = set(
  'WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH',
  'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT',
);

/** UPN unknown codes (rule 168): UN1 not yet of school age … UN5 sources disagree. */
export const upnUnknownCodes = set('UN1', 'UN2', 'UN3', 'UN4', 'UN5');

/** RNE (rule 143): S started to be looked after; L legal status changed only; P placement and carers changed; T placement changed, the same carers; B legal status, placement and carers changed; U legal status and placement changed, the same carers (rules 434-436). */
export const rneCodes = set('S', 'L', 'P', 'T', 'U', 'B');
/** The reasons for a new episode that continue a period of care (rules 432, 433). */
export const continuationRne = set('L', 'P', 'T', 'U', 'B');

/** LS (rule 144). */
export const legalStatusCodes = set('C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3');
/** Short breaks (respite): V3 a single short break, V4 a series of short breaks. */
export const respiteLs = set('V3', 'V4');

/** CIN, the category of need (rule 145). */
export const cinCodes = set('N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8');

/**
 * PLACE (rule 146). K3 is supported accommodation registered with Ofsted (from 28 October 2023; rule
 * 371 reads it with H5, the older code for accommodation not subject to children's homes regulations).
 */
export const placeCodes = set(
  'A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'K3', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1',
  'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1',
);
/** Temporary placements (rules 380-383). */
export const temporaryPlace = set('T0', 'T1', 'T2', 'T3', 'T4');
/** Placed for adoption: A3/A5 with current foster carers, A4/A6 not; A5/A6 under a placement order. */
export const adoptionPlace = set('A3', 'A4', 'A5', 'A6');
export const adoptionWithFosterCarers = set('A3', 'A5');
/** Foster placements (U1-U3 with relatives or friends, U4-U6 with other carers; U1 and U4 long-term). */
export const fosterPlace = set('U1', 'U2', 'U3', 'U4', 'U5', 'U6');
/** Placements that need no placement provider (rules 213, 526). */
export const noProviderPlace = set('T0', 'T1', 'T2', 'T3', 'T4', 'Z1');
/** Placements with no Ofsted URN (rules 218, 222). */
export const noUrnPlace = set('P1', 'P3', 'R1', 'R2', 'R5', 'T0', 'T1', 'T2', 'T3', 'T4', 'Z1');

/** PLACE_PROVIDER (rule 178): PR0 with parents, PR1 own provision, PR2 other LA, PR3 other public, PR4 private, PR5 voluntary. */
export const placeProviderCodes = set('PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5');

/** REC (rule 149). */
export const recCodes = set(
  'E11', 'E12', 'E2', 'E3', 'E4A', 'E4B', 'E13', 'E41', 'E45', 'E46', 'E47', 'E48', 'E5', 'E6', 'E7', 'E8', 'E9',
  'E14', 'E15', 'E16', 'E17', 'X1',
);
export const adoptedRec = set('E11', 'E12');

/** REASON_PLACE_CHANGE (rule 1009). */
export const reasonPlaceChangeCodes = set('CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER');

/** REVIEW_CODE (rule 167): PN0 the child was under 4; PN1-PN7 how a child of 4 or over took part. */
export const reviewCodes = set('PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7');

/** MISSING (rule 1006): M missing, A away without authorisation. */
export const missingCodes = set('M', 'A');

/** OC3 (rules 131-133). */
export const inTouchCodes = set('YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM');
export const activCodes = set('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0');
export const accomCodes = set(
  'B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2', 'G1', 'G2', 'H1', 'H2', 'K1', 'K2', 'R1', 'R2', 'S2', 'T1', 'T2',
  'U1', 'U2', 'V1', 'V2', 'W1', 'W2', 'X2', 'Y1', 'Y2', 'Z1', 'Z2', '0',
);
/** Accommodation with former foster carers (rule 3001). */
export const accomWithFormerFosterCarers = set('Z1', 'Z2');

/** OC2 (rules 181, 196). */
export const zeroOne = set('0', '1');
export const sdqReasonCodes = set('SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5');

/** AD1 (rules 114, 175-177). */
export const nbAdoptrCodes = set('1', '2');
export const sexAdoptrCodes = set('M1', 'F1', 'MM', 'FF', 'MF');
export const coupleSexAdoptr = set('MM', 'FF', 'MF');
export const sameSexAdoptr = set('MM', 'FF');
/** L0 single; L11 married different sex; L12 married same sex; L2 civil partners; L3 different-sex couple; L4 same-sex couple. */
export const lsAdoptrCodes = set('L0', 'L11', 'L12', 'L2', 'L3', 'L4');

/** REASON_PLACED_CEASED (rule 120). */
export const reasonPlacedCeasedCodes = set('RD1', 'RD2', 'RD3', 'RD4');

/** PREV_PERM (rule 631): P1 adoption, P2 special guardianship, P3 child arrangements/residence order, P4 unknown, Z1 none. */
export const prevPermCodes = set('P1', 'P2', 'P3', 'P4', 'Z1');
