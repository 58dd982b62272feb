import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../records/events';
import { earliestFor, homeVisitProblems, nextStep, otRecordOf, stageOf, stepRefusal, waitingListOrder } from './otCase';

let n = 0;
const ev = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++n}`, type, occurredAt: new Date(at), recordedByName: 'Megan Holt', data });

describe('a child’s Occupational Therapy, from the events (Occupational Therapy 1-7)', () => {
  const received = ev('ot.referral_received', '2026-12-24T10:00:00Z', { referrer: 'Dr Osei', reason: 'Stairs' });

  it('follows a referral through each step, in the order they happened whatever the order recorded', () => {
    const events = [
      ev('ot.allocated', '2027-01-12T10:00:00Z', { workerId: 'w1', workerName: 'Megan Holt' }),
      received,
      ev('ot.referral_prioritised', '2026-12-31T15:00:00Z', { priority: 2, reasons: 'Safe for now' }),
      ev('ot.waiting_list_letter_sent', '2027-01-11T09:00:00Z'),
    ];
    const r = otRecordOf(events).open!;
    expect([r.priority?.priority, r.letterSentAt?.toISOString(), r.allocated?.workerName]).toEqual([2, '2027-01-11T09:00:00.000Z', 'Megan Holt']);
    expect([stageOf(r), nextStep(r)]).toEqual(['allocated', 'offer']);
  });

  it('keeps the latest priority, and the first prioritisation for the letter’s clock', () => {
    const r = otRecordOf([received, ev('ot.referral_prioritised', '2026-12-29T10:00:00Z', { priority: 2 }), ev('ot.referral_prioritised', '2027-01-04T10:00:00Z', { priority: 1, reasons: 'A fall at home' })]).open!;
    expect([r.priority?.priority, r.priority?.reasons, r.firstPrioritisedAt?.toISOString()]).toEqual([1, 'A fall at home', '2026-12-29T10:00:00.000Z']);
    expect(earliestFor(r, 'letter').at.toISOString()).toBe('2026-12-29T10:00:00.000Z');
    expect(earliestFor(r, 'allocate').at.toISOString()).toBe('2027-01-04T10:00:00.000Z');
  });

  it('refuses each step until the one before it is recorded, saying what to record', () => {
    expect(stepRefusal(otRecordOf([]), 'prioritise')).toBe('There is no open Occupational Therapy referral: record the referral first');
    const open = otRecordOf([received]);
    expect(stepRefusal(open, 'letter')).toMatch(/^Prioritise the referral first/);
    expect(stepRefusal(open, 'allocate')).toMatch(/^Prioritise the referral/);
    expect(stepRefusal(open, 'offer')).toMatch(/^Allocate the referral/);
    expect(stepRefusal(open, 'visit')).toBe('Record the offer of the initial assessment first');
    expect(stepRefusal(open, 'assess')).toMatch(/^Record the first home visit/);
    expect(stepRefusal(open, 'summary')).toMatch(/^Record the completed assessment first/);
    expect(stepRefusal(open, 'close')).toBeNull();
    const sent = otRecordOf([received, ev('ot.referral_prioritised', '2026-12-31T10:00:00Z', { priority: 1 }), ev('ot.waiting_list_letter_sent', '2027-01-04T10:00:00Z')]);
    expect(stepRefusal(sent, 'letter')).toBe('The waiting list letter was sent on 4 January 2027');
    const allocated = otRecordOf([received, ev('ot.referral_prioritised', '2026-12-31T10:00:00Z', { priority: 1 }), ev('ot.allocated', '2027-01-04T10:00:00Z', { workerId: 'w1', workerName: 'Megan Holt' })]);
    expect(stepRefusal(allocated, 'letter')).toBe('The referral was allocated on 4 January 2027: the child is no longer waiting, so no waiting list letter is needed');
  });

  it('closes a referral, and a new one starts afresh', () => {
    const record = otRecordOf([received, ev('ot.closed', '2027-01-02T10:00:00Z', { reason: 'family_declined', summary: 'Parents chose not to go ahead.' }), ev('ot.referral_received', '2027-03-01T10:00:00Z', { referrer: 'GP' })]);
    expect(record.referrals.map((r) => [r.referrer, stageOf(r)])).toEqual([['Dr Osei', 'closed'], ['GP', 'awaiting_prioritisation']]);
    expect(record.open?.referrer).toBe('GP');
  });

  it('pairs each query with its own answer', () => {
    const record = otRecordOf([
      ev('ot.query_received', '2026-05-02T10:00:00+01:00', { queryId: 'q1', from: 'Mother' }),
      ev('ot.query_received', '2026-05-05T10:00:00+01:00', { queryId: 'q2', from: 'School' }),
      ev('ot.query_responded', '2026-05-07T10:00:00+01:00', { queryId: 'q2', response: 'Called back' }),
    ]);
    expect(record.queries.map((q) => [q.from, q.response])).toEqual([['Mother', null], ['School', 'Called back']]);
  });

  it('orders the waiting list by priority, then the longest waiting', () => {
    const rows = [
      { id: 'p2-new', priority: 2 as const, receivedAt: new Date('2027-01-05') },
      { id: 'p1-new', priority: 1 as const, receivedAt: new Date('2027-01-04') },
      { id: 'p2-old', priority: 2 as const, receivedAt: new Date('2026-11-30') },
      { id: 'p1-old', priority: 1 as const, receivedAt: new Date('2026-12-01') },
    ];
    expect(waitingListOrder(rows).map((r) => r.id)).toEqual(['p1-old', 'p1-new', 'p2-old', 'p2-new']);
  });

  it('asks why a consent form was declined at the first home visit (standard 5)', () => {
    expect(homeVisitProblems({ consentToShare: 'signed', photographConsent: 'signed', declinedReason: null })).toEqual([]);
    expect(homeVisitProblems({ consentToShare: 'declined', photographConsent: 'signed', declinedReason: null })).toEqual([{ field: 'declinedReason', message: 'Enter why the consent form was not signed, and what was agreed instead' }]);
    expect(homeVisitProblems({ consentToShare: 'signed', photographConsent: 'declined', declinedReason: 'No photographs of Ethan' })).toEqual([]);
  });
});
