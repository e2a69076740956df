/**
 * `PATCH /v1/workspaces/:ws/webhook-endpoints/:endpointId {url?, events?, description?,
 * enabled?}` -> 200 the endpoint. `enabled: false` fails its pending deliveries (no scheduled
 * retry sends them); a new URL is checked like on create.
 */
import { createRoute } from '@hono/zod-openapi';
import { endpointView, updateEndpoint } from '../../webhooksOut/endpointStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses } from '../schemas.js';
import {
  checkWebhookUrl,
  EndpointParams,
  endpointNotFound,
  UpdateWebhookEndpointBody,
  WebhookEndpointSchema,
} from '../webhookEndpointSchemas.js';

const route = createRoute({
  method: 'patch',
  path: '/v1/workspaces/{ws}/webhook-endpoints/{endpointId}',
  summary: "Change a webhook endpoint's URL, events or description, or disable it",
  security: bearer,
  request: {
    params: EndpointParams,
    body: {
      required: true,
      content: { 'application/json': { schema: UpdateWebhookEndpointBody } },
    },
  },
  responses: {
    200: {
      description: 'The endpoint',
      content: { 'application/json': { schema: WebhookEndpointSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

/** @example registerUpdateWebhookEndpoint(app, deps); */
export function registerUpdateWebhookEndpoint(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { endpointId } = c.req.valid('param');
    const patch = c.req.valid('json');
    if (patch.url !== undefined)
      await checkWebhookUrl(patch.url, deps.webhooksAllowPrivate ?? false);
    const row = await updateEndpoint(deps.database.db, workspace.id, endpointId, {
      ...patch,
      ...(patch.events ? { events: [...new Set(patch.events)] } : {}),
    });
    if (!row) throw endpointNotFound(endpointId);
    c.get('log').info({ workspaceId: workspace.id, endpointId }, 'webhook endpoint updated');
    return c.json(endpointView(row), 200);
  });
}
