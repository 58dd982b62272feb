import type { RecordedEvent } from '../../domain/records/events';
import type { Executor } from '../../platform/db/database';

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
}

export const noHooks: RecordHooks = { afterRecorded: async () => {} };
