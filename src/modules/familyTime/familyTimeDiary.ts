import { rolesAllow } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { awaitingRecord, type FamilyTimeSession } from '../../domain/familyTime/sessions';
import { fullName } from '../../domain/people/personDetails';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError } from '../../platform/errors';
import type { PeopleService } from '../people/peopleService';

type Session = FamilyTimeSession & { personId: string };

/**
 * The Family Time team's diary (resource-service-policy.txt 2.2): sessions to come, by day and
 * worker, and sessions that have been held but not yet recorded (overdue). A child is named only to
 * those who may see their record.
 */
export function familyTimeDiary(db: Db, clock: Clock, people: PeopleService, sessions: (now: Date) => Promise<Session[]>) {
  return async function diary(context: RequestContext) {
    if (!rolesAllow(context.actor, 'family_time:record')) throw new ForbiddenError('The diary is for the Family Time team');
    const now = clock.now();
    const all = await sessions(now);
    const visible = await people.visibleRecords(context, [...new Set(all.map((s) => s.personId))]);
    const row = (s: Session) => {
      const record = visible.get(s.personId);
      return { ...s, attendees: record ? s.attendees : [], childName: record ? fullName(record.details) : 'A child whose record is restricted', link: record ? `/people/${s.personId}/family-time` : null };
    };
    const upcoming = all.filter((s) => s.status === 'booked' && s.endsAt.getTime() > now.getTime()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.workerName.localeCompare(b.workerName));
    const days = new Map<string, Map<string, ReturnType<typeof row>[]>>();
    for (const s of upcoming) {
      const day = londonDate(s.startsAt);
      const byWorker = days.get(day) ?? new Map<string, ReturnType<typeof row>[]>();
      byWorker.set(s.workerName, [...(byWorker.get(s.workerName) ?? []), row(s)]);
      days.set(day, byWorker);
    }
    const overdue = all.filter((s) => awaitingRecord(s, now)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).map(row);
    await audit.record(db, context, { action: 'family_time.diary_viewed', details: { shown: [...new Set([...upcoming, ...overdue].map((s) => s.personId).filter((id) => visible.has(id)))] } });
    return {
      today: londonDate(now),
      days: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, byWorker]) => ({ day, workers: [...byWorker].sort(([a], [b]) => a.localeCompare(b)).map(([worker, list]) => ({ worker, sessions: list })) })),
      overdue,
      concerns: all.filter((s) => s.recorded?.concerns && s.recorded.at.getTime() > now.getTime() - 14 * 86_400_000).map(row),
    };
  };
}
