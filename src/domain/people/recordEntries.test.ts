import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../records/events';
import { personEvent } from './personEvents';
import { addressHistory, isCurrent, legalStatusHistory, relationshipList, warningList, type Entry } from './recordEntries';

const personId = 'person-1';
let seq = 0;

/** One recorded event; `at` is when it happened (UTC instant). */
function event(id: string, type: string, data: Record<string, unknown>, at = '2026-01-10T10:00:00Z', refersTo: string | null = null): RecordedEvent {
  seq += 1;
  return {
    id,
    seq,
    personId,
    type,
    occurredAt: new Date(at),
    recordedAt: new Date(at),
    recordedBy: 'user-1',
    recordedByName: 'Sam Worker',
    data,
    reason: null,
    refersTo,
  };
}

function address(id: string, startDate: string, line1 = `${id} Street`): RecordedEvent {
  return event(id, personEvent.addressRecorded, { line1, line2: null, town: 'Anytown', postcode: 'AN1 1AA', startDate });
}

function inError(id: string, refersTo: string): RecordedEvent {
  return event(id, personEvent.recordedInError, {}, '2026-02-01T10:00:00Z', refersTo);
}

function spans(entries: Entry[]): [string, string, string | null][] {
  return entries.map((e) => [e.id, e.startDate, e.endDate]);
}

describe('addressHistory', () => {
  it('ends each address on the day the next one starts; the last stays open', () => {
    const history = addressHistory([address('a1', '2020-01-15'), address('a2', '2023-06-01'), address('a3', '2025-12-31')]);
    expect(spans(history)).toEqual([
      ['a1', '2020-01-15', '2023-06-01'],
      ['a2', '2023-06-01', '2025-12-31'],
      ['a3', '2025-12-31', null],
    ]);
  });

  it('orders by start date even when an earlier address was recorded later', () => {
    const history = addressHistory([address('now', '2025-03-01'), address('before', '2019-09-30'), address('between', '2022-02-28')]);
    expect(spans(history)).toEqual([
      ['before', '2019-09-30', '2022-02-28'],
      ['between', '2022-02-28', '2025-03-01'],
      ['now', '2025-03-01', null],
    ]);
  });

  it('carries the address itself and the person', () => {
    const [entry] = addressHistory([address('a1', '2020-01-15', '1 High Street')]);
    expect(entry).toEqual({
      id: 'a1',
      personId,
      startDate: '2020-01-15',
      endDate: null,
      line1: '1 High Street',
      line2: null,
      town: 'Anytown',
      postcode: 'AN1 1AA',
    });
  });

  it('leaves out an address recorded in error and closes up around it', () => {
    const history = addressHistory([
      address('a1', '2020-01-15'),
      address('wrong', '2023-06-01'),
      address('a3', '2025-12-31'),
      inError('e1', 'wrong'),
    ]);
    expect(spans(history)).toEqual([
      ['a1', '2020-01-15', '2025-12-31'],
      ['a3', '2025-12-31', null],
    ]);
  });

  it('reopens the previous address when the latest one was recorded in error', () => {
    const history = addressHistory([address('a1', '2020-01-15'), address('wrong', '2026-01-01'), inError('e1', 'wrong')]);
    expect(spans(history)).toEqual([['a1', '2020-01-15', null]]);
  });

  it('ignores other kinds of event, and an in-error event that refers to nothing', () => {
    const history = addressHistory([
      address('a1', '2020-01-15'),
      event('w1', personEvent.warningRecorded, { category: 'medical', detail: 'Nut allergy', startDate: '2021-01-01' }),
      event('e0', personEvent.recordedInError, {}, '2026-01-10T10:00:00Z', null),
    ]);
    expect(spans(history)).toEqual([['a1', '2020-01-15', null]]);
  });

  it('has no addresses when none were recorded', () => {
    expect(addressHistory([])).toEqual([]);
  });
});

describe('warningList', () => {
  it('lists warnings with their end date when ended, and open otherwise', () => {
    const list = warningList([
      event('w1', personEvent.warningRecorded, { category: 'risk-to-staff', detail: 'Dog at the door', startDate: '2024-05-01' }),
      event('w2', personEvent.warningRecorded, { category: 'medical', detail: 'Nut allergy', startDate: '2025-01-20' }),
      event('w1-end', personEvent.warningEnded, { endDate: '2025-02-28' }, '2025-02-28T09:00:00Z', 'w1'),
    ]);
    expect(list).toEqual([
      { id: 'w1', personId, startDate: '2024-05-01', endDate: '2025-02-28', category: 'risk-to-staff', detail: 'Dog at the door' },
      { id: 'w2', personId, startDate: '2025-01-20', endDate: null, category: 'medical', detail: 'Nut allergy' },
    ]);
  });

  it('does not chain warnings: a later warning does not end an earlier one', () => {
    const list = warningList([
      event('w1', personEvent.warningRecorded, { category: 'medical', detail: 'Asthma', startDate: '2024-05-01' }),
      event('w2', personEvent.warningRecorded, { category: 'communication', detail: 'BSL', startDate: '2025-01-20' }),
    ]);
    expect(spans(list)).toEqual([
      ['w1', '2024-05-01', null],
      ['w2', '2025-01-20', null],
    ]);
  });

  it('leaves out a warning recorded in error', () => {
    const list = warningList([
      event('w1', personEvent.warningRecorded, { category: 'medical', detail: 'Asthma', startDate: '2024-05-01' }),
      event('w2', personEvent.warningRecorded, { category: 'other', detail: 'Wrong child', startDate: '2025-01-20' }),
      inError('e1', 'w2'),
    ]);
    expect(list.map((w) => w.id)).toEqual(['w1']);
  });
});

describe('relationshipList', () => {
  it('lists relationships with parental responsibility and role, ended or open', () => {
    const list = relationshipList([
      event('r1', personEvent.relationshipRecorded, {
        relatedPersonId: 'mum',
        type: 'parent',
        parentalResponsibility: true,
        professionalRole: null,
        startDate: '2015-06-01',
      }),
      event('r2', personEvent.relationshipRecorded, {
        relatedPersonId: 'gp',
        type: 'professional',
        parentalResponsibility: false,
        professionalRole: 'gp',
        startDate: '2020-02-29',
      }),
      event('r2-end', personEvent.relationshipEnded, { endDate: '2024-12-31' }, '2025-01-02T09:00:00Z', 'r2'),
    ]);
    expect(list).toEqual([
      {
        id: 'r1',
        personId,
        startDate: '2015-06-01',
        endDate: null,
        relatedPersonId: 'mum',
        type: 'parent',
        parentalResponsibility: true,
        professionalRole: null,
      },
      {
        id: 'r2',
        personId,
        startDate: '2020-02-29',
        endDate: '2024-12-31',
        relatedPersonId: 'gp',
        type: 'professional',
        parentalResponsibility: false,
        professionalRole: 'gp',
      },
    ]);
  });

  it('leaves out a relationship recorded in error', () => {
    const list = relationshipList([
      event('r1', personEvent.relationshipRecorded, {
        relatedPersonId: 'someone-else',
        type: 'sibling',
        parentalResponsibility: false,
        professionalRole: null,
        startDate: '2015-06-01',
      }),
      inError('e1', 'r1'),
    ]);
    expect(list).toEqual([]);
  });
});

describe('legalStatusHistory', () => {
  const started = (id: string, at: string, legalStatus: string) => event(id, personEvent.cicStarted, { legalStatus }, at);
  const changed = (id: string, at: string, legalStatus: string) => event(id, personEvent.legalStatusChanged, { legalStatus }, at);
  const ended = (id: string, at: string) => event(id, personEvent.cicEnded, {}, at);

  it('starts a status at cic.started, ends it at the next change, and ends the last at cic.ended', () => {
    const history = legalStatusHistory([
      started('s1', '2026-01-12T10:00:00Z', 'V2'),
      changed('s2', '2026-02-20T14:00:00Z', 'C1'),
      changed('s3', '2026-09-01T09:00:00Z', 'C2'),
      ended('end', '2027-03-31T16:00:00Z'),
    ]);
    expect(history).toEqual([
      { id: 's1', personId, startDate: '2026-01-12', endDate: '2026-02-20', status: 'V2' },
      { id: 's2', personId, startDate: '2026-02-20', endDate: '2026-09-01', status: 'C1' },
      { id: 's3', personId, startDate: '2026-09-01', endDate: '2027-03-31', status: 'C2' },
    ]);
  });

  it('dates events in Europe/London: 23:30 UTC in summer is the next day, in winter the same day', () => {
    const history = legalStatusHistory([
      // GMT in January: 23:30 UTC is 23:30 on 15 January in London.
      started('s1', '2026-01-15T23:30:00Z', 'L2'),
      // BST in June: 23:30 UTC on 4 June is 00:30 on Friday 5 June in London (DESIGN.md).
      changed('s2', '2026-06-04T23:30:00Z', 'C1'),
      // Still BST on 30 September: 23:30 UTC is 00:30 on 1 October in London.
      ended('end', '2026-09-30T23:30:00Z'),
    ]);
    expect(spans(history)).toEqual([
      ['s1', '2026-01-15', '2026-06-05'],
      ['s2', '2026-06-05', '2026-10-01'],
    ]);
  });

  it('orders events by when they happened, not the order they were recorded in', () => {
    const history = legalStatusHistory([
      changed('s2', '2026-03-01T12:00:00Z', 'C1'),
      ended('end', '2026-05-01T12:00:00Z'),
      started('s1', '2026-02-01T12:00:00Z', 'L1'),
    ]);
    expect(spans(history)).toEqual([
      ['s1', '2026-02-01', '2026-03-01'],
      ['s2', '2026-03-01', '2026-05-01'],
    ]);
  });

  it('orders events at the same instant by their sequence', () => {
    const first = started('s1', '2026-03-01T12:00:00Z', 'L2');
    const second = changed('s2', '2026-03-01T12:00:00Z', 'C1');
    expect(first.seq).toBeLessThan(second.seq);
    const history = legalStatusHistory([second, first]);
    expect(history.map((h) => [h.id, h.status, h.startDate, h.endDate])).toEqual([
      ['s1', 'L2', '2026-03-01', '2026-03-01'],
      ['s2', 'C1', '2026-03-01', null],
    ]);
  });

  it('keeps separate periods in care apart, with the gap between them', () => {
    const history = legalStatusHistory([
      started('p1', '2025-11-03T10:00:00Z', 'V2'),
      ended('p1-end', '2025-12-19T10:00:00Z'),
      started('p2', '2026-02-02T10:00:00Z', 'C1'),
    ]);
    expect(spans(history)).toEqual([
      ['p1', '2025-11-03', '2025-12-19'],
      ['p2', '2026-02-02', null],
    ]);
  });

  it('ignores a cic.ended with no period open', () => {
    expect(legalStatusHistory([ended('end', '2026-01-01T10:00:00Z')])).toEqual([]);
  });

  it('leaves out a legal status recorded in error and closes up around it', () => {
    const history = legalStatusHistory([
      started('s1', '2026-01-12T10:00:00Z', 'V2'),
      changed('wrong', '2026-02-20T14:00:00Z', 'E1'),
      changed('s3', '2026-04-01T09:00:00Z', 'C1'),
      inError('e1', 'wrong'),
    ]);
    expect(spans(history)).toEqual([
      ['s1', '2026-01-12', '2026-04-01'],
      ['s3', '2026-04-01', null],
    ]);
  });

  it('ignores events that are not about care', () => {
    const history = legalStatusHistory([
      started('s1', '2026-01-12T10:00:00Z', 'V2'),
      address('a1', '2026-02-01'),
    ]);
    expect(spans(history)).toEqual([['s1', '2026-01-12', null]]);
  });
});

describe('isCurrent', () => {
  const entry: Entry = { id: 'x', personId, startDate: '2026-03-01', endDate: '2026-04-01' };

  it('is current from its start day', () => {
    expect(isCurrent(entry, '2026-03-01')).toBe(true);
    expect(isCurrent(entry, '2026-02-28')).toBe(false);
  });

  it('is current up to the day before its end day, and not on the end day', () => {
    expect(isCurrent(entry, '2026-03-31')).toBe(true);
    expect(isCurrent(entry, '2026-04-01')).toBe(false);
    expect(isCurrent(entry, '2026-04-02')).toBe(false);
  });

  it('stays current with no end date', () => {
    const open: Entry = { ...entry, endDate: null };
    expect(isCurrent(open, '2099-12-31')).toBe(true);
    expect(isCurrent(open, '2026-02-28')).toBe(false);
  });

  it('is never current when it starts and ends on the same day', () => {
    expect(isCurrent({ ...entry, endDate: '2026-03-01' }, '2026-03-01')).toBe(false);
  });
});
