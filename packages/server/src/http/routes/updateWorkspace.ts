/**
 * `PATCH /v1/workspaces/:ws {name?, bookingSync?, defaultCountry?}` -> 200 the workspace. New
 * prefixes apply from each contact's next sync: ghl-bridge removes the tags it applied under the
 * old prefix and adds the new ones; fields it provisioned keep their ids (and their names in
 * HighLevel). A new `defaultCountry` applies to the bookings received from then on: stored ones
 * keep the phone (and customer) they were accepted with.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { updateWorkspace, workspaceView } from '../../workspaces/workspaceStore.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../httpError.js';
import {
  bearer,
  BookingSyncNamesSchema,
  DefaultCountrySchema,
  errorResponses,
  WorkspaceParams,
  WorkspaceSchema,
} from '../schemas.js';

const UpdateWorkspaceBody = z
  .object({
    name: z.string().trim().min(1, 'Give the workspace a name').max(200).optional(),
    bookingSync: BookingSyncNamesSchema.optional(),
    defaultCountry: DefaultCountrySchema,
  })
  .strict()
  .openapi('UpdateWorkspace');

const route = createRoute({
  method: 'patch',
  path: '/v1/workspaces/{ws}',
  summary:
    "Rename a workspace or set its booking sync's field and tag prefixes or its phones' default country",
  security: bearer,
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: UpdateWorkspaceBody } } },
  },
  responses: {
    200: {
      description: 'The workspace',
      content: { 'application/json': { schema: WorkspaceSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

export function registerUpdateWorkspace(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { name, bookingSync, defaultCountry } = c.req.valid('json');
    const updated = await updateWorkspace(deps.database.db, workspace.id, {
      ...(name === undefined ? {} : { name }),
      ...(bookingSync ? { bookingSync } : {}),
      ...(defaultCountry === undefined ? {} : { defaultCountry }),
    });
    // Deleted between the access check and the update.
    if (!updated) {
      throw new HttpError(404, 'workspace_not_found', `There is no workspace ${workspace.id}.`);
    }
    c.get('log').info({ workspaceId: workspace.id }, 'workspace updated');
    return c.json(workspaceView(updated), 200);
  });
}
