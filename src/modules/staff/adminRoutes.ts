import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { roles } from '../../domain/access/roles';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { errorView, formBody } from '../../platform/http/forms';
import { addRoute, contextOf } from '../../platform/http/routes';
import { flash } from '../../platform/views/setUpViews';
import { problemsOf } from '../../platform/validation';
import type { Services } from '../../services';
import { accessChangeSchema, newTeamSchema, newUserSchema, passwordResetSchema, teamSpecialisms, tokenIssueSchema } from './staffSchemas';

function userIdParam(request: FastifyRequest): string {
  const parsed = z.uuid().safeParse((request.params as { userId?: string }).userId);
  if (!parsed.success) throw new NotFoundError('The user');
  return parsed.data;
}

/** User administration: accounts, roles, teams, passwords, lock-outs and API tokens. */
export function adminRoutes(app: FastifyInstance, services: Services) {
  const { staff, userAdmin } = services;

  async function userPage(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}, status = 200) {
    const member = await staff.member(userIdParam(request));
    if (!member) throw new NotFoundError('The user');
    const [teams, tokens] = await Promise.all([staff.teams(), userAdmin.tokensOf(member.id)]);
    return reply.code(status).page('staff/views/user.njk', { pageTitle: member.displayName, member, teams, tokens, roles, ...extra });
  }

  /** Runs an admin change; a refusal re-shows the user's page with the problem. */
  function userChange(url: string, audit: string, schema: z.ZodType, run: (request: FastifyRequest, input: never) => Promise<string | void>, done: string) {
    addRoute(app, {
      method: 'POST',
      url,
      permission: 'user:manage',
      audit,
      handler: async (request, reply) => {
        const parsed = schema.safeParse(formBody(request.body));
        if (!parsed.success) return userPage(request, reply, errorView(problemsOf(parsed.error)), 400);
        try {
          const shown = await run(request, parsed.data as never);
          if (typeof shown === 'string') return userPage(request, reply, { newToken: shown });
        } catch (error) {
          if (error instanceof ValidationError) return userPage(request, reply, errorView(error.problems), 400);
          throw error;
        }
        flash(request, done);
        return reply.redirect(`/admin/users/${userIdParam(request)}`);
      },
    });
  }

  addRoute(app, {
    method: 'GET',
    url: '/admin/users',
    permission: 'user:manage',
    audit: 'none',
    handler: async (_request, reply) => {
      const [members, teams] = await Promise.all([staff.allMembers(), staff.teams()]);
      return reply.page('staff/views/users.njk', { pageTitle: 'Users', members, teamNames: Object.fromEntries(teams.map((t) => [t.id, t.name])) });
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/admin/users/new',
    permission: 'user:manage',
    audit: 'none',
    handler: async (_request, reply) => reply.page('staff/views/newUser.njk', { pageTitle: 'Add a user', teams: await staff.teams(), roles, values: {}, selectedRoles: [], selectedTeams: [] }),
  });

  addRoute(app, {
    method: 'POST',
    url: '/admin/users/new',
    permission: 'user:manage',
    audit: 'user.created',
    handler: async (request, reply) => {
      const body = formBody(request.body);
      const again = async (problems: { field: string; message: string }[]) =>
        reply.code(400).page('staff/views/newUser.njk', {
          pageTitle: 'Add a user',
          teams: await staff.teams(),
          roles,
          values: { ...body, password: '' },
          selectedRoles: [body.roles ?? []].flat(),
          selectedTeams: [body.teamIds ?? []].flat(),
          ...errorView(problems),
        });
      const parsed = newUserSchema.safeParse(body);
      if (!parsed.success) return again(problemsOf(parsed.error));
      try {
        const id = await userAdmin.createUser(contextOf(request), parsed.data);
        flash(request, `${parsed.data.displayName} can now sign in as ${parsed.data.username}.`, 'User added');
        return reply.redirect(`/admin/users/${id}`);
      } catch (error) {
        if (error instanceof ValidationError) return again(error.problems);
        throw error;
      }
    },
  });

  addRoute(app, { method: 'GET', url: '/admin/users/:userId', permission: 'user:manage', audit: 'none', handler: (request, reply) => userPage(request, reply) });

  userChange('/admin/users/:userId/access', 'user.access_changed', accessChangeSchema, (request, input: z.infer<typeof accessChangeSchema>) => userAdmin.changeAccess(contextOf(request), userIdParam(request), input), 'Roles and teams have been saved.');
  userChange('/admin/users/:userId/password', 'user.password_reset', passwordResetSchema, (request, input: z.infer<typeof passwordResetSchema>) => userAdmin.resetPassword(contextOf(request), userIdParam(request), input.password), 'The password has been changed. Tell the user the new password in person or by phone.');
  userChange('/admin/users/:userId/unlock', 'user.unlocked', z.object({}), (request) => userAdmin.unlock(contextOf(request), userIdParam(request)), 'The account has been unlocked.');
  userChange('/admin/users/:userId/active', 'user.active_changed', z.object({ active: z.enum(['yes', 'no']) }), (request, input: { active: 'yes' | 'no' }) => userAdmin.setActive(contextOf(request), userIdParam(request), input.active === 'yes'), 'The account has been updated.');
  userChange('/admin/users/:userId/tokens', 'token.issued', tokenIssueSchema, (request, input: z.infer<typeof tokenIssueSchema>) => userAdmin.issueToken(contextOf(request), userIdParam(request), input.label), '');
  addRoute(app, {
    method: 'POST',
    url: '/admin/users/:userId/tokens/:tokenId/revoke',
    permission: 'token:manage',
    audit: 'token.revoked',
    handler: async (request, reply) => {
      const tokenId = z.uuid().safeParse((request.params as { tokenId: string }).tokenId);
      if (!tokenId.success) throw new NotFoundError('The token');
      await userAdmin.revokeToken(contextOf(request), tokenId.data);
      flash(request, 'The token has been revoked: it no longer works.');
      return reply.redirect(`/admin/users/${userIdParam(request)}`);
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/admin/teams/new',
    permission: 'user:manage',
    audit: 'none',
    handler: (_request, reply) => reply.page('staff/views/newTeam.njk', { pageTitle: 'Add a team', values: {}, specialisms: teamSpecialisms }),
  });

  addRoute(app, {
    method: 'POST',
    url: '/admin/teams/new',
    permission: 'user:manage',
    audit: 'team.created',
    handler: async (request, reply) => {
      const body = formBody(request.body);
      const again = (problems: { field: string; message: string }[]) => reply.code(400).page('staff/views/newTeam.njk', { pageTitle: 'Add a team', values: body, specialisms: teamSpecialisms, ...errorView(problems) });
      const parsed = newTeamSchema.safeParse(body);
      if (!parsed.success) return again(problemsOf(parsed.error));
      try {
        const id = await userAdmin.createTeam(contextOf(request), parsed.data);
        flash(request, `${parsed.data.name} has been added.`, 'Team added');
        return reply.redirect(`/teams/${id}`);
      } catch (error) {
        if (error instanceof ValidationError) return again(error.problems);
        throw error;
      }
    },
  });
}
