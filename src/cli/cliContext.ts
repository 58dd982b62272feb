import os from 'node:os';
import type { Actor } from '../domain/access/can';
import type { Role } from '../domain/access/roles';
import type { RequestContext } from '../platform/audit/auditLog';

/**
 * Who acts when an administrator runs a `hearth` command: recorded in the audit log as such. A
 * command that does a role's work (the performance team's statutory returns) acts in that role too.
 */
export function cliContext(alsoAs: readonly Role[] = []): RequestContext {
  const actor: Actor = {
    userId: '00000000-0000-0000-0000-000000000000',
    username: `cli:${os.userInfo().username}`,
    displayName: 'Hearth command line',
    roles: ['administrator', ...alsoAs],
    teamIds: [],
    via: 'cli',
  };
  return { actor, ipAddress: null, method: 'CLI', path: process.argv.slice(2, 4).join(' ') };
}

export class UsageError extends Error {}

/** Reads all of standard input (a password piped in), without its final newline. */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('--password-stdin reads the password from standard input: pipe it in, like `echo "$PASSWORD" | npx hearth user add …`');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
