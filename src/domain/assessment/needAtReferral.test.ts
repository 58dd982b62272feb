import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../records/events';
import { needAtReferral } from './needAtReferral';

let n = 0;
const event = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++n}`, type, occurredAt: new Date(at), recordedByName: null, data });

describe("the child's primary need as it looked at the front door", () => {
  it('is the latest decision to an assessment or a strategy discussion, whatever order the stream comes in', () => {
    const stream = [
      event('assessment.allocated', '2026-08-24T09:00:00Z'),
      event('threshold.decided', '2026-08-21T14:00:00Z', { outcome: 'assessment', primaryNeed: 'acute_stress' }),
      event('threshold.decided', '2026-03-02T14:00:00Z', { outcome: 'strategy_discussion', primaryNeed: 'abuse_or_neglect' }),
    ];
    expect(needAtReferral(stream)).toBe('acute_stress');
    expect(needAtReferral(stream.slice(2))).toBe('abuse_or_neglect');
  });

  it('is none when no decision recorded one, or only a decision not going on to further action did', () => {
    expect(needAtReferral([event('threshold.decided', '2026-08-21T14:00:00Z', { outcome: 'assessment' }), event('assessment.allocated', '2026-08-24T09:00:00Z')])).toBeNull();
    expect(needAtReferral([event('threshold.decided', '2026-08-21T14:00:00Z', { outcome: 'early_help', primaryNeed: 'low_income' })])).toBeNull();
  });

  it("is not offered again once an assessment after it was signed off: that sign-off said the need", () => {
    const earlier = [
      event('threshold.decided', '2025-01-10T14:00:00Z', { outcome: 'assessment', primaryNeed: 'low_income' }),
      event('assessment.allocated', '2025-01-13T09:00:00Z'),
      event('assessment.completed', '2025-02-20T09:00:00Z', { outcome: 'close', primaryNeed: 'not_in_need' }),
    ];
    expect(needAtReferral([...earlier, event('assessment.allocated', '2026-08-24T09:00:00Z')])).toBeNull();
    expect(needAtReferral([...earlier, event('threshold.decided', '2026-08-21T14:00:00Z', { outcome: 'assessment', primaryNeed: 'disability' })])).toBe('disability');
  });
});
