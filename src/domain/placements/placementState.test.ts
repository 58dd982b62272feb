import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../records/events';
import { agreedMove, awaitingDisruptionReview, noticeRefusal, pendingMove, placementsOf } from './placementState';

let seq = 0;
const event = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++seq}`, type, occurredAt: new Date(at), recordedByName: 'Worker', data });
const inCare = () => [event('cic.started', '2026-08-03T09:00:00Z', { legalStatus: 'C2' }), event('cic.placement_started', '2026-08-03T09:00:00Z', { placementId: 'p1', setting: 'residential', carer: 'Willow Court' })];

describe('a child’s placements (resource-service-policy.txt 1.1; placement-stability-guidance.txt)', () => {
  it('allows a move only once agreed, and only once', () => {
    const requested = [...inCare(), event('placements.move_requested', '2026-08-20T10:00:00Z', { reason: 'Missing', urgent: false })];
    const state = placementsOf(requested);
    expect(pendingMove(state)?.reason).toBe('Missing');
    expect(agreedMove(state)).toBeNull();
    const agreed = [...requested, event('placements.move_authorised', '2026-08-21T10:00:00Z', { moveRequestId: requested.at(-1)!.id, by: 'head_of_service', alternatives: 'None in house' })];
    expect(agreedMove(placementsOf(agreed))?.authorised?.by).toBe('head_of_service');
    const moved = [...agreed, event('cic.placement_ended', '2026-08-28T16:00:00Z', { reason: 'breakdown' }), event('cic.placement_started', '2026-08-28T16:00:00Z', { placementId: 'p2', move: true, moveRequestId: requested.at(-1)!.id })];
    const after = placementsOf(moved);
    expect(agreedMove(after)).toBeNull();
    expect(pendingMove(after)).toBeNull();
    expect(after.current?.placementId).toBe('p2');
  });

  it('refuses a Notice to Quit until a stability meeting in this placement, since any notice accepted before', () => {
    const notice = [...inCare(), event('placements.notice_to_quit_received', '2026-10-05T09:00:00Z', { reason: 'Assaults' })];
    expect(noticeRefusal(placementsOf(notice), new Date('2026-10-05T12:00:00Z'))).toMatch(/^A Notice to Quit cannot be accepted until a Placement Stability Meeting/);
    const met = [...notice, event('placements.stability_meeting_held', '2026-10-05T14:00:00Z')];
    // A meeting after the moment of acceptance does not count for it.
    expect(noticeRefusal(placementsOf(met), new Date('2026-10-05T13:00:00Z'))).not.toBeNull();
    expect(noticeRefusal(placementsOf(met), new Date('2026-10-05T15:00:00Z'))).toBeNull();
    const accepted = [...met, event('placements.notice_to_quit_accepted', '2026-10-05T16:00:00Z', { noticeId: notice.at(-1)!.id })];
    expect(noticeRefusal(placementsOf(accepted), new Date('2026-10-06T10:00:00Z'))).toBe('There is no Notice to Quit waiting: record the notice received first');
    // A meeting held before the notice came is not about it.
    const earlier = [...inCare(), event('placements.stability_meeting_held', '2026-09-01T10:00:00Z'), event('placements.notice_to_quit_received', '2026-10-05T09:00:00Z', { reason: 'Assaults' })];
    expect(noticeRefusal(placementsOf(earlier), new Date('2026-10-06T12:00:00Z'))).not.toBeNull();
    // A second notice needs a meeting of its own: the first one's does not count again.
    const again = [...accepted, event('placements.notice_to_quit_received', '2026-11-01T09:00:00Z', { reason: 'Again' })];
    expect(noticeRefusal(placementsOf(again), new Date('2026-11-02T10:00:00Z'))).not.toBeNull();
    // A meeting in an earlier placement does not count.
    const moved = [...inCare(), event('placements.stability_meeting_held', '2026-08-10T10:00:00Z'), event('cic.placement_ended', '2026-08-20T10:00:00Z'), event('cic.placement_started', '2026-08-20T10:00:00Z', { placementId: 'p2' }), event('placements.notice_to_quit_received', '2026-09-01T09:00:00Z')];
    expect(noticeRefusal(placementsOf(moved), new Date('2026-09-02T10:00:00Z'))).not.toBeNull();
  });

  it('waits for a disruption review after a placement breaks down, not after a planned move', () => {
    const planned = [...inCare(), event('cic.placement_ended', '2026-09-01T10:00:00Z', { reason: 'care_plan' }), event('cic.placement_started', '2026-09-01T10:00:00Z', { placementId: 'p2' })];
    expect(awaitingDisruptionReview(placementsOf(planned))).toEqual([]);
    const brokeDown = [...planned, event('cic.placement_ended', '2026-10-01T10:00:00Z', { reason: 'notice_to_quit' }), event('cic.placement_started', '2026-10-01T10:00:00Z', { placementId: 'p3' })];
    expect(awaitingDisruptionReview(placementsOf(brokeDown)).map((p) => p.placementId)).toEqual(['p2']);
    const reviewed = [...brokeDown, event('placements.disruption_review_held', '2026-10-10T10:00:00Z', { placementId: 'p2', causes: ['missing'] })];
    expect(awaitingDisruptionReview(placementsOf(reviewed))).toEqual([]);
  });

  it("keeps a head of service's exception until a placement uses it or the period of care ends", () => {
    const excepted = [...inCare(), event('placements.rating_exception_agreed', '2026-08-10T10:00:00Z', { providerId: 'weak', reason: 'Only option' })];
    expect(placementsOf(excepted).exceptions.map((x) => x.providerId)).toEqual(['weak']);
    const used = [...excepted, event('cic.placement_ended', '2026-08-11T10:00:00Z'), event('cic.placement_started', '2026-08-11T10:00:00Z', { placementId: 'p2', providerId: 'weak', ratingExceptionId: excepted.at(-1)!.id })];
    expect(placementsOf(used).exceptions).toEqual([]);
    const ended = [...excepted, event('cic.ended', '2026-08-12T10:00:00Z')];
    expect(placementsOf(ended).exceptions).toEqual([]);
  });
});
