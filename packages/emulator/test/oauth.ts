/**
 * OAuth helpers for tests: register an app, install it, and trade the code for tokens through
 * `POST /oauth/token`, as an app's install callback would.
 */
import type { Emulator, InstallAppInput, RegisterAppInput } from '../src/index.js';
import { call, type CallResult } from './harness.js';

export interface AppCredentials {
  appId: string;
  clientId: string;
  clientSecret: string;
}

/** `POST /oauth/token` with a form body (or JSON with `json: true`). */
export function tokenRequest(
  emulator: Emulator,
  app: AppCredentials,
  fields: Record<string, string>,
  { json = false }: { json?: boolean } = {},
): Promise<CallResult> {
  const form = { client_id: app.clientId, client_secret: app.clientSecret, ...fields };
  return call(emulator, 'POST', '/oauth/token', json ? { body: form } : { form });
}

/** Registers an app, installs it on `target` and returns its credentials with the tokens. */
export async function installedApp(
  emulator: Emulator,
  target: InstallAppInput,
  appInput: RegisterAppInput = {},
) {
  const app = emulator.control.registerApp(appInput);
  const { code } = emulator.control.installApp(app.appId, target);
  const res = await tokenRequest(emulator, app, { grant_type: 'authorization_code', code });
  const tokens = res.body as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(tokens)}`);
  return {
    ...app,
    accessToken: tokens.access_token as string,
    refreshToken: tokens.refresh_token as string,
    tokens,
  };
}
