import { randomUUID } from 'node:crypto';
import { can } from '../../domain/access/can';
import { addDays, londonDate } from '../../domain/calendar/localDate';
import { attendanceOutcomes, awaitingRecord, cancelledBy, clashFor, levels, planOf, reasons, sessionTimes, sessionsOf, tookPlace, type FamilyTimeSession } from '../../domain/familyTime/sessions';
import { fullName } from '../../domain/people/personDetails';
import type { RecordedEvent } from '../../domain/records/events';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { familyTimeDiary } from './familyTimeDiary';
import { ValidationError } from '../../platform/errors';
import { formatDateTime } from '../../platform/views/filters';
import { mergeProblems, problemsOf } from '../../platform/validation';
import { dateOf } from '../carePackages/carePackageSchemas';
import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { bookSchema, cancelSchema, recordSchema } from './familyTimeSchemas';
import type { z } from 'zod';
import { groupedBy } from '../../domain/records/events';

export const familyTimeTypes = ['family_time.session_booked', 'family_time.session_recorded', 'family_time.session_cancelled'];
/** Sessions are booked at most this far ahead, so every session near a date was booked within the diary's look-back. */
export const maxWeeksAhead = 26;
export const lookBackDays = 400;
const notFamily = new Set(['professional', 'foster-carer']);

const refuse = (field: string, message: string): never => {
  throw new ValidationError([{ field, message }]);
};
function parse<T extends z.ZodType>(schema: T, body: Record<string, unknown>, earlier: { field: string; message: string }[] = []): z.infer<T> {
  const parsed = schema.safeParse(body);
  const problems = mergeProblems(earlier, parsed.success ? [] : problemsOf(parsed.error));
  if (problems.length > 0 || !parsed.success) throw new ValidationError(problems);
  return parsed.data;
}

/**
 * Family time overseen by the Family Time team (resource-service-policy.txt 2.2): sessions booked
 * with a worker, venue and times, who attends, the level of support and why, linked to the child's
 * plan; then recorded (attendance, observations, concerns) or cancelled. A worker is never booked
 * into two sessions at once, across every child's diary.
 */
export function familyTimeService(db: Db, clock: Clock, people: PeopleService, staff: StaffDirectory) {
  const workers = async () => (await staff.allMembers()).filter((m) => m.active && m.roles.includes('family-time-worker'));

  /** Every session in the diary (booked within the look-back), with the child it is for. */
  async function diarySessions(now: Date): Promise<(FamilyTimeSession & { personId: string })[]> {
    const byPerson = groupedBy(await people.ofTypesSince(familyTimeTypes, new Date(now.getTime() - lookBackDays * 86_400_000)), (e) => e.personId);
    return [...byPerson].flatMap(([personId, events]) => sessionsOf(events).map((s) => ({ ...s, personId })));
  }
  const step = (context: RequestContext, personId: string, decide: (sessions: FamilyTimeSession[], stream: RecordedEvent[], now: Date) => { type: string; occurredAt: Date; data: Record<string, unknown> }[]) =>
    people.recordOn(context, [personId], 'family_time:record', 'child.family_time_recorded', (_records, streams, now) => {
      const stream = streams.get(personId) ?? [];
      return decide(sessionsOf(stream), stream, now).map((e) => ({ personId, ...e }));
    });
  const find = (sessions: FamilyTimeSession[], id: string) => sessions.find((s) => s.sessionId === id) ?? refuse('sessionId', 'There is no such session on this record');

  return {
    diary: familyTimeDiary(db, clock, people, diarySessions),

    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const now = clock.now();
      const family = (await people.currentRelationships(context, record)).filter((r) => !notFamily.has(r.type) && r.person.visible);
      const sessions = sessionsOf(stream).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
      return {
        record,
        name: fullName(record.details),
        now,
        sessions: sessions.map((s) => ({ ...s, overdue: awaitingRecord(s, now), started: s.startsAt.getTime() <= now.getTime() })),
        family: family.map((r) => ({ personId: r.person.id, name: r.person.name, relationship: r.label })),
        workers: (await workers()).map((w) => ({ value: w.id, text: w.displayName, selected: w.id === context.actor.userId })),
        plan: planOf(stream),
        levels, reasons, attendanceOutcomes, cancelledBy,
        may: { record: can(context.actor, 'family_time:record', record) },
      };
    },

    async book(context: RequestContext, personId: string, body: Record<string, unknown>) {
      // Read before the record is locked: the diary and the family are not this record's events.
      const now = clock.now();
      const record = await people.record(context, personId, 'family_time:record');
      const family = (await people.currentRelationships(context, record)).filter((r) => !notFamily.has(r.type) && r.person.visible);
      const team = await workers();
      const diary = await diarySessions(now);
      const date = dateOf(body, 'date', 'The date of the session', true);
      const data = parse(bookSchema, body, date.problems);
      const today = londonDate(now);
      if (date.value! < today) refuse('date', 'The date of the session must be today or in the future');
      if (date.value! > addDays(today, maxWeeksAhead * 7)) refuse('date', `Sessions can be booked up to ${maxWeeksAhead} weeks ahead`);
      const times = sessionTimes(date.value!, data.startTime, data.endTime);
      if ('field' in times) return refuse(times.field, times.message);
      const worker = team.find((w) => w.id === data.workerId) ?? refuse('workerId', 'Select a Family Time worker from the list');
      const attendees = data.attendees.map((id) => family.find((r) => r.person.id === id) ?? refuse('attendees', 'Select family members from the child’s relationships'));
      if (data.reason === 'assessment' && !data.assessment) refuse('assessment', 'Say which agreed assessment, for example a parenting assessment');
      const clash = clashFor(diary, { workerId: worker.id, venue: data.venue, ...times });
      if (clash) refuse('startTime', `${worker.displayName} is already booked from ${formatDateTime(clash.startsAt)} to ${clash.endTime}: choose another time or worker`);
      return step(context, personId, (sessions, stream, at) => {
        // The child's own diary read again under the lock, for a booking made a moment ago.
        const mine = clashFor(sessions, { workerId: worker.id, ...times }); // the same child twice is never a joint session
        if (mine) refuse('startTime', `${worker.displayName} is already booked from ${formatDateTime(mine.startsAt)} to ${mine.endTime}: choose another time or worker`);
        return [{
          type: 'family_time.session_booked',
          occurredAt: at,
          data: {
            sessionId: randomUUID(), workerId: worker.id, workerName: worker.displayName, venue: data.venue, date: date.value, startTime: data.startTime, endTime: data.endTime,
            startsAt: times.startsAt.toISOString(), endsAt: times.endsAt.toISOString(),
            attendees: attendees.map((r) => ({ personId: r.person.id, name: r.person.name, relationship: r.label })),
            level: data.level, reason: data.reason, assessment: data.reason === 'assessment' ? data.assessment : null,
            plan: { ...planOf(stream), says: data.planSays },
            summary: `Family time booked with ${worker.displayName} at ${data.venue}, ${formatDateTime(times.startsAt)}`,
          },
        }];
      });
    },

    /** Attendance and observations; not before the session started. */
    record(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, (sessions, _stream, now) => {
        const data = parse(recordSchema, body);
        const s = find(sessions, data.sessionId);
        if (s.status !== 'booked') refuse('sessionId', s.status === 'recorded' ? 'This session has already been recorded' : 'This session was cancelled');
        if (now.getTime() < s.startsAt.getTime()) refuse('sessionId', `The session cannot be recorded before it started, at ${formatDateTime(s.startsAt)}`);
        const absent = data.attendance === 'family_absent' ? data.absentIds : [];
        if (data.attendance === 'family_absent' && (absent.length === 0 || absent.some((id) => !s.attendees.some((a) => a.personId === id)))) refuse('absentIds', 'Select who did not attend');
        const happened = tookPlace(data.attendance, absent, s.attendees);
        if (happened && !data.observations) refuse('observations', 'Enter what was observed during the family time');
        if (data.concerns && !data.concernDetails) refuse('concernDetails', 'Describe the concerns, and who has been told');
        return [{ type: 'family_time.session_recorded', occurredAt: now, data: { sessionId: s.sessionId, attendance: data.attendance, absentIds: absent, tookPlace: happened, observations: data.observations, concerns: data.concerns ? data.concernDetails : null, summary: `Family time of ${formatDateTime(s.startsAt)} recorded${data.concerns ? ': concerns raised' : ''}` } }];
      });
    },

    cancel(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, (sessions, _stream, now) => {
        const data = parse(cancelSchema, body);
        const s = find(sessions, data.sessionId);
        if (s.status !== 'booked') refuse('sessionId', 'Only a booked session can be cancelled');
        return [{ type: 'family_time.session_cancelled', occurredAt: now, data: { sessionId: s.sessionId, by: data.by, reason: data.reason, summary: `Family time of ${formatDateTime(s.startsAt)} cancelled` } }];
      });
    },
  };
}

export type FamilyTimeService = ReturnType<typeof familyTimeService>;
