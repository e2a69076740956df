/**
 * Typed webhook events: the union generated from HighLevel's webhook event docs, and the parser
 * that turns a body into one. Events HighLevel adds after the vendored docs still parse; they are
 * typed `UnrecognizedWebhookEvent` until the client is regenerated.
 */
import {
  webhookEventTypes,
  type WebhookDeliveryFields,
  type WebhookEventsByType,
} from '../generated/webhook-events.js';
import { WebhookVerificationError } from './errors.js';

/** The `type` of every event in HighLevel's webhook docs (`ContactCreate`, `INSTALL`, …). */
export type WebhookEventType = keyof WebhookEventsByType;

/** Any documented webhook event; `switch (event.type)` narrows it to one. */
export type WebhookEvent = WebhookEventsByType[WebhookEventType];

/**
 * The event delivered with `type` T.
 *
 * @example
 * function onBooked(event: WebhookEventOf<'AppointmentCreate'>) {
 *   return event.appointment?.startTime;
 * }
 */
export type WebhookEventOf<T extends WebhookEventType> = WebhookEventsByType[T];

/** An event whose `type` this client has no schema for (HighLevel adds events over time). */
export interface UnrecognizedWebhookEvent extends WebhookDeliveryFields {
  type: string;
  locationId?: string;
  [field: string]: unknown;
}

/**
 * What a delivery parses to. Narrow it with `isKnownWebhookEvent` before switching on `type`:
 * TypeScript cannot narrow a union that also holds `type: string`.
 */
export type IncomingWebhookEvent = WebhookEvent | UnrecognizedWebhookEvent;

const knownTypes: ReadonlySet<string> = new Set(webhookEventTypes);

/**
 * True when `type` is one of the documented event types.
 *
 * @example
 * isWebhookEventType('ContactCreate'); // true
 * isWebhookEventType('VoiceAiCallEnd'); // false: not in the vendored docs
 */
export function isWebhookEventType(type: string): type is WebhookEventType {
  return knownTypes.has(type);
}

/**
 * True when the event's `type` is documented, narrowing it to `WebhookEvent`.
 *
 * @example
 * const event = parseWebhookEvent(body);
 * if (isKnownWebhookEvent(event) && event.type === 'ContactCreate') console.log(event.email);
 */
export function isKnownWebhookEvent(event: IncomingWebhookEvent): event is WebhookEvent {
  return isWebhookEventType(event.type);
}

function malformed(problem: string, cause?: unknown): WebhookVerificationError {
  return new WebhookVerificationError(
    'malformed_payload',
    `The webhook body ${problem}. HighLevel sends a JSON object with string "type", ` +
      '"timestamp" (ISO 8601) and "webhookId"; check that this is the unmodified body of a ' +
      'HighLevel webhook.',
    { cause },
  );
}

/**
 * Parses a webhook body WITHOUT checking its signature, for input that is already trusted (a
 * body verified earlier and queued, a test fixture). For requests, use `verifyWebhook`.
 * Throws `WebhookVerificationError` (`malformed_payload`) when the body is not an event.
 *
 * @example
 * const event = parseWebhookEvent(queuedBody);
 * if (isKnownWebhookEvent(event) && event.type === 'ContactTagUpdate') syncTags(event.tags);
 */
export function parseWebhookEvent(json: string | Uint8Array): IncomingWebhookEvent {
  const text = typeof json === 'string' ? json : new TextDecoder().decode(json);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw malformed(`is not JSON (${(cause as Error).message})`, cause);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw malformed('is not a JSON object');
  }
  const event = value as Record<string, unknown>;
  for (const field of ['type', 'timestamp', 'webhookId'] as const) {
    if (typeof event[field] !== 'string' || event[field] === '') {
      throw malformed(`has no string "${field}"`);
    }
  }
  if (Number.isNaN(Date.parse(event.timestamp as string))) {
    throw malformed(`has a "timestamp" that is not a date (${JSON.stringify(event.timestamp)})`);
  }
  return event as unknown as IncomingWebhookEvent;
}
