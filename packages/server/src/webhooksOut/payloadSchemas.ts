/**
 * The body of every webhook the bridge sends, `{type, timestamp, data}` (`core/payload.ts`): one
 * schema per event type, named after it (`booking.sync_failed` → `BookingSyncFailedEvent` with its
 * `BookingSyncFailedData`), and their union, which a delivery's `payload` is. /openapi.json shows
 * them under `webhooks` and in `WebhookDelivery`, with the words below.
 */
import { z } from '@hono/zod-openapi';
import type { DeliveredEventType } from './core/eventTypes.js';
import {
  BookingSyncedData,
  BookingSyncFailedData,
  ConnectionNeedsAttentionData,
  ContactSyncFailedData,
  TriggerItemData,
  VoiceConfirmationFailedData,
  VoiceHandoffData,
} from './eventSchemas.js';
import { HIGHLEVEL_CHANGE_DATA as changed } from './highLevelChangeSchemas.js';

/** A change made in HighLevel that `type` tells: `what` happened, `in HighLevel`. */
function inHighLevel<T extends keyof typeof changed>(type: T, what: string) {
  return {
    summary: `${what} in HighLevel`,
    when: `${what} in HighLevel (by staff, a workflow, or the bridge's own voice bookings), told once per change whether HighLevel's webhook or the reconciliation poll saw it first. The bridge's own writes are not told.`,
    data: changed[type],
  };
}

/** Each event type: what it tells, when it is sent, and what its `data` carries. */
export const WEBHOOK_EVENTS = {
  'booking.synced': {
    summary: 'A booking synced to HighLevel',
    when: 'A booking version is in HighLevel: its contact written, tags and note applied',
    data: BookingSyncedData,
  },
  'booking.sync_failed': {
    summary: "A booking's sync failed for good",
    when: "A booking's sync failed for good: HighLevel refused it, the credentials do not work, or the retries ran out",
    data: BookingSyncFailedData,
  },
  'connection.needs_attention': {
    summary: 'The HighLevel connection needs attention',
    when: 'The GoHighLevel connection got a new `lastError`: a check or a sync found the key refused, revoked or unreadable. The same error again is not told again.',
    data: ConnectionNeedsAttentionData,
  },
  'appointment.created': inHighLevel('appointment.created', 'An appointment booked'),
  'appointment.updated': inHighLevel('appointment.updated', 'An appointment changed'),
  'appointment.cancelled': inHighLevel(
    'appointment.cancelled',
    'An appointment cancelled or deleted',
  ),
  'contact.updated': inHighLevel('contact.updated', 'A contact changed'),
  'contact.deleted': inHighLevel('contact.deleted', 'A contact deleted'),
  'note.created': inHighLevel('note.created', 'A note added'),
  'note.updated': inHighLevel('note.updated', 'A note changed'),
  'note.deleted': inHighLevel('note.deleted', 'A note deleted'),
  'task.created': inHighLevel('task.created', 'A task added'),
  'task.completed': inHighLevel('task.completed', 'A task completed'),
  'task.deleted': inHighLevel('task.deleted', 'A task deleted'),
  'contact.sync_failed': {
    summary: 'A contact, note or task could not be written to HighLevel',
    when: 'A contact, note or task the app sent could not be written to HighLevel for good: HighLevel refused it, the connection is gone, or the retries ran out',
    data: ContactSyncFailedData,
  },
  'voice.confirmation_failed': {
    summary: 'A confirmation to a caller could not be sent',
    when: 'A confirmation to a caller after a voice booking, move or cancellation could not be sent for good: HighLevel refused it or the retries ran out',
    data: VoiceConfirmationFailedData,
  },
  'voice.handoff': {
    summary: 'A voice call handed to a person',
    when: 'A voice call was handed to a person: the caller asked, the tools failed repeatedly, or a booking could not be confirmed. Once per call.',
    data: VoiceHandoffData,
  },
  'trigger.item': {
    summary: 'An item a trigger subscription found new or changed',
    when: 'An item a trigger subscription found new or changed (docs/triggers.md). Sent only to the endpoint the subscription names; never listed in `events`.',
    data: TriggerItemData,
  },
} satisfies Record<DeliveredEventType, { summary: string; when: string; data: z.ZodType }>;

type Events = typeof WEBHOOK_EVENTS;

/** The body of a webhook of type `T`. */
export type PayloadSchema<T extends DeliveredEventType> = z.ZodObject<{
  type: z.ZodLiteral<T>;
  timestamp: z.ZodISODateTime;
  data: Events[T]['data'];
}>;

/**
 * The schema name of a type's parts: `booking.sync_failed` → `BookingSyncFailed`.
 *
 * @example schemaName('voice.handoff') // 'VoiceHandoff'
 */
export function schemaName(type: DeliveredEventType): string {
  return type
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function payloadSchema<T extends DeliveredEventType>(type: T): PayloadSchema<T> {
  const { when, data } = WEBHOOK_EVENTS[type];
  const name = schemaName(type);
  return z
    .object({
      type: z.literal(type),
      timestamp: z.iso.datetime().openapi({
        description: 'When it happened (ISO 8601), not when it was sent',
        example: '2026-12-01T15:00:04.120Z',
      }),
      data: (data as z.ZodType).openapi(`${name}Data`),
    })
    .openapi(`${name}Event`, { description: when }) as unknown as PayloadSchema<T>;
}

/** Every event type, in the order the document lists them. */
export const DELIVERED_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as DeliveredEventType[];

/**
 * The body of each event type.
 *
 * @example WEBHOOK_PAYLOADS['booking.synced'].parse(JSON.parse(body));
 */
export const WEBHOOK_PAYLOADS = Object.fromEntries(
  DELIVERED_EVENT_TYPES.map((type) => [type, payloadSchema(type)]),
) as { [T in DeliveredEventType]: PayloadSchema<T> };

type AnyPayloadSchema = { [T in DeliveredEventType]: PayloadSchema<T> }[DeliveredEventType];

/**
 * Any webhook's body, told apart by `type`.
 *
 * @example const event = WebhookPayloadSchema.parse(JSON.parse(body)); // event.data as its type says
 */
export const WebhookPayloadSchema = z
  .discriminatedUnion(
    'type',
    Object.values(WEBHOOK_PAYLOADS) as [AnyPayloadSchema, ...AnyPayloadSchema[]],
  )
  .openapi('WebhookPayload', {
    description:
      'The body of a webhook: `{type, timestamp, data}`, its `data` as its `type` says (docs/webhooks-out.md#events)',
  });

/** A webhook's body, as its type's schema says it is. */
export type SentWebhookPayload = z.infer<typeof WebhookPayloadSchema>;
