/**
 * `DELETE /v1/workspaces/:ws/triggers/:triggerId` -> 204: no more polls. The endpoint made for
 * the subscription's `url` goes with it; deliveries already made are still sent.
 */
import { createRoute } from '@hono/zod-openapi';
import { unsubscribe } from '../../triggers/subscribe.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses } from '../schemas.js';
import { triggerNotFound, TriggerParams } from '../triggerSchemas.js';

const route = createRoute({
  method: 'delete',
  path: '/v1/workspaces/{ws}/triggers/{triggerId}',
  summary: 'End a trigger subscription',
  security: bearer,
  request: { params: TriggerParams },
  responses: { 204: { description: 'Ended' }, ...errorResponses(401, 403, 404) },
});

/** @example registerDeleteTrigger(app, deps); */
export function registerDeleteTrigger(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspaceId = c.get('workspace').id;
    const { triggerId } = c.req.valid('param');
    if (!(await unsubscribe(deps.database.db, workspaceId, triggerId))) {
      throw triggerNotFound(triggerId);
    }
    c.get('log').info({ workspaceId, triggerId }, 'trigger unsubscribed');
    return c.body(null, 204);
  });
}
