import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Actor } from '../../domain/access/can';
import type { RouteAccess } from '../../domain/access/permissions';
import type { RequestContext } from '../audit/auditLog';

/**
 * Every route states, next to its path, the permission it needs and the audit action it writes
 * (DESIGN.md). `audit: 'none'` says, explicitly, that the route reads and changes no one's
 * record (a sign-in page, an asset). A route without both is refused when it is registered.
 */
export interface RouteDeclaration {
  permission: RouteAccess;
  audit: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RouteAccess;
    audit?: string;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** True when a session cookie came in but its session had expired or ended. */
    sessionExpired: boolean;
  }
  interface FastifyInstance {
    /** Every route registered, with its declaration: read by the test that no route is undeclared. */
    routeTable: { method: string; url: string; permission: RouteAccess | undefined; audit: string | undefined }[];
  }
}

export class UndeclaredRouteError extends Error {}

/** Installs the check that refuses an undeclared route, and records every route for the tests. */
export function setUpRouteDeclarations(app: FastifyInstance): void {
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const permission = route.config?.permission;
    const audit = route.config?.audit;
    for (const method of methods) app.routeTable.push({ method, url: route.url, permission, audit });
    if (!permission || !audit) {
      throw new UndeclaredRouteError(
        `Route ${methods.join(',')} ${route.url} must declare its permission and audit action: ` +
          `config: { permission: 'child:read', audit: 'child.viewed' } (or 'public' / 'none')`,
      );
    }
  });
}

/** The acting user of a request that passed the guard: routes that are not public always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error(`No signed-in user on ${request.method} ${request.url}: is the route public by mistake?`);
  return request.actor;
}

export function contextOf(request: FastifyRequest): RequestContext {
  return {
    actor: actorOf(request),
    ipAddress: request.ip ?? null,
    method: request.method,
    path: request.url.split('?')[0] ?? request.url,
  };
}

type Handler = (request: FastifyRequest, reply: FastifyReply) => unknown;

export interface PageRoute extends RouteDeclaration {
  method: 'GET' | 'POST';
  url: string;
  handler: Handler;
  /** A tighter ceiling than the global one (signing in), counted per `keyGenerator`. */
  rateLimit?: { max: number; timeWindow: string; keyGenerator?: (request: FastifyRequest) => string };
}

/** Registers a route with its declaration. The shape keeps the permission beside the path. */
export function addRoute(app: FastifyInstance, route: PageRoute & Partial<Pick<RouteOptions, 'schema'>>): void {
  app.route({
    method: route.method,
    url: route.url,
    ...(route.schema ? { schema: route.schema } : {}),
    config: { permission: route.permission, audit: route.audit, ...(route.rateLimit ? { rateLimit: route.rateLimit } : {}) },
    handler: route.handler,
  });
}
