import { createHash, randomBytes } from 'node:crypto';

/** API tokens and session ids are stored only as SHA-256 hashes: a copy of the database signs no one in. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newApiToken(): string {
  return `hearth_${randomBytes(32).toString('base64url')}`;
}
