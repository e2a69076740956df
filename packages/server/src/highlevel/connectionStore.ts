/**
 * A workspace's GoHighLevel connection in the database. The API key is only ever stored sealed
 * (AES-256-GCM, with its key id) and only ever shown as a preview; deleting the row erases it.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { apiKeyPreview, missingKeyMessage, open, seal } from '../crypto/credentials.js';
import type { Keyring } from '../crypto/keyring.js';
import type { DB, GoHighLevelConnectionsTable } from '../db/schema.js';
import type { Write } from '../db/writeTogether.js';
import type { JobQueue } from '../queue/jobQueue.js';
import { emitWebhookEvent } from '../webhooksOut/emit.js';

export type ConnectionRow = Selectable<GoHighLevelConnectionsTable>;

export interface NewConnection {
  workspaceId: string;
  locationId: string;
  locationName: string | undefined;
  /** The Location's country as HighLevel returned it; read booking phones without +country. */
  locationCountry?: string | undefined;
  apiKey: string;
  scopes: string[];
  connectedAt: Date;
}

/** Stores (or replaces) the connection, the key sealed under the keyring's current key. */
export async function saveConnection(
  db: Kysely<DB> | Transaction<DB>,
  keyring: Keyring,
  input: NewConnection,
): Promise<ConnectionRow> {
  const sealed = seal(keyring, input.apiKey, input.workspaceId);
  const row = {
    workspace_id: input.workspaceId,
    location_id: input.locationId,
    location_name: input.locationName ?? null,
    location_country: input.locationCountry ?? null,
    api_key_ciphertext: sealed.ciphertext,
    api_key_key_id: sealed.keyId,
    api_key_preview: apiKeyPreview(input.apiKey),
    scopes: input.scopes,
    connected_at: input.connectedAt,
    last_sync_at: null,
    last_checked_at: input.connectedAt,
    last_error: null,
  };
  return db
    .insertInto('gohighlevel_connections')
    .values(row)
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(row))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findConnection(
  db: Kysely<DB>,
  workspaceId: string,
): Promise<ConnectionRow | undefined> {
  return db
    .selectFrom('gohighlevel_connections')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
}

/**
 * The Location the workspace is connected to, or undefined; inside a transaction, to act on the
 * connection as it is there.
 *
 * @example const locationId = await connectedLocationId(trx, workspaceId);
 */
export async function connectedLocationId(
  db: Kysely<DB> | Transaction<DB>,
  workspaceId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('gohighlevel_connections')
    .select('location_id')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row?.location_id;
}

/**
 * The connections to `locationId`, one per workspace connected to it (several workspaces may
 * share a Location), with what `recordCredentialFailure` needs.
 *
 * @example const workspaceIds = (await connectionsAtLocation(db, 'loc_1')).map((c) => c.workspace_id);
 */
export function connectionsAtLocation(
  db: Kysely<DB> | Transaction<DB>,
  locationId: string,
): Promise<Array<Pick<ConnectionRow, 'workspace_id' | 'api_key_ciphertext'>>> {
  return db
    .selectFrom('gohighlevel_connections')
    .select(['workspace_id', 'api_key_ciphertext'])
    .where('location_id', '=', locationId)
    .orderBy('workspace_id')
    .execute();
}

/** Erases the connection and its credentials; true when there was one. */
export async function deleteConnection(db: Kysely<DB>, workspaceId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('gohighlevel_connections')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Records the outcome of a background check, and the Location's country when HighLevel returned
 * one (a connection made before countries were recorded gets it here). An error the connection
 * did not have already emits `connection.needs_attention`, in the same transaction.
 */
export async function recordCheck(
  db: Kysely<DB>,
  queue: JobQueue,
  workspaceId: string,
  outcome: { at: Date; error: string | null; locationCountry?: string | undefined },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('gohighlevel_connections as c')
      .from('gohighlevel_connections as before')
      .set({
        last_checked_at: outcome.at,
        last_error: outcome.error,
        ...(outcome.locationCountry ? { location_country: outcome.locationCountry } : {}),
      })
      .whereRef('before.workspace_id', '=', 'c.workspace_id')
      .where('c.workspace_id', '=', workspaceId)
      .returning(['c.location_id', 'before.last_error as previous_error'])
      .executeTakeFirst();
    if (row) await emitIfNewError(trx, queue, workspaceId, row, outcome.error);
  });
}

/**
 * Records a failure that says the stored credentials no longer work (HighLevel refused the key,
 * a scope went missing, the key cannot be decrypted), so the details show `needs_attention`.
 * Only on the connection whose key failed: a reconnect in the meantime starts clean. An error the
 * connection did not have already emits `connection.needs_attention` through `queue`, in the
 * same transaction (`db`'s, when it is one).
 */
export async function recordCredentialFailure(
  db: Kysely<DB> | Transaction<DB>,
  connection: Pick<ConnectionRow, 'workspace_id' | 'api_key_ciphertext'>,
  error: string,
  queue: JobQueue,
): Promise<void> {
  const record = async (trx: Kysely<DB>) => {
    const row = await trx
      .updateTable('gohighlevel_connections as c')
      .from('gohighlevel_connections as before')
      .set({ last_error: error })
      .whereRef('before.workspace_id', '=', 'c.workspace_id')
      .where('c.workspace_id', '=', connection.workspace_id)
      .where('c.api_key_ciphertext', '=', connection.api_key_ciphertext)
      .returning(['c.location_id', 'before.last_error as previous_error'])
      .executeTakeFirst();
    if (row) await emitIfNewError(trx, queue, connection.workspace_id, row, error);
  };
  if (db.isTransaction) await record(db);
  else await db.transaction().execute(record);
}

/**
 * `connection.needs_attention` when `error` is new: the same error recorded again (every check of
 * a revoked key) is told once.
 */
async function emitIfNewError(
  db: Kysely<DB>,
  queue: JobQueue,
  workspaceId: string,
  row: { location_id: string; previous_error: string | null },
  error: string | null,
): Promise<void> {
  if (error === null || error === row.previous_error) return;
  await emitWebhookEvent(db, queue, workspaceId, {
    type: 'connection.needs_attention',
    data: {
      workspaceId,
      locationId: row.location_id,
      status: 'needs_attention',
      lastError: error,
    },
  });
}

/**
 * The write recording that a sync went through, not run yet: to go into one statement with the
 * sync's last writes. It proves the key works, so a credential failure recorded earlier (a
 * refusal since fixed in HighLevel) no longer applies. `last_sync_at` moves by the second: jobs of
 * one workspace ending together need not all rewrite the row.
 *
 * @example await writeTogether(db, [...jobDone, syncSucceededWrite(db, workspaceId)]);
 */
export function syncSucceededWrite(db: Kysely<DB>, workspaceId: string): Write {
  return db
    .updateTable('gohighlevel_connections')
    .set({ last_sync_at: new Date(), last_error: null })
    .where('workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([
        eb('last_sync_at', 'is', null),
        eb('last_sync_at', '<', new Date(Date.now() - 1000)),
        eb('last_error', 'is not', null),
      ]),
    );
}

/** The stored API key, decrypted (for calling HighLevel; never for showing). */
export function connectionApiKey(
  keyring: Keyring,
  row: Pick<ConnectionRow, 'workspace_id' | 'api_key_ciphertext' | 'api_key_key_id'>,
): string {
  return open(
    keyring,
    { ciphertext: row.api_key_ciphertext, keyId: row.api_key_key_id },
    row.workspace_id,
  );
}

/**
 * `needs_attention`: the last check or sync found the credentials not working, or the key they
 * are sealed with is not configured; `lastError` says which and what to do.
 */
export type ConnectionStatus = 'connected' | 'needs_attention' | 'disconnected';

/** The connection as the API shows it: never the key, only its preview. */
export function connectionView(row: ConnectionRow | undefined, keyring: Keyring) {
  if (!row) {
    return {
      status: 'disconnected' as ConnectionStatus,
      locationId: null,
      locationName: null,
      locationCountry: null,
      apiKeyPreview: null,
      connectedAt: null,
      lastSyncAt: null,
      lastCheckedAt: null,
      lastError: null,
    };
  }
  const lastError = keyring.byId.has(row.api_key_key_id)
    ? row.last_error
    : missingKeyMessage(row.api_key_key_id);
  return {
    status: (lastError ? 'needs_attention' : 'connected') as ConnectionStatus,
    locationId: row.location_id,
    locationName: row.location_name,
    locationCountry: row.location_country,
    apiKeyPreview: row.api_key_preview,
    connectedAt: row.connected_at.toISOString(),
    lastSyncAt: row.last_sync_at?.toISOString() ?? null,
    lastCheckedAt: row.last_checked_at?.toISOString() ?? null,
    lastError,
  };
}
