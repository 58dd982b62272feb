import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../records/events';
import { ageText, earliestFor, notifyNow, onTrackingList, refusals, stageOf, suggestedRoute, trackingMeetingStatus, transitionAge, transitionOf } from './transitions';

let n = 0;
const e = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++n}`, type, occurredAt: new Date(at), recordedByName: 'Chloe Evans', data });

describe('a disabled child’s transition to adult services (practice-standards.txt, Section 1: Children with Disabilities 20-26)', () => {
  it('reads the steps in the order they happened, whatever order they come in', () => {
    const t = transitionOf([
      e('transitions.forum_decided', '2026-09-01T10:00:00Z', { responsibility: 'adult_social_care', summary: 'Adult social care to fund' }),
      e('transitions.team_notified', '2025-04-06T10:00:00Z', { note: 'Emailed the Transitions Team' }),
      e('transitions.need_identified', '2025-03-01T10:00:00Z', { reason: 'Complex needs' }),
      e('transitions.referral_made', '2026-04-06T10:00:00Z'),
      e('transitions.sda_completed', '2026-07-01T10:00:00Z'),
      e('transitions.ehcp_review_attended', '2025-11-01T10:00:00Z'),
      e('transitions.tracking_meeting_discussed', '2025-05-01T10:00:00Z', { meetingId: 'm1', note: 'Notification shared' }),
      e('transitions.assessment_triggered', '2026-04-06T09:00:00Z', { assessment: 'short_breaks' }),
    ]);
    expect(t.decision).toMatchObject({ likely: true, note: 'Complex needs' });
    expect(t.notified?.note).toBe('Emailed the Transitions Team');
    expect(t.assessment?.route).toBe('short_breaks');
    expect(t.meetings.map((m) => m.meetingId)).toEqual(['m1']);
    expect(t.forum?.responsibility).toBe('adult_social_care');
    expect(stageOf(t)).toBe('forum_decided');
  });

  it('takes the latest decision on whether adult services are likely, and a ruling out wins the stage', () => {
    const likely = e('transitions.need_identified', '2025-03-01T10:00:00Z');
    const ruledOut = e('transitions.need_ruled_out', '2025-06-01T10:00:00Z', { reason: 'Needs met by universal services' });
    expect(stageOf(transitionOf([]))).toBe('not_decided');
    expect(stageOf(transitionOf([likely]))).toBe('likely');
    const t = transitionOf([likely, ruledOut, e('transitions.team_notified', '2025-04-01T10:00:00Z')]);
    expect(stageOf(t)).toBe('ruled_out');
    expect(t.decision?.note).toBe('Needs met by universal services');
    expect(refusals.notified(t)).toMatch(/^Recorded as not likely to need adult services on 1 June 2025/);
    expect(refusals.ruledOut(t)).toMatch(/^Already recorded as not likely/);
    expect(refusals.likely(transitionOf([]))).toBeNull();
    expect(refusals.likely(transitionOf([likely]))).toBe('Already recorded as likely to need adult services on 1 March 2025');
  });

  it('refuses "likely" after a ruling out, whose cancellation of the clocks (20, 25) a new decision could not undo', () => {
    const likely = e('transitions.need_identified', '2025-03-01T10:00:00Z');
    const ruledOut = e('transitions.need_ruled_out', '2025-06-01T10:00:00Z', { reason: 'Needs met by universal services' });
    const t = transitionOf([likely, ruledOut]);
    expect(refusals.likely(t)).toMatch(/^Recorded as not likely to need adult services on 1 June 2025, which ended .*: it cannot be changed to likely here\. If the child's needs have changed, record that in a case note/);
    for (const step of ['notified', 'assessment', 'referral'] as const) expect(refusals[step](t)).toMatch(/^Recorded as not likely to need adult services on 1 June 2025/);
    // Nor may a ruling out be dated before a decision that the child is likely (it would cancel the clocks that decision keeps).
    expect(earliestFor(transitionOf([likely]), 'ruledOut')?.at.toISOString()).toBe('2025-03-01T10:00:00.000Z');
    expect(earliestFor(transitionOf([]), 'ruledOut')).toBeNull();
  });

  it('refuses steps out of order, saying what to record first', () => {
    const empty = transitionOf([]);
    expect(refusals.ehcpReview(empty)).toMatch(/record the notification first/);
    expect(refusals.sda(empty)).toMatch(/record the referral first/);
    expect(refusals.forum(empty)).toMatch(/record its completion first/);
    const notified = transitionOf([e('transitions.team_notified', '2026-04-06T10:00:00+01:00')]);
    expect(refusals.notified(notified)).toBe('The Transitions Team was notified on 6 April 2026');
    expect(refusals.ehcpReview(notified)).toBeNull();
    expect(earliestFor(notified, 'ehcpReview')?.at.toISOString()).toBe('2026-04-06T09:00:00.000Z');
  });

  it('suggests the assessment route from who holds the child: social work, then early help, then short breaks (22-24)', () => {
    expect(suggestedRoute(transitionOf([e('short_breaks.started', '2025-01-01T10:00:00Z')]))).toBe('short_breaks');
    expect(suggestedRoute(transitionOf([e('short_breaks.started', '2025-01-01T10:00:00Z'), e('early_help.received', '2025-02-01T10:00:00Z')]))).toBe('early_help');
    expect(suggestedRoute(transitionOf([e('early_help.received', '2025-02-01T10:00:00Z'), e('cin.plan_started', '2025-03-01T10:00:00Z')]))).toBe('child_and_family');
    expect(suggestedRoute(transitionOf([e('cin.plan_started', '2025-03-01T10:00:00Z'), e('closure.completed', '2025-09-01T10:00:00Z')]))).toBeNull();
  });

  it('has the assessment and the referral at 16 for a child in care and 17 otherwise (22, 25)', () => {
    const inCare = transitionOf([e('cic.started', '2025-01-01T10:00:00Z', { legalStatus: 'V2' })]);
    expect(transitionAge(inCare)).toBe(16);
    expect(transitionAge(transitionOf([e('cic.started', '2025-01-01T10:00:00Z'), e('cic.ended', '2025-06-01T10:00:00Z')]))).toBe(17);
  });

  it('tracks children from 13 and a half, and shows their age in years and months', () => {
    // Born 29 February 2012: 13 and a half on 29 August 2025 (clamped from 29 February to the month's length as birthdays are).
    expect(onTrackingList('2012-02-29', '2025-08-28')).toBe(false);
    expect(onTrackingList('2012-02-29', '2025-08-29')).toBe(true);
    expect(onTrackingList(null, '2025-08-29')).toBe(false);
    expect(ageText('2012-02-29', '2026-02-28')).toBe('13 years 11 months');
    expect(ageText('2012-02-29', '2026-03-01')).toBe('14 years');
    expect(ageText('2009-12-26', '2026-12-28')).toBe('17 years');
  });

  it('asks for a notification now for a child who presents after their 14th birthday (20)', () => {
    expect(notifyNow(transitionOf([]), '2012-04-06', '2026-04-05')).toBe(false);
    expect(notifyNow(transitionOf([]), '2012-04-06', '2026-04-06')).toBe(true);
    expect(notifyNow(transitionOf([e('transitions.team_notified', '2026-04-06T10:00:00Z')]), '2012-04-06', '2026-05-01')).toBe(false);
    expect(notifyNow(transitionOf([e('transitions.need_ruled_out', '2026-04-06T10:00:00Z')]), '2012-04-06', '2026-05-01')).toBe(false);
  });

  it('says when the last monthly tracking meeting was, and whether one has been held this London month (20)', () => {
    // 23:30 UTC on 31 October 2026 is still 31 October in London (GMT from 25 October): an October meeting.
    const october = new Date('2026-10-31T23:30:00Z');
    expect(trackingMeetingStatus([october], '2026-11-02')).toEqual({ last: october, heldThisMonth: false, month: '2026-11' });
    // 23:30 UTC on 31 May 2026 is 00:30 BST on 1 June: a June meeting.
    const june = new Date('2026-05-31T23:30:00Z');
    expect(trackingMeetingStatus([new Date('2026-05-05T10:00:00Z'), june], '2026-06-30').heldThisMonth).toBe(true);
    expect(trackingMeetingStatus([], '2026-06-30')).toEqual({ last: null, heldThisMonth: false, month: '2026-06' });
  });

  it('keeps the 75-nights-away cohort: joined with a basis, left with a reason, refused for a child in care (16, note 2)', () => {
    const joined = e('cwd.nights_away_cohort_joined', '2026-01-05T10:00:00Z', { basis: 'residential_school', nights: 190 });
    const t = transitionOf([joined]);
    expect(t.nightsAway).toMatchObject({ basis: 'residential_school', nights: 190 });
    expect(refusals.nightsAwayJoined(t)).toMatch(/^Already in the 75-nights-away cohort since 5 January 2026/);
    expect(refusals.nightsAwayLeft(t)).toBeNull();
    const left = transitionOf([joined, e('cwd.nights_away_cohort_left', '2026-07-20T10:00:00+01:00', { reason: 'Left the residential school' })]);
    expect(left.nightsAway).toBeNull();
    expect(left.nightsAwayHistory[0]?.left?.note).toBe('Left the residential school');
    expect(refusals.nightsAwayLeft(left)).toBe('The child is not in the 75-nights-away cohort');
    expect(refusals.nightsAwayJoined(transitionOf([e('cic.started', '2026-01-01T10:00:00Z')]))).toMatch(/already seen every 4 weeks \(16\)/);
  });
});
