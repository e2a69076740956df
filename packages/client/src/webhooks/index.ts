/**
 * `@ghl-bridge/client/webhooks`: verify HighLevel webhooks and get typed events.
 *
 * @example
 * import { verifyWebhook, isKnownWebhookEvent } from '@ghl-bridge/client/webhooks';
 *
 * const event = await verifyWebhook({ rawBody, headers, seenWebhookIds });
 * if (isKnownWebhookEvent(event)) {
 *   switch (event.type) {
 *     case 'ContactCreate': // event is ContactCreateEvent
 *   }
 * }
 */
export { verifyWebhook, type VerifyWebhookOptions } from './verify.js';
export {
  verifyWebhookSignature,
  type SignatureScheme,
  type WebhookHeaders,
  type WebhookPublicKeys,
} from './signature.js';
export {
  parseWebhookEvent,
  isKnownWebhookEvent,
  isWebhookEventType,
  type IncomingWebhookEvent,
  type UnrecognizedWebhookEvent,
  type WebhookEvent,
  type WebhookEventOf,
  type WebhookEventType,
} from './events.js';
export { WebhookVerificationError, type WebhookRejection } from './errors.js';
export { DEFAULT_WEBHOOK_TOLERANCE_MS } from './freshness.js';
export {
  HIGHLEVEL_ED25519_PUBLIC_KEY,
  HIGHLEVEL_RSA_PUBLIC_KEY,
  HIGHLEVEL_WEBHOOK_PUBLIC_KEYS,
} from './keys.js';
export { webhookEventTypes } from '../generated/webhook-events.js';
export type * from '../generated/webhook-events.js';
