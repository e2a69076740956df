/**
 * `POST /v1/workspaces/:ws/webhook-endpoints {url, events, description?, enabled?}` -> 201 the
 * endpoint and its signing `secret`, shown this once; 422 for a URL webhooks may not go to.
 */
import { createRoute } from '@hono/zod-openapi';
import { createEndpoint, endpointView } from '../../webhooksOut/endpointStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';
import {
  checkWebhookUrl,
  CreateWebhookEndpointBody,
  secretField,
  WebhookEndpointSchema,
} from '../webhookEndpointSchemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/webhook-endpoints',
  summary: 'Add a webhook endpoint; its signing secret is in this response only',
  security: bearer,
  request: {
    params: WorkspaceParams,
    body: {
      required: true,
      content: { 'application/json': { schema: CreateWebhookEndpointBody } },
    },
  },
  responses: {
    201: {
      description: 'Created',
      content: {
        'application/json': {
          schema: WebhookEndpointSchema.extend({ secret: secretField }).openapi(
            'CreatedWebhookEndpoint',
          ),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

/** @example registerCreateWebhookEndpoint(app, deps); */
export function registerCreateWebhookEndpoint(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const body = c.req.valid('json');
    await checkWebhookUrl(body.url, deps.webhooksAllowPrivate ?? false);
    const { endpoint, secret } = await createEndpoint(
      deps.database.db,
      deps.keyring,
      workspace.id,
      { ...body, events: [...new Set(body.events)] },
    );
    c.get('log').info(
      { workspaceId: workspace.id, endpointId: endpoint.id },
      'webhook endpoint created',
    );
    return c.json({ ...endpointView(endpoint), secret }, 201);
  });
}
