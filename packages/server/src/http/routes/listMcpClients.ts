/**
 * `GET /v1/workspaces/:ws/mcp/clients` -> 200 `{clients}`: the workspace's MCP clients, newest
 * first, revoked ones too (with `revokedAt`); never a token.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { listMcpClients } from '../../mcp/clientStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { McpClientSchema, mcpClientView } from '../mcpSchemas.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/mcp/clients',
  summary: "The workspace's MCP clients and what each may use, newest first",
  security: bearer,
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: 'The clients',
      content: { 'application/json': { schema: z.object({ clients: z.array(McpClientSchema) }) } },
    },
    ...errorResponses(401, 403, 404),
  },
});

/** @example registerListMcpClients(app, deps); */
export function registerListMcpClients(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const clients = await listMcpClients(deps.database.db, c.get('workspace').id);
    return c.json({ clients: clients.map(mcpClientView) }, 200);
  });
}
