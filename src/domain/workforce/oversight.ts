import type { Actor } from '../access/can';
import { managerRoles } from '../access/roles';

/**
 * Does this person oversee a member of staff's caseload and workforce profile? The head of service,
 * a manager of one of the teams they are in, or their recorded line manager
 * (specialist-service-statement.txt 5.1: "front line managers to have effective overviews of work";
 * 5.3). Everyone else is refused.
 */
export function overseesStaff(actor: Pick<Actor, 'userId' | 'roles' | 'teamIds'>, member: { teamIds: readonly string[] }, lineManagerId: string | null): boolean {
  if (actor.roles.includes('head-of-service') || (lineManagerId !== null && lineManagerId === actor.userId)) return true;
  return actor.roles.some((r) => managerRoles.includes(r)) && member.teamIds.some((t) => actor.teamIds.includes(t));
}
