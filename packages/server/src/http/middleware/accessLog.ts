import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Metrics } from '../../metrics.js';
import type { AppEnv } from '../env.js';

/**
 * One log line and one metric per request: method, path, status, duration. Never headers or
 * bodies, so no credential can reach the log through here. A route that has more to say about
 * its request (the booking it stored) puts it on the request's logger (`c.set('log', child)`),
 * and it is said on this line: one write per request, not two.
 *
 * @example app.use('*', accessLog({ metrics }));
 */
export function accessLog(options: { metrics: Metrics }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const status = c.res.status;
    const route = routePath(c) || 'unmatched';
    options.metrics.httpRequest(c.req.method, route, status, seconds);
    c.get('log').info(
      {
        method: c.req.method,
        path: c.req.path,
        route,
        status,
        durationMs: Math.round(seconds * 1000),
      },
      'request',
    );
  };
}
