import { and, desc, gte, lte } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { resourceDutyRota } from './dutyRotaTables';

export interface DutyDay {
  onDate: string;
  officerId: string;
  officerName: string;
  recordedAt: Date;
  recordedByName: string;
}

/** The Resource Service's duty rota: this module's SQL only. Append-only: the latest row for a date is the rota. */
export const dutyRotaRepository = {
  async between(executor: Executor, from: string, to: string): Promise<DutyDay[]> {
    const rows = await executor
      .selectDistinctOn([resourceDutyRota.onDate])
      .from(resourceDutyRota)
      .where(and(gte(resourceDutyRota.onDate, from), lte(resourceDutyRota.onDate, to)))
      .orderBy(resourceDutyRota.onDate, desc(resourceDutyRota.seq));
    return rows.map((r) => ({ onDate: r.onDate, officerId: r.officerId, officerName: r.officerName, recordedAt: r.recordedAt, recordedByName: r.recordedByName }));
  },

  async add(executor: Executor, row: { onDate: string; officerId: string; officerName: string; recordedBy: string; recordedByName: string; recordedAt: Date }): Promise<void> {
    await executor.insert(resourceDutyRota).values(row);
  },
};
