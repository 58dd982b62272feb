import { primaryNeeds, dfeCodeOf, valueOfDfeCode } from '../cinCensus/cinWords';

/**
 * The DfE's SSDA903 code sets, and how the words workers choose in Hearth become them (issue 10:
 * "a worker never types a DfE code"), with the maps back that the importer of an authority's
 * earlier returns needs (src/domain/returns/import/). The code lists are the ones the 2024-25
 * validation rules accept (ssda903/rules-2024-25.csv 143, 144, 145, 146, 149, 167, 178, 1006,
 * 1009, 131, 132, 133); the meanings are the DfE's guide to the collection, shortened.
 */
export interface DfeCode {
  code: string;
  text: string;
}

const set = <const T extends readonly DfeCode[]>(list: T) => list;

export const ssda903CodeSets = {
  /** Reason for new episode (rules-2024-25.csv 143; 434, 435, 436 read L as legal status only, P/T as placement only, B/U as both). */
  RNE: set([
    { code: 'S', text: 'Started to be looked after' },
    { code: 'L', text: 'Change of legal status only' },
    { code: 'P', text: 'Change of placement and carer(s) only' },
    { code: 'T', text: 'Change of placement only, the carer(s) staying the same' },
    { code: 'B', text: 'Change of legal status and of placement and carer(s) at the same time' },
    { code: 'U', text: 'Change of legal status and of placement at the same time, the carer(s) staying the same' },
  ]),
  /** Legal status (144); D1, freed for adoption, has not been made since December 2005 (445). */
  LS: set([
    { code: 'C1', text: 'Interim care order' },
    { code: 'C2', text: 'Full care order' },
    { code: 'D1', text: 'Freeing order granted' },
    { code: 'E1', text: 'Placement order granted' },
    { code: 'J1', text: 'Remanded to local authority accommodation or to youth detention accommodation' },
    { code: 'J2', text: 'Placed in local authority accommodation under the Police and Criminal Evidence Act 1984' },
    { code: 'J3', text: 'Sentenced to a youth rehabilitation order with a residence or intensive fostering requirement' },
    { code: 'L1', text: 'Under police protection and in local authority accommodation' },
    { code: 'L2', text: 'Emergency protection order' },
    { code: 'L3', text: 'Under a child assessment order and in local authority accommodation' },
    { code: 'V2', text: 'Single period of accommodation under section 20' },
    { code: 'V3', text: 'Accommodated under an agreed series of short-term breaks, when individual episodes are recorded' },
    { code: 'V4', text: 'Accommodated under an agreed series of short-term breaks, when agreements are recorded' },
  ]),
  /** Category of need (145): the CIN census primary need codes, N1-N8. */
  CIN: set([
    { code: 'N1', text: 'Abuse or neglect' },
    { code: 'N2', text: "Child's disability" },
    { code: 'N3', text: 'Parental illness or disability' },
    { code: 'N4', text: 'Family in acute stress' },
    { code: 'N5', text: 'Family dysfunction' },
    { code: 'N6', text: 'Socially unacceptable behaviour' },
    { code: 'N7', text: 'Low income' },
    { code: 'N8', text: 'Absent parenting' },
  ]),
  /** Placement type (146). */
  PLACE: set([
    { code: 'A3', text: 'Placed for adoption with parental consent, with current foster carer(s)' },
    { code: 'A4', text: 'Placed for adoption with parental consent, not with current foster carer(s)' },
    { code: 'A5', text: 'Placed for adoption with a placement order, with current foster carer(s)' },
    { code: 'A6', text: 'Placed for adoption with a placement order, not with current foster carer(s)' },
    { code: 'H5', text: 'Supported accommodation, not subject to the children’s homes regulations' },
    { code: 'K1', text: 'Secure children’s home' },
    { code: 'K2', text: 'Children’s home subject to the children’s homes regulations' },
    // Not in the 2024-25 validator's list (146); the DfE's newer specification has it for supported accommodation registered with Ofsted. Read on import, never written.
    { code: 'K3', text: 'Supported accommodation registered with Ofsted' },
    { code: 'P1', text: 'Placed with own parent(s) or other person(s) with parental responsibility' },
    { code: 'P2', text: 'Independent living, e.g. a flat, lodgings, bedsit, bed and breakfast or with friends' },
    { code: 'P3', text: 'Residential employment' },
    { code: 'R1', text: 'Residential care home' },
    { code: 'R2', text: 'NHS or health trust establishment providing medical or nursing care' },
    { code: 'R3', text: 'Family centre or mother and baby unit' },
    { code: 'R5', text: 'Young offender institution or prison' },
    { code: 'S1', text: 'Residential school, except where dual-registered as a children’s home' },
    { code: 'T0', text: 'Temporary placement: all types of temporary move' },
    { code: 'T1', text: 'Temporary period in hospital' },
    { code: 'T2', text: 'Temporary absence of the child on holiday' },
    { code: 'T3', text: 'Temporary accommodation while the usual foster carer(s) are on holiday' },
    { code: 'T4', text: 'Temporary accommodation of seven days or less, for any other reason' },
    { code: 'U1', text: 'Foster placement with relative(s) or friend(s): long-term fostering' },
    { code: 'U2', text: 'Foster placement with relative(s) or friend(s) who are also approved adopters: fostering for adoption or concurrent planning' },
    { code: 'U3', text: 'Foster placement with relative(s) or friend(s): not long-term, fostering for adoption or concurrent planning' },
    { code: 'U4', text: 'Foster placement with other foster carer(s): long-term fostering' },
    { code: 'U5', text: 'Foster placement with other foster carer(s) who are also approved adopters: fostering for adoption or concurrent planning' },
    { code: 'U6', text: 'Foster placement with other foster carer(s): not long-term, fostering for adoption or concurrent planning' },
    { code: 'Z1', text: 'Other placement' },
  ]),
  /** Placement provider (178; 527-531, 550 say which go with which placement types). */
  PLACE_PROVIDER: set([
    { code: 'PR0', text: 'Parent(s) or other person(s) with parental responsibility' },
    { code: 'PR1', text: 'Own provision (by the local authority), including a regional adoption agency it hosts' },
    { code: 'PR2', text: 'Other local authority provision' },
    { code: 'PR3', text: 'Other public provision (e.g. the NHS)' },
    { code: 'PR4', text: 'Private provision' },
    { code: 'PR5', text: 'Voluntary or third sector provision' },
  ]),
  /** Reason episode ceased (149). */
  REC: set([
    { code: 'E11', text: 'Adopted: application for an adoption order unopposed' },
    { code: 'E12', text: 'Adopted: consent dispensed with by the court' },
    { code: 'E2', text: 'Died' },
    { code: 'E3', text: 'Care taken over by another local authority in the UK' },
    { code: 'E4A', text: 'Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility, as part of the care planning process' },
    { code: 'E4B', text: 'Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility, not as part of the care planning process' },
    { code: 'E13', text: 'Left care to live with parent(s), relative(s) or other person(s) with no parental responsibility' },
    { code: 'E41', text: 'Residence order, or a child arrangements order naming with whom the child is to live, granted' },
    { code: 'E45', text: 'Special guardianship order made to former foster carer(s) who are relative(s) or friend(s)' },
    { code: 'E46', text: 'Special guardianship order made to former foster carer(s), other than relative(s) or friend(s)' },
    { code: 'E47', text: 'Special guardianship order made to carer(s) other than former foster carer(s), who are relative(s) or friend(s)' },
    { code: 'E48', text: 'Special guardianship order made to carer(s) other than former foster carer(s), other than relative(s) or friend(s)' },
    { code: 'E5', text: 'Moved into independent living with supportive accommodation' },
    { code: 'E6', text: 'Moved into independent living with no formalised advice or support' },
    { code: 'E7', text: 'Transferred to residential care funded by adult social care services' },
    { code: 'E8', text: 'Period of being looked after ceased for any other reason' },
    { code: 'E9', text: 'Sentenced to custody' },
    { code: 'E14', text: 'Accommodation on remand ended' },
    { code: 'E15', text: 'Age assessment determined the child is aged 18 or over' },
    { code: 'E16', text: 'Child moved abroad' },
    { code: 'E17', text: 'Aged 18 or over and remained with current carers (including staying put)' },
    { code: 'X1', text: 'Episode ceases and a new episode begins on the same day, for any reason' },
  ]),
  /** Reason for placement change (1009), given on the episode that ends with the move (225). */
  REASON_PLACE_CHANGE: set([
    { code: 'CARPL', text: 'Change to, or implementation of, the care plan' },
    { code: 'CLOSE', text: 'Resignation or closure of the provision' },
    { code: 'ALLEG', text: 'Allegation (section 47)' },
    { code: 'STAND', text: 'Standards of care concern' },
    { code: 'APPRR', text: 'Approval removed' },
    { code: 'CREQB', text: "Carer(s) ask for the placement to end because of the child's behaviour" },
    { code: 'CREQO', text: "Carer(s) ask for the placement to end, other than because of the child's behaviour" },
    { code: 'CHILD', text: 'Child asks for the placement to end' },
    { code: 'LAREQ', text: 'The responsible or area authority asks for the placement to end' },
    { code: 'PLACE', text: 'Change in the status of the placement only' },
    { code: 'CUSTOD', text: 'Custody arrangement' },
    { code: 'OTHER', text: 'Other' },
  ]),
  /** How the child took part in the review (167; 440, 441: PN0 exactly when under 4). */
  REVIEW_CODE: set([
    { code: 'PN0', text: 'Child aged under 4 at the time of the review' },
    { code: 'PN1', text: 'Child attends and speaks for themselves' },
    { code: 'PN2', text: 'Child attends and an advocate speaks for them' },
    { code: 'PN3', text: 'Child attends and conveys their views symbolically (non-verbally)' },
    { code: 'PN4', text: 'Child attends but does not speak, convey their views symbolically or ask an advocate to speak for them' },
    { code: 'PN5', text: 'Child does not attend but briefs an advocate to speak for them' },
    { code: 'PN6', text: 'Child does not attend but conveys their feelings to the review by a facilitative medium' },
    { code: 'PN7', text: 'Child does not attend, nor are their views conveyed to the review' },
  ]),
  /** Missing, or away from placement without authorisation (1006). */
  MISSING: set([
    { code: 'M', text: 'Missing' },
    { code: 'A', text: 'Away from placement without authorisation' },
  ]),
  /** In touch with the care leaver (131). */
  IN_TOUCH: set([
    { code: 'YES', text: 'In touch' },
    { code: 'NO', text: 'Not in touch' },
    { code: 'DIED', text: 'Died' },
    { code: 'REFU', text: 'The young person refuses contact' },
    { code: 'NREQ', text: 'The young person no longer needs services' },
    { code: 'RHOM', text: 'Returned home to parents for 6 months or more' },
  ]),
  /** Main activity of the care leaver (132); 0 when not in touch (345). */
  ACTIV: set([
    { code: 'F1', text: 'Full time in higher education' },
    { code: 'P1', text: 'Part time in higher education' },
    { code: 'F2', text: 'Full time in education other than higher education' },
    { code: 'P2', text: 'Part time in education other than higher education' },
    { code: 'F4', text: 'Full time in an apprenticeship or traineeship' },
    { code: 'P4', text: 'Part time in an apprenticeship or traineeship' },
    { code: 'F5', text: 'Full time in other training or employment' },
    { code: 'P5', text: 'Part time in other training or employment' },
    { code: 'G4', text: 'Not in education, employment or training because of illness or disability' },
    { code: 'G5', text: 'Not in education, employment or training for other reasons' },
    { code: 'G6', text: 'Not in education, employment or training because of pregnancy or parenting' },
    { code: '0', text: 'Not known: not in touch' },
  ]),
  /** Accommodation of the care leaver (133): a letter for the kind, 1 suitable or 2 not suitable; 0 when not in touch. */
  ACCOM: set([
    { code: 'B', text: 'With parents or relatives' },
    { code: 'C', text: 'Community home or other residential care' },
    { code: 'D', text: 'Semi-independent, transitional accommodation (e.g. supported hostels)' },
    { code: 'E', text: 'Supported lodgings' },
    { code: 'G', text: 'Gone abroad' },
    { code: 'H', text: 'Deported' },
    { code: 'K', text: 'Ordinary lodgings, without formal support' },
    { code: 'R', text: 'Residence not known' },
    { code: 'S', text: 'No fixed abode or homeless (always not suitable)' },
    { code: 'T', text: 'Foyers and similar supported accommodation' },
    { code: 'U', text: 'Independent living, e.g. a flat or tenancy' },
    { code: 'V', text: 'Emergency accommodation' },
    { code: 'W', text: 'Bed and breakfast' },
    { code: 'X', text: 'In custody (always not suitable)' },
    { code: 'Y', text: 'Other accommodation' },
    { code: 'Z', text: 'With former foster carer(s)' },
  ]),
} as const;

export type Ssda903CodeSet = keyof typeof ssda903CodeSets;

/** The valid ACCOM codes: each kind's letter with 1 (suitable) or 2 (not suitable); S and X only with 2; and 0 (rules-2024-25.csv 133). */
export const accomCodes: readonly string[] = [
  ...ssda903CodeSets.ACCOM.flatMap((a) => (a.code === 'S' || a.code === 'X' ? [`${a.code}2`] : [`${a.code}1`, `${a.code}2`])),
  '0',
];

/** Is this a code of the DfE's set (ACCOM as written in the return: B1, S2, 0)? */
export function isSsda903Code(codeSet: Ssda903CodeSet, code: string | null | undefined): boolean {
  if (typeof code !== 'string') return false;
  if (codeSet === 'ACCOM') return accomCodes.includes(code);
  return (ssda903CodeSets[codeSet] as readonly DfeCode[]).some((c) => c.code === code);
}

export const ssda903CodeText = (codeSet: Ssda903CodeSet, code: string): string | null => (ssda903CodeSets[codeSet] as readonly DfeCode[]).find((c) => c.code === (codeSet === 'ACCOM' ? code.slice(0, 1) : code))?.text ?? null;

// ---------------------------------------------------------------------------------------------
// Hearth's words → DfE codes
// ---------------------------------------------------------------------------------------------

/** Legal statuses are stored as the SSDA903 LS codes (src/domain/people/codes.ts legalStatuses), so the return writes them as they are. */
export function legalStatusCode(status: unknown): string | null {
  return typeof status === 'string' && isSsda903Code('LS', status) ? status : null;
}

/** The category of need: the CIN census primary need of the assessment (assessment.completed data.primaryNeed), N1-N8 only (rules-2024-25.csv 145). */
export function categoryOfNeed(primaryNeed: unknown): string | null {
  const code = dfeCodeOf(primaryNeeds, primaryNeed);
  return code && isSsda903Code('CIN', code) ? code : null;
}

/**
 * Where a child is placed (cic.placement_started data.setting, src/domain/placements/settings.ts)
 * as the placement type, before what the provider and the plan add: a foster placement that is not
 * long-term (U3, U6) until a long-term match is made (placementType below).
 */
export const settingPlaces = {
  in_house_fostering: 'U6',
  connected_person: 'U3',
  independent_fostering: 'U6',
  residential: 'K2',
  supported_accommodation: 'H5',
  placed_with_parents: 'P1',
  secure: 'K1',
  // A residential parent and child unit; a parent and child foster placement is recorded as fostering.
  parent_and_child: 'R3',
  // Not one of Hearth's kinds: the DfE's other placements (listed with the submission).
  other: 'Z1',
} as const satisfies Record<string, string>;

/** Who provides it, by the provider's kind (src/domain/placements/providers.ts providerTypes). */
export const providerKindProviders = {
  independent_fostering_agency: 'PR4',
  in_house_fostering: 'PR1',
  childrens_home: 'PR4',
  in_house_childrens_home: 'PR1',
  supported_accommodation: 'PR4',
  // Secure children's homes in England are almost all run by local authorities: another authority's provision.
  secure: 'PR2',
  parent_and_child: 'PR4',
  residential_school: 'PR4',
} as const satisfies Record<string, string>;

/** Who provides it when the placement names no provider: the authority's own carers, the parents, or (imported history) the usual provider of the kind. */
export const settingProviders = {
  in_house_fostering: 'PR1',
  connected_person: 'PR1',
  independent_fostering: 'PR4',
  residential: 'PR4',
  supported_accommodation: 'PR4',
  placed_with_parents: 'PR0',
  secure: 'PR2',
  parent_and_child: 'PR4',
  // Z1 is one of the placements with no provider (rules-2024-25.csv 178, 213).
  other: null,
} as const satisfies Record<string, string | null>;

export interface PlacementFacts {
  /** cic.placement_started data.setting. */
  setting: string;
  /** The provider's kind, when the placement names one. */
  providerKind: string | null;
  /** A long-term fostering match: the permanence plan is long-term fostering and permanence was achieved in this placement. */
  longTerm: boolean;
  /** Placed for adoption (adoption.placed): with the current foster carers or not, and under a placement order (E1) or with consent. */
  adoption: { withCurrentCarers: boolean; placementOrder: boolean } | null;
}

const fostering = new Set(['in_house_fostering', 'connected_person', 'independent_fostering']);

/** The placement type and provider of a placement (rules-2024-25.csv 146, 178; 527-531, 550 pair them). */
export function placementCodes(p: PlacementFacts): { PLACE: string | null; PLACE_PROVIDER: string | null } {
  if (p.adoption) {
    const PLACE = p.adoption.placementOrder ? (p.adoption.withCurrentCarers ? 'A5' : 'A6') : p.adoption.withCurrentCarers ? 'A3' : 'A4';
    // The authority's adoption agency (or the regional adoption agency it is part of) makes the placement.
    const PLACE_PROVIDER = p.providerKind ? (providerKindProviders as Record<string, string>)[p.providerKind] ?? 'PR1' : 'PR1';
    return { PLACE, PLACE_PROVIDER };
  }
  const base = (settingPlaces as Record<string, string>)[p.setting] ?? null;
  if (base === null) return { PLACE: null, PLACE_PROVIDER: null };
  let PLACE: string = base;
  if (p.providerKind === 'residential_school') PLACE = 'S1';
  else if (p.providerKind === 'secure') PLACE = 'K1';
  else if (fostering.has(p.setting) && p.longTerm) PLACE = p.setting === 'connected_person' ? 'U1' : 'U4';
  const PLACE_PROVIDER = PLACE === 'Z1' ? null : p.providerKind ? ((providerKindProviders as Record<string, string>)[p.providerKind] ?? null) : ((settingProviders as Record<string, string | null>)[p.setting] ?? null);
  return { PLACE, PLACE_PROVIDER };
}

/** Why a period of care ended (cic.ended data.reason, src/domain/inCare/inCareState.ts careEndings), before what the placement adds. */
export const careEndingRecs = {
  home: 'E4A',
  // Refined by the placement it ended from: former foster carers or not, relatives or friends or not (recForCareEnding).
  special_guardianship: 'E47',
  child_arrangements: 'E41',
  // E12 when the court dispensed with consent (adoption.order_made data.consentDispensed).
  adopted: 'E11',
  // "Turned 18" without a move: staying with the current carers, staying put included.
  eighteen: 'E17',
  // E5 from supported accommodation, E6 otherwise.
  independent_living: 'E6',
  other_authority: 'E3',
  died: 'E2',
  other: 'E8',
} as const satisfies Record<string, string>;

/**
 * The reason episode ceased for a period of care's end (rules-2024-25.csv 149): special
 * guardianship by whether the child's placement was foster care (E45, E46: former foster carers,
 * 516) and with family or friends (E45, E47); independent living by whether it is supported (E5).
 * A DfE code already (imported history) is kept.
 */
export function recForCareEnding(reason: unknown, lastSetting: string | null, adoption: { consentDispensed: boolean } | null = null): string | null {
  if (typeof reason !== 'string') return null;
  if (isSsda903Code('REC', reason) && reason !== 'X1') return reason;
  switch (reason) {
    case 'special_guardianship':
      if (lastSetting === 'connected_person') return 'E45';
      if (lastSetting === 'in_house_fostering' || lastSetting === 'independent_fostering') return 'E46';
      // Special guardians who were not the foster carers are mostly family or friends.
      return 'E47';
    case 'adopted':
      return adoption?.consentDispensed ? 'E12' : 'E11';
    case 'independent_living':
      return lastSetting === 'supported_accommodation' ? 'E5' : 'E6';
    default:
      return (careEndingRecs as Record<string, string>)[reason] ?? null;
  }
}

/** Why a placement ended (cic.placement_ended data.reason, src/domain/placements/placementState.ts placementEndings), before what a disruption review found. */
export const placementEndingReasons = {
  care_plan: 'CARPL',
  // The carers asked for it to end: because of the child's behaviour (CREQB) when the disruption review says so.
  breakdown: 'CREQO',
  notice_to_quit: 'CREQO',
  // An allegation (ALLEG) when the disruption review found one, else a standards of care concern.
  safeguarding: 'STAND',
  child_request: 'CHILD',
  provider_closed: 'CLOSE',
  other: 'OTHER',
} as const satisfies Record<string, string>;

/** Disruption causes (placements.disruption_review_held data.causes) that are the child's behaviour. */
const behaviourCauses = new Set(['behaviour', 'missing', 'exploitation']);

/** The reason for a placement change (rules-2024-25.csv 1009, 225), from how it ended and the causes its disruption review found. */
export function reasonForPlacementChange(ending: unknown, causes: readonly string[] = []): string | null {
  if (typeof ending !== 'string') return null;
  if (isSsda903Code('REASON_PLACE_CHANGE', ending)) return ending;
  if ((ending === 'safeguarding' || ending === 'breakdown' || ending === 'notice_to_quit') && causes.includes('allegation')) return 'ALLEG';
  if ((ending === 'breakdown' || ending === 'notice_to_quit') && causes.some((c) => behaviourCauses.has(c))) return 'CREQB';
  return (placementEndingReasons as Record<string, string>)[ending] ?? null;
}

/** How the child took part in the review (cic.review_held data.childParticipation, src/domain/conference/conferenceState.ts participationLevels). */
export const participationReviewCodes = {
  attended: 'PN1',
  views_shared: 'PN6',
  none: 'PN7',
  // The DfE's only "not applicable" is a child under 4.
  not_applicable: 'PN0',
} as const satisfies Record<string, string>;

/** The review code: PN0 for a child under 4 whatever was recorded, as the DfE defines it (rules-2024-25.csv 440, 441). */
export function reviewCode(participation: unknown, ageAtReview: number | null): string | null {
  if (ageAtReview !== null && ageAtReview < 4) return 'PN0';
  if (typeof participation !== 'string') return null;
  if (isSsda903Code('REVIEW_CODE', participation)) return participation;
  return (participationReviewCodes as Record<string, string>)[participation] ?? null;
}

/** Missing or absent (cic.missing_started data.kind, src/domain/inCare/missingEpisodes.ts missingKinds). */
export const missingKindCodes = { missing: 'M', absent: 'A' } as const satisfies Record<string, string>;

/** What the care leaver is doing (care_leaver.circumstances_updated data.activity, src/modules/careLeaver/careLeaverService.ts activities). Full time unless recorded otherwise. */
export const activityCodes = {
  // F1 when the young person lives in university or college accommodation (activityCode).
  education: 'F2',
  training: 'F4',
  employment: 'F5',
  neet: 'G5',
  unable: 'G4',
} as const satisfies Record<string, string>;

/** Where the care leaver lives (data.accommodation, careLeaverService.ts accommodations): the ACCOM letter, 1 or 2 added for suitable or not. */
export const accommodationLetters = {
  with_former_carers: 'Z',
  supported: 'D',
  independent: 'U',
  with_family: 'B',
  // Halls of residence are independent living.
  higher_education: 'U',
  custody: 'X',
  no_fixed_abode: 'S',
  not_known: 'R',
} as const satisfies Record<string, string>;

export const inTouchCode = (inTouch: unknown): string | null => (inTouch === true ? 'YES' : inTouch === false ? 'NO' : null);

export function activityCode(activity: unknown, accommodation: unknown): string | null {
  if (typeof activity !== 'string') return null;
  if (activity === 'education' && accommodation === 'higher_education') return 'F1';
  return (activityCodes as Record<string, string>)[activity] ?? null;
}

/** ACCOM: the kind's letter and 1 if suitable, 2 if not; homeless and custody are never suitable (rules-2024-25.csv 133). */
export function accommodationCode(accommodation: unknown, suitable: unknown): string | null {
  if (typeof accommodation !== 'string') return null;
  const letter = (accommodationLetters as Record<string, string>)[accommodation];
  if (!letter) return null;
  if (letter === 'S' || letter === 'X') return `${letter}2`;
  return `${letter}${suitable === false ? 2 : 1}`;
}

/** Sex as the SSDA903 header codes it: 1 male, 2 female (Hearth's M and F); nothing for not known. */
export const sexCode = (gender: string | null): string | null => (gender === 'M' ? '1' : gender === 'F' ? '2' : null);

// ---------------------------------------------------------------------------------------------
// DfE codes → Hearth's words, for the importer of earlier returns
// ---------------------------------------------------------------------------------------------

/** LS → the legal status Hearth stores (the same code); D1 (freed for adoption, before 2005) has no Hearth word. */
export function legalStatusOfCode(code: string): string | null {
  return isSsda903Code('LS', code) && code !== 'D1' ? code : null;
}

export const primaryNeedOfCin = (code: string): string | null => (isSsda903Code('CIN', code) ? valueOfDfeCode(primaryNeeds, code) : null);

export interface PlacementWords {
  /** cic.placement_started data.setting. */
  setting: string;
  /** Placed for adoption: Hearth records adoption.placed as well. */
  adoption: { withCurrentCarers: boolean; placementOrder: boolean } | null;
  longTerm: boolean;
  /** A temporary placement (T0-T4): Hearth keeps the child's usual placement through it. */
  temporary: boolean;
}

/** The placement types by the Hearth setting they are recorded as; foster placements by provider as well (placementOfCodes). */
const placeSettings: Record<string, string> = {
  H5: 'supported_accommodation',
  K3: 'supported_accommodation',
  K1: 'secure',
  K2: 'residential',
  S1: 'residential',
  P1: 'placed_with_parents',
  R3: 'parent_and_child',
  U1: 'connected_person',
  U2: 'connected_person',
  U3: 'connected_person',
  // Kinds Hearth has no setting of its own for.
  P2: 'other',
  P3: 'other',
  R1: 'other',
  R2: 'other',
  R5: 'other',
  Z1: 'other',
  T0: 'other',
  T1: 'other',
  T2: 'other',
  T3: 'other',
  T4: 'other',
  A4: 'other',
  A6: 'other',
};

/** PLACE and PLACE_PROVIDER → the placement as Hearth records it, or null for a code the DfE does not have. */
export function placementOfCodes(place: string, provider: string | null): PlacementWords | null {
  if (!isSsda903Code('PLACE', place)) return null;
  const independent = provider === 'PR4' || provider === 'PR5';
  const adoption = ['A3', 'A4', 'A5', 'A6'].includes(place) ? { withCurrentCarers: place === 'A3' || place === 'A5', placementOrder: place === 'A5' || place === 'A6' } : null;
  const setting = ['U4', 'U5', 'U6', 'A3', 'A5'].includes(place) ? (independent ? 'independent_fostering' : 'in_house_fostering') : (placeSettings[place] ?? 'other');
  return { setting, adoption, longTerm: place === 'U1' || place === 'U4', temporary: place.startsWith('T') };
}

/** The provider's kind a placement's codes point to, for an imported provider (S1 a residential school, K2 by who runs it). */
export function providerKindOfCodes(place: string, provider: string | null): string | null {
  if (provider === 'PR0' || provider === null) return null;
  const own = provider === 'PR1';
  switch (place) {
    case 'K2':
      return own ? 'in_house_childrens_home' : 'childrens_home';
    case 'K1':
      return 'secure';
    case 'S1':
      return 'residential_school';
    case 'H5':
    case 'K3':
      return 'supported_accommodation';
    case 'R3':
      return 'parent_and_child';
    case 'U4':
    case 'U5':
    case 'U6':
      return own ? 'in_house_fostering' : 'independent_fostering_agency';
    default:
      return null;
  }
}

/** REC → why the period of care ended, in Hearth's words (cic.ended data.reason); X1 is not an end of care. */
export const careEndingOfRec: Readonly<Record<string, string>> = {
  E11: 'adopted',
  E12: 'adopted',
  E2: 'died',
  E3: 'other_authority',
  E4A: 'home',
  E4B: 'home',
  E13: 'home',
  E41: 'child_arrangements',
  E45: 'special_guardianship',
  E46: 'special_guardianship',
  E47: 'special_guardianship',
  E48: 'special_guardianship',
  E5: 'independent_living',
  E6: 'independent_living',
  E17: 'eighteen',
  E7: 'other',
  E8: 'other',
  E9: 'other',
  E14: 'other',
  E15: 'other',
  E16: 'other',
};

/** REASON_PLACE_CHANGE → how the placement ended (cic.placement_ended data.reason), and the cause a disruption review would record. */
export const placementEndingOfReason: Readonly<Record<string, { ending: string; cause: string | null }>> = {
  CARPL: { ending: 'care_plan', cause: null },
  CLOSE: { ending: 'provider_closed', cause: null },
  ALLEG: { ending: 'safeguarding', cause: 'allegation' },
  STAND: { ending: 'safeguarding', cause: null },
  APPRR: { ending: 'provider_closed', cause: null },
  CREQB: { ending: 'breakdown', cause: 'behaviour' },
  CREQO: { ending: 'breakdown', cause: null },
  CHILD: { ending: 'child_request', cause: null },
  LAREQ: { ending: 'care_plan', cause: null },
  PLACE: { ending: 'care_plan', cause: null },
  CUSTOD: { ending: 'other', cause: null },
  OTHER: { ending: 'other', cause: null },
};

/** REVIEW_CODE → how the child took part (cic.review_held data.childParticipation). */
export const participationOfReviewCode: Readonly<Record<string, string>> = {
  PN0: 'not_applicable',
  PN1: 'attended',
  PN2: 'attended',
  PN3: 'attended',
  PN4: 'attended',
  PN5: 'views_shared',
  PN6: 'views_shared',
  PN7: 'none',
};

/** MISSING → cic.missing_started data.kind. */
export const missingKindOfCode: Readonly<Record<string, string>> = { M: 'missing', A: 'absent' };

/** IN_TOUCH → care_leaver.circumstances_updated data.inTouch. */
export const inTouchOfCode: Readonly<Record<string, boolean>> = { YES: true, NO: false, DIED: false, REFU: false, NREQ: false, RHOM: false };

/** ACTIV → data.activity (0, not in touch, has none). */
export const activityOfCode: Readonly<Record<string, string>> = {
  F1: 'education',
  P1: 'education',
  F2: 'education',
  P2: 'education',
  F4: 'training',
  P4: 'training',
  F5: 'employment',
  P5: 'employment',
  G4: 'unable',
  G5: 'neet',
  G6: 'unable',
};

const accommodationOfLetter: Readonly<Record<string, string>> = {
  B: 'with_family',
  C: 'supported',
  D: 'supported',
  E: 'supported',
  G: 'not_known',
  H: 'not_known',
  K: 'independent',
  R: 'not_known',
  S: 'no_fixed_abode',
  T: 'supported',
  U: 'independent',
  V: 'no_fixed_abode',
  W: 'no_fixed_abode',
  X: 'custody',
  Y: 'independent',
  Z: 'with_former_carers',
};

/** ACCOM → data.accommodation and data.suitable; null for 0 (not in touch) or a code the DfE does not have. */
export function accommodationOfCode(code: string): { accommodation: string; suitable: boolean } | null {
  if (!isSsda903Code('ACCOM', code) || code === '0') return null;
  const accommodation = accommodationOfLetter[code.slice(0, 1)];
  return accommodation ? { accommodation, suitable: code.endsWith('1') } : null;
}

/** SEX → Hearth's gender code. */
export const genderOfSexCode = (code: string): string | null => (code === '1' ? 'M' : code === '2' ? 'F' : null);
