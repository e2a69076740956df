/** `DELETE /v1/session` -> 204: signs out; the session ends on the server, the cookie is cleared. */
import { createRoute } from '@hono/zod-openapi';
import { deleteSession } from '../../sessions/sessionStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses } from '../schemas.js';
import { clearSessionCookie, SIGN_IN_PATH } from '../sessionCookie.js';

const route = createRoute({
  method: 'delete',
  path: SIGN_IN_PATH,
  summary: 'Sign out of the dashboard (a bearer token is not affected)',
  security: bearer,
  responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 403) },
});

export function registerDeleteSession(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const session = c.get('session');
    if (session) await deleteSession(deps.database.db, session.token);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
}
