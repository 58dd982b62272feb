import { personEvent } from '../../domain/people/personEvents';
import { managerRoles, type Role } from '../../domain/access/roles';
import type { RequestContext } from '../../platform/audit/auditLog';
import { eventStore } from '../../platform/events/eventStore';
import { ValidationError } from '../../platform/errors';
import type { StaffDirectory } from '../staff/staffDirectory';
import { accessGrantSchema, allocationSchema, restrictionSchema, type AllocationInput } from './peopleSchemas';
import { checked } from '../../platform/validation';
import type { RecordChange } from './recordChange';

/** Roles that can hold a case as its allocated worker. */
const caseHoldingRoles: Role[] = ['social-worker', 'personal-adviser', 'early-help-worker', ...managerRoles];

/** Allocating a child to a worker and team, and restricting who may see a record. */
export function allocationAndRestriction(change: RecordChange, staff: StaffDirectory) {
  return {
    /** Staff are looked up before the record's transaction: inside it, only the transaction may be used. */
    async allocate(context: RequestContext, personId: string, unchecked: AllocationInput) {
      const input = checked(allocationSchema, unchecked);
      const team = await staff.team(input.teamId);
      const worker = input.workerId ? await staff.member(input.workerId) : null;
      return change(context, personId, 'child:allocate', 'child.allocated', (record, _tx, now) => {
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
        return [{
          type: personEvent.allocated,
          occurredAt: now,
          data: { workerId: worker?.id ?? null, workerName: worker?.displayName ?? null, teamId: team.id, teamName: team.name },
        }];
      });
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
