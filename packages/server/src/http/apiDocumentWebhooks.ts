/**
 * The webhooks the bridge sends the booking app (docs/webhooks-out.md), as the document's
 * top-level `webhooks` (OpenAPI 3.1): per event type, the signed POST its endpoints receive, its
 * body the type's schema from `webhooksOut/payloadSchemas.ts`, the one the tests' receiver checks
 * every delivered body against.
 */
import { z } from '@hono/zod-openapi';
import type { signedHeaders } from '../webhooksOut/signing.js';
import {
  DELIVERED_EVENT_TYPES,
  WEBHOOK_EVENTS,
  WEBHOOK_PAYLOADS,
} from '../webhooksOut/payloadSchemas.js';
import type { ApiTag } from './apiDocumentTags.js';
import type { App } from './env.js';

/** The Standard Webhooks headers on every attempt (`webhooksOut/signing.ts`). */
const SignatureHeaders = z.object({
  'webhook-id': z.string().openapi({
    description:
      "The event's id: the same on every retry and replay, and for every endpoint the event goes to. Deduplicate on it.",
    example: 'evt_2rb3aa5tq4ymc7w2rj5x',
  }),
  'webhook-timestamp': z.string().openapi({
    description: 'When this attempt was signed, in seconds since 1970',
    example: '1796137204',
  }),
  'webhook-signature': z.string().openapi({
    description:
      '`v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}">` under the endpoint\'s secret; two, space-separated, for 24 hours after a rotation',
    example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  }),
} satisfies Record<keyof ReturnType<typeof signedHeaders>, z.ZodType>);

const TAG: ApiTag = 'Webhook events';

const VERIFYING =
  'Verify the raw body against the headers before parsing it, with any Standard Webhooks library (docs/webhooks-out.md#headers-and-verifying-them). An endpoint gets the types it lists in `events`; `timestamp` is when the event happened, not when it was sent.';

/**
 * Adds a `webhooks` entry per event type to the app's document.
 *
 * @example registerWebhookEvents(app);
 */
export function registerWebhookEvents(app: App): void {
  for (const type of DELIVERED_EVENT_TYPES) {
    const { summary, when } = WEBHOOK_EVENTS[type];
    app.openAPIRegistry.registerWebhook({
      method: 'post',
      path: type,
      tags: [TAG],
      summary,
      description: `${when}\n\n${VERIFYING}`,
      request: {
        headers: SignatureHeaders,
        body: {
          required: true,
          content: { 'application/json': { schema: WEBHOOK_PAYLOADS[type] } },
        },
      },
      responses: {
        '2XX': {
          description:
            'Taken: any 2xx within 15 seconds. Anything else, a timeout or a refused connection is tried again later, 11 attempts over about 2.5 days (docs/webhooks-out.md#retries); redirects are not followed.',
        },
      },
    });
  }
}
