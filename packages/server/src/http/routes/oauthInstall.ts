/**
 * `GET /v1/oauth/install[?workspace=ws_1][&returnTo=/]`: sends the browser to HighLevel's location
 * chooser for the marketplace app, with a signed `state` that expires in 30 minutes. After the
 * user approves, HighLevel redirects to `/v1/oauth/callback`, which stores the install and, for a
 * Location install started with `workspace`, connects that workspace to it.
 * https://marketplace.gohighlevel.com/docs/Authorization/OAuth2.0
 */
import { createRoute, z } from '@hono/zod-openapi';
import { INSTALL_STATE_TTL_MS, signInstallState } from '../../oauth/core/installState.js';
import { installStateKeys } from '../../oauth/stateKeys.js';
import { findWorkspace } from '../../workspaces/workspaceStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { HttpError } from '../httpError.js';
import { redirectUri } from '../oauthRedirect.js';
import { bearer, errorResponses } from '../schemas.js';

const InstallQuery = z.object({
  workspace: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a workspace id such as ws_q4ymc7w2rj5x2rb3aa5t')
    .optional()
    .openapi({
      description:
        'Connect this workspace to the Location installed on (a sub-account install). A workspace API key may only name its own workspace, which is the default for it.',
    }),
  returnTo: z
    .string()
    // A path of this server only: never another site (no `//host`, no scheme).
    .regex(
      /^\/([\x21-\x2e\x30-\x5b\x5d-\x7e][\x21-\x7e]*)?$/,
      'expected a path of this server, such as /',
    )
    .max(512)
    .optional()
    .openapi({ description: 'Where to send the browser after the install, e.g. `/`' }),
});

const route = createRoute({
  method: 'get',
  path: '/v1/oauth/install',
  summary: "Install the HighLevel marketplace app: redirects to HighLevel's location chooser",
  security: bearer,
  request: { query: InstallQuery },
  responses: {
    302: {
      description:
        "To HighLevel's location chooser (GHL_OAUTH_AUTHORIZE_URL) with the app's client id, scopes (GHL_OAUTH_SCOPES), redirect URI and a signed state",
      headers: z.object({ location: z.string().openapi({ format: 'uri' }) }),
    },
    ...errorResponses(401, 403, 404, 409, 422),
  },
});

/** @example registerOAuthInstall(app, deps); */
export function registerOAuthInstall(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const oauthApp = deps.oauthApp;
    if (!oauthApp) {
      throw new HttpError(
        409,
        'oauth_not_configured',
        "This server has no HighLevel marketplace app: set GHL_OAUTH_CLIENT_ID and GHL_OAUTH_CLIENT_SECRET (the app's credentials from the marketplace's developer portal), or connect workspaces with an API key.",
      );
    }
    const { workspace, returnTo } = c.req.valid('query');
    const principal = c.get('principal');
    const workspaceId = principal.kind === 'workspace' ? principal.workspaceId : workspace;
    if (principal.kind === 'workspace' && workspace && workspace !== principal.workspaceId) {
      throw new HttpError(
        403,
        'forbidden',
        'A workspace API key only installs for its own workspace.',
      );
    }
    if (
      workspaceId &&
      principal.kind === 'admin' &&
      !(await findWorkspace(deps.database.db, workspaceId))
    ) {
      throw new HttpError(404, 'workspace_not_found', `There is no workspace ${workspaceId}.`);
    }
    const state = signInstallState(
      {
        expiresAt: Date.now() + INSTALL_STATE_TTL_MS,
        ...(workspaceId ? { workspaceId } : {}),
        ...(returnTo ? { returnTo } : {}),
      },
      installStateKeys(deps.keyring).sign,
    );
    const url = new URL(oauthApp.authorizeUrl);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('redirect_uri', redirectUri(deps.publicUrl, c.req.url));
    url.searchParams.set('client_id', oauthApp.clientId);
    url.searchParams.set('scope', oauthApp.scopes.join(' '));
    url.searchParams.set('state', state);
    c.get('log').info({ workspaceId }, 'oauth install started');
    return c.redirect(url.toString(), 302);
  });
}
