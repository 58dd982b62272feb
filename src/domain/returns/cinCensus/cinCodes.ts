import { disabilities as disabilityCodes, genders } from '../../people/codes';
import type { RecordedWord } from './cinWords';
import { closureReasons, dfeCodeOf, valueOfDfeCode } from './cinWords';
import { referrerAgencies } from '../../frontDoor/referrerAgencies';

/**
 * Hearth's words to the CIN census codes, and back again for the import of an authority's
 * earlier census (issue 10: "a worker never types a DfE code"). The code sets are the DfE's
 * (CIN census schema 2024 and the 2024-25 changes in cin-census/rules.csv 4180, 8750); the
 * words are what the front door, the conference and the person's details record.
 */

/** How a contact came in, as the front door records it (src/domain/frontDoor/contact.ts contactSources). */
type ContactSource = 'marf' | 'professional_call' | 'public' | 'family' | 'young_person' | 'hospital';

export { referrerAgencies } from '../../frontDoor/referrerAgencies';


/**
 * Words in a referrer's organisation or relationship that name their agency, checked in this
 * order (a school nurse before a school, A&E before a hospital). Plain English, as workers
 * type it: "class teacher", "Health Visiting", "Probation Service".
 */
const agencyWords: readonly [RegExp, string][] = [
  [/\banonymous\b/i, 'anonymous'],
  [/^\s*(not known|unknown)\s*$/i, 'unknown'],
  [/school nurs/i, 'school_nurse'],
  [/health visit/i, 'health_visitor'],
  [/\b(a ?& ?e|accident and emergency|emergency department|urgent care)\b/i, 'emergency_department'],
  [/\b(gp|general practi|surgery|family doctor)/i, 'gp'],
  [/\b(midwi|dentist|dental|pharmac|optician|primary care)/i, 'primary_health'],
  [/\b(police|pc \d|detective|officer in the case)/i, 'police'],
  [/\b(probation|court|cafcass|prison|immigration|home office|solicitor|magistrate)/i, 'legal_agency'],
  [/\b(early help|family hub|family support worker)/i, 'early_help'],
  [/\b(youth justice|youth offending|yot)\b/i, 'council_other'],
  [/\b(adult social care|adult services|adults' services|children's social care)\b/i, 'council_social_care'],
  [/\b(another (local )?authority|other (local )?authority|borough council|county council)\b/i, 'other_authority'],
  [/\b(housing)\b/i, 'housing'],
  [/\b(virtual school|education welfare|attendance|sen(d)?\b|inclusion|education service|educational psycholog)/i, 'education_services'],
  [/\b(school|academy|college|teacher|head ?teacher|dsl|designated safeguarding|nursery|pupil referral)/i, 'school'],
  [/\b(hospital|nhs|camhs|mental health|paediatric|nurse|doctor|clinic|hospice|health)/i, 'other_health'],
  [/\b(neighbour|friend|childminder|acquaint)/i, 'acquaintance'],
  [/\b(mother|father|mum|dad|parent|grand|aunt|uncle|sister|brother|sibling|cousin|step|relative|carer|family)/i, 'family_member'],
];

const agencyInText = (...texts: unknown[]): string | null => {
  const text = texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '').join(' | ');
  if (!text) return null;
  return agencyWords.find(([pattern]) => pattern.test(text))?.[1] ?? null;
};

/** What a contact.received event says about who made it (frontDoorService submitContact). */
export interface ContactReferrer {
  source?: unknown;
  referrerAgency?: unknown;
  referrer?: { name?: unknown; organisation?: unknown; relationship?: unknown } | null;
}

/**
 * The CIN census ReferralSource of a contact (rules.csv 8866), or null when the contact does not
 * say how it came in. A professional whose agency cannot be told from their organisation is "8
 * Other"; a member of the public is "1D" unless they are an acquaintance of the child.
 */
export function referralSourceOf(contact: ContactReferrer): string | null {
  const exact = dfeCodeOf(referrerAgencies, contact.referrerAgency);
  if (exact) return exact;
  const referrer = contact.referrer ?? {};
  const found = agencyInText(referrer.organisation, referrer.relationship);
  switch (contact.source as ContactSource | undefined) {
    case 'young_person':
      return '1C';
    case 'family':
      return '1A';
    case 'public':
      if (found === 'anonymous' || found === 'unknown' || found === 'acquaintance') return dfeCodeOf(referrerAgencies, found);
      return '1D';
    case 'hospital':
      // A hospital's duty referral: A&E when the referrer says so, otherwise other health services.
      return found === 'emergency_department' ? '3E' : '3F';
    case 'marf':
    case 'professional_call': {
      const individual = new Set(['acquaintance', 'family_member', 'self', 'other_individual']);
      return found && !individual.has(found) ? dfeCodeOf(referrerAgencies, found) : '8';
    }
    default:
      return null;
  }
}

/** How a contact from this DfE referral source is recorded at Hearth's front door: what the importer writes on contact.received. */
export interface ReferralSourceWords {
  source: ContactSource;
  /** The exact agency (one of referrerAgencies), so the census gives back the same code. */
  referrerAgency: string;
  /** Shown as the referrer's organisation on the imported contact. */
  organisation: string | null;
}

/** The reverse of referralSourceOf for the importer; null for a code that is not in the DfE set. */
export function referralSourceWords(code: string): ReferralSourceWords | null {
  const agency = referrerAgencies.find((a) => a.dfe === code.trim().toUpperCase());
  if (!agency) return null;
  const source: ContactSource =
    agency.value === 'family_member' ? 'family' : agency.value === 'self' ? 'young_person' : ['acquaintance', 'other_individual', 'anonymous', 'unknown'].includes(agency.value) ? 'public' : 'professional_call';
  return { source, referrerAgency: agency.value, organisation: source === 'professional_call' ? agency.text : null };
}

/** The category of abuse a conference records (cp.conference_held data.category) and its CIN census code (rules.csv 8905, 8910). */
export const categoriesOfAbuse: readonly RecordedWord[] = [
  { value: 'neglect', text: 'Neglect', dfe: 'NEG' },
  { value: 'physical', text: 'Physical abuse', dfe: 'PHY' },
  { value: 'sexual', text: 'Sexual abuse', dfe: 'SAB' },
  { value: 'emotional', text: 'Emotional abuse', dfe: 'EMO' },
  { value: 'multiple', text: 'Multiple categories', dfe: 'MUL' },
];

export const categoryOfAbuseOf = (category: unknown): string | null => dfeCodeOf(categoriesOfAbuse, category);
export const categoryOfAbuseValueOf = (code: string): string | null => valueOfDfeCode(categoriesOfAbuse, code.trim().toUpperCase());

const sexCodes = new Set<string>(genders.map((g) => g.code));

/**
 * The CIN census Sex (M, F or U) of a child: Hearth records the same codes (people/codes.ts
 * genders). An unborn child is always U (rules.csv 8750, cin2024_25); null when not recorded (4180).
 */
export function sexOf(gender: string | null, unborn: boolean): string | null {
  if (unborn) return 'U';
  return gender && sexCodes.has(gender) ? gender : null;
}

/**
 * Hearth's sex from a census file's Sex, or from GenderCurrent in files before 2024-25
 * (1 male, 2 female, 0 not recorded or unborn, 9 indeterminate). Null for an unknown code.
 */
export function sexValueOf(code: string): string | null {
  const c = code.trim().toUpperCase();
  if (sexCodes.has(c)) return c;
  return ({ '1': 'M', '2': 'F', '0': 'U', '9': 'U' } as Record<string, string>)[c] ?? null;
}

const disabilitySet = new Set<string>(disabilityCodes.map((d) => d.code));

/**
 * A child's disabilities as the census lists them: Hearth stores the DfE codes themselves;
 * none recorded is "NONE", which stands alone (rules.csv 8540, 8790). Repeats are dropped (8794).
 */
export function disabilitiesOf(recorded: readonly string[]): string[] {
  const codes = [...new Set(recorded.filter((d) => disabilitySet.has(d)))];
  return codes.length > 0 ? codes : ['NONE'];
}

/** Hearth's disability list from a census file's codes, and the codes it does not know. */
export function disabilityValuesOf(codes: readonly string[]): { values: string[]; unknown: string[] } {
  const upper = codes.map((c) => c.trim().toUpperCase());
  return {
    values: [...new Set(upper.filter((c) => disabilitySet.has(c)))],
    unknown: upper.filter((c) => c !== 'NONE' && !disabilitySet.has(c)),
  };
}

/**
 * Why a child has no UPN (UPNunknown, rules.csv 8770Q, 8772). Hearth chooses only the reasons its
 * record shows; a child of school age with no UPN and none of these is left without a reason so
 * that 8770Q asks for the UPN to be recorded rather than the return hiding it.
 */
export const upnUnknownReasons: readonly { code: string; text: string }[] = [
  { code: 'UN1', text: 'Child is not yet of school age' },
  { code: 'UN2', text: 'Child has never attended school in England or Wales' },
  { code: 'UN3', text: 'Child is educated outside England' },
  { code: 'UN4', text: 'Child has newly started school and the UPN is not yet known' },
  { code: 'UN5', text: 'Sources collating UPNs reflect a discrepancy' },
  { code: 'UN6', text: 'Child is educated at home or otherwise' },
  { code: 'UN7', text: 'Referral with no further action' },
];

export interface UpnFacts {
  upn: string | null;
  dateOfBirth: string | null;
  uasc: boolean;
  /** Every episode in the return is a referral with no further action. */
  onlyReferralsWithNoFurtherAction: boolean;
  /** The census reference date (31 March). */
  referenceDate: string;
}

/**
 * The UPNunknown code for a child without a UPN, or null (has a UPN, or no reason Hearth can
 * vouch for). School age is as 8770Q counts it: born on or before 31 August four years before
 * the reference date's year (reference date plus 4 months and 31 days, less 4 years).
 */
export function upnUnknownOf(facts: UpnFacts): string | null {
  if (facts.upn) return null;
  if (facts.onlyReferralsWithNoFurtherAction) return 'UN7';
  const schoolAgeBornBy = `${Number(facts.referenceDate.slice(0, 4)) - 4}-08-31`;
  if (!facts.dateOfBirth || facts.dateOfBirth > schoolAgeBornBy) return 'UN1';
  // An unaccompanied asylum-seeking child has, as a rule, not been at school here.
  if (facts.uasc) return 'UN2';
  return null;
}

/**
 * Why a period of care ended (cic.ended data.reason, inCare/inCareState.ts careEndings) that
 * also ends the child's episode of need, with its ReasonForClosure. A child who returns home, or
 * leaves care under a special guardianship or child arrangements order, may still be supported
 * as a child in need: their episode ends when the case is closed (closure.completed).
 */
export const careEndingsThatCloseTheEpisode: Readonly<Record<string, string>> = {
  adopted: 'RC1',
  died: 'RC2',
  other_authority: 'RC5',
  // A care leaver is supported as a care leaver, not as a child in need: services ceased.
  eighteen: 'RC7',
};

export const closureReasonOf = (value: unknown): string | null => dfeCodeOf(closureReasons, value);
