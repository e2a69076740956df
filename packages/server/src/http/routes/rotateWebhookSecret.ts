/**
 * `POST /v1/workspaces/:ws/webhook-endpoints/:endpointId/secret` -> 200 `{secret,
 * previousSecretExpiresAt}`: a new signing secret, shown this once. For 24 hours every delivery
 * is signed with both the new and the previous secret (two signatures in `webhook-signature`), so
 * the receiver can switch at any time in between.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { rotateEndpointSecret } from '../../webhooksOut/endpointStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses } from '../schemas.js';
import { EndpointParams, endpointNotFound, secretField } from '../webhookEndpointSchemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/webhook-endpoints/{endpointId}/secret',
  summary: "Rotate a webhook endpoint's signing secret; the previous one signs too for 24 hours",
  security: bearer,
  request: { params: EndpointParams },
  responses: {
    200: {
      description: 'The new secret, shown once',
      content: {
        'application/json': {
          schema: z
            .object({
              secret: secretField,
              previousSecretExpiresAt: z.string().nullable().openapi({
                format: 'date-time',
                description:
                  'Until then deliveries carry a signature with the previous secret too; null when the previous one could not be read (its server key is gone)',
              }),
            })
            .openapi('RotatedWebhookSecret'),
        },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

/** @example registerRotateWebhookSecret(app, deps); */
export function registerRotateWebhookSecret(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { endpointId } = c.req.valid('param');
    const rotated = await rotateEndpointSecret(
      deps.database.db,
      deps.keyring,
      workspace.id,
      endpointId,
      new Date(),
    );
    if (!rotated) throw endpointNotFound(endpointId);
    c.get('log').info({ workspaceId: workspace.id, endpointId }, 'webhook secret rotated');
    return c.json(
      {
        secret: rotated.secret,
        previousSecretExpiresAt: rotated.endpoint.previous_secret_expires_at?.toISOString() ?? null,
      },
      200,
    );
  });
}
