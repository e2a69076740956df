/**
 * Webhooks as HighLevel sends them: signing keys, event payloads and delivery with retries.
 *
 * @example
 * const keys = createWebhookKeys();
 * const delivery = createWebhookDelivery({ fetch, clock, keys });
 * await delivery.deliver(url, contactEvent('ContactCreate', contact, stampDelivery(clock)));
 */
export {
  createWebhookKeys,
  signWebhook,
  type WebhookKeys,
  type WebhookSignatureHeaders,
} from './keys.js';
export {
  createWebhookDelivery,
  type DeliveryLogEntry,
  type WebhookDelivery,
  type WebhookDeliveryOptions,
} from './delivery.js';
export {
  decideAfterAttempt,
  WEBHOOK_MAX_RETRIES,
  WEBHOOK_RETRY_INTERVAL_MS,
  WEBHOOK_RETRY_JITTER_MS,
  type AttemptOutcome,
  type DeliveryDecision,
} from './retry.js';
export * from './payloads.js';
