import { describe, expect, it } from 'vitest';
import { awaitingReview, reviewChairRefusal, transferRefusal, transfersOf, type TransferEventLike } from './transfer';

const cras = { teamId: 'cras', teamName: 'Contact, Referral and Assessment Service', workerId: 'sam', workerName: 'Sam Patel' };
const cpc = { teamId: 'cpc', teamName: 'Child Protection and Court Service', workerId: 'jess', workerName: 'Jess Morgan' };
const ev = (id: string, type: string, at: string, data: Record<string, unknown>): TransferEventLike => ({ id, type, occurredAt: new Date(at), recordedByName: 'Tom Reilly', data });

describe('transfersOf', () => {
  // The transfer meeting on Thursday 2 April 2026; the review after Easter, on Wednesday 8 April.
  const meeting = ev('m1', 'case.transfer_meeting_held', '2026-04-02T14:00:00+01:00', { transferId: 't1', from: cras, to: cpc, attended: 'Tom Reilly, Grace Mensah, Sam Patel', meetingSummary: 'Plan made at the initial conference' });
  const review = ev('r1', 'case.transfer_review_held', '2026-04-08T10:00:00+01:00', { transferId: 't1', chairId: 'grace', chairName: 'Grace Mensah', attended: 'Family, school, Jess Morgan', reviewSummary: 'Plan reviewed with the new worker' });

  it('reads each transfer with its review, in date order', () => {
    const [t] = transfersOf([review, meeting, ev('x', 'cin.visit', '2026-04-05T10:00:00Z', {})]);
    expect(t).toMatchObject({ transferId: 't1', from: cras, to: cpc, attended: 'Tom Reilly, Grace Mensah, Sam Patel', recordedByName: 'Tom Reilly', summary: 'Plan made at the initial conference' });
    expect(t?.review).toMatchObject({ chairName: 'Grace Mensah', summary: 'Plan reviewed with the new worker' });
    expect(awaitingReview(transfersOf([meeting, review]))).toBeNull();
  });

  it('says the latest transfer awaits its review until it is held', () => {
    expect(awaitingReview(transfersOf([meeting]))?.transferId).toBe('t1');
    const back = ev('m2', 'case.transfer_meeting_held', '2026-05-06T10:00:00+01:00', { transferId: 't2', from: cpc, to: cras, attended: 'Grace Mensah, Tom Reilly', meetingSummary: 'Plan ended' });
    expect(awaitingReview(transfersOf([meeting, review, back]))?.transferId).toBe('t2');
  });
});

describe('transferRefusal', () => {
  it('moves an allocated case to another team only', () => {
    expect(transferRefusal({ teamId: null }, { teamId: 'cpc' })).toBe('The case is not held by a team yet: allocate it instead');
    expect(transferRefusal({ teamId: 'cpc' }, { teamId: 'cpc' })).toContain('allocate it instead');
    expect(transferRefusal({ teamId: 'cras' }, { teamId: 'cpc' })).toBeNull();
  });
});

describe('reviewChairRefusal (practice-standards.txt, Section 2: Child in Need Plans and Reviews 9)', () => {
  const [transfer] = transfersOf([ev('m1', 'case.transfer_meeting_held', '2026-04-02T14:00:00+01:00', { transferId: 't1', from: cras, to: cpc, attended: 'x', meetingSummary: 'y' })]);

  it('lets a manager of the receiving team chair, and refuses the sending manager, a receiving worker and a manager from elsewhere', () => {
    expect(reviewChairRefusal(transfer!, { teamIds: ['cpc'], isManager: true })).toBeNull();
    const refusal = 'The transfer review is chaired by a manager of Child Protection and Court Service, the team receiving the case (practice-standards.txt, Section 2: Child in Need Plans and Reviews 9): ask them to record it';
    expect(reviewChairRefusal(transfer!, { teamIds: ['cras'], isManager: true })).toBe(refusal);
    expect(reviewChairRefusal(transfer!, { teamIds: ['cpc'], isManager: false })).toBe(refusal);
    expect(reviewChairRefusal(transfer!, { teamIds: [], isManager: true })).toBe(refusal);
  });
});
