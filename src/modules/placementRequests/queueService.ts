import { rolesAllow } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import { openRequestsOf, requestKinds, requestStatuses } from '../../domain/placements/requests';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError } from '../../platform/errors';
import type { PeopleService } from '../people/peopleService';
import { ageOf } from './requestSchemas';
import { groupedBy } from '../../domain/records/events';

/** Every event of a request's life, and the placement that ends it. */
export const requestTypes = [
  'placements.request_made', 'placements.request_authorised', 'placements.request_allocated', 'placements.option_considered', 'placements.site_visited',
  'placements.carer_profile_shared', 'placements.introduction_held', 'placements.request_matched', 'placements.request_withdrawn', 'cic.placement_started',
];
/** Requests with nothing recorded for this long are looked for by their latest event alone. */
const recentDays = 180;
const dayMs = 86_400_000;

/**
 * The Resource Service's queue (resource-service-policy.txt 2.1 and 3.1): every open request in the
 * authority the reader may see — awaiting the manager's authorisation, in the queue unallocated,
 * allocated, matched and not yet placed — the one needed soonest first, with who is on duty today.
 * Found by the type and time index rather than reading every child's record: the children with
 * request events in the last 180 days, and any child whose latest request event (however old) is
 * not a closing one.
 */
export function queueService(db: Db, clock: Clock, people: PeopleService, onDuty: (date: string) => Promise<{ officerName: string } | null>) {
  return {
    async queue(context: RequestContext) {
      if (!rolesAllow(context.actor, 'resources:read')) throw new ForbiddenError('The placement request queue is seen by the Resource Service and case managers');
      const now = clock.now();
      const today = londonDate(now);
      const recent = await people.ofTypesSince(requestTypes, new Date(now.getTime() - recentDays * dayMs));
      const byChild = groupedBy(recent, (e) => e.personId);
      // A request whose own start is older than the window is read from the child's record whole.
      const partial = new Set([...byChild].filter(([, events]) => events.some((e) => typeof e.data.requestId === 'string' && !events.some((m) => m.type === 'placements.request_made' && m.data.requestId === e.data.requestId))).map(([id]) => id));
      // Quiet for longer: a child whose latest request event is not a withdrawal or a placement (placed from the match, or since).
      const quiet = (await people.latestOfTypesForAll(requestTypes))
        .filter((e) => !byChild.has(e.personId) && e.type !== 'placements.request_withdrawn' && e.type !== 'cic.placement_started')
        .map((e) => e.personId);
      // Those records read whole, in one query.
      const whole = new Set([...partial, ...quiet]);
      for (const id of whole) byChild.set(id, []);
      for (const e of await people.ofTypesFor([...whole], requestTypes)) byChild.get(e.personId)!.push(e);
      const visible = await people.visibleRecords(context, [...byChild.keys()]);
      const rows = [...visible.values()].flatMap((record) =>
        openRequestsOf(byChild.get(record.id) ?? []).map((r) => ({
          personId: record.id,
          name: fullName(record.details),
          age: ageOf(record.details.dateOfBirth, today),
          requestId: r.requestId,
          kindText: requestKinds.find((k) => k.value === r.kind)?.text ?? r.kind,
          status: r.status,
          statusText: requestStatuses[r.status],
          neededFrom: r.neededFrom,
          overdue: r.neededFrom < today,
          allocatedTo: r.allocated?.officerName ?? null,
          daysWaiting: Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${londonDate(r.madeAt)}T00:00:00Z`)) / dayMs),
          complex: r.complexNeeds || r.riskOfDisruption,
        })),
      );
      rows.sort((a, b) => a.neededFrom.localeCompare(b.neededFrom) || b.daysWaiting - a.daysWaiting);
      await audit.record(db, context, { action: 'placements.queue_viewed', details: { shown: [...new Set(rows.map((r) => r.personId))] } });
      return {
        today,
        duty: await onDuty(today),
        rows,
        counts: {
          awaiting: rows.filter((r) => r.status === 'awaiting_authorisation').length,
          unallocated: rows.filter((r) => r.status === 'authorised').length,
          allocated: rows.filter((r) => r.status === 'allocated').length,
          matched: rows.filter((r) => r.status === 'matched').length,
        },
      };
    },
  };
}
