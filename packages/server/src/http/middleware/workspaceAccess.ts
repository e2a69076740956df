import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { findWorkspace } from '../../workspaces/workspaceStore.js';
import type { AppEnv } from '../env.js';
import { HttpError } from '../httpError.js';

/**
 * For `/v1/workspaces/:ws…`: a workspace key opens only its own workspace (403 otherwise, whether
 * or not the other one exists); an unknown workspace is a 404. Sets `workspace`.
 *
 * @example app.use('/v1/workspaces/:ws/*', workspaceAccess({ db }));
 */
export function workspaceAccess(options: { db: Kysely<DB> }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = c.req.param('ws');
    if (!id) return next();
    const principal = c.get('principal');
    if (principal.kind === 'workspace' && principal.workspaceId !== id) {
      throw new HttpError(
        403,
        'forbidden',
        'This API key belongs to another workspace; use that workspace’s key or the admin token.',
      );
    }
    // A workspace key's own workspace was read with the key (authenticate.ts).
    const withKey = principal.kind === 'workspace' ? c.get('workspace') : undefined;
    const workspace = withKey ?? (await findWorkspace(options.db, id));
    if (!workspace) {
      throw new HttpError(404, 'workspace_not_found', `There is no workspace ${id}.`);
    }
    c.set('workspace', workspace);
    await next();
  };
}
