/**
 * A workspace's voice settings at rest: the settings as JSON, the Vapi credential (current and
 * previous secret) sealed with the credentials keyring, bound to the workspace id.
 */
import type { Kysely } from 'kysely';
import { phoneCountry as workspacePhoneCountry } from '../bookingSync/core/customerPhone.js';
import type { CountryCode } from '../core/phone.js';
import type { ConnectionCredentials } from '../highlevel/clients.js';
import { CredentialKeyError, open, seal } from '../crypto/credentials.js';
import type { Keyring } from '../crypto/keyring.js';
import { voiceAuthContext as sealContext } from '../crypto/storedCredentials.js';
import type { DB } from '../db/schema.js';
import { connectionApiKey } from '../highlevel/connectionStore.js';
import { voiceSettingsSchema, type VoiceSettings } from './core/settings.js';

/**
 * Stores (or replaces) the settings of a workspace.
 *
 * @example await saveVoiceSettings(db, keyring, workspaceId, voiceSettingsSchema.parse(body));
 */
export async function saveVoiceSettings(
  db: Kysely<DB>,
  keyring: Keyring,
  workspaceId: string,
  settings: VoiceSettings,
): Promise<void> {
  const { auth, ...rest } = settings;
  const sealed = seal(keyring, JSON.stringify(auth), sealContext(workspaceId));
  const row = {
    settings: JSON.stringify(rest),
    auth_ciphertext: sealed.ciphertext,
    auth_key_id: sealed.keyId,
  };
  await db
    .insertInto('voice_settings')
    .values({ workspace_id: workspaceId, ...row })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ ...row, updated_at: new Date() }))
    .execute();
}

/** The HighLevel side of a voice workspace: its Location and its stored credentials. */
export interface VoiceConnection {
  locationId: string;
  credentials: ConnectionCredentials;
}

/** What every voice request starts from; `connection` is undefined when not connected. */
export interface VoiceSetup {
  settings: VoiceSettings;
  /**
   * The country of phone numbers said without a country code: the settings' `defaultCountry`,
   * else the workspace's country for phones (its own, else its Location's), else US.
   */
  phoneCountry: CountryCode;
  connection: VoiceConnection | undefined;
  /** Why a stored connection is not usable (its key cannot be decrypted), for the log. */
  connectionProblem?: string;
}

/**
 * The settings of a workspace with the credential decrypted, and its GoHighLevel connection, in
 * one query (every voice tool call starts here); `undefined` when no settings are set.
 *
 * @example const setup = await loadVoiceSetup(db, keyring, workspaceId);
 */
export async function loadVoiceSetup(
  db: Kysely<DB>,
  keyring: Keyring,
  workspaceId: string,
): Promise<VoiceSetup | undefined> {
  const row = await db
    .selectFrom('voice_settings as v')
    .innerJoin('workspaces as w', 'w.id', 'v.workspace_id')
    .leftJoin('gohighlevel_connections as c', 'c.workspace_id', 'v.workspace_id')
    .select(['v.settings', 'v.auth_ciphertext', 'v.auth_key_id'])
    .select(['w.default_country', 'c.location_country'])
    .select(['c.location_id', 'c.credential_kind', 'c.api_key_ciphertext', 'c.api_key_key_id'])
    .where('v.workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { location_id: locationId, credential_kind, api_key_ciphertext, api_key_key_id } = row;
  const settings = readSettings(keyring, workspaceId, row);
  const phoneCountry =
    settings.defaultCountry ??
    workspacePhoneCountry({
      workspaceCountry: row.default_country,
      locationCountry: row.location_country,
    })?.country ??
    'US';
  if (locationId === null || credential_kind === null) {
    return { settings, phoneCountry, connection: undefined };
  }
  const credentials: ConnectionCredentials = {
    workspace_id: workspaceId,
    location_id: locationId,
    credential_kind,
    api_key_ciphertext,
    api_key_key_id,
  };
  try {
    // Opened here, so that a key no configured secret opens says so before any tool runs.
    if (credential_kind === 'api_key') connectionApiKey(keyring, credentials);
    return { settings, phoneCountry, connection: { locationId, credentials } };
  } catch (error) {
    // The caller is told booking is unavailable, as without a connection; the details and
    // `/readyz` say why.
    if (!(error instanceof CredentialKeyError)) throw error;
    return { settings, phoneCountry, connection: undefined, connectionProblem: error.message };
  }
}

/**
 * The settings of a workspace with the credential decrypted, or `undefined` when none are set.
 *
 * @example const settings = await loadVoiceSettings(db, keyring, workspaceId);
 */
export async function loadVoiceSettings(
  db: Kysely<DB>,
  keyring: Keyring,
  workspaceId: string,
): Promise<VoiceSettings | undefined> {
  return (await loadVoiceSetup(db, keyring, workspaceId))?.settings;
}

function readSettings(
  keyring: Keyring,
  workspaceId: string,
  row: { settings: unknown; auth_ciphertext: string; auth_key_id: string },
): VoiceSettings {
  const stored: unknown =
    typeof row.settings === 'string' ? (JSON.parse(row.settings) as unknown) : row.settings;
  const auth: unknown = JSON.parse(
    open(
      keyring,
      { ciphertext: row.auth_ciphertext, keyId: row.auth_key_id },
      sealContext(workspaceId),
    ),
  );
  // Parsed again so a row written by an older version gets today's defaults.
  return voiceSettingsSchema.parse({ ...(stored as object), auth });
}

/**
 * Whether the workspace has voice settings, without reading them (the MCP server lists the
 * booking tools only then).
 *
 * @example if (await hasVoiceSettings(db, workspaceId)) tools.push(...bookingTools);
 */
export async function hasVoiceSettings(db: Kysely<DB>, workspaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('voice_settings')
    .select('workspace_id')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row !== undefined;
}
