import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import pg from 'pg';

/**
 * The load test's own server process and database (issue 9): `node bin/hearth.js serve` on
 * 127.0.0.1 against a database of its own on the PostgreSQL server the URL names, created for the
 * run and dropped afterwards, as the benchmarks do (bench/engines.ts).
 */
export const loopback = '127.0.0.1';

export interface LoadDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createLoadDatabase(serverUrl: string, purpose: string): Promise<LoadDatabase> {
  const name = `hearth_${purpose}_${process.pid}`;
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface RunningServer {
  baseUrl: string;
  process: ChildProcess;
  /** SIGTERM, waiting for it to stop. */
  stop(): Promise<void>;
  /** SIGKILL: no chance to finish anything (the durability check). */
  kill(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Starts Hearth as `npm start` does, on PostgreSQL, listening on 127.0.0.1 only. The first start
 * on an empty database seeds the demonstration authority. The rate limits are raised because
 * every virtual user comes from the same address; everything else is as configured in production.
 */
export async function startServer(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, ['bin/hearth.js', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: loopback,
      HEARTH_LOG_LEVEL: 'warn',
      HEARTH_RATE_LIMIT_PER_MINUTE: '1000000',
      HEARTH_SIGN_IN_LIMIT_PER_MINUTE: '100000',
      HEARTH_COOKIE_SECURE: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const baseUrl = `http://${loopback}:${port}`;
  const started = Date.now();
  // The first start seeds the demonstration authority: allow it ten minutes.
  while (Date.now() - started < 600_000) {
    if (child.exitCode !== null) throw new Error(`Hearth stopped while starting (exit ${child.exitCode}):\n${output}`);
    const ok = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const exited = () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit').then(() => {}));
  return {
    baseUrl,
    process: child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited();
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited();
    },
  };
}
