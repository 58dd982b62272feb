import { describe, expect, it } from 'vitest';
import { latestClosure, type ClosureEvent } from './closureState';

let n = 0;
const event = (type: string, at: string, data: Record<string, unknown> = {}): ClosureEvent => ({ id: `e${++n}`, type, occurredAt: new Date(at), data });

describe('why the latest case closure closed (issue 10: the CIN census ReasonForClosure)', () => {
  it('keeps the reason recorded with the closure', () => {
    const stream = [event('closure.decided', '2026-12-22T15:00:00Z', { outcome: 'close' }), event('closure.completed', '2026-12-30T15:00:00Z', { closureReason: 'no_longer_in_need' })];
    expect(latestClosure(stream)).toMatchObject({ completedAt: new Date('2026-12-30T15:00:00Z'), closureReason: 'no_longer_in_need' });
  });

  it('has none before the case closes, for history closed without one, and for a new closure decided since', () => {
    const decided = event('closure.decided', '2026-12-22T15:00:00Z', { outcome: 'close' });
    expect(latestClosure([decided])?.closureReason).toBeNull();
    expect(latestClosure([decided, event('closure.completed', '2026-12-30T15:00:00Z')])?.closureReason).toBeNull();
    const again = [decided, event('closure.completed', '2026-12-30T15:00:00Z', { closureReason: 'adopted' }), event('closure.decided', '2027-06-01T10:00:00Z', { outcome: 'step_down' })];
    expect(latestClosure(again)).toMatchObject({ completedAt: null, closureReason: null, outcome: 'step_down' });
  });
});
