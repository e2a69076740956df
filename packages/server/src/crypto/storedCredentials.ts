/**
 * Every credential the database holds sealed, in one place: which keys they are under, and
 * re-encrypting them under the current key so that a rotation can be finished (the previous key
 * dropped) without reconnecting every workspace.
 *
 * Re-encryption is a command (`ghl-bridge rekey`), never automatic at start: during a rolling
 * restart the processes still running the old configuration know only the old key, and a
 * credential moved to the new key would fail their jobs.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { open, seal, type SealedSecret } from './credentials.js';
import type { Keyring } from './keyring.js';

/** The associated data a workspace's Vapi credential is sealed with (see `seal`). */
export const voiceAuthContext = (workspaceId: string) => `voice:${workspaceId}`;

/** The associated data a webhook endpoint's signing secrets are sealed with (see `seal`). */
export const webhookSecretContext = (endpointId: string) => `webhook:${endpointId}`;

/** The associated data an install's OAuth tokens are sealed with (see `seal`). */
export const oauthTokensContext = (resourceId: string) => `oauth:${resourceId}`;

export type CredentialKind =
  'gohighlevel_api_key' | 'vapi_secret' | 'webhook_signing_secret' | 'gohighlevel_oauth_tokens';

interface StoredSecret {
  /** Null for an app install, which belongs to no workspace. */
  workspaceId: string | null;
  /** The row it is sealed in: the workspace, the webhook endpoint, or the install. */
  rowId: string;
  kind: CredentialKind;
  sealed: SealedSecret;
}

/** Where one kind of sealed credential lives: its table and the columns that hold it. */
interface SealedColumn {
  kind: CredentialKind;
  context: (rowId: string) => string;
  table:
    'gohighlevel_connections' | 'voice_settings' | 'webhook_endpoints' | 'highlevel_oauth_installs';
  /** The column naming the row (the workspace, the webhook endpoint, or the install). */
  rowId: string;
  /** The column naming the workspace; null: the rows belong to none. */
  workspace: string | null;
  ciphertext: string;
  keyId: string;
}

const COLUMNS: readonly SealedColumn[] = [
  {
    kind: 'gohighlevel_api_key',
    context: (workspaceId) => workspaceId,
    table: 'gohighlevel_connections',
    rowId: 'workspace_id',
    workspace: 'workspace_id',
    ciphertext: 'api_key_ciphertext',
    keyId: 'api_key_key_id',
  },
  {
    kind: 'vapi_secret',
    context: voiceAuthContext,
    table: 'voice_settings',
    rowId: 'workspace_id',
    workspace: 'workspace_id',
    ciphertext: 'auth_ciphertext',
    keyId: 'auth_key_id',
  },
  {
    kind: 'webhook_signing_secret',
    context: webhookSecretContext,
    table: 'webhook_endpoints',
    rowId: 'id',
    workspace: 'workspace_id',
    ciphertext: 'secret_ciphertext',
    keyId: 'secret_key_id',
  },
  {
    kind: 'gohighlevel_oauth_tokens',
    context: oauthTokensContext,
    table: 'highlevel_oauth_installs',
    rowId: 'resource_id',
    workspace: null,
    ciphertext: 'tokens_ciphertext',
    keyId: 'tokens_key_id',
  },
];

/** The rows of `column` sealed under any key but `currentKeyId`. */
async function notUnder(
  db: Kysely<DB>,
  column: SealedColumn,
  currentKeyId: string,
): Promise<StoredSecret[]> {
  const { rows } = await sql<{
    workspace_id: string | null;
    row_id: string;
    ciphertext: string;
    key_id: string;
  }>`select ${column.workspace ? sql.ref(column.workspace) : sql`null::text`} as workspace_id,
      ${sql.ref(column.rowId)} as row_id,
      ${sql.ref(column.ciphertext)} as ciphertext, ${sql.ref(column.keyId)} as key_id
    from ${sql.table(column.table)}
    where ${sql.ref(column.keyId)} <> ${currentKeyId}
    order by 1, 2`.execute(db);
  return rows.map((row) => ({
    workspaceId: row.workspace_id,
    rowId: row.row_id,
    kind: column.kind,
    sealed: { ciphertext: row.ciphertext, keyId: row.key_id },
  }));
}

/** Writes `next` when the row still holds what was read; false when it changed meanwhile. */
async function replace(
  db: Kysely<DB>,
  column: SealedColumn,
  stored: StoredSecret,
  next: SealedSecret,
): Promise<boolean> {
  const result = await sql`update ${sql.table(column.table)}
    set ${sql.ref(column.ciphertext)} = ${next.ciphertext}, ${sql.ref(column.keyId)} = ${next.keyId}
    where ${sql.ref(column.rowId)} = ${stored.rowId}
      and ${sql.ref(column.ciphertext)} = ${stored.sealed.ciphertext}`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** A stored credential none of the configured keys can open. */
export interface UndecryptableCredential {
  /** Null for an app install's tokens. */
  workspaceId: string | null;
  kind: CredentialKind;
  /** The id of the key it was sealed with (not secret). */
  keyId: string;
  /** For a webhook signing secret: its endpoint. */
  endpointId?: string;
  /** For an app install's tokens: its Location or agency. */
  installId?: string;
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
    for (const stored of await notUnder(db, column, keyring.current.id)) {
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
    for (const stored of await notUnder(db, column, keyring.current.id)) {
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
      if (options.dryRun || (await replace(db, column, stored, next))) report.reencrypted += 1;
      else report.changedMeanwhile += 1;
    }
  }
  return report;
}

function endpointOf(stored: StoredSecret): { endpointId?: string; installId?: string } {
  if (stored.kind === 'webhook_signing_secret') return { endpointId: stored.rowId };
  if (stored.kind === 'gohighlevel_oauth_tokens') return { installId: stored.rowId };
  return {};
}
