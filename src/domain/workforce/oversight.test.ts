import { describe, expect, it } from 'vitest';
import { overseesStaff } from './oversight';

describe('overseesStaff', () => {
  const worker = { teamIds: ['cras'] };
  it('lets the head of service, a manager of the worker’s team and their line manager see their caseload', () => {
    expect(overseesStaff({ userId: 'h', roles: ['head-of-service'], teamIds: [] }, worker, null)).toBe(true);
    expect(overseesStaff({ userId: 't', roles: ['assistant-team-manager'], teamIds: ['cras'] }, worker, null)).toBe(true);
    expect(overseesStaff({ userId: 'm', roles: ['team-manager'], teamIds: ['cpc'] }, worker, 'm')).toBe(true);
  });

  it('refuses a manager of another team, and a colleague in the same team', () => {
    expect(overseesStaff({ userId: 'g', roles: ['team-manager'], teamIds: ['cpc'] }, worker, null)).toBe(false);
    expect(overseesStaff({ userId: 's', roles: ['social-worker'], teamIds: ['cras'] }, worker, null)).toBe(false);
  });
});
