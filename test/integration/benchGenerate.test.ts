import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hearth } from '../support/hearthCommand';
import { engines } from '../support/testDatabase';

/**
 * `npx hearth bench generate` (issue 9): a small synthetic authority through the import path on
 * each engine, every line accepted, staff made for caseloads of 20-25 with a manager to about 6
 * of them; the same seed refused a second time; and `events import --in-batches` checked at the
 * command line. On PostgreSQL the seed is this run's own, as the test database is shared.
 */
describe.each(engines())('bench generate on %s', (engine) => {
  let env: Record<string, string>;
  let dataDir: string | null = null;
  const seed = String(100 + Math.floor(Math.random() * 900_000));

  beforeAll(async () => {
    if (engine === 'pglite') {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-generate-'));
      env = { HEARTH_DATA_DIR: dataDir };
    } else {
      env = { DATABASE_URL: inject('postgresUrl') as string };
    }
  });
  afterAll(() => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes a synthetic authority through the import, with no line refused, and will not write the same seed twice', async () => {
    const made = await hearth(['bench', 'generate', '--children', '60', '--years', '3', '--seed', seed, '--as-of', '2026-11-20'], env);
    expect(made.stderr).not.toContain('refused');
    expect(made.code, made.stderr).toBe(0);
    const summary = /Generated a synthetic authority \(seed (\d+)\): 60 children with ([\d,]+) events .*; (\d+) social workers and (\d+) managers/.exec(made.stdout);
    expect(summary?.[1]).toBe(seed);
    expect(Number((summary?.[2] ?? '0').replace(/,/g, ''))).toBeGreaterThan(60 * 8);
    // 11 teams: at least one worker each, and no more managers than one to every 6 workers (rounded up) per team.
    const workers = Number(summary?.[3]);
    const managers = Number(summary?.[4]);
    expect(workers).toBeGreaterThanOrEqual(11);
    expect(managers).toBeGreaterThanOrEqual(11);
    expect(managers).toBeLessThanOrEqual(11 + Math.floor(workers / 6));
    const again = await hearth(['bench', 'generate', '--children', '60', '--seed', seed], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`already has the synthetic authority of seed ${seed}`);
  }, 180_000);

  it('says what is wrong with its options', async () => {
    const none = await hearth(['bench', 'generate'], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('bench generate needs --children N');
    const bad = await hearth(['bench', 'generate', '--children', 'lots'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--children must be a whole number from 10 to 500000');
    const batches = await hearth(['events', 'import', 'nowhere.ndjson', '--in-batches', '0'], env);
    expect(batches.code).toBe(2);
    expect(batches.stderr).toContain('--in-batches needs the number of children in each batch');
    const both = await hearth(['events', 'import', 'nowhere.ndjson', '--in-batches', '5', '--all-or-nothing'], env);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('cannot be used with --all-or-nothing');
  }, 60_000);
});
