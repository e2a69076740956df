/**
 * Checks a delivery to `POST /v1/webhooks/highlevel` with the client's `verifyWebhook` (the
 * signature over the raw bytes, `x-ghl-signature` first and `x-wh-signature` only without it,
 * then the body's shape and the replay window), once per trusted key until one verifies. Repeat
 * deliveries are not refused here: the webhook store records each `webhookId` once.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import {
  verifyWebhook,
  WebhookVerificationError,
  type IncomingWebhookEvent,
  type WebhookHeaders,
} from '@ghl-bridge/client/webhooks';
import type { WebhookKeyring } from './publicKeys.js';

export interface DeliveryCheckOptions {
  keys: WebhookKeyring;
  /** How far the payload's `timestamp` may be from now, either way. */
  replayWindowMs: number;
  /** Milliseconds since the epoch. */
  now: () => number;
}

/** A delivery as received: the body's exact bytes and the request's headers. */
export type CheckDelivery = (delivery: {
  rawBody: string | Uint8Array;
  headers: WebhookHeaders;
}) => Promise<IncomingWebhookEvent>;

/**
 * A checker for deliveries, with the keys read once. It resolves with the event or throws the
 * client's `WebhookVerificationError`: `signature_mismatch` only when no trusted key of the
 * signature's scheme verifies it.
 *
 * @example
 * const check = deliveryChecker({ keys, replayWindowMs: 300_000, now: Date.now });
 * const event = await check({ rawBody, headers: request.headers });
 */
export function deliveryChecker(options: DeliveryCheckOptions): CheckDelivery {
  const ed25519 = options.keys.ed25519.map((pem) => createPublicKey(pem));
  const rsa = options.keys.rsa.map((pem) => createPublicKey(pem));
  // The client checks one key per scheme and only the scheme of the signature sent, so pairing
  // the i-th key of each kind tries every key of that scheme.
  const keySets: Array<{ ed25519: KeyObject; rsa: KeyObject }> = [];
  for (let i = 0; i < Math.max(ed25519.length, rsa.length); i++) {
    keySets.push({ ed25519: ed25519[i] ?? ed25519[0]!, rsa: rsa[i] ?? rsa[0]! });
  }
  return async ({ rawBody, headers }) => {
    let mismatch: unknown;
    for (const publicKeys of keySets) {
      try {
        return await verifyWebhook({
          rawBody,
          headers,
          publicKeys,
          toleranceMs: options.replayWindowMs,
          now: options.now,
        });
      } catch (error) {
        if (!(error instanceof WebhookVerificationError) || error.reason !== 'signature_mismatch') {
          throw error;
        }
        mismatch = error;
      }
    }
    throw mismatch;
  };
}
