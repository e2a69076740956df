/**
 * `GET /v1/workspaces/:ws/contacts/:externalId` -> 200 the app's contact: its HighLevel
 * `contactId`, version and sync status, with its notes and tasks and theirs.
 */
import { createRoute } from '@hono/zod-openapi';
import { findAppContact } from '../../appRecords/contactStore.js';
import { itemsOfContact } from '../../appRecords/itemStore.js';
import { contactView } from '../../appRecords/recordViews.js';
import { AppContactSchema, ContactParams, contactNotFound } from '../appRecordSchemas.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/contacts/{externalId}',
  summary: "The app's contact: its HighLevel contact, sync status, notes and tasks",
  security: bearer,
  request: { params: ContactParams },
  responses: {
    200: {
      description: 'The contact',
      content: { 'application/json': { schema: AppContactSchema } },
    },
    ...errorResponses(401, 403, 404),
  },
});

/** @example registerGetContact(app, deps); */
export function registerGetContact(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { externalId } = c.req.valid('param');
    const { db } = deps.database;
    const row = await findAppContact(db, workspace.id, externalId);
    if (!row) throw contactNotFound(404, workspace.id, externalId);
    return c.json(contactView(row, await itemsOfContact(db, workspace.id, externalId)), 200);
  });
}
