import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { HttpError } from '../httpError.js';

/**
 * Routes over all workspaces (create, list) are the operator's: a workspace key gets a 403.
 *
 * @example app.use('/v1/workspaces', requireAdmin());
 */
export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('principal').kind !== 'admin') {
      throw new HttpError(
        403,
        'forbidden',
        'A workspace API key only opens its own workspace; this route needs the admin token.',
      );
    }
    await next();
  };
}
