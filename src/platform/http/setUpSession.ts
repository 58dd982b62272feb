import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySession from '@fastify/session';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { DatabaseSessionStore } from '../auth/sessionStore';
import { storedSessionSecret } from '../auth/sessionSecret';

declare module 'fastify' {
  interface Session {
    userId?: string;
    /** Milliseconds since the epoch of the last request that used the session (idle timeout). */
    lastSeenAt?: number;
  }
}

export const sessionCookieName = 'hearth_session';
/** Set at sign-in and cleared at sign-out: with it and no session, the session timed out. */
export const signedInMarkerCookie = 'hearth_signed_in';

/** Server-side sessions in the database, signed cookies, and CSRF tokens bound to the session. */
export async function setUpSession(app: FastifyInstance, deps: { db: Db; clock: Clock; config: Config }) {
  const secret = deps.config.session.secret ?? (await storedSessionSecret(deps.db));
  const store = new DatabaseSessionStore(deps.db, deps.clock, deps.config.session.idleMinutes * 60_000);
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret,
    store,
    cookieName: sessionCookieName,
    saveUninitialized: false,
    rolling: false,
    cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.session.cookieSecure },
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });

  // Ended sessions are removed hourly; they are working data, not records.
  const sweep = setInterval(() => void store.removeExpired().catch((error) => app.log.warn({ error }, 'session sweep failed')), 3_600_000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));
}
