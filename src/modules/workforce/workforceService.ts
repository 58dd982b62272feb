import { can, rolesAllow } from '../../domain/access/can';
import { managerRoles } from '../../domain/access/roles';
import { londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import { complexityLevels, overLimitRefusal, roundCases, weightOfLevel } from '../../domain/workforce/caseload';
import { practitionerKinds, supervisionFrequencyOn } from '../../domain/workforce/profile';
import { overseesStaff } from '../../domain/workforce/oversight';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { advisoryLock } from '../../platform/db/advisoryLock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { eventStore } from '../../platform/events/eventStore';
import { checked } from '../../platform/validation';
import type { AllocationCapacityCheck } from '../people/recordHooks';
import type { PeopleService } from '../people/peopleService';
import type { StandardsService } from '../standards/standardsService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { caseloadReader, type HeldCase } from './caseloads';
import { staffProfiles } from './staffProfiles';
import { teamCapacity } from './teamCapacity';
import { complexitySchema } from './workforceSchemas';
import { levelText, practitionerText, workerRow } from './workforceViews';

/**
 * Workforce (issue 12; specialist-service-statement.txt 5.1-5.3, 7.1.3): caseloads weighted by
 * complexity against each worker's limit, the check that refuses an allocation beyond the limit
 * without a manager's reason, team capacity at a glance with the practitioner-to-manager ratio and
 * the front door's capacity, and a worker's page with their profile history.
 */
export function workforceService(db: Db, clock: Clock, people: PeopleService, staff: StaffDirectory, standards: StandardsService) {
  const reader = caseloadReader(people);
  const profiles = staffProfiles(db, clock, staff, reader);
  const capacity = teamCapacity(db, clock, people, staff, standards, reader);

  /**
   * The check wired into every allocation (people.allocate, and the transfer here): in the
   * allocation's transaction, the worker's weighted caseload with this case added against their
   * limit; beyond it, the manager's reason is required and kept on the allocation event.
   */
  const allocationCheck: AllocationCapacityCheck = async (executor, allocation, now) => {
    // Allocations to one worker take turns, so two at once cannot both fit into the last room.
    await advisoryLock(executor, `caseload:${allocation.workerId}`);
    const today = londonDate(now);
    const caseloads = await reader.ofWorkers(executor, [{ id: allocation.workerId, roles: allocation.workerRoles }], today);
    const caseload = caseloads.get(allocation.workerId);
    if (!caseload) return {};
    // Moving a case the worker already holds (to another team with them) adds nothing to their caseload.
    if (caseload.held.some((c) => c.personId === allocation.personId)) return {};
    const [assessed] = await eventStore.latestOfTypes(executor, [allocation.personId], ['case.complexity_assessed']);
    const weight = weightOfLevel(assessed?.data.weight);
    const refusal = overLimitRefusal({ name: allocation.workerName, weighted: caseload.weighted, limit: caseload.limit }, weight);
    if (!refusal) return {};
    if (!allocation.overLimitReason) throw new ValidationError([{ field: 'overLimitReason', message: refusal }]);
    return {
      overLimitReason: allocation.overLimitReason,
      caseloadWhenAllocated: { weighted: roundCases(caseload.weighted + weight), maximum: caseload.limit.maximum, protected: caseload.limit.protected },
    };
  };

  return {
    allocationCheck,
    ...profiles,
    ...capacity,

    /** A worker's caseload with its weights, and their profile history: for those who oversee them. */
    async staffMember(context: RequestContext, userId: string) {
      const member = await staff.member(userId);
      if (!member) throw new NotFoundError('The member of staff');
      const today = londonDate(clock.now());
      const caseload = (await reader.ofWorkers(db, [member], today)).get(member.id)!;
      if (!overseesStaff(context.actor, member, caseload.profileRecorded?.lineManagerId ?? null)) {
        await audit.record(db, context, { action: 'workforce.staff_viewed', outcome: 'denied', details: { userId } });
        throw new ForbiddenError(`You can see the caseload of staff in the teams you manage. Ask ${member.displayName}'s manager if you need to.`);
      }
      const ids = caseload.held.map((c) => c.personId);
      const visible = await people.visibleRecords(context, ids);
      const teams = new Map((await staff.teams()).map((t) => [t.id, t.name]));
      const managers = (await staff.allMembers()).filter((m) => m.active && m.roles.some((r) => managerRoles.includes(r)));
      // A youth justice case is shown under the worker's Youth Offending Service team (they manage it there).
      const yosTeam = (await staff.teams()).find((t) => t.specialism === 'youth-offending' && member.teamIds.includes(t.id))?.name ?? 'Youth Offending Service';
      const cases = caseload.held.map((c: HeldCase) => {
        const record = visible.get(c.personId);
        // A record the reader may not see (restricted) shows its weight only: the reasons written
        // about the child, for its complexity and for allocating it beyond the limit, are the record's.
        return {
          personId: c.personId,
          name: record ? fullName(record.details) : null,
          hearthId: record?.hearthId ?? null,
          team: c.via === 'youth_justice' ? `${yosTeam} (case manager)` : c.teamId ? (teams.get(c.teamId) ?? '') : '',
          weight: c.weight,
          complexity: c.complexity ? { ...c.complexity, reason: record ? c.complexity.reason : null, text: levelText[c.complexity.level] ?? c.complexity.level } : null,
          overLimit: c.overLimit ? { ...c.overLimit, reason: record ? c.overLimit.reason : null } : null,
          mayWeigh: record ? can(context.actor, 'child:allocate', record) : false,
        };
      });
      await audit.record(db, context, { action: 'workforce.staff_viewed', details: { userId, shown: [...visible.keys()] } });
      const lineManagers = new Map(managers.map((m) => [m.id, m.displayName]));
      return {
        member,
        teams: member.teamIds.map((t) => teams.get(t) ?? '').filter(Boolean),
        row: workerRow(member, caseload),
        profile: caseload.profileRecorded,
        history: [...caseload.history].reverse().map((p) => ({ ...p, practitionerText: practitionerText[p.practitioner] ?? p.practitioner, lineManagerName: p.lineManagerId ? (lineManagers.get(p.lineManagerId) ?? 'A former manager') : null })),
        supervision: supervisionFrequencyOn(caseload.profileRecorded, today),
        cases: cases.sort((a, b) => b.weight - a.weight || (a.name ?? '').localeCompare(b.name ?? '')),
        hiddenCases: cases.filter((c) => !c.name).length,
        lineManagers: managers.filter((m) => m.id !== member.id).map((m) => ({ id: m.id, name: m.displayName })),
        may: { manage: rolesAllow(context.actor, 'workforce:manage') && context.actor.userId !== member.id },
        practitionerKinds,
        today,
      };
    },

    /** A manager's assessment of a case's complexity: its weight in the worker's caseload (5.2). */
    async complexityPage(context: RequestContext, personId: string) {
      const record = await people.record(context, personId, 'child:allocate');
      const [latest] = await people.latestOfTypes([personId], ['case.complexity_assessed']);
      return { record, name: fullName(record.details), latest: latest ? { at: latest.occurredAt, byName: latest.recordedByName, weight: String(latest.data.weight ?? ''), text: levelText[String(latest.data.weight)] ?? '', reason: String(latest.data.reason ?? '') } : null, levels: complexityLevels };
    },

    assessComplexity(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return people.recordOn(context, [personId], 'child:allocate', 'child.complexity_assessed', (records, streams, now) => {
        const record = records[0]!;
        if (record.kind !== 'child') throw new ValidationError([{ field: 'weight', message: "Only a child's case is weighted" }]);
        const data = checked(complexitySchema, body);
        const last = (streams.get(personId) ?? []).filter((e) => e.type === 'case.complexity_assessed').at(-1);
        if (last && last.data.weight === data.weight && last.data.reason === data.reason) throw new ValidationError([{ field: 'weight', message: 'The case already has this weight for this reason' }]);
        return [{ personId, type: 'case.complexity_assessed', occurredAt: now, data: { weight: data.weight, counts: weightOfLevel(data.weight), reason: data.reason, summary: `${levelText[data.weight]}: ${data.reason}` } }];
      });
    },
  };
}

export type WorkforceService = ReturnType<typeof workforceService>;
