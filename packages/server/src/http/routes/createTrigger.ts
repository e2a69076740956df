/**
 * `POST /v1/workspaces/:ws/triggers {trigger, input?, intervalMinutes?, endpointId | url}` -> 201
 * the subscription (and, for a `url`, the new endpoint's signing `secret`, shown this once). The
 * first poll runs before the answer: it records what is already in HighLevel, which is not
 * delivered, and shows that HighLevel takes the parameters (its refusal is the answer otherwise).
 * See docs/triggers.md.
 */
import { createRoute } from '@hono/zod-openapi';
import { subscribe } from '../../triggers/subscribe.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';
import { subscribedOrThrow } from '../triggerAnswers.js';
import {
  CreateTriggerBody,
  subscriptionView,
  TriggerSubscriptionSchema,
} from '../triggerSchemas.js';
import { secretField } from '../webhookEndpointSchemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/triggers',
  summary:
    'Subscribe to a ready-made trigger: HighLevel polled, each new or changed item delivered once',
  description:
    'Subscribes to one trigger of the catalogue (GET /v1/catalogue?kind=trigger). HighLevel is polled every `intervalMinutes` with the parameters in `input`; each item that is new or changed since the last poll is delivered once to the webhook endpoint, as a `trigger.item` event. The first poll runs now and records what is already there: it is not delivered. See docs/triggers.md.',
  security: bearer,
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: CreateTriggerBody } } },
  },
  responses: {
    201: {
      description: 'Subscribed; the first poll is in `lastPoll`',
      content: {
        'application/json': {
          schema: TriggerSubscriptionSchema.extend({
            secret: secretField.optional().openapi({
              description:
                'With `url` only: the signing secret of the endpoint made for it, shown in this response only',
            }),
          }).openapi('CreatedTriggerSubscription'),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 502),
  },
});

/** @example registerCreateTrigger(app, deps); */
export function registerCreateTrigger(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspaceId = c.get('workspace').id;
    const body = c.req.valid('json');
    const outcome = await subscribe(
      {
        db: deps.database.db,
        queue: deps.queue,
        highLevel: deps.highLevel,
        keyring: deps.keyring,
        allowPrivate: deps.webhooksAllowPrivate ?? false,
      },
      { workspaceId, ...body },
    );
    const { subscription, secret } = subscribedOrThrow(outcome, body.trigger, workspaceId);
    c.get('log').info(
      { workspaceId, triggerId: subscription.id, trigger: subscription.trigger },
      'trigger subscribed',
    );
    return c.json({ ...subscriptionView(subscription), ...(secret ? { secret } : {}) }, 201);
  });
}
