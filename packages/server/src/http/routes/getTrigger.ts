/** `GET /v1/workspaces/:ws/triggers/:triggerId` -> 200 the subscription, with its last poll. */
import { createRoute } from '@hono/zod-openapi';
import { findSubscription } from '../../triggers/subscriptionStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses } from '../schemas.js';
import {
  subscriptionView,
  triggerNotFound,
  TriggerParams,
  TriggerSubscriptionSchema,
} from '../triggerSchemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/triggers/{triggerId}',
  summary: 'One trigger subscription, with its last poll',
  security: bearer,
  request: { params: TriggerParams },
  responses: {
    200: {
      description: 'The subscription',
      content: { 'application/json': { schema: TriggerSubscriptionSchema } },
    },
    ...errorResponses(401, 403, 404),
  },
});

/** @example registerGetTrigger(app, deps); */
export function registerGetTrigger(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const { triggerId } = c.req.valid('param');
    const row = await findSubscription(deps.database.db, c.get('workspace').id, triggerId);
    if (!row) throw triggerNotFound(triggerId);
    return c.json(subscriptionView(row), 200);
  });
}
