/**
 * A workspace's voice settings at rest: the settings as JSON, the Vapi credential (current and
 * previous secret) sealed with the credentials keyring, bound to the workspace id.
 */
import type { Kysely } from 'kysely';
import { open, seal } from '../crypto/credentials.js';
import type { Keyring } from '../crypto/keyring.js';
import type { DB } from '../db/schema.js';
import { voiceSettingsSchema, type VoiceSettings } from '../voice/settings.js';

const sealContext = (workspaceId: string) => `voice:${workspaceId}`;

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
  const row = await db
    .selectFrom('voice_settings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) return undefined;
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
