import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../calendar/workingDays';
import { chronology, recordedLate, type ChronologySource } from './chronology';

/** England and Wales bank holidays of 2026 (the domain is given its calendar). */
const calendar = workingCalendar(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
let n = 0;
const event = (type: string, occurred: string, data: Record<string, unknown> = {}, recorded = occurred): ChronologySource => ({
  id: `e${++n}`,
  type,
  occurredAt: new Date(occurred),
  recordedAt: new Date(recorded),
  recordedByName: 'Sam Patel',
  data,
});
const titles = (type: string) => ({ 'contact.received': 'Contact received', 'cin.plan_started': 'Child in need plan started', 'case.significant_event_occurred': 'Significant event' })[type] ?? type;

describe('recording late (Section 5: records updated within two working days)', () => {
  it('counts working days, so a Friday visit recorded on Tuesday is in time and on Wednesday is late', () => {
    const friday = new Date('2026-08-21T14:00:00+01:00');
    expect(recordedLate(friday, new Date('2026-08-25T17:00:00+01:00'), calendar)).toBeNull();
    expect(recordedLate(friday, new Date('2026-08-26T09:00:00+01:00'), calendar)).toBe(3);
  });

  it('does not count the summer bank holiday: Friday 28 August recorded on Wednesday 2 September is in time', () => {
    expect(recordedLate(new Date('2026-08-28T10:00:00+01:00'), new Date('2026-09-02T10:00:00+01:00'), calendar)).toBeNull();
    expect(recordedLate(new Date('2026-08-28T10:00:00+01:00'), new Date('2026-09-03T10:00:00+01:00'), calendar)).toBe(3);
  });
});

describe('the automatic chronology', () => {
  it('takes significant events from the record, with what was recorded about them, and leaves routine work out', () => {
    const list = chronology(
      [
        event('contact.received', '2026-01-05T10:00:00Z', { concerns: 'Bruise on cheek' }),
        event('cin.visit', '2026-01-20T10:00:00Z', { summary: 'Routine visit' }),
        event('case.significant_event_occurred', '2026-01-22T10:00:00Z', { detail: 'Mother said Kyle has moved back in' }),
        event('case_note.recorded', '2026-01-23T10:00:00Z', { facts: 'Phone call about the school run', significant: false }),
        event('cin.plan_started', '2026-02-02T10:00:00Z', {}, '2026-02-10T10:00:00Z'),
      ],
      titles,
      calendar,
      '2026-03-01',
    );
    expect(list.map((e) => [e.on, e.kind, e.title, e.detail, e.recordedLate])).toEqual([
      ['2026-01-05', 'event', 'Contact received', 'Bruise on cheek', null],
      ['2026-01-22', 'added', 'Significant event', 'Mother said Kyle has moved back in', null],
      ['2026-02-02', 'event', 'Child in need plan started', '', 6],
    ]);
  });

  it('adds "No significant incident" for each 3-month stretch that had none, up to today', () => {
    const list = chronology(
      [event('contact.received', '2026-01-05T10:00:00Z'), event('cin.visit', '2026-05-01T10:00:00Z'), event('case.significant_event_occurred', '2026-08-10T10:00:00Z', { detail: 'Moved to Ashbury' })],
      titles,
      calendar,
      '2026-11-22',
    );
    expect(list.map((e) => [e.on, e.kind, e.until ?? null])).toEqual([
      ['2026-01-05', 'event', null],
      ['2026-04-05', 'none', '2026-07-04'],
      ['2026-08-10', 'added', null],
    ]);
    // The stretch from 5 October has not ended by 22 November: nothing is said about it yet.
    expect(chronology([event('contact.received', '2026-01-05T10:00:00Z')], titles, calendar, '2026-10-05').filter((e) => e.kind === 'none').map((e) => e.on)).toEqual(['2026-04-05', '2026-07-05']);
  });

  it('leaves out what was recorded in error, and reads an imported entry’s own recording time', () => {
    const wrong = event('cic.started', '2026-03-02T10:00:00Z');
    const imported = event('cin.plan_started', '2026-03-03T10:00:00Z', { recordedAt: '2026-03-04T10:00:00Z' }, '2026-11-20T10:00:00Z');
    const list = chronology([event('contact.received', '2026-03-01T10:00:00Z'), wrong, { ...event('entry.recorded_in_error', '2026-03-05T10:00:00Z'), refersTo: wrong.id }, imported], titles, calendar, '2026-04-01');
    expect(list.map((e) => [e.title, e.recordedLate])).toEqual([['Contact received', null], ['Child in need plan started', null]]);
  });

  it('is empty for a record with no events', () => {
    expect(chronology([], titles, calendar, '2026-11-22')).toEqual([]);
  });
});
