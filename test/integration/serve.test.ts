import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `npm start`, as a newcomer runs it: waits until Hearth says where it is running. */
async function start(dataDir: string, port: number): Promise<{ process: ChildProcess; output: string }> {
  const child = spawn(process.execPath, [path.join(root, 'bin/hearth.js'), 'serve'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', HEARTH_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', HEARTH_LOG_LEVEL: 'warn' },
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Hearth did not start:\n${output}`)), 120_000);
    const check = setInterval(() => {
      if (output.includes('Stop it with Ctrl+C')) {
        clearTimeout(timer);
        clearInterval(check);
        resolve();
      }
    }, 100);
    child.on('exit', (code) => reject(new Error(`Hearth exited with ${code}:\n${output}`)));
  });
  return { process: child, output };
}

async function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function signIn(port: number, username: string, password: string): Promise<number> {
  const page = await fetch(`http://127.0.0.1:${port}/sign-in`);
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const response = await fetch(`http://127.0.0.1:${port}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, username, password, next: '/' }).toString(),
  });
  return response.status;
}

describe('npm start on a fresh machine', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-serve-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts, seeds the demonstration authority once, prints the sign-ins, and keeps its data across a restart', async () => {
    const port = await freePort();
    const first = await start(dataDir, port);
    expect(first.output).toContain('First start: adding the demonstration authority');
    expect(first.output).toContain(`Hearth is running at http://localhost:${port}`);
    expect(first.output).toMatch(/sam\.patel\s+Social worker \(Sam Patel\)/);
    expect(first.output).toContain('password for all: hearth-demo-2026');
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(await signIn(port, 'sam.patel', 'hearth-demo-2026')).toBe(302);
    expect(await stop(first.process)).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'hearth.lock'))).toBe(false);

    const second = await start(dataDir, port);
    expect(second.output).not.toContain('First start');
    expect(await signIn(port, 'olivia.stone', 'hearth-demo-2026')).toBe(302);
    expect(await signIn(port, 'olivia.stone', 'wrong password')).toBe(401);
    expect(await stop(second.process)).toBe(0);
  });
});
