import { ethnicities } from '../../people/codes';
import { upnProblem, normaliseUpn } from '../../people/upn';
import type { ImportLine, ReturnProblem } from './importLine';

/**
 * A child as a return identifies them: the id the authority gave them (Hearth's external id), and
 * what Hearth adds a child with when it does not hold them yet. The returns carry no names, so a
 * new child is added as "Child <id>" (given name "Child", family name the id): the worker puts
 * the real name right on the record, as a correction with a reason.
 */
export interface ImportedChild {
  child: string;
  file: string;
  row: number;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  gender: string | null;
  ethnicity: string | null;
  upn: string | null;
  disabilities: string[];
  uasc: boolean;
  /** What stops Hearth adding the child if it does not hold them (no date of birth): reported only then. */
  toAdd: string[];
}

export const placeholderName = (child: string) => `Child ${child}`;

const ethnicityCodes = new Set<string>(ethnicities.map((e) => e.code));

/** ETHNIC / Ethnicity: one of the DfE codes Hearth records, or a problem. */
export function ethnicityOf(code: string | null, label: string): { value: string | null; problem: string | null } {
  if (code === null || code === '') return { value: null, problem: null };
  const c = code.trim().toUpperCase();
  return ethnicityCodes.has(c) ? { value: c, problem: null } : { value: null, problem: `${label} "${code}" is not a DfE ethnicity code (${[...ethnicityCodes].join(', ')})` };
}

/**
 * A UPN Hearth can record, or a warning: the registration page refuses a UPN whose check letter
 * is wrong (src/domain/people/upn.ts), so the child is added without it and the warning says so.
 * "UN1"-"UN10" (no UPN, and why) are not UPNs.
 */
export function upnOf(value: string | null, label: string): { value: string | null; warning: string | null } {
  if (value === null || value.trim() === '' || /^UN\d+$/i.test(value.trim())) return { value: null, warning: null };
  const problem = upnProblem(value);
  if (!problem) return { value: normaliseUpn(value), warning: null };
  const why = problem === 'check-letter' ? 'its check letter is wrong' : problem === 'length' ? 'it is not 13 characters' : 'it is not a letter, 11 digits and a digit or letter';
  return { value: null, warning: `${label} ${value} is not a valid unique pupil number (${why}): the child is added without it; record the right UPN on their record` };
}

/**
 * The child.registered line for a child Hearth does not hold: dated the day of their first
 * imported event (or their birth, if later), before everything else.
 */
export function registrationLine(child: ImportedChild, firstDate: string, tag: string): ImportLine {
  return {
    child: child.child,
    type: 'child.registered',
    date: firstDate,
    phase: 'opens',
    file: child.file,
    row: child.row,
    data: {
      name: placeholderName(child.child),
      ...(child.dateOfBirth ? { dateOfBirth: child.dateOfBirth } : child.expectedDateOfBirth ? { expectedDateOfBirth: child.expectedDateOfBirth } : {}),
      ...(child.gender ? { gender: child.gender } : {}),
      ...(child.ethnicity ? { ethnicity: child.ethnicity } : {}),
      ...(child.upn ? { upn: child.upn } : {}),
      ...(child.disabilities.length > 0 ? { disabilities: child.disabilities } : {}),
      ...(child.uasc ? { uasc: true } : {}),
      imported: tag,
    },
  };
}

/** A problem about a row, as the report lists it. */
export const problemAt = (file: string, row: number, reason: string): ReturnProblem => ({ file, row, reason });
