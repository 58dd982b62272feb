import type { WorkflowEvent } from '../records/events';

/**
 * A meeting of the Resource and Care Panel, folded from its own stream of events
 * (resource-and-care-panel-policy.txt 1.5-1.8, I.16, I.18, 1.7 g): when and where, whether it was
 * cancelled with the chair's agreement, who chairs it, who attended in which panel role, the
 * declarations of involvement, each presentation's steps and the finance log's sign-off. The
 * decisions themselves live on the children's records (I.18): see decisions.ts.
 */

/** 1.7: the panel's members by their role on the panel. */
export const panelRoles = [
  { value: 'chair', text: 'Deputy Director (chair)' },
  { value: 'vice_chair', text: 'Service Manager, Fostering and Placement (vice chair)' },
  { value: 'head_of_service', text: 'Head of Service (chairing in their absence)' },
  { value: 'virtual_school', text: 'Virtual School representative' },
  { value: 'iro_service', text: 'Service Manager, Independent Reviewing' },
  { value: 'staying_together', text: 'Team Manager, Staying Together' },
  { value: 'finance', text: 'Finance service officer' },
  { value: 'housing', text: 'Housing Department representative' },
  { value: 'business_support', text: 'Business support officer (minutes)' },
  { value: 'presenter', text: 'Social worker or team manager presenting' },
  { value: 'other', text: 'Other' },
] as const;

/** 1.7 a)-c): who may chair, and in which capacity. */
export const chairCapacities = [
  { value: 'chair', text: 'The chair (Deputy Director)' },
  { value: 'vice_chair', text: 'The vice chair (Service Manager, Fostering and Placement)' },
  { value: 'head_of_service', text: 'Another Head of Service, as neither the chair nor the vice chair is available' },
] as const;

/** I.16 a)-e): the agenda for each case presentation. */
export const presentationSteps = [
  { value: 'introductions', text: 'Introductions' },
  { value: 'previous_recommendations', text: 'Review of previous recommendations, when applicable' },
  { value: 'case_summary', text: 'Social worker or team manager gives a brief case summary and what they are seeking' },
  { value: 'discussion', text: 'Chair opens discussion from panel members' },
  { value: 'summary', text: 'Chair summarises the discussion and the recommendations or decisions' },
] as const;

export const meetingEventTypes = {
  scheduled: 'panel.meeting_scheduled',
  cancelled: 'panel.meeting_cancelled',
  chairSet: 'panel.meeting_chair_set',
  attended: 'panel.member_attended',
  declared: 'panel.involvement_declared',
  step: 'panel.presentation_step',
  financeSignedOff: 'panel.finance_signed_off',
} as const;

export interface PanelMember {
  memberId: string;
  /** A Hearth user, or null for a named external member (Housing, the Virtual School). */
  userId: string | null;
  name: string;
  panelRole: string;
}

export interface Declaration {
  memberId: string;
  userId: string | null;
  name: string;
  personId: string;
  involvement: string;
  at: Date;
}

export interface Meeting {
  meetingId: string;
  date: string;
  time: string;
  venue: string;
  scheduledAt: Date;
  cancelled: { reason: string; agreedBy: string; at: Date } | null;
  chair: { userId: string; name: string; capacity: string } | null;
  members: PanelMember[];
  declarations: Declaration[];
  /** Each agenda item's steps done (I.16), by the item's key. */
  steps: Map<string, Set<string>>;
  financeSignOff: { by: string; userId: string | null; at: Date; weeklyPence: number; totalPence: number; decisions: number } | null;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export function meetingOf(stream: readonly (WorkflowEvent & { meetingId?: string })[]): Meeting | null {
  let meeting: Meeting | null = null;
  for (const e of stream) {
    const d = e.data;
    if (e.type === meetingEventTypes.scheduled) {
      meeting = { meetingId: text(d.meetingId), date: text(d.date), time: text(d.time) || '14:00', venue: text(d.venue), scheduledAt: e.occurredAt, cancelled: null, chair: null, members: [], declarations: [], steps: new Map(), financeSignOff: null };
      continue;
    }
    if (!meeting) continue;
    switch (e.type) {
      case meetingEventTypes.cancelled:
        meeting.cancelled = { reason: text(d.reason), agreedBy: text(d.agreedBy), at: e.occurredAt };
        break;
      case meetingEventTypes.chairSet:
        meeting.chair = { userId: text(d.userId), name: text(d.name), capacity: text(d.capacity) };
        break;
      case meetingEventTypes.attended:
        if (!meeting.members.some((m) => m.memberId === d.memberId)) meeting.members.push({ memberId: text(d.memberId), userId: typeof d.userId === 'string' ? d.userId : null, name: text(d.name), panelRole: text(d.panelRole) });
        break;
      case meetingEventTypes.declared:
        meeting.declarations.push({ memberId: text(d.memberId), userId: typeof d.userId === 'string' ? d.userId : null, name: text(d.name), personId: text(d.personId), involvement: text(d.involvement), at: e.occurredAt });
        break;
      case meetingEventTypes.step: {
        const done = meeting.steps.get(text(d.itemKey)) ?? new Set<string>();
        done.add(text(d.step));
        meeting.steps.set(text(d.itemKey), done);
        break;
      }
      case meetingEventTypes.financeSignedOff:
        meeting.financeSignOff = { by: text(d.name), userId: typeof d.userId === 'string' ? d.userId : null, at: e.occurredAt, weeklyPence: num(d.weeklyPence), totalPence: num(d.totalPence), decisions: num(d.decisions) };
        break;
    }
  }
  return meeting;
}

/** 1.8: whether this user has declared an involvement in this child's case at this meeting. */
export const hasDeclared = (meeting: Meeting, userId: string, personId: string) => meeting.declarations.some((d) => d.userId === userId && d.personId === personId);

/**
 * Who may record a decision for this child at this meeting (I.18, 1.7 a-c, 1.8): the chair set for
 * the meeting, with no declared involvement in the child's case. The reason when refused.
 */
export function chairRefusal(meeting: Meeting, userId: string, personId: string): string | null {
  if (meeting.cancelled) return 'This meeting was cancelled: no decisions are made at it';
  if (!meeting.chair) return 'Set who chairs this meeting first (1.7): only the chair records the panel’s decisions';
  if (meeting.chair.userId !== userId) return `Only the chair of this meeting, ${meeting.chair.name}, records the panel’s decisions (I.18)`;
  if (hasDeclared(meeting, userId, personId)) return 'You have declared an involvement in this child’s case (1.8): another head of service must chair this item and record the decision';
  return null;
}

/**
 * Who may act for the chair on this meeting (1.6, 1.7 g, I.18): the Chair of the Panel (the
 * panel-chair role), or whoever chairs this meeting. Not every service manager or head of service.
 */
export function chairsMeeting(meeting: Meeting, actor: { userId: string; roles: readonly string[] }): boolean {
  return actor.roles.includes('panel-chair') || meeting.chair?.userId === actor.userId;
}

/** 1.5: the weekly Thursday meetings from a date: the next `weeks` Thursdays on or after it. */
export function thursdaysFrom(date: string, weeks: number): string[] {
  const start = new Date(`${date}T00:00:00Z`);
  const offset = (4 - start.getUTCDay() + 7) % 7;
  return Array.from({ length: weeks }, (_, i) => new Date(start.getTime() + (offset + 7 * i) * 86_400_000).toISOString().slice(0, 10));
}
