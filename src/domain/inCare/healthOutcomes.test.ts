import { describe, expect, it } from 'vitest';
import { ageIsAReasonForNoSdq, convictionAsked, healthOutcomeCodes, healthOutcomeLines, sdqReasonCode, sdqReasonText } from './healthOutcomes';

describe('the health and wellbeing for the year in words and DfE codes', () => {
  it('asks about convictions of a child 10 or over on the 31 March ending the year, or whose birth date is not known', () => {
    expect(convictionAsked('2016-03-31', '2025-06-01')).toBe(true);
    expect(convictionAsked('2016-04-01', '2026-03-31')).toBe(false);
    // From 1 April the question is about the next 31 March.
    expect(convictionAsked('2016-04-01', '2026-04-01')).toBe(true);
    expect(convictionAsked(null, '2026-01-01')).toBe(true);
  });

  it('takes age as the reason for no SDQ only when the child was not 4 to 16 all year (rules-2024-25.csv 157)', () => {
    expect(ageIsAReasonForNoSdq('2012-06-15', '2026-01-01')).toBe(false);
    expect(ageIsAReasonForNoSdq('2021-06-15', '2026-01-01')).toBe(true); // 3 on 1 April 2025
    expect(ageIsAReasonForNoSdq('2008-09-01', '2026-01-01')).toBe(true); // 17 by 31 March 2026
    expect(ageIsAReasonForNoSdq(null, '2026-01-01')).toBe(true);
  });

  it('words and codes', () => {
    expect(healthOutcomeLines({ immunisationsUpToDate: false, substanceMisuse: 'identified', intervention: 'offered_refused', convicted: true })).toEqual([
      'Immunisations not up to date',
      'A substance misuse problem identified: offered an intervention and refused it',
      'Convicted, or given a final warning or reprimand, during the year',
    ]);
    expect(healthOutcomeLines({})).toEqual([]);
    expect(healthOutcomeCodes({})).toEqual({ immunisations: null, substanceMisuse: null, interventionReceived: null, interventionOffered: null, convicted: null });
    expect([sdqReasonCode('disability'), sdqReasonCode('nonsense'), sdqReasonText('carer_refused')]).toEqual(['SDQ3', null, 'The carer refused to complete it']);
  });
});
