/**
 * Code lists for people's details. Where the Department for Education's returns (CIN census,
 * SSDA903) define a code, Hearth stores that code, so that the returns are projections of the
 * record and not a translation of it (../shared/returns-reference/).
 */
export interface Code {
  code: string;
  label: string;
}

function codes<const T extends readonly Code[]>(list: T): T {
  return list;
}

export function labelOf(list: readonly Code[], code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  return list.find((c) => c.code === code)?.label ?? code;
}

export function codeValues(list: readonly Code[]): [string, ...string[]] {
  return list.map((c) => c.code) as [string, ...string[]];
}

/** DfE ethnicity codes (CIN census ChildCharacteristics/Ethnicity, SSDA903 ETHNIC). */
export const ethnicities = codes([
  { code: 'WBRI', label: 'White British' },
  { code: 'WIRI', label: 'White Irish' },
  { code: 'WIRT', label: 'Traveller of Irish heritage' },
  { code: 'WROM', label: 'Gypsy/Roma' },
  { code: 'WOTH', label: 'Any other White background' },
  { code: 'MWBC', label: 'White and Black Caribbean' },
  { code: 'MWBA', label: 'White and Black African' },
  { code: 'MWAS', label: 'White and Asian' },
  { code: 'MOTH', label: 'Any other mixed background' },
  { code: 'AIND', label: 'Indian' },
  { code: 'APKN', label: 'Pakistani' },
  { code: 'ABAN', label: 'Bangladeshi' },
  { code: 'AOTH', label: 'Any other Asian background' },
  { code: 'BCRB', label: 'Black Caribbean' },
  { code: 'BAFR', label: 'Black African' },
  { code: 'BOTH', label: 'Any other Black background' },
  { code: 'CHNE', label: 'Chinese' },
  { code: 'OOTH', label: 'Any other ethnic group' },
  { code: 'REFU', label: 'Refused' },
  { code: 'NOBT', label: 'Information not yet obtained' },
] as const);

/** Sex as the CIN census records it from 2024-25 (M, F, U; U for an unborn child, rule 8750). */
export const genders = codes([
  { code: 'M', label: 'Male' },
  { code: 'F', label: 'Female' },
  { code: 'U', label: 'Not known or indeterminate' },
] as const);

/** CIN census disability codes (ChildCharacteristics/Disabilities). */
export const disabilities = codes([
  { code: 'MOB', label: 'Mobility' },
  { code: 'HAND', label: 'Hand function' },
  { code: 'PC', label: 'Personal care' },
  { code: 'INC', label: 'Incontinence' },
  { code: 'COMM', label: 'Communication' },
  { code: 'LD', label: 'Learning' },
  { code: 'HEAR', label: 'Hearing' },
  { code: 'VIS', label: 'Vision' },
  { code: 'BEH', label: 'Behaviour' },
  { code: 'CON', label: 'Consciousness' },
  { code: 'AUT', label: 'Autism or Asperger syndrome' },
  { code: 'DDA', label: 'Other disability (Equality Act 2010)' },
] as const);

export const religions = codes([
  { code: 'none', label: 'No religion' },
  { code: 'buddhist', label: 'Buddhist' },
  { code: 'christian', label: 'Christian' },
  { code: 'hindu', label: 'Hindu' },
  { code: 'jewish', label: 'Jewish' },
  { code: 'muslim', label: 'Muslim' },
  { code: 'sikh', label: 'Sikh' },
  { code: 'other', label: 'Any other religion' },
  { code: 'not-stated', label: 'Not stated' },
] as const);

export const immigrationStatuses = codes([
  { code: 'british-citizen', label: 'British citizen' },
  { code: 'settled', label: 'Settled status or indefinite leave to remain' },
  { code: 'pre-settled', label: 'Pre-settled status' },
  { code: 'asylum-claim-pending', label: 'Asylum claim pending' },
  { code: 'refugee', label: 'Refugee status' },
  { code: 'humanitarian-protection', label: 'Humanitarian protection' },
  { code: 'limited-leave', label: 'Limited or discretionary leave to remain' },
  { code: 'appeal-rights-exhausted', label: 'Appeal rights exhausted' },
  { code: 'no-status', label: 'No current immigration status' },
  { code: 'unknown', label: 'Not known' },
] as const);

/** Legal status of a child in care, with the SSDA903 LS codes. */
export const legalStatuses = codes([
  { code: 'V2', label: 'Accommodated under section 20 (single period)' },
  { code: 'V3', label: 'Section 20 short breaks (series of pre-planned short breaks)' },
  { code: 'V4', label: 'Section 20 short breaks (other)' },
  { code: 'L1', label: 'Police protection' },
  { code: 'L2', label: 'Emergency protection order' },
  { code: 'L3', label: 'Child assessment order with accommodation' },
  { code: 'C1', label: 'Interim care order' },
  { code: 'C2', label: 'Care order' },
  { code: 'E1', label: 'Placement order' },
  { code: 'J1', label: 'Remanded to local authority accommodation' },
  { code: 'J2', label: 'Placed in local authority accommodation under PACE' },
  { code: 'J3', label: 'Sentenced to a youth rehabilitation order with residence requirement' },
] as const);

export const warningCategories = codes([
  { code: 'risk-to-staff', label: 'Risk to staff' },
  { code: 'violence-in-household', label: 'Violent or aggressive adult in the household' },
  { code: 'do-not-disclose-address', label: 'Do not disclose address' },
  { code: 'risk-to-children', label: 'Person who poses a risk to children' },
  { code: 'animal-at-property', label: 'Dangerous animal at the property' },
  { code: 'medical', label: 'Medical needs or allergy' },
  { code: 'communication', label: 'Communication needs (interpreter, signing)' },
  { code: 'other', label: 'Other' },
] as const);

/**
 * Relationship types, said of the related person: "Jade Taylor is the Parent of Leo Taylor".
 * `inverse` is how the same relationship reads from the other person's record.
 */
export const relationshipTypes = codes([
  { code: 'parent', label: 'Parent' },
  { code: 'step-parent', label: 'Step-parent' },
  { code: 'sibling', label: 'Sibling' },
  { code: 'half-sibling', label: 'Half-sibling' },
  { code: 'grandparent', label: 'Grandparent' },
  { code: 'aunt-or-uncle', label: 'Aunt or uncle' },
  { code: 'other-relative', label: 'Other relative' },
  { code: 'foster-carer', label: 'Foster carer' },
  { code: 'kinship-carer', label: 'Kinship carer' },
  { code: 'special-guardian', label: 'Special guardian' },
  { code: 'family-friend', label: 'Family friend or safety network' },
  { code: 'partner-of-parent', label: "Parent's partner" },
  { code: 'professional', label: 'Professional' },
] as const);

export const relationshipInverses: Record<string, string> = {
  parent: 'Child',
  'step-parent': 'Step-child',
  sibling: 'Sibling',
  'half-sibling': 'Half-sibling',
  grandparent: 'Grandchild',
  'aunt-or-uncle': 'Niece or nephew',
  'other-relative': 'Relative',
  'foster-carer': 'Child in their foster care',
  'kinship-carer': 'Child in their kinship care',
  'special-guardian': 'Child under their special guardianship',
  'family-friend': 'Child they support',
  'partner-of-parent': "Partner's child",
  professional: 'Child they work with',
};

export const professionalRoles = codes([
  { code: 'gp', label: 'GP' },
  { code: 'health-visitor', label: 'Health visitor' },
  { code: 'school-nurse', label: 'School nurse' },
  { code: 'designated-safeguarding-lead', label: 'School designated safeguarding lead' },
  { code: 'teacher', label: 'Teacher' },
  { code: 'police', label: 'Police officer' },
  { code: 'camhs', label: 'CAMHS practitioner' },
  { code: 'midwife', label: 'Midwife' },
  { code: 'paediatrician', label: 'Paediatrician' },
  { code: 'youth-worker', label: 'Youth worker' },
  { code: 'youth-justice', label: 'Youth justice worker' },
  { code: 'cafcass-guardian', label: "Children's guardian (Cafcass)" },
  { code: 'solicitor', label: 'Solicitor' },
  { code: 'probation', label: 'Probation officer' },
  { code: 'housing', label: 'Housing officer' },
  { code: 'substance-misuse', label: 'Substance misuse worker' },
  { code: 'domestic-abuse', label: 'Domestic abuse advocate' },
  { code: 'virtual-school', label: 'Virtual School officer' },
  { code: 'other', label: 'Other professional' },
] as const);

export const personKinds = codes([
  { code: 'child', label: 'Child or young person' },
  { code: 'adult', label: 'Adult (parent, relative, carer or other)' },
  { code: 'professional', label: 'Professional' },
] as const);

export type PersonKind = 'child' | 'adult' | 'professional';
