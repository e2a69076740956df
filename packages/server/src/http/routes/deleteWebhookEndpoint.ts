/**
 * `DELETE /v1/workspaces/:ws/webhook-endpoints/:endpointId` -> 204; its deliveries go with it,
 * and the pending ones are never sent.
 */
import { createRoute } from '@hono/zod-openapi';
import { deleteEndpoint } from '../../webhooksOut/endpointStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses } from '../schemas.js';
import { EndpointParams, endpointNotFound } from '../webhookEndpointSchemas.js';

const route = createRoute({
  method: 'delete',
  path: '/v1/workspaces/{ws}/webhook-endpoints/{endpointId}',
  summary: 'Delete a webhook endpoint and its deliveries',
  security: bearer,
  request: { params: EndpointParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
});

/** @example registerDeleteWebhookEndpoint(app, deps); */
export function registerDeleteWebhookEndpoint(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { endpointId } = c.req.valid('param');
    if (!(await deleteEndpoint(deps.database.db, workspace.id, endpointId))) {
      throw endpointNotFound(endpointId);
    }
    c.get('log').info({ workspaceId: workspace.id, endpointId }, 'webhook endpoint deleted');
    return c.body(null, 204);
  });
}
