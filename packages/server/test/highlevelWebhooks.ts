/**
 * Webhooks as HighLevel sends them, for integration tests: key pairs made here, a body signed
 * over its exact bytes with Ed25519 (`x-ghl-signature`) and RSA-SHA256 (`x-wh-signature`), posted
 * to `POST /v1/webhooks/highlevel`, and what the bridge then shows of it.
 */
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { TestServer } from './harness.js';
import { waitFor } from './waitFor.js';

export interface SigningKeys {
  ed25519: KeyObject;
  rsa: KeyObject;
  /** The public Ed25519 key, PEM. */
  ed25519Pem: string;
  /** Both public halves as one GHL_WEBHOOK_PUBLIC_KEYS value. */
  publicPem: string;
}

const pem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();

/** An Ed25519 and an RSA key pair, like HighLevel's (its RSA key is 4096-bit; size changes nothing). */
export function signingKeys(): SigningKeys {
  const ed = generateKeyPairSync('ed25519');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    ed25519: ed.privateKey,
    rsa: rsa.privateKey,
    ed25519Pem: pem(ed.publicKey),
    publicPem: pem(ed.publicKey) + pem(rsa.publicKey),
  };
}

/** Both signature headers over `body`, as HighLevel sends them. */
export function signatureHeaders(
  body: string,
  keys: Pick<SigningKeys, 'ed25519' | 'rsa'>,
): { 'x-ghl-signature': string; 'x-wh-signature': string } {
  const bytes = Buffer.from(body, 'utf8');
  return {
    'x-ghl-signature': sign(null, bytes, keys.ed25519).toString('base64'),
    'x-wh-signature': sign('sha256', bytes, keys.rsa).toString('base64'),
  };
}

/** An event with a fresh `webhookId` and `timestamp` (now, unless given). */
export function webhookEvent(fields: Record<string, unknown>): Record<string, unknown> {
  return { timestamp: new Date().toISOString(), webhookId: randomUUID(), ...fields };
}

/** POSTs `body` with `headers` (no bearer token: HighLevel has none). */
export function postWebhook(server: TestServer, body: string, headers: Record<string, string>) {
  return server.call('POST', '/v1/webhooks/highlevel', {
    token: null,
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** Signs `event` with `keys` and posts it. */
export function deliver(
  server: TestServer,
  event: Record<string, unknown>,
  keys: Pick<SigningKeys, 'ed25519' | 'rsa'>,
) {
  const body = JSON.stringify(event);
  return postWebhook(server, body, signatureHeaders(body, keys));
}

export interface ReceivedWebhook {
  webhookId: string;
  type: string;
  locationId: string | null;
  status: string;
  reason: string | null;
  change: Record<string, unknown> | null;
  payload: Record<string, unknown>;
}

/** A page of the workspace's webhooks, as a user lists them. */
export async function listWebhooks(
  server: TestServer,
  workspaceId: string,
  query = '',
): Promise<{ webhooks: ReceivedWebhook[]; nextCursor: string | null }> {
  const res = await server.call('GET', `/v1/workspaces/${workspaceId}/highlevel-webhooks${query}`);
  if (res.status !== 200) throw new Error(`list webhooks: ${res.status} ${res.text}`);
  return JSON.parse(res.text) as { webhooks: ReceivedWebhook[]; nextCursor: string | null };
}

/** The stored row of `webhookId` once its job has settled it (any status but `received`). */
export function settledWebhook(server: TestServer, webhookId: string) {
  return waitFor(
    async () => {
      const row = await server.runtime.database.db
        .selectFrom('highlevel_webhooks')
        .selectAll()
        .where('webhook_id', '=', webhookId)
        .executeTakeFirst();
      return row && row.status !== 'received' ? row : undefined;
    },
    { what: `webhook ${webhookId} processed` },
  );
}
