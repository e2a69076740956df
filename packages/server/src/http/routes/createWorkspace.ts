/** `POST /v1/workspaces {name, features?, bookingSync?, defaultCountry?}` -> 201 `{id, name, features, createdAt, …, apiKey}` (key shown once). */
import { createRoute, z } from '@hono/zod-openapi';
import { createWorkspace } from '../../workspaces/workspaceStore.js';
import { workspaceView } from '../../workspaces/workspaceStore.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import {
  bearer,
  BookingSyncNamesSchema,
  DefaultCountrySchema,
  errorResponses,
  FeatureSchema,
  WorkspaceSchema,
} from '../schemas.js';

const CreateWorkspaceBody = z
  .object({
    name: z.string().trim().min(1, 'Give the workspace a name').max(200),
    features: z.array(FeatureSchema).min(1).max(10).default(['bookings']),
    bookingSync: BookingSyncNamesSchema.optional(),
    defaultCountry: DefaultCountrySchema,
  })
  .strict()
  .openapi('CreateWorkspace');

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces',
  summary: 'Create a workspace; its API key is in this response only',
  security: bearer,
  request: {
    body: { required: true, content: { 'application/json': { schema: CreateWorkspaceBody } } },
  },
  responses: {
    201: {
      description: 'Created',
      content: {
        'application/json': {
          schema: WorkspaceSchema.extend({
            apiKey: z.string().openapi({ description: 'Shown once; stored only as a hash' }),
          }).openapi('CreatedWorkspace'),
        },
      },
    },
    ...errorResponses(400, 401, 403, 413, 415, 422),
  },
});

export function registerCreateWorkspace(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const features = [...new Set(body.features)];
    const { workspace, apiKey } = await createWorkspace(deps.database.db, {
      name: body.name,
      features,
      ...(body.bookingSync ? { bookingSync: body.bookingSync } : {}),
      ...(body.defaultCountry === undefined ? {} : { defaultCountry: body.defaultCountry }),
    });
    c.get('log').info({ workspaceId: workspace.id }, 'workspace created');
    return c.json({ ...workspaceView(workspace), apiKey }, 201);
  });
}
