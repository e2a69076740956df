/**
 * Webhooks through the control API: a URL per Location (for private-integration users; apps
 * have theirs from `registerApp`), the public keys to verify signatures with, the delivery log,
 * and a way for in-process tests to wait until every delivery has settled.
 */
import type { Runtime } from '../runtime.js';
import type { WebhookDispatcher } from '../webhooks/dispatcher.js';
import type { WebhookSubscriptionRecord } from '../webhooks/model.js';
import { ControlError } from './controlError.js';
import { knownLocation } from './knownLocation.js';

/** The webhook part of the control surface, over the emulator's webhook dispatcher. */
export function webhooksControl(rt: Runtime, webhooks: WebhookDispatcher) {
  return {
    /** Sends the Location's events (or only `events`) to `url`, replacing any URL it had. */
    setWebhook(
      locationId: string,
      input: { url: string; events?: string[] | null },
    ): WebhookSubscriptionRecord {
      knownLocation(rt, locationId);
      if (typeof input.url !== 'string' || !URL.canParse(input.url)) {
        throw new ControlError(
          422,
          'invalid_webhook',
          'Send { locationId, url, events? } with an absolute url',
        );
      }
      const subscription = { locationId, url: input.url, events: input.events ?? null };
      rt.state.webhookSubscriptions[locationId] = subscription;
      return { ...subscription };
    },

    removeWebhook(locationId: string): void {
      delete rt.state.webhookSubscriptions[locationId];
    },

    /** The public halves of the signing keys (PEM): `verifyWebhook({ publicKeys })`. */
    webhookKeys: () => webhooks.publicKeys(),

    /** Every delivery so far: URL, event, attempts, state, last status. */
    webhookDeliveries: () => webhooks.deliveries(),

    /** Resolves when no webhook delivery is pending (429 retries wait on the emulator clock). */
    webhooksIdle: () => webhooks.idle(),
  };
}
