import { WebhookVerificationError } from './errors.js';
import { parseWebhookEvent, type IncomingWebhookEvent } from './events.js';
import { DEFAULT_WEBHOOK_TOLERANCE_MS, describeDuration, judgeFreshness } from './freshness.js';
import {
  verifyWebhookSignature,
  type WebhookHeaders,
  type WebhookPublicKeys,
} from './signature.js';

export interface VerifyWebhookOptions {
  /** The request body exactly as received. Never re-serialize parsed JSON: bytes would differ. */
  rawBody: string | Uint8Array;
  headers: WebhookHeaders;
  /** Defaults to HighLevel's published keys; pass the emulator's (or a test's) to trust them. */
  publicKeys?: WebhookPublicKeys;
  /** How far `timestamp` may be from now, either way. Default 5 minutes. */
  toleranceMs?: number;
  /** Milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  /**
   * The `webhookId`s already processed (a `Set`, or a lookup in your store). Only read: add the
   * id yourself once the event is handled, so a delivery that failed half-way can be retried.
   */
  seenWebhookIds?: { has(webhookId: string): boolean | Promise<boolean> };
}

/**
 * Checks that a webhook came from HighLevel and is not a replay, and returns the parsed event.
 * In order: the signature over the raw bytes (`x-ghl-signature`, or `x-wh-signature` when the
 * former is absent), the body's shape, `timestamp` within `toleranceMs` of now, and `webhookId`
 * not in `seenWebhookIds`. Throws `WebhookVerificationError` with a `reason` when one fails.
 *
 * HighLevel retries a delivery only when the receiver answers 429, re-sending the same payload
 * 10 minutes later. With the default tolerance those retries arrive stale; if you answer 429 on
 * purpose, widen `toleranceMs` (about 75 minutes covers all six retries) and rely on
 * `seenWebhookIds` against replays.
 * https://help.gohighlevel.com/support/solutions/articles/155000007071-automated-webhook-retries
 *
 * @example
 * const event = await verifyWebhook({ rawBody: await request.text(), headers: request.headers });
 * if (isKnownWebhookEvent(event) && event.type === 'AppointmentCreate') {
 *   await book(event.appointment);
 * }
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<IncomingWebhookEvent> {
  const { rawBody, headers, publicKeys } = options;
  const toleranceMs = options.toleranceMs ?? DEFAULT_WEBHOOK_TOLERANCE_MS;
  verifyWebhookSignature({ rawBody, headers, publicKeys });
  const event = parseWebhookEvent(rawBody);

  const now = (options.now ?? Date.now)();
  const sentAt = Date.parse(event.timestamp);
  const freshness = judgeFreshness(sentAt, now, toleranceMs);
  if (freshness === 'stale') {
    throw new WebhookVerificationError(
      'stale',
      `Webhook ${event.webhookId} has timestamp ${event.timestamp}, ` +
        `${describeDuration(now - sentAt)} before this server's clock ` +
        `(tolerance ${describeDuration(toleranceMs)}). It is a replay or a late retry, or this ` +
        "server's clock runs ahead: if many webhooks fail this way, check NTP.",
    );
  }
  if (freshness === 'from_the_future') {
    throw new WebhookVerificationError(
      'from_the_future',
      `Webhook ${event.webhookId} has timestamp ${event.timestamp}, ` +
        `${describeDuration(sentAt - now)} after this server's clock ` +
        `(tolerance ${describeDuration(toleranceMs)}). This server's clock is probably behind: ` +
        'check NTP.',
    );
  }
  if (options.seenWebhookIds && (await options.seenWebhookIds.has(event.webhookId))) {
    throw new WebhookVerificationError(
      'duplicate',
      `Webhook ${event.webhookId} (${event.type}) was already received: HighLevel retried a ` +
        'delivery you handled, or it was replayed. Answer 2xx without processing it again.',
    );
  }
  return event;
}
