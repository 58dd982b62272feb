import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles';
import type { SignInAttempt } from '../../domain/access/lockout';
import type { Executor } from '../../platform/db/database';
import { apiTokens, signInAttempts, teamMemberships, teams, userRoles, users } from './staffTables';

export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  jobTitle: string | null;
  active: boolean;
  roles: Role[];
  teamIds: string[];
  createdAt: Date;
}

export interface Team {
  id: string;
  name: string;
  service: string;
  purpose: string | null;
  specialism: string | null;
}

type UserRow = typeof users.$inferSelect;

async function hydrate(executor: Executor, rows: UserRow[]): Promise<StaffMember[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // One after another: the executor may be a transaction, which runs one query at a time.
  const roleRows = await executor
    .select({ userId: userRoles.userId, role: userRoles.role })
    .from(userRoles)
    .where(and(inArray(userRoles.userId, ids), isNull(userRoles.endedAt)));
  const teamRows = await executor
    .select({ userId: teamMemberships.userId, teamId: teamMemberships.teamId })
    .from(teamMemberships)
    .where(and(inArray(teamMemberships.userId, ids), isNull(teamMemberships.endedAt)));
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    jobTitle: row.jobTitle,
    active: row.active,
    createdAt: row.createdAt,
    roles: roleRows.filter((r) => r.userId === row.id).map((r) => r.role as Role),
    teamIds: teamRows.filter((t) => t.userId === row.id).map((t) => t.teamId),
  }));
}

export const staffRepository = {
  async findById(executor: Executor, id: string): Promise<StaffMember | null> {
    const rows = await executor.select().from(users).where(eq(users.id, id)).limit(1);
    return (await hydrate(executor, rows))[0] ?? null;
  },

  async findByIds(executor: Executor, ids: string[]): Promise<StaffMember[]> {
    if (ids.length === 0) return [];
    return hydrate(executor, await executor.select().from(users).where(inArray(users.id, ids)));
  },

  async findByUsername(executor: Executor, username: string): Promise<(StaffMember & { passwordHash: string | null }) | null> {
    const [row] = await executor
      .select()
      .from(users)
      .where(sql`lower(${users.username}) = lower(${username})`)
      .limit(1);
    if (!row) return null;
    const [member] = await hydrate(executor, [row]);
    return member ? { ...member, passwordHash: row.passwordHash } : null;
  },

  async list(executor: Executor): Promise<StaffMember[]> {
    return hydrate(executor, await executor.select().from(users).orderBy(asc(users.displayName)));
  },

  async membersOf(executor: Executor, teamId: string): Promise<StaffMember[]> {
    const rows = await executor
      .select({ user: users })
      .from(users)
      .innerJoin(teamMemberships, eq(teamMemberships.userId, users.id))
      .where(and(eq(teamMemberships.teamId, teamId), isNull(teamMemberships.endedAt)))
      .orderBy(asc(users.displayName));
    return hydrate(executor, rows.map((r) => r.user));
  },

  async insertUser(
    executor: Executor,
    user: { username: string; displayName: string; email: string | null; jobTitle: string | null; passwordHash: string; createdBy: string | null },
  ): Promise<string> {
    const [row] = await executor.insert(users).values(user).returning({ id: users.id });
    return (row as { id: string }).id;
  },

  async setPasswordHash(executor: Executor, userId: string, passwordHash: string): Promise<void> {
    await executor.update(users).set({ passwordHash }).where(eq(users.id, userId));
  },

  async setActive(executor: Executor, userId: string, active: boolean): Promise<void> {
    await executor.update(users).set({ active }).where(eq(users.id, userId));
  },

  async grantRoles(executor: Executor, userId: string, roles: Role[], by: string | null): Promise<void> {
    if (roles.length === 0) return;
    await executor.insert(userRoles).values(roles.map((role) => ({ userId, role, grantedBy: by })));
  },

  async endRoles(executor: Executor, userId: string, roles: Role[], by: string | null): Promise<void> {
    if (roles.length === 0) return;
    await executor
      .update(userRoles)
      .set({ endedAt: sql`now()`, endedBy: by })
      .where(and(eq(userRoles.userId, userId), inArray(userRoles.role, roles), isNull(userRoles.endedAt)));
  },

  async addToTeams(executor: Executor, userId: string, teamIds: string[], by: string | null): Promise<void> {
    if (teamIds.length === 0) return;
    await executor.insert(teamMemberships).values(teamIds.map((teamId) => ({ userId, teamId, addedBy: by })));
  },

  async removeFromTeams(executor: Executor, userId: string, teamIds: string[], by: string | null): Promise<void> {
    if (teamIds.length === 0) return;
    await executor
      .update(teamMemberships)
      .set({ endedAt: sql`now()`, endedBy: by })
      .where(and(eq(teamMemberships.userId, userId), inArray(teamMemberships.teamId, teamIds), isNull(teamMemberships.endedAt)));
  },

  async teams(executor: Executor): Promise<Team[]> {
    return executor
      .select({ id: teams.id, name: teams.name, service: teams.service, purpose: teams.purpose, specialism: teams.specialism })
      .from(teams)
      .orderBy(asc(teams.service), asc(teams.name));
  },

  async teamSpecialisms(executor: Executor, teamIds: readonly string[]): Promise<Map<string, string>> {
    if (teamIds.length === 0) return new Map();
    const rows = await executor
      .select({ id: teams.id, specialism: teams.specialism })
      .from(teams)
      .where(and(inArray(teams.id, [...teamIds]), sql`${teams.specialism} is not null`));
    return new Map(rows.map((r) => [r.id, r.specialism as string]));
  },

  async teamById(executor: Executor, id: string): Promise<Team | null> {
    const [row] = await executor
      .select({ id: teams.id, name: teams.name, service: teams.service, purpose: teams.purpose, specialism: teams.specialism })
      .from(teams)
      .where(eq(teams.id, id))
      .limit(1);
    return row ?? null;
  },

  async teamByName(executor: Executor, name: string): Promise<Team | null> {
    const [row] = await executor
      .select({ id: teams.id, name: teams.name, service: teams.service, purpose: teams.purpose, specialism: teams.specialism })
      .from(teams)
      .where(sql`lower(${teams.name}) = lower(${name})`)
      .limit(1);
    return row ?? null;
  },

  async insertTeam(executor: Executor, team: Omit<Team, 'id'>): Promise<string> {
    const [row] = await executor.insert(teams).values(team).returning({ id: teams.id });
    return (row as { id: string }).id;
  },

  async recordAttempt(executor: Executor, username: string, outcome: SignInAttempt['outcome'], ipAddress: string | null, at: Date) {
    await executor.insert(signInAttempts).values({ username: username.toLowerCase(), outcome, ipAddress, at });
  },

  async recentAttempts(executor: Executor, username: string, since: Date): Promise<SignInAttempt[]> {
    return executor
      .select({ at: signInAttempts.at, outcome: signInAttempts.outcome })
      .from(signInAttempts)
      .where(and(sql`lower(${signInAttempts.username}) = lower(${username})`, gt(signInAttempts.at, since)))
      .orderBy(desc(signInAttempts.at))
      .limit(100);
  },

  async insertToken(executor: Executor, token: { userId: string; tokenHash: string; label: string; createdBy: string | null }) {
    const [row] = await executor.insert(apiTokens).values(token).returning({ id: apiTokens.id });
    return (row as { id: string }).id;
  },

  async tokenByHash(executor: Executor, tokenHash: string) {
    const [row] = await executor
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
      .limit(1);
    return row ?? null;
  },

  async touchToken(executor: Executor, tokenId: string, at: Date) {
    await executor.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, tokenId));
  },

  async tokensOf(executor: Executor, userId: string) {
    return executor.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
  },

  async revokeToken(executor: Executor, tokenId: string, by: string | null) {
    const rows = await executor
      .update(apiTokens)
      .set({ revokedAt: sql`now()`, revokedBy: by })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, userId: apiTokens.userId });
    return rows[0] ?? null;
  },
};
