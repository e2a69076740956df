import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../logger.js';
import type { AppEnv } from '../env.js';

const ACCEPTED = /^[\w.:-]{1,128}$/;

/**
 * Gives every request an id: the caller's `X-Request-Id` when it is a sane one, else a new UUID.
 * The id is echoed in the response header and carried by every log line of the request.
 *
 * @example app.use('*', requestId({ logger }));
 */
export function requestId(options: { logger: Logger }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const id = given && ACCEPTED.test(given) ? given : randomUUID();
    c.set('requestId', id);
    c.set('log', options.logger.child({ requestId: id }));
    c.header('X-Request-Id', id);
    await next();
  };
}
