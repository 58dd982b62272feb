import { describe, expect, it } from 'vitest';
import { eventTypeOf } from './index';

/** The two event types the SSDA903 OC2 table reads (issue 10): every answer optional, so history imports, and each one checked. */
describe('cic.health_outcomes_recorded and cic.sdq_not_completed', () => {
  const accepts = (type: string, data: Record<string, unknown>) => eventTypeOf(type)!.data!.safeParse(data).success;

  it('accepts the answers the page records, or none, and refuses others', () => {
    expect(accepts('cic.health_outcomes_recorded', { immunisationsUpToDate: true, substanceMisuse: 'identified', intervention: 'offered_refused', convicted: false, summary: null })).toBe(true);
    expect(accepts('cic.health_outcomes_recorded', {})).toBe(true);
    expect(accepts('cic.health_outcomes_recorded', { immunisationsUpToDate: 'yes' })).toBe(false);
    expect(accepts('cic.health_outcomes_recorded', { substanceMisuse: 'some' })).toBe(false);
    // An intervention only follows an identified problem.
    expect(accepts('cic.health_outcomes_recorded', { substanceMisuse: 'none', intervention: 'received' })).toBe(false);
    expect(accepts('cic.sdq_not_completed', { reason: 'carer_refused' })).toBe(true);
    expect(accepts('cic.sdq_not_completed', { reason: 'SDQ2' })).toBe(false);
    expect([eventTypeOf('cic.sdq_not_completed')?.recordedOn, eventTypeOf('cic.health_outcomes_recorded')?.during]).toEqual(['health-education', 'in-care']);
  });
});
