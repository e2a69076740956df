import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { hashApiKey, looksLikeWorkspaceKey, sameSecret } from '../../crypto/apiKeys.js';
import type { DB } from '../../db/schema.js';
import { findWorkspaceByKeyHash } from '../../workspaces/workspaceStore.js';
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
      const workspace = await findWorkspaceByKeyHash(options.db, hashApiKey(token));
      if (workspace) {
        c.set('principal', { kind: 'workspace', workspaceId: workspace.id });
        // The key's own workspace, from the same query: `workspaceAccess` does not read it again.
        c.set('workspace', workspace);
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
