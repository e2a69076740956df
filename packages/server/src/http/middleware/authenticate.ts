import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { hashApiKey, looksLikeWorkspaceKey, sameSecret } from '../../crypto/apiKeys.js';
import type { DB } from '../../db/schema.js';
import { findWorkspaceIdByKeyHash } from '../../workspaces/workspaceStore.js';
import type { AppEnv } from '../env.js';
import { HttpError } from '../httpError.js';

/**
 * Who is calling: `Authorization: Bearer <admin token>` is the operator; a workspace API key is
 * that workspace. Anything else is a 401 that says what to send.
 *
 * @example app.use('/v1/*', authenticate({ adminToken, db }));
 */
export function authenticate(options: {
  adminToken: string | undefined;
  db: Kysely<DB>;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      throw new HttpError(
        401,
        'unauthorized',
        'Send Authorization: Bearer <admin token or workspace API key>.',
      );
    }
    const token = match[1]!;
    if (options.adminToken && sameSecret(token, options.adminToken)) {
      c.set('principal', { kind: 'admin' });
      return next();
    }
    if (looksLikeWorkspaceKey(token)) {
      const workspaceId = await findWorkspaceIdByKeyHash(options.db, hashApiKey(token));
      if (workspaceId) {
        c.set('principal', { kind: 'workspace', workspaceId });
        return next();
      }
    }
    throw new HttpError(
      401,
      'unauthorized',
      'The bearer token is neither the admin token nor a current workspace API key.',
    );
  };
}
