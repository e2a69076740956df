/**
 * Vapi's credential on the workspace's server URL (docs/vapi.md#authentication): the voice
 * settings' `auth` (bearer, X-Vapi-Secret or an HMAC signature of the raw body), not a bridge
 * API key. Runs before the API's JSON and authentication layers, since a signature covers the
 * body's bytes as received.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { VoiceAuth } from '../../voice/core/settings.js';
import { loadVoiceSetup, type VoiceSetup } from '../../voice/settingsStore.js';
import { verifyVapiRequest } from '../../voice/vapi/vapiAuth.js';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { HttpError } from '../httpError.js';

/** The variables `vapiAuthentication` adds to the route's context. */
export interface VapiEnv extends AppEnv {
  Variables: AppEnv['Variables'] & {
    /** The authenticated request: the workspace's voice setup and the body as received. */
    vapi: { setup: VoiceSetup; rawBody: string };
  };
}

/**
 * Checked when the workspace has no voice settings, so that answer takes as long as a wrong
 * credential; it matches nothing (a fresh random secret no request can know).
 */
const NO_SETTINGS: VoiceAuth = { type: 'bearer', secret: randomUUID() };

const unauthorized = () =>
  new HttpError(
    401,
    'bad_credential',
    "The Vapi credential is missing or does not match this workspace's voice secret. Set the secret of PUT /v1/workspaces/:ws/voice on the assistant's server URL, sent as that settings' auth.type says (Authorization: Bearer, X-Vapi-Secret or x-vapi-signature).",
  );

/**
 * 401 `bad_credential` unless the request carries the workspace's voice credential. A workspace
 * that does not exist or has no voice settings has no secret a request could match, so it gets
 * the same 401: the answer never tells whether a workspace id exists or which credential type it
 * expects (the log says which it was, for whoever sets up the assistant).
 *
 * @example app.openapi({ ...route, middleware: vapiAuthentication(deps) }, (c) => { const { setup, rawBody } = c.var.vapi; … });
 */
export function vapiAuthentication(deps: AppDeps): MiddlewareHandler<VapiEnv> {
  return async (c, next) => {
    const ws = c.req.param('ws') ?? '';
    const setup = await loadVoiceSetup(deps.database.db, deps.keyring, ws);
    const rawBody = await c.req.text();
    const now = new Date(deps.clock?.now() ?? Date.now());
    const check = verifyVapiRequest(
      setup?.settings.auth ?? NO_SETTINGS,
      { headers: c.req.raw.headers, rawBody },
      now,
    );
    if (!setup) {
      c.get('log').info({ workspaceId: ws }, 'Vapi request for a workspace without voice settings');
      throw unauthorized();
    }
    if (!check.ok) {
      c.get('log').info({ workspaceId: ws, reason: check.reason }, check.message);
      throw unauthorized();
    }
    c.set('vapi', { setup, rawBody });
    await next();
  };
}
