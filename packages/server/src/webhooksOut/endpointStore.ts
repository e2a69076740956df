/**
 * A workspace's webhook endpoints in the database (table `webhook_endpoints`). The signing
 * secrets are only ever stored sealed (AES-256-GCM under the credentials keyring, bound to the
 * endpoint's id) and shown once: on create and on rotation. After a rotation the previous secret
 * keeps signing beside the new one for `PREVIOUS_SECRET_HOURS`, so a receiver can switch without
 * refusing a delivery in between.
 */
import { sql, type Expression, type Kysely, type Selectable, type Transaction } from 'kysely';
import { CredentialKeyError, open, seal } from '../crypto/credentials.js';
import type { Keyring } from '../crypto/keyring.js';
import { webhookSecretContext } from '../crypto/storedCredentials.js';
import type { DB, WebhookEndpointsTable } from '../db/schema.js';
import { newId } from '../ids.js';
import type { WebhookEventType } from './core/eventTypes.js';
import { failPendingDeliveries } from './deliveryStore.js';
import { newSigningSecret } from './signing.js';

export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;

/** How long the previous secret keeps signing after a rotation. */
export const PREVIOUS_SECRET_HOURS = 24;

/** The sealed JSON of an endpoint's secrets. */
interface SigningSecrets {
  current: string;
  previous?: string;
}

export interface EndpointInput {
  url: string;
  events: WebhookEventType[];
  description?: string | null;
  enabled?: boolean;
}

type Db = Kysely<DB> | Transaction<DB>;

function sealSecrets(keyring: Keyring, endpointId: string, secrets: SigningSecrets) {
  const sealed = seal(keyring, JSON.stringify(secrets), webhookSecretContext(endpointId));
  return { secret_ciphertext: sealed.ciphertext, secret_key_id: sealed.keyId };
}

/** What of an endpoint its secrets are read from. */
type SealedSecrets = Pick<
  WebhookEndpointRow,
  'id' | 'secret_ciphertext' | 'secret_key_id' | 'previous_secret_expires_at'
>;

function openSecrets(keyring: Keyring, row: SealedSecrets): SigningSecrets {
  const text = open(
    keyring,
    { ciphertext: row.secret_ciphertext, keyId: row.secret_key_id },
    webhookSecretContext(row.id),
  );
  return JSON.parse(text) as SigningSecrets;
}

/**
 * The secrets an attempt at `now` is signed with: the current one, and the previous one until it
 * expires. Throws `CredentialKeyError` when the keyring cannot open them.
 *
 * @example const secrets = signingSecrets(keyring, endpoint, new Date());
 */
export function signingSecrets(keyring: Keyring, row: SealedSecrets, now: Date): string[] {
  const { current, previous } = openSecrets(keyring, row);
  const previousValid =
    previous !== undefined &&
    row.previous_secret_expires_at !== null &&
    row.previous_secret_expires_at > now;
  return previousValid ? [current, previous] : [current];
}

/**
 * Creates an endpoint with a new signing secret, returned here once.
 *
 * @example const { endpoint, secret } = await createEndpoint(db, keyring, ws, { url, events });
 */
export async function createEndpoint(
  db: Kysely<DB>,
  keyring: Keyring,
  workspaceId: string,
  input: EndpointInput,
): Promise<{ endpoint: WebhookEndpointRow; secret: string }> {
  const id = newId('whep');
  const secret = newSigningSecret();
  const endpoint = await db
    .insertInto('webhook_endpoints')
    .values({
      id,
      workspace_id: workspaceId,
      url: input.url,
      events: input.events,
      description: input.description ?? null,
      enabled: input.enabled ?? true,
      ...sealSecrets(keyring, id, { current: secret }),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { endpoint, secret };
}

/** The workspace's endpoints, oldest first. */
export function listEndpoints(db: Kysely<DB>, workspaceId: string): Promise<WebhookEndpointRow[]> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One endpoint of the workspace, or undefined. */
export function findEndpoint(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<WebhookEndpointRow | undefined> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Changes an endpoint; disabling it fails its pending deliveries in the same transaction, so no
 * scheduled retry sends them (a replay still can). Undefined when there is no such endpoint.
 *
 * @example await updateEndpoint(db, ws, 'whep_1', { enabled: false });
 */
export function updateEndpoint(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  patch: Partial<EndpointInput>,
): Promise<WebhookEndpointRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('webhook_endpoints')
      .set({
        ...(patch.url === undefined ? {} : { url: patch.url }),
        ...(patch.events === undefined ? {} : { events: patch.events }),
        ...(patch.description === undefined ? {} : { description: patch.description }),
        ...(patch.enabled === undefined ? {} : { enabled: patch.enabled }),
        updated_at: new Date(),
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (row && patch.enabled === false) {
      await failPendingDeliveries(
        trx,
        id,
        'The endpoint was disabled before this delivery went through; replay it to send it.',
      );
    }
    return row;
  });
}

/** Deletes an endpoint and, with it, its deliveries (pending ones are never sent). */
export async function deleteEndpoint(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('webhook_endpoints')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Gives an endpoint a new signing secret, returned here once. The current one becomes the previous
 * one and signs beside the new one for `PREVIOUS_SECRET_HOURS`; when the stored secret cannot be
 * opened (its key is gone), only the new one signs. Undefined when there is no such endpoint.
 *
 * @example const rotated = await rotateEndpointSecret(db, keyring, ws, 'whep_1', new Date());
 */
export function rotateEndpointSecret(
  db: Kysely<DB>,
  keyring: Keyring,
  workspaceId: string,
  id: string,
  now: Date,
): Promise<{ endpoint: WebhookEndpointRow; secret: string } | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return undefined;
    let previous: string | undefined;
    try {
      previous = openSecrets(keyring, row).current;
    } catch (error) {
      if (!(error instanceof CredentialKeyError)) throw error;
    }
    const secret = newSigningSecret();
    const expires = new Date(now.getTime() + PREVIOUS_SECRET_HOURS * 3600_000);
    const endpoint = await trx
      .updateTable('webhook_endpoints')
      .set({
        ...sealSecrets(keyring, id, previous ? { current: secret, previous } : { current: secret }),
        previous_secret_expires_at: previous ? expires : null,
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { endpoint, secret };
  });
}

/**
 * The workspace's enabled endpoints with the events each takes, for reading together with
 * another query (a sync job's claim), so that an event of a workspace without endpoints costs no
 * statement of its own.
 *
 * @example jsonArrayFrom(enabledEndpointsQuery(db, sql.ref('job.workspace_id')))
 */
export function enabledEndpointsQuery(db: Kysely<DB>, workspaceId: string | Expression<string>) {
  return db
    .selectFrom('webhook_endpoints')
    .select(['id', 'events'])
    .where('workspace_id', '=', workspaceId)
    .where('enabled', '=', true);
}

/** The ids of the workspace's enabled endpoints subscribed to `type`. */
export async function subscribedEndpointIds(
  db: Db,
  workspaceId: string,
  type: WebhookEventType,
): Promise<string[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('enabled', '=', true)
    .where(sql<boolean>`${type}::text = any(events)`)
    .execute();
  return rows.map((row) => row.id);
}

/** The endpoint as the API shows it: never its secrets. */
export function endpointView(row: WebhookEndpointRow) {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    enabled: row.enabled,
    previousSecretExpiresAt: row.previous_secret_expires_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
