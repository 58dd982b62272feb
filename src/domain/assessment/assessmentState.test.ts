import { describe, expect, it } from 'vitest';
import { latestAssessment, outcomeFollowOn, signOffRefusal, type AssessmentEvent } from './assessmentState';

let n = 0;
const event = (type: string, at: string, data: Record<string, unknown> = {}, by = 'worker'): AssessmentEvent => ({ id: `e${++n}`, type, occurredAt: new Date(at), recordedBy: by, recordedByName: by, data });

describe('the latest Child and Family Assessment of a child', () => {
  it('follows an assessment from allocation through a return to its sign-off', () => {
    const allocated = event('assessment.allocated', '2026-08-24T09:00:00Z');
    const stream = [
      event('contact.received', '2026-08-20T15:00:00Z'),
      allocated,
      event('assessment.case_reviewed', '2026-08-25T09:00:00Z'),
      event('assessment.submitted', '2026-09-10T09:00:00Z', { assessmentId: allocated.id, content: { analysis: 'first' } }),
      event('assessment.returned', '2026-09-11T09:00:00Z', { assessmentId: allocated.id, reason: 'Add the father’s views' }, 'manager'),
    ];
    expect(latestAssessment(stream)).toMatchObject({ id: allocated.id, stage: 'returned', returned: { reason: 'Add the father’s views' } });
    expect(latestAssessment(stream)?.steps.get('assessment.case_reviewed')?.toISOString()).toBe('2026-08-25T09:00:00.000Z');
    stream.push(event('assessment.submitted', '2026-09-14T09:00:00Z', { assessmentId: allocated.id, content: { analysis: 'second' } }));
    expect(latestAssessment(stream)?.submission?.content.analysis).toBe('second');
    stream.push(event('assessment.completed', '2026-09-15T09:00:00Z', { assessmentId: allocated.id, outcome: 'child_in_need', primaryNeed: 'abuse_or_neglect', factors: ['neglect', 'domestic_abuse_parent'] }, 'manager'));
    expect(latestAssessment(stream)).toMatchObject({ stage: 'completed', completed: { outcome: 'child_in_need', byName: 'manager', primaryNeed: 'abuse_or_neglect', factors: ['neglect', 'domestic_abuse_parent'] } });
  });

  it('starts again with a new allocation, and has none before the first', () => {
    expect(latestAssessment([event('contact.received', '2026-08-20T15:00:00Z')])).toBeNull();
    const stream = [event('assessment.allocated', '2026-01-05T09:00:00Z'), event('assessment.completed', '2026-02-05T09:00:00Z', { outcome: 'close' }), event('assessment.allocated', '2026-08-24T09:00:00Z')];
    expect(latestAssessment(stream)).toMatchObject({ id: stream[2]?.id, stage: 'in_progress', completed: null });
    // History imported without what the census needs reads as not recorded.
    expect(latestAssessment(stream.slice(0, 2))?.completed).toMatchObject({ primaryNeed: null, factors: [] });
  });
});

describe('who may sign off (a manager cannot sign off their own work)', () => {
  const allocated = event('assessment.allocated', '2026-08-24T09:00:00Z');
  const submitted = [allocated, event('assessment.submitted', '2026-09-10T09:00:00Z', { assessmentId: allocated.id, content: {} }, 'atm')];

  it('refuses the manager who sent it, and allows another', () => {
    expect(signOffRefusal(latestAssessment(submitted), 'atm')).toBe('You sent this assessment for sign-off: another manager must sign it off');
    expect(signOffRefusal(latestAssessment(submitted), 'team-manager')).toBeNull();
  });

  it('refuses what is not waiting for sign-off', () => {
    expect(signOffRefusal(latestAssessment([allocated]), 'tm')).toBe('The assessment has not been sent for sign-off');
    expect(signOffRefusal(null, 'tm')).toBe('The assessment has not been sent for sign-off');
    const done = [...submitted, event('assessment.completed', '2026-09-11T09:00:00Z', { outcome: 'close' }, 'tm')];
    expect(signOffRefusal(latestAssessment(done), 'other')).toBe('The assessment has already been signed off');
  });
});

describe('what a signed-off outcome starts', () => {
  it('records a step down as agreed before the completion, a closure decision or a strategy discussion decision after it, and nothing for a plan or care', () => {
    expect(outcomeFollowOn('step_down')).toEqual({ before: [{ type: 'step_down.agreed', data: {} }], after: [] });
    expect(outcomeFollowOn('close')).toEqual({ before: [], after: [{ type: 'closure.decided', data: { outcome: 'close' } }] });
    expect(outcomeFollowOn('strategy_discussion')).toEqual({ before: [], after: [{ type: 'strategy.discussion_decided', data: {} }] });
    expect(outcomeFollowOn('child_in_need')).toEqual({ before: [], after: [] });
    expect(outcomeFollowOn('care')).toEqual({ before: [], after: [] });
  });
});
