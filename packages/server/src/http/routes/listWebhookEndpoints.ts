/** `GET /v1/workspaces/:ws/webhook-endpoints` -> 200 `{endpoints}`, oldest first, never a secret. */
import { createRoute, z } from '@hono/zod-openapi';
import { endpointView, listEndpoints } from '../../webhooksOut/endpointStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';
import { WebhookEndpointSchema } from '../webhookEndpointSchemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/webhook-endpoints',
  summary: "The workspace's webhook endpoints",
  security: bearer,
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: 'Every endpoint, oldest first',
      content: {
        'application/json': {
          schema: z
            .object({ endpoints: z.array(WebhookEndpointSchema) })
            .openapi('WebhookEndpointList'),
        },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

/** @example registerListWebhookEndpoints(app, deps); */
export function registerListWebhookEndpoints(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const rows = await listEndpoints(deps.database.db, c.get('workspace').id);
    return c.json({ endpoints: rows.map(endpointView) }, 200);
  });
}
