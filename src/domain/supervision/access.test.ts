import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/can';
import type { Role } from '../access/roles';
import { arrangesSupervisionOf, isLineManagerOf, readsSupervisionOf } from './access';

const actor = (userId: string, roles: Role[], teamIds: string[] = []): Actor => ({ userId, username: userId, displayName: userId, roles, teamIds, via: 'session' });
const sam = { userId: 'sam', roles: ['social-worker'] as Role[], teamIds: ['cras'] };

/** Who sees and records a member of staff's supervision (specialist-service-statement.txt 5.4). */
describe('supervision access', () => {
  const tom = actor('tom', ['assistant-team-manager'], ['cras']);
  const marcus = actor('marcus', ['service-manager'], ['cras', 'dct']);
  const sophie = actor('sophie', ['team-manager'], ['dct']);
  const helen = actor('helen', ['head-of-service']);
  const colleague = actor('jo', ['social-worker'], ['cras']);

  it('the supervisee, their supervisor and their line managers read it; colleagues do not', () => {
    expect(readsSupervisionOf(actor('sam', ['social-worker'], ['cras']), sam, 'tom')).toBe(true);
    expect(readsSupervisionOf(tom, sam, 'tom')).toBe(true);
    expect(readsSupervisionOf(marcus, sam, 'tom')).toBe(true);
    expect(readsSupervisionOf(helen, sam, 'tom')).toBe(true);
    expect(readsSupervisionOf(colleague, sam, 'tom')).toBe(false);
    expect(readsSupervisionOf(sophie, sam, 'tom')).toBe(false);
  });

  it('a line manager is senior in a team the member of staff is in, named on their profile, or the head of service', () => {
    expect(isLineManagerOf(marcus, sam)).toBe(true);
    // An assistant team manager supervises but does not audit supervision.
    expect(isLineManagerOf(tom, sam)).toBe(false);
    // A team manager in the same team as the service manager is not the service manager's line manager.
    expect(isLineManagerOf(sophie, { userId: 'marcus', roles: ['service-manager'], teamIds: ['dct'] })).toBe(false);
    expect(isLineManagerOf(sophie, { ...sam, lineManagerId: 'sophie' })).toBe(true);
    expect(isLineManagerOf(helen, { userId: 'marcus', roles: ['service-manager'], teamIds: [] })).toBe(true);
  });

  it('a manager senior in the team arranges a contract; a social worker does not', () => {
    expect(arrangesSupervisionOf(tom, sam)).toBe(true);
    expect(arrangesSupervisionOf(colleague, sam)).toBe(false);
    expect(arrangesSupervisionOf(tom, { userId: 'tom', roles: ['assistant-team-manager'], teamIds: ['cras'] })).toBe(false);
  });
});
