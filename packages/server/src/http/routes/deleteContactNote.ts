/**
 * `DELETE /v1/workspaces/:ws/contacts/:externalId/notes/:noteId` -> 202: the note is
 * deleted in HighLevel by the contact's job; again -> 202, nothing more; 404 for a note the
 * app never sent (docs/contacts.md).
 */
import { createRoute } from '@hono/zod-openapi';
import { itemDeleteAnswer } from '../appItemAnswers.js';
import { AppItemSchema, NoteParams } from '../appRecordSchemas.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses } from '../schemas.js';

const route = createRoute({
  method: 'delete',
  path: '/v1/workspaces/{ws}/contacts/{externalId}/notes/{noteId}',
  summary: 'Delete a note of the contact in HighLevel',
  security: bearer,
  request: { params: NoteParams },
  responses: {
    202: {
      description: 'Deleted by the app: its delete in HighLevel is enqueued (or done)',
      content: { 'application/json': { schema: AppItemSchema } },
    },
    ...errorResponses(401, 403, 404),
  },
});

/** @example registerDeleteContactNote(app, deps); */
export function registerDeleteContactNote(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { externalId, noteId } = c.req.valid('param');
    const view = await itemDeleteAnswer(c, deps, {
      workspaceId: workspace.id,
      contactExternalId: externalId,
      kind: 'note',
      externalId: noteId,
    });
    return c.json(view, 202);
  });
}
