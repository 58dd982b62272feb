import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatDateTime } from '../../platform/views/filters';
import { endSession, startSession } from '../../platform/http/setUpAuthentication';
import { errorView, formBody } from '../../platform/http/forms';
import { addRoute, contextOf } from '../../platform/http/routes';
import type { Services } from '../../services';

const signInSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username').max(100, 'Username must be 100 characters or fewer'),
  password: z.string().min(1, 'Enter your password').max(200, 'Password must be 200 characters or fewer'),
  next: z.string().optional(),
});

/** Only a path on this site: never send someone elsewhere after signing in. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : '/';
}

function where(request: FastifyRequest) {
  return { ipAddress: request.ip, method: request.method, path: request.url.split('?')[0] ?? null };
}

export function signInRoutes(app: FastifyInstance, services: Services, limitPerMinute: number) {
  addRoute(app, {
    method: 'GET',
    url: '/sign-in',
    permission: 'public',
    audit: 'none',
    handler: (request, reply) => {
      const query = request.query as Record<string, string | undefined>;
      return reply.page('signIn/views/signIn.njk', {
        pageTitle: 'Sign in',
        next: safeNext(query.next),
        expired: query.expired === '1',
        required: query.required === '1',
        signedOut: query['signed-out'] === '1',
      });
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/sign-in',
    permission: 'public',
    audit: 'auth.signed_in',
    // Counted by address alone: what the client sends (a cookie, a header) must not buy a new allowance.
    rateLimit: { max: limitPerMinute, timeWindow: '1 minute', keyGenerator: (request) => `sign-in:${request.ip}` },
    handler: async (request, reply) => {
      const body = formBody(request.body);
      const parsed = signInSchema.safeParse(body);
      const next = safeNext(body.next);
      const again = (problems: { field: string; message: string }[], status = 400) =>
        reply.code(status).page('signIn/views/signIn.njk', { pageTitle: 'Sign in', next, username: body.username, ...errorView(problems) });
      if (!parsed.success) return again(parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })));

      const result = await services.signIn.signIn(parsed.data.username, parsed.data.password, where(request));
      if (result.outcome === 'locked') {
        return again([{ field: 'username', message: `This account is locked after too many failed attempts. Try again after ${formatDateTime(result.until)}, or ask an administrator to unlock it.` }], 429);
      }
      if (result.outcome === 'invalid') {
        return again([{ field: 'username', message: 'The username or password is not right. Check them and try again.' }], 401);
      }
      await startSession(request, reply, result.actor, services.clock);
      return reply.redirect(next);
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/sign-out',
    permission: 'authenticated',
    audit: 'auth.signed_out',
    handler: async (request, reply) => {
      await services.signIn.signedOut(contextOf(request).actor, where(request));
      await endSession(request, reply);
      return reply.redirect('/sign-in?signed-out=1');
    },
  });
}
