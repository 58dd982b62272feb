import { ageOn } from '../calendar/localDate';
import { collectionPeriod, collectionYearOf } from '../returns/collectionYear';

/**
 * The year's health and wellbeing of a child looked after for a year or more, and why an SDQ could
 * not be done (practice-standards.txt, Section 3: Children in Care 24-25): what the worker records
 * on the Health and education page in Hearth's words, and what the SSDA903 OC2 table makes of it
 * (issue 10: "a worker never types a DfE code"). The DfE codes stay in this file and the return.
 *
 * `cic.health_outcomes_recorded` data: { immunisationsUpToDate: boolean, substanceMisuse: 'none' |
 * 'identified', intervention?: 'received' | 'offered_refused' | 'not_offered' (only when identified),
 * convicted?: boolean (a conviction, final warning or reprimand in the year; only asked of a child
 * 10 or over on 31 March), summary? }. `cic.sdq_not_completed` data: { reason, summary? }.
 */
export interface HealthWord {
  value: string;
  text: string;
}

export const substanceMisuseAnswers = ['none', 'identified'] as const;
export type SubstanceMisuse = (typeof substanceMisuseAnswers)[number];

/**
 * What happened once a substance misuse problem was identified: OC2 INTERVENTION_RECEIVED, and
 * INTERVENTION_OFFERED only when none was received (ssda903/rules-2024-25.csv 158, 159, 192).
 */
export const interventions: readonly (HealthWord & { received: '0' | '1'; offered: '0' | '1' | null })[] = [
  { value: 'received', text: 'Received an intervention', received: '1', offered: null },
  { value: 'offered_refused', text: 'Offered an intervention and refused it', received: '0', offered: '1' },
  { value: 'not_offered', text: 'Not offered an intervention', received: '0', offered: '0' },
];
export const interventionValues = ['received', 'offered_refused', 'not_offered'] as const;

/**
 * Why there is no SDQ score, as the DfE's SDQ_REASON codes mean them (ssda903/rules-2024-25.csv
 * 157, 196, 197B): SDQ1 the child's age, SDQ2 the carer refused, SDQ3 the child's disability,
 * SDQ4 another reason, SDQ5 the child or young person refused.
 */
export const sdqNotDoneReasons: readonly (HealthWord & { dfe: string })[] = [
  { value: 'age', text: 'The child was under 4, or 17 or over', dfe: 'SDQ1' },
  { value: 'carer_refused', text: 'The carer refused to complete it', dfe: 'SDQ2' },
  { value: 'child_refused', text: 'The child or young person refused to take part', dfe: 'SDQ5' },
  { value: 'disability', text: "The child's disability made it impossible to complete", dfe: 'SDQ3' },
  { value: 'other', text: 'Another reason', dfe: 'SDQ4' },
];
export const sdqNotDoneValues = ['age', 'carer_refused', 'child_refused', 'disability', 'other'] as const;

const textIn = (list: readonly HealthWord[], value: unknown): string => (typeof value === 'string' ? (list.find((w) => w.value === value)?.text ?? value) : '');
export const sdqReasonText = (value: unknown) => textIn(sdqNotDoneReasons, value);
export const sdqReasonCode = (value: unknown): string | null => sdqNotDoneReasons.find((w) => w.value === value)?.dfe ?? null;

/** The 31 March that ends the year (1 April to 31 March) a date falls in. */
export const yearEndOf = (on: string): string => collectionPeriod(collectionYearOf(on)).end;

/**
 * Whether to ask about convictions, final warnings and reprimands: only of a child 10 or over on
 * the 31 March ending the year (under 10 is below the age of criminal responsibility, and the
 * return must then leave it blank: rules-2024-25.csv 542, 543). Asked when the birth date is not known.
 */
export function convictionAsked(dateOfBirth: string | null, on: string): boolean {
  return dateOfBirth === null || ageOn(dateOfBirth, yearEndOf(on)) >= 10;
}

/**
 * The child's age is a reason for no SDQ only for a child who was not 4 to 16 all through the year
 * (under 4 at its start, or 17 by 31 March): rules-2024-25.csv 157. True when it may be given.
 */
export function ageIsAReasonForNoSdq(dateOfBirth: string | null, on: string): boolean {
  if (dateOfBirth === null) return true;
  const { start, end } = collectionPeriod(collectionYearOf(on));
  return ageOn(dateOfBirth, start) < 4 || ageOn(dateOfBirth, end) > 16;
}

/** A recorded year's health and wellbeing, in words, for the page and the history. */
export function healthOutcomeLines(data: Record<string, unknown>): string[] {
  const lines: string[] = [];
  if (typeof data.immunisationsUpToDate === 'boolean') lines.push(data.immunisationsUpToDate ? 'Immunisations up to date' : 'Immunisations not up to date');
  if (data.substanceMisuse === 'none') lines.push('No substance misuse problem identified');
  if (data.substanceMisuse === 'identified') {
    const what = textIn(interventions, data.intervention);
    lines.push(`A substance misuse problem identified${what ? `: ${what.charAt(0).toLowerCase()}${what.slice(1)}` : ''}`);
  }
  if (typeof data.convicted === 'boolean') lines.push(data.convicted ? 'Convicted, or given a final warning or reprimand, during the year' : 'No conviction, final warning or reprimand during the year');
  return lines;
}

/** The OC2 codes of a recorded year's health and wellbeing: '1'/'0', or null when the answer was not recorded. */
export function healthOutcomeCodes(data: Record<string, unknown>): { immunisations: string | null; substanceMisuse: string | null; interventionReceived: string | null; interventionOffered: string | null; convicted: string | null } {
  const flag = (v: unknown) => (typeof v === 'boolean' ? (v ? '1' : '0') : null);
  const substanceMisuse = data.substanceMisuse === 'identified' ? '1' : data.substanceMisuse === 'none' ? '0' : null;
  // The intervention items only follow an identified problem (193).
  const intervention = substanceMisuse === '1' ? interventions.find((w) => w.value === data.intervention) : undefined;
  return {
    immunisations: flag(data.immunisationsUpToDate),
    substanceMisuse,
    interventionReceived: intervention?.received ?? null,
    interventionOffered: intervention?.offered ?? null,
    convicted: flag(data.convicted),
  };
}
