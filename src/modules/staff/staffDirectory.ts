import type { Actor } from '../../domain/access/can';
import { managerRoles, type Role } from '../../domain/access/roles';
import type { Db, Executor } from '../../platform/db/database';
import { staffRepository, type StaffMember, type Team } from './staffRepository';

export function actorFrom(member: StaffMember, via: Actor['via']): Actor {
  return {
    userId: member.id,
    username: member.username,
    displayName: member.displayName,
    roles: member.roles,
    teamIds: member.teamIds,
    via,
  };
}

/** Reading who works here: other modules use this, never the staff tables. */
export function staffDirectory(db: Db) {
  return {
    /** The actor for a signed-in user, or null if the account no longer exists or is disabled. */
    async actorFor(userId: string, via: Actor['via']): Promise<Actor | null> {
      const member = await staffRepository.findById(db, userId);
      return member && member.active ? actorFrom(member, via) : null;
    },
    member: (id: string) => staffRepository.findById(db, id),
    members: (ids: string[]) => staffRepository.findByIds(db, ids),
    memberByUsername: async (username: string): Promise<StaffMember | null> => {
      const found = await staffRepository.findByUsername(db, username);
      if (!found) return null;
      const { passwordHash: _omit, ...member } = found;
      return member;
    },
    membersOf: (teamId: string) => staffRepository.membersOf(db, teamId),
    /** The active members of a team who may chair its meetings, each marked if a manager (a manager chairs some: the first and last core group or review). */
    async chairsOf(teamId: string | null) {
      if (!teamId) return [];
      return (await staffRepository.membersOf(db, teamId)).filter((m) => m.active).map((m) => ({ id: m.id, name: m.displayName, manager: m.roles.some((r) => managerRoles.includes(r)) }));
    },
    teams: (): Promise<Team[]> => staffRepository.teams(db),
    team: (teamId: string): Promise<Team | null> => staffRepository.teamById(db, teamId),
    /** The specialism of each of these teams that has one, read with the caller's transaction. */
    teamSpecialisms: (executor: Executor, teamIds: readonly string[]) => staffRepository.teamSpecialisms(executor, teamIds),
    teamByName: (name: string) => staffRepository.teamByName(db, name),
    allMembers: () => staffRepository.list(db),
    /** The active staff holding a role, for a form's list (the IROs, the personal advisers, the placements officers), by id and name. */
    async withRole(role: Role) {
      return (await staffRepository.list(db)).filter((m) => m.active && m.roles.includes(role)).map((m) => ({ id: m.id, name: m.displayName }));
    },
  };
}

export type StaffDirectory = ReturnType<typeof staffDirectory>;
