/**
 * The events a webhook endpoint can subscribe to: a fixed list, documented with their payloads in
 * docs/webhooks-out.md. The HighLevel-side ones (`appointment.*`, `contact.*`, `note.created`,
 * `task.*`) come from the webhooks HighLevel sends (highlevelWebhooks/core/appEvent.ts);
 * `contact.sync_failed` from the app's own contacts, notes and tasks (appRecords/syncFailed.ts);
 * `voice.confirmation_failed` from the confirmations sent to callers (voice/confirmations/);
 * `voice.handoff` when a voice call is handed to a person (voice/handoff/).
 */
export const WEBHOOK_EVENT_TYPES = [
  'booking.synced',
  'booking.sync_failed',
  'connection.needs_attention',
  'appointment.created',
  'appointment.updated',
  'appointment.cancelled',
  'contact.updated',
  'contact.deleted',
  'note.created',
  'note.updated',
  'note.deleted',
  'task.created',
  'task.completed',
  'task.deleted',
  'contact.sync_failed',
  'voice.confirmation_failed',
  'voice.handoff',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * True for a name on the list.
 *
 * @example isWebhookEventType('booking.synced') // true
 */
export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * The event a trigger subscription sends its new and changed items as (docs/triggers.md): only to
 * the endpoint the subscription names, so it is not on the list endpoints subscribe to.
 */
export const TRIGGER_ITEM_EVENT = 'trigger.item';

/** Every event type a delivery can carry. */
export type DeliveredEventType = WebhookEventType | typeof TRIGGER_ITEM_EVENT;
