import { describe, expect, it } from 'vitest';
import { rolesAllow, type Actor } from './can';
import { permissionMatrix, permissions, rolesGrant, type Permission } from './permissions';
import { isRole, roles, type Role } from './roles';

/**
 * The permission matrix as the service means it, written out here role by role so that a change
 * to permissions.ts has to be made twice (on purpose) to pass.
 */
const reader: Permission[] = ['child:search', 'child:read', 'caseload:read', 'team:read'];
const recorder: Permission[] = [...reader, 'child:create', 'child:correct', 'work:record'];
const frontDoor: Permission[] = ['contact:record', 'contact:triage'];
const duty: Permission[] = [...frontDoor, 'threshold:decide', 'assessment:sign_off', 'strategy:chair'];
const resources: Permission[] = ['provider:manage', 'placement:match', 'resources:read'];
const supervised: Permission[] = ['supervision:read'];
const supervisor: Permission[] = [...supervised, 'supervision:record', 'workforce:read'];
const lineManager: Permission[] = [...supervisor, 'workforce:manage', 'supervision:audit'];
const disabledChildren: Permission[] = ['transitions:read', 'hospital_duty:record', 'ot:read', 'assist:read'];
const expectedMatrix: Record<Role, Permission[]> = {
  'social-worker': [...recorder, ...frontDoor, 'fostering:read', ...supervised, 'transitions:read', 'hospital_duty:record'],
  'personal-adviser': [...recorder, ...supervised],
  'early-help-worker': [...recorder, ...supervised, 'assist:read', 'assist:record'],
  'assistant-team-manager': [...recorder, ...duty, 'child:allocate', 'compliance:read', 'returns:quality', 'fostering:read', ...supervisor, ...disabledChildren],
  'team-manager': [...recorder, ...duty, 'child:allocate', 'child:restrict', 'compliance:read', 'assessment:extend', 'returns:quality', 'resources:read', 'fostering:read', 'fostering_panel:record', ...lineManager, ...disabledChildren],
  'service-manager': [...recorder, ...duty, 'child:allocate', 'child:restrict', 'compliance:read', 'assessment:extend', 'returns:quality', ...resources, 'package:approve', 'panel:read', 'panel:chair', 'fostering:read', 'fostering_panel:record', ...lineManager, ...disabledChildren],
  'head-of-service': [...recorder, ...duty, 'child:allocate', 'child:restrict', 'compliance:read', 'assessment:extend', 'returns:quality', 'standards:manage', ...resources, 'placement:authorise', 'package:approve', 'panel:read', 'panel:chair', 'returns:export', 'fostering:read', 'fostering_panel:record', 'adm:decide', ...lineManager, ...disabledChildren],
  iro: [...reader, 'compliance:read', 'work:record', 'review:chair', 'fostering:read', ...supervised],
  'cp-chair': [...reader, 'compliance:read', 'work:record', 'conference:chair', ...supervised],
  'placements-officer': [...reader, ...resources, 'fostering:read', ...supervised],
  'family-time-worker': [...reader, 'family_time:record', ...supervised],
  'panel-chair': ['child:search', 'child:read', 'team:read', 'panel:read', 'panel:administer', 'panel:chair'],
  'finance-officer': ['team:read', 'resources:read', 'panel:read'],
  'performance-officer': ['child:search', 'child:read', 'team:read', 'compliance:read', 'returns:export', 'returns:quality'],
  'business-support': ['child:search', 'child:read', 'child:create', 'child:correct', 'team:read', 'work:record', ...frontDoor, 'panel:read', 'panel:administer', 'fostering_panel:record', ...supervised],
  'agency-decision-maker': ['child:search', 'child:read', 'team:read', 'fostering:read', 'adm:decide'],
  lado: [...recorder, 'allegation:read', 'allegation:record', ...supervised],
  'youth-justice-officer': [...recorder, ...supervised, 'youth_justice:read', 'youth_justice:record'],
  'occupational-therapist': [...recorder, ...supervised, 'ot:read', 'ot:record'],
  administrator: ['user:manage', 'token:manage', 'team:read', 'standards:manage'],
  auditor: ['audit:read', 'allegation:read'],
};

function actor(userRoles: Role[]): Actor {
  return { userId: 'u', username: 'u', displayName: 'U', roles: userRoles, teamIds: [], via: 'session' };
}

describe('the permission matrix', () => {
  it('covers every role, and only known roles', () => {
    expect(Object.keys(permissionMatrix).sort()).toEqual([...roles].sort());
    expect(Object.keys(expectedMatrix).sort()).toEqual([...roles].sort());
  });

  it('lists the fifty-one permissions', () => {
    expect([...permissions].sort()).toEqual(
      [
        'audit:read',
        'caseload:read',
        'child:allocate',
        'child:correct',
        'child:create',
        'child:read',
        'child:restrict',
        'child:search',
        'compliance:read',
        'standards:manage',
        'team:read',
        'token:manage',
        'user:manage',
        'work:record',
        'contact:record',
        'contact:triage',
        'threshold:decide',
        'assessment:sign_off',
        'assessment:extend',
        'strategy:chair',
        'conference:chair',
        'review:chair',
        'provider:manage',
        'placement:match',
        'placement:authorise',
        'package:approve',
        'family_time:record',
        'resources:read',
        'panel:read',
        'panel:administer',
        'panel:chair',
        'returns:export',
        'returns:quality',
        'allegation:read',
        'allegation:record',
        'fostering:read',
        'fostering_panel:record',
        'adm:decide',
        'workforce:read',
        'workforce:manage',
        'supervision:read',
        'supervision:record',
        'supervision:audit',
        'youth_justice:read',
        'youth_justice:record',
        'ot:read',
        'ot:record',
        'assist:read',
        'assist:record',
        'transitions:read',
        'hospital_duty:record',
      ].sort(),
    );
  });

  const cases = roles.flatMap((role) => permissions.map((permission) => [role, permission, expectedMatrix[role].includes(permission)] as const));

  it.each(cases)('%s: %s is %s', (role, permission, allowed) => {
    expect(rolesAllow(actor([role]), permission)).toBe(allowed);
    expect(rolesGrant([role], permission)).toBe(allowed);
  });

  it('grants the union of the permissions of several roles', () => {
    const both = actor(['iro', 'administrator']);
    expect(rolesAllow(both, 'child:read')).toBe(true);
    expect(rolesAllow(both, 'user:manage')).toBe(true);
    expect(rolesAllow(both, 'child:correct')).toBe(false);
    expect(rolesAllow(both, 'audit:read')).toBe(false);
  });

  it('grants nothing to a user with no roles', () => {
    const nobody = actor([]);
    for (const permission of permissions) expect(rolesAllow(nobody, permission)).toBe(false);
  });

  it('knows the role identifiers administrators type', () => {
    expect(isRole('social-worker')).toBe(true);
    expect(isRole('Social worker')).toBe(false);
    expect(isRole('superuser')).toBe(false);
  });
});
