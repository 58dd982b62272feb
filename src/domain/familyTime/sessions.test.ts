import { describe, expect, it } from 'vitest';
import { awaitingRecord, clashFor, planOf, sessionTimes, sessionsOf, tookPlace } from './sessions';

let n = 0;
const event = (type: string, occurredAt: string, data: Record<string, unknown> = {}) => ({ id: `e${++n}`, type, occurredAt: new Date(occurredAt), recordedByName: 'Zara Ahmed', data });
const booked = (sessionId: string, workerId: string, startsAt: string, endsAt: string) =>
  event('family_time.session_booked', '2026-03-20T09:00:00Z', { sessionId, workerId, workerName: 'Zara Ahmed', venue: 'Primrose Hill family centre', date: startsAt.slice(0, 10), startTime: '10:00', endTime: '11:30', startsAt, endsAt, attendees: [{ personId: 'mum', name: 'Tina Walker', relationship: 'Parent' }, { personId: 'nan', name: 'Jean Walker', relationship: 'Grandparent' }], level: 'supervised', reason: 'safeguarding', plan: { kind: 'care_plan', eventId: 'cp1', title: 'Care plan', says: 'Fortnightly, supervised' } });

describe('family time sessions (resource-service-policy.txt 2.2)', () => {
  it('are booked, then recorded or cancelled, once', () => {
    const sessions = sessionsOf([
      booked('a', 'w1', '2026-03-24T10:00:00Z', '2026-03-24T11:30:00Z'),
      booked('b', 'w1', '2026-03-26T10:00:00Z', '2026-03-26T11:30:00Z'),
      event('family_time.session_recorded', '2026-03-24T12:00:00Z', { sessionId: 'a', attendance: 'all', observations: 'Warm greeting', concerns: null }),
      event('family_time.session_cancelled', '2026-03-25T12:00:00Z', { sessionId: 'a', by: 'family', reason: 'too late' }),
      event('family_time.session_cancelled', '2026-03-25T12:00:00Z', { sessionId: 'b', by: 'family', reason: 'Mother unwell' }),
    ]);
    expect(sessions.map((s) => [s.sessionId, s.status, s.recorded?.observations ?? s.cancelled?.reason, s.plan.eventId])).toEqual([
      ['a', 'recorded', 'Warm greeting', 'cp1'],
      ['b', 'cancelled', 'Mother unwell', 'cp1'],
    ]);
  });

  it('reads times in London, either side of the clocks going forward (29 March 2026)', () => {
    expect(sessionTimes('2026-03-28', '10:00', '11:30')).toEqual({ startsAt: new Date('2026-03-28T10:00:00Z'), endsAt: new Date('2026-03-28T11:30:00Z') });
    expect(sessionTimes('2026-03-29', '10:00', '11:30')).toEqual({ startsAt: new Date('2026-03-29T09:00:00Z'), endsAt: new Date('2026-03-29T10:30:00Z') });
    // 00:30 GMT to 03:00 BST is an hour and a half, not two and a half.
    expect(sessionTimes('2026-03-29', '00:30', '03:00')).toEqual({ startsAt: new Date('2026-03-29T00:30:00Z'), endsAt: new Date('2026-03-29T02:00:00Z') });
    expect(sessionTimes('2026-03-29', '01:30', '03:00')).toMatchObject({ field: 'startTime' });
    expect(sessionTimes('2026-03-28', '11:00', '11:00')).toEqual({ field: 'endTime', message: 'The end time must be after the start time' });
    // The clocks go back on 25 October 2026: 10:00 is GMT again.
    expect(sessionTimes('2026-10-25', '10:00', '11:00')).toMatchObject({ startsAt: new Date('2026-10-25T10:00:00Z') });
  });

  it('will not book a worker into two sessions at once, whichever child they are for', () => {
    const diary = sessionsOf([booked('a', 'w1', '2026-03-24T10:00:00Z', '2026-03-24T11:30:00Z'), booked('c', 'w2', '2026-03-24T10:00:00Z', '2026-03-24T11:30:00Z')]);
    const at = (from: string, to: string, workerId = 'w1') => clashFor(diary, { workerId, startsAt: new Date(from), endsAt: new Date(to) })?.sessionId ?? null;
    expect(at('2026-03-24T11:00:00Z', '2026-03-24T12:00:00Z')).toBe('a');
    expect(at('2026-03-24T09:00:00Z', '2026-03-24T13:00:00Z')).toBe('a');
    expect(at('2026-03-24T11:30:00Z', '2026-03-24T12:30:00Z')).toBeNull(); // back to back
    expect(at('2026-03-24T11:00:00Z', '2026-03-24T12:00:00Z', 'w3')).toBeNull();
    // A sibling's family time alongside, at the same place and times, is the same session for the worker.
    expect(clashFor(diary, { workerId: 'w1', startsAt: new Date('2026-03-24T10:00:00Z'), endsAt: new Date('2026-03-24T11:30:00Z'), venue: 'Primrose Hill family centre' })).toBeNull();
    expect(clashFor(diary, { workerId: 'w1', startsAt: new Date('2026-03-24T10:00:00Z'), endsAt: new Date('2026-03-24T11:30:00Z'), venue: 'McDonald’s, Ashbury' })?.sessionId).toBe('a');
    const cancelled = sessionsOf([booked('a', 'w1', '2026-03-24T10:00:00Z', '2026-03-24T11:30:00Z'), event('family_time.session_cancelled', '2026-03-21T09:00:00Z', { sessionId: 'a', by: 'service', reason: 'Worker ill' })]);
    expect(clashFor(cancelled, { workerId: 'w1', startsAt: new Date('2026-03-24T10:00:00Z'), endsAt: new Date('2026-03-24T11:00:00Z') })).toBeNull();
  });

  it('is awaiting its record once it has ended; it took place unless the child or all the family stayed away', () => {
    const [s] = sessionsOf([booked('a', 'w1', '2026-03-24T10:00:00Z', '2026-03-24T11:30:00Z')]);
    expect([awaitingRecord(s!, new Date('2026-03-24T11:29:00Z')), awaitingRecord(s!, new Date('2026-03-24T11:30:00Z'))]).toEqual([false, true]);
    expect([tookPlace('child_absent', [], s!.attendees), tookPlace('family_absent', ['mum'], s!.attendees), tookPlace('family_absent', ['mum', 'nan'], s!.attendees), tookPlace('ended_early', [], s!.attendees)]).toEqual([false, true, false, true]);
  });

  it('links to the latest care plan in the current period of care, or the plan the child is under', () => {
    expect(planOf([event('cic.started', '2026-01-01T10:00:00Z'), event('cic.care_plan_completed', '2026-01-10T10:00:00Z'), { ...event('cic.care_plan_completed', '2026-03-10T10:00:00Z'), id: 'latest' }])).toEqual({ kind: 'care_plan', eventId: 'latest', title: 'Care plan' });
    expect(planOf([{ ...event('cp.conference_held', '2026-01-01T10:00:00Z', { planMade: true }), id: 'icpc' }])).toMatchObject({ kind: 'cp_plan', eventId: 'icpc' });
    expect(planOf([event('cin.plan_started', '2026-01-01T10:00:00Z'), event('cin.plan_ended', '2026-02-01T10:00:00Z')])).toMatchObject({ kind: 'none' });
  });
});
