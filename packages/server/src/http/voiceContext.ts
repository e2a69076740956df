/**
 * The context the voice tools run in, for the Vapi route and the plain REST routes alike: the
 * workspace's settings, a HighLevel client on its connection, and the slot-id key.
 */
import type { Logger } from '../logger.js';
import { connectionApiKey, findConnection } from '../gohighlevel/connectionStore.js';
import type { VoiceSettings } from '../voice/settings.js';
import { requestOf, type HighLevelRequest } from '../voiceBooking/callAudit.js';
import { slotIdKey, type VoiceContext } from '../voiceBooking/context.js';
import { FreeSlotCache } from '../voiceBooking/freeSlotCache.js';
import { loadVoiceSettings } from '../voiceBooking/settingsStore.js';
import type { AppDeps } from './deps.js';
import { HttpError } from './httpError.js';

type VoiceCaches = Pick<VoiceContext, 'calendarMinutes' | 'freeSlots'>;

/** What the voice tools remember across requests, one set per running app. */
const caches = new WeakMap<AppDeps, VoiceCaches>();

function cachesOf(deps: AppDeps): VoiceCaches {
  let kept = caches.get(deps);
  if (!kept) {
    kept = { calendarMinutes: new Map(), freeSlots: new FreeSlotCache() };
    caches.set(deps, kept);
  }
  return kept;
}

/**
 * The workspace's voice settings; 404 `voice_not_configured` when there are none.
 *
 * @example const settings = await requireVoiceSettings(deps, ws);
 */
export async function requireVoiceSettings(deps: AppDeps, ws: string): Promise<VoiceSettings> {
  const settings = await loadVoiceSettings(deps.database.db, deps.keyring, ws);
  if (!settings) {
    throw new HttpError(
      404,
      'voice_not_configured',
      `No voice settings for workspace ${ws}; set them with PUT /v1/workspaces/${ws}/voice.`,
    );
  }
  return settings;
}

/**
 * The context, or `undefined` when the workspace has no GoHighLevel connection. HighLevel
 * requests made through it are appended to `requests` (for the audit trail).
 *
 * @example const ctx = await voiceContext(deps, log, ws, settings, requests);
 */
export async function voiceContext(
  deps: AppDeps,
  log: Logger,
  ws: string,
  settings: VoiceSettings,
  requests: HighLevelRequest[] = [],
): Promise<VoiceContext | undefined> {
  const connection = await findConnection(deps.database.db, ws);
  if (!connection) return undefined;
  const hl = deps.highLevel.forKey(
    connectionApiKey(deps.keyring, connection),
    connection.location_id,
    (event) => {
      const request = requestOf(event);
      if (request) requests.push(request);
    },
  );
  return {
    db: deps.database.db,
    hl,
    log,
    workspaceId: ws,
    locationId: connection.location_id,
    settings,
    now: new Date(),
    slotIdKey: slotIdKey(deps.keyring),
    ...cachesOf(deps),
  };
}

/** The 409 for a workspace whose voice tools have no HighLevel connection to work with. */
export function notConnected(ws: string): HttpError {
  return new HttpError(
    409,
    'not_connected',
    `Workspace ${ws} is not connected to GoHighLevel; connect it with PUT /v1/workspaces/${ws}/integrations/gohighlevel.`,
  );
}
