import type { MiddlewareHandler } from 'hono';
import type { OperationTable } from '../operations.js';
import type { AppEnv, RouteDef, Runtime } from '../runtime.js';

/** Longest request log kept; older entries are dropped first. */
const MAX_ENTRIES = 10_000;

/** The bearer token of a request, if it sent one. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

/**
 * First in the chain: finds the spec operation the request calls and records method, path,
 * status, time and Location of every HighLevel request once it has been answered.
 */
export function requestLog(
  rt: Runtime,
  table: OperationTable<RouteDef>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = rt.clock.now();
    const match = table.match(c.req.method, c.req.path);
    c.set('match', match);
    await next();
    const token = bearerToken(c.req.header('authorization'));
    const locationId =
      (token ? rt.state.tokens[token]?.locationId : undefined) ??
      match?.params.locationId ??
      c.req.query('locationId') ??
      null;
    const log = rt.state.requests;
    log.push({
      method: c.req.method,
      path: c.req.path,
      operation: match?.op.path ?? null,
      status: c.res.status,
      time: new Date(started).toISOString(),
      durationMs: rt.clock.now() - started,
      locationId,
    });
    if (log.length > MAX_ENTRIES) log.splice(0, log.length - MAX_ENTRIES);
  };
}
