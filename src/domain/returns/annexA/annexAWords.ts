import { referralSourceOf, type ContactReferrer } from '../cinCensus/cinCodes';

/**
 * The values the Annex A template's drop-down columns take, and how Hearth's own words (what a
 * worker chose on a page) become them. A worker never types an Ofsted or DfE code (issue 10).
 * Where the template's choice needs a fact Hearth does not record (whether a foster placement is
 * long-term, whether a return home was planned), the cell says what was recorded in the DfE's
 * words and which codes it could be, rather than guessing one.
 */

type Words = Readonly<Record<string, string>>;

const pick = (words: Words, value: unknown): string => (typeof value === 'string' ? (words[value] ?? '') : '');

/** The template's yes/no drop-downs. */
export const yes = 'a) Yes';
export const no = 'b) No';
export const unknown = 'c) Unknown';
export const yesNo = (value: boolean): string => (value ? yes : no);
/** A yes/no that may not have been asked: not recorded is Unknown. */
export const yesNoUnknown = (value: boolean | null | undefined): string => (value === true ? yes : value === false ? no : unknown);

/** Sex as Hearth records it (src/domain/people/codes.ts genders), as the template's Gender column. */
const genders: Words = { M: 'a) Male', F: 'b) Female', U: 'c) Not stated/recorded' };
export const genderOf = (code: string | null): string => pick(genders, code) || 'c) Not stated/recorded';

/** The DfE ethnicity codes Hearth stores, lettered in the order of the template's drop-down. */
const ethnicityOrder = ['WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT'];
export function ethnicityOf(code: string | null): string {
  const at = code ? ethnicityOrder.indexOf(code) : -1;
  // Not recorded is "Information not yet obtained" (NOBT), as the CIN census says it.
  const index = at >= 0 ? at : ethnicityOrder.length - 1;
  return `${String.fromCharCode(97 + index)}) ${ethnicityOrder[index]}`;
}

/**
 * The DfE's contact and referral sources (CIN census ReferralSource), which the template's
 * Contact Source and Referral Source columns use.
 */
export const referralSources = {
  '1A': '1A: Individual – family member, relative or carer',
  '1B': '1B: Individual – acquaintance (including neighbours and child minders)',
  '1C': '1C: Individual – self',
  '1D': '1D: Individual – other (including strangers)',
  '2A': '2A: Schools',
  '2B': '2B: Education services',
  '3A': '3A: Health services – general practitioner (GP)',
  '3B': '3B: Health services – health visitor',
  '3C': '3C: Health services – school nurse',
  '3D': '3D: Health services – other primary health services',
  '3E': '3E: Health services – A&E (accident and emergency department)',
  '3F': '3F: Health services – other (for example hospice)',
  '4': '4: Housing – local authority housing or housing association',
  '5A': '5A: LA services – social care (for example adults social care services)',
  '5B': '5B: LA services – other internal',
  '5C': '5C: LA services – external (for example another local authority)',
  '5D': '5D: LA services – early help',
  '6': '6: Police',
  '7': '7: Other legal agency (courts, probation, immigration, CAFCASS, prison)',
  '8': '8: Other (children’s centres, independent agency providers, voluntary organisations)',
  '9': '9: Anonymous',
  '10': '10: Unknown',
} as const;
type ReferralSource = keyof typeof referralSources;

/**
 * The Contact Source (list 1) or Referral Source (list 3) of a `contact.received`: the code the CIN
 * census gives it (the referrer's agency chosen at the front door, else read from how the contact
 * came in and who made it: cinCodes.ts referralSourceOf), in the template's words.
 */
export function contactSourceOf(data: Record<string, unknown>): string {
  const code = (referralSourceOf(data as ContactReferrer) ?? '10') as ReferralSource;
  return referralSources[code] ?? referralSources['10'];
}

/** The CIN census primary need codes (cinWords.primaryNeeds' dfe), with the DfE's words, as the template's Primary Need Code column. */
const needCodes: Words = {
  N1: 'N1 - Abuse or neglect',
  N2: "N2 - Child's disability",
  N3: 'N3 - Parental disability or illness',
  N4: 'N4 - Family in acute stress',
  N5: 'N5 - Family dysfunction',
  N6: 'N6 - Socially unacceptable behaviour',
  N7: 'N7 - Low income',
  N8: 'N8 - Absent parenting',
  N9: 'N9 - Cases other than children in need',
  N0: 'N0 - Not stated',
};
export const primaryNeedOf = (dfeCode: string | null): string => pick(needCodes, dfeCode);

/** The CIN census reasons for closure (cinWords.closureReasons' dfe), with the DfE's words. */
const closureCodes: Words = {
  RC1: 'RC1 - Adopted',
  RC2: 'RC2 - Died',
  RC3: 'RC3 - Child arrangements order',
  RC4: 'RC4 - Special guardianship order',
  RC5: 'RC5 - Transferred to services of another local authority',
  RC6: 'RC6 - Transferred to adult social care services',
  RC7: 'RC7 - Services ceased for any other reason, including child no longer in need',
  RC8: 'RC8 - Case closed after assessment, no further action',
  RC9: 'RC9 - Case closed after assessment, referred to early help',
};
export const closureReasonOf = (dfeCode: string | null): string => pick(closureCodes, dfeCode);

/** The conference's category of abuse (cp.conference_held data.category), as the template's category columns. */
const categories: Words = {
  neglect: 'a) Neglect',
  physical: 'b) Physical abuse',
  sexual: 'c) Sexual abuse',
  emotional: 'd) Emotional abuse',
  multiple: 'e) Multiple/not recommended',
};
export const categoryOf = (value: unknown): string => pick(categories, value);

/** The case status of list 6, as at the end of the range. */
export const caseStatuses = {
  lookedAfter: 'a) Looked after child',
  childProtection: 'b) Child Protection plan',
  childInNeed: 'c) Child in need plan',
  openAssessment: 'd) Open assessment',
  closed: 'e) Closed episode',
} as const;

/** SSDA903 legal statuses (Hearth stores the code itself: src/domain/people/codes.ts legalStatuses), in the template's words. */
const legalStatuses: Words = {
  C1: 'C1: Interim care order',
  C2: 'C2: Full care order',
  E1: 'E1: Placement order',
  V2: 'V2: Single period of accommodation under section 20',
  V3: 'V3: Short term breaks, episodes recorded',
  V4: 'V4: Short term breaks, agreements recorded',
  L1: 'L1: Police protection in LA accommodation',
  L2: 'L2: Emergency protection order',
  L3: 'L3: Child assessment order in LA accommodation',
  J1: 'J1: Remanded to LA accommodation or youth detention accommodation',
  J2: 'J2: LA accommodation under PACE',
  J3: 'J3: Youth rehabilitation order with residence or fostering requirement',
};
export const legalStatusOf = (code: string | null): string => (code ? (legalStatuses[code] ?? code) : '');

/**
 * Where the child is placed (cic.placement_started data.setting), as the SSDA903 placement type.
 * Hearth does not record whether a foster placement is long-term or fostering for adoption, so
 * fostering names the codes it can be.
 */
const placementTypes: Words = {
  in_house_fostering: 'Foster placement with other foster carer (U4 long term or U6 not long term: not recorded)',
  independent_fostering: 'Foster placement with other foster carer (U4 long term or U6 not long term: not recorded)',
  connected_person: 'Foster placement with relative or friend (U1 long term or U3 not long term: not recorded)',
  residential: "K2: Children's Homes",
  secure: "K1: Secure Children's Homes",
  supported_accommodation: 'H5: Supported accommodation (semi-independent living)',
  placed_with_parents: 'P1: Placed with own parent(s) or other person(s) with parental responsibility',
  parent_and_child: 'R3: Family Centre or Mother and Baby Unit',
  other: 'Z1: Other placements',
};
export const placementTypeOf = (setting: string, placedForAdoption: boolean, placementOrder: boolean): string => {
  // Placed for adoption: with a placement order (A5/A6) or with consent (A3/A4); whether with the current foster carer is not recorded.
  if (placedForAdoption) return placementOrder ? 'Placed for adoption with placement order (A5 with current foster carer or A6 not: not recorded)' : 'Placed for adoption with consent (A3 with current foster carer or A4 not: not recorded)';
  return pick(placementTypes, setting) || setting;
};

/** The in-house provider kinds (src/domain/placements/providers.ts inHouseTypes): the authority's own provision. */
const ownProviderKinds = new Set(['in_house_fostering', 'in_house_childrens_home']);

/**
 * The SSDA903 placement provider. The authority's own carers and homes are PR1; a commissioned
 * provider is private or voluntary, which Hearth's provider record does not say.
 */
export function placementProviderOf(setting: string, providerKind: string | null): string {
  if (setting === 'placed_with_parents') return 'PR0: Parent(s) or other person(s) with parental responsibility';
  if ((providerKind && ownProviderKinds.has(providerKind)) || (!providerKind && (setting === 'in_house_fostering' || setting === 'connected_person'))) return 'PR1: Own provision (by the LA)';
  if (providerKind || setting) return 'Private or voluntary provision (PR4 or PR5: not recorded)';
  return '';
}

/**
 * Why care ended (cic.ended data.reason, src/domain/inCare/inCareState.ts careEndings), as the
 * SSDA903 reason episode ceased. Codes that hang on something Hearth does not record (whether a
 * return home was planned, consent to adoption, who the special guardian is, support in
 * independent living) are named with the choice they leave.
 */
const careEndings: Words = {
  home: 'Returned home to live with parents or relatives (E4A part of care planning or E4B not: not recorded)',
  special_guardianship: 'Special guardianship order (E45 to E48: former carer or not, relative or not: not recorded)',
  child_arrangements: 'E41: Child arrangements order granted',
  adopted: 'Adopted (E11 application unopposed or E12 consent dispensed with: not recorded)',
  eighteen: 'Aged 18 (E17 remained with current carers, E5 or E6 independent living, or E8: not recorded)',
  independent_living: 'Moved into independent living (E5 supportive accommodation or E6 no formalised support: not recorded)',
  other_authority: 'E3: Care taken by another LA',
  died: 'E2: Died',
  other: 'E8: Period of care ceased for any other reason',
};
export const careEndingOf = (reason: string | null): string => (reason ? (pick(careEndings, reason) || reason) : '');

/** The permanence plan (cic.permanency_plan_established data.option, src/domain/inCare/permanence.ts), as the template's permanence plan column. */
const permanencePlans: Words = {
  return_home: 'a) Return to family',
  adoption: 'b) Adoption',
  // Permanence with a relative or connected person is by a special guardianship or child arrangements order.
  connected_person: 'c) SGO/CAO',
  independence: 'd) Supported living in the community',
  residential: 'e) Long-term residential placement',
  long_term_fostering: 'f) Long-term fostering',
};
export const permanencePlanOf = (option: unknown): string => (typeof option === 'string' && option ? pick(permanencePlans, option) || 'g) Other' : '');

/** Care leaver statuses (src/domain/careLeaver/careLeaverStatus.ts), as the template's eligibility category. */
const eligibility: Words = {
  eligible: 'd) Eligible child',
  relevant: 'a) Relevant child',
  former_relevant: 'b) Former relevant child',
  former_relevant_education: 'b) Former relevant child',
  returning: 'b) Former relevant child',
  qualifying: 'c) Qualifying care leaver',
};
export const careLeaverStatusesListed = new Set(Object.keys(eligibility));
export const eligibilityOf = (status: string): string => pick(eligibility, status);

/** Where a care leaver lives (care_leaver.circumstances_updated data.accommodation, src/modules/careLeaver activities), as the SSDA903 ACCOM type. */
const accommodations: Words = {
  with_former_carers: 'Z: With former foster carers',
  supported: 'Supported accommodation or lodgings (D semi-independent, E supported lodgings or T foyers: not recorded)',
  independent: 'U: Independent living',
  with_family: 'B: With parents or relatives',
  higher_education: 'Y: Other accommodation (university or college)',
  custody: 'X: In custody',
  no_fixed_abode: 'S: No fixed abode/homeless',
  not_known: 'R: Residence not known',
};
export const accommodationOf = (value: unknown): string => pick(accommodations, value);

/** What a care leaver is doing (data.activity), as the SSDA903 ACTIV code; Hearth records neither full or part time nor the level of education. */
const activities: Words = {
  education: 'In education (F1/P1 higher, F2/P2 other: full or part time and level not recorded)',
  training: 'In training or an apprenticeship (F4/P4 apprenticeship, F5/P5 other: not recorded)',
  employment: 'In employment (F5 full time or P5 part time: not recorded)',
  neet: 'G5: Not in education, employment or training – other',
  unable: 'Not in education, employment or training because of illness, disability, pregnancy or parenting (G4 or G6: not recorded)',
};
export const activityOf = (value: unknown): string => pick(activities, value);
