import { describe, expect, it } from 'vitest';
import { dueOf, ev, obligationsOf, stateAt } from '../../test/support/standardsCases';
import { criterionChoices } from '../domain/panel/criteria';
import { panelReasons } from './resourceAndCarePanelPolicy';

// Dates used: the spring bank holiday Monday 25 May 2026; Christmas Day Friday 25 December 2026,
// Boxing Day's substitute Monday 28 December 2026 and New Year's Day Friday 1 January 2027. The
// panel meets on Thursdays.

describe('Purpose of Resource and Care Panel', () => {
  it('panel.newly-looked-after: at the panel within 7 days of becoming looked after (1.1 c)', () => {
    // In care on Thursday 24 December 2026, after that day's panel: + 7 days = Thursday 31 December,
    // the next panel (Christmas and Boxing Day's substitute do not matter to calendar days).
    const inCare = ev('cic.started', '2026-12-24T15:00:00Z', { legalStatus: 'V2' });
    const [met] = obligationsOf('panel.newly-looked-after', [inCare, ev('panel.considered', '2026-12-31T14:00:00Z', { reason: 'newly_looked_after' })]);
    expect(dueOf(met!)).toBe('2026-12-31');
    expect(met!.outcome).toBe('met');
    const [open] = obligationsOf('panel.newly-looked-after', [inCare]);
    expect(stateAt(open!, new Date('2027-01-01T00:00:00Z'))).toBe('overdue');
    const [left] = obligationsOf('panel.newly-looked-after', [inCare, ev('cic.ended', '2026-12-28T10:00:00Z')]);
    expect(left!.outcome).toBe('cancelled');
  });
});

describe('Principles of this Policy', () => {
  it('panel.leaving-care-placement: after the last review, before the 18th birthday (1.4 g)', () => {
    // Born 2 January 2009: 18 on Saturday 2 January 2027. "Before the birthday" is the day before,
    // Friday 1 January 2027, New Year's Day: a calendar day, not moved off the bank holiday.
    const facts = { dateOfBirth: '2009-01-02' };
    const lastReview = ev('cic.review_held', '2026-11-05T10:00:00Z', { lastBeforeEighteen: true, externalPlacementAfterEighteen: true });
    const atPanel = (at: string, reason = 'leaving_care_placement') => ev('panel.considered', at, { reason });
    const [met] = obligationsOf('panel.leaving-care-placement', [lastReview, atPanel('2026-12-31T14:00:00Z')], facts);
    expect(dueOf(met!)).toBe('2027-01-01');
    expect(met!.outcome).toBe('met');
    const [late] = obligationsOf('panel.leaving-care-placement', [lastReview, atPanel('2027-01-07T14:00:00Z')], facts);
    expect(late!.outcome).toBe('met_late');
    // A presentation before the last review, or for something else, is not this one.
    const [notYet] = obligationsOf('panel.leaving-care-placement', [atPanel('2026-10-01T13:00:00+01:00'), lastReview, atPanel('2026-12-10T14:00:00Z', 'support_package')], facts);
    expect(notYet!.outcome).toBe('open');
    expect(stateAt(notYet!, new Date('2027-01-02T00:00:00Z'))).toBe('overdue');
    // No external placement planned, or the review after the birthday: none.
    expect(obligationsOf('panel.leaving-care-placement', [ev('cic.review_held', '2026-11-05T10:00:00Z', { lastBeforeEighteen: true })], facts)).toEqual([]);
    expect(obligationsOf('panel.leaving-care-placement', [ev('cic.review_held', '2027-01-05T10:00:00Z', { lastBeforeEighteen: true, externalPlacementAfterEighteen: true })], facts)).toEqual([]);
  });
});

describe('Referral Process to Panel', () => {
  it('panel.referral-deadline: 3 working days before each panel, over the spring bank holiday (I.9)', () => {
    // Thursday 28 May 2026 is day 0: Wed 27 (1), Tue 26 (2); Monday 25 May is a bank holiday; Fri 22 May (3).
    // Thursday 4 June: Wed 3 (1), Tue 2 (2), Mon 1 June (3); the referral of 22 May was for the earlier panel.
    const obligations = obligationsOf('panel.referral-deadline', [
      ev('panel.referral_submitted', '2026-05-22T16:00:00+01:00'),
      ev('panel.considered', '2026-05-28T14:00:00+01:00', { reason: 'care_needed' }),
      ev('panel.considered', '2026-06-04T14:00:00+01:00', { reason: 'review' }),
    ]);
    expect(obligations.map((o) => [dueOf(o), o.outcome])).toEqual([
      ['2026-05-22', 'met'],
      ['2026-06-01', 'missed'],
    ]);
    const [late] = obligationsOf('panel.referral-deadline', [ev('panel.referral_submitted', '2026-05-26T09:00:00+01:00'), ev('panel.considered', '2026-05-28T14:00:00+01:00')]);
    expect(late!.outcome).toBe('met_late');
  });
});

describe('Outcomes and Decision Making', () => {
  it("panel.decision-recorded: on the child's record the day of the panel, before New Year's Day (I.18)", () => {
    const panel = ev('panel.considered', '2026-12-31T14:30:00Z', { reason: 'support_package' });
    const [met] = obligationsOf('panel.decision-recorded', [panel, ev('panel.decision_made', '2026-12-31T16:00:00Z', { decision: 'approved' })]);
    // Thursday 31 December itself (0 days), not the next working day (Monday 4 January).
    expect(dueOf(met!)).toBe('2026-12-31');
    expect(met!.outcome).toBe('met');
    const [late] = obligationsOf('panel.decision-recorded', [panel, ev('panel.decision_made', '2027-01-04T09:00:00Z', { decision: 'approved' })]);
    expect(late!.outcome).toBe('met_late');
  });
});

describe('Outcomes and Decision Making: the dates the panel sets', () => {
  const presented = (at: string) => ev('panel.considered', at, { reason: 'review' });

  it('panel.return-to-panel: back at panel by the return date on the decision sheet (1.20, Appendix A Part B)', () => {
    // Approved on Thursday 21 May 2026 with a return date of Thursday 27 August 2026, the panel before
    // the summer bank holiday (Monday 31 August): a date the panel set, not counted in working days.
    const decided = ev('panel.decision_made', '2026-05-21T16:00:00+01:00', { decision: 'approved', returnDate: '2026-08-27' });
    const [met] = obligationsOf('panel.return-to-panel', [presented('2026-05-21T14:00:00+01:00'), decided, presented('2026-08-27T14:30:00+01:00')]);
    expect([dueOf(met!), met!.outcome]).toEqual(['2026-08-27', 'met']);
    const [late] = obligationsOf('panel.return-to-panel', [presented('2026-05-21T14:00:00+01:00'), decided, presented('2026-09-03T14:30:00+01:00')]);
    expect(late!.outcome).toBe('met_late');
    const [open] = obligationsOf('panel.return-to-panel', [presented('2026-05-21T14:00:00+01:00'), decided]);
    expect(stateAt(open!, new Date('2026-08-27T22:59:59Z'))).toBe('due');
    expect(stateAt(open!, new Date('2026-08-28T00:00:00+01:00'))).toBe('overdue');
    // The presentation that led to the decision does not count as its return.
    expect(obligationsOf('panel.return-to-panel', [presented('2026-05-21T14:00:00+01:00'), decided])[0]!.outcome).toBe('open');
    // Another referral for the child presented at a later meeting is not this case's return: only a review is.
    const otherReferral = ev('panel.considered', '2026-06-04T14:30:00+01:00', { reason: 'support_package', kind: 'referral' });
    expect(obligationsOf('panel.return-to-panel', [presented('2026-05-21T14:00:00+01:00'), decided, otherReferral])[0]!.outcome).toBe('open');
    // A decision with no return date, or only a frequency, opens nothing.
    const frequencyOnly = ev('panel.decision_made', '2026-05-21T16:00:00+01:00', { decision: 'approved', returnFrequency: 'every 3 months' });
    expect(obligationsOf('panel.return-to-panel', [presented('2026-05-21T14:00:00+01:00'), frequencyOnly])).toEqual([]);
  });

  it("panel.return-to-panel-extended: the chair's extension replaces the return date (1.20 'unless otherwise agreed by the panel chair')", () => {
    const decided = ev('panel.decision_made', '2026-05-21T16:00:00+01:00', { decision: 'approved', returnDate: '2026-08-27' });
    const extended = ev('panel.return_extended', '2026-08-20T10:00:00+01:00', { returnDate: '2026-09-10', reason: 'Health assessment awaited' });
    const events = [presented('2026-05-21T14:00:00+01:00'), decided, extended];
    expect(obligationsOf('panel.return-to-panel', events)[0]!.outcome).toBe('cancelled');
    const [open] = obligationsOf('panel.return-to-panel-extended', events);
    expect([dueOf(open!), open!.outcome]).toEqual(['2026-09-10', 'open']);
    const [met] = obligationsOf('panel.return-to-panel-extended', [...events, presented('2026-09-10T14:30:00+01:00')]);
    expect(met!.outcome).toBe('met');
    // A second extension replaces the first.
    const again = ev('panel.return_extended', '2026-09-09T10:00:00+01:00', { returnDate: '2026-09-24', reason: 'Carer unwell' });
    expect(obligationsOf('panel.return-to-panel-extended', [...events, again]).map((o) => [dueOf(o), o.outcome])).toEqual([['2026-09-10', 'cancelled'], ['2026-09-24', 'open']]);
    // A correction of the decision replaces its return date: the first closes, the correction's counts.
    const corrected = ev('panel.decision_made', '2026-05-21T16:30:00+01:00', { decision: 'approved', returnDate: '2026-09-03', correction: true });
    expect(obligationsOf('panel.return-to-panel', [presented('2026-05-21T14:00:00+01:00'), decided, corrected]).map((o) => [dueOf(o), o.outcome])).toEqual([['2026-08-27', 'cancelled'], ['2026-09-03', 'open']]);
  });

  it('panel.deferred-request: back at panel on the date it was deferred to (I.19 c)', () => {
    // Deferred on Thursday 17 December 2026 to the first panel after Christmas, Thursday 7 January 2027.
    const deferred = ev('panel.decision_made', '2026-12-17T16:00:00Z', { decision: 'deferred', deferredTo: '2027-01-07' });
    const [met] = obligationsOf('panel.deferred-request', [presented('2026-12-17T14:00:00Z'), deferred, presented('2027-01-07T14:00:00Z')]);
    expect([dueOf(met!), met!.outcome]).toEqual(['2027-01-07', 'met']);
    const [missed] = obligationsOf('panel.deferred-request', [presented('2026-12-17T14:00:00Z'), deferred, presented('2027-01-14T14:00:00Z')]);
    expect(missed!.outcome).toBe('met_late');
  });
});

describe("the panel's criteria in words", () => {
  it('name every reason the catalogue knows, and no other', () => {
    expect(criterionChoices.map((c) => c.value).sort()).toEqual([...panelReasons].sort());
  });
});
