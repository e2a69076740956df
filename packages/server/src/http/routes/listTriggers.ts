/** `GET /v1/workspaces/:ws/triggers` -> 200 `{triggers}`: the workspace's subscriptions, oldest first. */
import { createRoute, z } from '@hono/zod-openapi';
import { listSubscriptions } from '../../triggers/subscriptionStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';
import { subscriptionView, TriggerSubscriptionSchema } from '../triggerSchemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/triggers',
  summary: "The workspace's trigger subscriptions",
  security: bearer,
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: 'Every subscription, oldest first, with its last poll',
      content: {
        'application/json': {
          schema: z
            .object({ triggers: z.array(TriggerSubscriptionSchema) })
            .openapi('TriggerSubscriptionList'),
        },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

/** @example registerListTriggers(app, deps); */
export function registerListTriggers(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const rows = await listSubscriptions(deps.database.db, c.get('workspace').id);
    return c.json({ triggers: rows.map(subscriptionView) }, 200);
  });
}
