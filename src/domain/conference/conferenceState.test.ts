import { describe, expect, it } from 'vitest';
import { conferenceState, isQuorate, nextKind, type ConferenceEvent } from './conferenceState';

let n = 0;
const ev = (type: string, iso: string, data: Record<string, unknown> = {}): ConferenceEvent => ({ id: `e${++n}`, type, occurredAt: new Date(iso), recordedByName: 'Martin Clarke', data });

describe('child protection conferences from the events', () => {
  it('is quorate with children’s social care and at least two other agencies', () => {
    expect(isQuorate(['social_care', 'police', 'health'])).toBe(true);
    expect(isQuorate(['social_care', 'police'])).toBe(false);
    expect(isQuorate(['police', 'health', 'education'])).toBe(false);
  });

  it('puts a child on a plan from an initial conference that made one, until a review ends it, with its category', () => {
    const initial = conferenceState([ev('cp.conference_held', '2026-03-02T10:00:00Z', { kind: 'initial', planMade: true, category: 'neglect' })]);
    expect([initial.onPlan, initial.category, nextKind(initial)]).toEqual([true, 'neglect', 'review']);
    const ended = conferenceState([
      ev('cp.conference_held', '2026-03-02T10:00:00Z', { kind: 'initial', planMade: true, category: 'neglect' }),
      ev('cp.conference_held', '2026-06-01T10:00:00Z', { kind: 'review', planContinues: false }),
      ev('cp.plan_ended', '2026-06-01T10:00:00Z'),
    ]);
    expect([ended.onPlan, ended.category, nextKind(ended)]).toEqual([false, null, 'initial']);
  });

  it('reads the events in the order they happened: a set-up form written up after the conference belongs to it, not to the next', () => {
    const state = conferenceState([
      ev('cp.conference_held', '2026-03-02T10:00:00Z', { kind: 'initial', planMade: true, category: 'physical' }),
      // Recorded afterwards, dated the week before: the last conference's preparation.
      ev('cp.conference_setup_submitted', '2026-02-20T10:00:00Z'),
      ev('cp.decision_circulated', '2026-03-03T10:00:00Z'),
    ]);
    expect([...state.preparation.keys()]).toEqual([]);
    expect([...state.followUp.keys()]).toEqual(['cp.decision_circulated']);
  });
});
