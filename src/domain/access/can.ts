import { rolesGrant, type Permission } from './permissions';
import { managerRoles, type Role } from './roles';

/** The person acting: a signed-in user, or a user acting through an API token. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
  /** Teams the user belongs to (a manager's teams are the teams they manage). */
  teamIds: readonly string[];
  via: 'session' | 'token' | 'cli';
}

/** What the access rules need to know about a person's record. */
export interface RecordSubject {
  personId: string;
  restricted: boolean;
  allocatedWorkerId: string | null;
  allocatedTeamId: string | null;
  /** Users given explicit access to a restricted record. */
  grantedUserIds: readonly string[];
}

const recordPermissions: readonly Permission[] = [
  'child:read',
  'child:correct',
  'child:allocate',
  'child:restrict',
  'work:record',
  'contact:record',
  'contact:triage',
  'threshold:decide',
  'assessment:sign_off',
  'assessment:extend',
  'strategy:chair',
  'conference:chair',
  'review:chair',
  'placement:match',
  'placement:authorise',
  'package:approve',
  'family_time:record',
  'panel:chair',
  'fostering_panel:record',
  'adm:decide',
  'youth_justice:record',
  'ot:record',
  'assist:record',
  'hospital_duty:record',
];

function isManager(actor: Actor): boolean {
  return actor.roles.some((role) => managerRoles.includes(role));
}

function isHeadOfService(actor: Actor): boolean {
  return actor.roles.includes('head-of-service');
}

/**
 * Reviewing officers, conference chairs and the LADO chair reviews, conferences and allegations
 * meetings for children of every team (specialist-service-statement.txt 6.6; practice-standards.txt
 * Section 4), so they record that work whoever holds the case.
 */
const acrossTeams: readonly Role[] = ['iro', 'cp-chair', 'lado'];

function worksAcrossTeams(actor: Actor): boolean {
  return actor.roles.some((role) => acrossTeams.includes(role));
}

/** The allocated worker, anyone in the allocated team, or the head of service (or no one holds it yet). */
export function holdsCase(actor: Actor, subject: RecordSubject): boolean {
  return (
    subject.allocatedTeamId === null ||
    subject.allocatedWorkerId === actor.userId ||
    actor.teamIds.includes(subject.allocatedTeamId) ||
    isHeadOfService(actor)
  );
}

/** A manager of the team the record is allocated to, or the head of service. */
export function managesRecord(actor: Actor, subject: RecordSubject): boolean {
  if (isHeadOfService(actor)) return true;
  return (
    isManager(actor) &&
    subject.allocatedTeamId !== null &&
    actor.teamIds.includes(subject.allocatedTeamId)
  );
}

/**
 * May this actor see a child's youth justice records (every yos.* event and obligation)? They are
 * restricted to the Youth Offending Service and those working with the child (issue 12): the
 * allocated worker, the allocated team and its managers, and the head of service — not everyone
 * who may open the record.
 */
export function seesYouthJustice(actor: Actor, subject: RecordSubject): boolean {
  if (!canSee(actor, subject)) return false;
  if (rolesGrant(actor.roles, 'youth_justice:read') || isHeadOfService(actor)) return true;
  return subject.allocatedWorkerId === actor.userId || (subject.allocatedTeamId !== null && actor.teamIds.includes(subject.allocatedTeamId));
}

/**
 * May this actor see the record at all? Restricted records (for example a member of staff's
 * relative) are seen only by the allocated worker, the managers of the allocated team, and
 * people explicitly given access (DESIGN.md, Records and data protection).
 */
export function canSee(actor: Actor, subject: RecordSubject): boolean {
  if (!rolesGrant(actor.roles, 'child:read')) return false;
  if (!subject.restricted) return true;
  return (
    subject.allocatedWorkerId === actor.userId ||
    subject.grantedUserIds.includes(actor.userId) ||
    managesRecord(actor, subject)
  );
}

/** Route guard: do the actor's roles grant this permission on some record? */
export function rolesAllow(actor: Actor, permission: Permission): boolean {
  return rolesGrant(actor.roles, permission);
}

/**
 * can(actor, permission, subject): deny unless a rule allows. Record permissions need the
 * record: who may see it, and who may change it. Asking about a record permission without a
 * record is a programming error, not a yes.
 */
export function can(actor: Actor, permission: Permission, subject?: RecordSubject): boolean {
  if (!rolesGrant(actor.roles, permission)) return false;
  if (!subject) {
    if (recordPermissions.includes(permission)) {
      throw new Error(`can(${permission}) needs the record it applies to`);
    }
    return true;
  }
  if (!canSee(actor, subject)) return false;

  switch (permission) {
    case 'child:read':
      return true;
    case 'child:correct':
      // An unallocated record (a new contact, an adult, a professional) may be corrected by
      // anyone who records case work; an allocated child's by the allocated worker and team.
      return holdsCase(actor, subject);
    case 'work:record':
      // Practice work (a visit, a review) is recorded by those who hold the case, and by those
      // who chair its reviews and conferences from outside the team.
      return holdsCase(actor, subject) || worksAcrossTeams(actor);
    case 'contact:record':
    case 'contact:triage':
    case 'threshold:decide':
    case 'strategy:chair':
    case 'conference:chair':
    case 'review:chair':
    case 'placement:match':
    case 'placement:authorise':
    case 'package:approve':
    case 'family_time:record':
    case 'panel:chair':
    case 'fostering_panel:record':
    case 'adm:decide':
    case 'youth_justice:record':
    case 'ot:record':
    case 'assist:record':
    case 'hospital_duty:record':
      // The Youth Offending Service, Occupational Therapy, ASSIST and the hospital duty rota work for every team's children, and for children no team holds (issue 12).
      // The Fostering Panel and the agency decision maker consider every team's carers and children (Family Placement 11-16).
      // The Resource Service, the Family Time team and the panel's chair work for every team's children (resource-service-policy.txt 1.4, 2.1-2.2; resource-and-care-panel-policy.txt 1.1).
      // The front door receives contacts about any child, open case or not (practice-standards.txt,
      // Section 2: Duty Team (MASH), 1-2), and a strategy meeting is chaired by an assistant team
      // manager or team manager, at the front door or of the team (Strategy Discussions 5), and the
      // independent conference chairs and reviewing officers chair for every team: seeing the record is enough; restriction still holds.
      return true;
    case 'assessment:sign_off':
    case 'assessment:extend':
      // A manager of the team that holds the case (or the head of service); that they did not
      // write it themselves is checked against the submission (domain/assessment/assessmentState.ts).
      return managesRecord(actor, subject);
    case 'child:allocate':
      return subject.allocatedTeamId === null || managesRecord(actor, subject);
    case 'child:restrict':
      return managesRecord(actor, subject);
    default:
      return false;
  }
}
