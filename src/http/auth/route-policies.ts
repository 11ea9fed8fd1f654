/**
 * Every API route names its policy: `config: { action: 'users.create' }` (checked by the service
 * against the resource's organisation, and first against "anywhere" before the body is read) or
 * `config: { public: true }` (sign-in and setup, which no policy row covers). The server keeps a
 * registry of the routes under /api/v1 with their policy; test/access-matrix.test.ts walks it,
 * every endpoint × every role. A route without a policy is refused at run time (fail closed) and
 * fails that test.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { TAction } from '../../contracts/access.js';
import { describeAction } from '../../services/access/describe-action.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the policy action the route serves */
    action?: TAction;
    /** a route open to everyone that no policy row covers (sign-in, first-run setup) */
    public?: boolean;
  }
  interface FastifyInstance {
    /** the API routes with their policies, in registration order */
    routePolicies: RoutePolicy[];
  }
}

/** One API route and the policy it declares. */
export interface RoutePolicy {
  method: string;
  url: string;
  /** null when the route declares no action */
  action: TAction | null;
  public: boolean;
}

/** The prefix of the routes that must declare a policy. */
export const API_PREFIX = '/api/v1/';

/** Starts collecting the policy of every route registered from now on. */
export function collectRoutePolicies(app: FastifyInstance): void {
  app.decorate('routePolicies', [] as RoutePolicy[]);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith(API_PREFIX)) return;
    const config = (route.config ?? {}) as { action?: TAction; public?: boolean };
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    for (const method of methods) {
      app.routePolicies.push({ method, url: route.url, action: config.action ?? null, public: config.public === true });
    }
    // The OpenAPI document says who may call each route.
    if (route.schema && config.action) {
      const who = `权限：${config.action} — ${describeAction(config.action)}`;
      const schema = route.schema as { description?: string };
      // The same schema object comes by once per method variant (GET, HEAD, with and without a trailing slash).
      if (!schema.description?.includes(who)) schema.description = schema.description ? `${schema.description}\n\n${who}` : who;
    }
  });
}
