import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npx hearth …` as an administrator would, optionally piping standard input. */
export function hearth(args: string[], env: Record<string, string>, stdin?: string): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/hearth.js'), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', HEARTH_LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    if (stdin !== undefined) child.stdin.end(stdin);
    else child.stdin.end();
  });
}
