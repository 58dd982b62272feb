import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { maintainEmbeddedDatabase } from './maintenance';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-maintenance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database kept in order', () => {
  it('checkpoints by itself, so its write-ahead log does not grow for as long as Hearth runs', async () => {
    const database = await openDatabase({ engine: 'pglite', dataDir: path.join(dir, 'data') });
    const lastCheckpoint = async () =>
      ((await database.db.execute(sql`select checkpoint_lsn::text as lsn, pg_current_wal_lsn() - checkpoint_lsn as since from pg_control_checkpoint()`)) as unknown as { rows: { lsn: string; since: string }[] }).rows[0];
    try {
      await database.db.execute(sql`create table written (n int, t text)`);
      await database.db.execute(sql`insert into written select n, repeat('x', 200) from generate_series(1, 20000) n`);
      const before = await lastCheckpoint();
      expect(Number(before?.since)).toBeGreaterThan(1_000_000); // PGlite does not checkpoint by itself
      const errors: unknown[] = [];
      const stop = maintainEmbeddedDatabase(database, (e) => errors.push(e), { vacuumMs: 3_600_000, checkpointMs: 50 });
      await new Promise((resolve) => setTimeout(resolve, 400));
      stop();
      const after = await lastCheckpoint();
      expect(errors).toEqual([]);
      expect(after?.lsn).not.toBe(before?.lsn);
      expect(Number(after?.since)).toBeLessThan(Number(before?.since));
    } finally {
      await database.close();
    }
  }, 60_000);
});
