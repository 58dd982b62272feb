import { rolesAllow } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { hospitalEvent, hospitalEventTypes, hospitalName, hospitalRules, nextStepLabels, nextStepOf, referralsOf, type HospitalReferral } from '../../domain/hospitalDuty/hospitalReferral';
import { fullName } from '../../domain/people/personDetails';
import type { RecordedEvent } from '../../domain/records/events';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError } from '../../platform/errors';
import type { PeopleService } from '../people/peopleService';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';

export const hospitalDutyListAudit = 'hospital_duty.list_viewed';
/** "Recent": referrals of the last two weeks; older ones stay while a clock on them is still open. */
const recentDays = 14;
/**
 * The clocks the Disabled Children's Team also shows for this authority's children once the referral
 * is taken on, where the authority has switched them on: 7.3.3 bullets 3 and 6, 48 hours to respond
 * and 5 working days to see the child (off by default: the practice standards' front door applies).
 */
const referralClocks = ['assessment.referral-response-dct', 'assessment.child-seen-5-working-days-dct'] as const;

/**
 * The hospital duty list (specialist-service-statement.txt 7.3.3 bullets 2-6): today's and recent
 * referrals from the hospital, grouped by what the duty social worker owes on them: the same-day ward
 * visit for a child admitted, the referral on and the 24-hour hand-over for another authority's child,
 * the hand to the front door or team for this authority's. Only children the reader may see; audited.
 */
export function hospitalDutyList(db: Db, clock: Clock, people: PeopleService, standards: StandardsService) {
  return {
    async list(context: RequestContext) {
      if (!rolesAllow(context.actor, 'hospital_duty:record')) {
        await audit.record(db, context, { action: hospitalDutyListAudit, outcome: 'denied', details: { needs: 'hospital_duty:record' } });
        throw new ForbiddenError('You do not have permission to see the hospital duty list');
      }
      const now = clock.now();
      const today = londonDate(now);
      const since = new Date(now.getTime() - recentDays * 86_400_000);
      const recent = await people.ofTypesSince([hospitalEvent.received], since);
      const stillOpen = (await Promise.all(hospitalRules.map((id) => standards.openOfRule(id, 200, context.actor)))).flat().map((r) => r.obligation.personId);
      const visible = await people.visibleRecords(context, [...new Set([...recent.map((e) => e.personId), ...stillOpen])]);
      const ids = [...visible.keys()];
      const byPerson = new Map<string, RecordedEvent[]>();
      for (const e of await people.ofTypesFor(ids, hospitalEventTypes)) byPerson.set(e.personId, [...(byPerson.get(e.personId) ?? []), e]);

      const rows = [];
      for (const id of ids) {
        const record = visible.get(id)!;
        const obligations = await standards.forPerson(id, context.actor);
        for (const r of referralsOf(id, byPerson.get(id) ?? [])) {
          const clocks = clocksOf(obligations.filter((o) => o.obligation.startEventId === r.eventId), hospitalRules);
          const open = clocks.some((c) => c.state === 'due' || c.state === 'overdue');
          if (r.receivedAt.getTime() < since.getTime() && !open) continue;
          const taken = r.takenOn ? clocksOf(obligations.filter((o) => o.obligation.startedAt.getTime() >= r.receivedAt.getTime()), referralClocks) : [];
          rows.push({ ...r, name: fullName(record.details), hearthId: record.hearthId, today: londonDate(r.receivedAt) === today, next: nextStepOf(r), clocks, referralClocks: taken, overdue: clocks.some((c) => c.state === 'overdue') });
        }
      }
      rows.sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime());
      const clockOf = (r: HospitalReferral & { clocks: ReturnType<typeof clocksOf> }, ruleId: string) => r.clocks.find((c) => c.ruleId === ruleId) ?? null;
      await audit.record(db, context, { action: hospitalDutyListAudit, details: { shown: [...new Set(rows.map((r) => r.personId))] } });
      return {
        today,
        hospitalName,
        nextStepLabels,
        admitted: rows.filter((r) => r.admitted).map((r) => ({ ...r, visit: clockOf(r, 'cwd.hospital-ward-visit') })),
        otherAuthorities: rows.filter((r) => r.outOfArea).map((r) => ({ ...r, passOn: clockOf(r, 'cwd.hospital-referral-passed-on'), handover: clockOf(r, 'cwd.hospital-handover') })),
        ours: rows.filter((r) => !r.outOfArea),
        may: { register: rolesAllow(context.actor, 'child:create') },
      };
    },
  };
}

export type HospitalDutyList = ReturnType<typeof hospitalDutyList>;
