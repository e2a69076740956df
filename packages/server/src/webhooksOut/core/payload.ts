/**
 * The body of every webhook, in the shape Standard Webhooks recommends: `{type, timestamp, data}`
 * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#payload-structure).
 * The event's id is not in the body: it is the `webhook-id` header.
 */
import type { DeliveredEventType, WebhookEventType } from './eventTypes.js';

export interface WebhookPayload {
  type: DeliveredEventType;
  /** When the event happened (ISO 8601), not when it was sent. */
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * @example webhookPayload('booking.synced', { bookingId: 'bk_1' }, new Date())
 * // { type: 'booking.synced', timestamp: '2026-…Z', data: { bookingId: 'bk_1' } }
 */
export function webhookPayload(
  type: DeliveredEventType,
  data: Record<string, unknown>,
  at: Date,
): WebhookPayload {
  return { type, timestamp: at.toISOString(), data };
}

/**
 * The endpoints of `endpoints` (the enabled ones) an event of `type` goes to: those subscribed.
 *
 * @example subscribedEndpoints([{ id: 'whep_1', events: ['booking.synced'] }], 'booking.synced') // [{ id: 'whep_1', … }]
 */
export function subscribedEndpoints<T extends { events: readonly string[] }>(
  endpoints: readonly T[],
  type: WebhookEventType,
): T[] {
  return endpoints.filter((endpoint) => endpoint.events.includes(type));
}
