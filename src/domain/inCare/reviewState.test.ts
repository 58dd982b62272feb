import { describe, expect, it } from 'vitest';
import { disputeStepRefusal, earlyReviewNeeded, reviewStateOf, type ReviewEvent } from './reviewState';

let n = 0;
const event = (type: string, occurredAt: string, data: Record<string, unknown> = {}): ReviewEvent => ({ id: `e${++n}`, type, occurredAt: new Date(occurredAt), recordedByName: 'Ruth Adeyemi', data });

describe("a child in care's reviews read from the record (practice-standards.txt, Section 4: Reviews for Children in Care)", () => {
  const started = event('cic.started', '2026-12-24T15:00:00Z', { legalStatus: 'C1' });

  it('keeps preparation until the review it was for, and starts afresh after it', () => {
    const setup = event('cic.review_setup_form_sent', '2027-01-06T10:00:00Z');
    const notified = event('cic.iro_notified', '2027-01-12T10:00:00Z', { change: 'care_plan' });
    const before = reviewStateOf([started, setup, notified]);
    expect([before.preparation.has('cic.review_setup_form_sent'), earlyReviewNeeded(before)]).toEqual([true, true]);
    const after = reviewStateOf([started, setup, notified, event('cic.review_held', '2027-01-22T10:00:00Z', { decisions: 'Stay' }), event('cic.review_decisions_sent', '2027-01-27T10:00:00Z')]);
    expect([after.reviews.map((r) => [r.number, r.decisions]), after.preparation.size, earlyReviewNeeded(after), [...after.followUp.keys()]]).toEqual([[[1, 'Stay']], 0, false, ['cic.review_decisions_sent']]);
  });

  it('starts a new period of care with no reviews', () => {
    const state = reviewStateOf([started, event('cic.review_held', '2027-01-22T10:00:00Z'), event('cic.ended', '2027-03-01T10:00:00Z'), event('cic.started', '2027-06-01T10:00:00Z', { legalStatus: 'L1' })]);
    expect([state.inCare, state.reviews.length]).toEqual([true, 0]);
  });

  it('moves a dispute only on, from an informal discussion or a formal challenge (standard 66)', () => {
    expect(disputeStepRefusal(null, 'informal')).toBeNull();
    expect(disputeStepRefusal(null, 'formal')).toBeNull();
    expect(disputeStepRefusal(null, 'escalated')).toMatch(/starts with/);
    expect(disputeStepRefusal('formal', 'escalated')).toBeNull();
    expect(disputeStepRefusal('formal', 'informal')).toMatch(/can only move on/);
    expect(disputeStepRefusal('formal', 'nonsense')).toBe('Select the stage from the list');
  });
});
