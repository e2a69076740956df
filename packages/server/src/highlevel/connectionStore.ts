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
  /** A Private Integration token, or the marketplace app's install on the Location. */
  credentials: { kind: 'api_key'; apiKey: string } | { kind: 'oauth' };
  scopes: string[];
  connectedAt: Date;
}

/**
 * Stores (or replaces) the connection, an API key sealed under the keyring's current key. A
 * replaced connection starts clean: not paused, no error.
 */
export async function saveConnection(
  db: Kysely<DB> | Transaction<DB>,
  keyring: Keyring,
  input: NewConnection,
): Promise<ConnectionRow> {
  const { credentials } = input;
  const sealed =
    credentials.kind === 'api_key' ? seal(keyring, credentials.apiKey, input.workspaceId) : null;
  const row = {
    workspace_id: input.workspaceId,
    location_id: input.locationId,
    location_name: input.locationName ?? null,
    location_country: input.locationCountry ?? null,
    credential_kind: credentials.kind,
    api_key_ciphertext: sealed?.ciphertext ?? null,
    api_key_key_id: sealed?.keyId ?? null,
    api_key_preview: credentials.kind === 'api_key' ? apiKeyPreview(credentials.apiKey) : null,
    paused_reason: null,
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
): Promise<Array<Pick<ConnectionRow, 'workspace_id' | 'connected_at' | 'credential_kind'>>> {
  return db
    .selectFrom('gohighlevel_connections')
    .select(['workspace_id', 'connected_at', 'credential_kind'])
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
 * Only on the connection whose key failed (the one connected at `connected_at`): a reconnect in
 * the meantime starts clean. An error the
 * connection did not have already emits `connection.needs_attention` through `queue`, in the
 * same transaction (`db`'s, when it is one).
 */
export async function recordCredentialFailure(
  db: Kysely<DB> | Transaction<DB>,
  connection: Pick<ConnectionRow, 'workspace_id' | 'connected_at'>,
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
      .where('c.connected_at', '=', connection.connected_at)
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

/**
 * Pauses the app-install connections to `locationIds` (the app was uninstalled, HighLevel refused
 * its tokens): their sync jobs wait as `paused` with `reason` until the app is installed again or
 * the workspace reconnects. Each newly paused connection emits `connection.needs_attention`.
 *
 * @example await pauseInstallConnections(trx, queue, ['loc_1'], 'The app was uninstalled …');
 */
export async function pauseInstallConnections(
  db: Kysely<DB> | Transaction<DB>,
  queue: JobQueue,
  locationIds: readonly string[],
  reason: string,
): Promise<string[]> {
  if (locationIds.length === 0) return [];
  const rows = await db
    .updateTable('gohighlevel_connections as c')
    .from('gohighlevel_connections as before')
    .set({ paused_reason: reason, last_error: reason })
    .whereRef('before.workspace_id', '=', 'c.workspace_id')
    .where('c.location_id', 'in', [...locationIds])
    .where('c.credential_kind', '=', 'oauth')
    .returning(['c.workspace_id', 'c.location_id', 'before.last_error as previous_error'])
    .execute();
  for (const row of rows) await emitIfNewError(db, queue, row.workspace_id, row, reason);
  return rows.map((row) => row.workspace_id);
}

/**
 * Un-pauses the app-install connections to `locationIds` (the app was installed again), and
 * returns all of them, paused or not (a job may have found the install gone before its
 * connection was paused), so their waiting jobs can be queued again.
 *
 * @example for (const c of await unpauseInstallConnections(trx, ['loc_1'])) await resumeSyncJobs(trx, queue, c.workspace_id, c.location_id);
 */
export function unpauseInstallConnections(
  db: Kysely<DB> | Transaction<DB>,
  locationIds: readonly string[],
): Promise<Array<Pick<ConnectionRow, 'workspace_id' | 'location_id'>>> {
  if (locationIds.length === 0) return Promise.resolve([]);
  return db
    .updateTable('gohighlevel_connections')
    .set((eb) => ({
      paused_reason: null,
      last_error: eb
        .case()
        .when('paused_reason', 'is not', null)
        .then(null)
        .else(eb.ref('last_error'))
        .end(),
    }))
    .where('location_id', 'in', [...locationIds])
    .where('credential_kind', '=', 'oauth')
    .returning(['workspace_id', 'location_id'])
    .execute();
}

/** The stored API key, decrypted (for calling HighLevel; never for showing). */
export function connectionApiKey(
  keyring: Keyring,
  row: Pick<ConnectionRow, 'workspace_id' | 'api_key_ciphertext' | 'api_key_key_id'>,
): string {
  if (!row.api_key_ciphertext || !row.api_key_key_id) {
    throw new Error(
      `The connection of workspace ${row.workspace_id} has no API key: it uses the app's install`,
    );
  }
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
      auth: null,
      pausedReason: null,
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
  const lastError =
    row.api_key_key_id === null || keyring.byId.has(row.api_key_key_id)
      ? row.last_error
      : missingKeyMessage(row.api_key_key_id);
  return {
    status: (lastError ? 'needs_attention' : 'connected') as ConnectionStatus,
    auth: row.credential_kind,
    pausedReason: row.paused_reason,
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
