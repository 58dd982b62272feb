import { describe, expect, it } from 'vitest';
import { birthday } from '../standards/due';
import { careLeaverStatus, carePeriodsOf, statusHistory, type CareLeaverFacts } from './careLeaverStatus';

let n = 0;
const event = (type: string, occurredAt: string, data: Record<string, unknown> = {}) => ({ id: `e${++n}`, type, occurredAt: new Date(occurredAt), recordedByName: 'Liam', data });
const none: CareLeaverFacts = { inEducationSince: null, returnedForSupportOn: null };
const born = '2008-06-15';
const statusOn = (periods: ReturnType<typeof carePeriodsOf>, on: string, facts = none) => careLeaverStatus(born, periods, facts, on).status;

describe("a young person's care leaver status (practice-standards.txt, Section 3: Care Leavers, Definition of a care leaver)", () => {
  // In care at 14 under a care order, leaving home at 16½.
  const periods = carePeriodsOf([event('cic.started', '2022-09-01T10:00:00+01:00', { legalStatus: 'C2' }), event('cic.ended', '2025-01-10T10:00:00Z', { reason: 'home' })]);

  it('is eligible at 16 in care, relevant at 17 having left, former relevant from 18 to 21, then ended unless learning or returning', () => {
    const at = (age: number) => statusOn(periods, birthday(born, age));
    expect([14, 16, 17, 18, 20].map(at)).toEqual(['not_applicable', 'eligible', 'relevant', 'former_relevant', 'former_relevant']);
    expect(statusOn(periods, '2022-10-01')).toBe('looked_after');
    expect(at(21)).toBe('support_ended');
    expect(statusOn(periods, birthday(born, 21), { inEducationSince: '2028-09-01', returnedForSupportOn: null })).toBe('former_relevant_education');
    expect(statusOn(periods, '2030-02-01', { inEducationSince: null, returnedForSupportOn: '2030-01-15' })).toBe('returning');
    expect(at(25)).toBe('not_applicable');
  });

  it('counts 13 weeks since the 14th birthday, not counting short breaks, and says why', () => {
    // Came into care at 17 for 8 weeks: qualifying, not relevant.
    const short = carePeriodsOf([event('cic.started', '2025-07-01T10:00:00+01:00', { legalStatus: 'V2' }), event('cic.ended', '2025-08-26T10:00:00+01:00', { reason: 'home' })]);
    expect(statusOn(short, '2025-08-20')).toBe('looked_after');
    const left = careLeaverStatus(born, short, none, '2025-09-01');
    expect(left.status).toBe('qualifying');
    expect(left.reasons).toContain('Looked after for 8 weeks since their 14th birthday (2022-06-15), not counting short breaks: 13 weeks make them eligible');
    expect(statusOn(short, birthday(born, 21))).toBe('not_applicable');
    // A year of planned short breaks: not a care leaver.
    const breaks = carePeriodsOf([event('cic.started', '2024-01-01T10:00:00Z', { legalStatus: 'V3' }), event('cic.ended', '2025-01-01T10:00:00Z')]);
    expect(statusOn(breaks, '2024-12-01')).toBe('not_applicable');
    // Exactly 13 weeks (91 days) including the day of the 16th birthday: eligible that day.
    const thirteen = carePeriodsOf([event('cic.started', '2024-03-17T10:00:00Z', { legalStatus: 'C1' })]);
    expect(statusOn(thirteen, '2024-06-15')).toBe('eligible');
    expect(statusOn(thirteen, '2024-06-14')).toBe('looked_after');
  });

  it('lists when the status changed and why, for every birthday and every change of care', () => {
    const history = statusHistory(born, periods, { inEducationSince: '2028-09-01', returnedForSupportOn: null }, '2029-07-01');
    expect(history.map((h) => [h.on, h.status])).toEqual([
      ['2022-09-01', 'looked_after'],
      ['2024-06-15', 'eligible'],
      ['2025-01-10', 'relevant'],
      ['2026-06-15', 'former_relevant'],
      ['2029-06-15', 'former_relevant_education'],
    ]);
    expect(history[2]?.reasons).toContain('Has left care');
  });
});
