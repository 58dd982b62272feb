import type { Role } from '../../domain/access/roles';
import { rolesAllow } from '../../domain/access/can';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { hashPassword, passwordProblem } from '../../platform/auth/passwords';
import { newApiToken, sha256 } from '../../platform/auth/tokens';
import { endSessionsOf } from '../../platform/auth/sessionStore';
import { staffRepository } from './staffRepository';
import type { AccessChange, NewTeam, NewUser } from './staffSchemas';

/** What an administrator does: people's accounts, roles, teams and API tokens. Every change is audited. */
export function userAdminService(db: Db, clock: Clock) {
  function requireManage(context: RequestContext, permission: 'user:manage' | 'token:manage' = 'user:manage') {
    if (!rolesAllow(context.actor, permission)) throw new ForbiddenError('Only an administrator can manage users');
  }

  async function existingUser(userId: string) {
    const user = await staffRepository.findById(db, userId);
    if (!user) throw new NotFoundError('The user');
    return user;
  }

  async function checkTeams(teamIds: string[]) {
    const known = new Set((await staffRepository.teams(db)).map((t) => t.id));
    const unknown = teamIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new ValidationError([{ field: 'teamIds', message: 'Select teams from the list' }]);
  }

  return {
    async createUser(context: RequestContext, input: NewUser): Promise<string> {
      requireManage(context);
      const problem = passwordProblem(input.password);
      if (problem) throw new ValidationError([{ field: 'password', message: problem }]);
      if (await staffRepository.findByUsername(db, input.username)) {
        throw new ValidationError([{ field: 'username', message: `The username ${input.username} is already taken: choose another` }]);
      }
      await checkTeams(input.teamIds);
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const by = context.actor.via === 'cli' ? null : context.actor.userId;
        const id = await staffRepository.insertUser(tx, {
          username: input.username,
          displayName: input.displayName,
          email: input.email,
          jobTitle: input.jobTitle,
          passwordHash,
          createdBy: by,
        });
        await staffRepository.grantRoles(tx, id, input.roles, by);
        await staffRepository.addToTeams(tx, id, input.teamIds, by);
        await audit.record(tx, context, {
          action: 'user.created',
          details: { userId: id, username: input.username, roles: input.roles, teamIds: input.teamIds },
        });
        return id;
      });
    },

    async changeAccess(context: RequestContext, userId: string, change: AccessChange): Promise<void> {
      requireManage(context);
      const user = await existingUser(userId);
      await checkTeams(change.teamIds);
      // Separation of duties: no one changes their own access, so an administrator cannot give
      // themselves a case-work role and, through it, children's records.
      if (user.id === context.actor.userId) {
        throw new ValidationError([{ field: 'roles', message: 'You cannot change your own roles or teams: ask another administrator' }]);
      }
      const by = context.actor.via === 'cli' ? null : context.actor.userId;
      const added = change.roles.filter((r) => !user.roles.includes(r));
      const removed = user.roles.filter((r) => !change.roles.includes(r)) as Role[];
      const joined = change.teamIds.filter((t) => !user.teamIds.includes(t));
      const left = user.teamIds.filter((t) => !change.teamIds.includes(t));
      await db.transaction(async (tx) => {
        await staffRepository.grantRoles(tx, userId, added, by);
        await staffRepository.endRoles(tx, userId, removed, by);
        await staffRepository.addToTeams(tx, userId, joined, by);
        await staffRepository.removeFromTeams(tx, userId, left, by);
        await audit.record(tx, context, {
          action: 'user.access_changed',
          details: { userId, rolesAdded: added, rolesRemoved: removed, teamsJoined: joined, teamsLeft: left },
        });
      });
    },

    async setActive(context: RequestContext, userId: string, active: boolean): Promise<void> {
      requireManage(context);
      await existingUser(userId);
      if (!active && userId === context.actor.userId) {
        throw new ValidationError([{ field: 'active', message: 'You cannot disable your own account' }]);
      }
      await db.transaction(async (tx) => {
        await staffRepository.setActive(tx, userId, active);
        if (!active) await endSessionsOf(tx, userId);
        await audit.record(tx, context, { action: 'user.active_changed', details: { userId, active } });
      });
    },

    async resetPassword(context: RequestContext, userId: string, password: string): Promise<void> {
      requireManage(context);
      await existingUser(userId);
      const problem = passwordProblem(password);
      if (problem) throw new ValidationError([{ field: 'password', message: problem }]);
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await staffRepository.setPasswordHash(tx, userId, passwordHash);
        // Whoever knew the old password is signed out everywhere.
        await endSessionsOf(tx, userId);
        await audit.record(tx, context, { action: 'user.password_reset', details: { userId } });
      });
    },

    async unlock(context: RequestContext, userId: string): Promise<void> {
      requireManage(context);
      const user = await existingUser(userId);
      await db.transaction(async (tx) => {
        await staffRepository.recordAttempt(tx, user.username, 'unlocked', context.ipAddress, clock.now());
        await audit.record(tx, context, { action: 'user.unlocked', details: { userId } });
      });
    },

    async issueToken(context: RequestContext, userId: string, label: string): Promise<string> {
      requireManage(context, 'token:manage');
      const user = await existingUser(userId);
      if (!user.active) throw new ValidationError([{ field: 'userId', message: `${user.username} is disabled: enable the account before issuing a token` }]);
      const token = newApiToken();
      await db.transaction(async (tx) => {
        const tokenId = await staffRepository.insertToken(tx, {
          userId,
          tokenHash: sha256(token),
          label,
          createdBy: context.actor.via === 'cli' ? null : context.actor.userId,
        });
        await audit.record(tx, context, { action: 'token.issued', details: { userId, tokenId, label } });
      });
      return token;
    },

    async revokeToken(context: RequestContext, tokenId: string): Promise<void> {
      requireManage(context, 'token:manage');
      await db.transaction(async (tx) => {
        const revoked = await staffRepository.revokeToken(tx, tokenId, context.actor.via === 'cli' ? null : context.actor.userId);
        if (!revoked) throw new NotFoundError('The token');
        await audit.record(tx, context, { action: 'token.revoked', details: { tokenId, userId: revoked.userId } });
      });
    },

    tokensOf: (userId: string) => staffRepository.tokensOf(db, userId),

    async createTeam(context: RequestContext, team: NewTeam): Promise<string> {
      requireManage(context);
      if (await staffRepository.teamByName(db, team.name)) {
        throw new ValidationError([{ field: 'name', message: `There is already a team called ${team.name}` }]);
      }
      return db.transaction(async (tx) => {
        const id = await staffRepository.insertTeam(tx, team);
        await audit.record(tx, context, { action: 'team.created', details: { teamId: id, name: team.name } });
        return id;
      });
    },
  };
}

export type UserAdminService = ReturnType<typeof userAdminService>;
