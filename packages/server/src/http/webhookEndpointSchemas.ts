/** Shapes of the webhook endpoint routes (`/v1/workspaces/{ws}/webhook-endpoints…`). */
import { z } from '@hono/zod-openapi';
import { WEBHOOK_EVENT_TYPES } from '../webhooksOut/core/eventTypes.js';
import { DELIVERY_STATUSES } from '../webhooksOut/deliveryStore.js';
import { WebhookPayloadSchema } from '../webhooksOut/payloadSchemas.js';
import { HttpError, validationFailed } from './httpError.js';
import { WorkspaceParams } from './schemas.js';
import { webhookUrlProblem } from '../webhooksOut/urlGuard.js';

export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES).openapi('WebhookEventType', {
  description:
    "What happened (docs/webhooks-out.md#events; each type's body is under `webhooks`). `appointment.*`, `contact.updated`, `contact.deleted`, `note.*` and `task.*` are emitted from changes made in HighLevel; `contact.sync_failed` when a contact, note or task the app sent cannot be written to HighLevel (docs/contacts.md); `voice.confirmation_failed` when a confirmation to a caller cannot be sent (docs/vapi.md#confirmations); `voice.handoff` when a voice call is handed to a person (docs/vapi.md#handoff-and-alerts).",
});

const url = z
  .string()
  .trim()
  .min(1, 'expected the URL the booking app receives webhooks at')
  .max(2000, 'expected at most 2000 characters')
  .openapi({
    description:
      'https, on a public address (private, loopback and link-local ones are refused unless the server sets GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE=true, which also allows http)',
    example: 'https://app.example.com/webhooks/ghl-bridge',
  });

const events = z
  .array(WebhookEventTypeSchema)
  .min(1, 'expected at least one event type')
  .max(WEBHOOK_EVENT_TYPES.length)
  .openapi({ example: ['booking.synced', 'booking.sync_failed'] });

const description = z
  .string()
  .trim()
  .max(500, 'expected at most 500 characters')
  .nullable()
  .openapi({ example: 'Salon app, production' });

export const CreateWebhookEndpointBody = z
  .object({
    url,
    events,
    description: description.optional(),
    enabled: z.boolean().default(true),
  })
  .strict()
  .openapi('CreateWebhookEndpoint');

export const UpdateWebhookEndpointBody = z
  .object({
    url: url.optional(),
    events: events.optional(),
    description: description.optional(),
    enabled: z.boolean().optional().openapi({
      description:
        'false stops deliveries: the pending ones are failed (replay them once enabled again)',
    }),
  })
  .strict()
  .openapi('UpdateWebhookEndpoint');

export const WebhookEndpointSchema = z
  .object({
    id: z.string().openapi({ example: 'whep_k3n2q4ymc7w2rj5x2rb3' }),
    url: z.string(),
    events: z.array(z.string()),
    description: z.string().nullable(),
    enabled: z.boolean(),
    previousSecretExpiresAt: z.string().nullable().openapi({
      format: 'date-time',
      description:
        'After a rotation: until when the previous secret still signs beside the new one (24 hours)',
    }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('WebhookEndpoint');

export const secretField = z.string().openapi({
  description:
    'The signing secret (Standard Webhooks `whsec_…`): shown in this response only; stored encrypted',
  example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
});

export const EndpointParams = WorkspaceParams.extend({
  endpointId: z.string().openapi({ param: { name: 'endpointId', in: 'path' } }),
});

export const DeliveryParams = EndpointParams.extend({
  deliveryId: z.string().openapi({ param: { name: 'deliveryId', in: 'path' } }),
});

export const WebhookDeliverySchema = z
  .object({
    id: z.string().openapi({ example: 'whd_q4ymc7w2rj5x2rb3aa5t' }),
    endpointId: z.string(),
    eventId: z.string().openapi({
      description: 'The `webhook-id` header of every attempt and replay: deduplicate on it',
      example: 'evt_2rb3aa5tq4ymc7w2rj5x',
    }),
    type: z.string().openapi({ example: 'booking.synced' }),
    payload: WebhookPayloadSchema,
    status: z.enum(DELIVERY_STATUSES).openapi({
      description:
        '`pending` until a 2xx (`delivered`) or the retry schedule is used up, about 2.5 days (`failed`)',
    }),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable().openapi({ format: 'date-time' }),
    lastStatus: z.number().int().nullable().openapi({
      description: "The endpoint's HTTP status on the last attempt; null when it did not answer",
    }),
    lastError: z.string().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('WebhookDelivery');

/**
 * A 422 on `url` when it is not one webhooks may go to (`webhooksOut/urlGuard.ts`).
 *
 * @example await checkWebhookUrl(body.url, deps.webhooksAllowPrivate ?? false);
 */
export async function checkWebhookUrl(value: string, allowPrivate: boolean): Promise<void> {
  const problem = await webhookUrlProblem(value, { allowPrivate });
  if (problem) throw validationFailed([{ path: ['url'], message: problem }]);
}

/** The 404 for an endpoint that is not the workspace's. */
export function endpointNotFound(endpointId: string): HttpError {
  return new HttpError(
    404,
    'webhook_endpoint_not_found',
    `There is no webhook endpoint ${endpointId} in this workspace; GET /v1/workspaces/:ws/webhook-endpoints lists them.`,
  );
}
