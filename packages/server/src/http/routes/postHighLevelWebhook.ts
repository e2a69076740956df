/**
 * `POST /v1/webhooks/highlevel`: the webhook URL to give HighLevel. A delivery is checked against
 * its signature over the raw body, so this route runs before the API's JSON and authentication
 * layers, like Vapi's. A good one is stored once per `webhookId` and processed by a queue job:
 * 200 `{webhookId, duplicate}` as soon as it is stored. A bad signature or a stale `timestamp` is
 * a 401, a body that is not an event a 400.
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  DEFAULT_WEBHOOK_TOLERANCE_MS,
  WebhookVerificationError,
  type IncomingWebhookEvent,
} from '@ghl-bridge/client/webhooks';
import { HIGHLEVEL_WEBHOOK_KEYRING } from '../../highlevelWebhooks/publicKeys.js';
import { deliveryChecker, type CheckDelivery } from '../../highlevelWebhooks/verifyDelivery.js';
import { recordReceivedWebhook } from '../../highlevelWebhooks/webhookStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { HttpError } from '../httpError.js';
import { errorResponses, ErrorSchema } from '../schemas.js';

const PATH = '/v1/webhooks/highlevel';

const SignatureHeaders = z.object({
  'x-ghl-signature': z.string().optional().openapi({
    description: 'Ed25519 signature of the raw body, base64; checked whenever it is present',
  }),
  'x-wh-signature': z.string().optional().openapi({
    description:
      'Legacy RSA-SHA256 signature of the raw body, base64; checked only without x-ghl-signature',
  }),
});

const HighLevelWebhookEvent = z
  .object({
    type: z.string().openapi({ example: 'AppointmentUpdate' }),
    locationId: z.string().optional().openapi({ example: 've9EPM428h8vShlRW1KT' }),
    timestamp: z.string().openapi({ format: 'date-time', description: 'When HighLevel sent it' }),
    webhookId: z.string().openapi({ description: 'The same on every retry: recorded once' }),
  })
  .catchall(z.unknown())
  .openapi('HighLevelWebhookEvent', {
    description:
      "An event as HighLevel sends it: `type`, `locationId`, `timestamp`, `webhookId` and the event's own fields (https://marketplace.gohighlevel.com/docs/category/webhook)",
  });

const refusal = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

const route = createRoute({
  method: 'post',
  path: PATH,
  summary:
    "HighLevel's webhook URL: signed events, recorded once each and processed in the background",
  description:
    "Authenticated by HighLevel's signature of the raw body (x-ghl-signature, else x-wh-signature) with the keys of GHL_WEBHOOK_PUBLIC_KEYS, not a bridge API key. See the workspace's events with GET /v1/workspaces/{ws}/highlevel-webhooks.",
  request: {
    headers: SignatureHeaders,
    body: { required: true, content: { 'application/json': { schema: HighLevelWebhookEvent } } },
  },
  responses: {
    200: {
      description: 'Stored (or stored before: `duplicate`), to be processed by a job',
      content: {
        'application/json': {
          schema: z
            .object({
              webhookId: z.string(),
              duplicate: z.boolean().openapi({
                description: 'True when this webhookId was already received; recorded once',
              }),
            })
            .openapi('HighLevelWebhookReceipt'),
        },
      },
    },
    400: refusal('`invalid_json`, `invalid_webhook`: the signed body is not a HighLevel event'),
    401: refusal(
      '`missing_signature`, `bad_signature`, `stale_webhook`: not signed by a trusted key, or its timestamp is outside the replay window',
    ),
    ...errorResponses(413),
    503: refusal('`database_unavailable`: the event could not be stored'),
  },
});

function refused(error: WebhookVerificationError, replayWindowMs: number): HttpError {
  switch (error.reason) {
    case 'missing_signature':
      return new HttpError(401, 'missing_signature', error.message);
    case 'signature_mismatch':
    case 'unusable_key':
      return new HttpError(
        401,
        'bad_signature',
        "The webhook's signature does not verify with any trusted key (GHL_WEBHOOK_PUBLIC_KEYS, by default HighLevel's published keys). Check that the request comes from HighLevel unmodified; when testing with an emulator, configure its public keys.",
      );
    case 'stale':
    case 'from_the_future':
    case 'duplicate':
      return new HttpError(
        401,
        'stale_webhook',
        `${error.message} The window is GHL_WEBHOOK_REPLAY_WINDOW_SECONDS (${replayWindowMs / 1000} s).`,
      );
    case 'malformed_payload':
      return error.cause instanceof SyntaxError
        ? new HttpError(400, 'invalid_json', error.message)
        : new HttpError(400, 'invalid_webhook', error.message);
  }
}

/**
 * Registers the route, documented with the event HighLevel posts, answered from the raw body.
 *
 * @example registerPostHighLevelWebhook(app, deps); // before the JSON body and authentication layers
 */
export function registerPostHighLevelWebhook(app: App, deps: AppDeps): void {
  app.openAPIRegistry.registerPath(route);
  const settings = deps.highLevelWebhooks ?? {
    publicKeys: HIGHLEVEL_WEBHOOK_KEYRING,
    replayWindowMs: DEFAULT_WEBHOOK_TOLERANCE_MS,
  };
  let check: CheckDelivery | undefined;
  const checkDelivery: CheckDelivery = (delivery) => {
    check ??= deliveryChecker({
      keys: settings.publicKeys,
      replayWindowMs: settings.replayWindowMs,
      now: () => deps.clock?.now() ?? Date.now(),
    });
    return check(delivery);
  };

  app.post(PATH, async (c) => {
    const log = c.get('log');
    const rawBody = new Uint8Array(await c.req.arrayBuffer());
    let event: IncomingWebhookEvent;
    try {
      event = await checkDelivery({ rawBody, headers: c.req.raw.headers });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      log.info({ reason: error.reason }, 'webhook from HighLevel refused');
      throw refused(error, settings.replayWindowMs);
    }
    let duplicate: boolean;
    try {
      ({ duplicate } = await recordReceivedWebhook(deps.database.db, deps.queue, event));
    } catch (cause) {
      // HighLevel re-sends a delivery only after a 429, ten minutes later with its original
      // timestamp (https://marketplace.gohighlevel.com/docs/webhook/WebhookIntegrationGuide):
      // past the default replay window, so asking for a retry would only trade this 503 for a
      // 401 then. A 503 says truthfully that the event was not kept, in HighLevel's webhook
      // logs and in ours, while /readyz reports the database.
      log.error({ err: cause, webhookId: event.webhookId }, 'webhook from HighLevel not stored');
      throw new HttpError(
        503,
        'database_unavailable',
        'The event could not be stored: the database is unavailable. It was not recorded; HighLevel does not send it again.',
      );
    }
    log.info(
      { webhookId: event.webhookId, type: event.type, duplicate },
      'webhook from HighLevel received',
    );
    return c.json({ webhookId: event.webhookId, duplicate }, 200);
  });
}
