import { describe, expect, it } from 'vitest';
import { cinPlanEndRefusal, cinPlanOf, suggestedSource, type CinPlanEvent } from './cinPlanState';

let n = 0;
const event = (type: string, occurredAt: string, data: Record<string, unknown> = {}): CinPlanEvent => ({ id: `e${++n}`, type, occurredAt: new Date(occurredAt), recordedByName: 'Ann Manager', data });

describe('a child in need plan read from the record (practice-standards.txt, Section 2: Child in Need Plans and Reviews)', () => {
  const started = event('cin.plan_started', '2026-12-17T10:00:00Z', { from: 'section_47' });
  const first = event('cin.review_held', '2026-12-22T10:00:00Z', { reviewId: 'r1', chair: 'Ann Manager', chairWasManager: true });
  const second = event('cin.review_held', '2027-01-20T10:00:00Z', { reviewId: 'r2', chair: 'Sam Worker', chairWasManager: false });

  it('ties each sign-off to its review by id, even when recorded out of order', () => {
    const plan = cinPlanOf([started, second, first, event('cin.review_record_signed_off', '2027-01-21T09:00:00Z', { reviewId: 'r2' })]);
    expect(plan.reviews.map((r) => [r.reviewId, r.signedOff !== null])).toEqual([
      ['r1', false],
      ['r2', true],
    ]);
    // A sign-off naming a review of another plan signs off nothing here; one naming none, the oldest unsigned.
    expect(cinPlanOf([started, first, event('cin.review_record_signed_off', '2027-01-21T09:00:00Z', { reviewId: 'old' })]).reviews[0]?.signedOff).toBeNull();
    expect(cinPlanOf([started, first, event('cin.review_record_signed_off', '2027-01-21T09:00:00Z')]).reviews[0]?.signedOff).not.toBeNull();
  });

  it('keeps the first agreed visiting schedule of a plan, and starts afresh with a new plan', () => {
    const agreed = event('cwd.visiting_frequency_agreed', '2027-01-04T10:00:00Z', { arrangement: 'stable' });
    const changed = event('cwd.visiting_frequency_agreed', '2027-02-04T10:00:00Z', { arrangement: 'other' });
    expect(cinPlanOf([started, agreed, changed]).arrangement?.value).toBe('stable');
    const again = cinPlanOf([started, agreed, event('cin.plan_ended', '2027-03-01T10:00:00Z', { reason: 'child_protection_plan' }), event('cin.plan_started', '2027-06-01T10:00:00Z')]);
    expect([again.onPlan, again.arrangement, again.reviews]).toEqual([true, null, []]);
  });

  it('lets a plan close or step down only after a last review chaired by a manager; an escalation ends it at once (standard 10)', () => {
    const plan = cinPlanOf([started, first, second]);
    const on = new Date('2027-01-25T10:00:00Z');
    expect(cinPlanEndRefusal(plan, 'closed', on)).toMatch(/record its last review, chaired by a manager/);
    expect(cinPlanEndRefusal(plan, 'step_down', on)).toMatch(/record its last review/);
    expect(cinPlanEndRefusal(plan, 'child_protection_plan', on)).toBeNull();
    const lastByManager = cinPlanOf([started, first, event('cin.review_held', '2027-01-20T10:00:00Z', { reviewId: 'r3', chairWasManager: true, last: true })]);
    expect(cinPlanEndRefusal(lastByManager, 'closed', on)).toBeNull();
    expect(cinPlanEndRefusal(lastByManager, 'closed', new Date('2026-12-16T10:00:00Z'))).toMatch(/cannot end before it started/);
    expect(cinPlanEndRefusal(lastByManager, 'child_protection_plan', new Date('2027-01-19T10:00:00Z'))).toBe('The plan cannot end before its last review: check the date');
    expect(cinPlanEndRefusal(cinPlanOf([]), 'closed', on)).toBe('The child is not on a child in need plan');
  });
});

describe('what a new child in need plan follows', () => {
  it('offers the latest outcome that leads to a plan, and nothing once a plan has started since', () => {
    const s47 = event('s47.completed', '2026-12-21T10:00:00Z', { outcome: 'child_in_need_plan' });
    const assessment = event('assessment.completed', '2026-11-02T10:00:00Z', { outcome: 'child_in_need' });
    expect(suggestedSource([s47, assessment])).toEqual({ from: 'section_47', at: s47.occurredAt });
    expect(suggestedSource([event('s47.completed', '2026-12-21T10:00:00Z', { outcome: 'initial_conference' })])).toBeNull();
    expect(suggestedSource([s47, event('cin.plan_started', '2026-12-22T10:00:00Z')])).toBeNull();
    expect(suggestedSource([event('cp.conference_held', '2027-01-05T10:00:00Z', { kind: 'initial', planMade: false })])?.from).toBe('conference');
    // A later outcome leading elsewhere replaces it: the assessment's plan was overtaken by a child protection plan.
    expect(suggestedSource([assessment, event('cp.conference_held', '2026-12-01T10:00:00Z', { kind: 'initial', planMade: true })])).toBeNull();
  });
});
