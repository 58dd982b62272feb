import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../calendar/workingDays';
import { emptyDetails, type PersonDetails } from '../../people/personDetails';
import type { WorkflowEvent } from '../../records/events';
import { collectionPeriod } from '../collectionYear';
import type { ProviderFacts, ReturnContext, ReturnSubject } from '../subject';
import { ssda903ChildOf } from './ssda903Projection';

let n = 0;
const ev = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++n}`, type, occurredAt: new Date(at), recordedByName: 'Sam Worker', data });

const providers = new Map<string, ProviderFacts>([
  ['ifa', { id: 'ifa', kind: 'independent_fostering_agency', urn: 'SC123456', postcode: 'OX1 1AA' }],
  ['home', { id: 'home', kind: 'childrens_home', urn: 'SC654321', postcode: 'RG1 2BB' }],
]);
const context = (year = 2026): ReturnContext => ({ period: collectionPeriod(year), laCode: '931', providers, calendar: workingCalendar([]) });

const child = (events: WorkflowEvent[], details: Partial<PersonDetails> = {}): ReturnSubject => ({
  personId: 'p1',
  childId: 'C1',
  details: { ...emptyDetails, givenNames: 'Leo', familyName: 'Taylor', dateOfBirth: '2015-06-15', gender: 'M', ethnicity: 'WBRI', upn: 'A123456789012', ...details },
  addresses: [{ postcode: 'ox4 3ab', from: '2015-06-15' }],
  events,
});

// Came into care under an interim care order, placed with the authority's own foster carers.
const start = [
  ev('assessment.completed', '2025-04-20T10:00:00+01:00', { primaryNeed: 'abuse_or_neglect' }),
  ev('cic.started', '2025-05-01T16:00:00+01:00', { legalStatus: 'C1' }),
  ev('cic.placement_started', '2025-05-01T18:00:00+01:00', { setting: 'in_house_fostering', carer: 'Mr and Mrs Green', postcode: 'ox4 1zz', placementId: 'pl1' }),
];

describe('ssda903ChildOf: episodes of care (SSDA903 Episodes table)', () => {
  it('starts an episode when the child comes into care (RNE S), with the legal status, placement, provider, need and home', () => {
    const tables = ssda903ChildOf(child(start), context())!;
    expect(tables.episodes).toEqual([
      { CHILD: 'C1', DECOM: '2025-05-01', RNE: 'S', LS: 'C1', CIN: 'N1', PLACE: 'U6', PLACE_PROVIDER: 'PR1', DEC: null, REC: null, REASON_PLACE_CHANGE: null, HOME_POST: 'OX4 3AB', PL_POST: 'OX4 1ZZ', URN: null },
    ]);
    expect(tables.header).toEqual([{ CHILD: 'C1', SEX: '1', DOB: '2015-06-15', ETHNIC: 'WBRI', UPN: 'A123456789012', MOTHER: null, MC_DOB: null }]);
  });

  it('a placement move mid-year makes two episodes: the first ends X1 with the reason for the move, the next is P with the new provider', () => {
    const events = [
      ...start,
      ev('cic.placement_ended', '2025-09-10T11:00:00+01:00', { reason: 'breakdown', placementId: 'pl1' }),
      ev('cic.placement_started', '2025-09-10T11:00:00+01:00', { setting: 'independent_fostering', providerId: 'ifa', carer: 'Ms Blue', placementId: 'pl2', move: true }),
      ev('placements.disruption_review_held', '2025-10-01T10:00:00+01:00', { placementId: 'pl1', causes: ['behaviour'] }),
    ];
    const [first, second, ...rest] = ssda903ChildOf(child(events), context())!.episodes;
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ DECOM: '2025-05-01', RNE: 'S', DEC: '2025-09-10', REC: 'X1', REASON_PLACE_CHANGE: 'CREQB', PLACE: 'U6' });
    expect(second).toMatchObject({ DECOM: '2025-09-10', RNE: 'P', LS: 'C1', PLACE: 'U6', PLACE_PROVIDER: 'PR4', PL_POST: 'OX1 1AA', URN: 'SC123456', DEC: null, REC: null });
    // Without the review's finding, the carers' request is not put down to the child's behaviour.
    const unreviewed = ssda903ChildOf(child(events.slice(0, -1)), context())!.episodes;
    expect(unreviewed[0]!.REASON_PLACE_CHANGE).toBe('CREQO');
  });

  it('a change of legal status alone makes an episode L (rules-2024-25.csv 434), with the placement as it was', () => {
    const events = [...start, ev('cic.legal_status_changed', '2025-11-03T10:00:00Z', { legalStatus: 'C2' })];
    const rows = ssda903ChildOf(child(events), context())!.episodes;
    expect(rows.map((r) => [r.DECOM, r.RNE, r.LS, r.PLACE, r.DEC, r.REC, r.REASON_PLACE_CHANGE])).toEqual([
      ['2025-05-01', 'S', 'C1', 'U6', '2025-11-03', 'X1', null],
      ['2025-11-03', 'L', 'C2', 'U6', null, null, null],
    ]);
  });

  it('a legal status change and a move on the same day make one episode B (436); with the same carers, U', () => {
    const both = [
      ...start,
      ev('cic.legal_status_changed', '2025-11-03T09:00:00Z', { legalStatus: 'C2' }),
      ev('cic.placement_ended', '2025-11-03T15:00:00Z', { reason: 'care_plan', placementId: 'pl1' }),
      ev('cic.placement_started', '2025-11-03T15:00:00Z', { setting: 'residential', providerId: 'home', carer: 'Oak House', placementId: 'pl2' }),
    ];
    const rows = ssda903ChildOf(child(both), context())!.episodes;
    expect(rows.map((r) => [r.RNE, r.LS, r.PLACE, r.PLACE_PROVIDER, r.REC, r.REASON_PLACE_CHANGE])).toEqual([
      ['S', 'C1', 'U6', 'PR1', 'X1', 'CARPL'],
      ['B', 'C2', 'K2', 'PR4', null, null],
    ]);
    // A placement order and placement for adoption with the foster carers on one day: U, A5 (217).
    const adopting = [
      ...start,
      ev('cic.legal_status_changed', '2025-12-01T10:00:00Z', { legalStatus: 'E1' }),
      ev('adoption.placed', '2025-12-01T12:00:00Z', { withCurrentCarers: true, decisionOn: '2025-10-20' }),
    ];
    const adoptingRows = ssda903ChildOf(child(adopting), context())!.episodes;
    expect(adoptingRows.map((r) => [r.RNE, r.LS, r.PLACE, r.REC, r.REASON_PLACE_CHANGE])).toEqual([
      ['S', 'C1', 'U6', 'X1', 'PLACE'],
      ['U', 'E1', 'A5', null, null],
    ]);
  });

  it('a foster placement becoming long-term with the same carers is T, its status changed (REASON_PLACE_CHANGE PLACE)', () => {
    const events = [
      ...start,
      ev('cic.permanency_plan_established', '2025-08-01T10:00:00+01:00', { option: 'long_term_fostering' }),
      ev('cic.permanence_achieved', '2025-10-01T10:00:00+01:00', {}),
    ];
    const rows = ssda903ChildOf(child(events), context())!.episodes;
    expect(rows.map((r) => [r.DECOM, r.RNE, r.PLACE, r.REC, r.REASON_PLACE_CHANGE])).toEqual([
      ['2025-05-01', 'S', 'U6', 'X1', 'PLACE'],
      ['2025-10-01', 'T', 'U4', null, null],
    ]);
  });

  it('an ended period of care ends its last episode with the reason care ended (REC), and its date (DEC)', () => {
    const events = [...start, ev('cic.ended', '2026-01-15T12:00:00Z', { reason: 'home' })];
    const [row] = ssda903ChildOf(child(events), context())!.episodes;
    expect(row).toMatchObject({ DEC: '2026-01-15', REC: 'E4A' });
    const sgo = [...start, ev('cic.ended', '2026-01-15T12:00:00Z', { reason: 'special_guardianship' })];
    // Special guardianship to the foster carers, who are not family: E46 (516).
    expect(ssda903ChildOf(child(sgo), context())!.episodes[0]!.REC).toBe('E46');
  });

  it('leaves out episodes that ended before the year, and what happened after 31 March', () => {
    const before = [...start, ev('cic.ended', '2025-12-01T12:00:00Z', { reason: 'home' })];
    // The 2027 return (April 2026 to March 2027) has nothing of a period that ended in December 2025.
    expect(ssda903ChildOf(child(before), context(2027))).toBeNull();
    // The 2025 return (April 2024 to March 2025) has nothing of a period that began in May 2025.
    expect(ssda903ChildOf(child(before), context(2025))).toBeNull();
    // An episode open across 31 March is open in that year's return, though it later ended.
    const later = [...start, ev('cic.legal_status_changed', '2026-05-01T10:00:00+01:00', { legalStatus: 'C2' })];
    const rows = ssda903ChildOf(child(later), context(2026))!.episodes;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ DEC: null, REC: null });
    // Next year: the episode that began before 1 April is included, with the one after it.
    expect(ssda903ChildOf(child(later), context(2027))!.episodes.map((r) => [r.DECOM, r.RNE])).toEqual([
      ['2025-05-01', 'S'],
      ['2026-05-01', 'L'],
    ]);
  });

  it('dates episodes by the day in London: 23:30 UTC on 4 June in summer is 5 June', () => {
    const events = [...start, ev('cic.legal_status_changed', '2025-06-04T23:30:00Z', { legalStatus: 'C2' })];
    expect(ssda903ChildOf(child(events), context())!.episodes[1]!.DECOM).toBe('2025-06-05');
  });

  it('a second period of care starts again with S, the first ending with its own reason', () => {
    const events = [
      ...start,
      ev('cic.ended', '2025-07-01T12:00:00+01:00', { reason: 'home' }),
      ev('cic.started', '2025-12-01T12:00:00Z', { legalStatus: 'V2', gapReason: 'Home broke down' }),
      ev('cic.placement_started', '2025-12-01T13:00:00Z', { setting: 'connected_person', carer: 'Gran', placementId: 'pl3' }),
    ];
    const rows = ssda903ChildOf(child(events), context())!.episodes;
    expect(rows.map((r) => [r.DECOM, r.RNE, r.LS, r.PLACE, r.DEC, r.REC])).toEqual([
      ['2025-05-01', 'S', 'C1', 'U6', '2025-07-01', 'E4A'],
      ['2025-12-01', 'S', 'V2', 'U3', null, null],
    ]);
  });
});

describe('ssda903ChildOf: history imported from an earlier return', () => {
  it('keeps the codes the earlier return gave (data.dfeCodes on imported events) where Hearth’s words say less, and the need recorded when care began', () => {
    const imported = { imported: 'ssda903-2025' };
    const events = [
      ev('cic.started', '2024-06-01T10:00:00+01:00', { legalStatus: 'V2', primaryNeed: 'family_dysfunction', ...imported }),
      ev('cic.placement_started', '2024-06-01T10:00:00+01:00', { setting: 'other', placementId: 'i1', ...imported, dfeCodes: { PLACE: 'R2', PLACE_PROVIDER: 'PR3', URN: 'XXXXXXX' } }),
      ev('cic.placement_ended', '2024-07-01T10:00:00+01:00', { reason: 'care_plan', placementId: 'i1', ...imported, dfeCodes: { REASON_PLACE_CHANGE: 'LAREQ' } }),
      ev('cic.placement_started', '2024-07-01T10:00:00+01:00', { setting: 'connected_person', placementId: 'i2', ...imported, dfeCodes: { PLACE: 'U2', PLACE_PROVIDER: 'PR1' } }),
      ev('cic.review_held', '2024-08-01T10:00:00+01:00', { childParticipation: 'attended', ...imported, dfeCodes: { REVIEW_CODE: 'PN4' } }),
      ev('cic.ended', '2025-01-10T10:00:00Z', { reason: 'home', ...imported, dfeCodes: { REC: 'E4B' } }),
      ev('assessment.completed', '2024-05-01T10:00:00+01:00', { primaryNeed: 'abuse_or_neglect' }),
    ];
    const tables = ssda903ChildOf(child(events), context(2025))!;
    expect(tables.episodes.map((r) => [r.RNE, r.CIN, r.PLACE, r.PLACE_PROVIDER, r.URN, r.REC, r.REASON_PLACE_CHANGE])).toEqual([
      ['S', 'N5', 'R2', 'PR3', 'XXXXXXX', 'X1', 'LAREQ'],
      ['P', 'N5', 'U2', 'PR1', null, 'E4B', null],
    ]);
    expect(tables.reviews[0]!.REVIEW_CODE).toBe('PN4');
    // Codes on an event a worker recorded are not read: the worker's words are.
    const recorded = events.map((e) => ({ ...e, data: { ...e.data, imported: undefined } }));
    expect(ssda903ChildOf(child(recorded), context(2025))!.episodes.map((r) => [r.PLACE, r.REC])).toEqual([
      ['Z1', 'X1'],
      ['U3', 'E4A'],
    ]);
  });
});

describe('ssda903ChildOf: the other tables', () => {
  it('writes each review in the year with how the child took part; PN0 for a child under 4 (440, 441)', () => {
    const events = [...start, ev('cic.review_held', '2025-05-20T10:00:00+01:00', { childParticipation: 'views_shared' }), ev('cic.review_held', '2025-11-20T10:00:00Z', { childParticipation: 'attended' })];
    expect(ssda903ChildOf(child(events), context())!.reviews).toEqual([
      { CHILD: 'C1', DOB: '2015-06-15', REVIEW: '2025-05-20', REVIEW_CODE: 'PN6' },
      { CHILD: 'C1', DOB: '2015-06-15', REVIEW: '2025-11-20', REVIEW_CODE: 'PN1' },
    ]);
    const baby = ssda903ChildOf(child(events, { dateOfBirth: '2023-01-01' }), context())!;
    expect(baby.reviews.map((r) => r.REVIEW_CODE)).toEqual(['PN0', 'PN0']);
  });

  it('writes missing and away episodes that began in the year while looked after (M, A), open ones without an end', () => {
    const events = [
      ...start,
      ev('cic.missing_started', '2025-07-01T22:00:00+01:00', { kind: 'missing', from: 'placement' }),
      ev('cic.missing_ended', '2025-07-02T09:00:00+01:00', { whereFound: 'Friend' }),
      ev('cic.missing_started', '2026-03-30T22:00:00+01:00', { kind: 'absent', from: 'school' }),
    ];
    expect(ssda903ChildOf(child(events), context())!.missing).toEqual([
      { CHILD: 'C1', DOB: '2015-06-15', MISSING: 'M', MIS_START: '2025-07-01', MIS_END: '2025-07-02' },
      { CHILD: 'C1', DOB: '2015-06-15', MISSING: 'A', MIS_START: '2026-03-30', MIS_END: null },
    ]);
  });

  it('writes a UASC row for an unaccompanied asylum-seeking child, ceasing on their 18th birthday', () => {
    expect(ssda903ChildOf(child(start, { uasc: true, dateOfBirth: '2009-02-28', gender: 'F' }), context())!.uasc).toEqual([{ CHILD: 'C1', SEX: '2', DOB: '2009-02-28', DUC: '2027-02-28' }]);
    expect(ssda903ChildOf(child(start), context())!.uasc).toEqual([]);
  });

  it('writes OC2 for a child looked after for 12 months at 31 March, from the health events in the year', () => {
    const events = [
      ...start,
      ev('cic.health_assessment_completed', '2025-10-01T10:00:00+01:00', { kind: 'review' }),
      ev('cic.sdq_completed', '2025-10-02T10:00:00+01:00', { score: '14' }),
    ];
    // Came into care on 1 May 2025: not yet 12 months at 31 March 2026.
    expect(ssda903ChildOf(child(events), context(2026))!.oc2).toEqual([]);
    const laterYear = [...events, ev('cic.health_check_completed', '2026-06-01T10:00:00+01:00', { kind: 'dental' }), ev('cic.sdq_completed', '2026-10-02T10:00:00+01:00', { score: '9' })];
    expect(ssda903ChildOf(child(laterYear), context(2027))!.oc2).toEqual([
      { CHILD: 'C1', DOB: '2015-06-15', SDQ_SCORE: '9', SDQ_REASON: null, CONVICTED: null, HEALTH_CHECK: null, IMMUNISATIONS: null, TEETH_CHECK: '1', HEALTH_ASSESSMENT: '0', SUBSTANCE_MISUSE: null, INTERVENTION_RECEIVED: null, INTERVENTION_OFFERED: null },
    ]);
  });

  it('writes OC3 for a care leaver around their 17th to 21st birthday, from the circumstances recorded for it', () => {
    // Looked after from 14 to 18; the 19th birthday (15 June 2025) is in the 2026 return.
    const leaver = [
      ev('cic.started', '2020-09-01T10:00:00+01:00', { legalStatus: 'C2' }),
      ev('cic.placement_started', '2020-09-01T11:00:00+01:00', { setting: 'in_house_fostering', carer: 'Mr and Mrs Green' }),
      ev('cic.ended', '2024-06-15T10:00:00+01:00', { reason: 'eighteen' }),
      ev('care_leaver.circumstances_updated', '2025-06-20T10:00:00+01:00', { age: 19, activity: 'education', accommodation: 'higher_education', suitable: true, inTouch: true }),
    ];
    const subject = child(leaver, { dateOfBirth: '2006-06-15' });
    const tables = ssda903ChildOf(subject, context(2026))!;
    expect(tables.episodes).toEqual([]);
    expect(tables.oc3).toEqual([{ CHILD: 'C1', DOB: '2006-06-15', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'U1' }]);
    expect(tables.header).toHaveLength(1);
    // Not in touch: activity and accommodation 0 (345).
    const lost = [...leaver.slice(0, 3), ev('care_leaver.circumstances_updated', '2025-06-20T10:00:00+01:00', { age: 19, activity: 'neet', accommodation: 'not_known', suitable: false, inTouch: false })];
    expect(ssda903ChildOf(child(lost, { dateOfBirth: '2006-06-15' }), context(2026))!.oc3).toEqual([{ CHILD: 'C1', DOB: '2006-06-15', IN_TOUCH: 'NO', ACTIV: '0', ACCOM: '0' }]);
    // Nothing recorded: a blank row, for the rules to ask for it.
    expect(ssda903ChildOf(child(leaver.slice(0, 3), { dateOfBirth: '2006-06-15' }), context(2026))!.oc3).toEqual([{ CHILD: 'C1', DOB: '2006-06-15', IN_TOUCH: null, ACTIV: null, ACCOM: null }]);
    // No birthday from 17 to 21 in the year (the 22nd), and never looked after: no return at all.
    expect(ssda903ChildOf(subject, context(2029))).toBeNull();
    expect(ssda903ChildOf(child([], { dateOfBirth: '2006-06-15' }), context(2026))).toBeNull();
  });

  it('leaves out of OC3 a young person still looked after on their 17th birthday (1007), or one who left care without the 13 weeks', () => {
    const stillInCare = [ev('cic.started', '2020-09-01T10:00:00+01:00', { legalStatus: 'C2' })];
    const tables = ssda903ChildOf(child(stillInCare, { dateOfBirth: '2008-06-15' }), context(2026))!;
    expect(tables.episodes).toHaveLength(1);
    expect(tables.oc3).toEqual([]);
    const brief = [ev('cic.started', '2025-01-01T10:00:00Z', { legalStatus: 'V2' }), ev('cic.ended', '2025-02-01T10:00:00Z', { reason: 'home' })];
    expect(ssda903ChildOf(child(brief, { dateOfBirth: '2008-06-15' }), context(2026))).toBeNull();
  });

  it('writes placed for adoption and AD1 for a child placed and adopted, with the dates Hearth holds', () => {
    const events = [
      ...start,
      ev('cic.legal_status_changed', '2025-06-01T10:00:00+01:00', { legalStatus: 'E1' }),
      ev('adoption.placed', '2025-08-01T10:00:00+01:00', { carer: 'Mr and Mrs White', decisionOn: '2025-06-20', matchedOn: '2025-07-15' }),
      ev('adoption.order_made', '2026-02-01T10:00:00Z', {}),
      ev('cic.ended', '2026-02-01T11:00:00Z', { reason: 'adopted' }),
    ];
    const tables = ssda903ChildOf(child(events), context())!;
    expect(tables.episodes.map((r) => [r.RNE, r.LS, r.PLACE, r.PLACE_PROVIDER, r.REC, r.REASON_PLACE_CHANGE])).toEqual([
      ['S', 'C1', 'U6', 'PR1', 'X1', null],
      ['L', 'E1', 'U6', 'PR1', 'X1', 'CARPL'],
      ['P', 'E1', 'A6', 'PR1', 'E11', null],
    ]);
    expect(tables.placed_for_adoption).toEqual([{ CHILD: 'C1', DOB: '2015-06-15', DATE_PLACED: '2025-06-20', DATE_PLACED_CEASED: null, REASON_PLACED_CEASED: null }]);
    expect(tables.ad1).toEqual([{ CHILD: 'C1', DOB: '2015-06-15', DATE_INT: '2025-06-20', DATE_MATCH: '2025-07-15', FOSTER_CARE: '0', NB_ADOPTR: null, SEX_ADOPTR: null, LS_ADOPTR: null }]);
  });

  it('writes a placed for adoption row for each agreed should-be-placed decision, ceased on a reversal (issue 11)', () => {
    const events = [
      ...start,
      // Agreed Friday 20 June 2025, agreed again on 1 July (the first date stands), reversed on Tuesday 26 August after
      // the summer bank holiday, then agreed again on Monday 29 December, between the Christmas bank holidays and New Year's Day.
      ev('adoption.should_be_placed_decided', '2025-06-20T10:00:00+01:00', { decision: 'should_be_placed', decisionOn: '2025-06-20' }),
      ev('adoption.should_be_placed_decided', '2025-07-01T10:00:00+01:00', { decision: 'should_be_placed', decisionOn: '2025-07-01' }),
      ev('adoption.should_be_placed_decided', '2025-08-26T10:00:00+01:00', { decision: 'not_agreed', decisionOn: '2025-08-26' }),
      ev('adoption.should_be_placed_decided', '2025-12-29T10:00:00Z', { decision: 'should_be_placed', decisionOn: '2025-12-29' }),
    ];
    const tables = ssda903ChildOf(child(events), context())!;
    expect(tables.placed_for_adoption.map((r) => [r.DATE_PLACED, r.DATE_PLACED_CEASED, r.REASON_PLACED_CEASED])).toEqual([
      ['2025-06-20', '2025-08-26', 'RD4'],
      ['2025-12-29', null, null],
    ]);
  });

  it('is null for a child never looked after', () => {
    expect(ssda903ChildOf(child([ev('contact.received', '2025-05-01T10:00:00+01:00')]), context())).toBeNull();
  });
});

describe('ssda903ChildOf: the header, as far as the record knows it', () => {
  const inHouse = new Map<string, ProviderFacts>([...providers, ['own', { id: 'own', kind: 'in_house_fostering', urn: 'SC900100', postcode: 'OX2 9ZZ' }]]);
  const withOwnService = (): ReturnContext => ({ ...context(), providers: inHouse });

  it("says why there is no UPN where the record knows (rules-2024-25.csv 168, 209, 210, 442): UN1 under school age, UN2 an unaccompanied asylum-seeking child, UN4 new to care in the year's last week", () => {
    const upn = (details: Partial<PersonDetails>, events = start) => ssda903ChildOf(child(events, { upn: null, ...details }), context())!.header[0]!.UPN;
    // School age for 2025-26 counts from 31 August 2024: 4 by then is of school age.
    expect(upn({ dateOfBirth: '2020-09-01' })).toBe('UN1');
    expect(upn({ dateOfBirth: '2020-08-31' })).toBeNull();
    expect(upn({ uasc: true })).toBe('UN2');
    const late = [ev('cic.started', '2026-03-24T16:00:00Z', { legalStatus: 'V2' }), ev('cic.placement_started', '2026-03-24T18:00:00Z', { setting: 'in_house_fostering', carer: 'A', placementId: 'x' })];
    expect(upn({}, late)).toBe('UN4');
    expect(upn({}, [ev('cic.started', '2026-03-23T16:00:00Z', { legalStatus: 'V2' }), ...late.slice(1)])).toBeNull();
  });

  it("records whether a young woman looked after is a mother, with her first child's date of birth; not asked of a boy (393, 165, 607)", () => {
    const header = (details: Partial<PersonDetails>, ownChildren: { dateOfBirth: string | null }[]) => ssda903ChildOf({ ...child(start, details), ownChildren }, context())!.header[0]!;
    expect(header({ gender: 'F' }, [])).toMatchObject({ SEX: '2', MOTHER: '0', MC_DOB: null });
    expect(header({ gender: 'F' }, [{ dateOfBirth: '2025-12-01' }, { dateOfBirth: '2025-08-01' }])).toMatchObject({ MOTHER: '1', MC_DOB: '2025-08-01' });
    // A child born after 31 March is not in this year's return.
    expect(header({ gender: 'F' }, [{ dateOfBirth: '2026-05-01' }])).toMatchObject({ MOTHER: '0' });
    expect(header({ gender: 'M' }, [{ dateOfBirth: '2025-08-01' }])).toMatchObject({ MOTHER: null, MC_DOB: null });
    // A care leaver with only an OC3 row this year: not asked (628).
    const leaver = { ...child([ev('cic.started', '2022-01-10T10:00:00Z', { legalStatus: 'C2' }), ev('cic.placement_started', '2022-01-10T11:00:00Z', { setting: 'in_house_fostering', carer: 'A', placementId: 'q' }), ev('cic.ended', '2024-06-01T10:00:00+01:00', { reason: 'eighteen' })], { gender: 'F', dateOfBirth: '2006-06-01' }), ownChildren: [{ dateOfBirth: '2025-01-01' }] };
    const tables = ssda903ChildOf(leaver, context());
    expect(tables?.oc3).toHaveLength(1);
    expect(tables?.header[0]).toMatchObject({ MOTHER: null, MC_DOB: null });
  });

  it("gives a foster placement recorded without a provider the URN of the authority's own fostering service, with the carers' postcode (218)", () => {
    const [episode] = ssda903ChildOf(child(start), withOwnService())!.episodes;
    expect(episode).toMatchObject({ URN: 'SC900100', PL_POST: 'OX4 1ZZ' });
    const twoServices = new Map([...inHouse, ['own2', { id: 'own2', kind: 'in_house_fostering', urn: 'SC900200', postcode: null }]]);
    expect(ssda903ChildOf(child(start), { ...context(), providers: twoServices })!.episodes[0]!.URN).toBeNull();
  });
});
