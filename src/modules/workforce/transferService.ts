import { randomUUID } from 'node:crypto';
import { can } from '../../domain/access/can';
import { managerRoles } from '../../domain/access/roles';
import { cinPlanOf } from '../../domain/cinPlan/cinPlanState';
import { fullName } from '../../domain/people/personDetails';
import { personEvent } from '../../domain/people/personEvents';
import { awaitingReview, reviewChairRefusal, transferEvent, transferRefusal, transfersOf } from '../../domain/workforce/transfer';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { checkedAt, notBefore, whenOf } from '../../platform/when';
import { caseHoldingRoles } from '../people/allocationAndRestriction';
import type { PeopleService } from '../people/peopleService';
import type { AllocationCapacityCheck } from '../people/recordHooks';
import type { StaffDirectory } from '../staff/staffDirectory';
import { transferReviewSchema, transferSchema } from './workforceSchemas';

const problem = (field: string, message: string) => new ValidationError([{ field, message }]);

/**
 * Transferring a case to another team (issue 12): the sending team's manager records the transfer
 * meeting and the case is allocated to the receiving team and worker in the same transaction (with
 * the same caseload check as any allocation); the transfer review is then chaired and recorded by a
 * manager of the receiving team (practice-standards.txt, Section 2: Child in Need Plans and Reviews 9).
 * For a child on a child in need plan the review is also the plan's review (cin.review_held), chaired
 * by a manager, so it counts for the 6-weekly reviews (7) and its record is signed off (11, 15).
 */
export function transferService(people: PeopleService, staff: StaffDirectory, allocationCheck: AllocationCapacityCheck) {
  /** The teams and workers a case may be transferred to: "team|worker" pairs, as the allocation form offers them. */
  async function receivingOptions(currentTeamId: string | null) {
    const teams = (await staff.teams()).filter((t) => t.id !== currentTeamId);
    const members = (await staff.allMembers()).filter((m) => m.active && m.roles.some((r) => caseHoldingRoles.includes(r)));
    return teams.flatMap((team) => [
      { value: `${team.id}|`, text: `${team.name}: no named worker yet` },
      ...members.filter((m) => m.teamIds.includes(team.id)).map((m) => ({ value: `${team.id}|${m.id}`, text: `${team.name}: ${m.displayName}` })),
    ]);
  }

  return {
    async transferPage(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.ofTypes(personId, [transferEvent.meetingHeld, transferEvent.reviewHeld]);
      const transfers = transfersOf(stream);
      const pending = awaitingReview(transfers);
      const team = record.allocatedTeamId ? await staff.team(record.allocatedTeamId) : null;
      const worker = record.allocatedWorkerId ? await staff.member(record.allocatedWorkerId) : null;
      const chairRefusal = pending ? reviewChairRefusal(pending, { teamIds: context.actor.teamIds, isManager: context.actor.roles.some((r) => managerRoles.includes(r)) }) : null;
      const mayTransfer = record.kind === 'child' && record.allocatedTeamId !== null && can(context.actor, 'child:allocate', record);
      return {
        record,
        name: fullName(record.details),
        current: { team: team?.name ?? null, worker: worker?.displayName ?? null },
        transfers: [...transfers].reverse(),
        pending,
        options: mayTransfer ? await receivingOptions(record.allocatedTeamId) : [],
        may: { transfer: mayTransfer, review: pending !== null && chairRefusal === null && can(context.actor, 'work:record', record) },
        chairRefusal,
      };
    },

    /** The transfer meeting, and the case allocated to the receiving team and worker with it. */
    async transfer(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const [teamId = '', workerId = ''] = String(body.receiving ?? '').split('|');
      const team = /^[0-9a-f-]{36}$/i.test(teamId) ? await staff.team(teamId) : null;
      const worker = /^[0-9a-f-]{36}$/i.test(workerId) ? await staff.member(workerId) : null;
      // Names of the sending team and worker, read before the record's transaction (inside it only the transaction may be used).
      const teamNames = new Map((await staff.teams()).map((t) => [t.id, t.name]));
      const staffNames = new Map((await staff.allMembers()).map((m) => [m.id, m.displayName]));
      return people.recordOn(context, [personId], 'child:allocate', 'child.transferred', async (records, _streams, now, tx) => {
        const record = records[0]!;
        if (record.kind !== 'child') throw problem('receiving', 'Only a child’s case is transferred');
        const { data, at } = checkedAt(transferSchema, body, whenOf(body, { date: 'meetingOn', time: 'meetingTime' }), now);
        if (!team) throw problem('receiving', 'Select the receiving team and worker from the list');
        const refusal = transferRefusal({ teamId: record.allocatedTeamId }, { teamId: team.id });
        if (refusal) throw problem('receiving', refusal);
        if (workerId && (!worker || !worker.active || !worker.teamIds.includes(team.id) || !worker.roles.some((r) => caseHoldingRoles.includes(r)))) {
          throw problem('receiving', `Select a worker in ${team.name} who can hold cases`);
        }
        if (record.allocatedAt) notBefore(at, record.allocatedAt, 'meetingOn', 'The transfer meeting cannot be before the case was allocated to the sending team, on ');
        const capacity = worker ? await allocationCheck(tx, { personId, workerId: worker.id, workerName: worker.displayName, workerRoles: worker.roles, overLimitReason: data.overLimitReason }, now) : {};
        const from = {
          teamId: record.allocatedTeamId,
          teamName: record.allocatedTeamId ? (teamNames.get(record.allocatedTeamId) ?? null) : null,
          workerId: record.allocatedWorkerId,
          workerName: record.allocatedWorkerId ? (staffNames.get(record.allocatedWorkerId) ?? null) : null,
        };
        const transferId = randomUUID();
        const to = { teamId: team.id, teamName: team.name, workerId: worker?.id ?? null, workerName: worker?.displayName ?? null };
        return [
          {
            personId,
            type: transferEvent.meetingHeld,
            occurredAt: at,
            data: { transferId, from, to, attended: data.attended, meetingSummary: data.meetingSummary, summary: `Transferred from ${from.teamName ?? 'another team'} to ${team.name}${worker ? ` (${worker.displayName})` : ''}` },
          },
          { personId, type: personEvent.allocated, occurredAt: now, data: { ...to, transferId, ...capacity } },
        ];
      });
    },

    /** The transfer review, chaired and recorded by a manager of the receiving team. */
    async review(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return people.recordOn(context, [personId], 'work:record', 'child.transfer_reviewed', (_records, streams, now) => {
        const stream = streams.get(personId) ?? [];
        const pending = awaitingReview(transfersOf(stream));
        if (!pending) throw problem('reviewSummary', 'There is no transfer waiting for its review');
        const refusal = reviewChairRefusal(pending, { teamIds: context.actor.teamIds, isManager: context.actor.roles.some((r) => managerRoles.includes(r)) });
        if (refusal) throw new ForbiddenError(refusal);
        const { data, at } = checkedAt(transferReviewSchema, body, whenOf(body, { date: 'reviewOn', time: 'reviewTime' }), now);
        notBefore(at, pending.meetingAt, 'reviewOn', 'The transfer review cannot be before the transfer meeting, held ');
        const chair = { chairId: context.actor.userId, chairName: context.actor.displayName };
        const plan = cinPlanOf(stream);
        return [
          { personId, type: transferEvent.reviewHeld, occurredAt: at, data: { transferId: pending.transferId, ...chair, attended: data.attended, reviewSummary: data.reviewSummary, summary: `Transfer review chaired by ${chair.chairName}, ${pending.to.teamName ?? ''}` } },
          // On a child in need plan, the Transfer Child In Need meeting is one of the plan's reviews (9).
          ...(plan.onPlan && plan.startedAt && at.getTime() >= plan.startedAt.getTime()
            ? [{ personId, type: 'cin.review_held', occurredAt: at, data: { reviewId: randomUUID(), attended: data.attended, summary: data.reviewSummary, chair: chair.chairName, chairWasManager: true, last: false, transferId: pending.transferId } }]
            : []),
        ];
      });
    },
  };
}

export type TransferService = ReturnType<typeof transferService>;
