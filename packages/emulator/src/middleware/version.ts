import type { MiddlewareHandler } from 'hono';
import { versionHeaderMissing } from '../errors.js';
import type { AppEnv } from '../runtime.js';

/**
 * HighLevel's v2 versions. A live probe found services answering alike under each of them, so
 * any is accepted on any operation (docs/highlevel-behaviour.md#version-header).
 */
export const ACCEPTED_VERSIONS = new Set(['2021-07-28', '2021-04-15', '2023-02-21']);

/** 401 "version header was not found" when an operation that needs `Version` lacks it. */
export function versionHeader(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const op = c.get('match')?.op;
    if (op && op.version !== null) {
      const sent = c.req.header('version');
      if (!sent || !ACCEPTED_VERSIONS.has(sent.trim())) throw versionHeaderMissing();
    }
    await next();
  };
}
