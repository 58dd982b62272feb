import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../calendar/workingDays';
import { emptyDetails, type PersonDetails } from '../../people/personDetails';
import type { WorkflowEvent } from '../../records/events';
import { collectionPeriod } from '../collectionYear';
import type { ReturnContext, ReturnSubject } from '../subject';
import { validateSsda903Child } from './rules';
import { ssda903ChildOf } from './ssda903Projection';

/**
 * OC2 from the Health and education page (issue 10): the year's health and wellbeing
 * (cic.health_outcomes_recorded) and why there was no SDQ (cic.sdq_not_completed), each answer to
 * its DfE code, blank when not recorded, and the rules that asked for them (rules-2024-25.csv 182,
 * 186, 191, 192, 193, 158, 159, 197a, 197B, 542, 543) satisfied.
 */
let n = 0;
const ev = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++n}`, type, occurredAt: new Date(at), recordedByName: 'Sam Worker', data });
const context = (year = 2026): ReturnContext => ({ period: collectionPeriod(year), laCode: '931', providers: new Map(), calendar: workingCalendar([]) });
const subject = (events: WorkflowEvent[], details: Partial<PersonDetails> = {}): ReturnSubject => ({
  personId: 'p1',
  childId: 'C1',
  details: { ...emptyDetails, givenNames: 'Leo', familyName: 'Taylor', dateOfBirth: '2012-06-15', gender: 'M', ethnicity: 'WBRI', upn: 'A123456789012', ...details },
  addresses: [{ postcode: 'ox4 3ab', from: '2012-06-15' }],
  events,
});

// Looked after since May 2024 under a care order: 12 months and more at 31 March 2026.
const inCare = [
  ev('cic.started', '2024-05-01T16:00:00+01:00', { legalStatus: 'C2' }),
  ev('cic.placement_started', '2024-05-01T18:00:00+01:00', { setting: 'in_house_fostering', carer: 'Mr and Mrs Green', postcode: 'ox4 1zz', placementId: 'pl1' }),
  ev('cic.health_assessment_completed', '2025-06-01T10:00:00+01:00', { kind: 'review' }),
  ev('cic.health_check_completed', '2025-07-01T10:00:00+01:00', { kind: 'dental' }),
];
const wellbeing = (data: Record<string, unknown>, at = '2026-02-10T10:00:00Z') => ev('cic.health_outcomes_recorded', at, data);
const oc2Of = (events: WorkflowEvent[], details: Partial<PersonDetails> = {}, year = 2026) => ssda903ChildOf(subject(events, details), context(year))!.oc2[0]!;
const failuresOf = (events: WorkflowEvent[], details: Partial<PersonDetails> = {}, year = 2026) => {
  const tables = ssda903ChildOf(subject(events, details), context(year))!;
  return validateSsda903Child({ childId: 'C1', tables }, { period: collectionPeriod(year), previous: null, laCode: '931' }).map((f) => f.code);
};
const oc2Codes = ['182', '186', '191', '192', '193', '158', '159', '196', '197a', '197B', '542', '543', '544', '157', '188', '189'];
const oc2FailuresOf = (...args: Parameters<typeof failuresOf>) => failuresOf(...args).filter((c) => oc2Codes.includes(c));

describe('the SSDA903 OC2 table from the health and wellbeing for the year', () => {
  it('leaves immunisations, substance misuse and convictions blank when nothing is recorded, so 182, 191 and 543 ask for them', () => {
    expect(oc2Of(inCare)).toMatchObject({ IMMUNISATIONS: null, SUBSTANCE_MISUSE: null, INTERVENTION_RECEIVED: null, INTERVENTION_OFFERED: null, CONVICTED: null, TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1' });
    expect(oc2FailuresOf(inCare)).toEqual(expect.arrayContaining(['182', '191', '543']));
  });

  it.each([
    ['no problem identified', { immunisationsUpToDate: true, substanceMisuse: 'none', convicted: false }, { IMMUNISATIONS: '1', SUBSTANCE_MISUSE: '0', INTERVENTION_RECEIVED: null, INTERVENTION_OFFERED: null, CONVICTED: '0' }],
    ['an intervention received', { immunisationsUpToDate: false, substanceMisuse: 'identified', intervention: 'received', convicted: true }, { IMMUNISATIONS: '0', SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1', INTERVENTION_OFFERED: null, CONVICTED: '1' }],
    ['offered and refused', { immunisationsUpToDate: true, substanceMisuse: 'identified', intervention: 'offered_refused', convicted: false }, { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0', INTERVENTION_OFFERED: '1' }],
    ['not offered', { immunisationsUpToDate: true, substanceMisuse: 'identified', intervention: 'not_offered', convicted: false }, { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0', INTERVENTION_OFFERED: '0' }],
    // An intervention kept from history without an identified problem is not returned (193).
    ['an intervention without a problem', { immunisationsUpToDate: true, substanceMisuse: 'none', intervention: 'received', convicted: false }, { SUBSTANCE_MISUSE: '0', INTERVENTION_RECEIVED: null, INTERVENTION_OFFERED: null }],
  ])('%s: each answer to its code, and the OC2 rules pass', (_, data, expected) => {
    const events = [...inCare, wellbeing(data), ev('cic.sdq_completed', '2026-01-10T10:00:00Z', { score: 12 })];
    expect(oc2Of(events)).toMatchObject(expected);
    expect(oc2FailuresOf(events)).toEqual([]);
  });

  it('reads the latest record in the year to 31 March, not one from before 1 April or after', () => {
    const before = wellbeing({ immunisationsUpToDate: false, substanceMisuse: 'none', convicted: false }, '2025-03-31T10:00:00+01:00');
    const after = wellbeing({ immunisationsUpToDate: false, substanceMisuse: 'none', convicted: true }, '2026-04-01T10:00:00+01:00');
    expect(oc2Of([...inCare, before, after]).IMMUNISATIONS).toBeNull();
    const earlier = wellbeing({ immunisationsUpToDate: false, substanceMisuse: 'none', convicted: false }, '2025-09-01T10:00:00+01:00');
    const later = wellbeing({ immunisationsUpToDate: true, substanceMisuse: 'identified', intervention: 'received', convicted: false }, '2026-03-31T20:00:00+01:00');
    expect(oc2Of([...inCare, earlier, later, after])).toMatchObject({ IMMUNISATIONS: '1', SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1', CONVICTED: '0' });
  });

  it('returns convictions only for a child 10 or over on 31 March (542, 543)', () => {
    const events = [...inCare, wellbeing({ immunisationsUpToDate: true, substanceMisuse: 'none', convicted: false })];
    // Born 1 April 2016: 9 on 31 March 2026.
    expect(oc2Of(events, { dateOfBirth: '2016-04-01' }).CONVICTED).toBeNull();
    expect(oc2FailuresOf(events, { dateOfBirth: '2016-04-01' })).not.toContain('542');
    // Born 31 March 2016: 10 that day.
    expect(oc2Of(events, { dateOfBirth: '2016-03-31' }).CONVICTED).toBe('0');
    // 10 or over with no answer about convictions: blank, and 543 asks for it.
    const unanswered = [...inCare, wellbeing({ immunisationsUpToDate: true, substanceMisuse: 'none' })];
    expect(oc2Of(unanswered).CONVICTED).toBeNull();
    expect(oc2FailuresOf(unanswered)).toContain('543');
  });
});

describe('the SSDA903 OC2 SDQ: the score, or why there is none', () => {
  const full = [...inCare, wellbeing({ immunisationsUpToDate: true, substanceMisuse: 'none', convicted: false })];

  it.each([
    ['age', 'SDQ1'],
    ['carer_refused', 'SDQ2'],
    ['disability', 'SDQ3'],
    ['other', 'SDQ4'],
    ['child_refused', 'SDQ5'],
  ])('"%s" is SDQ_REASON %s when there is no score', (reason, code) => {
    expect(oc2Of([...full, ev('cic.sdq_not_completed', '2026-01-10T10:00:00Z', { reason })])).toMatchObject({ SDQ_SCORE: null, SDQ_REASON: code });
  });

  it('a score in the year wins over a reason (197a); none at all fails 186', () => {
    const reason = ev('cic.sdq_not_completed', '2026-01-10T10:00:00Z', { reason: 'carer_refused' });
    const score = ev('cic.sdq_completed', '2025-11-10T10:00:00Z', { score: 17 });
    expect(oc2Of([...full, score, reason])).toMatchObject({ SDQ_SCORE: '17', SDQ_REASON: null });
    expect(oc2FailuresOf([...full, score, reason])).toEqual([]);
    expect(oc2FailuresOf(full)).toEqual(['186']);
  });

  it('a reason answers 197B for a young person who turns 17 in the year; none is returned for one 17 at its start (189)', () => {
    const refused = [...full, ev('cic.sdq_not_completed', '2026-01-10T10:00:00Z', { reason: 'child_refused' })];
    // 16 on 1 April 2025, 17 by 31 March 2026.
    expect(oc2Of(refused, { dateOfBirth: '2008-09-01' }).SDQ_REASON).toBe('SDQ5');
    expect(oc2FailuresOf(refused, { dateOfBirth: '2008-09-01' })).toEqual([]);
    expect(oc2FailuresOf(full, { dateOfBirth: '2008-09-01' })).toContain('197B');
    // 17 on 1 April 2025.
    expect(oc2Of(refused, { dateOfBirth: '2008-03-01' })).toMatchObject({ SDQ_SCORE: null, SDQ_REASON: null });
  });

  it('the age reason for a child 4 to 16 all year is returned as recorded, for 157 to question it', () => {
    const age = [...full, ev('cic.sdq_not_completed', '2026-01-10T10:00:00Z', { reason: 'age' })];
    expect(oc2FailuresOf(age)).toContain('157');
  });
});
