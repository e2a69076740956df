/** `GET /v1/session` -> 200 who the request acts for (the dashboard asks on load). */
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses } from '../schemas.js';
import { SIGN_IN_PATH } from '../sessionCookie.js';
import { SessionSchema, sessionView } from '../sessionSchema.js';

const route = createRoute({
  method: 'get',
  path: SIGN_IN_PATH,
  summary: 'Who is signed in: the admin or a workspace, and until when',
  security: bearer,
  responses: {
    200: {
      description: 'The principal',
      content: { 'application/json': { schema: SessionSchema } },
    },
    ...errorResponses(401),
  },
});

export function registerGetSession(app: App, _deps: AppDeps): void {
  app.openapi(route, (c) => {
    const principal = c.get('principal');
    const expiresAt = c.get('session')?.expiresAt ?? null;
    if (principal.kind === 'admin') return c.json(sessionView(principal, expiresAt), 200);
    const workspace = c.get('workspace');
    return c.json(sessionView({ kind: 'workspace', workspace }, expiresAt), 200);
  });
}
