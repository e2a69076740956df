/**
 * Sends every event the routes announce to its recipients as signed webhooks, through
 * `delivery.ts` (retried only after a 429, like HighLevel). Keys are made on first
 * use: generating RSA keys takes tens of milliseconds, and most emulators never send a webhook.
 */
import type { Runtime } from '../runtime.js';
import {
  deliveryFate,
  NO_WEBHOOK_FAULTS,
  seededRandom,
  type WebhookFaults,
} from './core/deliveryFaults.js';
import type { EmulatorEvent } from './core/emulatorEvent.js';
import { webhookPayload } from './core/eventPayload.js';
import { stampDelivery } from './core/stamp.js';
import { createWebhookDelivery, type DeliveryLogEntry, type WebhookDelivery } from './delivery.js';
import { createWebhookKeys, type WebhookKeys } from './keys.js';
import { webhookRecipients } from './recipients.js';

export interface WebhookDispatchOptions {
  /** How webhooks are POSTed; default the global `fetch`. Tests pass a receiver here. */
  fetch?: typeof globalThis.fetch;
  /** Signing keys; default a pair made once per process. */
  keys?: WebhookKeys;
}

let processKeys: WebhookKeys | undefined;

/**
 * The emulator's webhook sender: `onEvent` (an `emit` listener) delivers each event to its
 * recipients; the rest serves the control API.
 */
export function createWebhookDispatcher(rt: Runtime, options: WebhookDispatchOptions = {}) {
  let keys = options.keys;
  let delivery: WebhookDelivery | undefined;
  let faults: WebhookFaults = NO_WEBHOOK_FAULTS;
  let faultRandom: () => number = rt.random;
  const signingKeys = () => (keys ??= processKeys ??= createWebhookKeys());
  const sender = () =>
    (delivery ??= createWebhookDelivery({
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      clock: rt.clock,
      keys: signingKeys(),
      random: rt.random,
    }));

  return {
    /** The `emit` listener: one delivery per recipient, each with its own `webhookId`. */
    onEvent(event: EmulatorEvent): void {
      for (const url of webhookRecipients(rt.state, event)) {
        const payload = webhookPayload(event, stampDelivery(rt.clock));
        if (!payload) return;
        const fate = deliveryFate(faults, faultRandom);
        void sender().deliver(url, payload as { type: string; webhookId: string }, fate);
      }
    },
    /** Drops and delays from now on; a `seed` restarts their random sequence. */
    setFaults(settings: WebhookFaults): void {
      faults = { ...settings };
      faultRandom = settings.seed === null ? rt.random : seededRandom(settings.seed);
    },
    faults: (): WebhookFaults => ({ ...faults }),
    /** The public halves, PEM, as `verifyWebhook({ publicKeys })` takes them. */
    publicKeys: () => ({ ...signingKeys().publicKeys }),
    deliveries: (): DeliveryLogEntry[] => delivery?.log() ?? [],
    clearDeliveries: () => delivery?.clearLog(),
    /** Resolves once no delivery is pending, 429 retries included. */
    idle: () => delivery?.idle() ?? Promise.resolve(),
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
