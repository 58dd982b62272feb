import { addMonths, londonDate } from '../calendar/localDate';

/**
 * The front door's own words and rules (practice-standards.txt, Section 2: Duty Team (MASH), and
 * Child and Family Assessment 1; specialist-service-statement.txt 7.1.3 and 7.3.3). Pure: no I/O.
 */

/** How a contact came in (Duty Team (MASH) 1; specialist-service-statement.txt 7.3.3 for the hospital). */
export const contactSources = [
  { value: 'marf', text: 'Multi-agency referral form (MARF) from a professional' },
  { value: 'professional_call', text: 'Call or email from a professional' },
  { value: 'public', text: 'Call from a member of the public' },
  { value: 'family', text: 'Call from a family member' },
  { value: 'young_person', text: 'The young person themselves' },
  { value: 'hospital', text: "Hospital duty referral for another authority's child" },
] as const;
export type ContactSource = (typeof contactSources)[number]['value'];
export const contactSourceValues = contactSources.map((s) => s.value) as [ContactSource, ...ContactSource[]];

/** Consent to share information with partner agencies, asked of each parent (Duty Team (MASH) 3). */
export const consentAnswers = [
  { value: 'given', text: 'Consent given' },
  { value: 'refused', text: 'Consent refused' },
  { value: 'not_asked', text: 'Not asked yet' },
] as const;
export type Consent = (typeof consentAnswers)[number]['value'];
export const consentValues = consentAnswers.map((c) => c.value) as [Consent, ...Consent[]];

/** The four threshold outcomes of Duty Team (MASH) 5-7 and Child and Family Assessment 1. */
export const thresholdOutcomes = [
  { value: 'no_further_action', text: 'No further action, with advice to the referrer' },
  { value: 'early_help', text: 'Early Help Hub' },
  { value: 'assessment', text: 'Child and Family Assessment' },
  { value: 'strategy_discussion', text: 'Strategy discussion' },
] as const;
export type ThresholdOutcome = (typeof thresholdOutcomes)[number]['value'];
export const thresholdOutcomeValues = thresholdOutcomes.map((o) => o.value) as [ThresholdOutcome, ...ThresholdOutcome[]];

/**
 * MASH enquiry grades (Duty Team (MASH) 3). How long each has is the standards catalogue's
 * (front-door.mash-enquiry-red and -amber), which an authority may change: the words here are
 * only the choice's label.
 */
export const enquiryGrades = [
  { value: 'red', text: 'Red: urgent' },
  { value: 'amber', text: 'Amber' },
] as const;
export type EnquiryGrade = (typeof enquiryGrades)[number]['value'];

/** The partner agencies a MASH enquiry goes to. */
export const partnerAgencies = [
  'Police',
  'Health visiting',
  'School nursing',
  'GP',
  'School',
  'Early years setting',
  'Probation',
  'Adult mental health',
  'Substance misuse service',
  'Housing',
  'Domestic abuse service',
  'Early Help',
] as const;

export interface ContactAdult {
  personId: string;
  /** Their relationship to the children, in the referrer's or worker's words ("Mother"). */
  relationship: string;
  /** A parent, whose consent a MASH enquiry needs. */
  parent: boolean;
  consent: Consent;
}

export const labelOfSource = (value: string) => contactSources.find((s) => s.value === value)?.text ?? value;
export const labelOfOutcome = (value: string) => thresholdOutcomes.find((o) => o.value === value)?.text ?? value;
export const labelOfConsent = (value: string) => consentAnswers.find((c) => c.value === value)?.text ?? value;

/**
 * Whether agency checks may go ahead on parental consent alone: "Parental consent (from both
 * parents) will be obtained before a MASH Enquiry or any other form of agency check is
 * undertaken, unless the need for parental consent is overridden by the Duty Assistant Team
 * Manager" (Duty Team (MASH) 3). With no parent on the contact there is no consent to rely on.
 */
export function parentsConsented(adults: readonly { parent: boolean; consent: string }[]): boolean {
  const parents = adults.filter((a) => a.parent);
  return parents.length > 0 && parents.every((a) => a.consent === 'given');
}

/** Who has not consented, for the message that asks for an override: "Mother: Consent refused". */
export function missingConsents(adults: readonly { parent: boolean; consent: string; relationship: string; name: string }[]): string[] {
  return adults.filter((a) => a.parent && a.consent !== 'given').map((a) => `${a.name} (${a.relationship}): ${labelOfConsent(a.consent).toLowerCase()}`);
}

/**
 * The Early Help step-up procedure (practice-standards.txt, Appendix 2: Early Help Step Up
 * Procedure, Duty Manager Oversight): "If re-referred within 3 months, the Duty Manager will
 * trigger a Child & Family Assessment from the referral". The date Early Help was stepped up, if
 * that was within the 3 months (calendar months, London dates) before the contact; null otherwise.
 */
export function steppedUpWithinThreeMonths(stream: readonly { type: string; occurredAt: Date; data: Record<string, unknown> }[], contactAt: Date): string | null {
  const contactOn = londonDate(contactAt);
  const stepUps = stream.filter((e) => e.type === 'early_help.closed' && e.data.outcome === 'stepped_up' && e.occurredAt.getTime() <= contactAt.getTime());
  const last = stepUps.reduce<(typeof stepUps)[number] | undefined>((latest, e) => (!latest || e.occurredAt.getTime() > latest.occurredAt.getTime() ? e : latest), undefined);
  if (!last) return null;
  const on = londonDate(last.occurredAt);
  return contactOn <= addMonths(on, 3) ? on : null;
}
