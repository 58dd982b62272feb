/**
 * Lock-out after repeated failed sign-ins (issue 2): 5 failed attempts within 15 minutes lock
 * the account until 15 minutes after the first of them have passed. A successful sign-in or an
 * administrator's unlock starts the count again.
 */
export const lockoutPolicy = { maxFailures: 5, windowMinutes: 15 } as const;

export interface SignInAttempt {
  at: Date;
  outcome: 'succeeded' | 'failed' | 'refused-locked' | 'unlocked';
}

/** When the account is locked until, or null when it is not locked at `now`. */
export function lockedUntil(
  attempts: readonly SignInAttempt[],
  now: Date,
  policy: { maxFailures: number; windowMinutes: number } = lockoutPolicy,
): Date | null {
  const windowMs = policy.windowMinutes * 60_000;
  const ordered = [...attempts].sort((a, b) => a.at.getTime() - b.at.getTime());
  const lastReset = ordered.filter((a) => a.outcome === 'succeeded' || a.outcome === 'unlocked').at(-1);
  const failures = ordered.filter(
    (a) => a.outcome === 'failed' && (!lastReset || a.at > lastReset.at) && a.at.getTime() > now.getTime() - windowMs,
  );
  if (failures.length < policy.maxFailures) return null;
  // The lock lasts until the oldest of the last `maxFailures` failures leaves the window.
  const oldestCounted = failures[failures.length - policy.maxFailures] as SignInAttempt;
  return new Date(oldestCounted.at.getTime() + windowMs);
}
