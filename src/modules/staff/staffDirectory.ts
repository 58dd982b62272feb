import type { Actor } from '../../domain/access/can';
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
    teams: (): Promise<Team[]> => staffRepository.teams(db),
    team: (teamId: string): Promise<Team | null> => staffRepository.teamById(db, teamId),
    /** The specialism of each of these teams that has one, read with the caller's transaction. */
    teamSpecialisms: (executor: Executor, teamIds: readonly string[]) => staffRepository.teamSpecialisms(executor, teamIds),
    teamByName: (name: string) => staffRepository.teamByName(db, name),
    allMembers: () => staffRepository.list(db),
  };
}

export type StaffDirectory = ReturnType<typeof staffDirectory>;
