import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rolesAllow, type Actor } from '../../domain/access/can';
import { audit } from '../audit/auditLog';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { isApiRequest, problemResponse } from './problems';
import { signedInMarkerCookie } from './setUpSession';

export interface Authenticator {
  actorForUser(userId: string): Promise<Actor | null>;
  actorForToken(token: string): Promise<Actor | null>;
}

/** How often a busy session's "last seen" is written: the idle timeout is accurate to this. */
const touchEveryMs = 30_000;

/** Starts a signed-in session: a new session id (no fixation), and the time it was last used. */
export async function startSession(request: FastifyRequest, reply: FastifyReply, actor: Actor, clock: Clock) {
  await request.session.regenerate();
  request.session.set('userId', actor.userId);
  request.session.set('lastSeenAt', clock.now().getTime());
  reply.setCookie(signedInMarkerCookie, '1', { path: '/', httpOnly: true, sameSite: 'lax' });
}

export async function endSession(request: FastifyRequest, reply: FastifyReply) {
  await request.session.destroy();
  reply.clearCookie(signedInMarkerCookie, { path: '/' });
}

async function identify(request: FastifyRequest, authenticator: Authenticator, clock: Clock, idleMs: number) {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    request.actor = await authenticator.actorForToken(header.slice('Bearer '.length).trim());
    return;
  }
  const userId = request.session.get('userId') as string | undefined;
  if (!userId) {
    request.sessionExpired = Boolean(request.cookies[signedInMarkerCookie]);
    return;
  }
  const now = clock.now().getTime();
  const lastSeenAt = Number(request.session.get('lastSeenAt') ?? 0);
  if (now - lastSeenAt > idleMs) {
    await request.session.destroy();
    request.sessionExpired = true;
    return;
  }
  const actor = await authenticator.actorForUser(userId);
  if (!actor) {
    await request.session.destroy(); // the account was disabled while signed in
    return;
  }
  request.actor = actor;
  if (now - lastSeenAt > touchEveryMs) request.session.set('lastSeenAt', now);
}

/**
 * The guard in front of every route: who is asking, and may they? Deny by default: a route
 * without a permission never reaches its handler (and cannot be registered, see routes.ts).
 */
export function setUpAuthentication(
  app: FastifyInstance,
  deps: { authenticator: Authenticator; clock: Clock; db: Db; idleMinutes: number },
) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (request, reply) => {
    const permission = request.routeOptions.config?.permission;
    if (permission === 'public') return;
    await identify(request, deps.authenticator, deps.clock, deps.idleMinutes * 60_000);
    if (!permission) return; // no such route: the not-found handler answers

    if (!request.actor) {
      if (isApiRequest(request)) {
        const message = request.headers.authorization
          ? 'The API token is not valid, or has been revoked: ask an administrator for a new one'
          : request.sessionExpired
            ? 'Your session has expired: sign in again'
            : 'Sign in, or send an API token as "Authorization: Bearer <token>"';
        return problemResponse(reply, 401, [{ field: 'authorization', message }]);
      }
      const next = request.method === 'GET' ? `&next=${encodeURIComponent(request.url)}` : '';
      return reply.redirect(`/sign-in?${request.sessionExpired ? 'expired=1' : 'required=1'}${next}`);
    }

    if (permission !== 'authenticated' && !rolesAllow(request.actor, permission)) {
      await audit.record(
        deps.db,
        { actor: request.actor, ipAddress: request.ip, method: request.method, path: request.url.split('?')[0] ?? null },
        { action: request.routeOptions.config.audit ?? 'route', outcome: 'denied', details: { permission } },
      );
      const message = 'You do not have permission to do this. If you need to, ask your manager or an administrator.';
      if (isApiRequest(request)) return problemResponse(reply, 403, [{ field: 'authorization', message }]);
      return reply.code(403).page('errors/forbidden.njk', { pageTitle: 'You do not have permission', message });
    }
  });

  // CSRF: every form that changes something carries the session's token. API calls made with a
  // token are not open to cross-site forgery (no cookie is involved) and need none.
  app.addHook('preValidation', (request, reply, done) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method) || request.actor?.via === 'token') return done();
    app.csrfProtection(request, reply, done);
  });
}
