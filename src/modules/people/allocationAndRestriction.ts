import { personEvent } from '../../domain/people/personEvents';
import { managerRoles, type Role } from '../../domain/access/roles';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Executor } from '../../platform/db/database';
import { eventStore } from '../../platform/events/eventStore';
import { ValidationError } from '../../platform/errors';
import type { StaffDirectory } from '../staff/staffDirectory';
import { accessGrantSchema, allocationSchema, restrictionSchema, type AllocationRequest } from './peopleSchemas';
import { checked } from '../../platform/validation';
import type { RecordChange } from './recordChange';
import { noHooks, type RecordHooks } from './recordHooks';

const overLimitSchema = allocationSchema.pick({ overLimitReason: true });

/** Roles that can hold a case as its allocated worker. */
export const caseHoldingRoles: Role[] = ['social-worker', 'personal-adviser', 'early-help-worker', ...managerRoles];

/** Allocating a child to a worker and team, and restricting who may see a record. */
export function allocationAndRestriction(change: RecordChange, staff: StaffDirectory, hooks: RecordHooks = noHooks) {
  return {
    /**
     * Staff are looked up before the record's transaction: inside it, only the transaction may be used.
     * An allocation taking the worker over their caseload limit needs the manager's reason (issue 12:
     * the workforce's check, hooks.allocationCapacity), kept on the event.
     */
    async allocate(context: RequestContext, personId: string, unchecked: AllocationRequest) {
      const input = checked(allocationSchema, unchecked);
      const team = await staff.team(input.teamId);
      const worker = input.workerId ? await staff.member(input.workerId) : null;
      return change(context, personId, 'child:allocate', 'child.allocated', async (record, tx, now) => {
        if (record.kind !== 'child') throw new ValidationError([{ field: 'teamId', message: 'Only a child is allocated to a worker' }]);
        if (!team) throw new ValidationError([{ field: 'teamId', message: 'Select a team from the list' }]);
        if (input.workerId) {
          if (!worker || !worker.active || !worker.teamIds.includes(team.id)) {
            throw new ValidationError([{ field: 'workerId', message: `Select a worker who is in ${team.name}` }]);
          }
          if (!worker.roles.some((r) => caseHoldingRoles.includes(r))) {
            throw new ValidationError([{ field: 'workerId', message: `${worker.displayName} cannot hold cases: select a social worker, personal adviser, early help worker or manager` }]);
          }
        }
        if (record.allocatedTeamId === team.id && record.allocatedWorkerId === (worker?.id ?? null)) {
          throw new ValidationError([{ field: 'workerId', message: 'The child is already allocated to this worker and team' }]);
        }
        const capacity = worker && hooks.allocationCapacity
          ? await hooks.allocationCapacity(tx, { personId, workerId: worker.id, workerName: worker.displayName, workerRoles: worker.roles, overLimitReason: input.overLimitReason }, now)
          : {};
        return [{
          type: personEvent.allocated,
          occurredAt: now,
          data: { workerId: worker?.id ?? null, workerName: worker?.displayName ?? null, teamId: team.id, teamName: team.name, ...capacity },
        }];
      });
    },

    /**
     * The `child.allocated` event of another module's step that allocates a record to a named
     * worker (a foster carer's supervising social worker, a fostering or adoption assessment, a
     * post-adoption support request), decided inside that step's transaction `tx` with the same
     * check as `allocate` (issue 12: "Allocation beyond a worker's limit needs a manager's
     * recorded reason"): refused on `overLimitReason` when it takes the worker over their caseload
     * limit without one, and what the check adds kept on the event. The Family Placement Team's
     * carers and assessments are counted in the same caseload as its children's cases: the team
     * manager sets each worker's limit on their workforce profile (specialist-service-statement.txt
     * 5.2: "The Family Placement Team will determine the minimum and maximum number of carers and
     * assessments per worker").
     */
    async allocationTo(
      tx: Executor,
      now: Date,
      allocation: { personId: string; worker: { id: string; displayName: string; roles: readonly Role[] }; team: { id: string; name: string }; overLimitReason: unknown; data?: Record<string, unknown> },
    ) {
      const { personId, worker, team } = allocation;
      // The reason as the form sent it (the step's own schema need not know of it): checked here, as `allocate` checks it.
      const { overLimitReason } = checked(overLimitSchema, { overLimitReason: allocation.overLimitReason });
      const capacity = hooks.allocationCapacity
        ? await hooks.allocationCapacity(tx, { personId, workerId: worker.id, workerName: worker.displayName, workerRoles: worker.roles, overLimitReason }, now)
        : {};
      return {
        type: personEvent.allocated,
        occurredAt: now,
        data: { workerId: worker.id, workerName: worker.displayName, teamId: team.id, teamName: team.name, ...allocation.data, ...capacity },
      };
    },

    restrict(context: RequestContext, personId: string, unchecked: string) {
      const { reason } = checked(restrictionSchema, { reason: unchecked });
      return change(context, personId, 'child:restrict', 'child.restricted', (record, _tx, now) => {
        if (record.restricted) throw new ValidationError([{ field: 'reason', message: 'The record is already restricted' }]);
        return [{ type: personEvent.restricted, occurredAt: now, data: {}, reason }];
      });
    },

    liftRestriction(context: RequestContext, personId: string, unchecked: string) {
      const { reason } = checked(restrictionSchema, { reason: unchecked });
      return change(context, personId, 'child:restrict', 'child.restriction_lifted', (record, _tx, now) => {
        if (!record.restricted) throw new ValidationError([{ field: 'reason', message: 'The record is not restricted' }]);
        return [{ type: personEvent.restrictionLifted, occurredAt: now, data: {}, reason }];
      });
    },

    async grantAccess(context: RequestContext, personId: string, unchecked: string) {
      const { username } = checked(accessGrantSchema, { username: unchecked });
      const member = await staff.memberByUsername(username);
      return change(context, personId, 'child:restrict', 'child.access_granted', (record, _tx, now) => {
        if (!record.restricted) throw new ValidationError([{ field: 'username', message: 'The record is not restricted: everyone in a case-work role can already see it' }]);
        if (!member || !member.active) throw new ValidationError([{ field: 'username', message: `No active user is called ${username}` }]);
        if (record.grantedUserIds.includes(member.id)) throw new ValidationError([{ field: 'username', message: `${member.displayName} already has access` }]);
        return [{ type: personEvent.accessGranted, occurredAt: now, data: { userId: member.id, userName: member.displayName } }];
      });
    },

    revokeAccess(context: RequestContext, personId: string, grantEventId: string) {
      return change(context, personId, 'child:restrict', 'child.access_revoked', async (record, tx, now) => {
        const grant = await eventStore.find(tx, grantEventId);
        const userId = grant?.type === personEvent.accessGranted && grant.personId === personId ? String(grant.data.userId) : null;
        const revoked = await eventStore.ofTypes(tx, personId, [personEvent.accessRevoked]);
        if (!userId || revoked.some((e) => e.refersTo === grantEventId) || !record.grantedUserIds.includes(userId)) {
          throw new ValidationError([{ field: 'grant', message: 'That access has already ended or was not found' }]);
        }
        return [{ type: personEvent.accessRevoked, occurredAt: now, data: { userId }, refersTo: grantEventId }];
      });
    },
  };
}
