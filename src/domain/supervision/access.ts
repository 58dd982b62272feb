import type { Actor } from '../access/can';
import { rolesGrant } from '../access/permissions';
import type { Role } from '../access/roles';

/** What the supervision access rules need to know about a member of staff. */
export interface StaffSubject {
  userId: string;
  roles: readonly Role[];
  teamIds: readonly string[];
  /** Their workforce profile's line manager, if one is named. */
  lineManagerId?: string | null;
}

/** Seniority in a team's line (specialist-service-statement.txt 5.3): practitioners 0, then each tier of manager. */
const rank: Partial<Record<Role, number>> = {
  'assistant-team-manager': 1,
  'team-manager': 2,
  'service-manager': 3,
  'head-of-service': 4,
};

const seniority = (roles: readonly Role[]) => Math.max(0, ...roles.map((r) => rank[r] ?? 0));

/**
 * A line manager of this member of staff (5.4: observations and audits of supervision "by Line
 * Managers"): someone with supervision:audit who manages a team the member of staff is in and is
 * senior to them, the line manager their workforce profile names, or the head of service.
 */
export function isLineManagerOf(actor: Actor, subject: StaffSubject): boolean {
  if (actor.userId === subject.userId || !rolesGrant(actor.roles, 'supervision:audit')) return false;
  if (actor.roles.includes('head-of-service') || subject.lineManagerId === actor.userId) return true;
  return seniority(actor.roles) > seniority(subject.roles) && actor.teamIds.some((t) => subject.teamIds.includes(t));
}

/**
 * Who sees a member of staff's supervision (contract, sessions, observations, audits): they
 * themselves, their supervisor, and their line managers. Supervision is about the person as well
 * as their work (wellbeing, workload), so colleagues do not see it.
 */
export function readsSupervisionOf(actor: Actor, subject: StaffSubject, supervisorId: string | null): boolean {
  if (!rolesGrant(actor.roles, 'supervision:read')) return false;
  return actor.userId === subject.userId || (supervisorId !== null && actor.userId === supervisorId) || isLineManagerOf(actor, subject);
}

/**
 * Who may agree a supervision contract for a member of staff: a manager with supervision:record
 * senior to them in a team they are in (who then names themselves, or another manager if they are
 * a line manager), or the head of service.
 */
export function arrangesSupervisionOf(actor: Actor, subject: StaffSubject): boolean {
  if (actor.userId === subject.userId || !rolesGrant(actor.roles, 'supervision:record')) return false;
  if (actor.roles.includes('head-of-service') || isLineManagerOf(actor, subject)) return true;
  return seniority(actor.roles) > seniority(subject.roles) && actor.teamIds.some((t) => subject.teamIds.includes(t));
}

/** May this member of staff supervise others (5.4: "by the supervising manager")? */
export function maySupervise(subject: Pick<StaffSubject, 'roles'>): boolean {
  return rolesGrant(subject.roles, 'supervision:record');
}
