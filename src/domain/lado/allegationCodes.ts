/**
 * The words of the LADO's forms and annual report (practice-standards.txt, Section 4: Managing
 * Allegations 80-88): the nature of an allegation, who told the LADO, the adult's sector, the
 * outcome, what the strategy meeting decided and the regulators a referral may go to.
 */
export type Choice = { value: string; text: string; hint?: string };

/** The nature of the allegation (Working Together 2023, ch. 2: the harm tests), as the LADO's annual report counts it (88). */
export const categories = [
  { value: 'physical', text: 'Physical abuse' },
  { value: 'sexual', text: 'Sexual abuse' },
  { value: 'emotional', text: 'Emotional abuse' },
  { value: 'neglect', text: 'Neglect' },
  { value: 'suitability', text: 'Conduct that suggests they may not be suitable to work with children (transferable risk)' },
] as const satisfies readonly Choice[];

/** Who told the LADO: the sources of referrals (88). */
export const sources = [
  { value: 'employer', text: 'The employer' },
  { value: 'police', text: 'Police' },
  { value: 'social_care', text: "Children's social care" },
  { value: 'health', text: 'Health' },
  { value: 'education', text: 'A school or college' },
  { value: 'ofsted', text: 'Ofsted or another regulator' },
  { value: 'parent', text: 'A parent or carer' },
  { value: 'child', text: 'The child or young person' },
  { value: 'anonymous', text: 'Anonymous' },
  { value: 'other', text: 'Someone else' },
] as const satisfies readonly Choice[];

/** Where the adult works (the sector), for the themes of the annual report (88). */
export const sectors = [
  { value: 'education', text: 'Education (school or college)' },
  { value: 'early_years', text: 'Early years and childcare' },
  { value: 'foster_care', text: 'Foster care' },
  { value: 'residential', text: "Children's residential care" },
  { value: 'social_care', text: 'Social care' },
  { value: 'health', text: 'Health' },
  { value: 'police', text: 'Police' },
  { value: 'faith', text: 'Faith organisation' },
  { value: 'sport', text: 'Sport, leisure and activities' },
  { value: 'voluntary', text: 'Voluntary and community' },
  { value: 'transport', text: 'Transport' },
  { value: 'other', text: 'Other' },
] as const satisfies readonly Choice[];

/** The outcomes of an allegation (Keeping Children Safe in Education 2024, Part 4; Working Together 2023). */
export const outcomes = [
  { value: 'substantiated', text: 'Substantiated', hint: 'There is sufficient evidence to prove the allegation.' },
  { value: 'unsubstantiated', text: 'Unsubstantiated', hint: 'There is insufficient evidence either to prove or disprove the allegation.' },
  { value: 'unfounded', text: 'Unfounded', hint: 'There is no evidence or proper basis which supports the allegation.' },
  { value: 'false', text: 'False', hint: 'There is sufficient evidence to disprove the allegation.' },
  { value: 'malicious', text: 'Malicious', hint: 'There is clear evidence of a deliberate act to deceive.' },
] as const satisfies readonly Choice[];

/** What the strategy meeting decided should happen next. */
export const investigations = [
  { value: 'police', text: 'Police investigation' },
  { value: 'section_47', text: 'Section 47 enquiry by children’s social care' },
  { value: 'employer', text: 'Employer’s own investigation or disciplinary process' },
  { value: 'no_further_action', text: 'No further action under the allegations procedure' },
] as const satisfies readonly Choice[];

/** Regulators the LADO may advise a referral to (86). */
export const regulators = [
  { value: 'none', text: 'No referral to a regulator' },
  { value: 'ofsted', text: 'Ofsted' },
  { value: 'social_work_england', text: 'Social Work England' },
  { value: 'tra', text: 'Teaching Regulation Agency' },
  { value: 'nmc', text: 'Nursing and Midwifery Council' },
  { value: 'gmc', text: 'General Medical Council' },
  { value: 'hcpc', text: 'Health and Care Professions Council' },
  { value: 'other', text: 'Another regulator' },
] as const satisfies readonly Choice[];

export type Outcome = (typeof outcomes)[number]['value'];

export const textOf = (list: readonly Choice[], value: unknown): string => list.find((c) => c.value === value)?.text ?? String(value ?? '');

