import { and, desc, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/database';
import { ConflictError, NotFoundError } from '../errors';
import { drafts, draftVersions } from './draftTables';

export type DraftState = 'saved' | 'submitted' | 'discarded';

export interface Draft {
  id: string;
  kind: string;
  ownerId: string;
  personId: string | null;
  createdAt: Date;
  version: number;
  state: DraftState;
  data: Record<string, unknown>;
  result: string | null;
  savedAt: Date;
}

/** A draft and one of its versions, as one row of the join gives them. */
function toDraft({ drafts: d, draft_versions: v }: { drafts: typeof drafts.$inferSelect; draft_versions: typeof draftVersions.$inferSelect }): Draft {
  return { id: d.id, kind: d.kind, ownerId: d.ownerId, personId: d.personId, createdAt: d.createdAt, version: v.version, state: v.state, data: v.data, result: v.result, savedAt: v.savedAt };
}

const latest = (draftId: string) =>
  sql`(select max(${draftVersions.version}) from ${draftVersions} where ${draftVersions.draftId} = ${draftId})`;

/**
 * Drafts of forms, kept server-side. Saving appends a version; nothing is updated or deleted
 * (the database refuses it: migrations/0008_drafts_append_only.sql). Who may open a draft is
 * the caller's to check (its owner); the store only keeps them.
 */
export const draftStore = {
  async start(executor: Executor, input: { kind: string; ownerId: string; personId?: string | null; data: Record<string, unknown>; now: Date }): Promise<Draft> {
    const id = randomUUID();
    await executor.insert(drafts).values({ id, kind: input.kind, ownerId: input.ownerId, personId: input.personId ?? null, createdAt: input.now });
    await executor.insert(draftVersions).values({ draftId: id, version: 1, state: 'saved', data: input.data, savedAt: input.now });
    return (await draftStore.find(executor, id)) as Draft;
  },

  async find(executor: Executor, draftId: string): Promise<Draft | null> {
    const [row] = await executor
      .select()
      .from(drafts)
      .innerJoin(draftVersions, eq(draftVersions.draftId, drafts.id))
      .where(and(eq(drafts.id, draftId), eq(draftVersions.version, latest(draftId))))
      .limit(1);
    return row ? toDraft(row) : null;
  },

  /**
   * Appends a version. Only a draft still being written can be saved, submitted or discarded:
   * a second submission of the same draft (a double click, a resent form) is refused.
   */
  async save(executor: Executor, draftId: string, next: { state: DraftState; data: Record<string, unknown>; result?: string | null; now: Date }): Promise<Draft> {
    // Under a lock on the draft's row, so that an autosave and a click arriving together take
    // turns rather than both writing the same version (and a second submission finds the first).
    return executor.transaction(async (tx) => {
      await tx.execute(sql`select id from drafts where id = ${draftId} for update`);
      const current = await draftStore.find(tx, draftId);
      if (!current) throw new NotFoundError('The draft');
      if (current.state !== 'saved') throw new ConflictError(current.state === 'submitted' ? 'This form has already been submitted' : 'This draft was discarded');
      await tx.insert(draftVersions).values({ draftId, version: current.version + 1, state: next.state, data: next.data, result: next.result ?? null, savedAt: next.now });
      return { ...current, version: current.version + 1, state: next.state, data: next.data, result: next.result ?? null, savedAt: next.now };
    });
  },


  /** A user's draft of one kind about one record still being written (the latest, if several). */
  async openDraftAbout(executor: Executor, ownerId: string, kind: string, personId: string): Promise<Draft | null> {
    return (await draftStore.openDrafts(executor, ownerId, kind, personId))[0] ?? null;
  },

  /** A user's drafts of one kind still being written (about one record, if given), most recently saved first. */
  async openDrafts(executor: Executor, ownerId: string, kind: string, personId?: string): Promise<Draft[]> {
    const rows = await executor
      .select()
      .from(drafts)
      .innerJoin(draftVersions, eq(draftVersions.draftId, drafts.id))
      .where(
        and(
          eq(drafts.ownerId, ownerId),
          eq(drafts.kind, kind),
          personId ? eq(drafts.personId, personId) : sql`true`,
          sql`${draftVersions.version} = (select max(v.version) from ${draftVersions} v where v.draft_id = ${drafts.id})`,
          eq(draftVersions.state, 'saved'),
        ),
      )
      .orderBy(desc(draftVersions.savedAt));
    return rows.map(toDraft);
  },
};
