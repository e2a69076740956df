/**
 * What the webhooks the bridge sends carry in `data` (docs/webhooks-out.md#events), one schema a
 * type: /openapi.json documents them (`webhooks`, `WebhookDelivery.payload`) and the tests' webhook
 * receiver checks every body it gets against them. The changes made in HighLevel are in
 * `highLevelChangeSchemas.ts`, the `{type, timestamp, data}` envelopes in `payloadSchemas.ts`.
 * The emitters build `data` themselves; `eventSchemas.test.ts` ties each schema to the types and
 * functions they build it from, so the two cannot drift apart.
 */
import { z } from '@hono/zod-openapi';
import { BOOKING_STATUSES } from '../bookingSync/core/bookingEvent.js';
import { CHANGE_KINDS } from '../voice/confirmations/core/change.js';
import { CONFIRMATION_CHANNELS } from '../voice/core/settings.js';

/** Why a booking's sync failed for good (`bookingSync/syncJobStore.ts`'s `FailureKind`). */
export const FAILURE_KINDS = ['credentials', 'rejected', 'exhausted'] as const;

/** Why a voice call was handed to a person (`voice/core/outcomes.ts`'s `HandoffReason`). */
export const HANDOFF_REASONS = ['caller_asked', 'repeated_failures', 'unconfirmed'] as const;

const workspaceId = z
  .string()
  .openapi({ description: 'The workspace it happened in', example: 'ws_q4ymc7w2rj5x2rb3aa5t' });

const inWords = (what: string) =>
  z.string().openapi({ description: `${what}, in words (with HighLevel's own, when it said why)` });

const bookingSync = {
  workspaceId,
  bookingId: z.string().openapi({ description: "The booking app's id", example: 'bk_1042' }),
  version: z.number().int().openapi({ description: 'The booking version synced', example: 2 }),
  bookingStatus: z.enum(BOOKING_STATUSES),
  customerKey: z.string().openapi({
    description: "Whose booking it is: the customer's email, else their phone (E.164)",
    example: 'ada@example.com',
  }),
  syncJobId: z.string().openapi({
    description: 'The sync job (GET …/bookings/{bookingId}/timeline shows its steps)',
    example: 'sj_k3n2q4ymc7w2rj5x2rb3',
  }),
};

export const BookingSyncedData = z.object({
  ...bookingSync,
  highLevelContactId: z.string().nullable().openapi({
    description: "The customer's HighLevel contact, written with the booking's tags and note",
    example: '9NkT25Vor1v4aQatFsv2',
  }),
});

export const BookingSyncFailedData = z.object({
  ...bookingSync,
  reason: inWords('Why the sync failed'),
  failureKind: z.enum(FAILURE_KINDS).openapi({
    description:
      "`credentials`: the connection's key does not work; `rejected`: HighLevel refused the contact; `exhausted`: the retries ran out",
  }),
});

export const ConnectionNeedsAttentionData = z.object({
  workspaceId,
  locationId: z.string().openapi({ description: 'The connected HighLevel Location' }),
  status: z.literal('needs_attention'),
  lastError: inWords('What a check or a sync found wrong with the key'),
});

/** What every `contact.sync_failed` carries, whichever record failed. */
const recordFailed = {
  workspaceId,
  externalId: z
    .string()
    .openapi({ description: "The app's id of the contact", example: 'cust_42' }),
  version: z.number().int().openapi({ description: "The app's version of the record that failed" }),
  error: inWords('Why HighLevel did not take it'),
};

const itemId = (kind: 'note' | 'task') =>
  z.string().openapi({ description: `The app's id of the ${kind}` });
const deleted = z.boolean().openapi({ description: 'True: its deletion is what failed' });

export const ContactSyncFailedData = z
  .discriminatedUnion('record', [
    z.object({ ...recordFailed, record: z.literal('contact') }),
    z.object({ ...recordFailed, record: z.literal('note'), noteId: itemId('note'), deleted }),
    z.object({ ...recordFailed, record: z.literal('task'), taskId: itemId('task'), deleted }),
  ])
  .openapi({ description: 'The contact, or one of its notes or tasks (docs/contacts.md)' });

export const VoiceConfirmationFailedData = z.object({
  workspaceId,
  appointmentId: z.string().openapi({ description: 'The HighLevel appointment' }),
  contactId: z.string().openapi({ description: "The caller's HighLevel contact" }),
  change: z.enum(CHANGE_KINDS).openapi({ description: 'What the confirmation was about' }),
  channel: z.enum(CONFIRMATION_CHANNELS),
  confirmationId: z.string().openapi({ description: 'As GET …/voice/confirmations lists it' }),
  error: inWords('Why it could not be sent'),
});

export const VoiceHandoffData = z.object({
  workspaceId,
  callId: z.string().openapi({ description: "Vapi's call id", example: 'call_8f2a' }),
  reason: z.enum(HANDOFF_REASONS),
  detail: z
    .string()
    .nullable()
    .openapi({ description: 'What the caller asked for, or what failed' }),
  transferred: z.boolean().openapi({
    description: 'True: the call was put through; false: someone has to call the caller back',
  }),
  callerNumber: z.string().nullable().openapi({ description: 'E.164, when it could be read' }),
  contactId: z.string().nullable().openapi({ description: "The caller's HighLevel contact" }),
  auditUrl: z.string().openapi({
    description: "The call's audit trail (GET /v1/workspaces/{ws}/voice/calls/{callId})",
  }),
});

export const TriggerItemData = z.object({
  subscriptionId: z.string().openapi({ example: 'trg_x2rb3aa5tq4ymc7w2rj5' }),
  trigger: z
    .string()
    .openapi({ description: 'The catalogue trigger', example: 'get-contact-tasks' }),
  change: z.enum(['new', 'changed']).openapi({
    description: '`new`: an item the last poll did not see; `changed`: its change marker moved',
  }),
  // Always sent: `nonoptional` makes it required, whatever JSON it is.
  item: z.unknown().nonoptional().openapi({
    description:
      "The item as HighLevel answered it (the trigger's `output` schema in GET /v1/catalogue); a file as `{ file: { sha256, length } }`",
  }),
});
