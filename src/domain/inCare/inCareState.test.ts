import { describe, expect, it } from 'vitest';
import { inCareOf, legalStatusRefusal, type InCareEvent } from './inCareState';

let n = 0;
const event = (type: string, occurredAt: string, data: Record<string, unknown> = {}): InCareEvent => ({ id: `e${++n}`, type, occurredAt: new Date(occurredAt), recordedByName: 'Sam Worker', data });

describe('a period of care read from the record (practice-standards.txt, Section 3: Children in Care 17-23)', () => {
  const started = event('cic.started', '2026-12-24T15:00:00Z', { legalStatus: 'V2', consent: { parent: 'Kerry Hale', signedOn: '2026-12-24' } });
  const placed = event('cic.placement_started', '2026-12-24T15:00:00Z', { setting: 'in_house_fostering', carer: 'Sue Carter' });
  const order = event('cic.legal_status_changed', '2027-01-05T10:00:00Z', { legalStatus: 'C1' });
  const ended = event('cic.ended', '2027-02-01T10:00:00Z', { reason: 'home' });

  it('keeps each legal status from when it began to when the next began, and closes the last at the end of care', () => {
    const state = inCareOf([ended, order, started, placed]);
    expect(state.statuses.map((s) => [s.status, s.from.toISOString(), s.to?.toISOString()])).toEqual([
      ['V2', '2026-12-24T15:00:00.000Z', '2027-01-05T10:00:00.000Z'],
      ['C1', '2027-01-05T10:00:00.000Z', '2027-02-01T10:00:00.000Z'],
    ]);
    expect(state.statuses[0]?.consent).toEqual({ parent: 'Kerry Hale', signedOn: '2026-12-24' });
    expect([state.inCare, state.placements[0]?.to?.toISOString(), state.ended?.reason]).toEqual([false, '2027-02-01T10:00:00.000Z', 'home']);
  });

  it('starts afresh on a return to care, remembering when the last period ended', () => {
    const again = inCareOf([started, placed, event('cic.notification_sent', '2026-12-24T18:00:00Z'), ended, event('cic.started', '2027-03-01T10:00:00Z', { legalStatus: 'L1' })]);
    expect([again.inCare, again.statuses.map((s) => s.status), again.done.size, again.previousEnd?.toISOString()]).toEqual([true, ['L1'], 0, '2027-02-01T10:00:00.000Z']);
  });

  it('refuses legal statuses that would overlap, repeat, or leave a gap unexplained', () => {
    const inCare = inCareOf([started, placed]);
    const change = (at: string, status = 'C1') => legalStatusRefusal(inCare, { kind: 'change', status, at: new Date(at), gapReason: null });
    expect(change('2026-12-24T15:00:00Z')?.field).toBe('occurredOn');
    expect(change('2027-01-05T10:00:00Z', 'V2')?.message).toBe('That is the current legal status: choose the new one');
    expect(change('2027-01-05T10:00:00Z')).toBeNull();
    expect(legalStatusRefusal(inCare, { kind: 'start', status: 'L1', at: new Date('2027-01-05T10:00:00Z'), gapReason: null })?.field).toBe('legalStatus');

    const after = inCareOf([started, placed, ended]);
    const restart = (at: string, gapReason: string | null) => legalStatusRefusal(after, { kind: 'start', status: 'L1', at: new Date(at), gapReason });
    expect(restart('2027-01-20T10:00:00Z', 'At home')?.message).toBe('This overlaps the last period of care, which ended later: check the date');
    expect(restart('2027-03-01T10:00:00Z', null)?.field).toBe('gapReason');
    expect(restart('2027-03-01T10:00:00Z', 'At home with mum; police protection after a new incident')).toBeNull();
    expect(legalStatusRefusal(inCareOf([]), { kind: 'change', status: 'C1', at: new Date('2027-03-01T10:00:00Z'), gapReason: null })?.message).toMatch(/not looked after/);
  });
});
