import { firstAndLastChairRefusal } from '../plans/chairedMeetings';
import { chronological } from '../records/events';
import type { ConferenceEvent } from './conferenceState';

export interface CoreGroupMeeting {
  eventId: string;
  at: Date;
  chair: string;
  chairWasManager: boolean;
  last: boolean;
  signedOff: { at: Date; byName: string | null } | null;
}

/**
 * The core group meetings of the child's current child protection plan (practice-standards.txt,
 * Section 2: Child Protection Plans and Reviews, Core Group Meetings 8-16), oldest first, each with
 * its record's sign-off. Empty when the child is not on a plan.
 */
export function coreGroupsOfPlan(stream: readonly ConferenceEvent[]): { onPlan: boolean; meetings: CoreGroupMeeting[] } {
  let onPlan = false;
  let meetings: CoreGroupMeeting[] = [];
  for (const e of chronological(stream)) {
    if (e.type === 'cp.conference_held' && e.data.kind === 'initial' && e.data.planMade === true) {
      onPlan = true;
      meetings = [];
    } else if (e.type === 'cp.plan_ended') {
      onPlan = false;
      meetings = [];
    } else if (e.type === 'cp.core_group_held' && onPlan) {
      meetings.push({ eventId: e.id, at: e.occurredAt, chair: String(e.data.chair ?? e.recordedByName ?? ''), chairWasManager: e.data.chairWasManager === true, last: e.data.last === true, signedOff: null });
    } else if (e.type === 'cp.core_group_record_signed_off') {
      const meeting = meetings.find((m) => m.eventId === e.data.coreGroupId) ?? [...meetings].reverse().find((m) => !m.signedOff && m.at.getTime() <= e.occurredAt.getTime());
      if (meeting && !meeting.signedOff) meeting.signedOff = { at: e.occurredAt, byName: e.recordedByName };
    }
  }
  return { onPlan, meetings };
}

/** The first and last meetings of a plan are chaired by a manager (Core Group Meetings 11). */
export function coreGroupChairRefusal(meetings: readonly CoreGroupMeeting[], chairIsManager: boolean, last: boolean): string | null {
  return firstAndLastChairRefusal(meetings.length, chairIsManager, last, 'core group meeting');
}
