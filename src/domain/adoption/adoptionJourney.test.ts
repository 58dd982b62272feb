import { describe, expect, it } from 'vitest';
import { dueOf, ev, obligationsOf } from '../../../test/support/standardsCases';
import { workingCalendar } from '../calendar/workingDays';
import type { WorkflowEvent } from '../records/events';
import { adoptionJourneyOf, careEndNotBefore, cprTimetable, disruptionRefusal, matchDecisionRefusal, matchPanelRefusal, onAdoptionJourney, orderRefusal, placementRefusal, shouldBePlacedRefusal, stageOf } from './adoptionJourney';

const e = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `${type}-${at}`, type, occurredAt: new Date(at), recordedByName: 'Gillian Ward', data });
const bankHolidays2026 = ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'];
const calendar = workingCalendar(bankHolidays2026);

/** A baby in care under an interim care order since January 2026, on a plan for adoption. */
const inCare = [e('cic.started', '2026-01-12T10:00:00Z', { legalStatus: 'C1' }), e('adoption.parallel_planning_agreed', '2026-01-20T10:00:00Z')];
const decided = [...inCare, e('adoption.cpr_sent_to_adm', '2026-03-02T10:00:00Z'), e('adoption.should_be_placed_decided', '2026-03-16T10:00:00Z', { decision: 'should_be_placed', decisionOn: '2026-03-16' })];
const ordered = [...decided, e('cic.legal_status_changed', '2026-04-02T14:00:00+01:00', { legalStatus: 'E1' })];
const recommended = [...ordered, e('adoption.match_recommended', '2026-05-07T10:00:00+01:00', { adopterId: 'a1', adopterName: 'Sarah and James Whitfield', recommendation: 'recommended', panelOn: '2026-05-07' })];
const matched = [...recommended, e('adoption.match_decided', '2026-05-12T10:00:00+01:00', { adopterId: 'a1', decision: 'agreed', decisionOn: '2026-05-12' })];

describe('a child’s adoption journey (Parallel Planning for Adoption 1-10)', () => {
  it('reads the stages in order', () => {
    expect(stageOf(adoptionJourneyOf(inCare))).toBe('Parallel planning');
    expect(stageOf(adoptionJourneyOf(decided))).toBe('Should be placed: awaiting a placement order');
    expect(stageOf(adoptionJourneyOf(ordered))).toBe('Authorised to place: family finding');
    expect(stageOf(adoptionJourneyOf(recommended))).toBe('Match recommended: awaiting the ADM');
    expect(stageOf(adoptionJourneyOf(matched))).toBe('Matched: awaiting placement');
    expect(onAdoptionJourney(adoptionJourneyOf([e('cic.started', '2026-01-12T10:00:00Z', { legalStatus: 'C1' })]))).toBe(false);
    // A placement order from the child's history, before Hearth had the ADM's decision: family finding.
    expect(stageOf(adoptionJourneyOf([e('cic.started', '2025-01-12T10:00:00Z', { legalStatus: 'C2' }), e('cic.legal_status_changed', '2026-01-12T10:00:00Z', { legalStatus: 'E1' })]))).toBe('Authorised to place: family finding');
  });

  it('refuses a match at panel before the ADM has decided the child should be placed, or with adopters who are not approved', () => {
    expect(matchPanelRefusal(adoptionJourneyOf(inCare), true)).toContain("before the agency decision maker has decided the child should be placed");
    expect(matchPanelRefusal(adoptionJourneyOf(ordered), false)).toContain('not approved');
    expect(matchPanelRefusal(adoptionJourneyOf(ordered), true)).toBeNull();
    expect(matchDecisionRefusal(adoptionJourneyOf(ordered))).toContain("record the panel's recommendation first");
    expect(matchDecisionRefusal(adoptionJourneyOf(recommended))).toBeNull();
    expect(matchDecisionRefusal(adoptionJourneyOf(matched))).toContain('already recorded');
  });

  it('refuses a placement for adoption without the should-be-placed decision, the authority to place, or the match', () => {
    expect(placementRefusal(adoptionJourneyOf(inCare), '2026-05-14')?.message).toContain("without the agency decision maker's decision");
    expect(placementRefusal(adoptionJourneyOf(decided), '2026-05-14')?.message).toContain('without a placement order or the parents');
    expect(placementRefusal(adoptionJourneyOf(recommended), '2026-05-14')?.message).toContain('recommended by the adoption panel and agreed by the agency decision maker');
    // The match was agreed on Tuesday 12 May: a placement dated the day before is refused.
    expect(placementRefusal(adoptionJourneyOf(matched), '2026-05-11')).toEqual({ field: 'occurredOn', message: expect.stringContaining('12 May 2026') });
    expect(placementRefusal(adoptionJourneyOf(matched), '2026-05-14')).toBeNull();
    // Consent (section 19) instead of a placement order.
    const withConsent = [...decided, e('adoption.placement_consent_given', '2026-03-20T10:00:00Z', { parent: 'Amber', givenOn: '2026-03-20' }), ...matched.slice(ordered.length)];
    expect(placementRefusal(adoptionJourneyOf(withConsent), '2026-05-14')).toBeNull();
    // The ADM not agreeing the match is no match.
    const notAgreed = [...recommended, e('adoption.match_decided', '2026-05-12T10:00:00+01:00', { adopterId: 'a1', decision: 'not_agreed' })];
    expect(placementRefusal(adoptionJourneyOf(notAgreed), '2026-05-14')).not.toBeNull();
  });

  it('needs a placement for adoption before the adoption order, and a disruption ends the match', () => {
    const placed = [...matched, e('adoption.placed', '2026-05-14T10:00:00+01:00', { adopterId: 'a1', carer: 'Sarah and James Whitfield', decisionOn: '2026-03-16', matchedOn: '2026-05-12' })];
    expect(orderRefusal(adoptionJourneyOf(matched), '2026-12-01')?.message).toContain('not placed for adoption');
    expect(orderRefusal(adoptionJourneyOf(placed), '2026-05-13')?.field).toBe('occurredOn');
    expect(orderRefusal(adoptionJourneyOf(placed), '2026-12-01')).toBeNull();
    const disrupted = adoptionJourneyOf([...placed, e('adoption.placement_disrupted', '2026-06-01T10:00:00+01:00', { summary: 'Ended' })]);
    expect([disrupted.placed, disrupted.match, disrupted.disruptions.length]).toEqual([null, null, 1]);
    expect(placementRefusal(disrupted, '2026-06-10')?.message).toContain('match');
  });
});

describe('the reviewer’s defects: the order, the disruption, the authority to place, the should-be-placed decision', () => {
  // Placed Friday 22 May 2026, across the spring bank holiday (25 May) and the August bank holiday (31 August).
  const placed = [...matched, e('adoption.placed', '2026-05-22T10:00:00+01:00', { adopterId: 'a1', carer: 'Sarah and James Whitfield', decisionOn: '2026-03-16', matchedOn: '2026-05-12' })];
  const ordered2 = [...placed, e('adoption.order_made', '2026-12-24T10:00:00Z', { court: 'Wealdmoor Family Court' }), e('cic.ended', '2026-12-24T10:00:00Z', { reason: 'adopted' })];

  it('refuses an adoption order less than 10 weeks after the placement (Adoption and Children Act 2002 s42(2)), bank holidays counted', () => {
    expect(orderRefusal(adoptionJourneyOf(placed), '2026-05-22')?.message).toContain('10 weeks');
    // 10 weeks from Friday 22 May is Friday 31 July: the Thursday before is refused.
    expect(orderRefusal(adoptionJourneyOf(placed), '2026-07-30')).toEqual({ field: 'occurredOn', message: expect.stringContaining('the earliest is 31 July 2026') });
    expect(orderRefusal(adoptionJourneyOf(placed), '2026-07-31')).toBeNull();
  });

  it('ends care no earlier than the in-care service would: after the last legal status or placement began', () => {
    const moved = adoptionJourneyOf([...placed, e('cic.placement_started', '2026-09-01T10:00:00+01:00', { carer: 'Whitfield' })]);
    expect(careEndNotBefore(moved.care)?.toISOString()).toBe('2026-09-01T09:00:00.001Z');
    expect(careEndNotBefore(adoptionJourneyOf(placed).care)?.toISOString()).toBe('2026-04-02T13:00:00.001Z');
  });

  it('refuses a disruption after the adoption order or once the child has left care', () => {
    expect(disruptionRefusal(adoptionJourneyOf(placed))).toBeNull();
    expect(disruptionRefusal(adoptionJourneyOf(ordered2))).toContain('adoption order is recorded');
    expect(disruptionRefusal(adoptionJourneyOf([...placed, e('cic.ended', '2026-08-31T10:00:00+01:00', { reason: 'other' })]))).toContain('no longer looked after');
  });

  it('refuses a match without the authority to place, and a new one while an agreed match stands', () => {
    expect(matchPanelRefusal(adoptionJourneyOf(decided), true)).toContain('without the authority to place');
    expect(matchPanelRefusal(adoptionJourneyOf(matched), true)).toContain('record that it has ended');
    const ended = [...matched, e('adoption.match_ended', '2026-05-26T10:00:00+01:00', { adopterId: 'a1', summary: 'The adopters withdrew' })];
    expect(adoptionJourneyOf(ended).match).toBeNull();
    expect(matchPanelRefusal(adoptionJourneyOf(ended), true)).toBeNull();
  });

  it('keeps the first agreed should-be-placed date, refuses a new decision once placed or ordered, and a reversal clears the match', () => {
    const again = adoptionJourneyOf([...matched, e('adoption.should_be_placed_decided', '2026-05-26T10:00:00+01:00', { decision: 'should_be_placed', decisionOn: '2026-05-26' })]);
    expect(again.shouldBePlaced?.on).toBe('2026-03-16');
    expect(again.match?.adm?.agreed).toBe(true);
    const reversed = adoptionJourneyOf([...matched, e('adoption.should_be_placed_decided', '2026-05-26T10:00:00+01:00', { decision: 'not_agreed', decisionOn: '2026-05-26' })]);
    expect([reversed.shouldBePlaced?.agreed, reversed.match]).toEqual([false, null]);
    const redecided = adoptionJourneyOf([...matched, e('adoption.should_be_placed_decided', '2026-05-26T10:00:00+01:00', { decision: 'not_agreed', decisionOn: '2026-05-26' }), e('adoption.should_be_placed_decided', '2026-06-01T10:00:00+01:00', { decision: 'should_be_placed', decisionOn: '2026-06-01' })]);
    expect(redecided.shouldBePlaced?.on).toBe('2026-06-01');
    expect(shouldBePlacedRefusal(adoptionJourneyOf(matched))).toBeNull();
    expect(shouldBePlacedRefusal(adoptionJourneyOf(placed))).toContain('placed for adoption');
    expect(shouldBePlacedRefusal(adoptionJourneyOf(ordered2))).toContain('adoption order');
  });
});

describe('the CPR timetable counted back from the Final Evidence and Care Plan date (Parallel Planning 8-9)', () => {
  it('counts calendar weeks back, and says when a date is a bank holiday or weekend', () => {
    // Final evidence Monday 1 June 2026: 4 weeks back is Monday 4 May (early May bank holiday: plan for Friday 1 May);
    // 2 weeks back Monday 18 May; 1 week back Monday 25 May (spring bank holiday: plan for Friday 22 May).
    expect(cprTimetable('2026-06-01', calendar.isWorkingDay).map((t) => [t.step, t.on, t.workingDay])).toEqual([
      ['cprCompleted', '2026-05-04', '2026-05-01'],
      ['cprFinalised', '2026-05-18', '2026-05-18'],
      ['cprToAdm', '2026-05-18', '2026-05-18'],
      ['evidenceToManager', '2026-05-25', '2026-05-22'],
    ]);
    // Final evidence Friday 10 April 2026: 4 weeks back Friday 13 March, 2 weeks back Friday 27 March, and 1 week back
    // Friday 3 April, Good Friday: the final evidence goes to the manager by Thursday 2 April.
    expect(cprTimetable('2026-04-10', calendar.isWorkingDay).map((t) => t.workingDay)).toEqual(['2026-03-13', '2026-03-27', '2026-03-27', '2026-04-02']);
  });
});

describe('the catalogue’s reviews after placement for adoption, with the events this part writes (Reviews for Children in Care 60)', () => {
  it('first review within 4 weeks of placement on Maundy Thursday, the second 3 months after it, then 6-monthly', () => {
    const events = [
      ev('cic.started', '2026-01-12T10:00:00Z', { legalStatus: 'C1' }),
      ev('cic.legal_status_changed', '2026-03-02T10:00:00Z', { legalStatus: 'E1' }),
      // Placed Thursday 2 April 2026, before Good Friday and Easter Monday: 4 weeks is Thursday 30 April, bank holidays or not.
      ev('adoption.placed', '2026-04-02T15:00:00+01:00', { decisionOn: '2026-02-16', matchedOn: '2026-03-24', withCurrentCarers: false, carer: 'Sarah and James Whitfield' }),
      ev('cic.review_held', '2026-04-29T10:00:00+01:00'),
      // The second is due Wednesday 29 July; held late on Tuesday 4 August (after the summer).
      ev('cic.review_held', '2026-08-04T10:00:00+01:00'),
    ];
    expect(obligationsOf('adoption.first-review', events).map((o) => [dueOf(o), o.outcome])).toEqual([['2026-04-30', 'met']]);
    expect(obligationsOf('adoption.second-review', events).map((o) => [dueOf(o), o.outcome])).toEqual([['2026-07-29', 'met_late']]);
    // 6 months from Tuesday 4 August: Thursday 4 February 2027, still open.
    expect(obligationsOf('adoption.review', events).map((o) => [dueOf(o), o.outcome])).toEqual([['2027-02-04', 'open']]);
    // The placement order's 3-month review is cancelled by the placement for adoption (Permanency Planning Meetings 5).
    expect(obligationsOf('adoption.placement-order-review-3-months', events).map((o) => o.outcome)).toEqual(['cancelled']);
  });

  it('the adoption order ends the 6-monthly reviews', () => {
    const events = [
      ev('cic.started', '2026-01-12T10:00:00Z', { legalStatus: 'E1' }),
      ev('adoption.placed', '2026-05-22T10:00:00+01:00', { carer: 'Whitfield' }),
      ev('cic.review_held', '2026-06-18T10:00:00+01:00'),
      ev('cic.review_held', '2026-09-10T10:00:00+01:00'),
      ev('adoption.order_made', '2026-12-24T10:00:00Z', { court: 'Wealdmoor Family Court' }),
      ev('cic.ended', '2026-12-24T10:00:00Z', { reason: 'adopted' }),
    ];
    // Friday 22 May + 4 weeks = Friday 19 June (25 May, the spring bank holiday, makes no difference to weeks).
    expect(obligationsOf('adoption.first-review', events).map((o) => [dueOf(o), o.outcome])).toEqual([['2026-06-19', 'met']]);
    expect(obligationsOf('adoption.review', events).map((o) => [dueOf(o), o.outcome])).toEqual([['2027-03-10', 'cancelled']]);
  });
});
