/**
 * `DELETE /v1/workspaces/:ws/contacts/:externalId/tasks/:taskId` -> 202: the task is
 * deleted in HighLevel by the contact's job; again -> 202, nothing more; 404 for a task the
 * app never sent (docs/contacts.md).
 */
import { createRoute } from '@hono/zod-openapi';
import { itemDeleteAnswer } from '../appItemAnswers.js';
import { AppItemSchema, TaskParams } from '../appRecordSchemas.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses } from '../schemas.js';

const route = createRoute({
  method: 'delete',
  path: '/v1/workspaces/{ws}/contacts/{externalId}/tasks/{taskId}',
  summary: 'Delete a task of the contact in HighLevel',
  security: bearer,
  request: { params: TaskParams },
  responses: {
    202: {
      description: 'Deleted by the app: its delete in HighLevel is enqueued (or done)',
      content: { 'application/json': { schema: AppItemSchema } },
    },
    ...errorResponses(401, 403, 404),
  },
});

/** @example registerDeleteContactTask(app, deps); */
export function registerDeleteContactTask(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { externalId, taskId } = c.req.valid('param');
    const view = await itemDeleteAnswer(c, deps, {
      workspaceId: workspace.id,
      contactExternalId: externalId,
      kind: 'task',
      externalId: taskId,
    });
    return c.json(view, 202);
  });
}
