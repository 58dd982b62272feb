import type { RecordedWord } from '../returns/cinCensus/cinWords';

/**
 * Who referred the child, as the CIN census counts them (ReferralSource, rules.csv 8866). A
 * contact may say so exactly in `data.referrerAgency` (one of these values); otherwise the
 * agency is read from how the contact came in and the referrer's organisation and
 * relationship, as the front door recorded them.
 */
export const referrerAgencies: readonly RecordedWord[] = [
  { value: 'family_member', text: 'A family member, relative or carer', dfe: '1A' },
  { value: 'acquaintance', text: 'An acquaintance, such as a neighbour or childminder', dfe: '1B' },
  { value: 'self', text: 'The child or young person themselves', dfe: '1C' },
  { value: 'other_individual', text: 'Another member of the public, such as a stranger', dfe: '1D' },
  { value: 'school', text: 'A school', dfe: '2A' },
  { value: 'education_services', text: 'Education services', dfe: '2B' },
  { value: 'gp', text: 'A GP', dfe: '3A' },
  { value: 'health_visitor', text: 'A health visitor', dfe: '3B' },
  { value: 'school_nurse', text: 'A school nurse', dfe: '3C' },
  { value: 'primary_health', text: 'Other primary health services, such as a midwife or dentist', dfe: '3D' },
  { value: 'emergency_department', text: 'An accident and emergency department', dfe: '3E' },
  { value: 'other_health', text: 'Other health services, such as a hospital ward or mental health service', dfe: '3F' },
  { value: 'housing', text: 'Housing: the council or a housing association', dfe: '4' },
  { value: 'council_social_care', text: "The council's own social care, such as adult social care", dfe: '5A' },
  { value: 'council_other', text: 'Another council service, such as youth justice', dfe: '5B' },
  { value: 'other_authority', text: "Another local authority's services", dfe: '5C' },
  { value: 'early_help', text: 'Early Help', dfe: '5D' },
  { value: 'police', text: 'Police', dfe: '6' },
  { value: 'legal_agency', text: 'Courts, probation, immigration, Cafcass or prison', dfe: '7' },
  { value: 'other_agency', text: "Another agency, such as a children's centre or voluntary organisation", dfe: '8' },
  { value: 'anonymous', text: 'Anonymous', dfe: '9' },
  { value: 'unknown', text: 'Not known', dfe: '10' },
];

export const referrerAgencyValues = referrerAgencies.map((a) => a.value) as [string, ...string[]];
export const labelOfReferrerAgency = (value: string | null | undefined) => referrerAgencies.find((a) => a.value === value)?.text ?? '';
