import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the OWASP-recommended minimum parameters (m=19 MiB, t=2, p=1). */
// algorithm 2 is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a password nobody has, to verify against when the username does not exist, so the timing does not say. */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('not-a-real-password-' + Math.random());
  return decoyHash;
}

/** Minimum rules for a password an administrator sets: long enough to resist guessing. */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'Password must be at least 12 characters';
  if (password.length > 200) return 'Password must be 200 characters or fewer';
  return null;
}
