import { randomUUID } from 'node:crypto';
import type { Clock } from '@ghl-bridge/client';

/**
 * What HighLevel adds to every delivery: when it was sent, and an id that stays the same on
 * retries so receivers can deduplicate
 * (https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/WebhookAuthentication.md).
 */
export interface DeliveryStamp {
  timestamp: string;
  webhookId: string;
}

/**
 * A stamp for a new event: the clock's time as ISO 8601 and a fresh unique id.
 *
 * @example
 * const event = contactEvent('ContactCreate', contact, stampDelivery(clock));
 */
export function stampDelivery(
  clock: Pick<Clock, 'now'>,
  newWebhookId: () => string = randomUUID,
): DeliveryStamp {
  return { timestamp: new Date(clock.now()).toISOString(), webhookId: newWebhookId() };
}

/** Drops `null` and `undefined` fields: HighLevel's payloads leave unknown fields out. */
export function compact<T extends Record<string, unknown>>(
  value: T,
): { [K in keyof T]: Exclude<T[K], null> } {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
  return Object.fromEntries(entries) as { [K in keyof T]: Exclude<T[K], null> };
}
