import { describe, expect, it } from 'vitest';
import {
  assessmentFactorGroups,
  assessmentFactors,
  closureReasons,
  dfeCodeOf,
  factorsProblem,
  primaryNeeds,
  recordedAssessmentFactors,
  retiredAssessmentFactors,
  textOf,
  valueOfDfeCode,
} from './cinWords';

/** The DfE's AssessmentFactors code set (2024-25 schema), without the retired 18A and 19A. */
const dfeFactorCodes = [
  '1A', '1B', '1C', '2A', '2B', '2C', '3A', '3B', '3C', '4A', '4B', '4C', '5A', '5B', '5C', '6A', '6B', '6C', '7A',
  '8B', '8C', '8D', '8E', '8F', '9A', '10A', '11A', '12A', '13A', '14A', '15A', '16A', '17A', '18B', '18C', '19B', '19C',
  '20', '21', '22A', '23A', '24A',
];

describe('the words a worker records for the CIN census', () => {
  it.each([
    ['primary needs', primaryNeeds, ['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9']],
    ['closure reasons', closureReasons, ['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8', 'RC9']],
    ['factors identified at assessment', assessmentFactors, dfeFactorCodes],
  ])('has one word for every DfE code of the %s, each value and code once', (_name, list, codes) => {
    expect([...list.map((w) => w.dfe)].sort()).toEqual([...codes].sort());
    expect(new Set(list.map((w) => w.value)).size).toBe(list.length);
    expect(list.every((w) => w.text.length > 0 && /^[a-z_]+$/.test(w.value))).toBe(true);
  });

  it('offers neither 18A nor 19A (cin-census/rules.csv 8945Q, 8950Q), but still reads them in history', () => {
    expect(assessmentFactors.map((w) => w.dfe)).not.toContain('18A');
    expect(assessmentFactors.map((w) => w.dfe)).not.toContain('19A');
    expect(retiredAssessmentFactors.map((w) => w.dfe)).toEqual(['18A', '19A']);
    expect(valueOfDfeCode(recordedAssessmentFactors, '18A')).toBe('physical_abuse');
    expect(valueOfDfeCode(assessmentFactors, '18A')).toBeNull();
  });

  it('maps words to codes and back', () => {
    expect(dfeCodeOf(assessmentFactors, 'domestic_abuse_parent')).toBe('3B');
    expect(dfeCodeOf(assessmentFactors, 'none')).toBe('21');
    expect(dfeCodeOf(assessmentFactors, 42)).toBeNull();
    expect(valueOfDfeCode(assessmentFactors, '1A')).toBe('alcohol_misuse_child');
    expect(textOf(assessmentFactors, 'alcohol_misuse_child')).toBe('Alcohol misuse: the child');
    expect(textOf(closureReasons, 'no_such_reason')).toBe('no_such_reason');
  });

  it('groups every current factor but "No factors identified" exactly once for the sign-off page', () => {
    const grouped = assessmentFactorGroups.flatMap((g) => g.values);
    expect(new Set(grouped).size).toBe(grouped.length);
    expect([...grouped].sort()).toEqual(assessmentFactors.map((w) => w.value).filter((v) => v !== 'none').sort());
  });

  it.each([
    ['a factor', ['neglect'], null],
    ['several factors', ['neglect', 'domestic_abuse_parent', 'mental_health_parent'], null],
    ['no factors identified, alone', ['none'], null],
    ['nothing chosen', [], { kind: 'none_chosen' }],
    ['no factors identified with another (8869)', ['none', 'neglect'], { kind: 'none_with_others' }],
    ['a factor twice (8898)', ['neglect', 'neglect'], { kind: 'repeated', value: 'neglect' }],
    ['a value not in the list', ['neglect', 'hunger'], { kind: 'unknown', value: 'hunger' }],
    ['a retired code, on a page', ['physical_abuse'], { kind: 'unknown', value: 'physical_abuse' }],
  ])('checks the factors chosen: %s', (_case, values, problem) => {
    expect(factorsProblem(values)).toEqual(problem);
  });

  it('takes a retired code from history when asked to', () => {
    expect(factorsProblem(['physical_abuse', 'neglect'], recordedAssessmentFactors)).toBeNull();
  });
});
