/**
 * `DELETE /v1/sessions` -> 200 `{ended}`: signs out everywhere. The admin ends every dashboard
 * session (its own and every workspace's), a workspace every session of that workspace; the
 * caller's own cookie is cleared too. For a leaked cookie or a lost laptop: bearer tokens are
 * not affected (rotate the key or the admin token for those).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { deleteSessionsOf } from '../../sessions/sessionStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses } from '../schemas.js';
import { clearSessionCookie } from '../sessionCookie.js';

const Ended = z
  .object({ ended: z.number().int().openapi({ description: 'How many sessions ended' }) })
  .openapi('SessionsEnded');

const route = createRoute({
  method: 'delete',
  path: '/v1/sessions',
  summary: 'Sign out everywhere: end every dashboard session of the admin or of this workspace',
  security: bearer,
  responses: {
    200: { description: 'Sessions ended', content: { 'application/json': { schema: Ended } } },
    ...errorResponses(401, 403),
  },
});

export function registerDeleteSessions(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const owner =
      principal.kind === 'admin'
        ? ({ kind: 'admin' } as const)
        : ({ kind: 'workspace', workspace: c.get('workspace') } as const);
    const ended = await deleteSessionsOf(deps.database.db, owner);
    clearSessionCookie(c);
    return c.json({ ended }, 200);
  });
}
