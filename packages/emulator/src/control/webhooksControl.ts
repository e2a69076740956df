/**
 * Webhooks through the control API: a URL per Location (for private-integration users; apps
 * have theirs from `registerApp`), the public keys to verify signatures with, the delivery log,
 * deliveries lost or held back on purpose, and a way for in-process tests to wait until every
 * delivery has settled.
 */
import type { Runtime } from '../runtime.js';
import {
  NO_WEBHOOK_FAULTS,
  webhookFaultsOf,
  type WebhookFaults,
} from '../webhooks/core/deliveryFaults.js';
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

    /** Every delivery so far: URL, event, attempts, state (`dropped` too), last status. */
    webhookDeliveries: () => webhooks.deliveries(),

    /**
     * From now on, never sends `dropRate` of the deliveries (logged as `dropped`) and holds back
     * `delayRate` of the others for `delayMs`..`maxDelayMs`; `seed` makes the choice repeatable.
     * Fields left out take their defaults (none of either).
     */
    setWebhookFaults(input: Partial<WebhookFaults>): WebhookFaults {
      const parsed = webhookFaultsOf(input);
      if ('problems' in parsed) {
        throw new ControlError(422, 'invalid_webhook_faults', parsed.problems.join('; '));
      }
      webhooks.setFaults(parsed.faults);
      return parsed.faults;
    },

    /** The drop and delay settings in force. */
    webhookFaults: (): WebhookFaults => webhooks.faults(),

    /** Every delivery sent again, at once. */
    clearWebhookFaults(): void {
      webhooks.setFaults(NO_WEBHOOK_FAULTS);
    },

    /** Resolves when no webhook delivery is pending (429 retries wait on the emulator clock). */
    webhooksIdle: () => webhooks.idle(),
  };
}
