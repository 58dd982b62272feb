import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/database';
import { runMigrations } from '../../src/platform/db/migrate';
import { services } from '../../src/services';
import { systemClock } from '../../src/platform/clock';
import { hearth } from '../support/hearthCommand';

describe('the hearth command on the embedded database', () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-cli-'));
    env = { HEARTH_DATA_DIR: dataDir };
    const seeded = await hearth(['seed'], env);
    expect(seeded.code, seeded.stderr).toBe(0);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, and says so', async () => {
    const result = await hearth(['migrate'], env);
    expect([result.code, result.stdout.trim()]).toEqual([0, 'The database is up to date.']);
  });

  it('does not add the demonstration authority twice', async () => {
    const result = await hearth(['seed'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('already has teams');
  });

  it('adds a user with roles and a team, reading the password from standard input, then issues a token', async () => {
    const added = await hearth(['user', 'add', 'jo.bloggs', '--role', 'social-worker', '--role', 'early-help-worker', '--team', 'Early Help Hub', '--name', 'Jo Bloggs', '--password-stdin'], env, 'a long enough password\n');
    expect(added.code, added.stderr).toBe(0);
    const issued = await hearth(['token', 'issue', 'jo.bloggs'], env);
    expect(issued.code, issued.stderr).toBe(0);
    const lines = issued.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^hearth_[A-Za-z0-9_-]{40,}$/);

    const database = await openDatabase({ engine: 'pglite', dataDir });
    try {
      const s = services(database.db, systemClock);
      const actor = await s.signIn.actorForToken(lines[0] as string);
      expect(actor?.username).toBe('jo.bloggs');
      expect([...(actor?.roles ?? [])].sort()).toEqual(['early-help-worker', 'social-worker']);
      const team = await s.staff.teamByName('Early Help Hub');
      expect(actor?.teamIds).toEqual([team?.id]);
      const signIn = await s.signIn.signIn('jo.bloggs', 'a long enough password', { ipAddress: null, method: null, path: null });
      expect(signIn.outcome).toBe('signed-in');
    } finally {
      await database.close();
    }
  });

  it('refuses bad commands with a message saying what to do, and saves nothing', async () => {
    const unknownRole = await hearth(['user', 'add', 'a.b', '--role', 'wizard', '--password-stdin'], env, 'a long enough password');
    expect([unknownRole.code, unknownRole.stderr]).toEqual([2, expect.stringContaining('Unknown role wizard')]);
    const unknownTeam = await hearth(['user', 'add', 'a.b', '--role', 'social-worker', '--team', 'Nowhere', '--password-stdin'], env, 'a long enough password');
    expect([unknownTeam.code, unknownTeam.stderr]).toEqual([2, expect.stringContaining('There is no team called "Nowhere"')]);
    const noStdin = await hearth(['user', 'add', 'a.b', '--role', 'social-worker'], env);
    expect([noStdin.code, noStdin.stderr]).toEqual([2, expect.stringContaining('--password-stdin')]);
    const short = await hearth(['user', 'add', 'a.b', '--role', 'social-worker', '--password-stdin'], env, 'short');
    expect([short.code, short.stderr]).toEqual([1, expect.stringContaining('at least 12 characters')]);
    const taken = await hearth(['user', 'add', 'sam.patel', '--role', 'social-worker', '--password-stdin'], env, 'a long enough password');
    expect([taken.code, taken.stderr]).toEqual([1, expect.stringContaining('already taken')]);
    const nobody = await hearth(['token', 'issue', 'no.such.user'], env);
    expect([nobody.code, nobody.stderr]).toEqual([2, expect.stringContaining('no user called no.such.user')]);
    const unknown = await hearth(['frobnicate'], env);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('Unknown command')]);
  });

  it('loads postcode district centres from a CSV file, and refuses a file that is not one', async () => {
    const file = path.join(dataDir, 'districts.csv');
    fs.writeFileSync(file, 'Outcode,Latitude,Longitude\nWM9,52.70,-2.00\nZZ1,51.5,-0.1\n');
    const loaded = await hearth(['postcodes', 'import', file], env);
    expect([loaded.code, loaded.stdout.trim()], loaded.stderr).toEqual([0, 'Loaded the centres of 2 postcode districts.']);
    fs.writeFileSync(file, 'outcode,latitude,longitude\nWM9,north,-2.00\n');
    const bad = await hearth(['postcodes', 'import', file], env);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('Row 2: needs an outward code (like WM5), a latitude between 49 and 61 and a longitude between -9 and 2.5')]);
    const missing = await hearth(['postcodes', 'import', path.join(dataDir, 'nope.csv')], env);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('There is no file')]);
    const database = await openDatabase({ engine: 'pglite', dataDir });
    try {
      const centres = await services(database.db, systemClock).providers.centres();
      expect(centres.get('WM9')).toEqual({ latitude: 52.7, longitude: -2 });
    } finally {
      await database.close();
    }
  });

  it('refuses to open the embedded database while another process holds it', async () => {
    const database = await openDatabase({ engine: 'pglite', dataDir });
    try {
      const result = await hearth(['migrate'], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`is in use by another Hearth process (pid ${process.pid})`);
    } finally {
      await database.close();
    }
    expect((await hearth(['migrate'], env)).code).toBe(0);
  });

  it('stops with a clear message when the configuration is not valid', async () => {
    const result = await hearth(['migrate'], { ...env, PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('DATABASE_URL: must start with postgres://');
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

describe.skipIf(!postgresUrl)('the hearth command on PostgreSQL', () => {
  it('works while another process uses the same database', async () => {
    const pg = await import('pg');
    const name = `hearth_cli_${process.pid}`;
    const admin = new pg.default.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(postgresUrl as string);
    url.pathname = `/${name}`;
    const database = await openDatabase({ engine: 'postgres', url: url.toString() });
    try {
      await runMigrations(database);
      const env = { DATABASE_URL: url.toString() };
      expect((await hearth(['seed'], env)).code).toBe(0);
      const added = await hearth(['user', 'add', 'pg.user', '--role', 'auditor', '--password-stdin'], env, 'a long enough password');
      expect(added.code, added.stderr).toBe(0);
      expect((await services(database.db, systemClock).staff.memberByUsername('pg.user'))?.roles).toEqual(['auditor']);
    } finally {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
