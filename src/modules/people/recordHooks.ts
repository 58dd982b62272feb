import type { Executor } from '../../platform/db/database';

/**
 * What else happens, in the same transaction, when events are recorded on people's records:
 * the practice standards recompute their obligations (issue 3: "recomputed in the same
 * transaction as each new event for that child"). Wired in services.ts.
 */
export interface RecordHooks {
  afterRecorded(executor: Executor, personIds: readonly string[]): Promise<void>;
}

export const noHooks: RecordHooks = { afterRecorded: async () => {} };
