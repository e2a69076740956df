/**
 * `GET /v1/oauth/callback?code=…&state=…`: where HighLevel sends the browser back after an
 * install (the app's redirect URL). Trades the code for tokens and stores them encrypted; an
 * agency install lists the Locations it covers. A `state` from `GET /v1/oauth/install` must be
 * ours and fresh; one naming a workspace connects it when the install is one Location. An install
 * started from HighLevel's marketplace comes without `state`: it is stored, and a workspace
 * connects by choosing the Location. Answers a browser (`Accept: text/html`) with a page, or a
 * redirect to the install's `returnTo`; anything else with JSON.
 *
 * Registered before the authentication layer: HighLevel's redirect carries no bridge credentials.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { HighLevelError } from '@ghl-bridge/client';
import type { Context } from 'hono';
import { connectionView } from '../../highlevel/connectionStore.js';
import { completeInstall, type CompletedInstall } from '../../oauth/completeInstall.js';
import { readInstallState, type InstallState } from '../../oauth/core/installState.js';
import { installStateKeys } from '../../oauth/stateKeys.js';
import { findWorkspace } from '../../workspaces/workspaceStore.js';
import { connectWorkspace } from '../connectWorkspace.js';
import type { AppDeps } from '../deps.js';
import type { App, AppEnv } from '../env.js';
import { HttpError } from '../httpError.js';
import { OAUTH_CALLBACK_PATH, redirectUri } from '../oauthRedirect.js';
import { ErrorSchema } from '../schemas.js';

const CallbackQuery = z.object({
  code: z.string().max(2048).optional().openapi({ description: "HighLevel's authorization code" }),
  state: z.string().max(4096).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(1024).optional(),
});

const Result = z
  .object({
    userType: z.enum(['Location', 'Company']),
    companyId: z.string().nullable(),
    locations: z.array(z.object({ locationId: z.string(), name: z.string().nullable() })),
    resumedWorkspaceIds: z.array(z.string()),
    connected: z
      .object({ workspaceId: z.string(), locationId: z.string(), status: z.string() })
      .nullable(),
    connectError: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .openapi('OAuthInstallResult');

const refusal = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema }, 'text/html': { schema: z.string() } },
});

const route = createRoute({
  method: 'get',
  path: OAUTH_CALLBACK_PATH,
  summary: "The marketplace app's redirect URL: stores an install",
  description:
    "HighLevel redirects here with `code` after the app is installed; set it as the app's redirect URL (GHL_BRIDGE_PUBLIC_URL + /v1/oauth/callback). No bridge credentials: the code is checked by HighLevel, the state by its signature.",
  request: { query: CallbackQuery },
  responses: {
    200: {
      description:
        'Installed: the Locations it covers, and the workspace connected if the link named one',
      content: { 'application/json': { schema: Result }, 'text/html': { schema: z.string() } },
    },
    303: {
      description: "A browser, to the install link's returnTo",
      headers: z.object({ location: z.string() }),
    },
    400: refusal(
      '`install_refused` (HighLevel sent an error), `missing_code`, `invalid_state`, `expired_state`, `install_code_refused` (used already or expired)',
    ),
    409: refusal('`oauth_not_configured`'),
    502: refusal('`highlevel_unavailable`: the code could not be traded; try the install again'),
  },
});

type Connected = { workspaceId: string; locationId: string; status: string } | null;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(title: string, paragraphs: string[], list: string[] = []): string {
  const items = list.length ? `<ul>${list.map((i) => `<li>${i}</li>`).join('')}</ul>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}${items}<p><a href="/">Open the dashboard</a></p></main></body></html>`;
}

/** A browser asks for HTML; anything else (a script, a test) gets JSON. */
const wantsJson = (c: Context<AppEnv>) => !(c.req.header('accept') ?? '').includes('text/html');

function fail(c: Context<AppEnv>, error: HttpError): Response {
  if (wantsJson(c)) throw error;
  return c.html(
    page('The HighLevel app was not installed', [escapeHtml(error.message)]),
    error.status as 400,
  );
}

function readState(deps: AppDeps, token: string | undefined): InstallState | HttpError | undefined {
  if (token === undefined || token === '') return undefined;
  const read = readInstallState(token, installStateKeys(deps.keyring).verify, Date.now());
  if (read.ok) return read.state;
  return read.problem === 'expired'
    ? new HttpError(
        400,
        'expired_state',
        'This install link has expired (links work for 30 minutes): start the install again.',
      )
    : new HttpError(
        400,
        'invalid_state',
        'This install did not start from this server (its state is not signed by it): start the install again from the dashboard or GET /v1/oauth/install.',
      );
}

/** Connects the workspace the link named, when the install is one Location; never fails the install. */
async function connectNamed(
  deps: AppDeps,
  c: Context<AppEnv>,
  state: InstallState | undefined,
  done: CompletedInstall,
): Promise<{ connected: Connected; connectError: { code: string; message: string } | null }> {
  const none = { connected: null, connectError: null };
  if (!state?.workspaceId) return none;
  const [only, ...more] = done.locations;
  if (!only || more.length > 0) {
    return {
      connected: null,
      connectError: {
        code: 'choose_location',
        message: `The install covers ${done.locations.length} Locations: choose one for workspace ${state.workspaceId} (PUT /v1/workspaces/${state.workspaceId}/integrations/gohighlevel with its locationId).`,
      },
    };
  }
  const workspace = await findWorkspace(deps.database.db, state.workspaceId);
  if (!workspace) {
    return {
      connected: null,
      connectError: {
        code: 'workspace_not_found',
        message: `Workspace ${state.workspaceId} no longer exists.`,
      },
    };
  }
  try {
    const row = await connectWorkspace(deps, c.get('log'), {
      workspace,
      locationId: only.locationId,
      apiKey: undefined,
    });
    const view = connectionView(row, deps.keyring);
    return {
      connected: { workspaceId: workspace.id, locationId: only.locationId, status: view.status },
      connectError: null,
    };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { connected: null, connectError: { code: error.code, message: error.message } };
  }
}

/** @example registerOAuthCallback(app, deps); // before the authentication layer */
export function registerOAuthCallback(app: App, deps: AppDeps): void {
  app.openAPIRegistry.registerPath(route);
  app.get(OAUTH_CALLBACK_PATH, async (c) => {
    const oauthApp = deps.oauthApp;
    if (!oauthApp) {
      return fail(
        c,
        new HttpError(
          409,
          'oauth_not_configured',
          'This server has no HighLevel marketplace app configured (GHL_OAUTH_CLIENT_ID, GHL_OAUTH_CLIENT_SECRET), so it cannot take installs.',
        ),
      );
    }
    const parsed = CallbackQuery.safeParse(c.req.query());
    const query = parsed.success ? parsed.data : {};
    if (query.error) {
      return fail(
        c,
        new HttpError(
          400,
          'install_refused',
          `HighLevel did not install the app: ${query.error_description ?? query.error}.`,
        ),
      );
    }
    const state = readState(deps, query.state);
    if (state instanceof HttpError) return fail(c, state);
    if (!query.code) {
      return fail(
        c,
        new HttpError(
          400,
          'missing_code',
          "HighLevel's redirect carried no code: start the install again from HighLevel's marketplace or GET /v1/oauth/install.",
        ),
      );
    }
    let done: CompletedInstall;
    try {
      done = await completeInstall(
        {
          db: deps.database.db,
          keyring: deps.keyring,
          highLevel: deps.highLevel,
          queue: deps.queue,
          app: oauthApp,
        },
        query.code,
        redirectUri(deps.publicUrl, c.req.url),
      );
    } catch (error) {
      if (!(error instanceof HighLevelError)) throw error;
      c.get('log').warn({ err: error }, 'oauth install failed');
      const answered = error.status !== undefined && error.status < 500 && error.status !== 429;
      return fail(
        c,
        answered
          ? new HttpError(
              400,
              'install_code_refused',
              `HighLevel refused the install's code (${error.message}): it was used already or has expired. Start the install again.`,
            )
          : new HttpError(
              502,
              'highlevel_unavailable',
              `HighLevel could not be reached to finish the install (${error.message}); nothing was stored. Start the install again in a minute.`,
            ),
      );
    }
    const { connected, connectError } = await connectNamed(deps, c, state, done);
    c.get('log').info(
      {
        userType: done.userType,
        companyId: done.companyId,
        locations: done.locations.length,
        connectedWorkspaceId: connected?.workspaceId,
        resumedWorkspaceIds: done.resumedWorkspaceIds,
      },
      'oauth install stored',
    );
    const result = { ...done, connected, connectError };
    if (wantsJson(c)) return c.json(result, 200);
    if (state?.returnTo) return c.redirect(state.returnTo, 303);
    const names = done.locations.map(
      (l) => `${escapeHtml(l.name ?? l.locationId)} <code>${escapeHtml(l.locationId)}</code>`,
    );
    return c.html(
      page(
        'The HighLevel app is installed',
        [
          done.userType === 'Company'
            ? `Installed on agency <code>${escapeHtml(done.companyId ?? '')}</code> for ${done.locations.length} Location(s):`
            : 'Installed on this Location:',
          ...(connected
            ? [`Workspace <code>${escapeHtml(connected.workspaceId)}</code> is connected to it.`]
            : []),
          ...(connectError ? [escapeHtml(connectError.message)] : []),
          ...(connected
            ? []
            : ['Connect a workspace by choosing one of these Locations on its Integrations page.']),
        ],
        names,
      ),
      200,
    );
  });
}
