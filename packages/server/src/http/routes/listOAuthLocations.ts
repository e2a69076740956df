/**
 * `GET /v1/oauth/locations` (admin): the Locations the marketplace app is installed on, directly
 * or through an agency, with the workspaces connected to each: what a workspace can connect to by
 * choosing (`PUT …/integrations/gohighlevel {locationId}` without `apiKey`).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { installedLocations } from '../../oauth/installStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { requireAdmin } from '../middleware/requireAdmin.js';
import { bearer, errorResponses } from '../schemas.js';

const InstalledLocation = z
  .object({
    locationId: z.string(),
    name: z.string().nullable(),
    companyId: z.string().nullable(),
    installedVia: z.enum(['location', 'agency']).openapi({
      description:
        "`location`: the app was installed on the sub-account; `agency`: on its agency, whose token mints the Location's",
    }),
    installedAt: z.string().openapi({ format: 'date-time' }),
    scopes: z.array(z.string()),
    workspaceIds: z
      .array(z.string())
      .openapi({ description: 'Workspaces connected to the Location through the app' }),
  })
  .openapi('InstalledLocation');

const route = createRoute({
  method: 'get',
  path: '/v1/oauth/locations',
  summary: 'Locations the HighLevel app is installed on (admin)',
  security: bearer,
  middleware: [requireAdmin()] as const,
  responses: {
    200: {
      description: 'Installed Locations, by name',
      content: {
        'application/json': {
          schema: z.object({ configured: z.boolean(), locations: z.array(InstalledLocation) }),
        },
      },
    },
    ...errorResponses(401, 403),
  },
});

/** @example registerListOAuthLocations(app, deps); */
export function registerListOAuthLocations(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const db = deps.database.db;
    const [rows, connections] = await Promise.all([
      installedLocations(db),
      db
        .selectFrom('gohighlevel_connections')
        .select(['workspace_id', 'location_id'])
        .where('credential_kind', '=', 'oauth')
        .execute(),
    ]);
    return c.json(
      {
        configured: deps.oauthApp !== undefined,
        locations: rows.map((row) => ({
          locationId: row.resource_id,
          name: row.name,
          companyId: row.company_id,
          installedVia: row.via_company_id ? ('agency' as const) : ('location' as const),
          installedAt: row.installed_at.toISOString(),
          scopes: row.scopes,
          workspaceIds: connections
            .filter((conn) => conn.location_id === row.resource_id)
            .map((conn) => conn.workspace_id),
        })),
      },
      200,
    );
  });
}
