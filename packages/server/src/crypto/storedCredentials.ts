/**
 * Every credential the database holds sealed, in one place: which keys they are under, and
 * re-encrypting them under the current key so that a rotation can be finished (the previous key
 * dropped) without reconnecting every workspace.
 *
 * Re-encryption is a command (`ghl-bridge rekey`), never automatic at start: during a rolling
 * restart the processes still running the old configuration know only the old key, and a
 * credential moved to the new key would fail their jobs.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { open, seal, type SealedSecret } from './credentials.js';
import type { Keyring } from './keyring.js';

/** The associated data a workspace's Vapi credential is sealed with (see `seal`). */
export const voiceAuthContext = (workspaceId: string) => `voice:${workspaceId}`;

/** The associated data a webhook endpoint's signing secrets are sealed with (see `seal`). */
export const webhookSecretContext = (endpointId: string) => `webhook:${endpointId}`;

export type CredentialKind = 'gohighlevel_api_key' | 'vapi_secret' | 'webhook_signing_secret';

interface StoredSecret {
  workspaceId: string;
  /** The row it is sealed in: the workspace, or the webhook endpoint. */
  rowId: string;
  kind: CredentialKind;
  sealed: SealedSecret;
}

/** How to read and rewrite one kind of sealed credential. */
interface SealedColumn {
  kind: CredentialKind;
  context: (rowId: string) => string;
  /** The rows sealed under any key but `currentKeyId`. */
  notUnder(db: Kysely<DB>, currentKeyId: string): Promise<StoredSecret[]>;
  /** Writes `next` when the row still holds `before`; false when it changed meanwhile. */
  replace(db: Kysely<DB>, stored: StoredSecret, next: SealedSecret): Promise<boolean>;
}

const COLUMNS: readonly SealedColumn[] = [
  {
    kind: 'gohighlevel_api_key',
    context: (workspaceId) => workspaceId,
    async notUnder(db, currentKeyId) {
      const rows = await db
        .selectFrom('gohighlevel_connections')
        .select(['workspace_id', 'api_key_ciphertext', 'api_key_key_id'])
        .where('api_key_key_id', '!=', currentKeyId)
        .orderBy('workspace_id')
        .execute();
      return rows.map((row) => ({
        workspaceId: row.workspace_id,
        rowId: row.workspace_id,
        kind: 'gohighlevel_api_key',
        sealed: { ciphertext: row.api_key_ciphertext, keyId: row.api_key_key_id },
      }));
    },
    async replace(db, stored, next) {
      const result = await db
        .updateTable('gohighlevel_connections')
        .set({ api_key_ciphertext: next.ciphertext, api_key_key_id: next.keyId })
        .where('workspace_id', '=', stored.workspaceId)
        .where('api_key_ciphertext', '=', stored.sealed.ciphertext)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  },
  {
    kind: 'vapi_secret',
    context: voiceAuthContext,
    async notUnder(db, currentKeyId) {
      const rows = await db
        .selectFrom('voice_settings')
        .select(['workspace_id', 'auth_ciphertext', 'auth_key_id'])
        .where('auth_key_id', '!=', currentKeyId)
        .orderBy('workspace_id')
        .execute();
      return rows.map((row) => ({
        workspaceId: row.workspace_id,
        rowId: row.workspace_id,
        kind: 'vapi_secret',
        sealed: { ciphertext: row.auth_ciphertext, keyId: row.auth_key_id },
      }));
    },
    async replace(db, stored, next) {
      const result = await db
        .updateTable('voice_settings')
        .set({ auth_ciphertext: next.ciphertext, auth_key_id: next.keyId })
        .where('workspace_id', '=', stored.workspaceId)
        .where('auth_ciphertext', '=', stored.sealed.ciphertext)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  },
  {
    kind: 'webhook_signing_secret',
    context: webhookSecretContext,
    async notUnder(db, currentKeyId) {
      const rows = await db
        .selectFrom('webhook_endpoints')
        .select(['id', 'workspace_id', 'secret_ciphertext', 'secret_key_id'])
        .where('secret_key_id', '!=', currentKeyId)
        .orderBy('workspace_id')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        workspaceId: row.workspace_id,
        rowId: row.id,
        kind: 'webhook_signing_secret',
        sealed: { ciphertext: row.secret_ciphertext, keyId: row.secret_key_id },
      }));
    },
    async replace(db, stored, next) {
      const result = await db
        .updateTable('webhook_endpoints')
        .set({ secret_ciphertext: next.ciphertext, secret_key_id: next.keyId })
        .where('id', '=', stored.rowId)
        .where('secret_ciphertext', '=', stored.sealed.ciphertext)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  },
];

/** A stored credential none of the configured keys can open. */
export interface UndecryptableCredential {
  workspaceId: string;
  kind: CredentialKind;
  /** The id of the key it was sealed with (not secret). */
  keyId: string;
  /** For a webhook signing secret: its endpoint. */
  endpointId?: string;
}

/**
 * The stored credentials the keyring cannot open: sealed under a key that is no longer
 * configured. A small read per kind (a row per workspace, or per webhook endpoint); `/readyz` uses it.
 *
 * @example const lost = await undecryptableCredentials(db, keyring); // [] when all is well
 */
export async function undecryptableCredentials(
  db: Kysely<DB>,
  keyring: Keyring,
): Promise<UndecryptableCredential[]> {
  const found: UndecryptableCredential[] = [];
  for (const column of COLUMNS) {
    for (const stored of await column.notUnder(db, keyring.current.id)) {
      if (keyring.byId.has(stored.sealed.keyId)) continue;
      found.push({
        workspaceId: stored.workspaceId,
        kind: stored.kind,
        keyId: stored.sealed.keyId,
        ...endpointOf(stored),
      });
    }
  }
  return found;
}

export interface RekeyReport {
  /** The key every readable credential is now under. */
  currentKeyId: string;
  /** Moved from a previous key to the current one (or, with `dryRun`, would be). */
  reencrypted: number;
  /** Rewritten by someone else (a reconnect) while this ran: under the current key already. */
  changedMeanwhile: number;
  undecryptable: UndecryptableCredential[];
}

/**
 * Re-encrypts every stored credential that is under a previous key with the current one. Safe
 * to run while the service runs and to run twice: a row is only rewritten if it still holds what
 * was read, and what is under the current key already is not touched.
 *
 * @example
 * const report = await rekeyCredentials(db, keyring);
 * if (report.undecryptable.length === 0) console.log('the previous keys can be removed');
 */
export async function rekeyCredentials(
  db: Kysely<DB>,
  keyring: Keyring,
  options: { dryRun?: boolean } = {},
): Promise<RekeyReport> {
  const report: RekeyReport = {
    currentKeyId: keyring.current.id,
    reencrypted: 0,
    changedMeanwhile: 0,
    undecryptable: [],
  };
  for (const column of COLUMNS) {
    for (const stored of await column.notUnder(db, keyring.current.id)) {
      if (!keyring.byId.has(stored.sealed.keyId)) {
        report.undecryptable.push({
          workspaceId: stored.workspaceId,
          kind: stored.kind,
          keyId: stored.sealed.keyId,
          ...endpointOf(stored),
        });
        continue;
      }
      const context = column.context(stored.rowId);
      const next = seal(keyring, open(keyring, stored.sealed, context), context);
      if (options.dryRun || (await column.replace(db, stored, next))) report.reencrypted += 1;
      else report.changedMeanwhile += 1;
    }
  }
  return report;
}

function endpointOf(stored: StoredSecret): { endpointId?: string } {
  return stored.kind === 'webhook_signing_secret' ? { endpointId: stored.rowId } : {};
}
