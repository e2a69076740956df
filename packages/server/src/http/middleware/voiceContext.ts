/**
 * The voice context of a REST voice route (availability, appointments): the workspace's voice
 * settings, its GoHighLevel connection and a HighLevel client, opened once per request.
 */
import type { MiddlewareHandler } from 'hono';
import { openVoiceContext, type VoiceContext } from '../../voice/context.js';
import { loadVoiceSetup } from '../../voice/settingsStore.js';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { HttpError } from '../httpError.js';

/** The variables `voiceContext` adds to a route's context. */
export interface VoiceEnv extends AppEnv {
  Variables: AppEnv['Variables'] & {
    /** Opens the workspace's voice context; 404 `voice_not_configured`, 409 `not_connected`. */
    openVoiceContext: () => Promise<VoiceContext>;
  };
}

/**
 * The 404 for a workspace without voice settings.
 *
 * @example throw notConfigured('ws_1');
 */
export function notConfigured(ws: string): HttpError {
  return new HttpError(
    404,
    'voice_not_configured',
    `No voice settings for workspace ${ws}; set them with PUT /v1/workspaces/${ws}/voice.`,
  );
}

/**
 * The 409 for a workspace without a usable GoHighLevel connection.
 *
 * @example throw notConnected('ws_1');
 */
export function notConnected(ws: string): HttpError {
  return new HttpError(
    409,
    'not_connected',
    `Workspace ${ws} is not connected to GoHighLevel; connect it with PUT /v1/workspaces/${ws}/integrations/gohighlevel.`,
  );
}

/**
 * For a route of `/v1/workspaces/:ws/…` (after `workspaceAccess`): `c.var.openVoiceContext()`
 * reads the workspace's voice setup (one query) and opens its context. The handler calls it after
 * the route has validated the request, so a malformed request is refused (400, 422) before the
 * workspace's voice settings or connection are looked at, whatever they are.
 *
 * @example app.openapi({ ...route, middleware: voiceContext(deps) }, async (c) => { const ctx = await c.var.openVoiceContext(); … });
 */
export function voiceContext(deps: AppDeps): MiddlewareHandler<VoiceEnv> {
  return async (c, next) => {
    c.set('openVoiceContext', async () => {
      const ws = c.get('workspace').id;
      const setup = await loadVoiceSetup(deps.database.db, deps.keyring, ws);
      if (!setup) throw notConfigured(ws);
      const ctx = openVoiceContext(deps, c.get('log'), ws, setup);
      if (!ctx) throw notConnected(ws);
      return ctx;
    });
    await next();
  };
}
