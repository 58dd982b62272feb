import { isIsoDate, londonDate } from '../../domain/calendar/localDate';
import { codeValues, disabilities, ethnicities, genders, type Code } from '../../domain/people/codes';
import { emptyDetails, type PersonDetails } from '../../domain/people/personDetails';
import { normaliseUpn, upnProblem } from '../../domain/people/upn';

/** "Leo Taylor" → given names "Leo", family name "Taylor"; the last word is the family name. */
export function splitName(name: string): { givenNames: string; familyName: string } | null {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return null;
  return { givenNames: words.slice(0, -1).join(' '), familyName: words.at(-1) as string };
}

const oneOf = (list: readonly Code[]) => new Set(codeValues(list));
const genderCodes = oneOf(genders);
const ethnicityCodes = oneOf(ethnicities);
const disabilityCodes = oneOf(disabilities);

/**
 * The details a `child.registered` line adds a child with: a name (given names and a family
 * name) and a date of birth, or an expected one for an unborn child; and, when the old system or
 * the return has them, sex, ethnicity, disabilities, UPN and whether the child is an unaccompanied
 * asylum seeker — each checked against the code lists the registration page uses, so an import
 * cannot put on a record what a worker could not. The reason says what to fix.
 */
export function registrationDetails(child: string, data: Record<string, unknown>, at: Date): { details: PersonDetails } | { reason: string } {
  const name = typeof data.name === 'string' ? splitName(data.name) : null;
  if (!name) return { reason: `child.registered for ${child} needs data.name with a given name and a family name` };
  const dateOfBirth = data.dateOfBirth;
  const expected = data.expectedDateOfBirth;
  // An unborn child (CIN census ExpectedPersonBirthDate) is added with the date they are expected instead.
  if (dateOfBirth === undefined && typeof expected === 'string' && isIsoDate(expected)) {
    // nothing more to check: an expected date may be in the future
  } else if (typeof dateOfBirth !== 'string' || !isIsoDate(dateOfBirth)) {
    return { reason: `child.registered for ${child} needs data.dateOfBirth, a real date written YYYY-MM-DD` };
  } else if (dateOfBirth > londonDate(at)) {
    return { reason: `child.registered for ${child}: the date of birth ${dateOfBirth} is after the date the child was added` };
  }
  const problems: string[] = [];
  const code = (field: 'gender' | 'ethnicity', codes: ReadonlySet<string>, words: string) => {
    const value = data[field];
    if (value === undefined || value === null) return null;
    if (typeof value === 'string' && codes.has(value)) return value;
    problems.push(`data.${field} must be ${words}`);
    return null;
  };
  const gender = code('gender', genderCodes, 'M, F or U');
  const ethnicity = code('ethnicity', ethnicityCodes, `a DfE ethnicity code (${[...ethnicityCodes].join(', ')})`);
  let upn: string | null = null;
  if (typeof data.upn === 'string' && data.upn.trim()) {
    const problem = upnProblem(data.upn);
    if (problem) problems.push(`data.upn ${data.upn} is not a unique pupil number (${problem === 'check-letter' ? 'its check letter is wrong' : 'it must be a letter, 11 digits and a digit or letter'})`);
    else upn = normaliseUpn(data.upn);
  }
  const listed = data.disabilities ?? [];
  if (!Array.isArray(listed) || listed.some((d) => typeof d !== 'string' || !disabilityCodes.has(d))) problems.push(`data.disabilities must be a list of CIN census disability codes (${[...disabilityCodes].join(', ')})`);
  if (data.uasc !== undefined && typeof data.uasc !== 'boolean') problems.push('data.uasc must be true or false');
  if (problems.length > 0) return { reason: `child.registered for ${child}: ${problems.join('; ')}` };
  return {
    details: {
      ...emptyDetails,
      ...name,
      dateOfBirth: typeof dateOfBirth === 'string' ? dateOfBirth : null,
      expectedDateOfBirth: dateOfBirth === undefined && typeof expected === 'string' ? expected : null,
      gender,
      ethnicity,
      upn,
      disabilities: Array.isArray(listed) ? (listed as string[]) : [],
      uasc: data.uasc === true,
    },
  };
}
