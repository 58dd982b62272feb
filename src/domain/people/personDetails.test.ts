import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  changesBetween,
  detailFields,
  detailProblems,
  emptyDetails,
  fullName,
  type DetailField,
  type PersonDetails,
} from './personDetails';

function details(overrides: Partial<PersonDetails> = {}): PersonDetails {
  return { ...emptyDetails, givenNames: 'Leo', familyName: 'Taylor', ...overrides };
}

const child = (overrides: Partial<PersonDetails> = {}) => details({ dateOfBirth: '2015-06-01', ...overrides });

function fieldsOf(problems: { field: string }[]): string[] {
  return problems.map((p) => p.field);
}

describe('changesBetween', () => {
  it('lists only the fields whose value changes, with the old and new values', () => {
    const current = details({ preferredName: 'Lee', gender: 'M' });
    expect(changesBetween(current, { givenNames: 'Leo', familyName: 'Smith', gender: 'F' })).toEqual([
      { field: 'familyName', from: 'Taylor', to: 'Smith' },
      { field: 'gender', from: 'M', to: 'F' },
    ]);
  });

  it('ignores fields the proposal does not mention', () => {
    expect(changesBetween(details({ gender: 'M' }), {})).toEqual([]);
  });

  it('reports a field set to null as a change from its old value', () => {
    expect(changesBetween(details({ preferredName: 'Lee' }), { preferredName: null })).toEqual([
      { field: 'preferredName', from: 'Lee', to: null },
    ]);
  });

  it('treats null and undefined as the same value', () => {
    expect(changesBetween(details({ religion: null }), { religion: undefined })).toEqual([]);
  });

  it('compares lists as sets: the same codes in another order are not a change', () => {
    const current = details({ disabilities: ['MOB', 'HEAR', 'AUT'] });
    expect(changesBetween(current, { disabilities: ['AUT', 'MOB', 'HEAR'] })).toEqual([]);
  });

  it('reports a list that gains or loses a code', () => {
    const current = details({ disabilities: ['MOB', 'HEAR'] });
    expect(changesBetween(current, { disabilities: ['MOB'] })).toEqual([
      { field: 'disabilities', from: ['MOB', 'HEAR'], to: ['MOB'] },
    ]);
    expect(changesBetween(current, { disabilities: ['MOB', 'VIS'] })).toEqual([
      { field: 'disabilities', from: ['MOB', 'HEAR'], to: ['MOB', 'VIS'] },
    ]);
  });

  it('reports a yes/no that flips', () => {
    expect(changesBetween(details({ uasc: false }), { uasc: true })).toEqual([{ field: 'uasc', from: false, to: true }]);
  });

  it('lists the changes in the order of the fields, whatever the order of the proposal', () => {
    const changes = changesBetween(details(), { email: 'a@example.org', givenNames: 'Ann', nhsNumber: '9434765919' });
    expect(changes.map((c) => c.field)).toEqual(['givenNames', 'nhsNumber', 'email']);
  });
});

describe('applyChanges', () => {
  it('sets each changed field and leaves the others alone', () => {
    const before = details({ gender: 'M', disabilities: ['MOB'] });
    const after = applyChanges(before, [
      { field: 'familyName', from: 'Taylor', to: 'Smith' },
      { field: 'disabilities', from: ['MOB'], to: ['MOB', 'HEAR'] },
    ]);
    expect(after).toEqual({ ...before, familyName: 'Smith', disabilities: ['MOB', 'HEAR'] });
  });

  it('does not change the details it was given', () => {
    const before = details();
    applyChanges(before, [{ field: 'familyName', from: 'Taylor', to: 'Smith' }]);
    expect(before.familyName).toBe('Taylor');
  });

  it('undoes nothing when given no changes, and round-trips with changesBetween', () => {
    const before = details({ gender: 'M' });
    expect(applyChanges(before, [])).toEqual(before);
    const proposal = { familyName: 'Smith', gender: null, uasc: true };
    expect(applyChanges(before, changesBetween(before, proposal))).toEqual({ ...before, ...proposal });
  });
});

describe('detailProblems: date of birth or expected date of birth', () => {
  const today = '2026-03-15';

  it('asks for a date of birth or an expected date of birth for a child', () => {
    expect(detailProblems('child', details(), today)).toEqual([
      {
        field: 'dateOfBirth',
        message: "Enter the child's date of birth, or their expected date of birth if they are not born yet",
      },
    ]);
  });

  it('refuses a child with both a date of birth and an expected date of birth', () => {
    expect(detailProblems('child', child({ expectedDateOfBirth: '2026-05-01' }), today)).toEqual([
      {
        field: 'expectedDateOfBirth',
        message: 'A child who has been born has a date of birth, not an expected date of birth: remove one of them',
      },
    ]);
  });

  it('asks for both or neither rule even when neither date is being changed', () => {
    const changing = new Set<DetailField>(['familyName']);
    expect(fieldsOf(detailProblems('child', details(), today, changing))).toEqual(['dateOfBirth']);
  });

  it('accepts a child with only a date of birth, or only an expected date of birth', () => {
    expect(detailProblems('child', child(), today)).toEqual([]);
    expect(detailProblems('child', details({ expectedDateOfBirth: '2026-05-01' }), today)).toEqual([]);
  });

  it('does not ask an adult or a professional for a date of birth', () => {
    expect(detailProblems('adult', details(), today)).toEqual([]);
    expect(detailProblems('professional', details({ organisation: 'Riverside Surgery' }), today)).toEqual([]);
  });
});

describe('detailProblems: date of birth against today', () => {
  it('accepts a date of birth of today (31 December) and refuses tomorrow (1 January)', () => {
    expect(detailProblems('child', child({ dateOfBirth: '2026-12-31' }), '2026-12-31')).toEqual([]);
    expect(detailProblems('child', child({ dateOfBirth: '2027-01-01' }), '2026-12-31')).toEqual([
      { field: 'dateOfBirth', message: 'Date of birth must be today or in the past' },
    ]);
  });

  it('refuses tomorrow across a month end into a leap day', () => {
    expect(detailProblems('adult', details({ dateOfBirth: '2028-02-29' }), '2028-02-28')).toEqual([
      { field: 'dateOfBirth', message: 'Date of birth must be today or in the past' },
    ]);
    expect(detailProblems('adult', details({ dateOfBirth: '2028-02-29' }), '2028-02-29')).toEqual([]);
  });

  it('refuses a date of birth before 1900 and accepts 1 January 1900', () => {
    expect(detailProblems('adult', details({ dateOfBirth: '1899-12-31' }), '2026-03-15')).toEqual([
      { field: 'dateOfBirth', message: 'Date of birth must be on or after 1 January 1900' },
    ]);
    expect(detailProblems('adult', details({ dateOfBirth: '1900-01-01' }), '2026-03-15')).toEqual([]);
  });

  it('gives one date of birth problem at a time: before 1900 is said rather than too old for a child', () => {
    expect(detailProblems('child', child({ dateOfBirth: '1899-12-31' }), '2026-03-15')).toEqual([
      { field: 'dateOfBirth', message: 'Date of birth must be on or after 1 January 1900' },
    ]);
  });

  const tooOld = {
    field: 'dateOfBirth',
    message: 'A child or young person must be 25 or younger: record an older person as an adult',
  };

  it('accepts a young person of 25 on the day before their 26th birthday, and refuses them on it (year end)', () => {
    expect(detailProblems('child', child({ dateOfBirth: '2001-01-01' }), '2026-12-31')).toEqual([]);
    expect(detailProblems('child', child({ dateOfBirth: '2001-01-01' }), '2027-01-01')).toEqual([tooOld]);
  });

  it('counts the 26th birthday of someone born on 29 February as 1 March in a non-leap year', () => {
    // Born 2000-02-29: 25 on 28 February 2026, 26 on 1 March 2026.
    expect(detailProblems('child', child({ dateOfBirth: '2000-02-29' }), '2026-02-28')).toEqual([]);
    expect(detailProblems('child', child({ dateOfBirth: '2000-02-29' }), '2026-03-01')).toEqual([tooOld]);
  });

  it('keeps the 26th birthday on its own day when the year before it is a leap year', () => {
    // In 2028 (leap): born 2002-03-01 is still 25 on 29 February and 26 on 1 March;
    // born 2002-02-28 is 26 on 28 February, the day before the leap day.
    expect(detailProblems('child', child({ dateOfBirth: '2002-03-01' }), '2028-02-29')).toEqual([]);
    expect(detailProblems('child', child({ dateOfBirth: '2002-03-01' }), '2028-03-01')).toEqual([tooOld]);
    expect(detailProblems('child', child({ dateOfBirth: '2002-02-28' }), '2028-02-28')).toEqual([tooOld]);
  });

  it('does not apply the age limit to adults', () => {
    expect(detailProblems('adult', details({ dateOfBirth: '1950-07-01' }), '2026-03-15')).toEqual([]);
  });
});

describe('detailProblems: expected date of birth against today', () => {
  // 2026-03-15 + 294 days (42 weeks) = 2027-01-03: 16 days to 31 March, then April–December
  // (30+31+30+31+31+30+31+30+31 = 275) to 31 December = 291 days, then 3 more.
  it('accepts an expected date of birth exactly 42 weeks ahead and refuses one day more (across the year end)', () => {
    expect(detailProblems('child', details({ expectedDateOfBirth: '2027-01-03' }), '2026-03-15')).toEqual([]);
    expect(detailProblems('child', details({ expectedDateOfBirth: '2027-01-04' }), '2026-03-15')).toEqual([
      { field: 'expectedDateOfBirth', message: 'Expected date of birth must be within the next 42 weeks' },
    ]);
  });

  // 2028-03-10 − 28 days = 2028-02-11: 10 days back to 29 February 2028, 18 more to 11 February.
  it('accepts an expected date of birth 4 weeks ago and refuses one day earlier (across a leap February)', () => {
    expect(detailProblems('child', details({ expectedDateOfBirth: '2028-02-11' }), '2028-03-10')).toEqual([]);
    expect(detailProblems('child', details({ expectedDateOfBirth: '2028-02-10' }), '2028-03-10')).toEqual([
      {
        field: 'expectedDateOfBirth',
        message: 'Expected date of birth is more than 4 weeks ago: if the child has been born, enter their date of birth',
      },
    ]);
  });

  it('accepts an expected date of birth of today', () => {
    expect(detailProblems('child', details({ expectedDateOfBirth: '2026-03-15' }), '2026-03-15')).toEqual([]);
  });
});

describe('detailProblems: rules about today apply only to the fields being changed', () => {
  it('does not block a change of name because an expected date of birth has since gone by', () => {
    const unborn = details({ expectedDateOfBirth: '2025-06-01' });
    expect(detailProblems('child', unborn, '2026-03-15', new Set<DetailField>(['familyName']))).toEqual([]);
    expect(fieldsOf(detailProblems('child', unborn, '2026-03-15', new Set<DetailField>(['expectedDateOfBirth'])))).toEqual([
      'expectedDateOfBirth',
    ]);
  });

  it('does not block a correction because a young person has since turned 26', () => {
    const careLeaver = child({ dateOfBirth: '2000-01-10' });
    expect(detailProblems('child', careLeaver, '2026-03-15', new Set<DetailField>(['phone']))).toEqual([]);
    expect(fieldsOf(detailProblems('child', careLeaver, '2026-03-15', new Set<DetailField>(['dateOfBirth'])))).toEqual([
      'dateOfBirth',
    ]);
  });

  it('checks identifiers only when they are being changed', () => {
    const withBadNumbers = child({ nhsNumber: '9434765918', upn: 'B123456789012' });
    expect(detailProblems('child', withBadNumbers, '2026-03-15', new Set<DetailField>(['religion']))).toEqual([]);
    expect(fieldsOf(detailProblems('child', withBadNumbers, '2026-03-15'))).toEqual(['nhsNumber', 'upn']);
  });

  it('checks every field when no list of changing fields is given (a new person)', () => {
    expect(fieldsOf(detailProblems('child', details({ expectedDateOfBirth: '2025-01-01' }), '2026-03-15'))).toEqual([
      'expectedDateOfBirth',
    ]);
  });
});

describe('detailProblems: identifiers', () => {
  const today = '2026-03-15';

  it('accepts a valid NHS number and UPN, written with spaces', () => {
    expect(detailProblems('child', child({ nhsNumber: '943 476 5919', upn: 'a123 4567 89012' }), today)).toEqual([]);
  });

  it('says an NHS number that is not 10 digits must be 10 digits', () => {
    expect(detailProblems('adult', details({ nhsNumber: '943 476 591' }), today)).toEqual([
      { field: 'nhsNumber', message: 'NHS number must be 10 digits, like 943 476 5919' },
    ]);
  });

  it('says an NHS number with the wrong check digit is not valid', () => {
    expect(detailProblems('adult', details({ nhsNumber: '943 476 5918' }), today)).toEqual([
      { field: 'nhsNumber', message: 'NHS number is not valid: check it has been copied correctly' },
    ]);
  });

  it('gives the UPN length, format and check letter messages', () => {
    expect(detailProblems('child', child({ upn: 'A12345678901' }), today)).toEqual([
      { field: 'upn', message: 'Unique pupil number must be 13 characters, like A123456789012' },
    ]);
    expect(detailProblems('child', child({ upn: 'H20140110000O' }), today)).toEqual([
      { field: 'upn', message: 'Unique pupil number must be a letter, 11 digits, then a digit or letter (not I, O or S)' },
    ]);
    expect(detailProblems('child', child({ upn: 'B123456789012' }), today)).toEqual([
      { field: 'upn', message: 'Unique pupil number is not valid: its first letter does not match the check letter' },
    ]);
  });
});

describe('detailProblems: kinds of person', () => {
  const today = '2026-03-15';

  it('allows a child to be recorded as an unaccompanied asylum-seeking child', () => {
    expect(detailProblems('child', child({ uasc: true }), today)).toEqual([]);
  });

  it('refuses UASC for an adult or a professional', () => {
    const message = 'Only a child can be recorded as an unaccompanied asylum-seeking child';
    expect(detailProblems('adult', details({ uasc: true }), today)).toEqual([{ field: 'uasc', message }]);
    expect(detailProblems('professional', details({ uasc: true, organisation: 'Police' }), today)).toEqual([
      { field: 'uasc', message },
    ]);
  });

  it("asks for a professional's organisation", () => {
    expect(detailProblems('professional', details(), today)).toEqual([
      { field: 'organisation', message: "Enter the professional's organisation" },
    ]);
    expect(detailProblems('professional', details({ organisation: '' }), today)).toEqual([
      { field: 'organisation', message: "Enter the professional's organisation" },
    ]);
    expect(detailProblems('professional', details({ organisation: 'Riverside School' }), today)).toEqual([]);
  });

  it('reports every problem at once', () => {
    const problems = detailProblems(
      'adult',
      details({ dateOfBirth: '2027-01-01', nhsNumber: '123', upn: 'A1', uasc: true }),
      today,
    );
    expect(fieldsOf(problems)).toEqual(['dateOfBirth', 'nhsNumber', 'upn', 'uasc']);
  });
});

describe('fullName and detailFields', () => {
  it('joins given and family names, trimming a missing part', () => {
    expect(fullName({ givenNames: 'Leo James', familyName: 'Taylor' })).toBe('Leo James Taylor');
    expect(fullName({ givenNames: '', familyName: 'Taylor' })).toBe('Taylor');
  });

  it('lists every detail of a person', () => {
    expect([...detailFields].sort()).toEqual(Object.keys(emptyDetails).sort());
  });
});
