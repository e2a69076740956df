/**
 * `PUT /v1/workspaces/:ws/contacts/:externalId/tasks/:taskId` stores the app's version of
 * the task and enqueues its write to HighLevel -> 202 `pending`; the same version again or an
 * older one -> 200 (`already_taken`, `stale`); 409 `contact_not_found` for a contact the app
 * has not PUT, `task_deleted` for a task it deleted (docs/contacts.md).
 */
import { createRoute } from '@hono/zod-openapi';
import { itemVersionAnswer } from '../appItemAnswers.js';
import { AppItemAnswer, TaskParams, TaskVersionBody } from '../appRecordSchemas.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses } from '../schemas.js';

const route = createRoute({
  method: 'put',
  path: '/v1/workspaces/{ws}/contacts/{externalId}/tasks/{taskId}',
  summary: 'Create or update a task of the contact in HighLevel',
  security: bearer,
  request: {
    params: TaskParams,
    body: { required: true, content: { 'application/json': { schema: TaskVersionBody } } },
  },
  responses: {
    202: {
      description: 'A new version: stored, its write to HighLevel enqueued',
      content: { 'application/json': { schema: AppItemAnswer } },
    },
    200: {
      description: 'This version or a newer one was taken before: the task as it stands',
      content: { 'application/json': { schema: AppItemAnswer } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

/** @example registerPutContactTask(app, deps); */
export function registerPutContactTask(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { externalId, taskId } = c.req.valid('param');
    const { version, updatedAt, ...desired } = c.req.valid('json');
    const { status, answer } = await itemVersionAnswer(
      c,
      deps,
      {
        workspaceId: workspace.id,
        contactExternalId: externalId,
        kind: 'task',
        externalId: taskId,
      },
      { version, updatedAt: updatedAt ? new Date(updatedAt) : new Date(), desired },
    );
    return status === 202 ? c.json(answer, 202) : c.json(answer, 200);
  });
}
