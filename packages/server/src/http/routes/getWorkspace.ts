/**
 * `GET /v1/workspaces/:ws` -> 200 the workspace, its integration status, and the country booking
 * phones without +country are read in (`phoneCountry`: the workspace's own, else the Location's).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { connectionView, findConnection } from '../../highlevel/connectionStore.js';
import { phoneCountry } from '../../bookingSync/core/customerPhone.js';
import { workspaceView } from '../../workspaces/workspaceStore.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import {
  bearer,
  ConnectionSchema,
  errorResponses,
  WorkspaceParams,
  WorkspaceSchema,
} from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}',
  summary: 'A workspace, with its GoHighLevel connection status',
  security: bearer,
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: 'The workspace',
      content: {
        'application/json': {
          schema: WorkspaceSchema.extend({
            integrations: z.object({ gohighlevel: ConnectionSchema }),
            phoneCountry: z
              .object({
                country: z.string().nullable().openapi({ example: 'US' }),
                source: z.enum(['workspace', 'location']).nullable(),
              })
              .openapi({
                description:
                  "The country booking phones without +country are read in now, and where it comes from: the workspace's defaultCountry, else the connected Location's country; nulls: neither (such phones cannot be read)",
              }),
          }),
        },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

export function registerGetWorkspace(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const connection = await findConnection(deps.database.db, workspace.id);
    const country = phoneCountry({
      workspaceCountry: workspace.default_country,
      locationCountry: connection?.location_country,
    });
    return c.json(
      {
        ...workspaceView(workspace),
        integrations: { gohighlevel: connectionView(connection, deps.keyring) },
        phoneCountry: country ?? { country: null, source: null },
      },
      200,
    );
  });
}
