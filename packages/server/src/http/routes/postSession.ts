/**
 * `POST /v1/session {token}` -> 200 who signed in, and an HttpOnly session cookie: the dashboard
 * signs in with the admin token or a workspace API key once, and never keeps either in page
 * script. Open to all (the token in the body is the credential).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { hashApiKey } from '../../crypto/apiKeys.js';
import { tokenOwner } from '../../sessions/tokenOwner.js';
import { createSession } from '../../sessions/sessionStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { HttpError } from '../httpError.js';
import { errorResponses } from '../schemas.js';
import { fromThisServer, setSessionCookie, SIGN_IN_PATH } from '../sessionCookie.js';
import { SessionSchema, sessionView } from '../sessionSchema.js';

const SignInBody = z
  .object({
    token: z.string().trim().min(1, 'Give the admin token or a workspace API key').max(500),
  })
  .strict()
  .openapi('SignIn');

const route = createRoute({
  method: 'post',
  path: SIGN_IN_PATH,
  summary: 'Sign in to the dashboard: a session cookie for the admin token or a workspace API key',
  request: { body: { required: true, content: { 'application/json': { schema: SignInBody } } } },
  responses: {
    200: {
      description: 'Signed in; the response sets the `ghl_bridge_session` cookie',
      content: { 'application/json': { schema: SessionSchema } },
    },
    ...errorResponses(400, 401, 403, 413, 415, 422),
  },
});

export function registerPostSession(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    // A page on another site must not sign this browser in to an account of its choosing.
    if (c.req.header('origin') !== undefined && !fromThisServer(c)) {
      throw new HttpError(403, 'cross_site_request', 'Sign in from the dashboard itself.');
    }
    const { token } = c.req.valid('json');
    const principal = await tokenOwner(deps.database.db, deps.adminToken, token);
    if (!principal) {
      throw new HttpError(
        401,
        'unauthorized',
        'This is neither the admin token nor a current workspace API key.',
      );
    }
    const now = new Date(deps.clock?.now() ?? Date.now());
    // The hash of the secret signed in with: the session ends when that secret changes.
    const session = await createSession(deps.database.db, principal, hashApiKey(token), now);
    setSessionCookie(c, session.token, session.expiresAt);
    c.get('log').info(
      principal.kind === 'admin' ? { principal: 'admin' } : { workspaceId: principal.workspace.id },
      'dashboard sign-in',
    );
    return c.json(sessionView(principal, session.expiresAt), 200);
  });
}
