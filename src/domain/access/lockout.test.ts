import { describe, expect, it } from 'vitest';
import { lockedUntil, lockoutPolicy, type SignInAttempt } from './lockout';

/** An instant on 10 March 2026 written HH:MM or HH:MM:SS (UTC). */
const at = (time: string) => new Date(`2026-03-10T${time.length === 5 ? `${time}:00` : time}Z`);
const attempt = (time: string, outcome: SignInAttempt['outcome'] = 'failed'): SignInAttempt => ({ at: at(time), outcome });
const failures = (...times: string[]) => times.map((t) => attempt(t));

describe('lockedUntil', () => {
  it('uses 5 failures within 15 minutes', () => {
    expect(lockoutPolicy).toEqual({ maxFailures: 5, windowMinutes: 15 });
  });

  it('does not lock after 4 failures', () => {
    expect(lockedUntil(failures('10:00', '10:01', '10:02', '10:03'), at('10:04'))).toBeNull();
  });

  it('does not lock with no attempts at all', () => {
    expect(lockedUntil([], at('10:04'))).toBeNull();
  });

  it('locks after 5 failures within 15 minutes, until 15 minutes after the first of them', () => {
    expect(lockedUntil(failures('10:00', '10:01', '10:02', '10:03', '10:04'), at('10:04'))).toEqual(at('10:15'));
  });

  it('locks when the 5 failures span almost the whole window', () => {
    expect(lockedUntil(failures('10:00', '10:05', '10:10', '10:12', '10:14:59'), at('10:14:59'))).toEqual(at('10:15'));
  });

  it('stays locked until the last moment and unlocks on the dot', () => {
    const attempts = failures('10:00', '10:01', '10:02', '10:03', '10:04');
    expect(lockedUntil(attempts, at('10:14:59'))).toEqual(at('10:15'));
    expect(lockedUntil(attempts, at('10:15'))).toBeNull();
  });

  it('ignores failures older than the window', () => {
    // Failures at 09:40 and 09:50 are 15 minutes or more before 10:05: only 3 count.
    expect(lockedUntil(failures('09:40', '09:50', '10:00', '10:01', '10:02'), at('10:05'))).toBeNull();
  });

  it('does not lock for 5 failures more than 15 minutes apart', () => {
    const attempts = failures('10:00', '10:04', '10:08', '10:12', '10:16');
    expect(lockedUntil(attempts, at('10:16'))).toBeNull();
  });

  it('with more than 5 failures, locks until the oldest of the last 5 leaves the window', () => {
    const attempts = failures('10:00', '10:01', '10:02', '10:03', '10:04', '10:05');
    expect(lockedUntil(attempts, at('10:05'))).toEqual(at('10:16'));
  });

  it('starts the count again after a successful sign-in', () => {
    const attempts = [...failures('10:00', '10:01', '10:02', '10:03'), attempt('10:04', 'succeeded'), ...failures('10:05')];
    expect(lockedUntil(attempts, at('10:06'))).toBeNull();
  });

  it("starts the count again after an administrator's unlock", () => {
    const attempts = [...failures('10:00', '10:01', '10:02', '10:03', '10:04'), attempt('10:06', 'unlocked')];
    expect(lockedUntil(attempts, at('10:07'))).toBeNull();
  });

  it('locks again after 5 new failures following an unlock', () => {
    const attempts = [
      ...failures('10:00', '10:01', '10:02', '10:03', '10:04'),
      attempt('10:06', 'unlocked'),
      ...failures('10:07', '10:08', '10:09', '10:10', '10:11'),
    ];
    expect(lockedUntil(attempts, at('10:11'))).toEqual(at('10:22'));
  });

  it('does not count attempts refused because the account was locked', () => {
    const attempts = [
      ...failures('10:00', '10:01', '10:02', '10:03'),
      attempt('10:04', 'refused-locked'),
      attempt('10:05', 'refused-locked'),
      attempt('10:06', 'refused-locked'),
    ];
    expect(lockedUntil(attempts, at('10:07'))).toBeNull();
  });

  it('gives the same answer whatever order the attempts come in', () => {
    const attempts = [attempt('10:03'), attempt('10:00'), attempt('10:04'), attempt('10:02'), attempt('10:01')];
    expect(lockedUntil(attempts, at('10:05'))).toEqual(at('10:15'));
  });

  it('uses the latest reset even when it comes first in the list', () => {
    const attempts = [attempt('10:05', 'succeeded'), attempt('09:00', 'succeeded'), ...failures('10:00', '10:01', '10:02', '10:03', '10:04')];
    expect(lockedUntil(attempts, at('10:06'))).toBeNull();
  });

  it('takes another policy when given one', () => {
    const policy = { maxFailures: 3, windowMinutes: 10 };
    expect(lockedUntil(failures('10:00', '10:01'), at('10:02'), policy)).toBeNull();
    expect(lockedUntil(failures('10:00', '10:01', '10:02'), at('10:02'), policy)).toEqual(at('10:10'));
  });
});
