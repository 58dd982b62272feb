import { describe, expect, it } from 'vitest';
import { can, canSee, managesRecord, type Actor, type RecordSubject } from './can';
import { managerRoles, roles, type Role } from './roles';

function actor(userId: string, userRoles: Role[], teamIds: string[] = []): Actor {
  return { userId, username: userId, displayName: userId, roles: userRoles, teamIds, via: 'session' };
}

function record(overrides: Partial<RecordSubject> = {}): RecordSubject {
  return { personId: 'child-1', restricted: false, allocatedWorkerId: null, allocatedTeamId: null, grantedUserIds: [], ...overrides };
}

const rolesReadingRecords = roles.filter((r) => !['finance-officer', 'administrator', 'auditor'].includes(r));

describe('reading an unrestricted record', () => {
  it.each(rolesReadingRecords)('%s may read it, allocated or not, in any team', (role) => {
    const someone = actor('u', [role], ['team-2']);
    expect(can(someone, 'child:read', record())).toBe(true);
    expect(can(someone, 'child:read', record({ allocatedWorkerId: 'w', allocatedTeamId: 'team-1' }))).toBe(true);
  });

  it.each(['finance-officer', 'administrator', 'auditor'] as const)('%s may not read it', (role) => {
    expect(can(actor('u', [role], ['team-1']), 'child:read', record({ allocatedTeamId: 'team-1' }))).toBe(false);
    expect(canSee(actor('u', [role]), record())).toBe(false);
  });
});

describe('reading a restricted record', () => {
  const restricted = record({ restricted: true, allocatedWorkerId: 'worker', allocatedTeamId: 'team-1', grantedUserIds: ['granted-iro', 'granted-admin'] });

  it.each([
    ['the allocated worker', actor('worker', ['social-worker'], ['team-1'])],
    ['the allocated worker even from another team', actor('worker', ['social-worker'], ['team-9'])],
    ['an assistant team manager of the allocated team', actor('atm', ['assistant-team-manager'], ['team-1'])],
    ['a team manager of the allocated team', actor('tm', ['team-manager'], ['team-1'])],
    ['a service manager over the allocated team', actor('sm', ['service-manager'], ['team-1', 'team-2'])],
    ['the head of service, in no team', actor('hos', ['head-of-service'])],
    ['a user given access', actor('granted-iro', ['iro'])],
  ])('is seen by %s', (_who, someone) => {
    expect(can(someone, 'child:read', restricted)).toBe(true);
    expect(canSee(someone, restricted)).toBe(true);
  });

  it.each([
    ['a social worker in the same team', actor('sw', ['social-worker'], ['team-1'])],
    ['business support in the same team', actor('bs', ['business-support'], ['team-1'])],
    ['a team manager of another team', actor('tm2', ['team-manager'], ['team-2'])],
    ['a service manager over other teams', actor('sm2', ['service-manager'], ['team-2', 'team-3'])],
    ['an IRO not given access', actor('iro', ['iro'])],
    ['a user given access whose roles do not read records', actor('granted-admin', ['administrator'])],
  ])('is not seen by %s', (_who, someone) => {
    expect(can(someone, 'child:read', restricted)).toBe(false);
    expect(canSee(someone, restricted)).toBe(false);
  });

  it('is refused for every record permission to those who cannot see it', () => {
    const tm2 = actor('tm2', ['team-manager'], ['team-2']);
    for (const permission of ['child:read', 'child:correct', 'child:allocate', 'child:restrict'] as const) {
      expect(can(tm2, permission, restricted)).toBe(false);
    }
  });

  it('is seen only by the head of service and granted users while unallocated', () => {
    const unallocated = record({ restricted: true, grantedUserIds: ['granted'] });
    expect(can(actor('hos', ['head-of-service']), 'child:read', unallocated)).toBe(true);
    expect(can(actor('granted', ['social-worker']), 'child:read', unallocated)).toBe(true);
    expect(can(actor('tm', ['team-manager'], ['team-1']), 'child:read', unallocated)).toBe(false);
    expect(can(actor('sw', ['social-worker'], ['team-1']), 'child:read', unallocated)).toBe(false);
  });
});

describe('managesRecord', () => {
  const allocated = record({ allocatedWorkerId: 'worker', allocatedTeamId: 'team-1' });

  it.each(managerRoles.filter((r) => r !== 'head-of-service'))('is true for a %s of the allocated team only', (role) => {
    expect(managesRecord(actor('m', [role], ['team-1']), allocated)).toBe(true);
    expect(managesRecord(actor('m', [role], ['team-2']), allocated)).toBe(false);
  });

  it('is true for the head of service whatever the team', () => {
    expect(managesRecord(actor('hos', ['head-of-service']), allocated)).toBe(true);
    expect(managesRecord(actor('hos', ['head-of-service']), record())).toBe(true);
  });

  it('is false for a social worker in the allocated team', () => {
    expect(managesRecord(actor('sw', ['social-worker'], ['team-1']), allocated)).toBe(false);
  });

  it('is false for a team manager when the record has no team', () => {
    expect(managesRecord(actor('tm', ['team-manager'], ['team-1']), record())).toBe(false);
  });
});

describe('correcting a record (child:correct)', () => {
  const unallocated = record();
  const allocated = record({ allocatedWorkerId: 'worker', allocatedTeamId: 'team-1' });

  it('lets anyone who records case work correct an unallocated record', () => {
    expect(can(actor('sw', ['social-worker'], ['team-2']), 'child:correct', unallocated)).toBe(true);
    expect(can(actor('bs', ['business-support']), 'child:correct', unallocated)).toBe(true);
    expect(can(actor('lado', ['lado']), 'child:correct', unallocated)).toBe(true);
  });

  it('does not let readers correct even an unallocated record', () => {
    expect(can(actor('iro', ['iro']), 'child:correct', unallocated)).toBe(false);
    expect(can(actor('pc', ['panel-chair']), 'child:correct', unallocated)).toBe(false);
  });

  it.each([
    ['the allocated worker', actor('worker', ['social-worker'], ['team-1'])],
    ['the allocated worker from another team', actor('worker', ['social-worker'], ['team-9'])],
    ['another social worker in the allocated team', actor('sw', ['social-worker'], ['team-1'])],
    ['business support in the allocated team', actor('bs', ['business-support'], ['team-1'])],
    ['a team manager of the allocated team', actor('tm', ['team-manager'], ['team-1'])],
    ['the head of service', actor('hos', ['head-of-service'])],
  ])('lets %s correct an allocated record', (_who, someone) => {
    expect(can(someone, 'child:correct', allocated)).toBe(true);
  });

  it.each([
    ['a social worker in another team', actor('sw2', ['social-worker'], ['team-2'])],
    ['business support in another team', actor('bs2', ['business-support'], ['team-2'])],
    ['a team manager of another team', actor('tm2', ['team-manager'], ['team-2'])],
    ['an IRO in the allocated team', actor('iro', ['iro'], ['team-1'])],
  ])('does not let %s correct an allocated record', (_who, someone) => {
    expect(can(someone, 'child:correct', allocated)).toBe(false);
  });
});

describe('allocating a record (child:allocate)', () => {
  const unallocated = record();
  const allocated = record({ allocatedWorkerId: 'worker', allocatedTeamId: 'team-1' });

  it('lets any assistant team manager or manager allocate an unallocated record', () => {
    expect(can(actor('atm', ['assistant-team-manager'], ['team-2']), 'child:allocate', unallocated)).toBe(true);
    expect(can(actor('tm', ['team-manager'], ['team-3']), 'child:allocate', unallocated)).toBe(true);
  });

  it('lets only managers of the allocated team (and the head of service) reallocate', () => {
    expect(can(actor('atm', ['assistant-team-manager'], ['team-1']), 'child:allocate', allocated)).toBe(true);
    expect(can(actor('sm', ['service-manager'], ['team-1']), 'child:allocate', allocated)).toBe(true);
    expect(can(actor('hos', ['head-of-service']), 'child:allocate', allocated)).toBe(true);
    expect(can(actor('atm2', ['assistant-team-manager'], ['team-2']), 'child:allocate', allocated)).toBe(false);
    expect(can(actor('tm2', ['team-manager'], ['team-2']), 'child:allocate', allocated)).toBe(false);
  });

  it('does not let a social worker allocate, even their own case', () => {
    expect(can(actor('worker', ['social-worker'], ['team-1']), 'child:allocate', allocated)).toBe(false);
    expect(can(actor('worker', ['social-worker'], ['team-1']), 'child:allocate', unallocated)).toBe(false);
  });
});

describe('restricting a record (child:restrict)', () => {
  const allocated = record({ allocatedWorkerId: 'worker', allocatedTeamId: 'team-1' });

  it('lets team and service managers of the allocated team, and the head of service, restrict', () => {
    expect(can(actor('tm', ['team-manager'], ['team-1']), 'child:restrict', allocated)).toBe(true);
    expect(can(actor('sm', ['service-manager'], ['team-1']), 'child:restrict', allocated)).toBe(true);
    expect(can(actor('hos', ['head-of-service']), 'child:restrict', allocated)).toBe(true);
  });

  it('does not let an assistant team manager, the allocated worker or another team manager restrict', () => {
    expect(can(actor('atm', ['assistant-team-manager'], ['team-1']), 'child:restrict', allocated)).toBe(false);
    expect(can(actor('worker', ['social-worker'], ['team-1']), 'child:restrict', allocated)).toBe(false);
    expect(can(actor('tm2', ['team-manager'], ['team-2']), 'child:restrict', allocated)).toBe(false);
  });

  it('leaves an unallocated record to the head of service to restrict', () => {
    expect(can(actor('tm', ['team-manager'], ['team-1']), 'child:restrict', record())).toBe(false);
    expect(can(actor('hos', ['head-of-service']), 'child:restrict', record())).toBe(true);
  });
});

describe('can without a record', () => {
  it.each(['child:read', 'child:correct', 'child:allocate', 'child:restrict'] as const)(
    'throws when %s is asked without the record it applies to',
    (permission) => {
      expect(() => can(actor('hos', ['head-of-service']), permission)).toThrow(`can(${permission}) needs the record it applies to`);
    },
  );

  it('answers permissions that are not about one record from the roles alone', () => {
    expect(can(actor('sw', ['social-worker']), 'child:search')).toBe(true);
    expect(can(actor('sw', ['social-worker']), 'child:create')).toBe(true);
    expect(can(actor('sw', ['social-worker']), 'user:manage')).toBe(false);
    expect(can(actor('admin', ['administrator']), 'user:manage')).toBe(true);
    expect(can(actor('auditor', ['auditor']), 'audit:read')).toBe(true);
    expect(can(actor('auditor', ['auditor']), 'child:search')).toBe(false);
  });

  it('refuses, rather than throws, when the roles do not grant the record permission at all', () => {
    expect(can(actor('admin', ['administrator']), 'child:read')).toBe(false);
  });
});

describe('recording practice work (work:record)', () => {
  // Who holds the case, from outside it, and a restricted record seen (or not) from another team.
  const situations = {
    unallocated: { subject: record(), actor: (role: Role) => actor('someone', [role], ['team-2']) },
    allocatedWorker: { subject: record({ allocatedWorkerId: 'worker', allocatedTeamId: 'team-1' }), actor: (role: Role) => actor('worker', [role], ['team-9']) },
    allocatedTeam: { subject: record({ allocatedWorkerId: 'worker', allocatedTeamId: 'team-1' }), actor: (role: Role) => actor('colleague', [role], ['team-1']) },
    otherTeam: { subject: record({ allocatedWorkerId: 'worker', allocatedTeamId: 'team-1' }), actor: (role: Role) => actor('other', [role], ['team-2']) },
    restrictedNotGranted: { subject: record({ restricted: true, allocatedWorkerId: 'worker', allocatedTeamId: 'team-1' }), actor: (role: Role) => actor('other', [role], ['team-2']) },
    restrictedGranted: { subject: record({ restricted: true, allocatedWorkerId: 'worker', allocatedTeamId: 'team-1', grantedUserIds: ['other'] }), actor: (role: Role) => actor('other', [role], ['team-2']) },
  };
  type Situation = keyof typeof situations;
  const holder: Situation[] = ['unallocated', 'allocatedWorker', 'allocatedTeam'];
  const acrossTeams: Situation[] = [...holder, 'otherTeam', 'restrictedGranted'];

  /** Written out role by role, so that a change to can.ts or permissions.ts has to be made here too. */
  const allowedIn: Record<Role, Situation[]> = {
    'social-worker': holder,
    'personal-adviser': holder,
    'early-help-worker': holder,
    'assistant-team-manager': holder,
    'team-manager': holder,
    'service-manager': holder,
    'head-of-service': [...holder, 'otherTeam', 'restrictedNotGranted', 'restrictedGranted'],
    iro: acrossTeams,
    'cp-chair': acrossTeams,
    lado: acrossTeams,
    'agency-decision-maker': [],
    'youth-justice-officer': holder,
    'occupational-therapist': holder,
    'business-support': holder,
    'placements-officer': [],
    'family-time-worker': [],
    'panel-chair': [],
    'finance-officer': [],
    'performance-officer': [],
    administrator: [],
    auditor: [],
  };

  it('covers every role', () => {
    expect(Object.keys(allowedIn).sort()).toEqual([...roles].sort());
  });

  const cases = roles.flatMap((role) => (Object.keys(situations) as Situation[]).map((situation) => [role, situation, allowedIn[role].includes(situation)] as const));

  it.each(cases)('%s, %s: %s', (role, situation, allowed) => {
    const { subject, actor: as } = situations[situation];
    expect(can(as(role), 'work:record', subject)).toBe(allowed);
  });

  it('is never allowed on a record the actor cannot see, whatever their role', () => {
    const restricted = situations.restrictedNotGranted.subject;
    for (const role of roles.filter((r) => r !== 'head-of-service')) {
      expect(canSee(actor('other', [role], ['team-2']), restricted)).toBe(false);
      expect(can(actor('other', [role], ['team-2']), 'work:record', restricted)).toBe(false);
    }
  });

  it('throws when asked without the record it applies to', () => {
    expect(() => can(actor('sw', ['social-worker']), 'work:record')).toThrow('can(work:record) needs the record it applies to');
  });
});

describe('the front door (contact:record, contact:triage, threshold:decide)', () => {
  const openCase = record({ allocatedWorkerId: 'worker', allocatedTeamId: 'team-1' });
  const restricted = record({ restricted: true, allocatedWorkerId: 'worker', allocatedTeamId: 'team-1' });

  it('lets the front door record and triage a contact about a child whose case another team holds (Duty Team (MASH) 1-3)', () => {
    const duty = actor('duty-sw', ['social-worker'], ['front-door']);
    expect(can(duty, 'work:record', openCase)).toBe(false);
    expect(can(duty, 'contact:record', openCase)).toBe(true);
    expect(can(duty, 'contact:triage', openCase)).toBe(true);
    expect(can(actor('admin', ['business-support'], ['front-door']), 'contact:record', openCase)).toBe(true);
  });

  it('keeps the threshold decision to the Duty Manager: an assistant team manager or above (Duty Team (MASH) 5)', () => {
    expect(can(actor('duty-sw', ['social-worker'], ['front-door']), 'threshold:decide', openCase)).toBe(false);
    expect(can(actor('admin', ['business-support'], ['front-door']), 'threshold:decide', openCase)).toBe(false);
    expect(can(actor('atm', ['assistant-team-manager'], ['front-door']), 'threshold:decide', openCase)).toBe(true);
    expect(can(actor('tm', ['team-manager'], ['front-door']), 'threshold:decide', openCase)).toBe(true);
  });

  it('still hides a restricted child from the front door unless access was given', () => {
    const duty = actor('other', ['team-manager'], ['front-door']);
    for (const permission of ['contact:record', 'contact:triage', 'threshold:decide'] as const) {
      expect(can(duty, permission, restricted)).toBe(false);
      expect(can(duty, permission, { ...restricted, grantedUserIds: ['other'] })).toBe(true);
    }
  });

  it('is not given to readers who do not work at the front door', () => {
    for (const role of ['iro', 'cp-chair', 'placements-officer', 'panel-chair', 'personal-adviser'] as const) {
      expect(can(actor('u', [role]), 'contact:record', record())).toBe(false);
    }
  });
});

describe('signing off an assessment (assessment:sign_off)', () => {
  const held = record({ allocatedWorkerId: 'worker', allocatedTeamId: 'team-1' });
  it('is for managers of the team that holds the case, and the head of service', () => {
    expect(can(actor('atm', ['assistant-team-manager'], ['team-1']), 'assessment:sign_off', held)).toBe(true);
    expect(can(actor('tm', ['team-manager'], ['team-1']), 'assessment:sign_off', held)).toBe(true);
    expect(can(actor('hos', ['head-of-service']), 'assessment:sign_off', held)).toBe(true);
    expect(can(actor('tm2', ['team-manager'], ['team-2']), 'assessment:sign_off', held)).toBe(false);
    expect(can(actor('worker', ['social-worker'], ['team-1']), 'assessment:sign_off', held)).toBe(false);
    expect(can(actor('iro', ['iro'], ['team-1']), 'assessment:sign_off', held)).toBe(false);
  });
});
