import { londonInstant } from '../calendar/localDate';
import { chronological, type WorkflowEvent } from '../records/events';
import { text, textOrNull } from '../records/eventData';

/**
 * Family time sessions (resource-service-policy.txt 2.2: "dedicated Family Time Workers ... oversee
 * contact arrangements where this is regarded as necessary either to safeguard the child from harm
 * or to carry out an agreed assessment, for example a parenting assessment").
 */
export const levels = [
  { value: 'supervised', text: 'Supervised: the worker is with the family throughout' },
  { value: 'supported', text: 'Supported: the worker helps the family make the most of it' },
  { value: 'observed', text: 'Observed for an assessment' },
] as const;

export const reasons = [
  { value: 'safeguarding', text: 'To safeguard the child from harm' },
  { value: 'assessment', text: 'To carry out an agreed assessment (for example a parenting assessment)' },
] as const;

export const attendanceOutcomes = [
  { value: 'all', text: 'Everyone attended' },
  { value: 'child_absent', text: 'The child did not attend' },
  { value: 'family_absent', text: 'A family member did not attend' },
  { value: 'ended_early', text: 'It ended early' },
] as const;

export const cancelledBy = [
  { value: 'family', text: 'The family' },
  { value: 'carer', text: 'The carer' },
  { value: 'child', text: 'The child' },
  { value: 'service', text: 'The service' },
] as const;

export interface Attendee {
  personId: string;
  name: string;
  relationship: string;
}

/** The plan the family time carries out: the child's care plan, or the plan they are under. */
export interface PlanLink {
  kind: 'care_plan' | 'cp_plan' | 'cin_plan' | 'none';
  eventId: string | null;
  title: string;
  says: string;
}

export interface FamilyTimeSession {
  sessionId: string;
  workerId: string;
  workerName: string;
  venue: string;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: Date;
  endsAt: Date;
  attendees: Attendee[];
  level: string;
  reason: string;
  assessment: string | null;
  plan: PlanLink;
  status: 'booked' | 'recorded' | 'cancelled';
  booked: { at: Date; byName: string | null };
  recorded: { at: Date; byName: string | null; attendance: string; absentIds: string[]; observations: string | null; concerns: string | null } | null;
  cancelled: { at: Date; byName: string | null; by: string; reason: string } | null;
}


/** A child's sessions from their record (or from a read across records), in the order they were booked. */
export function sessionsOf(stream: readonly WorkflowEvent[]): FamilyTimeSession[] {
  const sessions = new Map<string, FamilyTimeSession>();
  for (const e of chronological(stream)) {
    const id = text(e.data.sessionId);
    if (e.type === 'family_time.session_booked') {
      const plan = (e.data.plan ?? {}) as Record<string, unknown>;
      sessions.set(id, {
        sessionId: id,
        workerId: text(e.data.workerId),
        workerName: text(e.data.workerName),
        venue: text(e.data.venue),
        date: text(e.data.date),
        startTime: text(e.data.startTime),
        endTime: text(e.data.endTime),
        startsAt: new Date(text(e.data.startsAt)),
        endsAt: new Date(text(e.data.endsAt)),
        attendees: Array.isArray(e.data.attendees) ? (e.data.attendees as Record<string, unknown>[]).map((a) => ({ personId: text(a.personId), name: text(a.name), relationship: text(a.relationship) })) : [],
        level: text(e.data.level),
        reason: text(e.data.reason),
        assessment: textOrNull(e.data.assessment),
        plan: { kind: (['care_plan', 'cp_plan', 'cin_plan'].includes(text(plan.kind)) ? plan.kind : 'none') as PlanLink['kind'], eventId: textOrNull(plan.eventId), title: text(plan.title), says: text(plan.says) },
        status: 'booked',
        booked: { at: e.occurredAt, byName: e.recordedByName },
        recorded: null,
        cancelled: null,
      });
      continue;
    }
    const s = sessions.get(id);
    if (!s || s.status !== 'booked') continue;
    if (e.type === 'family_time.session_recorded') {
      s.status = 'recorded';
      s.recorded = { at: e.occurredAt, byName: e.recordedByName, attendance: text(e.data.attendance), absentIds: Array.isArray(e.data.absentIds) ? e.data.absentIds.map(String) : [], observations: textOrNull(e.data.observations), concerns: textOrNull(e.data.concerns) };
    } else if (e.type === 'family_time.session_cancelled') {
      s.status = 'cancelled';
      s.cancelled = { at: e.occurredAt, byName: e.recordedByName, by: text(e.data.by), reason: text(e.data.reason) };
    }
  }
  return [...sessions.values()];
}

/**
 * A session's start and end as instants, from its London date and times of day: 10:00 on a day in
 * British Summer Time is 09:00 UTC. A time the clocks skip, or an end not after the start, is a problem.
 */
export function sessionTimes(date: string, startTime: string, endTime: string): { startsAt: Date; endsAt: Date } | { field: string; message: string } {
  const startsAt = londonInstant(date, startTime);
  if (!startsAt) return { field: 'startTime', message: `There was no ${startTime} on that day: the clocks went forward. Choose another time` };
  const endsAt = londonInstant(date, endTime);
  if (!endsAt) return { field: 'endTime', message: `There was no ${endTime} on that day: the clocks went forward. Choose another time` };
  if (endsAt.getTime() <= startsAt.getTime()) return { field: 'endTime', message: 'The end time must be after the start time' };
  return { startsAt, endsAt };
}

/**
 * A worker cannot be in two sessions at once: the booked session of theirs this one would overlap, if
 * any. Siblings' family time together is one session in the worker's day: the same times at the same
 * venue are not a clash.
 */
export function clashFor(diary: readonly FamilyTimeSession[], candidate: { workerId: string; startsAt: Date; endsAt: Date; venue?: string }): FamilyTimeSession | null {
  const joint = (s: FamilyTimeSession) => candidate.venue !== undefined && s.venue.trim().toLowerCase() === candidate.venue.trim().toLowerCase() && s.startsAt.getTime() === candidate.startsAt.getTime() && s.endsAt.getTime() === candidate.endsAt.getTime();
  return (
    diary.find((s) => s.status !== 'cancelled' && s.workerId === candidate.workerId && s.startsAt.getTime() < candidate.endsAt.getTime() && candidate.startsAt.getTime() < s.endsAt.getTime() && !joint(s)) ?? null
  );
}

/** Held (its end has passed) and not yet recorded: the diary's overdue list. */
export function awaitingRecord(s: FamilyTimeSession, now: Date): boolean {
  return s.status === 'booked' && s.endsAt.getTime() <= now.getTime();
}

/** Did the session take place? Not if the child, or every family member, stayed away. */
export function tookPlace(attendance: string, absentIds: readonly string[], attendees: readonly Attendee[]): boolean {
  if (attendance === 'child_absent') return false;
  if (attendance === 'family_absent') return !attendees.every((a) => absentIds.includes(a.personId));
  return true;
}

/**
 * The plan the child is under, which family time carries out: for a child in care, the latest
 * care plan (Children in Care 23); otherwise an open child protection or child in need plan.
 */
export function planOf(stream: readonly WorkflowEvent[]): Omit<PlanLink, 'says'> {
  let inCare: Date | null = null;
  let carePlan: WorkflowEvent | null = null;
  let cp: WorkflowEvent | null = null;
  let cin: WorkflowEvent | null = null;
  for (const e of chronological(stream)) {
    if (e.type === 'cic.started') [inCare, carePlan] = [e.occurredAt, null];
    else if (e.type === 'cic.ended') [inCare, carePlan] = [null, null];
    else if (e.type === 'cic.care_plan_completed' && inCare) carePlan = e;
    else if (e.type === 'cp.conference_held' && e.data.planMade === true) cp = cp ?? e;
    else if (e.type === 'cp.plan_ended') cp = null;
    else if (e.type === 'cin.plan_started') cin = e;
    else if (e.type === 'cin.plan_ended') cin = null;
  }
  if (inCare) return carePlan ? { kind: 'care_plan', eventId: carePlan.id, title: 'Care plan' } : { kind: 'none', eventId: null, title: 'In care, care plan not yet completed' };
  if (cp) return { kind: 'cp_plan', eventId: cp.id, title: 'Child protection plan' };
  if (cin) return { kind: 'cin_plan', eventId: cin.id, title: 'Child in need plan' };
  return { kind: 'none', eventId: null, title: 'No plan' };
}
