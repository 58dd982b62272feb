import type { RecordedEvent } from '../../domain/records/events';
import type { Executor } from '../../platform/db/database';
import type { Role } from '../../domain/access/roles';

/**
 * What else happens, in the same transaction, when events are recorded on people's records:
 * other modules' projections (the front door's contacts) are brought up to date from the new
 * events, and the practice standards recompute their obligations (issue 3: "recomputed in the
 * same transaction as each new event for that child"). Wired in services.ts.
 */
export interface RecordHooks {
  afterRecorded(executor: Executor, personIds: readonly string[], events: readonly RecordedEvent[]): Promise<void>;
  /** Other modules' projections, emptied and built again from every event by `projections rebuild`. */
  projections?: { clear(executor: Executor): Promise<void>; project(executor: Executor, events: readonly RecordedEvent[]): Promise<void> }[];
  /**
   * The workforce's check of an allocation to a named worker (issue 12: "Allocation beyond a worker's
   * limit needs a manager's recorded reason"), run in the allocation's transaction with the record
   * locked: it refuses (a ValidationError on `overLimitReason`) an allocation that takes the worker
   * over their caseload limit without a reason, and returns what to add to the `child.allocated`
   * event (the reason, and the caseload it was allocated against). Wired in services.ts.
   */
  allocationCapacity?: AllocationCapacityCheck;
}

export type AllocationCapacityCheck = (
  executor: Executor,
  allocation: { personId: string; workerId: string; workerName: string; workerRoles: readonly Role[]; overLimitReason: string | null },
  now: Date,
) => Promise<Record<string, unknown>>;

export const noHooks: RecordHooks = { afterRecorded: async () => {} };
