import { addDays, ageOn } from '../calendar/localDate';
import type { PersonKind } from './codes';
import { nhsNumberProblem } from './nhsNumber';
import { upnProblem } from './upn';

/** The details of a person that are recorded once and corrected, field by field, with a reason. */
export interface PersonDetails {
  givenNames: string;
  familyName: string;
  preferredName: string | null;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  gender: string | null;
  ethnicity: string | null;
  firstLanguage: string | null;
  religion: string | null;
  disabilities: string[];
  nhsNumber: string | null;
  upn: string | null;
  uasc: boolean;
  immigrationStatus: string | null;
  organisation: string | null;
  professionalRole: string | null;
  phone: string | null;
  email: string | null;
}

export type DetailField = keyof PersonDetails;

export const fieldLabels: Record<DetailField, string> = {
  givenNames: 'Given names',
  familyName: 'Family name',
  preferredName: 'Preferred name',
  dateOfBirth: 'Date of birth',
  expectedDateOfBirth: 'Expected date of birth',
  gender: 'Sex',
  ethnicity: 'Ethnicity',
  firstLanguage: 'First language',
  religion: 'Religion',
  disabilities: 'Disability',
  nhsNumber: 'NHS number',
  upn: 'Unique pupil number (UPN)',
  uasc: 'Unaccompanied asylum-seeking child',
  immigrationStatus: 'Immigration status',
  organisation: 'Organisation',
  professionalRole: 'Professional role',
  phone: 'Telephone',
  email: 'Email',
};

export const detailFields = Object.keys(fieldLabels) as DetailField[];

/** Which details apply to which kind of person; the others are not shown or asked for. */
export const fieldsForKind: Record<PersonKind, readonly DetailField[]> = {
  child: [
    'givenNames', 'familyName', 'preferredName', 'dateOfBirth', 'expectedDateOfBirth', 'gender',
    'ethnicity', 'firstLanguage', 'religion', 'disabilities', 'nhsNumber', 'upn', 'uasc',
    'immigrationStatus',
  ],
  adult: [
    'givenNames', 'familyName', 'preferredName', 'dateOfBirth', 'gender', 'ethnicity',
    'firstLanguage', 'religion', 'disabilities', 'nhsNumber', 'immigrationStatus', 'phone', 'email',
  ],
  professional: ['givenNames', 'familyName', 'organisation', 'professionalRole', 'phone', 'email'],
};

export const emptyDetails: PersonDetails = {
  givenNames: '',
  familyName: '',
  preferredName: null,
  dateOfBirth: null,
  expectedDateOfBirth: null,
  gender: null,
  ethnicity: null,
  firstLanguage: null,
  religion: null,
  disabilities: [],
  nhsNumber: null,
  upn: null,
  uasc: false,
  immigrationStatus: null,
  organisation: null,
  professionalRole: null,
  phone: null,
  email: null,
};

export interface FieldChange {
  field: DetailField;
  from: PersonDetails[DetailField];
  to: PersonDetails[DetailField];
}

export interface Problem {
  field: string;
  message: string;
}

/** Lists of codes (disabilities) are sets: order and repeats do not make a change. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = new Set(a);
    const right = new Set(b);
    return left.size === right.size && [...left].every((item) => right.has(item));
  }
  return (a ?? null) === (b ?? null);
}

/** The fields a proposed correction would actually change, with their old and new values. */
export function changesBetween(current: PersonDetails, proposed: Partial<PersonDetails>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of detailFields) {
    if (!(field in proposed)) continue;
    const to = proposed[field] as PersonDetails[DetailField];
    if (!same(current[field], to)) changes.push({ field, from: current[field], to });
  }
  return changes;
}

export function applyChanges(details: PersonDetails, changes: readonly FieldChange[]): PersonDetails {
  const next = { ...details } as Record<DetailField, unknown>;
  for (const change of changes) next[change.field] = change.to;
  return next as unknown as PersonDetails;
}

/** Children's services work with young people up to 25 (care leavers), so older people are adults. */
const oldestChildAge = 25;
/** An expected date of birth more than 42 weeks away is not a pregnancy yet. */
const longestPregnancyDays = 42 * 7;

/**
 * Rules that look at more than one field or at today's date. Rules about today apply only to
 * the fields being set, so an unrelated correction is never blocked by time passing (an
 * expected date of birth that has since gone by, say).
 */
export function detailProblems(
  kind: PersonKind,
  details: PersonDetails,
  today: string,
  changing: ReadonlySet<DetailField> = new Set(detailFields),
): Problem[] {
  const problems: Problem[] = [];
  const dob = details.dateOfBirth;
  const edd = details.expectedDateOfBirth;

  if (kind === 'child') {
    if (!dob && !edd) {
      problems.push({
        field: 'dateOfBirth',
        message: "Enter the child's date of birth, or their expected date of birth if they are not born yet",
      });
    }
    if (dob && edd) {
      problems.push({
        field: 'expectedDateOfBirth',
        message: 'A child who has been born has a date of birth, not an expected date of birth: remove one of them',
      });
    }
  }
  if (dob && changing.has('dateOfBirth')) {
    if (dob > today) problems.push({ field: 'dateOfBirth', message: 'Date of birth must be today or in the past' });
    else if (dob < '1900-01-01') problems.push({ field: 'dateOfBirth', message: 'Date of birth must be on or after 1 January 1900' });
    else if (kind === 'child' && ageOn(dob, today) > oldestChildAge) {
      problems.push({
        field: 'dateOfBirth',
        message: `A child or young person must be ${oldestChildAge} or younger: record an older person as an adult`,
      });
    }
  }
  if (edd && changing.has('expectedDateOfBirth')) {
    if (edd > addDays(today, longestPregnancyDays)) {
      problems.push({ field: 'expectedDateOfBirth', message: 'Expected date of birth must be within the next 42 weeks' });
    } else if (edd < addDays(today, -28)) {
      problems.push({
        field: 'expectedDateOfBirth',
        message: 'Expected date of birth is more than 4 weeks ago: if the child has been born, enter their date of birth',
      });
    }
  }
  if (details.nhsNumber && changing.has('nhsNumber')) {
    const problem = nhsNumberProblem(details.nhsNumber);
    if (problem === 'format') problems.push({ field: 'nhsNumber', message: 'NHS number must be 10 digits, like 943 476 5919' });
    if (problem === 'check-digit') {
      problems.push({ field: 'nhsNumber', message: 'NHS number is not valid: check it has been copied correctly' });
    }
  }
  if (details.upn && changing.has('upn')) {
    const problem = upnProblem(details.upn);
    if (problem === 'length') problems.push({ field: 'upn', message: 'Unique pupil number must be 13 characters, like A123456789012' });
    if (problem === 'format') {
      problems.push({
        field: 'upn',
        message: 'Unique pupil number must be a letter, 11 digits, then a digit or letter (not I, O or S)',
      });
    }
    if (problem === 'check-letter') {
      problems.push({ field: 'upn', message: 'Unique pupil number is not valid: its first letter does not match the check letter' });
    }
  }
  if (details.uasc && kind !== 'child') {
    problems.push({ field: 'uasc', message: 'Only a child can be recorded as an unaccompanied asylum-seeking child' });
  }
  if (kind === 'professional' && !details.organisation) {
    problems.push({ field: 'organisation', message: "Enter the professional's organisation" });
  }
  return problems;
}

export function fullName(details: Pick<PersonDetails, 'givenNames' | 'familyName'>): string {
  return `${details.givenNames} ${details.familyName}`.trim();
}
