/**
 * What the Vapi route and the plain REST voice routes share: the workspace's voice settings and
 * the answer when there is no connection (the context itself: voiceBooking/context.ts).
 */
import { loadVoiceSetup, type VoiceSetup } from '../voiceBooking/settingsStore.js';
import type { AppDeps } from './deps.js';
import { HttpError } from './httpError.js';

/**
 * The workspace's voice settings and connection; 404 `voice_not_configured` when there are no
 * settings.
 *
 * @example const setup = await requireVoiceSetup(deps, ws);
 */
export async function requireVoiceSetup(deps: AppDeps, ws: string): Promise<VoiceSetup> {
  const setup = await loadVoiceSetup(deps.database.db, deps.keyring, ws);
  if (!setup) {
    throw new HttpError(
      404,
      'voice_not_configured',
      `No voice settings for workspace ${ws}; set them with PUT /v1/workspaces/${ws}/voice.`,
    );
  }
  return setup;
}

/** The 409 for a workspace whose voice tools have no HighLevel connection to work with. */
export function notConnected(ws: string): HttpError {
  return new HttpError(
    409,
    'not_connected',
    `Workspace ${ws} is not connected to GoHighLevel; connect it with PUT /v1/workspaces/${ws}/integrations/gohighlevel.`,
  );
}
